#pragma once

// A small workspace built by hand for the adapter tests (risk/inputs_builder.h): two plan lines
// over three months from 2027-01, a bound reserved contract, one month of H100 bills (basis), a
// budget, three indices with deterministic daily history and a hand-made market snapshot.

#include "risk/inputs_builder.h"

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace ch::risk::test {

inline constexpr Date kValuation = std::chrono::year(2026) / std::chrono::December / 31;
inline constexpr Month kFirst = std::chrono::year(2027) / std::chrono::January;

//! 500 calendar days ending at the valuation date. GPU: a wiggling level around `level` (two
//! incommensurate sines, so the fit sees variation but the numbers are exact on every machine).
//! Tokens: list prices 4.0, then 3.0 from day 200, 2.4 from day 400 (two cuts).
inline PriceSeries handSeries(const std::string& id, double level, bool token)
{
    PriceSeries s;
    s.indexId = id;
    const long long last = daysSinceEpoch(kValuation);
    for (long long i = 0; i < 500; ++i) {
        const double x = static_cast<double>(i);
        const double usd =
            token ? (i < 200   ? 4.0
                     : i < 400 ? 3.0
                               : 2.4)
                  : level * std::exp(0.1 * std::sin(x * 0.37) + 0.05 * std::sin(x * 1.91));
        s.points.push_back(DailyPrice{dateFromDaysSinceEpoch(last - 499 + i), usd});
    }
    return s;
}

inline IndexDefinition handIndex(const std::string& id, IndexKind kind, const std::string& resource)
{
    IndexDefinition d;
    d.id = id;
    d.name = id + " (test)";
    d.kind = kind;
    d.unit = kind == IndexKind::GpuRental ? Unit::GpuHour : Unit::MTok;
    d.resource = resource;
    return d;
}

inline pricing::ForwardCurve handCurve(const std::string& id, Unit unit, std::vector<double> usd)
{
    pricing::ForwardCurve c;
    c.indexId = id;
    c.asOf = kValuation;
    c.unit = unit;
    c.spotUsd = usd.front();
    for (std::size_t i = 0; i < usd.size(); ++i)
        c.points.push_back({addMonths(kFirst, static_cast<int>(i)), usd[i]});
    return c;
}

inline PlanLine
handLine(const std::string& id, Resource r, int months, double low, double base, double high)
{
    return PlanLine(
        id,
        id,
        r,
        r.defaultIndexId(),
        ConfidenceClass::Forecast,
        std::vector<VolumeTriple>(static_cast<std::size_t>(months), VolumeTriple(low, base, high)));
}

//! The sources every adapter test starts from.
inline RiskSources handSources()
{
    using namespace std::chrono;
    RiskSources s;
    const Resource h100 = Resource::gpu(GpuType::H100);
    const Resource frontierIn = Resource::tokens(ModelTier::Frontier, TokenDirection::Input);
    s.plan = Plan(kFirst,
                  3,
                  {handLine("h100", h100, 3, 800.0, 1000.0, 1300.0),
                   handLine("tok", frontierIn, 3, 50.0, 50.0, 50.0)});
    s.contracts.emplace_back("res-h100",
                             "h100",
                             h100,
                             "GPU.H100.NC",
                             ContractKind::ReservedInstance,
                             "Neocloud A",
                             UnitRate::fromUsd(Unit::GpuHour, 2.0),
                             kFirst,
                             std::vector<double>{300.0, 300.0, 0.0});
    s.actuals.emplace_back(2026y / December,
                           "Neocloud A",
                           h100,
                           Volume(Unit::GpuHour, 1000.0),
                           Money::fromAmount(Currency::Usd, 2750.0));
    s.budget.push_back(BudgetEntry::price("h100", kFirst, UnitRate::fromUsd(Unit::GpuHour, 2.6)));

    s.market.info.valuationDate = kValuation;
    s.market.indices = {handIndex("TOK.FRONTIER.IN", IndexKind::TokenPrice, "FRONTIER"),
                        handIndex("GPU.B200.NC", IndexKind::GpuRental, "B200"),
                        handIndex("GPU.H100.NC", IndexKind::GpuRental, "H100")};
    s.market.series = {handSeries("TOK.FRONTIER.IN", 0.0, true),
                       handSeries("GPU.B200.NC", 5.9, false),
                       handSeries("GPU.H100.NC", 2.5, false)};

    s.snapshot.valuationDate = kValuation;
    s.snapshot.curves = {handCurve("TOK.FRONTIER.IN", Unit::MTok, {2.4, 2.3, 2.2}),
                         handCurve("GPU.B200.NC", Unit::GpuHour, {5.8, 5.7, 5.6}),
                         handCurve("GPU.H100.NC", Unit::GpuHour, {2.5, 2.45, 2.4})};
    s.snapshot.correlation.indexIds = {"TOK.FRONTIER.IN", "GPU.B200.NC", "GPU.H100.NC"};
    s.snapshot.correlation.matrix.resize(3, 3);
    s.snapshot.correlation.matrix << 1.0, 0.1, 0.2, 0.1, 1.0, 0.6, 0.2, 0.6, 1.0;
    return s;
}

} // namespace ch::risk::test
