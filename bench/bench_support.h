#pragma once

// Shared by the exposure benchmarks (exposure_bench.cpp, plan_gui_bench.cpp): the timers, the
// median, and the 50-line × 36-month bench plan with its contracts, budgets and plan.csv text, so
// that both benches measure the same book (docs/plan-and-exposure.md, "Performance").

#include "domain/dates.h"
#include "domain/plan.h"
#include "domain/plan_records.h"
#include "domain/plan_resource.h"
#include "domain/plan_text.h"
#include "domain/plan_units.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

namespace ch::bench {

using Clock = std::chrono::steady_clock;

inline const Month kFirst{std::chrono::year{2026}, std::chrono::month{11}};
inline constexpr int kMonths = 36;
inline constexpr int kLines = 50;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

//! Process CPU time in ms (std::clock): on the shared build machine wall time also counts the
//! time other processes held the cores (and, for a save, the fsync of the commit), CPU time does
//! not.
inline double cpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

inline Resource resourceOf(int i)
{
    const auto all = allResources();
    return all[static_cast<std::size_t>(i) % all.size()];
}

//! 50 lines cycling through the eleven resources, growing 1% a month.
inline Plan benchPlan()
{
    std::vector<PlanLine> lines;
    for (int i = 0; i < kLines; ++i) {
        std::vector<VolumeTriple> cells;
        for (int m = 0; m < kMonths; ++m) {
            const double base = 1000.0 * (1 + i) * (1.0 + 0.01 * m);
            cells.emplace_back(0.9 * base, base, 1.2 * base);
        }
        const Resource r = resourceOf(i);
        lines.emplace_back("line-" + std::to_string(i),
                           "Line " + std::to_string(i),
                           r,
                           r.defaultIndexId(),
                           ConfidenceClass::Forecast,
                           std::move(cells));
    }
    return Plan(kFirst, kMonths, std::move(lines));
}

//! A 12-month pool per resource at a fixed price, then a bound contract on every fifth line.
inline std::vector<ContractedCapacity> benchContracts(const Plan& plan)
{
    std::vector<ContractedCapacity> out;
    for (const Resource& r : allResources())
        out.emplace_back("pool-" + r.code(),
                         "",
                         r,
                         r.defaultIndexId(),
                         ContractKind::ReservedInstance,
                         "Bench",
                         UnitRate::fromMicros(r.unit(), 2'000'000),
                         kFirst,
                         std::vector<double>(12, 20'000.0));
    for (std::size_t i = 0; i < plan.lines().size(); ++i) {
        const PlanLine& line = plan.lines()[i];
        if (i % 5 == 0)
            out.emplace_back("bound-" + line.id(),
                             line.id(),
                             line.resource(),
                             line.indexId(),
                             ContractKind::CommittedUse,
                             "Bench",
                             UnitRate::fromMicros(line.unit(), 1'900'000),
                             kFirst,
                             std::vector<double>(24, 500.0 * static_cast<double>(i)));
    }
    return out;
}

//! 12 months of budget price per line.
inline std::vector<BudgetEntry> benchBudget(const Plan& plan)
{
    std::vector<BudgetEntry> out;
    for (const PlanLine& line : plan.lines())
        for (int m = 0; m < 12; ++m)
            out.push_back(BudgetEntry::price(
                line.id(), addMonths(kFirst, m), UnitRate::fromMicros(line.unit(), 2'400'000)));
    return out;
}

//! `rows` plan.csv rows: lines of 36 months each (ids line-0, line-1, ...), the last possibly
//! partial; the first 50 lines have the bench plan's ids and resources.
inline std::string planCsv(std::size_t rows)
{
    std::string out = "line_id,name,resource,kind,index,month,low,base,high\n";
    std::size_t written = 0;
    for (int line = 0; written < rows; ++line) {
        const Resource r = resourceOf(line);
        const std::string prefix = "line-" + std::to_string(line) + ",Line " + std::to_string(line)
                                   + "," + r.code() + ",forecast," + r.defaultIndexId() + ",";
        for (int m = 0; m < kMonths && written < rows; ++m, ++written) {
            const double base = 1000.0 * (1 + line % 97) + m / 3.0;
            out += prefix + formatIsoMonth(addMonths(kFirst, m)) + "," + formatShortest(0.9 * base)
                   + "," + formatShortest(base) + "," + formatShortest(1.2 * base) + "\n";
        }
    }
    return out;
}

} // namespace ch::bench
