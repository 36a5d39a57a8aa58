#include "compare.h"
#include "domain/error.h"
#include "pricing/calendar.h"
#include "pricing/curve_models.h"
#include "series_builders.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace ch;
using namespace ch::pricing;
using ch::test::isoDate;
using ch::test::isoMonth;

namespace {

const Date kValuation = isoDate("2026-10-30");

IndexDefinition gpuIndex(const std::string& id, const std::string& resource)
{
    IndexDefinition def;
    def.id = id;
    def.kind = IndexKind::GpuRental;
    def.unit = Unit::GpuHour;
    def.resource = resource;
    return def;
}

IndexDefinition tokenIndex(const std::string& id)
{
    IndexDefinition def;
    def.id = id;
    def.kind = IndexKind::TokenPrice;
    def.unit = Unit::MTok;
    def.resource = "FRONTIER";
    return def;
}

//! The closed-form monthly average of f(t) over the business days of m, built independently of
//! the library's fixingYearsOf (calendar days counted here by hand).
template <class F>
double monthlyAverage(Month m, F f)
{
    double sum = 0.0;
    int n = 0;
    for (int day = 1; day <= daysInMonth(m); ++day) {
        const Date d{m.year(), m.month(), std::chrono::day{static_cast<unsigned>(day)}};
        if (!isUsBusinessDay(d))
            continue;
        const double t =
            static_cast<double>(daysSinceEpoch(d) - daysSinceEpoch(kValuation)) / 365.0;
        sum += f(t);
        ++n;
    }
    return sum / n;
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

class TestCurves : public QObject
{
    Q_OBJECT
private slots:
    void defaultDeclines()
    {
        // 36-month discounts of market.md §2.1: the level after three years is (1 − d) of today.
        CH_COMPARE_NEAR(std::exp(-3.0 * defaultDeclinePerYear(gpuIndex("B", "B200"))), 0.92, 1e-14);
        CH_COMPARE_NEAR(std::exp(-3.0 * defaultDeclinePerYear(gpuIndex("H", "H100"))), 0.87, 1e-14);
        CH_COMPARE_NEAR(std::exp(-3.0 * defaultDeclinePerYear(gpuIndex("A", "A100"))), 0.85, 1e-14);
        CH_COMPARE_NEAR(
            std::exp(-3.0 * defaultDeclinePerYear(gpuIndex("H2", "H200"))), 0.90, 1e-14);
        QCOMPARE(defaultDeclinePerYear(tokenIndex("T")), 0.0);
        expectError([] { declineFor36MonthDiscount(1.0); },
                    "declineFor36MonthDiscount: discount must be in [0, 1), got 1.000000");
    }

    void constantSeriesGivesFlatCurveAtSpot()
    {
        const PriceSeries s = test::dailySeries(
            "GPU.X", isoDate("2024-01-01"), kValuation, [](Date) { return 2.81; });
        const CurveModel model = fitMeanReverting(s, kValuation, 730, 0.0);
        CH_COMPARE_NEAR(model.longRunUsd, 2.81, 1e-12);
        QCOMPARE(model.volAnnual, 0.0);
        for (const Month& m : deliveryMonths(kValuation, 36))
            CH_COMPARE_NEAR(
                averageExpectedPrice(model, 2.81, fixingYearsOf(m, kValuation)), 2.81, 1e-12);
    }

    void seriesAtLongRunLevelDeclinesAtTheStructuralRate()
    {
        // S(t) = L exp(−δ t): the series has always sat on its declining long-run level, so the
        // fitted model must reproduce L, carry no deviation and no variance, and the forward is
        // L × the monthly average of exp(−δ t) exactly.
        const double level = 2.5;
        const double delta = defaultDeclinePerYear(gpuIndex("GPU.H100.NC", "H100"));
        const PriceSeries s =
            test::dailySeries("GPU.H100.NC", isoDate("2024-09-01"), kValuation, [&](Date d) {
                return level * std::exp(-delta * yearFractionAct365(kValuation, d));
            });
        const ForwardCurve curve =
            buildForwardCurve(gpuIndex("GPU.H100.NC", "H100"), s, kValuation);
        QCOMPARE(curve.model.kind, CurveModel::Kind::MeanReverting);
        CH_COMPARE_NEAR(curve.model.longRunUsd, level, 1e-12);
        CH_COMPARE_NEAR(curve.model.volAnnual, 0.0, 1e-9);
        CH_COMPARE_NEAR(curve.model.declinePerYear, delta, 0.0);
        CH_COMPARE_NEAR(curve.spotUsd, level, 1e-12);
        QCOMPARE(curve.points.size(), std::size_t{36});
        for (const ForwardPoint& p : curve.points) {
            const double expected =
                level * monthlyAverage(p.delivery, [&](double t) { return std::exp(-delta * t); });
            CH_COMPARE_NEAR(p.usd, expected, 1e-11);
        }
        // About −13% at 36 months, by construction of the H100 default.
        CH_COMPARE_NEAR(curve.points.back().usd / curve.spotUsd, 0.87, 0.005);
    }

    void deterministicAr1PathRecoversKappaAndLevel()
    {
        // z_k = ln L + (z_0 − ln L) b^k on consecutive business days with b = exp(−κ/252): the
        // AR(1) regression is exact, so κ, L and σ = 0 come back to rounding.
        const double kappa = 3.0;
        const double level = 2.0;
        const double delta = 0.05;
        const double b = std::exp(-kappa / 252.0);
        const auto days = businessDaysBetween(isoDate("2025-06-01"), kValuation);
        PriceSeries s{"GPU.AR1", {}};
        double deviation = std::log(1.6); // starts 60% above the level, decays towards it
        for (const Date& d : days) {
            const double t = yearFractionAct365(kValuation, d);
            s.points.push_back({d, std::exp(std::log(level) - delta * t + deviation)});
            deviation *= b;
        }
        const CurveModel model = fitMeanReverting(s, kValuation, 730, delta);
        CH_COMPARE_NEAR(model.kappaPerYear, kappa, 1e-6);
        CH_COMPARE_NEAR(model.longRunUsd, level, 1e-9);
        CH_COMPARE_NEAR(model.volAnnual, 0.0, 1e-6);

        // Forward closed form with σ = 0: exp(ln L − δ t + y0 e^{−κ t}), y0 = ln S0 − ln L.
        const double spot = s.points.back().usd;
        const double y0 = std::log(spot / level);
        for (const Month& m : deliveryMonths(kValuation, 12)) {
            const double expected = monthlyAverage(m, [&](double t) {
                return std::exp(std::log(level) - delta * t + y0 * std::exp(-kappa * t));
            });
            CH_COMPARE_NEAR(
                averageExpectedPrice(model, spot, fixingYearsOf(m, kValuation)), expected, 1e-8);
        }
    }

    void noisyOuPathRecoversLevelAndVol()
    {
        // Exact OU simulation on business days (Glasserman 2003, §3.3) around a declining level:
        // κ = 4 (2-month half-life), L = 2.5, σ = 0.3, δ = 0.046, two years. The level estimate
        // has a standard error of about σ/(κ√T) in log terms, the vol one of σ/√(2n).
        const double kappa = 4.0;
        const double level = 2.5;
        const double sigma = 0.3;
        const double delta = 0.046;
        const double b = std::exp(-kappa / 252.0);
        const double shockSd = sigma * std::sqrt((1.0 - b * b) / (2.0 * kappa));
        std::mt19937_64 rng(2026);
        std::normal_distribution<double> normal(0.0, 1.0);
        const auto days = businessDaysBetween(isoDate("2024-10-31"), kValuation);
        PriceSeries s{"GPU.OU", {}};
        double y = 0.0;
        for (const Date& d : days) {
            y = b * y + shockSd * normal(rng);
            const double t = yearFractionAct365(kValuation, d);
            s.points.push_back({d, std::exp(std::log(level) - delta * t + y)});
        }
        const CurveModel model = fitMeanReverting(s, kValuation, 730, delta);
        const double years = 2.0;
        CH_COMPARE_NEAR(
            std::log(model.longRunUsd), std::log(level), 3.0 * sigma / (kappa * std::sqrt(years)));
        const double n = static_cast<double>(days.size());
        CH_COMPARE_NEAR(model.volAnnual, sigma, 3.0 * sigma / std::sqrt(2.0 * n));
        QVERIFY(model.kappaPerYear >= std::numbers::ln2 / kMaxHalfLifeYears);
        QVERIFY(model.kappaPerYear <= std::numbers::ln2 / kMinHalfLifeYears);
    }

    void kappaIsClamped()
    {
        // A steady log-linear rise is a unit root (slope exactly 1): slowest reversion allowed,
        // and the long-run level, which the intercept would extrapolate far above the data, is
        // held at the top of the window's range.
        const auto days = businessDaysBetween(isoDate("2025-01-01"), kValuation);
        PriceSeries rising{"GPU.UP", {}};
        for (std::size_t k = 0; k < days.size(); ++k)
            rising.points.push_back({days[k], std::exp(0.001 * static_cast<double>(k))});
        const CurveModel slow = fitMeanReverting(rising, kValuation, 730, 0.0);
        CH_COMPARE_NEAR(slow.kappaPerYear, std::numbers::ln2 / kMaxHalfLifeYears, 1e-12);
        CH_COMPARE_NEAR(slow.longRunUsd, rising.points.back().usd, 1e-12);

        // A saw-tooth has a negative lag-1 slope: fastest reversion allowed (1-month half-life).
        PriceSeries saw{"GPU.SAW", {}};
        for (std::size_t k = 0; k < days.size(); ++k)
            saw.points.push_back({days[k], k % 2 == 0 ? 2.0 : 2.2});
        const CurveModel fast = fitMeanReverting(saw, kValuation, 730, 0.0);
        CH_COMPARE_NEAR(fast.kappaPerYear, std::numbers::ln2 / kMinHalfLifeYears, 1e-12);
        QVERIFY(fast.longRunUsd >= 2.0 && fast.longRunUsd <= 2.2);
        QVERIFY(fast.volAnnual > 0.0);
    }

    void expectedPriceClosedForm()
    {
        CurveModel model;
        model.kind = CurveModel::Kind::MeanReverting;
        model.kappaPerYear = 2.0;
        model.longRunUsd = 2.0;
        model.declinePerYear = 0.05;
        model.volAnnual = 0.3;
        // ln E[S(0.5)] = ln 2 − 0.025 + ln(2.5/2) e^{−1} + 0.09 (1 − e^{−2}) / 8.
        const double expected = std::exp(std::log(2.0) - 0.025 + std::log(1.25) * std::exp(-1.0)
                                         + 0.09 * (1.0 - std::exp(-2.0)) / 8.0);
        CH_COMPARE_NEAR(expectedPrice(model, 2.5, 0.5), expected, 1e-14);
        CH_COMPARE_NEAR(expectedPrice(model, 2.5, 0.0), 2.5, 1e-14);
        // Far out: the stationary log-normal mean on the declining level.
        CH_COMPARE_NEAR(
            expectedPrice(model, 2.5, 40.0), 2.0 * std::exp(-0.05 * 40.0 + 0.09 / 8.0), 1e-12);
        expectError([&] { expectedPrice(model, -1.0, 0.5); },
                    "expectedPrice: spot must be positive, got -1.000000");
    }

    void tokenStepsGiveCompoundPoissonForward()
    {
        // Four cuts of −40% (and one rise, which is not a cut) in exactly four years of history
        // (2023-01-01 to 2026-12-31 is 1,460 days): λ = 1 per year, μ_J = ln 0.6.
        const Date valuation = isoDate("2026-12-31");
        const PriceSeries s =
            test::dailySeries("TOK.FRONTIER.BLEND", isoDate("2023-01-01"), valuation, [](Date d) {
                double p = 20.0;
                for (const char* cut : {"2023-06-01", "2024-05-13", "2025-08-07", "2026-03-02"})
                    if (d >= isoDate(cut))
                        p *= 0.6;
                if (d >= isoDate("2025-01-10"))
                    p *= 1.5;
                return p;
            });
        const ForwardCurve curve =
            buildForwardCurve(tokenIndex("TOK.FRONTIER.BLEND"), s, valuation, 24);
        QCOMPARE(curve.model.kind, CurveModel::Kind::StepTrend);
        CH_COMPARE_NEAR(curve.model.jumpsPerYear, 1.0, 1e-14);
        CH_COMPARE_NEAR(curve.model.meanJumpLog, std::log(0.6), 1e-14);
        const double spot = 20.0 * std::pow(0.6, 4) * 1.5;
        CH_COMPARE_NEAR(curve.spotUsd, spot, 1e-12);
        QCOMPARE(curve.points.size(), std::size_t{24});
        QCOMPARE(curve.points.front().delivery, isoMonth("2027-01"));
        for (const ForwardPoint& p : curve.points) {
            // S0 exp(λ t (e^{μ} − 1)) = S0 exp(−0.4 t), averaged over the business days.
            double sum = 0.0;
            int n = 0;
            for (const Date& d : businessDaysOf(p.delivery)) {
                const double t =
                    static_cast<double>(daysSinceEpoch(d) - daysSinceEpoch(valuation)) / 365.0;
                sum += spot * std::exp(-0.4 * t);
                ++n;
            }
            CH_COMPARE_NEAR(p.usd, sum / n, 1e-12);
        }
    }

    void tokenWithoutCutsIsFlat()
    {
        const PriceSeries s = test::dailySeries(
            "TOK.MID.BLEND", isoDate("2025-01-01"), kValuation, [](Date) { return 6.0; });
        const ForwardCurve curve = buildForwardCurve(tokenIndex("TOK.MID.BLEND"), s, kValuation);
        QCOMPARE(curve.model.jumpsPerYear, 0.0);
        for (const ForwardPoint& p : curve.points)
            QCOMPARE(p.usd, 6.0);
    }

    void forwardLooksUpAndThrowsOutside()
    {
        const PriceSeries s = test::dailySeries(
            "GPU.H100.NC", isoDate("2025-01-01"), kValuation, [](Date) { return 2.81; });
        const ForwardCurve curve =
            buildForwardCurve(gpuIndex("GPU.H100.NC", "H100"), s, kValuation);
        QCOMPARE(curve.forward(isoMonth("2026-11")), curve.points.front().usd);
        QCOMPARE(curve.forward(isoMonth("2029-10")), curve.points.back().usd);
        QCOMPARE(curve.forward(isoMonth("2027-06")), curve.points[7].usd);
        expectError([&] { (void)curve.forward(isoMonth("2026-10")); },
                    "forward curve GPU.H100.NC has no point for 2026-10 (the curve covers 2026-11 "
                    "to 2029-10)");
        expectError([&] { (void)curve.forward(isoMonth("2029-11")); },
                    "forward curve GPU.H100.NC has no point for 2029-11 (the curve covers 2026-11 "
                    "to 2029-10)");
        ForwardCurve empty;
        empty.indexId = "GPU.NONE";
        expectError([&] { (void)empty.forward(isoMonth("2027-01")); },
                    "forward curve GPU.NONE has no point for 2027-01 (the curve is empty)");
    }

    void noPriceBeforeValuationThrows()
    {
        const PriceSeries s = test::dailySeries(
            "GPU.B200.NC", isoDate("2027-01-01"), isoDate("2027-02-01"), [](Date) { return 5.0; });
        expectError([&] { buildForwardCurve(gpuIndex("GPU.B200.NC", "B200"), s, kValuation); },
                    "index GPU.B200.NC has no price on or before 2026-10-30");
        expectError([&] { fitStepTrend(s, kValuation); },
                    "index GPU.B200.NC has no price on or before 2026-10-30");
    }
};

CH_REGISTER_TEST(TestCurves);
#include "tst_curves.moc"
