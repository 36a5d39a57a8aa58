#include "storage/proposal_orders.h"

#include "domain/error.h"

#include <cstdlib>

namespace ch::storage {

std::vector<ProposalTicket> ticketsFromProposal(const StoredProposal& stored, int& skipped)
{
    require(stored.status == ProposalStatus::Submitted,
            "proposal " + stored.proposal.id
                + " is a draft; it must be submitted before orders are made from it");
    skipped = 0;
    std::vector<ProposalTicket> out;
    int n = 0;
    for (const auto& line : stored.proposal.lines) {
        ++n;
        if (line.tradeContracts == 0)
            continue;
        if (line.instrument != hedging::HedgeInstrumentType::Future) {
            ++skipped;
            continue;
        }
        trading::OrderRequest r;
        r.symbol = line.symbol;
        r.deliveryMonth = line.month;
        r.side = line.tradeContracts > 0 ? trading::Side::Buy : trading::Side::Sell;
        r.quantity = std::llabs(line.tradeContracts);
        r.type = trading::OrderType::Market;
        r.timeInForce = trading::TimeInForce::Day;
        r.comment = stored.proposal.rationale;
        out.push_back(
            ProposalTicket{r, "proposal " + stored.proposal.id + " line " + std::to_string(n)});
    }
    return out;
}

} // namespace ch::storage
