// Exposure benchmarks (docs/plan-and-exposure.md, "Performance"):
// (a) a plan of 50 lines × 36 months with contracts, basis and budgets: edit one cell
//     (Plan::withCell) and recompute the full exposure, median of 500 runs;
// (b) parse a generated plan.csv of N rows (default 100,000), median of 5 runs.
// Run by hand (never in CI): build/bench/exposure_bench [rows]

#include "bench_support.h"
#include "exposure/exposure.h"
#include "exposure/plan_csv.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace ch::bench;
using ch::Month;

struct Inputs
{
    std::vector<ch::ContractedCapacity> contracts;
    ch::exposure::BasisReport basis;
    std::vector<ch::BudgetEntry> budgets;
    std::vector<ch::pricing::ForwardCurve> curves;
};

Inputs benchInputs(const ch::Plan& plan)
{
    Inputs in;
    in.contracts = benchContracts(plan);
    in.budgets = benchBudget(plan);
    for (const ch::Resource& r : ch::allResources()) {
        ch::pricing::ForwardCurve c;
        c.indexId = r.defaultIndexId();
        c.unit = r.unit();
        for (int m = 0; m < kMonths; ++m)
            c.points.push_back({ch::addMonths(kFirst, m), (r.isGpu() ? 2.5 : 5.0) - 0.01 * m});
        in.curves.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < plan.lines().size(); ++i) {
        const ch::PlanLine& line = plan.lines()[i];
        const double basisMean = i % 2 == 0 ? 1.05 : 1.0;
        in.basis.lines.push_back(ch::exposure::BasisEstimate{
            line.id(),
            line.resource(),
            line.indexId(),
            i % 2 == 0 ? std::vector<ch::exposure::BasisObservation>{{kFirst, 1, 1, 1, 1, 1.05}}
                       : std::vector<ch::exposure::BasisObservation>{},
            basisMean,
            0.0});
    }
    return in;
}

void benchEditAndExposure()
{
    ch::Plan plan = benchPlan();
    const Inputs in = benchInputs(plan);
    constexpr int kRuns = 500;
    std::vector<double> times;
    double checksum = 0.0;
    for (int run = 0; run < kRuns; ++run) {
        const std::string lineId = "line-" + std::to_string(run % kLines);
        const Month month = ch::addMonths(kFirst, run % kMonths);
        const double base = 1000.0 + run;
        const auto start = Clock::now();
        plan = plan.withCell(lineId, month, ch::VolumeTriple(0.9 * base, base, 1.1 * base));
        const auto report =
            ch::exposure::computeExposure(plan, in.contracts, in.basis, in.budgets, in.curves);
        times.push_back(msSince(start));
        checksum += report.total[1].totalCostUsd;
    }
    std::printf("edit one cell + full exposure (%d lines x %d months x 3 scenarios, %zu contracts, "
                "%zu budgets): median %.3f ms over %d runs (checksum %.6g)\n",
                kLines,
                kMonths,
                in.contracts.size(),
                in.budgets.size(),
                median(times),
                kRuns,
                checksum);
}

void benchCsvImport(std::size_t rows)
{
    const std::string text = planCsv(rows);
    std::vector<double> times;
    std::vector<double> cpuTimes;
    std::size_t lines = 0;
    std::size_t issues = 0;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        const double cpuStart = cpuMs();
        const auto parsed = ch::exposure::parsePlanCsv(text, "plan.csv", kFirst, kMonths);
        times.push_back(msSince(start));
        cpuTimes.push_back(cpuMs() - cpuStart);
        lines = parsed.value.lines().size();
        issues = parsed.issues.size();
    }
    std::printf("plan.csv import: %zu rows (%zu lines, %.1f MB, %zu issues): median %.1f ms "
                "(%.1f ms CPU) over 5 runs\n",
                rows,
                lines,
                static_cast<double>(text.size()) / 1e6,
                issues,
                median(times),
                median(cpuTimes));
}

} // namespace

int main(int argc, char** argv)
{
    const long rows = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 100'000;
    if (rows <= 0) {
        std::fprintf(stderr, "exposure_bench: error: rows must be a positive number\n");
        return 1;
    }
    benchEditAndExposure();
    benchCsvImport(static_cast<std::size_t>(rows));
    return 0;
}
