#include "hedging/proposal.h"

#include "domain/error.h"

namespace ch::hedging {

HedgeProposal makeProposal(const HedgeRecommendation& rec,
                           std::string id,
                           std::string createdBy,
                           Timestamp createdAt,
                           std::string rationale)
{
    require(!id.empty(), "makeProposal: the proposal id is empty");
    require(!createdBy.empty(), "makeProposal: the author is empty");
    HedgeProposal p;
    p.id = std::move(id);
    p.policyId = rec.policyId;
    p.policyVersion = rec.policyVersion;
    p.createdBy = std::move(createdBy);
    p.createdAt = createdAt;
    p.valuationDate = rec.valuationDate;
    p.rationale = std::move(rationale);
    for (const RecommendationLine& line : rec.lines) {
        if (!line.instrument || (line.contracts == 0 && line.tradeContracts == 0))
            continue;
        ProposalLine pl;
        pl.month = line.month;
        pl.exposureIndexId = line.exposureIndexId;
        pl.resource = line.resource;
        pl.symbol = line.symbol;
        pl.instrument = *line.instrument;
        pl.contracts = line.contracts;
        pl.tradeContracts = line.tradeContracts;
        pl.forwardUsd = line.forwardUsd;
        pl.callStrikeUsd = line.callStrikeUsd;
        pl.putStrikeUsd = line.putStrikeUsd;
        pl.premiumUsd = line.costs.premiumUsd;
        pl.hedgedUnits = line.hedgeRatio > 0.0 ? static_cast<double>(line.contracts)
                                                     * line.unitsPerContract / line.hedgeRatio
                                               : 0.0;
        p.lines.push_back(std::move(pl));
    }
    return p;
}

std::vector<Issue> validateProposal(const HedgeProposal& p)
{
    std::vector<Issue> out;
    const auto error = [&](std::string field, std::string message) {
        out.push_back(Issue{"proposal", 0, std::move(field), Severity::Error, std::move(message)});
    };
    if (p.rationale.empty())
        error("rationale", "is empty; say why this hedge is proposed");
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const ProposalLine& l = p.lines[i];
        const std::string field = "line " + std::to_string(i + 1) + " (" + l.exposureIndexId + " "
                                  + formatIsoMonth(l.month) + ")";
        if (l.symbol.empty())
            error(field, "no contract symbol");
        if (l.contracts < 0)
            error(field, std::to_string(l.contracts) + " contracts; a holding is zero or more");
        if (l.instrument == HedgeInstrumentType::Collar && !(l.putStrikeUsd < l.callStrikeUsd))
            error(field, "collar put strike is not below the call strike");
    }
    return out;
}

} // namespace ch::hedging
