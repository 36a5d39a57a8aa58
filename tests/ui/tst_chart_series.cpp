#include "test_registry.h"
#include "ui/charts/forward_series.h"
#include "ui/charts/history_series.h"
#include "ui/models/correlation_table_model.h"
#include "ui_test_data.h"

#include <QTest>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

class TestChartSeries : public QObject
{
    Q_OBJECT
private slots:
    void dateKeysAreUtcSeconds()
    {
        // 2026-10-30 is day 20,756 since 1970-01-01 (hand count: 56 years incl. 14 leap days
        // = 20,454 days to 2026-01-01, plus 302 days to October 30).
        QCOMPARE(dateKey(2026y / October / 30d), 20756.0 * 86400.0);
        QCOMPARE(monthKey(2026y / November), dateKey(2026y / November / 1d));
        QCOMPARE(dateFromKey(dateKey(2024y / February / 29d) + 43200.0),
                 Date{2024y / February / 29d});
    }

    void historyChartLeavesOutLaterObservations()
    {
        const MarketDataSet data = test::smallDataset();
        const ChartData chart =
            buildHistoryChart(data.indices[0], data.series[0], data.info.valuationDate);
        QCOMPARE(chart.series.size(), std::size_t{1});
        const ChartSeries& s = chart.series[0];
        const QVector<double> keys{dateKey(2026y / October / 28d),
                                   dateKey(2026y / October / 29d),
                                   dateKey(2026y / October / 30d)};
        QCOMPARE(s.keys, keys);
        QCOMPARE(s.values, (QVector<double>{2.80, 2.90, 2.81}));
        QCOMPARE(s.style, ChartSeries::Style::Line);
        QCOMPARE(chart.title,
                 QString("H100 SXM, neocloud on-demand (GPU.H100.NC): daily index, as of "
                         "2026-10-30"));
        QCOMPARE(chart.xLabel, QString("Date"));
        QCOMPARE(chart.yLabel, QString("USD per GPU-hour"));
        QCOMPARE(chart.keyKind, ChartData::KeyKind::Day);
        QVERIFY(!chart.needsLegend());
    }

    void tokenHistoryIsAStepFunction()
    {
        const MarketDataSet data = test::smallDataset();
        const ChartData chart =
            buildHistoryChart(data.indices[1], data.series[1], data.info.valuationDate);
        QCOMPARE(chart.series.at(0).style, ChartSeries::Style::Step);
        QCOMPARE(chart.yLabel, QString("USD per 1M tokens"));
        QCOMPARE(chart.unit, Unit::MTok);
    }

    void historyBeforeFirstObservationIsEmpty()
    {
        const MarketDataSet data = test::smallDataset();
        QVERIFY(buildHistoryChart(data.indices[0], data.series[0], 2026y / October / 1d).empty());
    }

    void forwardChartHasCurveAndSpotLine()
    {
        const MarketDataSet data = test::smallDataset();
        const pricing::MarketSnapshot snapshot = test::smallSnapshot();
        const ChartData chart = buildForwardChart(data.indices[0], snapshot.curves[0]);
        QCOMPARE(chart.series.size(), std::size_t{2});
        const ChartSeries& forward = chart.series[0];
        QCOMPARE(forward.keys,
                 (QVector<double>{monthKey(2026y / November),
                                  monthKey(2026y / December),
                                  monthKey(2027y / January)}));
        QCOMPARE(forward.values, (QVector<double>{2.75, 2.70, 2.60}));
        QCOMPARE(forward.name, QString("Forward (monthly average)"));
        const ChartSeries& spot = chart.series[1];
        QCOMPARE(spot.keys,
                 (QVector<double>{monthKey(2026y / November), monthKey(2027y / January)}));
        QCOMPARE(spot.values, (QVector<double>{2.81, 2.81}));
        QCOMPARE(spot.style, ChartSeries::Style::Dashed);
        QCOMPARE(spot.name, QString("Spot (index level 2.81 USD/GPU-h)"));
        QCOMPARE(chart.title,
                 QString("H100 SXM, neocloud on-demand: forward curve, as of 2026-10-30"));
        QCOMPARE(chart.xLabel, QString("Delivery month"));
        QCOMPARE(chart.yLabel, QString("USD per GPU-hour"));
        QVERIFY(chart.needsLegend());
    }

    void emptyCurveGivesNoSeries()
    {
        const MarketDataSet data = test::smallDataset();
        pricing::ForwardCurve curve;
        curve.asOf = 2026y / October / 30d;
        QVERIFY(buildForwardChart(data.indices[0], curve).empty());
    }

    void readoutText()
    {
        QCOMPARE(formatReadout(
                     ChartData::KeyKind::Day, Unit::GpuHour, dateKey(2026y / October / 30d), 2.81),
                 QString("2026-10-30: 2.81 USD/GPU-h"));
        QCOMPARE(
            formatReadout(ChartData::KeyKind::Month, Unit::MTok, monthKey(2027y / March), 0.15),
            QString("2027-03: 0.150 USD/MTok"));
    }

    void correlationColours_data()
    {
        QTest::addColumn<double>("rho");
        QTest::addColumn<QColor>("expected");
        QTest::newRow("zero is white") << 0.0 << QColor(255, 255, 255);
        QTest::newRow("+1 is RdBu red #B2182B") << 1.0 << QColor(178, 24, 43);
        QTest::newRow("-1 is RdBu blue #2166AC") << -1.0 << QColor(33, 102, 172);
        // 255 + (178 - 255) * 0.5 = 216.5 -> 217; 255 - 231 / 2 = 139.5 -> 140; 255 - 106 = 149.
        QTest::newRow("+0.5 halfway") << 0.5 << QColor(217, 140, 149);
        QTest::newRow("clamped above 1") << 1.7 << QColor(178, 24, 43);
        QTest::newRow("NaN is grey") << std::nan("") << QColor(224, 224, 224);
    }
    void correlationColours()
    {
        QFETCH(double, rho);
        QFETCH(QColor, expected);
        QCOMPARE(correlationColour(rho), expected);
    }

    void correlationTextContrast()
    {
        QCOMPARE(correlationTextColour(0.9), QColor(Qt::white));
        QCOMPARE(correlationTextColour(-0.61), QColor(Qt::white));
        QCOMPARE(correlationTextColour(0.6), QColor(Qt::black));
    }
};

CH_REGISTER_TEST(TestChartSeries);
#include "tst_chart_series.moc"
