// PlanRepository: exact save/load of the whole plan book, replace-all, reopening, refused
// references, damaged rows, migration from older schemas and the demo workspace's book.

#include "exposure/demo.h"
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

//! The error text of the ch::Error (not StorageError) thrown by `f`.
QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const StorageError& e) {
        return QStringLiteral("StorageError: ") + e.what();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestPlanRepository : public QObject
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

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void emptyWorkspaceHasNoPlan()
    {
        Workspace ws = Workspace::create(file("empty.chw"));
        PlanRepository repo(ws);
        QVERIFY(!repo.hasPlan());
        QVERIFY(repo.load() == PlanBook{});
        QCOMPARE(repo.planFirstMonth(), std::optional<Month>());
        QVERIFY(repo.planOrEmpty() == Plan());

        Workspace market = marketWorkspace("market.chw");
        PlanRepository withMarket(market);
        // The month after the valuation date 2026-10-30.
        QCOMPARE(withMarket.planFirstMonth(), std::optional<Month>(2026y / November));
        QVERIFY(withMarket.planOrEmpty() == Plan(2026y / November, 36));
    }

    void saveLoadRoundTripIsExact()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        PlanRepository repo(ws);
        const PlanBook book = samplePlanBook();
        repo.save(book);
        QVERIFY(repo.hasPlan());
        const PlanBook loaded = repo.load();
        QVERIFY(loaded.plan == book.plan);
        QVERIFY(loaded.contracts == book.contracts);
        QVERIFY(loaded.actuals == book.actuals);
        QVERIFY(loaded.budget == book.budget);
        // Doubles come back bit for bit (REAL), not merely close.
        QCOMPARE(loaded.plan.cell("h100-batch", 2026y / November).base(), 1234.5678901234);
        QCOMPARE(loaded.plan.helpers().size(), std::size_t{2});
        QCOMPARE(qs(loaded.plan.lines()[0].id()), QString("h100-batch"));
    }

    void saveReplacesEverything()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        PlanRepository repo(ws);
        repo.save(samplePlanBook());
        PlanBook smaller;
        smaller.plan = exposure::convertHelperToManual(samplePlanBook().plan, "h100-run");
        smaller.plan = exposure::removeHelper(smaller.plan, "chat");
        smaller.actuals = {samplePlanBook().actuals.back()};
        repo.save(smaller);
        QVERIFY(repo.load() == smaller);
        RawDb raw(file("w.chw"));
        QCOMPARE(raw.value("SELECT count(*) FROM plan_helpers").toInt(), 0);
        QCOMPARE(raw.value("SELECT count(*) FROM plan_cells").toInt(), 2 * 12);
        QCOMPARE(raw.value("SELECT count(*) FROM capacity_months").toInt(), 0);
    }

    void reopenKeepsThePlan()
    {
        const auto path = file("w.chw");
        {
            Workspace ws = Workspace::create(path);
            PlanRepository(ws).save(samplePlanBook());
        }
        Workspace reopened = Workspace::open(path);
        QVERIFY(PlanRepository(reopened).load() == samplePlanBook());
    }

    void saveRefusesBrokenReferencesAndKeepsTheOldBook()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        PlanRepository repo(ws);
        repo.save(samplePlanBook());
        PlanBook broken = samplePlanBook();
        broken.plan = exposure::removeHelper(broken.plan, "chat");
        QCOMPARE(errorOf([&] { repo.save(broken); }),
                 QString("PlanRepository::save: plan: line_id: contract \"chat-prepaid\" covers "
                         "line \"chat.in\", which is not in the plan; keep the line or remove the "
                         "contract first"));
        QVERIFY(repo.load() == samplePlanBook());
    }

    void checkBookReferencesNamesEveryProblem()
    {
        PlanBook book = samplePlanBook();
        book.contracts.push_back(book.contracts.front());
        book.budget.push_back(BudgetEntry::price(
            "chat.in", 2026y / December, UnitRate::fromMicros(Unit::GpuHour, 1)));
        book.budget.push_back(
            BudgetEntry::amount("nope", 2026y / December, Money(Currency::Usd, 1)));
        book.budget.push_back(book.budget.front());
        book.actuals.push_back(book.actuals.front());
        QCOMPARE(issueTexts(checkBookReferences(book, "w")),
                 QStringList(
                     {"w: contract_id: contract \"res-h100\" is given twice; expected one contract "
                      "per id",
                      "w: month: bill 2026-09 Northwind Compute H100 is given twice; expected one "
                      "bill per month, provider and resource",
                      "w: price: budget for line \"chat.in\", 2026-12: the price is per GPU-h but "
                      "the line is in MTok; expected a price per MTok",
                      "w: line_id: budget for line \"nope\", 2026-12: the line is not in the plan",
                      "w: month: budget for line \"h100-batch\", 2026-11 is given twice; expected "
                      "one budget per line and month"}));
    }

    void damagedRowsAreReportedByName()
    {
        const auto path = file("w.chw");
        {
            Workspace ws = Workspace::create(path);
            PlanRepository(ws).save(samplePlanBook());
        }
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("UPDATE plan_lines SET unit = 'mtok' WHERE id = 'h100-batch'"),
                     QString());
        }
        Workspace ws = Workspace::open(path);
        QCOMPARE(storageErrorOf([&] { PlanRepository(ws).load(); }),
                 QString("reading the plan of workspace 'w.chw': plan_lines row h100-batch: unit "
                         "\"mtok\" does not match resource H100"));
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("UPDATE plan_lines SET unit = 'gpu_hour' WHERE id = 'h100-batch'"),
                     QString());
            QCOMPARE(raw.exec("DELETE FROM plan_cells WHERE line_id = 'h100-batch' AND month = "
                              "'2027-03'"),
                     QString());
        }
        QCOMPARE(storageErrorOf([&] { PlanRepository(ws).load(); }),
                 QString("reading the plan of workspace 'w.chw': plan line h100-batch has no cell "
                         "for 2027-03"));
    }

    void schemaRefusesCellsOutOfOrder()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        PlanRepository(ws).save(samplePlanBook());
        RawDb raw(file("w.chw"));
        QVERIFY(raw.exec("UPDATE plan_cells SET low = 2000 WHERE line_id = 'h100-batch'")
                    .contains("CHECK constraint failed"));
        QCOMPARE(raw.exec("PRAGMA foreign_keys = ON"), QString());
        QVERIFY(raw.exec("DELETE FROM plan_lines WHERE id = 'chat.in'").contains("FOREIGN KEY"));
    }

    //! A file at schema 1 (before plans existed) migrates and then stores a plan.
    void migratesFromSchemaOne()
    {
        const auto path = file("v1.chw");
        Workspace::createAtVersionForTesting(path, 1);
        Workspace ws = Workspace::open(path);
        QCOMPARE(ws.migration().fromVersion, 1);
        QVERIFY(ws.schemaVersion() >= 2);
        PlanRepository repo(ws);
        QVERIFY(!repo.hasPlan());
        repo.save(samplePlanBook());
        QVERIFY(repo.load() == samplePlanBook());
    }

    //! Files written by earlier builds (tests/storage/fixtures/schema<N>-sample.sqlite): from
    //! schema 2 on, each holds samplePlanBook(); older ones have no plan after the upgrade.
    void fixturesKeepTheirPlan_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("version");
        const QDir dir(ch::test::sourceDir() + "/tests/storage/fixtures");
        for (const QString& name : dir.entryList({"schema*-sample.sqlite"}, QDir::Files)) {
            const int version = name.mid(6, name.indexOf('-') - 6).toInt();
            QTest::newRow(qPrintable(name)) << dir.filePath(name) << version;
        }
    }
    void fixturesKeepTheirPlan()
    {
        QFETCH(QString, fixture);
        QFETCH(int, version);
        const auto path = file("old.chw");
        QVERIFY(QFile::copy(fixture, qpath(path)));
        QVERIFY(QFile::setPermissions(qpath(path), QFile::ReadOwner | QFile::WriteOwner));
        Workspace ws = Workspace::open(path);
        PlanRepository repo(ws);
        if (version < 2) {
            QVERIFY(!repo.hasPlan());
            QVERIFY(repo.load() == PlanBook{});
        } else {
            QVERIFY(repo.load() == samplePlanBook());
        }
    }

    void demoWorkspaceHoldsTheDemoPlan()
    {
        Workspace ws = Workspace::createDemo(file("demo.chw"));
        const MarketDataSet market = MarketDataRepository(ws).loadAll();
        const Month first = firstPlanMonth(market.info.valuationDate);
        QCOMPARE(first, 2026y / November);
        const PlanBook book = PlanRepository(ws).load();
        QVERIFY(book.plan == exposure::demoPlan(first));
        QVERIFY(book.contracts == exposure::demoContracts(first));
        QVERIFY(book.actuals == exposure::demoActuals(first, market.series));
        QVERIFY(book.budget == exposure::demoBudget(book.plan));
    }
};
CH_REGISTER_TEST(TestPlanRepository);

#include "tst_plan_repository.moc"
