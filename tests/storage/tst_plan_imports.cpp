// PlanRepository's imports and exports: all or nothing, merged with the stored book, exact
// messages for every refusal, and exports that read back exactly.

#include "exposure/plan_csv.h"
#include "exposure/records_csv.h"
#include "plan_test_support.h"
#include "storage/market_data_repository.h"
#include "storage/plan_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_paths.h"
#include "test_registry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QStringList issueTexts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const auto& i : issues)
        out << qs(i.toString());
    return out;
}

} // namespace

class TestPlanImports : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;

    std::filesystem::path file(const char* name) const { return pathOf(m_dir->filePath(name)); }

    //! A workspace holding sampleMarketData() (valuation date 2026-10-30).
    Workspace marketWorkspace(const char* name)
    {
        Workspace ws = Workspace::create(file(name));
        MarketDataRepository(ws).replaceAll(sampleMarketData());
        return ws;
    }

    std::filesystem::path writeCsv(const char* name, const QByteArray& text)
    {
        const auto path = file(name);
        writeFile(path, text);
        return path;
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void importPlanReplacesLinesAndDropsTheirBudget()
    {
        Workspace ws = marketWorkspace("w.chw");
        PlanRepository repo(ws);
        PlanBook before = samplePlanBook();
        before.contracts.erase(before.contracts.begin() + 1); // nothing bound to chat.in
        repo.save(before);
        const auto csv = writeCsv("plan.csv",
                                  "line_id,name,resource,kind,index,month,low,base,high\n"
                                  "h100-batch,H100 batch,H100,committed,,2026-12,10,20,30.5\n"
                                  "new-line,New,FRONTIER.IN,,,2027-01,1,2,3\n");
        const PlanImportReport report = repo.importPlanCsv(csv);
        QVERIFY2(report.applied, qPrintable(issueTexts(report.issues).join('\n')));
        QCOMPARE(report.imported, std::size_t{2});
        QCOMPARE(report.replaced, std::size_t{4});
        QCOMPARE(report.budgetDropped, std::size_t{1});
        QCOMPARE(
            issueTexts(report.issues),
            QStringList(
                {"plan.csv: line_id: warning: 1 budget entries of lines the file does not have "
                 "were dropped (chat.out)"}));
        const PlanBook after = repo.load();
        QCOMPARE(after.plan.firstMonth(), 2026y / November);
        QCOMPARE(after.plan.months(), 12);
        QVERIFY(after.plan.helpers().empty());
        QCOMPARE(after.plan.cell("h100-batch", 2026y / December), VolumeTriple(10, 20, 30.5));
        QCOMPARE(after.plan.cell("h100-batch", 2026y / November), VolumeTriple());
        QCOMPARE(after.budget.size(), std::size_t{1});
        QVERIFY(after.contracts == before.contracts);
        QVERIFY(after.actuals == before.actuals);
    }

    void importPlanIntoAWorkspaceWithoutPlanUsesTheValuationDate()
    {
        Workspace ws = marketWorkspace("w.chw");
        PlanRepository repo(ws);
        const auto csv = writeCsv("plan.csv",
                                  "line_id,resource,month,low,base,high\n"
                                  "l,H100,2029-10,1,2,3\n");
        QVERIFY(repo.importPlanCsv(csv).applied);
        const Plan plan = repo.load().plan;
        QCOMPARE(plan.firstMonth(), 2026y / November);
        QCOMPARE(plan.months(), 36);
        QCOMPARE(plan.cell("l", 2029y / October), VolumeTriple(1, 2, 3));
    }

    void failedImportsWriteNothing()
    {
        Workspace ws = marketWorkspace("w.chw");
        PlanRepository repo(ws);
        repo.save(samplePlanBook());
        const QByteArray before = sha256(file("w.chw"));

        const auto plan = writeCsv("plan.csv",
                                   "line_id,name,resource,kind,index,month,low,base,high\n"
                                   "h100-batch,H100 batch,H100,committed,,2026-12,1,-5,30\n");
        PlanImportReport report = repo.importPlanCsv(plan);
        QVERIFY(!report.applied);
        QCOMPARE(issueTexts(report.issues),
                 QStringList({"plan.csv:2: base: \"-5\" is negative; expected a volume of zero or "
                              "more"}));

        // Valid on its own, but dropping chat.in would orphan the contract bound to it.
        const auto orphan = writeCsv("orphan.csv",
                                     "line_id,resource,month,low,base,high\n"
                                     "h100-batch,H100,2026-12,1,2,3\n");
        report = repo.importPlanCsv(orphan);
        QVERIFY(!report.applied);
        QCOMPARE(issueTexts(report.issues),
                 QStringList(
                     {"orphan.csv: line_id: contract \"chat-prepaid\" covers line "
                      "\"chat.in\", which is not in the plan; keep the line or remove the "
                      "contract first",
                      "orphan.csv: line_id: warning: 1 budget entries of lines the file does not "
                      "have were dropped (chat.out)"}));

        const auto contracts = writeCsv(
            "contracts.csv",
            "contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind\n"
            "c1,nope,,,2026-11,10,2.1,Acme,reserved\n");
        report = repo.importContractsCsv(contracts);
        QVERIFY(!report.applied);
        QCOMPARE(issueTexts(report.issues),
                 QStringList({"contracts.csv:2: line_id: \"nope\" is not a line of the plan; "
                              "expected the id of a plan line, or an empty line_id with a "
                              "resource for pooled capacity"}));

        const auto actuals = writeCsv("actuals.csv",
                                      "month,provider,resource,quantity,amount_usd\n"
                                      "2026-10,Acme,H100,0,10\n");
        report = repo.importActualsCsv(actuals);
        QVERIFY(!report.applied);
        QCOMPARE(issueTexts(report.issues),
                 QStringList({"actuals.csv:2: quantity: \"0\" is zero; expected a quantity greater "
                              "than zero"}));

        report = repo.importActualsCsv(file("missing.csv"));
        QVERIFY(!report.applied);
        QCOMPARE(report.issues.size(), std::size_t{1});
        QVERIFY(qs(report.issues[0].toString()).startsWith("missing.csv: cannot read the file ("));

        QVERIFY(repo.load() == samplePlanBook());
        QCOMPARE(sha256(file("w.chw")), before);
    }

    void importContractsAndActualsUpsertByKey()
    {
        Workspace ws = marketWorkspace("w.chw");
        PlanRepository repo(ws);
        repo.save(samplePlanBook());
        const auto contracts = writeCsv(
            "contracts.csv",
            "contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind\n"
            "res-h100,,H100,,2027-01,500,1.95,Northwind Compute,reserved\n"
            "cud-new,h100-batch,,,2026-11,100,2.000001,Harbor Cloud,committed_use\n");
        PlanImportReport report = repo.importContractsCsv(contracts);
        QVERIFY2(report.applied, qPrintable(issueTexts(report.issues).join('\n')));
        QCOMPARE(report.imported, std::size_t{2});
        QCOMPARE(report.replaced, std::size_t{1});
        QCOMPARE(report.added, std::size_t{1});
        PlanBook book = repo.load();
        QCOMPARE(book.contracts.size(), std::size_t{3});
        QCOMPARE(qs(book.contracts[0].id()), QString("res-h100"));
        QCOMPARE(book.contracts[0].firstMonth(), 2027y / January);
        QCOMPARE(book.contracts[0].price().micros(), std::int64_t{1'950'000});
        QCOMPARE(qs(book.contracts[2].lineId()), QString("h100-batch"));
        QCOMPARE(book.contracts[2].price().micros(), std::int64_t{2'000'001});

        const auto actuals = writeCsv("actuals.csv",
                                      "month,provider,resource,quantity,amount_usd\n"
                                      "2026-09,Northwind Compute,H100,1000,2500.5\n"
                                      "2026-10,Ridge GPU,H100,10,30\n");
        report = repo.importActualsCsv(actuals);
        QVERIFY(report.applied);
        QCOMPARE(report.replaced, std::size_t{1});
        QCOMPARE(report.added, std::size_t{1});
        book = repo.load();
        QCOMPARE(book.actuals.size(), std::size_t{3});
        QCOMPARE(book.actuals[0].amount(), Money(Currency::Usd, 250'050));
        QCOMPARE(qs(book.actuals[2].provider()), QString("Ridge GPU"));
    }

    void exportsReadBackExactly()
    {
        Workspace ws = marketWorkspace("w.chw");
        PlanRepository repo(ws);
        const PlanBook book = samplePlanBook();
        repo.save(book);
        repo.exportPlanCsv(file("plan.csv"));
        repo.exportContractsCsv(file("contracts.csv"));
        repo.exportActualsCsv(file("actuals.csv"));
        const auto plan = exposure::parsePlanCsv(
            readFile(file("plan.csv")).toStdString(), "plan.csv", 2026y / November, 12);
        QVERIFY(!plan.hasErrors());
        QVERIFY(plan.value.lines().size() == book.plan.lines().size());
        for (std::size_t i = 0; i < book.plan.lines().size(); ++i)
            QVERIFY(plan.value.lines()[i].cells() == book.plan.lines()[i].cells());
        const auto contracts = exposure::parseContractsCsv(
            readFile(file("contracts.csv")).toStdString(), "contracts.csv", book.plan);
        QVERIFY(contracts.value == book.contracts);
        const auto bills =
            exposure::parseActualsCsv(readFile(file("actuals.csv")).toStdString(), "actuals.csv");
        QVERIFY(bills.value == book.actuals);
        QVERIFY(storageErrorOf([&] {
                    repo.exportPlanCsv(file("no/such/dir/plan.csv"));
                }).startsWith("writing "));
    }
};
CH_REGISTER_TEST(TestPlanImports);

#include "tst_plan_imports.moc"
