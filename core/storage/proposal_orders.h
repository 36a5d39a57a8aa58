#pragma once

#include "storage/hedge_repository.h"
#include "trading/order.h"

#include <string>
#include <vector>

namespace ch::storage {

//! One order ticket derived from a hedge proposal, with the origin to record.
struct ProposalTicket
{
    trading::OrderRequest request;
    std::string origin; //!< "proposal HP-0001 line 2", or "proposal HP-0001 lines 5,9"
};

//! The orders that carry out a submitted proposal: one market day order per contract and delivery
//! month whose net futures trade over the proposal's lines is not zero (buy for a positive net,
//! sell for a negative one), in the order the lines first name them, with the proposal's
//! rationale as comment. Lines on the same contract month (two exposures hedged with one
//! contract: token input and output on CHT.FRONTIER, H100 and H200 on CHG.H100) become one order,
//! as a desk would place them; separate orders of equal size would also trip the duplicate-order
//! check. Option lines (calls, collars) are counted in `skipped`: the desk trades futures only.
//! Throws ch::Error for a proposal that is still a draft.
std::vector<ProposalTicket> ticketsFromProposal(const StoredProposal& proposal, int& skipped);

//! The proposal line numbers (1-based) an order origin names: {2} for "proposal HP-0001 line 2",
//! {5, 9} for "proposal HP-0001 lines 5,9"; empty when it names another proposal or no lines.
std::vector<int> proposalLinesOfOrigin(const std::string& origin, const std::string& proposalId);

} // namespace ch::storage
