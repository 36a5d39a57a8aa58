#include "risk/risk_inputs.h"

#include "domain/error.h"

#include <cmath>

namespace ch::risk {

namespace {

std::string cellName(std::size_t i)
{
    return "cell " + std::to_string(i);
}

bool finite(double v)
{
    return std::isfinite(v);
}

void validateFactor(const RiskFactor& f, std::size_t i, int horizon)
{
    const std::string what = "factor " + std::to_string(i) + " (" + f.indexId + ")";
    require(!f.indexId.empty(), "factor " + std::to_string(i) + " has no index id");
    require(f.forwardUsd.size() == static_cast<std::size_t>(horizon),
            what + ": " + std::to_string(f.forwardUsd.size()) + " forwards for a "
                + std::to_string(horizon) + "-month horizon");
    for (std::size_t m = 0; m < f.forwardUsd.size(); ++m)
        require(finite(f.forwardUsd[m]) && f.forwardUsd[m] > 0.0,
                what + ": forward for month " + std::to_string(m) + " is "
                    + std::to_string(f.forwardUsd[m]) + "; forwards must be > 0");
    validateFactorParams(f.params, f.model, what);
}

void validateCorrelation(const RiskInputs& in)
{
    const auto k = static_cast<Eigen::Index>(in.factors.size());
    require(in.correlation.rows() == k && in.correlation.cols() == k,
            "correlation is " + std::to_string(in.correlation.rows()) + "x"
                + std::to_string(in.correlation.cols()) + " for " + std::to_string(k) + " factors");
    for (Eigen::Index r = 0; r < k; ++r) {
        require(in.correlation(r, r) == 1.0,
                "correlation diagonal (" + std::to_string(r) + ") is "
                    + std::to_string(in.correlation(r, r)) + ", not 1");
        for (Eigen::Index c = 0; c < r; ++c) {
            const double v = in.correlation(r, c);
            require(finite(v) && std::fabs(v) <= 1.0 && v == in.correlation(c, r),
                    "correlation (" + std::to_string(r) + "," + std::to_string(c)
                        + ") = " + std::to_string(v) + " must be in [-1, 1] and symmetric");
        }
    }
}

void validateCell(const ExposureCell& c, std::size_t i, const RiskInputs& in)
{
    const std::string what = cellName(i);
    require(c.factor < in.factors.size(),
            what + ": factor " + std::to_string(c.factor) + " does not exist");
    require(c.monthOffset >= 0 && c.monthOffset < in.horizonMonths,
            what + ": month offset " + std::to_string(c.monthOffset) + " is outside the "
                + std::to_string(in.horizonMonths) + "-month horizon");
    require(finite(c.lowVolume) && finite(c.baseVolume) && finite(c.highVolume)
                && c.lowVolume >= 0.0 && c.lowVolume <= c.baseVolume
                && c.baseVolume <= c.highVolume,
            what + ": volumes low " + std::to_string(c.lowVolume) + ", base "
                + std::to_string(c.baseVolume) + ", high " + std::to_string(c.highVolume)
                + " must satisfy 0 <= low <= base <= high");
    require(finite(c.priceMultiplier) && c.priceMultiplier > 0.0,
            what + ": price multiplier " + std::to_string(c.priceMultiplier) + " must be > 0");
    require(finite(c.spreadUsd), what + ": spread is not finite");
    require(finite(c.contractedVolume) && c.contractedVolume >= 0.0 && finite(c.contractedPriceUsd)
                && c.contractedPriceUsd >= 0.0,
            what + ": contracted volume " + std::to_string(c.contractedVolume) + " at "
                + std::to_string(c.contractedPriceUsd) + " USD must be >= 0");
}

void validateInstrument(const HedgeInstrument& h, std::size_t i, const RiskInputs& in)
{
    const std::string what = "instrument " + std::to_string(i) + " (" + h.label + ")";
    require(h.factor < in.factors.size(),
            what + ": factor " + std::to_string(h.factor) + " does not exist");
    require(h.monthOffset >= 0 && h.monthOffset < in.horizonMonths,
            what + ": month offset " + std::to_string(h.monthOffset) + " is outside the "
                + std::to_string(in.horizonMonths) + "-month horizon");
    require(finite(h.strikeUsd) && h.strikeUsd >= 0.0,
            what + ": strike " + std::to_string(h.strikeUsd) + " must be >= 0");
    require(finite(h.unitsPerContract) && h.unitsPerContract > 0.0,
            what + ": units per contract " + std::to_string(h.unitsPerContract) + " must be > 0");
    require(finite(h.contracts), what + ": contracts is not finite");
    require(finite(h.premiumUsd) && h.premiumUsd >= 0.0,
            what + ": premium " + std::to_string(h.premiumUsd) + " must be >= 0");
    require(h.kind != InstrumentKind::Future || h.premiumUsd == 0.0,
            what + ": a future has no premium");
}

} // namespace

void validateRiskInputs(const RiskInputs& in)
{
    require(in.horizonMonths >= 1 && in.horizonMonths <= 120,
            "horizon of " + std::to_string(in.horizonMonths) + " months is outside 1..120");
    require(!in.factors.empty(), "no risk factors");
    for (std::size_t i = 0; i < in.factors.size(); ++i)
        validateFactor(in.factors[i], i, in.horizonMonths);
    validateCorrelation(in);
    for (std::size_t i = 0; i < in.cells.size(); ++i)
        validateCell(in.cells[i], i, in);
    for (std::size_t i = 0; i < in.instruments.size(); ++i)
        validateInstrument(in.instruments[i], i, in);
    const DemandModel& d = in.demand;
    require(finite(d.volumeCorrelation) && d.volumeCorrelation >= 0.0 && d.volumeCorrelation <= 1.0,
            "demand volume correlation " + std::to_string(d.volumeCorrelation)
                + " is outside [0, 1]");
    require(finite(d.priceVolumeCorrelation) && std::fabs(d.priceVolumeCorrelation) <= 1.0,
            "price-volume correlation " + std::to_string(d.priceVolumeCorrelation)
                + " is outside [-1, 1]");
}

std::vector<double> factorExposureUsd(const RiskInputs& in)
{
    std::vector<double> exposure(in.factors.size(), 0.0);
    for (const ExposureCell& c : in.cells) {
        const double fwd =
            in.factors.at(c.factor).forwardUsd.at(static_cast<std::size_t>(c.monthOffset));
        exposure[c.factor] += c.baseVolume * c.priceMultiplier * fwd;
    }
    return exposure;
}

} // namespace ch::risk
