#pragma once

#include "risk/risk_inputs.h"

#include <chrono>
#include <string>

namespace ch::risk::test {

//! A factor with a flat forward curve.
inline RiskFactor flatFactor(const std::string& id,
                             const std::string& resource,
                             FactorModel model,
                             int horizon,
                             double forwardUsd,
                             FactorParams params)
{
    RiskFactor f;
    f.indexId = id;
    f.resource = resource;
    f.model = model;
    f.forwardUsd.assign(static_cast<std::size_t>(horizon), forwardUsd);
    f.params = params;
    return f;
}

inline ExposureCell cell(std::size_t factor, int month, double volume)
{
    ExposureCell c;
    c.factor = factor;
    c.monthOffset = month;
    c.lowVolume = volume;
    c.baseVolume = volume;
    c.highVolume = volume;
    return c;
}

inline ExposureCell pertCell(std::size_t factor, int month, double low, double base, double high)
{
    ExposureCell c = cell(factor, month, base);
    c.lowVolume = low;
    c.highVolume = high;
    return c;
}

inline HedgeInstrument
instrument(InstrumentKind kind, std::size_t factor, int month, double strike, double contracts)
{
    HedgeInstrument h;
    h.kind = kind;
    h.factor = factor;
    h.monthOffset = month;
    h.strikeUsd = strike;
    h.unitsPerContract = 730.0;
    h.contracts = contracts;
    return h;
}

//! Three factors (H100 mean-reverting with jumps, B200 mean-reverting, a frontier token tier with
//! cuts), 12 months, uncertain volumes with demand correlation, and a few hedges: exercises every
//! part of the engine.
inline RiskInputs mixedBook()
{
    using namespace std::chrono;
    RiskInputs in;
    in.firstMonth = 2026y / November;
    in.horizonMonths = 12;
    in.factors.push_back(flatFactor("GPU.H100.NC",
                                    "H100",
                                    FactorModel::MeanRevertingJump,
                                    12,
                                    2.8,
                                    {4.0, 0.45, 3.0, 0.10, 0.06}));
    in.factors.push_back(flatFactor("GPU.B200.NC",
                                    "B200",
                                    FactorModel::MeanRevertingJump,
                                    12,
                                    5.9,
                                    {3.0, 0.35, 0.0, 0.0, 0.0}));
    in.factors.push_back(flatFactor("TOK.FRONTIER.BLEND",
                                    "FRONTIER",
                                    FactorModel::TokenCuts,
                                    12,
                                    4.0,
                                    {0.0, 0.0, 2.0, -0.4, 0.15}));
    in.correlation = Eigen::MatrixXd::Identity(3, 3);
    in.correlation(0, 1) = in.correlation(1, 0) = 0.7;
    for (int m = 0; m < 12; ++m) {
        in.cells.push_back(pertCell(0, m, 60'000.0, 73'000.0, 95'000.0));
        in.cells.push_back(pertCell(1, m, 20'000.0, 30'000.0, 32'000.0));
        in.cells.push_back(pertCell(2, m, 8'000.0, 10'000.0, 15'000.0));
    }
    in.cells[0].contractedVolume = 10'000.0;
    in.cells[0].contractedPriceUsd = 2.5;
    for (int m = 0; m < 6; ++m)
        in.instruments.push_back(instrument(InstrumentKind::Future, 0, m, 2.75, 60.0));
    in.instruments.push_back(instrument(InstrumentKind::Call, 1, 6, 6.0, 20.0));
    in.instruments.back().premiumUsd = 0.3;
    in.demand.volumeCorrelation = 0.6;
    in.demand.priceVolumeCorrelation = 0.3;
    return in;
}

} // namespace ch::risk::test
