// computehedge-cli market commands: every number in the JSON output must equal what core computes
// from the same workspace (MarketDataRepository, pricing::buildMarketSnapshot, parsePriceCsv).

#include "cli_runner.h"
#include "compare.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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

Date daysBefore(Date d, int days)
{
    return dateFromDaysSinceEpoch(daysSinceEpoch(d) - days);
}

// Doubles go through JSON as shortest round-trip text, so they come back exactly; the tolerance
// only keeps the comparison meaningful if that ever changes.
constexpr double kExact = 1e-12;

} // namespace

class TestCliMarket : public QObject
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
        QVERIFY(m_data.indices.size() >= 2);
    }

    void list()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", m_demo, "market", "list"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["valuation_date"].toString(), isoDate(m_data.info.valuationDate));
        QCOMPARE(o["dataset_version"].toString(), qs(m_data.info.version));
        QCOMPARE(o["disclaimer"].toString(), qs(m_data.info.disclaimer));
        const QJsonArray rows = o["indices"].toArray();
        QCOMPARE(rows.size(), static_cast<qsizetype>(m_data.indices.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const IndexDefinition& index = m_data.indices[static_cast<std::size_t>(i)];
            const PriceSeries* series = m_data.findSeries(index.id);
            QVERIFY(series != nullptr && !series->empty());
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row["id"].toString(), qs(index.id));
            QCOMPARE(row["name"].toString(), qs(index.name));
            QCOMPARE(row["unit"].toString(), QString(unitPriceLabel(index.unit)));
            QCOMPARE(row["unit_code"].toString(), QString(unitCode(index.unit)));
            QCOMPARE(row["kind"].toString(),
                     QString(index.kind == IndexKind::GpuRental ? "gpu_rental" : "token_price"));
            QCOMPARE(row["first_date"].toString(), isoDate(series->points.front().date));
            QCOMPARE(row["last_date"].toString(), isoDate(series->points.back().date));
            QVERIFY(row["last_price_usd_per_unit"].isDouble());
            CH_COMPARE_NEAR(
                row["last_price_usd_per_unit"].toDouble(), series->points.back().usd, kExact);
            QCOMPARE(row["points"].toInteger(), static_cast<qint64>(series->points.size()));
        }
    }

    void listAsText()
    {
        const CliRun run = runCli({"--workspace", m_demo, "market", "list"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).split('\n');
        int withSeparator = 0;
        for (const auto& index : m_data.indices) {
            const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString& l) {
                return l.startsWith(qs(index.id) + ' ');
            });
            QVERIFY2(line != lines.end(), qPrintable(qs(index.id)));
            // The row ends with the point count, grouped by thousands ("1,398").
            QString count = QString::number(m_data.findSeries(index.id)->points.size());
            for (int i = count.size() - 3; i > 0; i -= 3)
                count.insert(i, ',');
            withSeparator += count.contains(',') ? 1 : 0;
            QVERIFY2(line->endsWith(' ' + count), qPrintable(*line));
            // Last price with 4 decimals.
            const QString price =
                QString::number(m_data.findSeries(index.id)->points.back().usd, 'f', 4);
            QVERIFY2(line->contains(' ' + price + ' '), qPrintable(*line + " lacks " + price));
        }
        QVERIFY(withSeparator > 0);
        QVERIFY(QString::fromUtf8(run.out).contains(qs(m_data.info.disclaimer)));
    }

    void show_data()
    {
        const Date vd = m_data.info.valuationDate;
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("whole history") << QString() << QString();
        QTest::newRow("last 30 days") << isoDate(daysBefore(vd, 30)) << isoDate(vd);
        QTest::newRow("from only") << isoDate(daysBefore(vd, 10)) << QString();
        QTest::newRow("to only") << QString() << isoDate(daysBefore(vd, 900));
        QTest::newRow("one day") << isoDate(vd) << isoDate(vd);
        QTest::newRow("before history") << QString("2000-01-01") << QString("2000-12-31");
    }
    void show()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const std::string id = m_data.indices.front().id;
        QStringList args{"--workspace", m_demo, "market", "show", qs(id)};
        std::optional<Date> fromDate;
        std::optional<Date> toDate;
        if (!from.isEmpty()) {
            args << "--from" << from;
            fromDate = parseIsoDate(from.toStdString());
        }
        if (!to.isEmpty()) {
            args << "--to=" + to;
            toDate = parseIsoDate(to.toStdString());
        }
        QString problem;
        const QJsonObject o = runCliJson(args, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        auto ws = storage::Workspace::open(m_demo.toStdString());
        const PriceSeries expected = storage::MarketDataRepository(ws).series(id, fromDate, toDate);
        QCOMPARE(o["index_id"].toString(), qs(id));
        QCOMPARE(o["from"].isNull(), from.isEmpty());
        QCOMPARE(o["to"].isNull(), to.isEmpty());
        const QJsonArray points = o["points"].toArray();
        QCOMPARE(o["count"].toInteger(), static_cast<qint64>(expected.points.size()));
        QCOMPARE(points.size(), static_cast<qsizetype>(expected.points.size()));
        for (qsizetype i = 0; i < points.size(); ++i) {
            const DailyPrice& p = expected.points[static_cast<std::size_t>(i)];
            QCOMPARE(points[i]["date"].toString(), isoDate(p.date));
            QVERIFY(points[i]["price_usd_per_unit"].isDouble());
            CH_COMPARE_NEAR(points[i]["price_usd_per_unit"].toDouble(), p.usd, kExact);
        }
    }

    void textOutput_data()
    {
        const std::string id = m_data.indices.front().id;
        const DailyPrice& last = m_data.findSeries(id)->points.back();
        const ContractSpec& contract = m_data.contracts.front();
        auto esc = [](const QString& s) { return QRegularExpression::escape(s); };
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("pattern"); //!< a line of stdout must match
        QTest::newRow("show")
            << QStringList{"market", "show", qs(id), "--from", isoDate(daysBefore(last.date, 5))}
            << "^" + esc(isoDate(last.date)) + " +" + esc(QString::number(last.usd, 'f', 4)) + "$";
        QTest::newRow("show, empty range")
            << QStringList{"market", "show", qs(id), "--to", "2000-01-01"}
            << QString("^No prices to 2000-01-01\\.$");
        QTest::newRow("contracts")
            << QStringList{"market", "contracts"}
            << "^" + esc(qs(contract.symbol)) + " +" + esc(qs(contract.name)) + " ";
        QTest::newRow("check") << QStringList{"workspace", "check"} << QString("^Integrity: +ok");
    }
    void textOutput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, pattern);
        const CliRun run = runCli(QStringList{"--workspace", m_demo} + args);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QString text = QString::fromUtf8(run.out);
        const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
        QVERIFY(re.isValid());
        QVERIFY2(text.contains(re), qPrintable(pattern + " matches no line of:\n" + text));
    }

    void curve()
    {
        const pricing::MarketSnapshot snapshot =
            pricing::buildMarketSnapshot(m_data, m_data.info.valuationDate);
        for (const auto& index : m_data.indices) {
            QString problem;
            const QJsonObject o =
                runCliJson({"--workspace", m_demo, "market", "curve", qs(index.id)}, problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const pricing::ForwardCurve* curve = snapshot.findCurve(index.id);
            QVERIFY(curve != nullptr);
            QCOMPARE(o["index_id"].toString(), qs(index.id));
            QCOMPARE(o["as_of"].toString(), isoDate(curve->asOf));
            QCOMPARE(o["unit"].toString(), QString(unitPriceLabel(curve->unit)));
            CH_COMPARE_NEAR(o["spot_usd_per_unit"].toDouble(), curve->spotUsd, kExact);
            const QJsonObject model = o["model"].toObject();
            QCOMPARE(model["kind"].toString(),
                     QString(curve->model.kind == pricing::CurveModel::Kind::MeanReverting
                                 ? "mean_reverting"
                                 : "step_trend"));
            CH_COMPARE_NEAR(model["kappa_per_year"].toDouble(), curve->model.kappaPerYear, kExact);
            CH_COMPARE_NEAR(
                model["long_run_usd_per_unit"].toDouble(), curve->model.longRunUsd, kExact);
            CH_COMPARE_NEAR(
                model["decline_per_year"].toDouble(), curve->model.declinePerYear, kExact);
            CH_COMPARE_NEAR(model["vol_annual"].toDouble(), curve->model.volAnnual, kExact);
            CH_COMPARE_NEAR(model["jumps_per_year"].toDouble(), curve->model.jumpsPerYear, kExact);
            CH_COMPARE_NEAR(model["mean_jump_log"].toDouble(), curve->model.meanJumpLog, kExact);
            const QJsonArray forwards = o["forwards"].toArray();
            QCOMPARE(forwards.size(), 36);
            QCOMPARE(curve->points.size(), std::size_t{36});
            for (qsizetype i = 0; i < forwards.size(); ++i) {
                const pricing::ForwardPoint& p = curve->points[static_cast<std::size_t>(i)];
                QCOMPARE(forwards[i]["delivery_month"].toString(), qs(formatIsoMonth(p.delivery)));
                QVERIFY(forwards[i]["forward_usd_per_unit"].isDouble());
                CH_COMPARE_NEAR(forwards[i]["forward_usd_per_unit"].toDouble(), p.usd, kExact);
            }
            // The first delivery month is the one after the valuation month.
            QCOMPARE(forwards[0]["delivery_month"].toString(),
                     qs(formatIsoMonth(addMonths(monthOf(m_data.info.valuationDate), 1))));
        }
    }

    void curveAsText()
    {
        const std::string id = m_data.indices.front().id;
        const CliRun run = runCli({"--workspace", m_demo, "market", "curve", qs(id)});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        const auto snapshot = pricing::buildMarketSnapshot(m_data, m_data.info.valuationDate);
        const auto& first = snapshot.findCurve(id)->points.front();
        // A delivery row: month, then the forward with 4 decimals.
        const QString row = qs(formatIsoMonth(first.delivery)) + " ";
        QVERIFY2(text.contains(row), qPrintable(text));
        QVERIFY2(text.contains(QString::number(first.usd, 'f', 4)), qPrintable(text));
    }

    void stats_data()
    {
        QTest::addColumn<int>("windowDays");
        QTest::newRow("default window") << 0;
        QTest::newRow("365 days") << 365;
    }
    void stats()
    {
        QFETCH(int, windowDays);
        QStringList args{"--workspace", m_demo, "market", "stats"};
        if (windowDays > 0)
            args << "--window-days" << QString::number(windowDays);
        const int window = windowDays > 0 ? windowDays : 730;
        QString problem;
        const QJsonObject o = runCliJson(args, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto snapshot =
            pricing::buildMarketSnapshot(m_data, m_data.info.valuationDate, 36, window);
        QCOMPARE(o["window_days"].toInt(), window);
        QCOMPARE(o["as_of"].toString(), isoDate(snapshot.valuationDate));
        const QJsonArray vols = o["vols"].toArray();
        QCOMPARE(vols.size(), static_cast<qsizetype>(snapshot.vols.size()));
        for (qsizetype i = 0; i < vols.size(); ++i) {
            const auto& v = snapshot.vols[static_cast<std::size_t>(i)];
            QCOMPARE(vols[i]["index_id"].toString(), qs(v.indexId));
            CH_COMPARE_NEAR(vols[i]["annual_vol"].toDouble(), v.annualVol, kExact);
            QCOMPARE(vols[i]["observations"].toInteger(), static_cast<qint64>(v.observations));
        }
        const QJsonObject corr = o["correlation"].toObject();
        const auto& c = snapshot.correlation;
        QCOMPARE(corr["repaired"].toBool(), c.repaired);
        CH_COMPARE_NEAR(corr["repair_frobenius"].toDouble(), c.repairFrobenius, kExact);
        QCOMPARE(corr["observations"].toInteger(), static_cast<qint64>(c.observations));
        const QJsonArray ids = corr["index_ids"].toArray();
        const QJsonArray matrix = corr["matrix"].toArray();
        QCOMPARE(ids.size(), static_cast<qsizetype>(c.indexIds.size()));
        QCOMPARE(matrix.size(), ids.size());
        for (qsizetype r = 0; r < matrix.size(); ++r) {
            QCOMPARE(ids[r].toString(), qs(c.indexIds[static_cast<std::size_t>(r)]));
            const QJsonArray row = matrix[r].toArray();
            QCOMPARE(row.size(), ids.size());
            for (qsizetype k = 0; k < row.size(); ++k)
                CH_COMPARE_NEAR(row[k].toDouble(), c.matrix(r, k), kExact);
        }
        const CliRun text = runCli(args);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(QString::fromUtf8(text.out).contains(c.repaired ? "repaired to the nearest one"
                                                                : "no repair was needed"));
    }

    void contracts()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", m_demo, "market", "contracts"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonArray rows = o["contracts"].toArray();
        QVERIFY(!m_data.contracts.empty());
        QCOMPARE(rows.size(), static_cast<qsizetype>(m_data.contracts.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ContractSpec& c = m_data.contracts[static_cast<std::size_t>(i)];
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row["symbol"].toString(), qs(c.symbol));
            QCOMPARE(row["style"].toString(), QString(exchangeStyleCode(c.style)));
            QCOMPARE(row["underlying_index"].toString(), qs(c.underlyingIndex));
            QCOMPARE(row["units_per_contract"].toInteger(), c.unitsPerContract);
            CH_COMPARE_NEAR(row["tick_usd_per_unit"].toDouble(),
                            static_cast<double>(c.tickMicros) / 1e6,
                            kExact);
            QCOMPARE(row["months_listed"].toInt(), c.monthsListed);
            CH_COMPARE_NEAR(
                row["initial_margin_fraction"].toDouble(), c.initialMarginFraction, kExact);
            CH_COMPARE_NEAR(row["fee_per_side_usd"].toDouble(),
                            static_cast<double>(c.feePerSideCents) / 100.0,
                            kExact);
            QCOMPARE(row["settlement"].toString(), qs(c.settlement));
        }
    }
};

CH_REGISTER_TEST(TestCliMarket);
#include "tst_cli_market.moc"
