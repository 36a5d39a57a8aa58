#pragma once

#include "domain/market.h"
#include "hedging/policy.h"
#include "hedging/ratio.h"
#include "pricing/calendar.h"
#include "risk/risk_inputs.h"

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace ch::hedging::test {

//! The reference dataset's contract terms (resources/data/contracts.csv).
inline ContractSpec contract(const std::string& symbol,
                             const std::string& index,
                             Unit unit,
                             std::int64_t units,
                             int monthsListed,
                             double margin)
{
    ContractSpec c;
    c.symbol = symbol;
    c.name = symbol;
    c.underlyingIndex = index;
    c.unit = unit;
    c.unitsPerContract = units;
    c.tickMicros = 10'000;
    c.monthsListed = monthsListed;
    c.initialMarginFraction = margin;
    c.feePerSideCents = 800;
    return c;
}

inline ContractSpec chgH100()
{
    return contract("CHG.H100", "GPU.H100.NC", Unit::GpuHour, 730, 36, 0.175);
}

inline ContractSpec chtFrontier()
{
    ContractSpec c = contract("CHT.FRONTIER", "TOK.FRONTIER.BLEND", Unit::MTok, 1000, 12, 0.25);
    c.style = ExchangeStyle::ShfeStyle;
    return c;
}

//! A factor with a flat forward curve.
inline risk::RiskFactor flatFactor(const std::string& id,
                                   const std::string& resource,
                                   int horizon,
                                   double forwardUsd,
                                   risk::FactorParams params,
                                   risk::FactorModel model = risk::FactorModel::MeanRevertingJump)
{
    risk::RiskFactor f;
    f.indexId = id;
    f.resource = resource;
    f.model = model;
    f.forwardUsd.assign(static_cast<std::size_t>(horizon), forwardUsd);
    f.params = params;
    return f;
}

inline risk::ExposureCell cell(std::size_t factor, int month, double volume)
{
    risk::ExposureCell c;
    c.factor = factor;
    c.monthOffset = month;
    c.lowVolume = volume;
    c.baseVolume = volume;
    c.highVolume = volume;
    return c;
}

//! Valuation 2026-10-30, plan from 2026-11 (tenor 1): one H100 factor (OU κ 2, σ 0.5, no jumps)
//! with a flat 2.50 USD forward and `volume` GPU-hours in each of `horizon` months.
inline risk::RiskInputs oneFactorBook(int horizon, double volume)
{
    using namespace std::chrono;
    risk::RiskInputs in;
    in.firstMonth = 2026y / November;
    in.horizonMonths = horizon;
    in.factors.push_back(
        flatFactor("GPU.H100.NC", "H100", horizon, 2.5, {2.0, 0.5, 0.0, 0.0, 0.0}));
    in.correlation = Eigen::MatrixXd::Identity(1, 1);
    for (int m = 0; m < horizon; ++m)
        in.cells.push_back(cell(0, m, volume));
    return in;
}

inline Date valuationDate()
{
    using namespace std::chrono;
    return 2026y / October / 30d;
}

inline Timestamp savedAt()
{
    return *parseIsoTimestamp("2026-10-30T09:00:00Z");
}

//! A policy with one bucket covering months 0–36 at the given ratios, futures only.
inline HedgePolicy flatPolicy(double minRatio, double target, double maxRatio)
{
    HedgePolicy p = defaultPolicy("treasurer", savedAt());
    p.buckets = {{0, 36, minRatio, target, maxRatio}};
    return p;
}

//! The hedge choice of an index on its own contract (β = 1, R² = 1).
inline HedgeChoice ownChoice(const std::string& index, const std::string& symbol)
{
    HedgeChoice c;
    c.exposureIndexId = index;
    c.symbol = symbol;
    c.contractIndexId = index;
    c.ratio.beta = 1.0;
    c.ratio.olsSlope = 1.0;
    c.ratio.rSquared = 1.0;
    c.ratio.correlation = 1.0;
    return c;
}

//! Two daily series on US business days (weekends and holidays repeat the last value): F with
//! daily log vol volF/√252, S = β·r_F + ε with ε of daily vol volE/√252. The true minimum-variance
//! ratio is β and the true R² is β²σF² / (β²σF² + σE²).
struct SyntheticPair
{
    PriceSeries exposure;
    PriceSeries contract;
};

inline SyntheticPair syntheticPair(const std::string& sId,
                                   const std::string& fId,
                                   double beta,
                                   double volF,
                                   double volE,
                                   std::uint64_t seed,
                                   Date from,
                                   Date to)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    SyntheticPair p{{sId, {}}, {fId, {}}};
    double logS = std::log(3.5);
    double logF = std::log(2.5);
    const double dt = 1.0 / 252.0;
    for (long long d = daysSinceEpoch(from); d <= daysSinceEpoch(to); ++d) {
        const Date date = dateFromDaysSinceEpoch(d);
        if (pricing::isUsBusinessDay(date) && d != daysSinceEpoch(from)) {
            const double rf = volF * std::sqrt(dt) * z(rng);
            const double re = volE * std::sqrt(dt) * z(rng);
            logF += rf;
            logS += beta * rf + re;
        }
        p.exposure.points.push_back({date, std::exp(logS)});
        p.contract.points.push_back({date, std::exp(logF)});
    }
    return p;
}

} // namespace ch::hedging::test
