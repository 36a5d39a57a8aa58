#include "compare.h"
#include "domain/error.h"
#include "pricing/calendar.h"
#include "pricing/statistics.h"
#include "series_builders.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace ch;
using namespace ch::pricing;
using ch::test::isoDate;

namespace {

//! Geometric Brownian motion observed on business days; weekend and holiday values are set to
//! a wild level so that any use of them would show in the estimate.
PriceSeries
gbmSeries(const std::string& id, Date from, Date to, double volAnnual, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    const double dt = 1.0 / kBusinessDaysPerYear;
    double logPrice = std::log(2.5);
    PriceSeries s{id, {}};
    for (long long d = daysSinceEpoch(from); d <= daysSinceEpoch(to); ++d) {
        const Date date = dateFromDaysSinceEpoch(d);
        if (!isUsBusinessDay(date)) {
            s.points.push_back({date, 1000.0});
            continue;
        }
        logPrice += -0.5 * volAnnual * volAnnual * dt + volAnnual * std::sqrt(dt) * normal(rng);
        s.points.push_back({date, std::exp(logPrice)});
    }
    return s;
}

std::pair<PriceSeries, PriceSeries>
correlatedPair(Date from, Date to, double rho, std::uint64_t seed, Date secondStarts)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    const double step = 0.2 / std::sqrt(kBusinessDaysPerYear);
    double a = 0.0;
    double b = 0.0;
    PriceSeries sa{"A", {}};
    PriceSeries sb{"B", {}};
    for (const Date& d : businessDaysBetween(from, to)) {
        const double z1 = normal(rng);
        const double z2 = rho * z1 + std::sqrt(1.0 - rho * rho) * normal(rng);
        a += step * z1;
        b += step * z2;
        sa.points.push_back({d, std::exp(a)});
        if (d >= secondStarts)
            sb.points.push_back({d, std::exp(b)});
    }
    return {sa, sb};
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void logReturnsSkipWeekendsAndHolidays()
    {
        // Wed 100, Thu 110, Fri 2026-07-03 (observed Independence Day) 500, Sat 600, Mon 121.
        PriceSeries s{"X",
                      {{isoDate("2026-07-01"), 100.0},
                       {isoDate("2026-07-02"), 110.0},
                       {isoDate("2026-07-03"), 500.0},
                       {isoDate("2026-07-04"), 600.0},
                       {isoDate("2026-07-06"), 121.0}}};
        const auto prices = businessDayPrices(s, isoDate("2026-06-01"), isoDate("2026-07-31"));
        QCOMPARE(prices.size(), std::size_t{3});
        const auto r = businessDayLogReturns(s, isoDate("2026-06-01"), isoDate("2026-07-31"));
        QCOMPARE(r.size(), std::size_t{2});
        CH_COMPARE_NEAR(r[0], std::log(1.1), 1e-15);
        CH_COMPARE_NEAR(r[1], std::log(1.1), 1e-15);
        // The window bounds are inclusive.
        QCOMPARE(businessDayLogReturns(s, isoDate("2026-07-02"), isoDate("2026-07-06")).size(),
                 std::size_t{1});
        QVERIFY(businessDayLogReturns(s, isoDate("2026-07-06"), isoDate("2026-07-01")).empty());
    }

    void annualisedVolByHand()
    {
        // mean 0, sum of squares 2e-4, n − 1 = 1: sqrt(2e-4 × 252).
        CH_COMPARE_NEAR(annualisedVol({0.01, -0.01}), std::sqrt(2e-4 * 252.0), 1e-15);
        QCOMPARE(annualisedVol({}), 0.0);
        QCOMPARE(annualisedVol({0.05}), 0.0);
        QCOMPARE(annualisedVol({0.0, 0.0, 0.0}), 0.0);
    }

    void volRecoversGbmSigma_data()
    {
        QTest::addColumn<double>("sigma");
        QTest::addColumn<qulonglong>("seed");
        QTest::newRow("sigma 0.26 (H100-like)") << 0.26 << qulonglong{11};
        QTest::newRow("sigma 0.15 (A100-like)") << 0.15 << qulonglong{12};
        QTest::newRow("sigma 0.60") << 0.60 << qulonglong{13};
    }
    void volRecoversGbmSigma()
    {
        QFETCH(double, sigma);
        QFETCH(qulonglong, seed);
        const Date from = isoDate("2021-01-01");
        const Date to = isoDate("2026-10-30");
        const PriceSeries s = gbmSeries("GBM", from, to, sigma, seed);
        const auto returns = businessDayLogReturns(s, from, to);
        const double n = static_cast<double>(returns.size());
        QVERIFY(n > 1400);
        // Standard error of a sample standard deviation of normal data: sigma / sqrt(2n).
        const double se = sigma / std::sqrt(2.0 * n);
        CH_COMPARE_NEAR(annualisedVol(returns), sigma, 3.0 * se);
    }

    void correlationRecoversRho_data()
    {
        QTest::addColumn<double>("rho");
        QTest::addColumn<qulonglong>("seed");
        QTest::newRow("rho 0.6") << 0.6 << qulonglong{21};
        QTest::newRow("rho -0.3") << -0.3 << qulonglong{22};
        QTest::newRow("rho 0.95") << 0.95 << qulonglong{23};
    }
    void correlationRecoversRho()
    {
        QFETCH(double, rho);
        QFETCH(qulonglong, seed);
        const Date from = isoDate("2018-01-01");
        const Date to = isoDate("2026-10-30");
        const auto [a, b] = correlatedPair(from, to, rho, seed, from);
        const std::vector<const PriceSeries*> both{&a, &b};
        const PairwiseCorrelation pc = pairwiseCorrelation(both, from, to);
        const double n = pc.observations(0, 1);
        QVERIFY(n > 2000);
        // Large-sample standard error of Pearson's r: (1 − rho²) / sqrt(n).
        const double se = (1.0 - rho * rho) / std::sqrt(n);
        CH_COMPARE_NEAR(pc.matrix(0, 1), rho, 3.0 * se);
        QCOMPARE(pc.matrix(0, 1), pc.matrix(1, 0));
        QCOMPARE(pc.matrix(0, 0), 1.0);
        QCOMPARE(pc.matrix(1, 1), 1.0);
    }

    void shorterHistoryUsesOverlap()
    {
        const Date from = isoDate("2025-01-01");
        const Date to = isoDate("2026-10-30");
        const Date bStarts = isoDate("2026-03-02");
        const auto [a, b] = correlatedPair(from, to, 0.5, 31, bStarts);
        const std::vector<const PriceSeries*> both{&a, &b};
        const PairwiseCorrelation pc = pairwiseCorrelation(both, from, to);
        const auto overlapDays = static_cast<int>(businessDaysBetween(bStarts, to).size());
        QCOMPARE(pc.observations(0, 1), overlapDays - 1);
        QCOMPARE(pc.minObservations, static_cast<std::size_t>(overlapDays - 1));
        QCOMPARE(pc.observations(0, 0), static_cast<int>(businessDaysBetween(from, to).size()) - 1);
        // The overlap estimate is the plain correlation of the returns on the common days.
        const auto ra = businessDayLogReturns(a, bStarts, to);
        const auto rb = businessDayLogReturns(b, bStarts, to);
        CH_COMPARE_NEAR(pc.matrix(0, 1), sampleCorrelation(ra, rb), 1e-14);
    }

    void zeroVarianceGivesZeroCorrelationNotNaN()
    {
        const Date from = isoDate("2026-01-01");
        const Date to = isoDate("2026-10-30");
        const PriceSeries flat = test::dailySeries("TOK.FLAT", from, to, [](Date) { return 2.5; });
        const PriceSeries moving = gbmSeries("GBM", from, to, 0.3, 41);
        const std::vector<const PriceSeries*> both{&flat, &moving};
        const PairwiseCorrelation pc = pairwiseCorrelation(both, from, to);
        QCOMPARE(pc.matrix(0, 1), 0.0);
        QCOMPARE(pc.matrix(1, 0), 0.0);
        QCOMPARE(pc.matrix(0, 0), 1.0);
        QCOMPARE(pc.matrix(1, 1), 1.0);
        QCOMPARE(annualisedVol(businessDayLogReturns(flat, from, to)), 0.0);
        // No overlap at all: still a valid matrix.
        const PriceSeries later =
            gbmSeries("LATER", isoDate("2027-01-01"), isoDate("2027-03-01"), 0.3, 42);
        const std::vector<const PriceSeries*> disjoint{&moving, &later};
        const PairwiseCorrelation none = pairwiseCorrelation(disjoint, from, to);
        QCOMPARE(none.matrix(0, 1), 0.0);
        QCOMPARE(none.observations(0, 1), 0);
        QVERIFY(none.matrix.allFinite());
    }

    void sampleCorrelationByHand()
    {
        CH_COMPARE_NEAR(sampleCorrelation({1.0, 2.0, 3.0}, {2.0, 4.0, 6.5}),
                        // cov = 2.25, var a = 1, var b = 5.0833..: 2.25/sqrt(5.08333)
                        2.25 / std::sqrt(61.0 / 12.0),
                        1e-15);
        QCOMPARE(sampleCorrelation({1.0, 2.0}, {2.0, 1.0}), -1.0);
        try {
            sampleCorrelation({1.0}, {1.0, 2.0});
            QFAIL("expected ch::Error");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("sampleCorrelation: samples differ in length (1 and 2)"));
        }
    }

    void alignedReturnsUseCommonBusinessDays()
    {
        // A is complete; B misses Tue 2026-10-27; the weekend values are skipped.
        PriceSeries a{"A",
                      {{isoDate("2026-10-23"), 10.0},
                       {isoDate("2026-10-24"), 99.0},
                       {isoDate("2026-10-26"), 11.0},
                       {isoDate("2026-10-27"), 12.0},
                       {isoDate("2026-10-28"), 13.0}}};
        PriceSeries b{"B",
                      {{isoDate("2026-10-23"), 20.0},
                       {isoDate("2026-10-26"), 21.0},
                       {isoDate("2026-10-28"), 24.0}}};
        const AlignedReturns ar =
            alignedLogReturns({&a, &b}, isoDate("2026-10-01"), isoDate("2026-10-31"));
        QCOMPARE(ar.indexIds, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(ar.dates, (std::vector<Date>{isoDate("2026-10-26"), isoDate("2026-10-28")}));
        QCOMPARE(ar.logReturns.rows(), Eigen::Index{2});
        QCOMPARE(ar.logReturns.cols(), Eigen::Index{2});
        CH_COMPARE_NEAR(ar.logReturns(0, 0), std::log(11.0 / 10.0), 1e-15);
        CH_COMPARE_NEAR(ar.logReturns(0, 1), std::log(21.0 / 20.0), 1e-15);
        CH_COMPARE_NEAR(ar.logReturns(1, 0), std::log(13.0 / 11.0), 1e-15);
        CH_COMPARE_NEAR(ar.logReturns(1, 1), std::log(24.0 / 21.0), 1e-15);

        const AlignedReturns empty =
            alignedLogReturns({&a, &b}, isoDate("2026-11-01"), isoDate("2026-11-30"));
        QCOMPARE(empty.logReturns.rows(), Eigen::Index{0});
        QVERIFY(empty.dates.empty());
    }
};

CH_REGISTER_TEST(TestStatistics);
#include "tst_statistics.moc"
