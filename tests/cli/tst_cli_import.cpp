// computehedge-cli market import: an applied import is visible through the CLI and core alike; a
// failed one prints exactly the issues marketdata::parsePriceCsv finds and writes nothing.

#include "cli_runner.h"
#include "compare.h"
#include "marketdata/price_csv.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::test;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString isoDate(Date d)
{
    return qs(formatIsoDate(d));
}

// Doubles go through JSON as shortest round-trip text, so they come back exactly; the tolerance
// only keeps the comparison meaningful if that ever changes.
constexpr double kExact = 1e-12;

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;
    MarketDataSet m_data; //!< the demo workspace's market data, read by core

    QString newDemo(const QString& name) { return demoWorkspaceCopy(m_dir.filePath(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = newDemo("demo.chw");
        QVERIFY(!m_demo.isEmpty());
        auto ws = storage::Workspace::open(m_demo.toStdString());
        m_data = storage::MarketDataRepository(ws).loadAll();
        QVERIFY(!m_data.indices.empty());
    }

    void importAppliesCombinedPrices()
    {
        const QString ws = newDemo("import.chw");
        QVERIFY(!ws.isEmpty());
        const std::string id = m_data.indices.front().id;
        const QString day = isoDate(m_data.info.valuationDate);
        // Three marketplaces, no volume column: the index level is their median, 3.25.
        const QString csv = m_dir.filePath("prices.csv");
        QVERIFY(writeFile(csv,
                          QString("date,index,price,source\n%1,%2,2.50,alpha\n%1,%2,3.25,beta\n"
                                  "%1,%2,4.75,gamma\n")
                              .arg(day, qs(id))
                              .toUtf8()));
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", ws, "market", "import", csv}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["applied"].toBool(), true);
        QCOMPARE(o["source"].toString(), QString("prices.csv"));
        QCOMPARE(o["rows_read"].toInteger(), 3);
        QCOMPARE(o["points_written"].toInteger(), 1);
        QCOMPARE(o["errors"].toInteger(), 0);
        QCOMPARE(o["indices_touched"].toArray(), QJsonArray{qs(id)});

        const QJsonObject shown = runCliJson(
            {"--workspace", ws, "market", "show", qs(id), "--from", day, "--to", day}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(shown["count"].toInteger(), 1);
        CH_COMPARE_NEAR(shown["points"][0]["price_usd_per_unit"].toDouble(), 3.25, kExact);
        auto opened = storage::Workspace::open(ws.toStdString());
        const auto stored = storage::MarketDataRepository(opened).series(
            id, m_data.info.valuationDate, m_data.info.valuationDate);
        QCOMPARE(stored.points.size(), std::size_t{1});
        CH_COMPARE_NEAR(stored.points.front().usd, 3.25, kExact);
    }

    void importFailureListsIssuesAndWritesNothing_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }
    void importFailureListsIssuesAndWritesNothing()
    {
        QFETCH(bool, json);
        const std::string id = m_data.indices.front().id;
        const QString day = isoDate(m_data.info.valuationDate);
        const QByteArray text =
            QString("date,index,price\n%1,GPU.NOPE,2.00\n%1,%2,-2.10\n%1,%2,2.00\n")
                .arg(day, qs(id))
                .toUtf8();
        const QString csv = m_dir.filePath("bad.csv");
        QVERIFY(writeFile(csv, text));

        // What core says about this file: the CLI must print exactly these issues.
        std::vector<std::string> known;
        for (const auto& index : m_data.indices)
            known.push_back(index.id);
        auto parsed = marketdata::parsePriceCsv(text.toStdString(), "bad.csv", known);
        QVERIFY(parsed.hasErrors());
        sortIssues(parsed.issues);
        const auto errors =
            std::count_if(parsed.issues.begin(), parsed.issues.end(), [](const Issue& i) {
                return i.severity == Severity::Error;
            });
        QCOMPARE(errors, 2);

        QStringList args{"--workspace", m_demo, "market", "import", csv};
        if (json)
            args.prepend("--json");
        const CliRun run = runCli(args);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = errorLines(run);
        QCOMPARE(lines.value(0),
                 QString("computehedge-cli: error: import of bad.csv failed with 2 errors; nothing "
                         "was written"));
        QCOMPARE(lines.size(), static_cast<qsizetype>(parsed.issues.size()) + 1);
        for (std::size_t i = 0; i < parsed.issues.size(); ++i)
            QCOMPARE(lines[static_cast<qsizetype>(i) + 1], qs(parsed.issues[i].toString()));
        QVERIFY2(lines[1].startsWith("bad.csv:2: "), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith("bad.csv:3: price: "), qPrintable(lines[2]));

        if (json) {
            const QJsonObject o = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(o["applied"].toBool(), false);
            QCOMPARE(o["errors"].toInteger(), 2);
            QCOMPARE(o["points_written"].toInteger(), 0);
            const QJsonArray issues = o["issues"].toArray();
            QCOMPARE(issues.size(), static_cast<qsizetype>(parsed.issues.size()));
            QCOMPARE(issues[1]["line"].toInt(), 3);
            QCOMPARE(issues[1]["field"].toString(), QString("price"));
            QCOMPARE(issues[1]["severity"].toString(), QString("error"));
            QCOMPARE(issues[1]["text"].toString(), lines[2]);
        } else {
            QVERIFY(run.out.isEmpty());
        }
        // Nothing was written: the history is what it was.
        auto ws = storage::Workspace::open(m_demo.toStdString());
        QCOMPARE(storage::MarketDataRepository(ws).series(id), *m_data.findSeries(id));
    }
};

CH_REGISTER_TEST(TestCliImport);
#include "tst_cli_import.moc"
