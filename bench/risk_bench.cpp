// risk_bench: throughput of ch::risk::runCostAtRisk on workload W1 and of the simple reference.
//
//   W1  = 100'000 paths × 36 monthly steps × 10 correlated factors, all with jumps (7 GPU
//         mean-reverting, 3 token tiers with cuts and a small diffusion), one deterministic
//         cell per factor and month, 60 futures and 12 calls: hedged and unhedged statistics.
//   W1v = W1 with Beta-PERT volumes on every cell (360 uncertain cells, demand factor).
//
// Usage: risk_bench [--paths N] [--repeats R] [--reference-paths N] [--no-reference]
//                   [--workload w1|w1v|both] [--no-cancel]
// Prints wall times (best and median of R), CPU time, paths/s, ns per factor-step, peak RSS,
// cancel latency and the engine's statistics next to the reference's. --workload and
// --no-cancel narrow a run for profiling (perf record) to the part being looked at.
#include "reference_mc.h"
#include "risk/cost_at_risk.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace ch;
using namespace ch::risk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kMonths = 36;

RiskFactor factor(const char* id,
                  const char* resource,
                  FactorModel model,
                  double spot,
                  double declinePerYear,
                  FactorParams p)
{
    RiskFactor f;
    f.indexId = id;
    f.resource = resource;
    f.model = model;
    f.params = p;
    for (int m = 0; m < kMonths; ++m)
        f.forwardUsd.push_back(spot * std::exp(-declinePerYear * (m + 1) / 12.0));
    return f;
}

RiskInputs workloadW1(bool uncertainVolumes)
{
    using enum FactorModel;
    RiskInputs in;
    in.firstMonth = std::chrono::year(2026) / std::chrono::November;
    in.horizonMonths = kMonths;
    in.factors = {
        factor("GPU.H100.NC", "H100", MeanRevertingJump, 2.81, 0.12, {4.0, 0.45, 3.0, 0.10, 0.06}),
        factor("GPU.H100.HS", "H100", MeanRevertingJump, 7.16, 0.08, {2.0, 0.25, 1.0, -0.2, 0.1}),
        factor("GPU.H200.NC", "H200", MeanRevertingJump, 3.25, 0.10, {4.0, 0.40, 2.0, 0.08, 0.05}),
        factor("GPU.B200.NC", "B200", MeanRevertingJump, 5.87, 0.05, {3.0, 0.45, 2.0, 0.10, 0.05}),
        factor("GPU.A100.NC", "A100", MeanRevertingJump, 1.65, 0.15, {3.0, 0.25, 1.0, -0.2, 0.08}),
        factor("GPU.A100.HS", "A100", MeanRevertingJump, 3.69, 0.10, {2.0, 0.20, 0.5, -0.2, 0.1}),
        factor("GPU.L40S.NC", "L40S", MeanRevertingJump, 0.95, 0.12, {3.0, 0.25, 1.0, -0.1, 0.05}),
        factor(
            "TOK.FRONTIER.BLEND", "FRONTIER", TokenCuts, 4.38, 0.3, {0.0, 0.10, 2.0, -0.4, 0.15}),
        factor("TOK.MID.BLEND", "MID", TokenCuts, 1.31, 0.3, {0.0, 0.10, 2.0, -0.3, 0.10}),
        factor("TOK.SMALL.BLEND", "SMALL", TokenCuts, 0.11, 0.5, {0.0, 0.10, 3.0, -0.3, 0.10}),
    };
    const Eigen::Index k = 10;
    in.correlation = Eigen::MatrixXd::Identity(k, k);
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = 0; j < k; ++j) {
            if (i == j)
                continue;
            const bool gi = i < 7;
            const bool gj = j < 7;
            in.correlation(i, j) = gi && gj ? 0.55 : (!gi && !gj ? 0.5 : 0.1);
        }
    const double volume[10] = {
        73'000, 20'000, 30'000, 40'000, 25'000, 8'000, 15'000, 9'000, 30'000, 200'000};
    for (std::size_t f = 0; f < 10; ++f)
        for (int m = 0; m < kMonths; ++m) {
            ExposureCell c;
            c.factor = f;
            c.monthOffset = m;
            c.baseVolume = volume[f];
            c.lowVolume = uncertainVolumes ? 0.8 * volume[f] : volume[f];
            c.highVolume = uncertainVolumes ? 1.3 * volume[f] : volume[f];
            in.cells.push_back(c);
        }
    for (std::size_t f : {0u, 2u, 3u, 4u, 6u})
        for (int m = 0; m < 12; ++m) {
            HedgeInstrument h;
            h.factor = f;
            h.monthOffset = m;
            h.strikeUsd = in.factors[f].forwardUsd[static_cast<std::size_t>(m)];
            h.contracts = std::round(0.5 * volume[f] / 730.0);
            in.instruments.push_back(h);
        }
    for (int m = 12; m < 24; ++m) {
        HedgeInstrument h;
        h.kind = InstrumentKind::Call;
        h.monthOffset = m;
        h.strikeUsd = 3.0;
        h.premiumUsd = 0.2;
        h.contracts = 50.0;
        in.instruments.push_back(h);
    }
    in.demand.volumeCorrelation = 0.5;
    in.demand.priceVolumeCorrelation = 0.3;
    return in;
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Timing
{
    double best = 0.0;   //!< wall seconds, best run
    double median = 0.0; //!< wall seconds, median run
    double cpu = 0.0;    //!< CPU seconds of all threads, median run
    double cpuMin = 0.0; //!< CPU seconds of all threads, least over the runs
    CostAtRisk last;
};

Timing timeRuns(const RiskInputs& in, std::size_t paths, unsigned threads, int repeats)
{
    McConfig cfg;
    cfg.paths = paths;
    cfg.threads = threads;
    std::vector<double> t;
    std::vector<double> cpu;
    Timing out;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        const double cpu0 = processCpuSeconds();
        out.last = runCostAtRisk(in, cfg);
        cpu.push_back(processCpuSeconds() - cpu0);
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    std::sort(cpu.begin(), cpu.end());
    out.best = t.front();
    out.median = t[t.size() / 2];
    out.cpu = cpu[cpu.size() / 2];
    out.cpuMin = cpu.front();
    return out;
}

void printTiming(const char* name, std::size_t paths, unsigned threads, const Timing& t)
{
    const double steps = static_cast<double>(paths) * kMonths * 10.0;
    std::printf("%-4s %zu paths, %u thread%s: wall best %.4f s (median %.4f s), %.3g paths/s, "
                "%.2f ns/factor-step wall; CPU median %.4f s (min %.4f s) = %.2f ns/factor-step "
                "of CPU\n",
                name,
                paths,
                threads,
                threads == 1 ? " " : "s",
                t.best,
                t.median,
                static_cast<double>(paths) / t.best,
                t.best * 1e9 / steps,
                t.cpu,
                t.cpuMin,
                t.cpu * 1e9 / steps);
}

void printStats(const char* label, const DistributionSummary& d)
{
    std::printf("  %-16s E %.6e (SE %.1e)  P95 %.6e (SE %.1e)  P99 %.6e (SE %.1e)  "
                "ES95 %.6e  ES99 %.6e\n",
                label,
                d.expected.value,
                d.expected.standardError,
                d.p95.value,
                d.p95.standardError,
                d.p99.value,
                d.p99.standardError,
                d.es95.value,
                d.es99.value);
}

void printReference(const char* label, const bench::ReferenceStats& s)
{
    std::printf("  %-16s E %.6e               P95 %.6e               P99 %.6e               "
                "ES95 %.6e  ES99 %.6e\n",
                label,
                s.mean,
                s.p95,
                s.p99,
                s.es95,
                s.es99);
}

double cancelLatencyMs(const RiskInputs& in)
{
    McConfig cfg;
    cfg.paths = 20'000'000;
    cfg.threads = 2;
    const auto start = Clock::now();
    Clock::time_point asked{};
    RunControl rc;
    rc.stopRequested = [&] {
        if (Clock::now() - start < std::chrono::milliseconds(200))
            return false;
        if (asked == Clock::time_point{})
            asked = Clock::now();
        return true;
    };
    const CostAtRisk r = runCostAtRisk(in, cfg, rc);
    const auto end = Clock::now();
    if (!r.cancelled)
        return -1.0;
    return std::chrono::duration<double, std::milli>(end - asked).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t paths = 100'000;
    std::size_t referencePaths = 0;
    int repeats = 5;
    bool reference = true;
    bool cancel = true;
    std::string workload = "both";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--paths" && i + 1 < argc)
            paths = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--repeats" && i + 1 < argc)
            repeats = std::atoi(argv[++i]);
        else if (a == "--reference-paths" && i + 1 < argc)
            referencePaths = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--no-reference")
            reference = false;
        else if (a == "--no-cancel")
            cancel = false;
        else if (a == "--workload" && i + 1 < argc
                 && (std::strcmp(argv[i + 1], "w1") == 0 || std::strcmp(argv[i + 1], "w1v") == 0
                     || std::strcmp(argv[i + 1], "both") == 0))
            workload = argv[++i];
        else {
            std::fprintf(stderr,
                         "usage: risk_bench [--paths N] [--repeats R] [--reference-paths N] "
                         "[--no-reference] [--workload w1|w1v|both] [--no-cancel]\n");
            return 2;
        }
    }
    if (referencePaths == 0)
        referencePaths = paths;
    const RiskInputs w1 = workloadW1(false);
    const RiskInputs w1v = workloadW1(true);

    if (workload == "w1v") {
        const Timing w1vt1 = timeRuns(w1v, paths, 1, repeats);
        printTiming("W1v", paths, 1, w1vt1);
        const Timing w1vt2 = timeRuns(w1v, paths, 2, repeats);
        printTiming("W1v", paths, 2, w1vt2);
        std::printf("peak RSS after the engine runs: %.1f MB\n", peakRssMb());
        return 0;
    }
    const Timing w1t1 = timeRuns(w1, paths, 1, repeats);
    printTiming("W1", paths, 1, w1t1);
    const Timing w1t2 = timeRuns(w1, paths, 2, repeats);
    printTiming("W1", paths, 2, w1t2);
    if (workload == "both") {
        const Timing w1vt1 = timeRuns(w1v, paths, 1, repeats);
        printTiming("W1v", paths, 1, w1vt1);
        const Timing w1vt2 = timeRuns(w1v, paths, 2, repeats);
        printTiming("W1v", paths, 2, w1vt2);
    }
    std::printf("peak RSS after the engine runs: %.1f MB\n", peakRssMb());
    if (cancel)
        std::printf("cancel latency (stop requested after 200 ms of a 20M-path run): %.1f ms\n",
                    cancelLatencyMs(w1));

    const CostAtRiskReport& rep = *w1t2.last.report;
    std::printf("W1 engine (seed %llu, %zu paths), horizon total in USD:\n",
                static_cast<unsigned long long>(w1t2.last.seed),
                w1t2.last.paths);
    printStats("unhedged", rep.horizon.unhedged);
    printStats("hedged", rep.horizon.hedged);
    std::printf("  CaR95 %.4e -> %.4e hedged (reduction %.4e); correlation repaired: %s\n",
                rep.horizon.unhedged.car95.value,
                rep.horizon.hedged.car95.value,
                rep.car95ReductionUsd,
                rep.correlationRepaired ? "yes" : "no");
    if (!reference)
        return 0;
    const auto start = Clock::now();
    const double cpu0 = processCpuSeconds();
    const bench::ReferenceResult ref = bench::runReferenceMonteCarlo(w1, referencePaths, 1);
    const double refCpu = processCpuSeconds() - cpu0;
    const double refSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double scaled =
        refSeconds * static_cast<double>(paths) / static_cast<double>(referencePaths);
    const double refSteps = static_cast<double>(referencePaths) * kMonths * 10.0;
    std::printf("reference %zu paths, 1 thread: wall %.3f s, %.3g paths/s, %.2f ns/factor-step "
                "wall; CPU %.3f s = %.2f ns/factor-step of CPU\n",
                referencePaths,
                refSeconds,
                static_cast<double>(referencePaths) / refSeconds,
                refSeconds * 1e9 / refSteps,
                refCpu,
                refCpu * 1e9 / refSteps);
    const double scaledCpu =
        refCpu * static_cast<double>(paths) / static_cast<double>(referencePaths);
    std::printf("speed-up over the reference (wall): %.1fx on 1 thread, %.1fx on 2 threads; "
                "CPU-time ratio %.1fx\n",
                scaled / w1t1.best,
                scaled / w1t2.best,
                scaledCpu / w1t1.cpu);
    printReference("reference unh.", ref.unhedged);
    printReference("reference hedged", ref.hedged);
    std::printf("peak RSS after the reference: %.1f MB\n", peakRssMb());
    return 0;
}
