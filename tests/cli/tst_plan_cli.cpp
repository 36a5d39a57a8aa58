// computehedge-cli plan / contracts / actuals / exposure / basis: JSON numbers equal what core
// computes from the same workspace, exports read back exactly, and failed imports print every
// issue as file:line: column: message, exit 1 and write nothing.

#include "cli_runner.h"
#include "exposure/basis.h"
#include "exposure/exposure.h"
#include "exposure/plan_csv.h"
#include "exposure/records_csv.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "storage/plan_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::test;

namespace {

//! What the CLI must print, computed by calling core on the workspace directly.
struct Expected
{
    storage::PlanBook book;
    MarketDataSet market;
    exposure::BasisReport basis;
    exposure::ExposureReport report;
};

Expected computeExpected(const QString& path)
{
    auto ws = storage::Workspace::open(path.toStdString());
    Expected e;
    e.book = storage::PlanRepository(ws).load();
    e.market = storage::MarketDataRepository(ws).loadAll();
    const auto snapshot = pricing::buildMarketSnapshot(e.market, e.market.info.valuationDate);
    e.basis = exposure::measureBasis(e.book.plan, e.book.actuals, e.market.series);
    e.report = exposure::computeExposure(
        e.book.plan, e.book.contracts, e.basis, e.book.budget, snapshot.curves);
    return e;
}

storage::PlanBook loadBook(const QString& path)
{
    auto ws = storage::Workspace::open(path.toStdString());
    return storage::PlanRepository(ws).load();
}

void compareCosts(const QJsonObject& o, const exposure::CostSummary& c)
{
    QCOMPARE(o["exposure_usd"].toDouble(), c.exposureUsd);
    QCOMPARE(o["contracted_cost_usd"].toDouble(), c.contractedCostUsd);
    QCOMPARE(o["total_cost_usd"].toDouble(), c.totalCostUsd);
    QCOMPARE(o["budget_usd"].toDouble(), c.budgetUsd);
    QCOMPARE(o["budgeted_cost_usd"].toDouble(), c.budgetedCostUsd);
    QCOMPARE(o["variance_usd"].toDouble(), c.varianceUsd);
    QCOMPARE(o["budgeted_cells"].toInt(), c.budgetedCells);
}

} // namespace

class TestPlanCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_count = 0;

    QString newDemo()
    {
        return demoWorkspaceCopy(m_dir.filePath(QString("demo%1.chw").arg(++m_count)));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exposureJsonEqualsCore_data()
    {
        QTest::addColumn<QString>("by");
        QTest::addColumn<QString>("scenario");
        QTest::newRow("month, base") << "month"
                                     << "base";
        QTest::newRow("quarter, high") << "quarter"
                                       << "high";
        QTest::newRow("year, low") << "year"
                                   << "low";
    }
    void exposureJsonEqualsCore()
    {
        QFETCH(QString, by);
        QFETCH(QString, scenario);
        const QString ws = newDemo();
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject o = runCliJson(
            {"--workspace", ws, "exposure", "show", "--by", by, "--scenario", scenario}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Expected e = computeExpected(ws);
        const Scenario s = *parseScenario(scenario.toStdString());
        const auto si = static_cast<std::size_t>(s);
        const auto& periods = by == "month"     ? e.report.byMonth
                              : by == "quarter" ? e.report.byQuarter
                                                : e.report.byYear;
        QCOMPARE(o["scenario"].toString(), scenario);
        QCOMPARE(o["first_month"].toString(), QString("2026-11"));
        QCOMPARE(o["valuation_date"].toString(), QString("2026-10-30"));
        const QJsonArray rows = o["periods"].toArray();
        QCOMPARE(rows.size(), static_cast<qsizetype>(periods.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row["period"].toString().toStdString(),
                     periods[static_cast<std::size_t>(i)].period);
            compareCosts(row, periods[static_cast<std::size_t>(i)].costs[si]);
        }
        compareCosts(o["total"].toObject(), e.report.total[si]);
        const QJsonArray resources = o["by_resource"].toArray();
        QCOMPARE(resources.size(), static_cast<qsizetype>(e.report.byResource.size()));
        for (qsizetype i = 0; i < resources.size(); ++i) {
            const auto& want = e.report.byResource[static_cast<std::size_t>(i)];
            const QJsonObject r = resources[i].toObject();
            QCOMPARE(r["resource"].toString().toStdString(), want.resource.code());
            QCOMPARE(r["open_volume"].toDouble(), want.openVolume[si]);
            compareCosts(r, want.costs[si]);
        }
        const QJsonArray lines = o["lines"].toArray();
        QCOMPARE(lines.size(), qsizetype{14});
        for (qsizetype l = 0; l < lines.size(); ++l) {
            const QJsonArray months = lines[l].toObject()["months"].toArray();
            QCOMPARE(months.size(), qsizetype{36});
            for (int m = 0; m < 36; ++m) {
                const auto& want = e.report.cell(static_cast<std::size_t>(l), m, s);
                const QJsonObject c = months[m].toObject();
                QCOMPARE(c["planned_volume"].toDouble(), want.plannedVolume);
                QCOMPARE(c["contracted_volume"].toDouble(), want.contractedVolume);
                QCOMPARE(c["forward_usd_per_unit"].toDouble(), want.forwardUsd);
                QCOMPARE(c["price_usd_per_unit"].toDouble(), want.priceUsd);
                QCOMPARE(c["exposure_usd"].toDouble(), want.exposureUsd);
                QCOMPARE(c["budget_usd"].isNull(), !want.budgetUsd.has_value());
                QCOMPARE(c["price_source"].toString(),
                         QString(exposure::priceSourceCode(want.priceSource)));
            }
        }
        qsizetype unallocated = 0;
        for (const auto& u : e.report.unallocated)
            unallocated += u.scenario == s ? 1 : 0;
        QCOMPARE(o["unallocated"].toArray().size(), unallocated);
    }

    void basisJsonEqualsCore()
    {
        const QString ws = newDemo();
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", ws, "basis", "show"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Expected e = computeExpected(ws);
        const QJsonArray lines = o["lines"].toArray();
        QCOMPARE(lines.size(), static_cast<qsizetype>(e.basis.lines.size()));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto& want = e.basis.lines[static_cast<std::size_t>(i)];
            const QJsonObject line = lines[i].toObject();
            QCOMPARE(line["line_id"].toString().toStdString(), want.lineId);
            QCOMPARE(line["measured"].toBool(), want.isMeasured());
            QCOMPARE(line["mean"].toDouble(), want.mean);
            QCOMPARE(line["std_dev"].toDouble(), want.stdDev);
            QCOMPARE(line["observations"].toArray().size(),
                     static_cast<qsizetype>(want.observations.size()));
        }
        // H100 pays Northwind's on-demand premium: measured over the six months of bills.
        QCOMPARE(lines[0].toObject()["months"].toInt(), 6);
        QVERIFY(lines[0].toObject()["mean"].toDouble() > 1.0);
    }

    void planExportReadsBackExactly()
    {
        const QString ws = newDemo();
        const QString csv = m_dir.filePath("plan-export.csv");
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", ws, "plan", "export", csv}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["lines"].toInt(), 14);
        QCOMPARE(o["rows"].toInt(), 14 * 36);
        const storage::PlanBook book = loadBook(ws);
        QCOMPARE(readFile(csv).toStdString(), exposure::writePlanCsv(book.plan));

        const CliRun again = runCli({"--workspace", ws, "plan", "export", csv});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(errorLines(again),
                 QStringList({QString("computehedge-cli: error: FILE: \"%1\" already exists; pass "
                                      "--force to replace it")
                                  .arg(csv)}));
        QCOMPARE(runCli({"--workspace", ws, "plan", "export", csv, "--force"}).exitCode, 0);

        // Importing it replaces the lines with the same volumes (helpers become manual lines).
        const QJsonObject imported =
            runCliJson({"--workspace", ws, "plan", "import", csv}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(imported["applied"].toBool(), true);
        QCOMPARE(imported["imported"].toInt(), 14);
        const storage::PlanBook after = loadBook(ws);
        QVERIFY(after.plan.helpers().empty());
        for (std::size_t i = 0; i < after.plan.lines().size(); ++i)
            QVERIFY(after.plan.lines()[i].cells() == book.plan.lines()[i].cells());
        QVERIFY(after.contracts == book.contracts);
        QVERIFY(after.budget == book.budget);
    }

    void failedImportsPrintIssuesAndWriteNothing()
    {
        const QString ws = newDemo();
        const storage::PlanBook before = loadBook(ws);
        const QString plan = m_dir.filePath("bad-plan.csv");
        QVERIFY(writeFile(plan,
                          "line_id,resource,month,low,base,high\n"
                          "x,H100,2027-13,1,2,3\n"
                          "l40s-batch,L40S,2027-01,5,-1,3\n"));
        CliRun run = runCli({"--workspace", ws, "plan", "import", plan});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(errorLines(run),
                 QStringList({"computehedge-cli: error: import of bad-plan.csv failed with 2 "
                              "errors; nothing was written",
                              "bad-plan.csv:2: month: \"2027-13\" is not a month; expected YYYY-MM",
                              "bad-plan.csv:3: base: \"-1\" is negative; expected a volume of zero "
                              "or more"}));
        const QString contracts = m_dir.filePath("bad-contracts.csv");
        QVERIFY(writeFile(
            contracts,
            "contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind\n"
            "c1,nope,,,2026-11,10,2.1,Acme,reserved\n"));
        run = runCli({"--workspace", ws, "contracts", "import", contracts});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(errorLines(run).value(1),
                 QString("bad-contracts.csv:2: line_id: \"nope\" is not a line of the plan; "
                         "expected the id of a plan line, or an empty line_id with a resource for "
                         "pooled capacity"));
        const QString actuals = m_dir.filePath("bad-actuals.csv");
        QVERIFY(writeFile(actuals,
                          "month,provider,resource,quantity,amount_usd\n"
                          "2026-10,Acme,H100,0,10\n"));
        run = runCli({"--workspace", ws, "--json", "actuals", "import", actuals});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("\"applied\": false"));
        QCOMPARE(errorLines(run).value(1),
                 QString("bad-actuals.csv:2: quantity: \"0\" is zero; expected a quantity greater "
                         "than zero"));
        QVERIFY(loadBook(ws) == before);
    }

    void recordImportsUpsertAndExportsReadBack()
    {
        const QString ws = newDemo();
        const storage::PlanBook before = loadBook(ws);
        const QString contracts = m_dir.filePath("contracts.csv");
        QVERIFY(writeFile(
            contracts,
            "contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind\n"
            "res-l40s,l40s-batch,,,2026-11,40000,1.95,Batchworks,reserved\n"
            "res-l40s,l40s-batch,,,2026-12,40000,1.95,Batchworks,reserved\n"));
        QString problem;
        QJsonObject o = runCliJson({"--workspace", ws, "contracts", "import", contracts}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["added"].toInt(), 1);
        QCOMPARE(o["replaced"].toInt(), 0);
        const storage::PlanBook after = loadBook(ws);
        QCOMPARE(after.contracts.size(), before.contracts.size() + 1);

        const QString exported = m_dir.filePath("contracts-out.csv");
        o = runCliJson({"--workspace", ws, "contracts", "export", exported}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["contracts"].toInt(), 5);
        QCOMPARE(readFile(exported).toStdString(), exposure::writeContractsCsv(after.contracts));

        const QString bills = m_dir.filePath("actuals.csv");
        QVERIFY(writeFile(bills,
                          "month,provider,resource,quantity,amount_usd\n"
                          "2026-10,Ridge GPU,H100,1000,2900\n"));
        o = runCliJson({"--workspace", ws, "actuals", "import", bills}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["added"].toInt(), 1);
        const QJsonObject listed = runCliJson({"--workspace", ws, "actuals", "list"}, problem);
        QCOMPARE(listed["bills"].toArray().size(),
                 static_cast<qsizetype>(before.actuals.size() + 1));
    }

    void argumentErrorsNameTheArgument()
    {
        const QString ws = newDemo();
        CliRun run = runCli({"--workspace", ws, "exposure", "show", "--scenario", "mid"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(errorLines(run),
                 QStringList({"computehedge-cli: error: --scenario: \"mid\" is not a scenario; "
                              "expected low, base or high"}));
        run = runCli({"--workspace", ws, "exposure", "show", "--by", "week"});
        QCOMPARE(errorLines(run),
                 QStringList({"computehedge-cli: error: --by: \"week\" is not a period; expected "
                              "month, quarter or year"}));
        run = runCli({"--workspace", ws, "plan", "import", m_dir.filePath("missing.csv")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(errorLines(run),
                 QStringList({QString("computehedge-cli: error: FILE: \"%1\" does not exist")
                                  .arg(m_dir.filePath("missing.csv"))}));
    }
};
CH_REGISTER_TEST(TestPlanCli);

#include "tst_plan_cli.moc"
