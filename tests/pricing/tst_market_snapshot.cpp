#include "compare.h"
#include "domain/error.h"
#include "pricing/calendar.h"
#include "pricing/market_snapshot.h"
#include "pricing/nearest_correlation.h"
#include "pricing/statistics.h"
#include "series_builders.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace ch;
using namespace ch::pricing;
using ch::test::isoDate;
using ch::test::isoMonth;

namespace {

const Date kValuation = isoDate("2026-10-31"); // a Saturday: spot is Friday's price

IndexDefinition index(const std::string& id, IndexKind kind, const std::string& resource)
{
    IndexDefinition def;
    def.id = id;
    def.kind = kind;
    def.unit = kind == IndexKind::GpuRental ? Unit::GpuHour : Unit::MTok;
    def.resource = resource;
    return def;
}

PriceSeries randomWalk(const std::string& id, Date from, Date to, double start, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 0.02);
    double logPrice = std::log(start);
    return test::dailySeries(id, from, to, [&](Date) {
        logPrice += normal(rng);
        return std::exp(logPrice);
    });
}

MarketDataSet smallDataset()
{
    MarketDataSet data;
    data.indices = {index("GPU.H100.NC", IndexKind::GpuRental, "H100"),
                    index("GPU.B200.NC", IndexKind::GpuRental, "B200"),
                    index("TOK.FRONTIER.BLEND", IndexKind::TokenPrice, "FRONTIER")};
    data.series.push_back(
        randomWalk("GPU.H100.NC", isoDate("2023-01-02"), isoDate("2026-10-30"), 2.8, 1));
    data.series.push_back(
        randomWalk("GPU.B200.NC", isoDate("2025-02-04"), isoDate("2026-10-30"), 5.0, 2));
    data.series.push_back(test::dailySeries(
        "TOK.FRONTIER.BLEND", isoDate("2023-03-01"), isoDate("2026-10-30"), [](Date d) {
            return d < isoDate("2025-08-07") ? 12.0 : 4.0;
        }));
    return data;
}

template <class F>
void expectError(F&& f, const std::string& message)
{
    try {
        f();
        QFAIL("expected ch::Error");
    } catch (const Error& e) {
        QCOMPARE(std::string(e.what()), message);
    }
}

} // namespace

class TestMarketSnapshot : public QObject
{
    Q_OBJECT
private slots:
    void everyIndexGetsCurveVolAndCorrelation()
    {
        const MarketDataSet data = smallDataset();
        const MarketSnapshot snap = buildMarketSnapshot(data, kValuation);
        QCOMPARE(snap.valuationDate, kValuation);
        QCOMPARE(snap.curves.size(), data.indices.size());
        QCOMPARE(snap.vols.size(), data.indices.size());
        QCOMPARE(snap.correlation.indexIds,
                 (std::vector<std::string>{"GPU.H100.NC", "GPU.B200.NC", "TOK.FRONTIER.BLEND"}));
        const Date from = isoDate("2024-10-31"); // 730 days before the valuation date
        for (std::size_t i = 0; i < data.indices.size(); ++i) {
            const ForwardCurve& c = snap.curves[i];
            QCOMPARE(c.indexId, data.indices[i].id);
            QCOMPARE(c.asOf, kValuation);
            QCOMPARE(c.unit, data.indices[i].unit);
            QCOMPARE(c.spotUsd, data.series[i].lastOnOrBefore(isoDate("2026-10-30"))->usd);
            QCOMPARE(c.points.size(), std::size_t{36});
            QCOMPARE(c.points.front().delivery, isoMonth("2026-11"));
            QCOMPARE(c.points.back().delivery, isoMonth("2029-10"));
            for (const ForwardPoint& p : c.points)
                QVERIFY(std::isfinite(p.usd) && p.usd > 0.0);
            QCOMPARE(snap.findCurve(c.indexId), &c);
            // Vols are the window statistics of statistics.h.
            const auto returns = businessDayLogReturns(data.series[i], from, kValuation);
            QCOMPARE(snap.vols[i].indexId, data.indices[i].id);
            QCOMPARE(snap.vols[i].observations, returns.size());
            CH_COMPARE_NEAR(snap.vols[i].annualVol, annualisedVol(returns), 1e-15);
        }
        QCOMPARE(snap.findCurve("GPU.NONE"), nullptr);
        QCOMPARE(snap.findVol("GPU.NONE"), nullptr);
        QCOMPARE(snap.findVol("GPU.B200.NC"), &snap.vols[1]);
        // The random walks step 2% every calendar day, so a business-day return spans 365/252
        // calendar days on average: about 0.02 × sqrt(365) = 0.382 a year.
        CH_COMPARE_NEAR(snap.vols[0].annualVol, 0.02 * std::sqrt(365.0), 0.03);
        QCOMPARE(snap.curves[0].model.kind, CurveModel::Kind::MeanReverting);
        QCOMPARE(snap.curves[2].model.kind, CurveModel::Kind::StepTrend);

        const CorrelationEstimate& corr = snap.correlation;
        QCOMPARE(corr.matrix.rows(), Eigen::Index{3});
        QVERIFY(corr.matrix.allFinite());
        for (Eigen::Index i = 0; i < 3; ++i)
            QCOMPARE(corr.matrix(i, i), 1.0);
        // The B200 history starts inside the window, so the smallest overlap is B200's.
        QCOMPARE(corr.observations,
                 businessDaysBetween(isoDate("2025-02-04"), kValuation).size() - 1);
        QVERIFY(minEigenvalue(corr.matrix) >= -1e-10);
        QVERIFY(!corr.repaired);
        QCOMPARE(corr.repairFrobenius, 0.0);
    }

    void tokenWithoutCutInWindowHasZeroVolAndCorrelation()
    {
        MarketDataSet data = smallDataset();
        data.series[2] = test::dailySeries(
            "TOK.FRONTIER.BLEND", isoDate("2023-03-01"), isoDate("2026-10-30"), [](Date d) {
                return d < isoDate("2024-01-10") ? 12.0 : 4.0;
            });
        const MarketSnapshot snap = buildMarketSnapshot(data, kValuation);
        QCOMPARE(snap.vols[2].annualVol, 0.0);
        QCOMPARE(snap.correlation.matrix(2, 0), 0.0);
        QCOMPARE(snap.correlation.matrix(1, 2), 0.0);
        QCOMPARE(snap.correlation.matrix(2, 2), 1.0);
        // Its curve still reflects the cut in the full history: one cut of ln(1/3) in 3.67 years.
        const CurveModel& m = snap.curves[2].model;
        CH_COMPARE_NEAR(m.meanJumpLog, std::log(4.0 / 12.0), 1e-14);
        CH_COMPARE_NEAR(
            m.jumpsPerYear, 1.0 / yearFractionAct365(isoDate("2023-03-01"), kValuation), 1e-14);
    }

    void inconsistentOverlapsAreRepaired()
    {
        // Three series seen in pairs over three disjoint segments: A = B in the first, B = C in
        // the second, C = −A in the third. Pairwise that is ρ = (1, 1, −1), which no correlation
        // matrix has, so the estimate must be repaired.
        const auto days = businessDaysBetween(isoDate("2025-01-01"), isoDate("2026-10-30"));
        const std::size_t third = days.size() / 3;
        std::mt19937_64 rng(7);
        std::normal_distribution<double> normal(0.0, 0.02);
        double la = 0.0;
        double lb = 0.0;
        double lc = 0.0;
        PriceSeries a{"A", {}};
        PriceSeries b{"B", {}};
        PriceSeries c{"C", {}};
        for (std::size_t k = 0; k < days.size(); ++k) {
            const double shock = normal(rng);
            const int segment = k < third ? 0 : (k < 2 * third ? 1 : 2);
            if (segment == 0) {
                la += shock;
                lb += shock;
                lc += normal(rng);
                a.points.push_back({days[k], std::exp(la)});
                b.points.push_back({days[k], std::exp(lb)});
            } else if (segment == 1) {
                la += normal(rng);
                lb += shock;
                lc += shock;
                b.points.push_back({days[k], std::exp(lb)});
                c.points.push_back({days[k], std::exp(lc)});
            } else {
                lb += normal(rng);
                la += shock;
                lc -= shock;
                a.points.push_back({days[k], std::exp(la)});
                c.points.push_back({days[k], std::exp(lc)});
            }
        }
        const std::vector<const PriceSeries*> all{&a, &b, &c};
        const PairwiseCorrelation raw = pairwiseCorrelation(all, days.front(), days.back());
        CH_COMPARE_NEAR(raw.matrix(0, 1), 1.0, 1e-9);
        CH_COMPARE_NEAR(raw.matrix(1, 2), 1.0, 1e-9);
        CH_COMPARE_NEAR(raw.matrix(0, 2), -1.0, 1e-9);

        const CorrelationEstimate est = estimateCorrelation(all, days.front(), days.back());
        QVERIFY(est.repaired);
        QVERIFY(minEigenvalue(est.matrix) >= -1e-10);
        for (Eigen::Index i = 0; i < 3; ++i)
            QCOMPARE(est.matrix(i, i), 1.0);
        CH_COMPARE_NEAR(est.repairFrobenius, (est.matrix - raw.matrix).norm(), 1e-15);
        QVERIFY(est.repairFrobenius > 0.5);
    }

    void failures()
    {
        MarketDataSet data = smallDataset();
        expectError([&] { buildMarketSnapshot(data, kValuation, 0); },
                    "buildMarketSnapshot: curveMonths must be at least 1, got 0");
        expectError([&] { buildMarketSnapshot(data, kValuation, 36, 0); },
                    "buildMarketSnapshot: windowDays must be at least 1, got 0");
        expectError([&] { buildMarketSnapshot(data, isoDate("2025-01-15")); },
                    "index GPU.B200.NC has no price on or before 2025-01-15");
        data.series.pop_back();
        expectError([&] { buildMarketSnapshot(data, kValuation); },
                    "buildMarketSnapshot: index TOK.FRONTIER.BLEND has no price series");
    }
};

CH_REGISTER_TEST(TestMarketSnapshot);
#include "tst_market_snapshot.moc"
