#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_registry.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;

namespace {

void compareMarketData(const MarketDataSet& actual, const MarketDataSet& expected)
{
    QVERIFY(actual.info == expected.info);
    QVERIFY(actual.indices == expected.indices);
    QCOMPARE(actual.series.size(), expected.series.size());
    for (std::size_t i = 0; i < expected.series.size(); ++i) {
        QCOMPARE(actual.series[i].indexId, expected.series[i].indexId);
        QCOMPARE(actual.series[i].points.size(), expected.series[i].points.size());
        QVERIFY(actual.series[i] == expected.series[i]);
    }
    QVERIFY(actual.contracts == expected.contracts);
    QVERIFY(actual.events == expected.events);
}

std::vector<std::string> issueTexts(const PriceImportReport& r)
{
    std::vector<std::string> out;
    for (const auto& i : r.issues)
        out.push_back(i.toString());
    return out;
}

} // namespace

class TestMarketDataRepository : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file(const char* name) const { return pathOf(m_dir->filePath(name)); }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void emptyWorkspaceHasNoMarketData()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        const MarketDataSet all = repo.loadAll();
        QVERIFY(all.info == DatasetInfo{});
        QVERIFY(all.indices.empty() && all.series.empty() && all.contracts.empty()
                && all.events.empty());
        QVERIFY(repo.importHistory().empty());
    }

    void replaceAllRoundTrips()
    {
        const auto path = file("w.chw");
        const MarketDataSet data = sampleMarketData();
        {
            Workspace ws = Workspace::create(path);
            MarketDataRepository repo(ws);
            repo.replaceAll(data);
            compareMarketData(repo.loadAll(), data);
        }
        Workspace ws = Workspace::open(path);
        MarketDataRepository repo(ws);
        compareMarketData(repo.loadAll(), data);
        QVERIFY(repo.datasetInfo() == data.info);
        QVERIFY(repo.indices() == data.indices);
        QVERIFY(repo.contracts() == data.contracts);
        QVERIFY(repo.events() == data.events);
    }

    void pricesAreStoredAsIntegerMicros()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository(ws).replaceAll(sampleMarketData());
        QSqlQuery q(QSqlDatabase::database(QString::fromStdString(ws.connectionName()), false));
        QVERIFY(q.exec("SELECT typeof(price_micros), price_micros FROM prices "
                       "WHERE index_id = 'GPU.H100.NC' AND date = '2026-10-28'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString("integer"));
        QCOMPARE(q.value(1).toLongLong(), 2'412'345LL);
    }

    void seriesHonoursRange()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const PriceSeries s =
            repo.series("GPU.H100.NC", 2026y / October / 28d, 2026y / October / 29d);
        QCOMPARE(s.indexId, std::string("GPU.H100.NC"));
        QVERIFY((s.points
                 == std::vector<DailyPrice>{{2026y / October / 28d, 2.412345},
                                            {2026y / October / 29d, 2.5}}));
        QCOMPARE(repo.series("GPU.H100.NC", std::nullopt, 2026y / October / 27d).points.size(),
                 std::size_t{1});
        QCOMPARE(repo.series("GPU.H100.NC").points.size(), std::size_t{4});
        QVERIFY(repo.series("NO.SUCH").empty());
    }

    void replaceAllReplacesEverything()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        MarketDataSet smaller = sampleMarketData();
        smaller.indices.pop_back();
        smaller.series.pop_back();
        smaller.events.pop_back();
        smaller.info.version = "test.2";
        repo.replaceAll(smaller);
        compareMarketData(repo.loadAll(), smaller);
    }

    //! A write that fails part-way (a series for an index that does not exist violates the
    //! foreign key after other rows were written) leaves the previous market data intact.
    void failedReplaceKeepsPreviousData()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        const MarketDataSet good = sampleMarketData();
        repo.replaceAll(good);
        MarketDataSet bad = sampleMarketData();
        bad.info.version = "test.bad";
        bad.series.push_back(PriceSeries{"GPU.NOPE", {{2026y / October / 30d, 1.0}}});
        QCOMPARE(storageErrorOf([&] { repo.replaceAll(bad); }),
                 QString("replacing the market data of workspace 'w.chw': FOREIGN KEY constraint "
                         "failed (SQLite code 787)"));
        compareMarketData(repo.loadAll(), good);
    }

    void importCombinesSourcesAndLogsTheImport()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const auto csv = file("prices.csv");
        // Three marketplaces on 10-31 (median 2.90), a correction of 10-30, and a token price.
        writeFile(csv,
                  "date,index,price,source\n"
                  "2026-10-31,GPU.H100.NC,2.80,a\n"
                  "2026-10-31,GPU.H100.NC,3.10,b\n"
                  "2026-10-31,GPU.H100.NC,2.90,c\n"
                  "2026-10-30,GPU.H100.NC,2.75,a\n"
                  "2026-11-02,TOK.FRONTIER.IN,14.5,a\n");
        const auto before = floor<seconds>(system_clock::now());
        const PriceImportReport r = repo.importPriceCsv(csv);
        const auto after = floor<seconds>(system_clock::now());
        QVERIFY(r.applied);
        QCOMPARE(issueTexts(r), std::vector<std::string>{});
        QCOMPARE(r.sourceName, std::string("prices.csv"));
        QCOMPARE(r.rowsRead, std::size_t{5});
        QCOMPARE(r.pointsWritten, std::size_t{3});
        QCOMPARE(r.indicesTouched, (std::vector<std::string>{"GPU.H100.NC", "TOK.FRONTIER.IN"}));

        const PriceSeries gpu = repo.series("GPU.H100.NC", 2026y / October / 29d, std::nullopt);
        QVERIFY((gpu.points
                 == std::vector<DailyPrice>{{2026y / October / 29d, 2.5},
                                            {2026y / October / 30d, 2.75},
                                            {2026y / October / 31d, 2.9}}));
        QCOMPARE(repo.series("TOK.FRONTIER.IN").points.back().usd, 14.5);

        const auto log = repo.importHistory();
        QCOMPARE(log.size(), std::size_t{1});
        QCOMPARE(log[0].fileName, std::string("prices.csv"));
        QCOMPARE(log[0].rowsRead, std::size_t{5});
        QCOMPARE(log[0].pointsWritten, std::size_t{3});
        QCOMPARE(log[0].indices, r.indicesTouched);
        QVERIFY(log[0].importedAt >= before && log[0].importedAt <= after);
    }

    void importWeightsByVolume()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const auto csv = file("vwap.csv");
        // (2.00 × 100 + 3.00 × 300) / 400 = 2.75
        writeFile(csv,
                  "index,date,price,volume,source\n"
                  "GPU.H100.NC,2026-11-02,2.00,100,x\n"
                  "GPU.H100.NC,2026-11-02,3.00,300,y\n");
        const PriceImportReport r = repo.importPriceCsv(csv);
        QVERIFY(r.applied);
        QCOMPARE(r.pointsWritten, std::size_t{1});
        QCOMPARE(repo.series("GPU.H100.NC").points.back(),
                 (DailyPrice{2026y / November / 2d, 2.75}));
    }

    void malformedImportWritesNothing()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const MarketDataSet before = repo.loadAll();
        const auto csv = file("prices.csv");
        writeFile(csv,
                  "date,index,price\n"
                  "2026-10-31,GPU.H100.NC,2.80\n"
                  "2026-11-01,GPU.H100.NC,-2.10\n"
                  "2026-11-02,GPU.H100.NC,2.85\n");
        const PriceImportReport r = repo.importPriceCsv(csv);
        QVERIFY(!r.applied);
        QCOMPARE(r.pointsWritten, std::size_t{0});
        QCOMPARE(r.rowsRead, std::size_t{3});
        QCOMPARE(issueTexts(r),
                 std::vector<std::string>{"prices.csv:3: price: \"-2.10\" is negative; expected a "
                                          "price greater than zero"});
        compareMarketData(repo.loadAll(), before);
        QVERIFY(repo.importHistory().empty());
    }

    void unknownIndexIsAnErrorAndWritesNothing()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const MarketDataSet before = repo.loadAll();
        const auto csv = file("prices.csv");
        writeFile(csv,
                  "date,index,price\n"
                  "2026-10-31,GPU.H100.NC,2.80\n"
                  "2026-10-31,GPU.B300.NC,9.99\n");
        const PriceImportReport r = repo.importPriceCsv(csv);
        QVERIFY(!r.applied);
        QCOMPARE(r.issues.size(), std::size_t{1});
        QCOMPARE(r.issues[0].line, 3);
        QCOMPARE(r.issues[0].field, std::string("index"));
        compareMarketData(repo.loadAll(), before);
    }

    void unreadableFileIsAnIssue()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        const PriceImportReport r = repo.importPriceCsv(file("prices.csv"));
        QVERIFY(!r.applied);
        QCOMPARE(issueTexts(r),
                 std::vector<std::string>{"prices.csv: cannot read the file (No such file or "
                                          "directory)"});
    }

    //! A write failure inside the import transaction (here a trigger refusing the log row, which
    //! is written after every price) rolls back the prices already written.
    void failureDuringImportRollsBack()
    {
        Workspace ws = Workspace::create(file("w.chw"));
        MarketDataRepository repo(ws);
        repo.replaceAll(sampleMarketData());
        const MarketDataSet before = repo.loadAll();
        QSqlQuery q(QSqlDatabase::database(QString::fromStdString(ws.connectionName()), false));
        QVERIFY(q.exec("CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON price_imports "
                       "BEGIN SELECT RAISE(ABORT, 'the import log is full'); END"));
        const auto csv = file("prices.csv");
        writeFile(csv,
                  "date,index,price\n"
                  "2026-10-30,GPU.H100.NC,9.00\n"
                  "2026-10-31,GPU.H100.NC,9.10\n");
        QCOMPARE(storageErrorOf([&] { repo.importPriceCsv(csv); }),
                 QString("importing prices.csv into workspace 'w.chw': the import log is full "
                         "(SQLite code 1811)"));
        compareMarketData(repo.loadAll(), before);
        QVERIFY(repo.importHistory().empty());
    }
};
CH_REGISTER_TEST(TestMarketDataRepository);

#include "tst_market_data_repository.moc"
