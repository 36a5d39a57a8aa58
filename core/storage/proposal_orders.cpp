#include "storage/proposal_orders.h"

#include "domain/error.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

namespace ch::storage {

std::vector<ProposalTicket> ticketsFromProposal(const StoredProposal& stored, int& skipped)
{
    require(stored.status == ProposalStatus::Submitted,
            "proposal " + stored.proposal.id
                + " is a draft; it must be submitted before orders are made from it");
    skipped = 0;
    struct Net
    {
        std::string symbol;
        Month month;
        ContractCount contracts = 0;
        std::vector<int> lines;
    };
    std::vector<Net> nets;
    int n = 0;
    for (const auto& line : stored.proposal.lines) {
        ++n;
        if (line.tradeContracts == 0)
            continue;
        if (line.instrument != hedging::HedgeInstrumentType::Future) {
            ++skipped;
            continue;
        }
        auto net = std::find_if(nets.begin(), nets.end(), [&](const Net& x) {
            return x.symbol == line.symbol && x.month == line.month;
        });
        if (net == nets.end())
            net = nets.insert(nets.end(), Net{line.symbol, line.month, 0, {}});
        net->contracts += line.tradeContracts;
        net->lines.push_back(n);
    }
    std::vector<ProposalTicket> out;
    for (const Net& net : nets) {
        if (net.contracts == 0)
            continue;
        trading::OrderRequest r;
        r.symbol = net.symbol;
        r.deliveryMonth = net.month;
        r.side = net.contracts > 0 ? trading::Side::Buy : trading::Side::Sell;
        r.quantity = std::llabs(net.contracts);
        r.type = trading::OrderType::Market;
        r.timeInForce = trading::TimeInForce::Day;
        r.comment = stored.proposal.rationale;
        std::string origin =
            "proposal " + stored.proposal.id + (net.lines.size() == 1 ? " line " : " lines ");
        for (std::size_t i = 0; i < net.lines.size(); ++i)
            origin += (i == 0 ? "" : ",") + std::to_string(net.lines[i]);
        out.push_back(ProposalTicket{r, origin});
    }
    return out;
}

std::vector<int> proposalLinesOfOrigin(const std::string& origin, const std::string& proposalId)
{
    const std::string head = "proposal " + proposalId + " ";
    if (origin.compare(0, head.size(), head) != 0)
        return {};
    std::string_view rest(origin);
    rest.remove_prefix(head.size());
    if (rest.starts_with("lines "))
        rest.remove_prefix(6);
    else if (rest.starts_with("line "))
        rest.remove_prefix(5);
    else
        return {};
    std::vector<int> lines;
    while (!rest.empty()) {
        int number = 0;
        const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
        if (ec != std::errc{} || number <= 0)
            return {};
        lines.push_back(number);
        rest.remove_prefix(static_cast<std::size_t>(ptr - rest.data()));
        if (rest.empty())
            break;
        if (rest.front() != ',' || rest.size() == 1)
            return {};
        rest.remove_prefix(1);
    }
    return lines;
}

} // namespace ch::storage
