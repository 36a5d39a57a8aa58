#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/units.h"
#include "hedging/policy.h"
#include "hedging/recommendation.h"

#include <string>
#include <vector>

namespace ch::hedging {

// A hedge proposal: the (possibly edited) recommendation a user saves for approval, as a value
// to persist (0004_hedge.sql). It records the policy id and version it was built under, who made
// it and why, and one line per month and exposure with a holding or a trade. Enums are stored by
// their text codes (instrumentTypeCode).

struct ProposalLine
{
    Month month{};
    std::string exposureIndexId;
    std::string resource;
    std::string symbol;
    HedgeInstrumentType instrument = HedgeInstrumentType::Future;
    ContractCount contracts = 0;      //!< holding after the trade
    ContractCount tradeContracts = 0; //!< to buy (> 0) or sell (< 0)
    double forwardUsd = 0.0;          //!< at the time of the proposal
    double callStrikeUsd = 0.0;
    double putStrikeUsd = 0.0;
    double premiumUsd = 0.0; //!< for the whole holding, net
    //! Exposure units the holding hedges: contracts × units per contract / h* (the
    //! recommendation's hedge ratio). What a designation of this line names as the hedged item; 0
    //! for a proposal saved before schema 7, where contracts × units (1:1) stands in.
    double hedgedUnits = 0.0;

    friend bool operator==(const ProposalLine&, const ProposalLine&) = default;
};

struct HedgeProposal
{
    std::string id; //!< stable, chosen by the caller (storage)
    std::string policyId;
    int policyVersion = 0;
    std::string createdBy;
    Timestamp createdAt{};
    Date valuationDate{};
    std::string rationale;
    std::vector<ProposalLine> lines;

    friend bool operator==(const HedgeProposal&, const HedgeProposal&) = default;
};

//! The proposal for `rec`: a line for every hedged month with a holding or a trade. Requires a
//! non-empty id and author (ch::Error).
HedgeProposal makeProposal(const HedgeRecommendation& rec,
                           std::string id,
                           std::string createdBy,
                           Timestamp createdAt,
                           std::string rationale);

//! Problems before saving (source "proposal"): an empty rationale, an empty symbol, a negative
//! holding, a collar whose put strike is not below its call strike.
std::vector<Issue> validateProposal(const HedgeProposal& proposal);

} // namespace ch::hedging
