// HedgeRepository (schema/0005_hedge.sql): policy versions survive reopening and every edit is a
// new version; a malformed policy is refused with Issues naming the field and writes nothing;
// proposals round-trip; the demo workspace carries the default policy; the workspace adapter
// builds recommendation inputs from the demo.

#include "exposure/basis.h"
#include "hedging/workspace_inputs.h"
#include "storage/audit_log.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_registry.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;
using hedging::HedgePolicy;

namespace {

Timestamp at(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

QStringList texts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const Issue& i : issues)
        out << QString::fromStdString(i.toString());
    return out;
}

//! Rows of a hedge table, counted with a raw query on the workspace's own connection.
int rowCount(const Workspace& ws, const char* table)
{
    QSqlQuery q(QSqlDatabase::database(QString::fromStdString(ws.connectionName()), false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !q.next())
        return -1;
    return q.value(0).toInt();
}

AuditFilter filterFor(const std::string& objectType)
{
    AuditFilter f;
    f.objectType = objectType;
    return f;
}

hedging::HedgeProposal sampleProposal(const std::string& id, const HedgePolicy& policy)
{
    hedging::HedgeProposal p;
    p.id = id;
    p.policyId = policy.id;
    p.policyVersion = policy.version;
    p.createdBy = "trader";
    p.createdAt = at("2026-10-30T15:30:00Z");
    p.valuationDate = 2026y / October / 30d;
    p.rationale = "Lock in Q1 H100 at the band target; H200 cross-hedged on CHG.H100.";
    hedging::ProposalLine a;
    a.month = 2026y / November;
    a.exposureIndexId = "GPU.H100.NC";
    a.resource = "H100";
    a.symbol = "CHG.H100";
    a.instrument = hedging::HedgeInstrumentType::Future;
    a.contracts = 75;
    a.tradeContracts = 55;
    a.forwardUsd = 2.4137;
    hedging::ProposalLine b = a;
    b.month = 2027y / January;
    b.exposureIndexId = "GPU.H200.NC";
    b.resource = "H200";
    b.instrument = hedging::HedgeInstrumentType::Collar;
    b.contracts = 12;
    b.tradeContracts = -3;
    b.forwardUsd = 3.1;
    b.callStrikeUsd = 3.41;
    b.putStrikeUsd = 2.79;
    b.premiumUsd = 1234.5678;
    p.lines = {a, b};
    return p;
}

} // namespace

class TestHedgeRepository : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::optional<Workspace> m_ws;
    std::filesystem::path m_path;

    HedgeRepository repo() { return HedgeRepository(*m_ws); }

    HedgePolicy firstVersion()
    {
        HedgePolicy p = hedging::defaultPolicy("ignored", Timestamp{});
        p.name = "Treasury policy";
        const Parsed<HedgePolicy> saved =
            repo().savePolicyVersion(p, "treasurer", at("2026-10-01T08:00:00Z"));
        if (saved.hasErrors())
            qWarning() << texts(saved.issues);
        return saved.value;
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_path = pathOf(m_dir->filePath("hedge.chw"));
        m_ws.emplace(Workspace::create(m_path));
    }
    void cleanup()
    {
        m_ws.reset();
        m_dir.reset();
    }

    void emptyWorkspaceHasNoPolicies()
    {
        QVERIFY(repo().loadPolicies().empty());
        QVERIFY(!repo().currentPolicy("Treasury policy").has_value());
        QVERIFY(repo().loadProposals().empty());
        QCOMPARE(repo().nextProposalId(), std::string("HP-0001"));
    }

    void editsAreVersionedAndSurviveReopen()
    {
        const HedgePolicy v1 = firstVersion();
        QCOMPARE(v1.version, 1);
        QCOMPARE(v1.author, std::string("treasurer"));

        HedgePolicy edit = v1;
        edit.buckets[0].targetRatio = 0.8;
        edit.maxPremiumUsd = 100'000.0;
        const Parsed<HedgePolicy> v2 =
            repo().savePolicyVersion(edit, "cfo", at("2026-10-15T10:30:00Z"));
        QVERIFY2(!v2.hasErrors(), qPrintable(texts(v2.issues).join('\n')));
        QCOMPARE(v2.value.version, 2);
        QCOMPARE(v2.value.author, std::string("cfo"));
        QCOMPARE(v2.value.savedAt, at("2026-10-15T10:30:00Z"));

        HedgePolicy edit3 = v2.value;
        edit3.rules = {{"H100",
                        {hedging::HedgeInstrumentType::Future, hedging::HedgeInstrumentType::Call},
                        {}},
                       {"*", {hedging::HedgeInstrumentType::Collar}, {}}};
        edit3.volumeScenario = Scenario::High;
        edit3.rounding = hedging::RoundingPolicy::NearestWithinBand;
        edit3.strikes = {1.2, 0.85};
        QVERIFY(!repo().savePolicyVersion(edit3, "cfo", at("2026-10-20T10:30:00Z")).hasErrors());

        m_ws.reset();
        m_ws.emplace(Workspace::open(m_path));
        const std::vector<HedgePolicy> history = repo().policyHistory(v1.id);
        QCOMPARE(history.size(), std::size_t{3});
        QVERIFY(history[0] == v1);
        QVERIFY(history[1] == v2.value);
        HedgePolicy expected3 = edit3;
        expected3.version = 3;
        expected3.author = "cfo";
        expected3.savedAt = at("2026-10-20T10:30:00Z");
        QVERIFY(history[2] == expected3);
        QVERIFY(repo().currentPolicy("Treasury policy") == expected3);
        QVERIFY(repo().currentPolicy(v1.id) == expected3); // by id when no name matches
        QCOMPARE(repo().currentPolicies().size(), std::size_t{1});
        QCOMPARE(repo().loadPolicies().size(), std::size_t{3});

        // Each save was audited in its own transaction, with the version and both texts.
        const auto audit = AuditLog(*m_ws).entries(filterFor("hedge_policy"));
        QCOMPARE(audit.size(), std::size_t{3});
        QCOMPARE(audit[1].objectId, std::string("default v2"));
        QCOMPARE(audit[1].user, std::string("cfo"));
        QCOMPARE(audit[1].before, policyAuditText(v1));
        QCOMPARE(audit[1].after, policyAuditText(v2.value));
        QVERIFY(AuditLog(*m_ws).verify().intact());
    }

    void auditTextIsCanonical()
    {
        HedgePolicy p = hedging::defaultPolicy("admin", Timestamp{});
        p.name = "Default layered policy";
        QCOMPARE(policyAuditText(p),
                 std::string("default v1 \"Default layered policy\": buckets 0-3 60/75/90%, "
                             "4-12 30/50/70%, 13-36 0/25/40%; rules *: future on any; limits "
                             "4000/month 2000/contract-month; premium budget 250000 USD; scenario "
                             "base; rounding toward_zero; strikes call 110% put 90%"));
    }

    void unchangedPolicyIsNotSavedAgain()
    {
        const HedgePolicy v1 = firstVersion();
        const Parsed<HedgePolicy> again =
            repo().savePolicyVersion(v1, "someone", at("2026-10-02T08:00:00Z"));
        QVERIFY(!again.hasErrors());
        QCOMPARE(texts(again.issues),
                 QStringList{"policy: version: warning: nothing changed since version 1; no new "
                             "version was saved"});
        QVERIFY(again.value == v1);
        QCOMPARE(repo().loadPolicies().size(), std::size_t{1});
    }

    void malformedPolicyIsRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("max below min")
            << 0 << QStringList{"policy: bucket 2 (4–12 months): max 20% is below min 30%"};
        QTest::newRow("ratio above 100%")
            << 1 << QStringList{"policy: bucket 1 (0–3 months): max 120% is above 100%"};
        QTest::newRow("no author") << 2
                                   << QStringList{"policy: author: is empty; say who saves "
                                                  "this version"};
        QTest::newRow("name of another policy")
            << 3
            << QStringList{"policy: name: \"Treasury policy\" is already the name of policy "
                           "default"};
        QTest::newRow("unknown contract")
            << 4 << QStringList{"policy: rule 1 (H100): unknown contract CHG.NOPE"};
    }
    void malformedPolicyIsRefused()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        const HedgePolicy v1 = firstVersion();
        HedgePolicy edit = v1;
        std::string author = "cfo";
        switch (kind) {
        case 0:
            edit.buckets[1].maxRatio = 0.2;
            break;
        case 1:
            edit.buckets[0].maxRatio = 1.2;
            break;
        case 2:
            edit.buckets[0].targetRatio = 0.7;
            author.clear();
            break;
        case 3:
            edit.id = "second";
            break;
        case 4:
            edit.rules = {{"H100", {hedging::HedgeInstrumentType::Future}, {"CHG.NOPE"}}};
            break;
        }
        const Parsed<HedgePolicy> saved =
            repo().savePolicyVersion(edit, author, at("2026-10-05T08:00:00Z"));
        QVERIFY(saved.hasErrors());
        const QStringList got = texts(saved.issues);
        for (const QString& e : expected)
            QVERIFY2(got.contains(e), qPrintable(got.join('\n')));
        QVERIFY(saved.value == v1 || kind == 3);
        // Nothing was written: same rows, same audit log.
        QCOMPARE(rowCount(*m_ws, "hedge_policies"), 1);
        QCOMPARE(rowCount(*m_ws, "hedge_policy_buckets"), 3);
        QCOMPARE(AuditLog(*m_ws).size(), std::size_t{1});
        QVERIFY(repo().currentPolicy("Treasury policy") == v1);
    }

    void proposalRoundTrip()
    {
        const HedgePolicy v1 = firstVersion();
        const hedging::HedgeProposal p = sampleProposal(repo().nextProposalId(), v1);
        QCOMPARE(p.id, std::string("HP-0001"));
        QVERIFY(repo().saveProposal(p, ProposalStatus::Draft).empty());
        QCOMPARE(repo().nextProposalId(), std::string("HP-0002"));

        m_ws.reset();
        m_ws.emplace(Workspace::open(m_path));
        const std::vector<StoredProposal> all = repo().loadProposals();
        QCOMPARE(all.size(), std::size_t{1});
        QVERIFY(all[0].proposal == p);
        QCOMPARE(all[0].status, ProposalStatus::Draft);
        QVERIFY(all[0].submittedBy.empty());
        QVERIFY(!all[0].submittedAt.has_value());

        repo().submitProposal(p.id, "approver", at("2026-10-31T09:00:00Z"));
        const std::optional<StoredProposal> s = repo().proposal(p.id);
        QVERIFY(s.has_value());
        QCOMPARE(s->status, ProposalStatus::Submitted);
        QCOMPARE(s->submittedBy, std::string("approver"));
        QVERIFY(s->submittedAt == at("2026-10-31T09:00:00Z"));
        QVERIFY(s->proposal == p);

        const auto audit = AuditLog(*m_ws).entries(filterFor("hedge_proposal"));
        QCOMPARE(audit.size(), std::size_t{2});
        QCOMPARE(audit[0].action, std::string("hedge_proposal.save"));
        QCOMPARE(audit[0].comment, p.rationale);
        QCOMPARE(audit[0].after,
                 std::string("HP-0001 (draft): 2 lines, buy 55 / sell 3 contracts, premium "
                             "1234.57 USD, policy default v1, valuation 2026-10-30"));
        QCOMPARE(audit[1].action, std::string("hedge_proposal.submit"));

        QCOMPARE(QString::fromStdString([&] {
                     try {
                         repo().submitProposal(p.id, "approver", at("2026-10-31T09:05:00Z"));
                     } catch (const Error& e) {
                         return std::string(e.what());
                     }
                     return std::string("(no error)");
                 }()),
                 QString("submitProposal: hedge proposal \"HP-0001\" was already submitted"));
    }

    void badProposalIsRefused()
    {
        const HedgePolicy v1 = firstVersion();
        hedging::HedgeProposal p = sampleProposal("HP-0001", v1);
        QVERIFY(repo().saveProposal(p, ProposalStatus::Submitted).empty());

        hedging::HedgeProposal dup = p;
        QCOMPARE(texts(repo().saveProposal(dup, ProposalStatus::Draft)),
                 QStringList{"proposal: id: \"HP-0001\" is already used by a saved proposal"});

        hedging::HedgeProposal unknownPolicy = sampleProposal("HP-0002", v1);
        unknownPolicy.policyVersion = 7;
        QCOMPARE(texts(repo().saveProposal(unknownPolicy, ProposalStatus::Draft)),
                 QStringList{"proposal: policy: policy default version 7 is not stored in this "
                             "workspace; save the policy first"});

        hedging::HedgeProposal noRationale = sampleProposal("HP-0003", v1);
        noRationale.rationale.clear();
        QVERIFY(!repo().saveProposal(noRationale, ProposalStatus::Draft).empty());

        QCOMPARE(repo().loadProposals().size(), std::size_t{1});
        QCOMPARE(rowCount(*m_ws, "hedge_proposal_lines"), 2);
        const std::optional<StoredProposal> s = repo().proposal("HP-0001");
        QVERIFY(s.has_value());
        QCOMPARE(s->status, ProposalStatus::Submitted);
        QCOMPARE(s->submittedBy, std::string("trader"));
    }
};

//! The demo workspace (one creation for all its tests: it hashes four passwords).
class TestHedgeDemo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws.emplace(Workspace::createDemo(pathOf(m_dir.filePath("demo.chw"))));
    }
    void cleanupTestCase() { m_ws.reset(); }

    void demoHasTheDefaultLayeredPolicy()
    {
        const MarketDataSet market = MarketDataRepository(*m_ws).loadAll();
        const std::optional<HedgePolicy> p =
            HedgeRepository(*m_ws).currentPolicy("Default layered policy");
        QVERIFY(p.has_value());
        HedgePolicy expected =
            hedging::defaultPolicy("admin", Timestamp{sys_days(market.info.valuationDate)});
        expected.name = "Default layered policy";
        QVERIFY(*p == expected);
        QCOMPARE(formatIsoTimestamp(p->savedAt), std::string("2026-10-30T00:00:00Z"));
    }

    void adapterBuildsRecommendationInputs()
    {
        const MarketDataSet market = MarketDataRepository(*m_ws).loadAll();
        const pricing::MarketSnapshot snapshot =
            pricing::buildMarketSnapshot(market, market.info.valuationDate);
        std::vector<Issue> issues;
        const risk::RiskSources sources = loadRiskSources(*m_ws, market, snapshot, issues);
        const HedgePolicy policy = *HedgeRepository(*m_ws).currentPolicy(kDemoPolicyName);
        const std::vector<hedging::ExistingPosition> held = loadExistingPositions(*m_ws);
        QVERIFY(!held.empty()); // the demo desk has filled orders
        const hedging::BuiltHedgeInputs built = hedging::buildHedgeInputs(sources, policy, held);
        QVERIFY2(built.ok(), qPrintable(texts(built.issues).join('\n')));
        QCOMPARE(built.inputs.valuationDate, market.info.valuationDate);
        QVERIFY(built.inputs.policy == policy);
        QVERIFY(built.inputs.positions == held);
        QVERIFY(!built.inputs.choices.empty());
        // Every chosen contract's index is a risk factor, even one without exposure.
        for (const hedging::HedgeChoice& c : built.inputs.choices) {
            const auto& f = built.inputs.risk.factors;
            QVERIFY2(std::any_of(
                         f.begin(),
                         f.end(),
                         [&](const risk::RiskFactor& x) { return x.indexId == c.contractIndexId; }),
                     c.contractIndexId.c_str());
            const ContractSpec* spec = market.findContract(c.symbol);
            QVERIFY(spec != nullptr);
            QCOMPARE(spec->underlyingIndex, c.contractIndexId);
            QCOMPARE(c.crossHedge, c.contractIndexId != c.exposureIndexId);
        }
        // Exposures whose bills cover enough months are regressed on paid prices.
        for (const hedging::ExposureChoice& e : built.exposures)
            if (e.paidMonths > 0 && e.choice)
                QCOMPARE(e.choice->ratio.exposureSeries.rfind("paid:", 0), std::size_t{0});
        // The current book is the held positions on their indices.
        QCOMPARE(built.inputs.risk.instruments.size(), sources.instruments.size());
    }

    void paidPricesNeedEnoughMonthsOfBills()
    {
        const MarketDataSet market = MarketDataRepository(*m_ws).loadAll();
        const pricing::MarketSnapshot snapshot =
            pricing::buildMarketSnapshot(market, market.info.valuationDate);
        std::vector<Issue> issues;
        risk::RiskSources sources = loadRiskSources(*m_ws, market, snapshot, issues);
        const hedging::HedgeBuildOptions options;

        // The demo's six months of bills are too few for eight monthly returns.
        std::vector<Issue> found;
        QVERIFY(!hedging::paidPricesForRatio(sources, "GPU.H100.NC", options, found));
        QCOMPARE(texts(found),
                 QStringList{"hedge ratio: GPU.H100.NC: warning: 6 months of bills are too few "
                             "to regress paid prices (at least 9 are needed); h* is estimated on "
                             "the index"});

        // Fourteen months of H100 bills at 1.1 × the index's monthly average: paid prices move
        // one for one with the index in percent, so h* = 1 and R² = 1 (up to cent rounding).
        const PriceSeries& h100 = *market.findSeries("GPU.H100.NC");
        sources.actuals.clear();
        const Month first = addMonths(firstPlanMonth(market.info.valuationDate), -14);
        for (int k = 0; k < 14; ++k) {
            const Month m = addMonths(first, k);
            const double average = *exposure::indexMonthlyAverage(h100, m);
            sources.actuals.emplace_back(m,
                                         "Northwind Compute",
                                         Resource::gpu(GpuType::H100),
                                         Volume(Unit::GpuHour, 100'000.0),
                                         Money::fromAmount(Currency::Usd, 110'000.0 * average));
        }
        found.clear();
        const auto paid = hedging::paidPricesForRatio(sources, "GPU.H100.NC", options, found);
        QVERIFY(found.empty());
        QVERIFY(paid.has_value());
        QCOMPARE(paid->size(), std::size_t{14});
        const HedgePolicy policy = *HedgeRepository(*m_ws).currentPolicy(kDemoPolicyName);
        const std::vector<hedging::ExposureChoice> choices =
            hedging::chooseContracts(sources, policy, options, found);
        const auto h100Choice =
            std::find_if(choices.begin(), choices.end(), [](const hedging::ExposureChoice& e) {
                return e.indexId == "GPU.H100.NC";
            });
        QVERIFY(h100Choice != choices.end() && h100Choice->choice);
        QCOMPARE(h100Choice->paidMonths, std::size_t{14});
        const hedging::HedgeRatioEstimate& r = h100Choice->choice->ratio;
        QCOMPARE(r.exposureSeries.rfind("paid:", 0), std::size_t{0});
        QCOMPARE(r.sampling, hedging::Sampling::Monthly);
        QCOMPARE(r.observations, std::size_t{13});
        QVERIFY2(std::fabs(r.beta - 1.0) < 1e-6, std::to_string(r.beta).c_str());
        QVERIFY2(std::fabs(r.rSquared - 1.0) < 1e-9, std::to_string(r.rSquared).c_str());
        QCOMPARE(h100Choice->choice->symbol, std::string("CHG.H100"));
        QCOMPARE(h100Choice->choice->crossHedge, false);
    }
};

CH_REGISTER_TEST(TestHedgeRepository);
CH_REGISTER_TEST(TestHedgeDemo);
#include "tst_hedge_repository.moc"
