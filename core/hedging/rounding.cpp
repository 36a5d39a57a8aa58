#include "hedging/rounding.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace ch::hedging {

namespace {

constexpr double kRelativeTolerance = 1e-9;

// floor and ceil that forgive representation error: 1.5000000000000002 floors to 1 and
// 2.9999999999999996 floors to 3 (a count that is exact on paper stays exact).
double tolerantFloor(double x)
{
    return std::floor(x + kRelativeTolerance * std::max(1.0, std::fabs(x)));
}

double tolerantCeil(double x)
{
    return std::ceil(x - kRelativeTolerance * std::max(1.0, std::fabs(x)));
}

ContractCount toCount(double x)
{
    require(x < 9.0e15, "contract count " + std::to_string(x) + " is out of range");
    return static_cast<ContractCount>(std::max(0.0, x));
}

} // namespace

const char* roundingPolicyCode(RoundingPolicy p)
{
    switch (p) {
    case RoundingPolicy::TowardZero:
        return "toward_zero";
    case RoundingPolicy::NearestWithinBand:
        return "nearest_within_band";
    }
    return "toward_zero";
}

std::optional<RoundingPolicy> parseRoundingPolicy(std::string_view code)
{
    for (RoundingPolicy p : {RoundingPolicy::TowardZero, RoundingPolicy::NearestWithinBand})
        if (code == roundingPolicyCode(p))
            return p;
    return std::nullopt;
}

ContractBounds contractBounds(double exposureUnits,
                              double minRatio,
                              double maxRatio,
                              double hedgeRatio,
                              double unitsPerContract,
                              ContractCount maxContracts)
{
    require(std::isfinite(exposureUnits) && exposureUnits >= 0.0,
            "contractBounds: exposure " + std::to_string(exposureUnits)
                + " is negative or not finite");
    require(std::isfinite(hedgeRatio) && hedgeRatio > 0.0,
            "contractBounds: hedge ratio " + std::to_string(hedgeRatio) + " is not positive");
    require(std::isfinite(unitsPerContract) && unitsPerContract > 0.0,
            "contractBounds: units per contract " + std::to_string(unitsPerContract)
                + " is not positive");
    require(std::isfinite(minRatio) && std::isfinite(maxRatio) && minRatio >= 0.0
                && maxRatio >= minRatio,
            "contractBounds: band [" + std::to_string(minRatio) + ", " + std::to_string(maxRatio)
                + "] is not an interval of non-negative ratios");
    require(maxContracts >= 0,
            "contractBounds: contract limit " + std::to_string(maxContracts) + " is negative");
    const double perRatio = exposureUnits * hedgeRatio / unitsPerContract;
    ContractBounds b;
    b.upper = std::min(toCount(tolerantFloor(maxRatio * perRatio)), maxContracts);
    b.lower = toCount(tolerantCeil(minRatio * perRatio));
    if (b.lower > b.upper) {
        b.lower = b.upper;
        b.minUnreachable = true;
    }
    return b;
}

ContractCount roundWithin(double exact, const ContractBounds& bounds, RoundingPolicy policy)
{
    require(std::isfinite(exact), "roundWithin: count is not finite");
    const double rounded =
        policy == RoundingPolicy::TowardZero ? tolerantFloor(exact) : std::round(exact);
    const ContractCount n = toCount(rounded);
    return std::clamp(n, bounds.lower, bounds.upper);
}

RoundedContracts roundToContracts(const ContractSizing& s, RoundingPolicy policy)
{
    require(std::isfinite(s.ratio) && s.ratio >= 0.0,
            "roundToContracts: ratio " + std::to_string(s.ratio) + " is negative or not finite");
    RoundedContracts r;
    r.bounds = contractBounds(
        s.exposureUnits, s.minRatio, s.maxRatio, s.hedgeRatio, s.unitsPerContract, s.maxContracts);
    r.exactContracts = s.ratio * s.exposureUnits * s.hedgeRatio / s.unitsPerContract;
    r.contracts = roundWithin(r.exactContracts, r.bounds, policy);
    r.hedgedUnits = static_cast<double>(r.contracts) * s.unitsPerContract / s.hedgeRatio;
    r.residualUnits = s.ratio * s.exposureUnits - r.hedgedUnits;
    if (s.exposureUnits > 0.0) {
        r.achievedRatio = r.hedgedUnits / s.exposureUnits;
        r.residualRatio = r.residualUnits / s.exposureUnits;
    }
    return r;
}

} // namespace ch::hedging
