// The orders a submitted hedge proposal becomes (storage/proposal_orders.h): one per contract
// month with the net trade of its futures lines, options skipped, and origins that name the lines.

#include "storage/proposal_orders.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::storage;
using namespace std::chrono;

namespace {

hedging::ProposalLine line(std::string index,
                           std::string symbol,
                           Month month,
                           ContractCount trade,
                           hedging::HedgeInstrumentType type = hedging::HedgeInstrumentType::Future)
{
    hedging::ProposalLine l;
    l.month = month;
    l.exposureIndexId = std::move(index);
    l.symbol = std::move(symbol);
    l.instrument = type;
    l.contracts = trade;
    l.tradeContracts = trade;
    return l;
}

StoredProposal submitted(std::vector<hedging::ProposalLine> lines)
{
    StoredProposal p;
    p.proposal.id = "HP-0007";
    p.proposal.rationale = "layered hedge";
    p.proposal.lines = std::move(lines);
    p.status = ProposalStatus::Submitted;
    return p;
}

} // namespace

class TestProposalOrders : public QObject
{
    Q_OBJECT

private slots:
    void linesOnOneContractMonthBecomeOneOrder()
    {
        // Token input and output hedged with the same contract month, an H100 line, an option
        // line and a line with nothing to trade.
        const StoredProposal p = submitted({
            line("TOK.FRONTIER.IN", "CHT.FRONTIER", 2027y / January, 12),
            line("GPU.H100.NC", "CHG.H100", 2027y / January, 40),
            line("TOK.FRONTIER.OUT", "CHT.FRONTIER", 2027y / January, 12),
            line("GPU.H100.NC", "CHG.H100", 2027y / February, 0),
            line("GPU.H100.NC", "CHG.H100", 2027y / March, 5, hedging::HedgeInstrumentType::Call),
            line("GPU.H200.NC", "CHG.H100", 2027y / January, -45),
        });
        int skipped = -1;
        const auto tickets = ticketsFromProposal(p, skipped);
        QCOMPARE(skipped, 1);
        QCOMPARE(tickets.size(), std::size_t{2});
        QCOMPARE(tickets[0].request.symbol, std::string("CHT.FRONTIER"));
        QCOMPARE(tickets[0].request.side, trading::Side::Buy);
        QCOMPARE(tickets[0].request.quantity, ContractCount{24});
        QCOMPARE(tickets[0].origin, std::string("proposal HP-0007 lines 1,3"));
        // CHG.H100 2027-01: +40 for H100 and −45 for H200 net to a sale of 5.
        QCOMPARE(tickets[1].request.symbol, std::string("CHG.H100"));
        QCOMPARE(tickets[1].request.side, trading::Side::Sell);
        QCOMPARE(tickets[1].request.quantity, ContractCount{5});
        QCOMPARE(tickets[1].origin, std::string("proposal HP-0007 lines 2,6"));
        QCOMPARE(tickets[1].request.comment, std::string("layered hedge"));
        QCOMPARE(tickets[1].request.type, trading::OrderType::Market);
    }

    void linesThatCancelOutMakeNoOrder()
    {
        int skipped = 0;
        const auto tickets =
            ticketsFromProposal(submitted({line("GPU.H100.NC", "CHG.H100", 2027y / January, 10),
                                           line("GPU.H200.NC", "CHG.H100", 2027y / January, -10),
                                           line("GPU.B200.NC", "CHG.B200", 2027y / May, 3)}),
                                skipped);
        QCOMPARE(tickets.size(), std::size_t{1});
        QCOMPARE(tickets[0].origin, std::string("proposal HP-0007 line 3"));
    }

    void draftProposalIsRefused()
    {
        StoredProposal p = submitted({line("GPU.H100.NC", "CHG.H100", 2027y / January, 10)});
        p.status = ProposalStatus::Draft;
        int skipped = 0;
        try {
            ticketsFromProposal(p, skipped);
            QFAIL("a draft proposal made orders");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("proposal HP-0007 is a draft; it must be submitted before orders "
                                 "are made from it"));
        }
    }

    void originsNameTheirLines()
    {
        QCOMPARE(proposalLinesOfOrigin("proposal HP-0007 line 2", "HP-0007"), std::vector<int>{2});
        QCOMPARE(proposalLinesOfOrigin("proposal HP-0007 lines 5,9,12", "HP-0007"),
                 (std::vector<int>{5, 9, 12}));
        // Another proposal, a prefix of the id, malformed lists: no lines.
        QVERIFY(proposalLinesOfOrigin("proposal HP-0007 line 2", "HP-0070").empty());
        QVERIFY(proposalLinesOfOrigin("proposal HP-00071 line 2", "HP-0007").empty());
        QVERIFY(proposalLinesOfOrigin("proposal HP-0007 lines 5,", "HP-0007").empty());
        QVERIFY(proposalLinesOfOrigin("proposal HP-0007 line 0", "HP-0007").empty());
        QVERIFY(proposalLinesOfOrigin("proposal HP-0007 line 2x", "HP-0007").empty());
        QVERIFY(proposalLinesOfOrigin("manual", "HP-0007").empty());
    }
};

CH_REGISTER_TEST(TestProposalOrders);
#include "tst_proposal_orders.moc"
