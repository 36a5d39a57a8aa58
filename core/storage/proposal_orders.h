#pragma once

#include "storage/hedge_repository.h"
#include "trading/order.h"

#include <string>
#include <vector>

namespace ch::storage {

//! One order ticket derived from a hedge proposal line, with the origin to record.
struct ProposalTicket
{
    trading::OrderRequest request;
    std::string origin; //!< "proposal HP-0001 line 2"
};

//! The orders that carry out a submitted proposal: one market day order per futures line whose
//! trade is not zero (buy for a positive trade, sell for a negative one, |trade| contracts), with
//! the proposal's rationale as comment. Option lines (calls, collars) are counted in `skipped`:
//! the desk trades futures only. Throws ch::Error for a proposal that is still a draft.
std::vector<ProposalTicket> ticketsFromProposal(const StoredProposal& proposal, int& skipped);

} // namespace ch::storage
