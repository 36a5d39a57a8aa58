// Exposure benchmarks (docs/plan-and-exposure.md, "Performance"):
// (a) a plan of 50 lines × 36 months with contracts, basis and budgets: edit one cell
//     (Plan::withCell) and recompute the full exposure, median of 500 runs;
// (b) parse a generated plan.csv of N rows (default 100,000), median of 5 runs.
// Run by hand (never in CI): build/bench/exposure_bench [rows]

#include "domain/plan_text.h"
#include "exposure/exposure.h"
#include "exposure/plan_csv.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using ch::Month;

const Month kFirst{std::chrono::year{2026}, std::chrono::month{11}};
constexpr int kMonths = 36;
constexpr int kLines = 50;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

//! Process CPU time in ms (std::clock): on a shared build machine wall time also counts the time
//! other processes held the cores, CPU time does not.
double cpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

ch::Resource resourceOf(int i)
{
    const auto all = ch::allResources();
    return all[static_cast<std::size_t>(i) % all.size()];
}

//! 50 lines cycling through the eleven resources, growing 1% a month.
ch::Plan benchPlan()
{
    std::vector<ch::PlanLine> lines;
    for (int i = 0; i < kLines; ++i) {
        std::vector<ch::VolumeTriple> cells;
        for (int m = 0; m < kMonths; ++m) {
            const double base = 1000.0 * (1 + i) * (1.0 + 0.01 * m);
            cells.emplace_back(0.9 * base, base, 1.2 * base);
        }
        const ch::Resource r = resourceOf(i);
        lines.emplace_back("line-" + std::to_string(i),
                           "Line " + std::to_string(i),
                           r,
                           r.defaultIndexId(),
                           ch::ConfidenceClass::Forecast,
                           std::move(cells));
    }
    return ch::Plan(kFirst, kMonths, std::move(lines));
}

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
    for (const ch::Resource& r : ch::allResources()) {
        ch::pricing::ForwardCurve c;
        c.indexId = r.defaultIndexId();
        c.unit = r.unit();
        for (int m = 0; m < kMonths; ++m)
            c.points.push_back({ch::addMonths(kFirst, m), (r.isGpu() ? 2.5 : 5.0) - 0.01 * m});
        in.curves.push_back(std::move(c));
        // A 12-month pool per resource, at a fixed price.
        in.contracts.emplace_back("pool-" + r.code(),
                                  "",
                                  r,
                                  r.defaultIndexId(),
                                  ch::ContractKind::ReservedInstance,
                                  "Bench",
                                  ch::UnitRate::fromMicros(r.unit(), 2'000'000),
                                  kFirst,
                                  std::vector<double>(12, 20'000.0));
    }
    for (std::size_t i = 0; i < plan.lines().size(); ++i) {
        const ch::PlanLine& line = plan.lines()[i];
        if (i % 5 == 0)
            in.contracts.emplace_back("bound-" + line.id(),
                                      line.id(),
                                      line.resource(),
                                      line.indexId(),
                                      ch::ContractKind::CommittedUse,
                                      "Bench",
                                      ch::UnitRate::fromMicros(line.unit(), 1'900'000),
                                      kFirst,
                                      std::vector<double>(24, 500.0 * static_cast<double>(i)));
        const double basisMean = i % 2 == 0 ? 1.05 : 1.0;
        in.basis.lines.push_back(ch::exposure::BasisEstimate{
            line.id(),
            line.resource(),
            line.indexId(),
            i % 2 == 0 ? std::vector<ch::exposure::BasisObservation>{{kFirst, 1, 1, 1, 1, 1.05}}
                       : std::vector<ch::exposure::BasisObservation>{},
            basisMean,
            0.0});
        for (int m = 0; m < 12; ++m)
            in.budgets.push_back(
                ch::BudgetEntry::price(line.id(),
                                       ch::addMonths(kFirst, m),
                                       ch::UnitRate::fromMicros(line.unit(), 2'400'000)));
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

//! `rows` plan.csv rows: lines of 36 months each, the last one possibly partial.
std::string planCsv(std::size_t rows)
{
    std::string out = "line_id,name,resource,kind,index,month,low,base,high\n";
    std::size_t written = 0;
    for (int line = 0; written < rows; ++line) {
        const ch::Resource r = resourceOf(line);
        const std::string prefix = "line-" + std::to_string(line) + ",Line " + std::to_string(line)
                                   + "," + r.code() + ",forecast," + r.defaultIndexId() + ",";
        for (int m = 0; m < kMonths && written < rows; ++m, ++written) {
            const double base = 1000.0 * (1 + line % 97) + m / 3.0;
            out += prefix + ch::formatIsoMonth(ch::addMonths(kFirst, m)) + ","
                   + ch::formatShortest(0.9 * base) + "," + ch::formatShortest(base) + ","
                   + ch::formatShortest(1.2 * base) + "\n";
        }
    }
    return out;
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
