#pragma once

#include "domain/units.h"
#include "hedging/moments.h"
#include "hedging/policy.h"

#include <vector>

namespace ch::hedging {

struct RecommendationLine; // recommendation.h

// The hedge frontier (docs/hedging.md §7): what a uniform hedge ratio would cost and leave at
// risk. For scale r = 0%, 10%, …, 100% every hedged line holds floor(r·V·h*/u) contracts of its
// instrument, capped at the contract-and-month limit and then scaled down to the per-month limit
// (the premium budget is not applied: a point above it says so). Risk is the variance-based
// Cost-at-Risk z_p × sd of the hedged horizon cost from the moments (normal approximation); cost
// is the premium plus fees, with initial margin shown beside it.

struct FrontierPoint
{
    double scale = 0.0;       //!< the uniform ratio asked for (0.0 … 1.0)
    double hedgedRatio = 0.0; //!< achieved, exposure-USD weighted across lines
    ContractCount contracts = 0;
    double variance = 0.0; //!< of the hedged horizon cost, USD²
    double car95Usd = 0.0;
    double car99Usd = 0.0;
    double premiumUsd = 0.0;
    double feesUsd = 0.0;
    double initialMarginUsd = 0.0;
    bool withinBudget = true; //!< premium <= the policy's budget
};

struct HedgeFrontier
{
    std::vector<FrontierPoint> points; //!< 11 points, scale 0.0 to 1.0
    FrontierPoint recommendation;      //!< where the recommended counts sit
    FrontierPoint policyTarget;        //!< where the rounded policy targets sit
};

//! Point for explicit counts (one per line; lines without a candidate must have 0).
FrontierPoint frontierPointFor(const HedgeMoments& moments,
                               const std::vector<RecommendationLine>& lines,
                               const HedgePolicy& policy,
                               const std::vector<ContractCount>& counts,
                               double scale);

HedgeFrontier hedgeFrontier(const HedgeMoments& moments,
                            const std::vector<RecommendationLine>& lines,
                            const HedgePolicy& policy);

} // namespace ch::hedging
