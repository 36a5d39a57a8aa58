#pragma once

#include "domain/units.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace ch::hedging {

// Plan volumes are fractional forecasts; exchanges trade whole contracts. This is the one place
// where a hedge quantity becomes a contract count (STYLE.md §3), with a named rounding policy.
//
// Quantities: the exposure is V units of the plan line's resource (GPU-hours or MTok); the hedge
// ratio h (contract units per exposure unit, docs/hedging.md §2) converts a share r of it into
// r·V·h units of the contract's index, i.e. r·V·h / u contracts of u units each. Conversely n
// contracts cover n·u / h exposure units, the "hedged quantity"; its share of V is the achieved
// ratio the policy bands constrain.

enum class RoundingPolicy : std::uint8_t {
    //! Round down (counts are never negative): the hedged quantity never exceeds the quantity
    //! asked for unless the band minimum lifts it, and never exceeds the policy maximum.
    TowardZero,
    //! Round to the nearest count, then move back inside the band's contract bounds.
    NearestWithinBand
};
const char* roundingPolicyCode(RoundingPolicy p); //!< "toward_zero", "nearest_within_band"
std::optional<RoundingPolicy> parseRoundingPolicy(std::string_view code);

//! The whole-contract counts a band [minRatio, maxRatio] of an exposure allows: upper =
//! floor(max·V·h/u) capped at `maxContracts`, lower = ceil(min·V·h/u). When no whole count fits
//! (the band is narrower than one contract, or the cap is below it) lower = upper and
//! `minUnreachable` says the band minimum cannot be met. Counts are computed with a relative
//! tolerance of 1e-9 so that 0.75 × 1460 / 730 = 1.5000000000000002 does not round the wrong way.
struct ContractBounds
{
    ContractCount lower = 0;
    ContractCount upper = 0;
    bool minUnreachable = false;

    friend bool operator==(const ContractBounds&, const ContractBounds&) = default;
};

//! Preconditions (ch::Error): V >= 0, h > 0, u > 0, 0 <= min <= max, maxContracts >= 0, finite.
ContractBounds contractBounds(double exposureUnits,
                              double minRatio,
                              double maxRatio,
                              double hedgeRatio,
                              double unitsPerContract,
                              ContractCount maxContracts);

//! A request to turn the quantity r·V (exposure units) into contracts.
struct ContractSizing
{
    double exposureUnits = 0.0;    //!< V, plan volume in the policy's scenario
    double ratio = 0.0;            //!< r, share of V to hedge (e.g. the policy target)
    double hedgeRatio = 1.0;       //!< h, contract units per exposure unit (h* of ratio.h)
    double unitsPerContract = 1.0; //!< u, from the ContractSpec
    double minRatio = 0.0;         //!< band the count must respect
    double maxRatio = 1.0;
    ContractCount maxContracts = 0; //!< policy limit for the contract and month
};

//! The outcome of sizing: the exact (fractional) count, the whole count and what rounding left
//! over. residualUnits = r·V − n·u/h in exposure units (> 0: less hedged than asked);
//! residualRatio = residualUnits / V (0 when V = 0). achievedRatio = n·u/(h·V).
struct RoundedContracts
{
    double exactContracts = 0.0;
    ContractCount contracts = 0;
    double hedgedUnits = 0.0; //!< n·u/h, exposure units covered
    double achievedRatio = 0.0;
    double residualUnits = 0.0;
    double residualRatio = 0.0;
    ContractBounds bounds;

    friend bool operator==(const RoundedContracts&, const RoundedContracts&) = default;
};

//! Rounds r·V·h/u with `policy`, then clamps into contractBounds(...) of the band, so the count
//! never exceeds floor(max·V·h/u) nor the contract limit. Preconditions as contractBounds, and
//! minRatio <= ratio <= maxRatio is not required (a target outside the band is clamped).
RoundedContracts roundToContracts(const ContractSizing& sizing, RoundingPolicy policy);

//! Rounds a fractional optimum `exact` into [bounds.lower, bounds.upper] with `policy`.
ContractCount roundWithin(double exact, const ContractBounds& bounds, RoundingPolicy policy);

} // namespace ch::hedging
