#pragma once

// A Cost-at-Risk report built by hand for the Risk page's model and chart tests: a 3-month
// horizon from 2026-11, one quarter, four histogram bins, two factors. Numbers are chosen so the
// expected table cells and chart points can be worked out on paper.

#include "risk/cost_at_risk.h"

#include <chrono>

namespace ch::test {

inline risk::Estimate est(double value, double se)
{
    return risk::Estimate{value, se};
}

//! expected 12.3456m ± 2,600; P50 12.0m; P95 14.0m; P99 15.5m; CaR95 1.6544m; CaR99 3.1544m;
//! ES 14.8m / 16.2m. Hedged: everything 0.5m lower in the tail (CaR95 1.1544m).
inline risk::DistributionSummary summary(double shift)
{
    risk::DistributionSummary d;
    d.expected = est(12'345'600.0, 2'600.0);
    d.p50 = est(12'000'000.0, 3'000.0);
    d.p95 = est(14'000'000.0 - shift, 8'000.0);
    d.p99 = est(15'500'000.0 - shift, 15'000.0);
    d.car95 = est(1'654'400.0 - shift, 7'000.0);
    d.car99 = est(3'154'400.0 - shift, 14'000.0);
    d.es95 = est(14'800'000.0 - shift, 10'000.0);
    d.es99 = est(16'200'000.0 - shift, 25'000.0);
    d.sdUsd = 1'000'000.0;
    d.minUsd = 9'000'000.0;
    d.maxUsd = 19'000'000.0;
    return d;
}

inline risk::CostAtRiskReport handReport(bool hedged)
{
    using namespace std::chrono;
    risk::CostAtRiskReport r;
    const Month first = 2026y / November;
    r.horizon = {first, 3, summary(0.0), summary(hedged ? 500'000.0 : 0.0)};
    r.quarters = {r.horizon};
    for (int m = 0; m < 3; ++m) {
        const Month month = addMonths(first, m);
        risk::PeriodRisk p{month, 1, summary(0.0), summary(0.0)};
        r.months.push_back(p);
        const double base = 4'000'000.0 + 100'000.0 * m;
        r.fanUnhedged.push_back(
            {month, base - 600'000.0, base - 200'000.0, base, base + 250'000.0, base + 800'000.0});
        r.fanHedged.push_back(
            {month, base - 500'000.0, base - 150'000.0, base, base + 200'000.0, base + 600'000.0});
    }
    // Four bins of 2.5m from 9m: 10%, 40%, 30%, 20% of 1,000 paths.
    r.histogramUnhedged = {{9'000'000.0, 11'500'000.0, 100},
                           {11'500'000.0, 14'000'000.0, 400},
                           {14'000'000.0, 16'500'000.0, 300},
                           {16'500'000.0, 19'000'000.0, 200}};
    r.histogramHedged = r.histogramUnhedged;
    r.contributions = {{"GPU.H100.NC", 8'000'000.0, 1'000'000.0, 2'000'000.0, 600'000.0, 0.0},
                       {"TOK.FRONTIER.BLEND", 1'500'000.0, 654'400.0, 1'154'400.0, 554'400.0, 0.0}};
    r.hasHedge = hedged;
    r.car95ReductionUsd = hedged ? 500'000.0 : 0.0;
    return r;
}

} // namespace ch::test
