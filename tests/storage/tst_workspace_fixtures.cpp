#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_paths.h"
#include "test_registry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;

//! Files written by earlier builds, committed under tests/storage/fixtures/ as
//! schema<N>-sample.sqlite. Unlike createAtVersionForTesting (which replays today's scripts),
//! these catch an edit to a released migration and a change in how old rows are read. Each holds
//! sampleMarketData(), one applied import of 2026-10-31 GPU.H100.NC (2.80 and 3.00 from two
//! sources: median 2.90) and the setting volume.scenario=base. Add one per schema version.
class TestWorkspaceFixtures : public QObject
{
    Q_OBJECT
private slots:
    void opensEveryFixture_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("version");
        const QDir dir(ch::test::sourceDir() + "/tests/storage/fixtures");
        const QStringList names = dir.entryList({"schema*-sample.sqlite"}, QDir::Files);
        QVERIFY(!names.isEmpty());
        for (const QString& name : names) {
            const int version = name.mid(6, name.indexOf('-') - 6).toInt();
            QTest::newRow(qPrintable(name)) << dir.filePath(name) << version;
        }
    }
    void opensEveryFixture()
    {
        QFETCH(QString, fixture);
        QFETCH(int, version);
        QVERIFY(version >= 1 && version <= Workspace::latestSchemaVersion());
        QTemporaryDir dir;
        const auto path = pathOf(dir.filePath("old.chw"));
        // Never open the committed file itself: opening may upgrade it.
        QVERIFY(QFile::copy(fixture, qpath(path)));
        QVERIFY(QFile::setPermissions(qpath(path), QFile::ReadOwner | QFile::WriteOwner));

        Workspace ws = Workspace::open(path);
        QCOMPARE(ws.schemaVersion(), Workspace::latestSchemaVersion());
        QCOMPARE(ws.migration().fromVersion, version);
        QCOMPARE(ws.migration().backup.empty(), version == Workspace::latestSchemaVersion());
        QCOMPARE(ws.setting("volume.scenario"), std::optional<std::string>("base"));

        MarketDataRepository repo(ws);
        MarketDataSet expected = sampleMarketData();
        expected.series[0].points.push_back({2026y / October / 31d, 2.9});
        const MarketDataSet loaded = repo.loadAll();
        QVERIFY(loaded.info == expected.info);
        QVERIFY(loaded.indices == expected.indices);
        QVERIFY(loaded.series == expected.series);
        QVERIFY(loaded.contracts == expected.contracts);
        QVERIFY(loaded.events == expected.events);
        const auto log = repo.importHistory();
        QCOMPARE(log.size(), std::size_t{1});
        QCOMPARE(log[0].fileName, std::string("prices.csv"));
        QCOMPARE(log[0].rowsRead, std::size_t{2});
        QCOMPARE(log[0].pointsWritten, std::size_t{1});
        QCOMPARE(log[0].indices, std::vector<std::string>{"GPU.H100.NC"});
    }
};
CH_REGISTER_TEST(TestWorkspaceFixtures);

#include "tst_workspace_fixtures.moc"
