// computehedge-cli end to end: workspace commands, --version, --help and dataset generate. Each
// JSON result is compared with what core returns when called directly on the same files.

#include "cli_runner.h"
#include "marketdata/reference_dataset.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace ch;
using namespace ch::test;

namespace {

qint64 totalPoints(const MarketDataSet& data)
{
    return std::accumulate(
        data.series.begin(), data.series.end(), qint64{0}, [](qint64 n, const auto& s) {
            return n + static_cast<qint64>(s.points.size());
        });
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestCliWorkspace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_created; //!< the JSON `workspace new --demo` printed

    // The contents fields shared by `workspace new`, `info` and `check`, against core's view.
    void compareContents(const QJsonObject& o, const QString& path)
    {
        auto ws = storage::Workspace::open(path.toStdString());
        const MarketDataSet data = storage::MarketDataRepository(ws).loadAll();
        QCOMPARE(o["indices"].toInteger(), static_cast<qint64>(data.indices.size()));
        QCOMPARE(o["series_points"].toInteger(), totalPoints(data));
        QCOMPARE(o["contracts"].toInteger(), static_cast<qint64>(data.contracts.size()));
        QCOMPARE(o["events"].toInteger(), static_cast<qint64>(data.events.size()));
        const QJsonObject dataset = o["dataset"].toObject();
        QCOMPARE(dataset["version"].toString(), qs(data.info.version));
        QCOMPARE(dataset["valuation_date"].toString(), qs(formatIsoDate(data.info.valuationDate)));
        QCOMPARE(dataset["seed"].toInteger(), static_cast<qint64>(data.info.seed));
        QCOMPARE(dataset["disclaimer"].toString(), qs(data.info.disclaimer));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
        m_demo = m_dir.filePath("demo.chw");
        QString problem;
        m_created = runCliJson({"workspace", "new", m_demo, "--demo"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void newDemoWorkspace()
    {
        QCOMPARE(m_created["path"].toString(), m_demo);
        QCOMPARE(m_created["demo"].toBool(), true);
        QCOMPARE(m_created["schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        QVERIFY(m_created["indices"].toInteger() > 0);
        QVERIFY(m_created["series_points"].toInteger() > 1000);
        compareContents(m_created, m_demo);
    }

    void newEmptyWorkspaceFromGlobalOption()
    {
        const QString path = m_dir.filePath("empty.chw");
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", path, "workspace", "new"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["demo"].toBool(), false);
        QVERIFY(o["dataset"].isNull());
        QCOMPARE(o["indices"].toInteger(), 0);
        QCOMPARE(o["series_points"].toInteger(), 0);
        auto ws = storage::Workspace::open(path.toStdString());
        QCOMPARE(ws.schemaVersion(), storage::Workspace::latestSchemaVersion());
        QVERIFY(storage::MarketDataRepository(ws).indices().empty());
    }

    void info()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", m_demo, "workspace", "info"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["path"].toString(), m_demo);
        QCOMPARE(o["schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        compareContents(o, m_demo);
    }

    void infoAsText()
    {
        const CliRun run = runCli({"--workspace", m_demo, "workspace", "info"});
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        auto ws = storage::Workspace::open(m_demo.toStdString());
        const MarketDataSet data = storage::MarketDataRepository(ws).loadAll();
        // Counts are printed with a thousands separator, e.g. "Series points:  15,034".
        QString points = QString::number(totalPoints(data));
        for (int i = points.size() - 3; i > 0; i -= 3)
            points.insert(i, ',');
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QRegularExpression("Series points: +"
                                                  + QRegularExpression::escape(points) + "\n")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QRegularExpression(
                "Dataset version: +" + QRegularExpression::escape(qs(data.info.version)) + "\n")),
            qPrintable(text));
    }

    void check()
    {
        QString problem;
        // Global options after the command work too.
        const QJsonObject o = runCliJson({"workspace", "check", "--workspace", m_demo}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["ok"].toBool(), true);
        QCOMPARE(o["integrity"].toString(), QString("ok"));
        QCOMPARE(o["schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        QCOMPARE(o["latest_schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        const QJsonObject m = o["migration"].toObject();
        QCOMPARE(m["migrated"].toBool(), false);
        QCOMPARE(m["from_version"].toInt(), storage::Workspace::latestSchemaVersion());
        QCOMPARE(m["to_version"].toInt(), storage::Workspace::latestSchemaVersion());
        QVERIFY(m["backup"].isNull());
        compareContents(o, m_demo);
    }

    void checkMigratesAnOlderWorkspace()
    {
        // Version 0: an empty database stamped as a workspace, the oldest file open() accepts.
        const QString path = m_dir.filePath("old.chw");
        storage::Workspace::createAtVersionForTesting(path.toStdString(), 0);
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!before.isEmpty());
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", path, "workspace", "check"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject m = o["migration"].toObject();
        QCOMPARE(m["migrated"].toBool(), true);
        QCOMPARE(m["from_version"].toInt(), 0);
        QCOMPARE(m["to_version"].toInt(), storage::Workspace::latestSchemaVersion());
        QCOMPARE(o["schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        // The backup is the file as it was before the migration.
        QFile backup(m["backup"].toString());
        QVERIFY2(backup.open(QIODevice::ReadOnly), qPrintable(backup.fileName()));
        QCOMPARE(backup.readAll(), before);
        // A second check finds nothing to migrate.
        const QJsonObject again = runCliJson({"--workspace", path, "workspace", "check"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(again["migration"].toObject()["migrated"].toBool(), false);
    }

    void version()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--version"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["program"].toString(), QString("computehedge-cli"));
        QCOMPARE(o["version"].toString(), QString(CH_VERSION));
        QCOMPARE(o["schema_version"].toInt(), storage::Workspace::latestSchemaVersion());
        const CliRun text = runCli({"--version"});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(QString::fromUtf8(text.out),
                 QString("computehedge-cli %1 (workspace schema version %2)\n")
                     .arg(CH_VERSION)
                     .arg(storage::Workspace::latestSchemaVersion()));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mustMention");
        QTest::newRow("global") << QStringList{"--help"}
                                << QStringList{"--workspace PATH",
                                               "--json",
                                               "--version",
                                               "workspace",
                                               "market",
                                               "dataset",
                                               "Exit codes"};
        QTest::newRow("-h") << QStringList{"-h"} << QStringList{"Usage: computehedge-cli"};
        QTest::newRow("workspace")
            << QStringList{"workspace", "--help"} << QStringList{"new", "check", "info"};
        QTest::newRow("market") << QStringList{"market", "--help"}
                                << QStringList{
                                       "list", "show", "curve", "import", "stats", "contracts"};
        QTest::newRow("dataset") << QStringList{"dataset", "--help"} << QStringList{"generate"};
        QTest::newRow("workspace new") << QStringList{"workspace", "new", "--help"}
                                       << QStringList{"[PATH]", "--demo", "--workspace PATH"};
        QTest::newRow("workspace check")
            << QStringList{"workspace", "check", "--help"} << QStringList{"integrity", "migration"};
        QTest::newRow("workspace info")
            << QStringList{"workspace", "info", "--help"} << QStringList{"schema_version"};
        QTest::newRow("market list")
            << QStringList{"market", "list", "--help"} << QStringList{"last_price_usd_per_unit"};
        QTest::newRow("market show")
            << QStringList{"--help", "market", "show"}
            << QStringList{"INDEX", "--from YYYY-MM-DD", "--to YYYY-MM-DD"};
        QTest::newRow("market curve") << QStringList{"market", "curve", "--help"}
                                      << QStringList{"INDEX", "forward_usd_per_unit"};
        QTest::newRow("market import") << QStringList{"market", "import", "--help"}
                                       << QStringList{"FILE", "file:line: field: message"};
        QTest::newRow("market stats") << QStringList{"market", "stats", "--help"}
                                      << QStringList{"--window-days N", "repaired"};
        QTest::newRow("market contracts")
            << QStringList{"market", "contracts", "--help"} << QStringList{"units_per_contract"};
        QTest::newRow("dataset generate") << QStringList{"dataset", "generate", "--help"}
                                          << QStringList{"--out DIR", "(required)"};
    }
    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mustMention);
        const CliRun run = runCli(args);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.startsWith("Usage: computehedge-cli"), qPrintable(text));
        for (const auto& word : mustMention)
            QVERIFY2(text.contains(word), qPrintable(word + " missing from:\n" + text));
    }

    void datasetGenerateWritesTheReferenceFiles()
    {
        const QString out = m_dir.filePath("generated/data");
        QString problem;
        const QJsonObject o = runCliJson({"dataset", "generate", "--out", out}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const MarketDataSet expected = marketdata::generateReferenceDataset();
        const auto files = marketdata::writeDatasetFiles(expected);
        QCOMPARE(o["out_dir"].toString(), out);
        QCOMPARE(o["dataset"].toObject()["version"].toString(), qs(expected.info.version));
        QCOMPARE(o["indices"].toInteger(), static_cast<qint64>(expected.indices.size()));
        const QJsonArray listed = o["files"].toArray();
        QCOMPARE(listed.size(), static_cast<qsizetype>(files.size()));
        qsizetype i = 0;
        for (const auto& [name, content] : files) {
            QCOMPARE(listed[i]["name"].toString(), qs(name));
            QCOMPARE(listed[i]["bytes"].toInteger(), static_cast<qint64>(content.size()));
            ++i;
            QFile f(QDir(out).filePath(qs(name)));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            QVERIFY2(f.readAll() == QByteArray::fromStdString(content), qPrintable(f.fileName()));
        }
    }
};

CH_REGISTER_TEST(TestCliWorkspace);
#include "tst_cli.moc"
