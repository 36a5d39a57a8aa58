#include "compare.h"
#include "risk_report_fixture.h"
#include "test_registry.h"
#include "ui/charts/chart_data.h"
#include "ui/charts/risk_series.h"
#include "ui/widgets/risk_chart_view.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

class TestRiskCharts : public QObject
{
    Q_OBJECT
private slots:
    void histogramBarsAndPercentiles()
    {
        const RiskChartData c = buildCostHistogram(test::handReport(false), false);
        QCOMPARE(c.title, QStringLiteral("Total cost, 2026-11 to 2027-01 (unhedged)"));
        QCOMPARE(c.xLabel, QStringLiteral("Total cost (USD m)"));
        QCOMPARE(c.yLabel, QStringLiteral("Share of paths (%)"));
        QVERIFY(c.axis == RiskChartData::Axis::Cost);
        QCOMPARE(c.bars.size(), std::size_t{1});
        // Bins of 2.5m from 9m: centres 10.25, 12.75, 15.25, 17.75; 100/400/300/200 of 1,000.
        QCOMPARE(c.bars[0].keys, (QVector<double>{10.25, 12.75, 15.25, 17.75}));
        QCOMPARE(c.bars[0].values, (QVector<double>{10.0, 40.0, 30.0, 20.0}));
        QCOMPARE(c.bars[0].width, 2.5);
        QCOMPARE(c.markers.size(), std::size_t{3});
        QCOMPARE(c.markers[0].name, QStringLiteral("P50: USD 12.0m"));
        QCOMPARE(c.markers[0].key, 12.0);
        QCOMPARE(c.markers[1].name, QStringLiteral("P95: USD 14.0m"));
        QCOMPARE(c.markers[1].key, 14.0);
        QCOMPARE(c.markers[2].name, QStringLiteral("P99: USD 15.5m"));
        QCOMPARE(c.markers[2].key, 15.5);
        QVERIFY(c.needsLegend());

        const RiskChartData h = buildCostHistogram(test::handReport(true), true);
        QCOMPARE(h.title, QStringLiteral("Total cost, 2026-11 to 2027-01 (with hedges)"));
        QCOMPARE(h.markers[1].key, 13.5); // hedged P95 is 0.5m lower
    }

    void emptyHistogramDrawsNothing()
    {
        risk::CostAtRiskReport r = test::handReport(false);
        r.histogramUnhedged.clear();
        QVERIFY(buildCostHistogram(r, false).empty());
    }

    void fanBandsMedianAndBudget()
    {
        const RiskChartData c = buildMonthlyFan(
            test::handReport(false), false, {5'000'000.0, std::nullopt, 4'500'000.0});
        QCOMPARE(c.title, QStringLiteral("Monthly cost against budget (unhedged)"));
        QCOMPARE(c.xLabel, QStringLiteral("Delivery month"));
        QCOMPARE(c.yLabel, QStringLiteral("Cost (USD m)"));
        QVERIFY(c.axis == RiskChartData::Axis::Month);
        const QVector<double> keys{
            monthKey(2026y / November), monthKey(2026y / December), monthKey(2027y / January)};
        QCOMPARE(c.bands.size(), std::size_t{2});
        QCOMPARE(c.bands[0].name, QStringLiteral("P5 to P95"));
        QCOMPARE(c.bands[0].keys, keys);
        QCOMPARE(c.bands[0].low, (QVector<double>{3.4, 3.5, 3.6}));
        QCOMPARE(c.bands[0].high, (QVector<double>{4.8, 4.9, 5.0}));
        QCOMPARE(c.bands[1].name, QStringLiteral("P25 to P75"));
        QCOMPARE(c.bands[1].low, (QVector<double>{3.8, 3.9, 4.0}));
        QCOMPARE(c.bands[1].high, (QVector<double>{4.25, 4.35, 4.45}));
        QCOMPARE(c.lines.size(), std::size_t{2});
        QCOMPARE(c.lines[0].name, QStringLiteral("Median (P50)"));
        QCOMPARE(c.lines[0].values, (QVector<double>{4.0, 4.1, 4.2}));
        QVERIFY(!c.lines[0].dashed);
        QCOMPARE(c.lines[1].name, QStringLiteral("Budget"));
        QVERIFY(c.lines[1].dashed);
        QCOMPARE(c.lines[1].values[0], 5.0);
        QVERIFY(std::isnan(c.lines[1].values[1])); // no budget: a gap
        QCOMPARE(c.lines[1].values[2], 4.5);

        const RiskChartData noBudget = buildMonthlyFan(test::handReport(false), false, {});
        QCOMPARE(noBudget.title, QStringLiteral("Monthly cost (unhedged)"));
        QCOMPARE(noBudget.lines.size(), std::size_t{1});

        const RiskChartData hedged = buildMonthlyFan(test::handReport(true), true, {});
        QCOMPARE(hedged.bands[0].high, (QVector<double>{4.6, 4.7, 4.8}));
    }

    void contributionsAddUpToCar95()
    {
        for (bool hedged : {false, true}) {
            const risk::CostAtRiskReport r = test::handReport(true);
            const RiskChartData c = buildContributionChart(r, hedged);
            QVERIFY(c.axis == RiskChartData::Axis::Category);
            QCOMPARE(c.categories, (QStringList{"GPU.H100.NC", "TOK.FRONTIER.BLEND"}));
            QCOMPARE(c.xLabel, QStringLiteral("Index"));
            QCOMPARE(c.yLabel, QStringLiteral("Contribution to CaR95 (USD m)"));
            QCOMPARE(c.bars[0].keys, (QVector<double>{1.0, 2.0}));
            const double car95 =
                (hedged ? r.horizon.hedged.car95.value : r.horizon.unhedged.car95.value) / 1e6;
            CH_COMPARE_NEAR(c.bars[0].values[0] + c.bars[0].values[1], car95, 1e-12);
            QCOMPARE(c.bars[0].values[0], hedged ? 0.6 : 1.0);
        }
        QCOMPARE(buildContributionChart(test::handReport(false), false).title,
                 QStringLiteral("Contribution to CaR95 by index (unhedged; adds up to the CaR95 "
                                "of USD 1.7m)"));
    }

    void stressChangesByScenario()
    {
        auto result = [](const char* name, double base, double stressed, double hedgedStressed) {
            risk::StressResult r;
            r.name = name;
            r.baseCostUsd = base;
            r.stressedCostUsd = stressed;
            r.baseHedgedCostUsd = base - 1e6;
            r.stressedHedgedCostUsd = hedgedStressed;
            return storage::SavedStress{risk::StressKind::Preset, "", r};
        };
        const std::vector<storage::SavedStress> results{
            result("GPU shortage", 100e6, 124e6, 120e6),
            result("Frontier model release", 100e6, 90e6, 89e6)};
        const RiskChartData c = buildStressChart(results, true);
        QVERIFY(c.axis == RiskChartData::Axis::Category);
        QCOMPARE(c.title,
                 QStringLiteral("Change in cost by scenario, against the base of USD 100.0m"));
        QCOMPARE(c.categories, (QStringList{"GPU shortage", "Frontier model release"}));
        QCOMPARE(c.yLabel, QStringLiteral("Change in cost (USD m)"));
        QCOMPARE(c.bars.size(), std::size_t{2});
        QCOMPARE(c.bars[0].name, QStringLiteral("Unhedged"));
        QCOMPARE(c.bars[0].values, (QVector<double>{24.0, -10.0}));
        // Hedged: stressed hedged cost − base hedged cost (base − 1m).
        QCOMPARE(c.bars[1].name, QStringLiteral("With hedges"));
        QCOMPARE(c.bars[1].values, (QVector<double>{21.0, -10.0}));
        QCOMPARE(buildStressChart(results, false).bars.size(), std::size_t{1});
        QVERIFY(buildStressChart({}, true).empty());
    }

    void periodLabels()
    {
        const risk::CostAtRiskReport r = test::handReport(false);
        QCOMPARE(periodLabel(r.horizon), QStringLiteral("2026-11 to 2027-01"));
        QCOMPARE(periodLabel(r.months[1]), QStringLiteral("2026-12"));
    }

    void viewDrawsTheSeriesWithALegend()
    {
        RiskChartView view;
        QVERIFY(!view.hasChart());
        view.setChart(buildCostHistogram(test::handReport(false), false));
        QVERIFY(view.hasChart());
        QCOMPARE(view.title(), QStringLiteral("Total cost, 2026-11 to 2027-01 (unhedged)"));
        QCOMPARE(
            view.legendNames(),
            (QStringList{"Paths per bin", "P50: USD 12.0m", "P95: USD 14.0m", "P99: USD 15.5m"}));
        view.setChart(buildMonthlyFan(test::handReport(false), false, {5e6, 5e6, 5e6}));
        QCOMPARE(view.legendNames(),
                 (QStringList{"P5 to P95", "P25 to P75", "Median (P50)", "Budget"}));
        view.setChart(RiskChartData{});
        QVERIFY(!view.hasChart());
    }
};
CH_REGISTER_TEST(TestRiskCharts);

#include "tst_risk_charts.moc"
