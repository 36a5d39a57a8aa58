// computehedge-cli effectiveness list|memo|designate: the list's numbers equal core's assessment
// of the same workspace, the memo file equals core's memo, and a submitted proposal is designated
// by the admin (audited, perfectly effective on its own index) while a trader, an unknown
// proposal, a contract the proposal does not hold and a reference already used are refused with
// exit code 1 and the message.

#include "cli_runner.h"
#include "storage/audit_log.h"
#include "storage/designation_draft.h"
#include "storage/designation_repository.h"
#include "storage/effectiveness_assessment.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>

using namespace ch;
using namespace ch::test;

namespace {

std::filesystem::path fsPath(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

const QStringList kAdmin{"--user", "admin", "--password", "admin-demo-2026"};
const QStringList kTrader{"--user", "trader", "--password", "trader-demo-2026"};

//! HP-0001, submitted: 20 CHG.H100 futures in each of the two months after next on GPU.H100.NC.
void submitProposal(const QString& file)
{
    storage::Workspace ws = storage::Workspace::open(fsPath(file));
    storage::HedgeRepository repo(ws);
    const auto policy = repo.currentPolicy(storage::kDemoPolicyName);
    QVERIFY(policy.has_value());
    const Date v = storage::MarketDataRepository(ws).datasetInfo().valuationDate;
    hedging::HedgeProposal p;
    p.id = "HP-0001";
    p.policyId = policy->id;
    p.policyVersion = policy->version;
    p.createdBy = "trader";
    p.createdAt = *parseIsoTimestamp("2026-10-30T15:00:00Z");
    p.valuationDate = v;
    p.rationale = "Two months of H100 at the band target";
    for (int n : {2, 3}) {
        hedging::ProposalLine l;
        l.month = Month{v.year(), v.month()} + std::chrono::months{n};
        l.exposureIndexId = "GPU.H100.NC";
        l.resource = "H100";
        l.symbol = "CHG.H100";
        l.contracts = 20;
        l.tradeContracts = 20;
        l.forwardUsd = 2.5;
        p.lines.push_back(l);
    }
    QVERIFY(repo.saveProposal(p, storage::ProposalStatus::Draft).empty());
    repo.submitProposal(p.id, "approver", *parseIsoTimestamp("2026-10-30T16:00:00Z"));
}

std::vector<storage::EffectivenessAssessment> coreAssessments(const QString& file)
{
    storage::Workspace ws = storage::Workspace::open(fsPath(file));
    const MarketDataSet market = storage::MarketDataRepository(ws).loadAll();
    std::vector<storage::EffectivenessAssessment> out;
    for (const auto& h : storage::DesignationRepository(ws).designations())
        out.push_back(storage::assessEffectiveness(h, market, market.info.valuationDate));
    return out;
}

} // namespace

class TestCliEffectiveness : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString newDemo(const QString& name) { return demoWorkspaceCopy(m_dir.filePath(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void listAndMemoEqualCore()
    {
        const QString ws = newDemo("list.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject out = runCliJson({"--workspace", ws, "effectiveness", "list"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto expected = coreAssessments(ws);
        const QJsonArray list = out["designations"].toArray();
        QCOMPARE(list.size(), qsizetype{3});
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject d = list[i].toObject();
            const auto& e = expected[static_cast<std::size_t>(i)];
            QCOMPARE(d["reference"].toString().toStdString(), e.hedge.designation.reference);
            QCOMPARE(d["months"].toInteger(), static_cast<qint64>(e.periods));
            QCOMPARE(d["pass"].toBool(), e.passes());
            QCOMPARE(d["dollar_offset"].toObject()["ratio"].toDouble(), *e.dollarOffset->ratio);
            QCOMPARE(d["regression"].toObject()["slope"].toDouble(), e.regression->slope);
            QCOMPARE(d["regression"].toObject()["r_squared"].toDouble(), e.regression->rSquared);
            QCOMPARE(d["hedged_units_per_month"].toDouble(), e.hedge.hedgedUnitsPerMonth);
        }
        // HR-2026-001 hedges the contract's own index at ratio 1: a perfect offset.
        QCOMPARE(list[0].toObject()["months"].toInteger(), qint64{24});
        QCOMPARE(list[0].toObject()["regression"].toObject()["slope"].toDouble(), -1.0);

        const CliRun text = runCli({"--workspace", ws, "effectiveness", "list"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("HR-2026-003"));

        const QString memoFile = m_dir.filePath("HR-2026-001.txt");
        const CliRun memo = runCli(
            {"--workspace", ws, "effectiveness", "memo", "HR-2026-001", "--output", memoFile});
        QCOMPARE(memo.exitCode, 0);
        storage::Workspace w = storage::Workspace::open(fsPath(ws));
        const Date valuation = storage::MarketDataRepository(w).datasetInfo().valuationDate;
        QCOMPARE(QString::fromUtf8(readFile(memoFile)).toStdString(),
                 storage::effectivenessMemo(expected.front(), valuation));

        const CliRun unknown = runCli({"--workspace", ws, "effectiveness", "memo", "HR-1999-001"});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(errorLines(unknown).first(),
                 QString("computehedge-cli: error: REFERENCE: no designation \"HR-1999-001\" in "
                         "this workspace; `effectiveness list` shows them"));
    }

    void adminDesignatesOthersAreRefused()
    {
        const QString ws = newDemo("designate.chw");
        QVERIFY(!ws.isEmpty());
        submitProposal(ws);
        const QStringList designate{
            "--workspace", ws, "effectiveness", "designate", "--proposal", "HP-0001"};

        const CliRun trader = runCli(designate + QStringList{"--contract", "CHG.H100"} + kTrader);
        QCOMPARE(trader.exitCode, 1);
        QCOMPARE(errorLines(trader).last(),
                 QString("computehedge-cli: error: user 'trader' (trader) may not designate "
                         "hedges"));
        const CliRun contract = runCli(designate + QStringList{"--contract", "CHG.B200"} + kAdmin);
        QCOMPARE(contract.exitCode, 1);
        QCOMPARE(errorLines(contract).first(),
                 QString("computehedge-cli: error: --contract: proposal HP-0001 holds no CHG.B200 "
                         "futures; it holds CHG.H100 on GPU.H100.NC"));
        const CliRun proposal = runCli(
            QStringList{"--workspace", ws, "effectiveness", "designate", "--proposal", "HP-0009"}
            + QStringList{"--contract", "CHG.H100"} + kAdmin);
        QCOMPARE(proposal.exitCode, 1);
        QCOMPARE(errorLines(proposal).first(),
                 QString("computehedge-cli: error: --proposal: no hedge proposal \"HP-0009\" in "
                         "this workspace; `hedge proposals` lists them"));

        std::vector<storage::DesignatedHedge> existing;
        {
            storage::Workspace w = storage::Workspace::open(fsPath(ws));
            existing = storage::DesignationRepository(w).designations();
        }
        const int year = static_cast<int>(std::chrono::year_month_day{
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}
                                              .year());
        const std::string reference = storage::nextDesignationReference(existing, year);
        QString problem;
        const QJsonObject saved =
            runCliJson(designate + QStringList{"--contract", "CHG.H100"} + kAdmin, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(saved["reference"].toString().toStdString(), reference);
        // 20 contracts × 730 GPU-h a month designate 14,600 GPU-h at ratio 1.
        QCOMPARE(saved["hedged_units_per_month"].toDouble(), 14'600.0);
        QCOMPARE(saved["contracts_per_month"].toInteger(), qint64{20});
        QCOMPARE(saved["hedge_ratio"].toDouble(), 1.0);
        QCOMPARE(saved["prepared_by"].toString(), QString("Ada Admin"));
        QCOMPARE(saved["lines"].toArray(), (QJsonArray{1, 2}));
        QCOMPARE(saved["execution"].toObject()["executed"].toBool(), false);
        QCOMPARE(saved["execution"].toObject()["traded_contracts"].toInteger(), qint64{40});
        // The hand-made proposal records no hedged units, so the designation is 1:1 and says so.
        QCOMPARE(saved["warnings"].toArray(),
                 (QJsonArray{"proposal HP-0001 does not record the exposure its lines hedge "
                             "(saved before schema 7): the hedged item is the contracts' own "
                             "volume (1:1)",
                             "no order of proposal HP-0001 on CHG.H100 has filled yet: the "
                             "designation documents a hedge that is not executed"}));
        QCOMPARE(saved["months"].toInteger(), qint64{24});
        QVERIFY(saved["pass"].toBool());
        QVERIFY(std::abs(saved["regression"].toObject()["slope"].toDouble() + 1.0) < 1e-9);
        {
            storage::Workspace w = storage::Workspace::open(fsPath(ws));
            QCOMPARE(storage::DesignationRepository(w).designations().size(), std::size_t{4});
            const auto last = storage::AuditLog(w).entries().back();
            QCOMPARE(last.action, std::string("designation.create"));
            QCOMPARE(last.user, std::string("admin"));
            QCOMPARE(last.objectId, reference);
        }

        const CliRun again = runCli(
            designate
            + QStringList{"--contract", "CHG.H100", "--reference", saved["reference"].toString()}
            + kAdmin);
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(errorLines(again),
                 QStringList({"computehedge-cli: error: designation refused",
                              QString::fromStdString("designation: reference: " + reference
                                                     + " is already used by another "
                                                       "designation")}));
    }
};

CH_REGISTER_TEST(TestCliEffectiveness);
#include "tst_cli_effectiveness.moc"
