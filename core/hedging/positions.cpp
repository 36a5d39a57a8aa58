#include "hedging/positions.h"

#include "hedging/book.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ch::hedging {

const char* positionKindCode(PositionKind k)
{
    switch (k) {
    case PositionKind::Future:
        return "future";
    case PositionKind::Call:
        return "call";
    case PositionKind::Put:
        return "put";
    }
    return "future";
}

std::optional<PositionKind> parsePositionKind(std::string_view code)
{
    for (PositionKind k : {PositionKind::Future, PositionKind::Call, PositionKind::Put})
        if (code == positionKindCode(k))
            return k;
    return std::nullopt;
}

} // namespace ch::hedging

namespace ch::hedging::detail {

namespace {

// Splits `total` contracts between lines in proportion to `weights` (largest remainder, Hamilton's
// method), so the parts are whole and add up to the total.
std::vector<ContractCount> apportion(ContractCount total, const std::vector<double>& weights)
{
    std::vector<ContractCount> parts(weights.size(), 0);
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (weights.empty())
        return parts;
    if (sum <= 0.0) {
        parts.front() = total;
        return parts;
    }
    const ContractCount magnitude = total < 0 ? -total : total;
    std::vector<std::pair<double, std::size_t>> remainders;
    ContractCount given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = static_cast<double>(magnitude) * weights[i] / sum;
        parts[i] = static_cast<ContractCount>(std::floor(exact));
        given += parts[i];
        remainders.push_back({exact - std::floor(exact), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
        return a.first > b.first;
    });
    for (std::size_t k = 0; given < magnitude && k < remainders.size(); ++k, ++given)
        ++parts[remainders[k].second];
    if (total < 0)
        for (ContractCount& p : parts)
            p = -p;
    return parts;
}

} // namespace

void attributePositions(const RecommendationInputs& in, Book& b)
{
    std::vector<ContractCount> futures(b.lines.size(), 0);
    std::vector<ContractCount> calls(b.lines.size(), 0);
    for (const ExistingPosition& p : in.positions) {
        std::vector<std::size_t> matches;
        std::vector<double> weights;
        for (std::size_t l = 0; l < b.lines.size(); ++l) {
            const RecommendationLine& line = b.lines[l];
            if (line.instrument && line.symbol == p.symbol && line.month == p.month) {
                matches.push_back(l);
                weights.push_back(line.exposureUnits * line.hedgeRatio);
            }
        }
        const std::string field = p.symbol + " " + formatIsoMonth(p.month);
        if (matches.empty()) {
            if (p.contracts != 0)
                b.issues.push_back(Issue{"positions",
                                         0,
                                         field,
                                         Severity::Error,
                                         std::to_string(p.contracts) + " "
                                             + positionKindCode(p.kind)
                                             + " contracts hedge no exposure in the plan"});
            continue;
        }
        if (p.kind == PositionKind::Put)
            continue;
        const std::vector<ContractCount> parts = apportion(p.contracts, weights);
        for (std::size_t k = 0; k < matches.size(); ++k)
            (p.kind == PositionKind::Future ? futures : calls)[matches[k]] += parts[k];
    }
    for (std::size_t l = 0; l < b.lines.size(); ++l) {
        RecommendationLine& line = b.lines[l];
        if (!line.instrument)
            continue;
        const bool isFuture = *line.instrument == HedgeInstrumentType::Future;
        line.existingContracts = isFuture ? futures[l] : calls[l];
        line.existingOtherUnits = static_cast<double>(isFuture ? calls[l] : futures[l])
                                  * line.unitsPerContract / line.hedgeRatio;
        const double held =
            static_cast<double>(line.existingContracts) * line.unitsPerContract / line.hedgeRatio
            + line.existingOtherUnits;
        if (held == 0.0)
            continue;
        const double ratio = held / line.exposureUnits;
        const std::string where = in.policy.buckets.empty() || !line.bucket
                                      ? std::string("outside the tenor buckets")
                                      : bucketLabel(in.policy, *line.bucket);
        if (ratio > line.maxRatio + 1e-9)
            b.issues.push_back(Issue{"positions",
                                     0,
                                     lineLabel(line),
                                     Severity::Error,
                                     "existing hedges cover " + formatPercent(ratio)
                                         + " of the exposure, above the policy maximum "
                                         + formatPercent(line.maxRatio) + " (" + where + ")"});
        else if (ratio < line.minRatio - 1e-9)
            b.issues.push_back(Issue{"positions",
                                     0,
                                     lineLabel(line),
                                     Severity::Warning,
                                     "existing hedges cover " + formatPercent(ratio)
                                         + " of the exposure, below the policy minimum "
                                         + formatPercent(line.minRatio) + " (" + where + ")"});
    }
}

} // namespace ch::hedging::detail
