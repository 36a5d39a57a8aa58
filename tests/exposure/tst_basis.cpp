#include "compare.h"
#include "exposure/basis.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::exposure;
using namespace ch::test;
using namespace std::chrono;

namespace {

const Resource kH100 = Resource::gpu(GpuType::H100);

//! Every calendar day of `m` at `usd` (weekends included, as the reference dataset stores them).
void appendMonth(PriceSeries& s, Month m, double usd)
{
    for (int d = 1; d <= daysInMonth(m); ++d)
        s.points.push_back(
            DailyPrice{Date{m.year(), m.month(), day{static_cast<unsigned>(d)}}, usd});
}

ActualBill bill(Month m, const std::string& provider, double gpuHours, std::int64_t cents)
{
    return ActualBill(
        m, provider, kH100, Volume(Unit::GpuHour, gpuHours), Money(Currency::Usd, cents));
}

} // namespace

class TestBasis : public QObject
{
    Q_OBJECT
private slots:
    void monthlyAverageUsesBusinessDaysOnly()
    {
        // November 2026: 21 weekdays, less Thanksgiving (Thu 26th) = 20 business days. With the
        // price equal to the day of the month, their mean is (2+..+6 + 9+..+13 + 16+..+20 +
        // 23+24+25+27 + 30) / 20 = 294 / 20 = 14.7; the calendar-day mean would be 15.5.
        PriceSeries s{"GPU.H100.NC", {}};
        const Month nov = 2026y / November;
        for (int d = 1; d <= 30; ++d)
            s.points.push_back(DailyPrice{nov / day{static_cast<unsigned>(d)}, double(d)});
        CH_COMPARE_NEAR(*indexMonthlyAverage(s, nov), 14.7, 1e-12);
        QVERIFY(!indexMonthlyAverage(s, 2026y / December));
    }

    void basisMeanAndVolatilityByHand()
    {
        PriceSeries nc{"GPU.H100.NC", {}};
        appendMonth(nc, 2026y / August, 2.0);
        appendMonth(nc, 2026y / September, 2.5);
        appendMonth(nc, 2026y / October, 2.0);
        PriceSeries hs{"GPU.H100.HS", {}};
        appendMonth(hs, 2026y / August, 4.0);
        appendMonth(hs, 2026y / September, 5.0);
        appendMonth(hs, 2026y / October, 4.0);

        const std::vector<ActualBill> bills{
            bill(2026y / August, "Acme", 1000, 220'000),    // 2.20 / 2.0 = 1.1
            bill(2026y / September, "Acme", 1000, 250'000), // pooled: 5,500 / 2,000 = 2.75
            bill(2026y / September, "Beta", 1000, 300'000), //   2.75 / 2.5 = 1.1
            bill(2026y / October, "Acme", 500, 90'000),     // 1.80 / 2.0 = 0.9
            bill(2026y / November, "Acme", 10, 3'000),      // no index prices: left out
            ActualBill(2026y / October,
                       "Lumen",
                       Resource::tokens(ModelTier::Mid, TokenDirection::Input),
                       Volume(Unit::MTok, 10),
                       Money(Currency::Usd, 3'000))};
        Plan plan(2026y / November, 12);
        plan = plan.withLine(manualLine("nc", "H100 line", kH100, 12, VolumeTriple::flat(1)));
        plan = plan.withLine(PlanLine("hs",
                                      "H100 hyperscaler",
                                      kH100,
                                      "GPU.H100.HS",
                                      ConfidenceClass::Forecast,
                                      std::vector<VolumeTriple>(12)));
        plan = plan.withLine(
            manualLine("l40s", "L40S", Resource::gpu(GpuType::L40S), 12, VolumeTriple::flat(1)));
        const BasisReport report = measureBasis(plan, bills, {nc, hs});

        // Ratios 1.1, 1.1, 0.9: mean 31/30; deviations 1/15, 1/15, -2/15, so the sample variance
        // is (6/225) / 2 = 1/75 and the standard deviation sqrt(1/75).
        const BasisEstimate& b = *report.find("nc");
        QVERIFY(b.isMeasured());
        QCOMPARE(b.observations.size(), std::size_t{3});
        CH_COMPARE_NEAR(b.observations[1].paidUsdPerUnit, 2.75, 1e-12);
        CH_COMPARE_NEAR(b.observations[1].quantity, 2000, 1e-12);
        CH_COMPARE_NEAR(b.observations[1].indexAverageUsd, 2.5, 1e-12);
        CH_COMPARE_NEAR(b.mean, 31.0 / 30.0, 1e-12);
        CH_COMPARE_NEAR(b.stdDev, std::sqrt(1.0 / 75.0), 1e-12);

        // Same bills against the hyperscaler index: ratios 0.55, 0.55, 0.45.
        const BasisEstimate& h = *report.find("hs");
        CH_COMPARE_NEAR(h.mean, 31.0 / 60.0, 1e-12);
        CH_COMPARE_NEAR(h.stdDev, std::sqrt(1.0 / 75.0) / 2, 1e-12);

        const BasisEstimate& l = *report.find("l40s");
        QVERIFY(!l.isMeasured());
        QCOMPARE(l.mean, 1.0);
        QCOMPARE(l.stdDev, 0.0);

        QCOMPARE(issueTexts(report.warnings),
                 (QStringList{"actuals: warning: H100 line: no GPU.H100.NC index prices in "
                              "2026-11; the month's bills are left out of the line's basis",
                              "actuals: warning: H100 hyperscaler: no GPU.H100.HS index prices in "
                              "2026-11; the month's bills are left out of the line's basis"}));
    }

    void singleMonthHasNoSpread()
    {
        PriceSeries nc{"GPU.H100.NC", {}};
        appendMonth(nc, 2026y / October, 2.0);
        Plan plan(2026y / November, 1);
        plan = plan.withLine(manualLine("nc", "H100", kH100, 1, VolumeTriple::flat(1)));
        const auto report = measureBasis(plan, {bill(2026y / October, "Acme", 100, 25'000)}, {nc});
        CH_COMPARE_NEAR(report.lines[0].mean, 1.25, 1e-12);
        QCOMPARE(report.lines[0].stdDev, 0.0);
    }

    void billsNextToTheIndex()
    {
        PriceSeries nc{"GPU.H100.NC", {}};
        appendMonth(nc, 2026y / October, 2.0);
        const auto rows = compareBills(
            {bill(2026y / October, "Acme", 100, 25'000), bill(2026y / May, "Acme", 100, 25'000)},
            {nc});
        QCOMPARE(rows.size(), std::size_t{2});
        QCOMPARE(qs(rows[0].indexId), QStringLiteral("GPU.H100.NC"));
        CH_COMPARE_NEAR(rows[0].paidUsdPerUnit, 2.5, 1e-12);
        CH_COMPARE_NEAR(*rows[0].indexAverageUsd, 2.0, 1e-12);
        CH_COMPARE_NEAR(*rows[0].ratio, 1.25, 1e-12);
        QVERIFY(!rows[1].indexAverageUsd);
        QVERIFY(!rows[1].ratio);
        QCOMPARE(bill(2026y / October, "Acme", 3, 1'000).effectiveRate().micros(),
                 std::int64_t{3'333'333});
    }
};

CH_REGISTER_TEST(TestBasis);
#include "tst_basis.moc"
