// Designating a hedge from a submitted proposal (storage/designation_draft.h): the groups of a
// proposal, the execution counted from order origins and fills, the proposed designation with
// hand-computed volumes and memo texts, the next reference, the checks of an edited designation,
// and the refusals (a draft proposal, a group the proposal does not hold, a user without
// manage_limits).

#include "compare.h"
#include "hedging/policy.h"
#include "storage/designation_draft.h"
#include "storage/hedge_repository.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;

namespace {

hedging::ProposalLine line(Month month,
                           const char* index,
                           hedging::HedgeInstrumentType instrument,
                           ContractCount contracts,
                           ContractCount trade)
{
    hedging::ProposalLine l;
    l.month = month;
    l.exposureIndexId = index;
    l.resource = std::string(index) == "GPU.H100.NC" ? "H100" : "FRONTIER";
    l.symbol = "CHG.H100";
    l.instrument = instrument;
    l.contracts = contracts;
    l.tradeContracts = trade;
    l.forwardUsd = 2.4;
    if (instrument == hedging::HedgeInstrumentType::Collar) {
        l.callStrikeUsd = 2.9;
        l.putStrikeUsd = 2.1;
    }
    return l;
}

//! Lines 1-3: H100 futures holding 20, 15 and 12 contracts (trades 20, 15, 10); line 4 a collar
//! on the same index and contract; line 5 a month sold out (holding 0); line 6 a second group.
hedging::HedgeProposal sampleProposal(const std::string& id, const hedging::HedgePolicy& policy)
{
    using hedging::HedgeInstrumentType;
    hedging::HedgeProposal p;
    p.id = id;
    p.policyId = policy.id;
    p.policyVersion = policy.version;
    p.createdBy = "trader";
    p.createdAt = ts("2026-10-30T15:30:00Z");
    p.valuationDate = 2026y / October / 30d;
    p.rationale = "Q4-Q1 H100 at the band target";
    p.lines = {line(2026y / December, "GPU.H100.NC", HedgeInstrumentType::Future, 20, 20),
               line(2027y / January, "GPU.H100.NC", HedgeInstrumentType::Future, 15, 15),
               line(2027y / February, "GPU.H100.NC", HedgeInstrumentType::Future, 12, 10),
               line(2027y / March, "GPU.H100.NC", HedgeInstrumentType::Collar, 8, 8),
               line(2027y / April, "GPU.H100.NC", HedgeInstrumentType::Future, 0, -4),
               line(2026y / December, "TOK.FRONTIER.IN", HedgeInstrumentType::Future, 3, 3)};
    return p;
}

QStringList texts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const Issue& i : issues)
        out << QString::fromStdString(i.toString());
    return out;
}

QStringList texts(const std::vector<std::string>& lines)
{
    QStringList out;
    for (const auto& l : lines)
        out << QString::fromStdString(l);
    return out;
}

} // namespace

class TestDesignationDraft : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::optional<Desk> m_desk;
    const Date m_today = 2026y / October / 30d;

    Workspace& ws() { return m_desk->ws; }

    //! Saves policy v1 and the sample proposal as HP-0001, submitted.
    StoredProposal submittedProposal()
    {
        HedgeRepository repo(ws());
        const auto policy = repo.savePolicyVersion(
            hedging::defaultPolicy("treasury", Timestamp{}), "admin", ts("2026-10-01T08:00:00Z"));
        if (policy.hasErrors())
            qWarning() << texts(policy.issues);
        const auto issues =
            repo.saveProposal(sampleProposal("HP-0001", policy.value), ProposalStatus::Draft);
        if (!issues.empty())
            qWarning() << texts(issues);
        repo.submitProposal("HP-0001", "approver", ts("2026-10-30T16:00:00Z"));
        return *repo.proposal("HP-0001");
    }

    //! An order with `origin`, released, filled by `fills` reports (none: left at the broker).
    void orderFrom(const std::string& origin,
                   ContractCount qty,
                   std::vector<ContractCount> fills,
                   const char* at)
    {
        TradingRepository repo = m_desk->trading();
        const Timestamp t = ts(at);
        const auto o =
            repo.createDraft(ticket(qty), m_desk->spec(), 2'810'000, m_desk->trader, t, origin);
        repo.submit(o.id(), m_desk->trader, t + minutes{1}, m_desk->spec(), m_desk->inputs());
        repo.approve(o.id(), m_desk->approver, t + minutes{2}, "ok");
        const auto sent = repo.release(o.id(), m_desk->trader, t + minutes{3});
        ContractCount cum = 0;
        int n = 0;
        for (ContractCount f : fills) {
            cum += f;
            const auto type = cum == qty ? trading::ExecType::Fill : trading::ExecType::PartialFill;
            QVERIFY(repo.recordReport(
                report(sent, origin + " fill " + std::to_string(++n), type, f, cum),
                t + minutes{4}));
        }
        repo.processInbox(t + minutes{5});
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_desk.emplace(Desk::create(pathOf(m_dir->filePath("designate.chw"))));
    }
    void cleanup()
    {
        m_desk.reset();
        m_dir.reset();
    }

    void groupsAreHeldFuturesByIndexAndContract()
    {
        const auto p = sampleProposal("HP-0001", hedging::defaultPolicy("x", Timestamp{}));
        const auto groups = proposalHedgeGroups(p);
        QCOMPARE(groups.size(), std::size_t{2});
        QCOMPARE(groups[0].exposureIndexId, std::string("GPU.H100.NC"));
        QCOMPARE(groups[0].symbol, std::string("CHG.H100"));
        QCOMPARE(groups[0].resource, std::string("H100"));
        QCOMPARE(groups[0].lineNumbers, (std::vector<int>{1, 2, 3}));
        QCOMPARE(groups[0].firstMonth, 2026y / December);
        QCOMPARE(groups[0].lastMonth, 2027y / February);
        QCOMPARE(groups[1].exposureIndexId, std::string("TOK.FRONTIER.IN"));
        QCOMPARE(groups[1].lineNumbers, (std::vector<int>{6}));
    }

    void nextReferenceCountsWithinTheYear()
    {
        auto named = [](const char* ref) {
            DesignatedHedge h;
            h.designation.reference = ref;
            return h;
        };
        const std::vector<DesignatedHedge> existing{named("HR-2026-001"),
                                                    named("HR-2026-007"),
                                                    named("HR-2025-012"),
                                                    named("HR-2026-01x"),
                                                    named("XR-2026-009")};
        QCOMPARE(nextDesignationReference(existing, 2026), std::string("HR-2026-008"));
        QCOMPARE(nextDesignationReference(existing, 2025), std::string("HR-2025-013"));
        QCOMPARE(nextDesignationReference(existing, 2027), std::string("HR-2027-001"));
        QCOMPARE(nextDesignationReference({}, 2026), std::string("HR-2026-001"));
    }

    void executionCountsOrdersAndFillsOfTheGroupsLines()
    {
        const StoredProposal p = submittedProposal();
        orderFrom("proposal HP-0001 line 1", 20, {8, 12}, "2026-10-30T10:00:00Z");
        orderFrom("proposal HP-0001 line 2", 15, {}, "2026-10-30T10:10:00Z");
        // Neither counts: another proposal, a line of the other group, a longer line number.
        orderFrom("proposal HP-0002 line 1", 5, {5}, "2026-10-30T10:20:00Z");
        orderFrom("proposal HP-0001 line 6", 3, {3}, "2026-10-30T10:30:00Z");
        orderFrom("proposal HP-0001 line 12", 4, {4}, "2026-10-30T10:40:00Z");

        const DesignationDraft d =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test admin", m_today);
        QCOMPARE(d.execution.orders, std::size_t{2});
        QCOMPARE(d.execution.fills, std::size_t{2});
        QCOMPARE(d.execution.filledContracts, ContractCount{20});
        QCOMPARE(d.execution.tradedContracts, ContractCount{20 + 15 + 10});
        QVERIFY(d.executed());
        // The hand-made lines carry no hedged units (as a proposal saved before schema 7).
        QCOMPARE(texts(d.warnings),
                 QStringList({"proposal HP-0001 does not record the exposure its lines hedge "
                              "(saved before schema 7): the hedged item is the contracts' own "
                              "volume (1:1)",
                              "holdings vary from 12 to 20 contracts per month; the designation "
                              "uses their average",
                              "1 option line(s) of proposal HP-0001 on CHG.H100 are not "
                              "designated: the effectiveness tests value futures",
                              "orders of proposal HP-0001 on CHG.H100 filled 20 of 45 contracts "
                              "traded"}));
    }

    void hedgedUnitsOfTheLinesAreTheHedgedItem()
    {
        // A cross hedge as the recommendation sizes it: h* = 0.8, so each contract of 730 GPU-h
        // hedges 912.5 GPU-h of exposure. Holdings 20, 15, 12 hedge 18,250, 13,687.5 and 10,950.
        StoredProposal p = submittedProposal();
        for (auto& l : p.proposal.lines)
            if (l.exposureIndexId == "GPU.H100.NC"
                && l.instrument == hedging::HedgeInstrumentType::Future)
                l.hedgedUnits = static_cast<double>(l.contracts) * 730.0 / 0.8;
        const DesignationDraft d =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test admin", m_today);
        CH_COMPARE_NEAR(d.hedge.hedgedUnitsPerMonth, 47.0 * 912.5 / 3.0, 1e-9);
        QCOMPARE(d.hedge.contractsPerMonth, ContractCount{16});
        // Instrument units over hedged units: 16 × 730 / (47 × 912.5 / 3) = 0.8 × 48 / 47.
        CH_COMPARE_NEAR(d.hedge.designation.hedgeRatio, 0.8 * 48.0 / 47.0, 1e-12);
        QCOMPARE(d.hedge.designation.hedgedItem,
                 std::string("Forecast H100 purchases 2026-12..2027-02, 14,296 GPU-h per month"));
        for (const auto& w : d.warnings)
            QVERIFY2(w.find("schema 7") == std::string::npos, w.c_str());
    }

    void draftHasHandComputedVolumesAndMemo()
    {
        const StoredProposal p = submittedProposal();
        const DesignationDraft d =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test admin", m_today);
        const DesignatedHedge& h = d.hedge;
        // Holdings 20, 15, 12: average 47/3 contracts of 730 GPU-h; 16 contracts rounded.
        CH_COMPARE_NEAR(h.hedgedUnitsPerMonth, 47.0 * 730.0 / 3.0, 1e-9);
        QCOMPARE(h.contractsPerMonth, ContractCount{16});
        CH_COMPARE_NEAR(h.designation.hedgeRatio, 48.0 / 47.0, 1e-12);
        QCOMPARE(h.hedgedIndex, std::string("GPU.H100.NC"));
        QCOMPARE(h.instrumentSymbol, std::string("CHG.H100"));
        QCOMPARE(h.designation.reference, std::string("HR-2026-001"));
        QCOMPARE(h.designation.designationDate, m_today);
        QCOMPARE(h.designation.hedgedItem,
                 std::string("Forecast H100 purchases 2026-12..2027-02, 11,437 GPU-h per "
                             "month"));
        QCOMPARE(h.designation.hedgingInstrument,
                 std::string("Long CHG.H100 2026-12..2027-02 futures, 16 contracts per delivery "
                             "month"));
        QCOMPARE(h.designation.riskHedged,
                 std::string("Variability of cash flows of forecast H100 purchases from changes "
                             "in the GPU.H100.NC price index"));
        QCOMPARE(h.designation.method, trading::EffectivenessMethod::DollarOffsetAndRegression);
        QCOMPARE(h.designation.assessmentFrequency, std::string("quarterly"));
        QCOMPARE(h.designation.preparedBy, std::string("Test admin"));
        QVERIFY(!d.executed());
        QCOMPARE(QString::fromStdString(d.warnings.back()),
                 QString("no order of proposal HP-0001 on CHG.H100 has filled yet: the "
                         "designation documents a hedge that is not executed"));
        QVERIFY(validateDesignation(h, {}, sampleMarketData()).empty());

        // One month of 3 contracts on another index: a cross hedge, 2,190 units, ratio 1.
        const DesignationDraft tok =
            draftDesignation(ws(), p, "TOK.FRONTIER.IN", "CHG.H100", "Test admin", m_today);
        CH_COMPARE_NEAR(tok.hedge.hedgedUnitsPerMonth, 2190.0, 1e-9);
        QCOMPARE(tok.hedge.contractsPerMonth, ContractCount{3});
        CH_COMPARE_NEAR(tok.hedge.designation.hedgeRatio, 1.0, 1e-12);
        QCOMPARE(tok.hedge.designation.hedgedItem,
                 std::string("Forecast FRONTIER purchases 2026-12, 2,190 GPU-h per month"));
        QCOMPARE(tok.hedge.designation.hedgingInstrument,
                 std::string("Long CHG.H100 2026-12 futures, 3 contracts per delivery month "
                             "(cross hedge: settles on GPU.H100.NC)"));
    }

    void savedDraftIsAuditedAndTheNextTakesTheNextReference()
    {
        const StoredProposal p = submittedProposal();
        const DesignationDraft d =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test admin", m_today);
        DesignationRepository repo(ws());
        const DesignatedHedge saved = repo.add(d.hedge, m_desk->admin, ts("2026-10-30T17:00:00Z"));
        QVERIFY(saved.id > 0);
        QCOMPARE(repo.designations().size(), std::size_t{1});
        const DesignatedHedge read = repo.designations().front();
        QCOMPARE(read.id, saved.id);
        QCOMPARE(trading::designationMemo(read.designation),
                 trading::designationMemo(d.hedge.designation));
        QCOMPARE(read.designation.designationDate, m_today);
        QCOMPARE(read.hedgedIndex, d.hedge.hedgedIndex);
        QCOMPARE(read.instrumentSymbol, d.hedge.instrumentSymbol);
        QCOMPARE(read.hedgedUnitsPerMonth, d.hedge.hedgedUnitsPerMonth); // REAL round-trips
        QCOMPARE(read.contractsPerMonth, d.hedge.contractsPerMonth);
        const auto last = AuditLog(ws()).entries().back();
        QCOMPARE(last.action, std::string("designation.create"));
        QCOMPARE(last.user, std::string("admin"));
        QCOMPARE(last.objectId, std::string("HR-2026-001"));
        QCOMPARE(last.after, trading::designationMemo(d.hedge.designation));

        const DesignationDraft next =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test admin", m_today);
        QCOMPARE(next.hedge.designation.reference, std::string("HR-2026-002"));
        QCOMPARE(texts(validateDesignation(d.hedge, repo.designations(), sampleMarketData())),
                 QStringList{
                     "designation: reference: HR-2026-001 is already used by another designation"});
    }

    void usersWithoutManageLimitsAreRefused()
    {
        const StoredProposal p = submittedProposal();
        const DesignationDraft d =
            draftDesignation(ws(), p, "GPU.H100.NC", "CHG.H100", "Test viewer", m_today);
        DesignationRepository repo(ws());
        const auto before = AuditLog(ws()).entries().size();
        QCOMPARE(errorOf([&] { repo.add(d.hedge, m_desk->viewer, ts("2026-10-30T17:00:00Z")); }),
                 QString("user 'viewer' (viewer) may not designate hedges"));
        QCOMPARE(errorOf([&] { repo.add(d.hedge, m_desk->trader, ts("2026-10-30T17:00:00Z")); }),
                 QString("user 'trader' (trader) may not designate hedges"));
        QVERIFY(repo.designations().empty());
        QCOMPARE(AuditLog(ws()).entries().size(), before);
    }

    void draftProposalAndMissingGroupAreRefused()
    {
        const StoredProposal submitted = submittedProposal();
        StoredProposal draft = submitted;
        draft.status = ProposalStatus::Draft;
        QCOMPARE(errorOf([&] {
                     draftDesignation(ws(), draft, "GPU.H100.NC", "CHG.H100", "x", m_today);
                 }),
                 QString("proposal HP-0001 is a draft; submit it before designating a hedge from "
                         "it"));
        QCOMPARE(errorOf([&] {
                     draftDesignation(ws(), submitted, "GPU.B200.NC", "CHG.H100", "x", m_today);
                 }),
                 QString("proposal HP-0001 holds no CHG.H100 futures hedging GPU.B200.NC"));
        QCOMPARE(errorOf([&] {
                     draftDesignation(ws(), submitted, "GPU.H100.NC", "CHG.B200", "x", m_today);
                 }),
                 QString("contract CHG.B200 does not exist in this workspace"));
    }

    void editedDesignationIsCheckedFieldByField()
    {
        DesignatedHedge h;
        h.designation.reference = " ";
        h.designation.hedgedItem = "";
        h.designation.hedgingInstrument = "Long CHG.H100";
        h.designation.riskHedged = "\t";
        h.designation.hedgeRatio = 0.0;
        h.designation.assessmentFrequency = "quarterly";
        h.designation.preparedBy = "Test admin";
        h.hedgedIndex = "GPU.X.NC";
        h.instrumentSymbol = "CHG.X";
        h.hedgedUnitsPerMonth = -1.0;
        h.contractsPerMonth = 0;
        QCOMPARE(texts(validateDesignation(h, {}, sampleMarketData())),
                 QStringList({"designation: reference: a designation needs a reference, e.g. "
                              "HR-2026-004",
                              "designation: hedged_item: is empty; the designation memo must "
                              "state it",
                              "designation: risk_hedged: is empty; the designation memo must "
                              "state it",
                              "designation: hedge_ratio: 0 is not positive",
                              "designation: hedged_index: \"GPU.X.NC\" is not an index of this "
                              "workspace",
                              "designation: instrument_symbol: \"CHG.X\" is not a contract of "
                              "this workspace",
                              "designation: hedged_units_per_month: -1 is not positive",
                              "designation: contracts_per_month: 0 is not positive"}));

        // 10 contracts of 730 GPU-h against 7,300 GPU-h imply a ratio of 1; 1.2 is documented.
        h.designation.reference = "HR-2026-009";
        h.designation.hedgedItem = "Forecast H100 purchases";
        h.designation.riskHedged = "Cash flow variability";
        h.designation.hedgeRatio = 1.2;
        h.hedgedIndex = "GPU.H100.NC";
        h.instrumentSymbol = "CHG.H100";
        h.hedgedUnitsPerMonth = 7300.0;
        h.contractsPerMonth = 10;
        QCOMPARE(texts(validateDesignation(h, {}, sampleMarketData())),
                 QStringList{"designation: hedge_ratio: warning: 1.2 differs from contracts × "
                             "units per contract / hedged units = 1"});
        h.designation.hedgeRatio = 1.009;
        QVERIFY(validateDesignation(h, {}, sampleMarketData()).empty());
    }
};

CH_REGISTER_TEST(TestDesignationDraft);
#include "tst_designation_draft.moc"
