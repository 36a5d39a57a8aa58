#include "hedging/frontier.h"

#include "domain/error.h"
#include "hedging/recommendation.h"
#include "risk/distributions.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ch::hedging {

namespace {

constexpr int kFrontierSteps = 10; // 0%, 10%, …, 100%

} // namespace

FrontierPoint frontierPointFor(const HedgeMoments& moments,
                               const std::vector<RecommendationLine>& lines,
                               const HedgePolicy& policy,
                               const std::vector<ContractCount>& counts,
                               double scale)
{
    require(counts.size() == lines.size(),
            "frontierPointFor: " + std::to_string(counts.size()) + " counts for "
                + std::to_string(lines.size()) + " lines");
    FrontierPoint p;
    p.scale = scale;
    Eigen::VectorXd n = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(moments.candidates.size()));
    double exposureUsd = 0.0;
    double weighted = 0.0;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const RecommendationLine& line = lines[l];
        const ContractCount c = counts[l];
        require(c == 0 || line.candidate.has_value(),
                "frontierPointFor: contracts on a line without an instrument");
        if (line.candidate)
            n(static_cast<Eigen::Index>(*line.candidate)) = static_cast<double>(c);
        const HedgeCosts costs = costsOf(line, c);
        p.contracts += c;
        p.premiumUsd += costs.premiumUsd;
        p.feesUsd += costs.feesUsd;
        p.initialMarginUsd += costs.initialMarginUsd;
        exposureUsd += line.exposureUsd;
        if (line.exposureUnits > 0.0 && line.hedgeRatio > 0.0)
            weighted += line.exposureUsd
                        * (static_cast<double>(c) * line.unitsPerContract / line.hedgeRatio
                           + line.existingOtherUnits)
                        / line.exposureUnits;
    }
    p.hedgedRatio = exposureUsd > 0.0 ? weighted / exposureUsd : 0.0;
    p.variance = moments.candidates.empty() ? moments.varCost : moments.hedgedVariance(n);
    const double sd = std::sqrt(p.variance);
    p.car95Usd = risk::normalQuantile(0.95) * sd;
    p.car99Usd = risk::normalQuantile(0.99) * sd;
    p.withinBudget =
        p.premiumUsd <= policy.maxPremiumUsd + 1e-9 * std::max(1.0, policy.maxPremiumUsd);
    return p;
}

HedgeFrontier hedgeFrontier(const HedgeMoments& moments,
                            const std::vector<RecommendationLine>& lines,
                            const HedgePolicy& policy)
{
    HedgeFrontier f;
    for (int step = 0; step <= kFrontierSteps; ++step) {
        const double scale = static_cast<double>(step) / kFrontierSteps;
        std::vector<ContractCount> counts(lines.size(), 0);
        std::map<Month, ContractCount> perMonth;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const RecommendationLine& line = lines[l];
            if (!line.candidate)
                continue;
            // The whole exposure's band is [0, scale]: contractBounds gives floor(scale·V·h/u)
            // capped at the contract-and-month limit, the same rounding as everywhere else.
            counts[l] = contractBounds(line.exposureUnits,
                                       0.0,
                                       scale,
                                       line.hedgeRatio,
                                       line.unitsPerContract,
                                       policy.maxContractsPerContractMonth)
                            .upper;
            perMonth[line.month] += counts[l];
        }
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const ContractCount total = perMonth[lines[l].month];
            if (total > policy.maxContractsPerMonth && total > 0)
                counts[l] = static_cast<ContractCount>(
                    std::floor(static_cast<double>(counts[l])
                               * static_cast<double>(policy.maxContractsPerMonth)
                               / static_cast<double>(total)));
        }
        f.points.push_back(frontierPointFor(moments, lines, policy, counts, scale));
    }
    std::vector<ContractCount> recommended;
    std::vector<ContractCount> target;
    for (const RecommendationLine& line : lines) {
        recommended.push_back(line.candidate ? line.contracts : 0);
        target.push_back(line.candidate ? line.targetContracts : 0);
    }
    f.recommendation = frontierPointFor(moments, lines, policy, recommended, -1.0);
    f.recommendation.scale = f.recommendation.hedgedRatio;
    f.policyTarget = frontierPointFor(moments, lines, policy, target, -1.0);
    f.policyTarget.scale = f.policyTarget.hedgedRatio;
    return f;
}

} // namespace ch::hedging
