#include "compare.h"
#include "domain/error.h"
#include "risk/estimation.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace ch;
using namespace ch::risk;
using namespace std::chrono;

namespace {

struct Series
{
    std::vector<Date> dates;
    std::vector<double> prices;
};

//! Daily history from the engine's GPU model: the log price deviates from a trending log level
//! μ(t) = ln 3 + g·t as an exact OU step (b = e^{−κΔ}, sd σ√((1 − b²)/(2κ))) plus compound
//! Poisson jumps with N(μJ, σJ²) sizes.
Series mrJumpHistory(const FactorParams& p, double trendPerYear, int days, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    const double dt = 1.0 / 365.0;
    std::poisson_distribution<int> jumps(p.jumpsPerYear * dt);
    const double b = std::exp(-p.kappaPerYear * dt);
    const double sd = p.sigmaAnnual * std::sqrt((1.0 - b * b) / (2.0 * p.kappaPerYear));
    Series s;
    const Date start = 2000y / January / 1d;
    double dev = 0.0;
    for (int i = 0; i < days; ++i) {
        const double t = i * dt;
        s.dates.push_back(dateFromDaysSinceEpoch(daysSinceEpoch(start) + i));
        s.prices.push_back(std::exp(std::log(3.0) + trendPerYear * t + dev));
        const int n = jumps(rng);
        double jump = 0.0;
        for (int k = 0; k < n; ++k)
            jump += p.jumpMeanLog + p.jumpSdLog * normal(rng);
        dev = b * dev + sd * normal(rng) + jump;
    }
    return s;
}

//! A token tier's list price: constant between releases, cut by e^{J} at Poisson release dates.
Series tokenHistory(const FactorParams& p, int days, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::poisson_distribution<int> releases(p.jumpsPerYear / 365.0);
    Series s;
    const Date start = 2000y / January / 1d;
    double logPrice = std::log(30.0);
    for (int i = 0; i < days; ++i) {
        s.dates.push_back(dateFromDaysSinceEpoch(daysSinceEpoch(start) + i));
        s.prices.push_back(std::exp(logPrice));
        if (releases(rng) > 0)
            logPrice += p.jumpMeanLog + p.jumpSdLog * normal(rng);
    }
    return s;
}

template <class F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("no exception");
}

} // namespace

class TestEstimation : public QObject
{
    Q_OBJECT
private slots:
    void recoversMeanRevertingJumpParameters()
    {
        const FactorParams truth{8.0, 0.5, 6.0, 0.25, 0.05};
        const double years = 40.0;
        const Series s = mrJumpHistory(truth, -0.10, static_cast<int>(years * 365), 7);
        const MrJumpFit fit = estimateMeanRevertingJump(s.dates, s.prices);
        QVERIFY(fit.converged);
        QVERIFY(fit.meanReverting);
        QCOMPARE(fit.observations, s.dates.size());
        CH_COMPARE_NEAR(fit.stepYears, 1.0 / 365.0, 1e-12);
        // Tolerances are 3 asymptotic standard errors over T = 40 years, n = 14'600 days:
        // kappa √(2κ/T) = 0.63; sigma σ/√(2n) = 0.003; intensity √(λ/T) = 0.39; jump mean
        // √(σJ² + sd_ε²)/√N = 0.0036 with N ≈ 240 jumps; jump sd ≈ σJ/√(2N) = 0.0023 (doubled
        // for the noise correction).
        CH_COMPARE_NEAR(fit.params.kappaPerYear, truth.kappaPerYear, 3 * 0.63);
        CH_COMPARE_NEAR(fit.params.sigmaAnnual, truth.sigmaAnnual, 3 * 0.003);
        CH_COMPARE_NEAR(fit.params.jumpsPerYear, truth.jumpsPerYear, 3 * 0.39);
        CH_COMPARE_NEAR(fit.params.jumpMeanLog, truth.jumpMeanLog, 3 * 0.0036);
        CH_COMPARE_NEAR(fit.params.jumpSdLog, truth.jumpSdLog, 3 * 0.0046);
        // The trend of the long-run level: an OLS slope under OU noise, whose long-run variance
        // is σ²/κ², has SE √12·σ/(κ·T^{3/2}) = 0.0009.
        CH_COMPARE_NEAR(fit.trendPerYear, -0.10, 3 * 0.0009);
    }

    void noJumpsFoundInPureDiffusion()
    {
        const FactorParams truth{4.0, 0.3, 0.0, 0.0, 0.0};
        const Series s = mrJumpHistory(truth, 0.0, 20 * 365, 11);
        MrJumpFitOptions opt;
        opt.thresholdSigmas = 5.0; // a 5-sd residual has probability 6e-7 per day
        const MrJumpFit fit = estimateMeanRevertingJump(s.dates, s.prices, opt);
        QCOMPARE(fit.jumps, std::size_t{0});
        QCOMPARE(fit.params.jumpsPerYear, 0.0);
        CH_COMPARE_NEAR(fit.params.sigmaAnnual, 0.3, 3 * 0.3 / std::sqrt(2.0 * 7300));
    }

    void recoversTokenCutParameters()
    {
        const FactorParams truth{0.0, 0.0, 2.0, -0.4, 0.15};
        const double years = 30.0;
        const Series s = tokenHistory(truth, static_cast<int>(years * 365), 3);
        const TokenCutFit fit = estimateTokenCuts(s.dates, s.prices);
        QCOMPARE(fit.rises, std::size_t{0});
        QVERIFY(fit.cuts > 30);
        // 3 SE with N ≈ 60 cuts: intensity √(λ/T) = 0.26, mean σ/√N = 0.019, sd σ/√(2N) = 0.014.
        CH_COMPARE_NEAR(fit.params.jumpsPerYear, truth.jumpsPerYear, 3 * 0.26);
        CH_COMPARE_NEAR(fit.params.jumpMeanLog, truth.jumpMeanLog, 3 * 0.019);
        CH_COMPARE_NEAR(fit.params.jumpSdLog, truth.jumpSdLog, 3 * 0.014);
        QCOMPARE(fit.params.sigmaAnnual, 0.0);
        QCOMPARE(fit.params.kappaPerYear, 0.0);
    }

    void tokenCutsHandCounted()
    {
        // 30 → 15 (cut ln 0.5) → 15 → 18 (rise) → 6 (cut ln(1/3)) over exactly one year.
        const std::vector<Date> d{2025y / January / 1d,
                                  2025y / April / 1d,
                                  2025y / June / 1d,
                                  2025y / September / 1d,
                                  2026y / January / 1d};
        const std::vector<double> p{30.0, 15.0, 15.0, 18.0, 6.0};
        const TokenCutFit fit = estimateTokenCuts(d, p);
        QCOMPARE(fit.cuts, std::size_t{2});
        QCOMPARE(fit.rises, std::size_t{1});
        CH_COMPARE_NEAR(fit.years, 1.0, 1e-15);
        CH_COMPARE_NEAR(fit.params.jumpsPerYear, 2.0, 1e-12);
        const double a = std::log(0.5);
        const double b = std::log(1.0 / 3.0);
        CH_COMPARE_NEAR(fit.params.jumpMeanLog, 0.5 * (a + b), 1e-15);
        CH_COMPARE_NEAR(fit.params.jumpSdLog, std::fabs(a - b) / std::sqrt(2.0), 1e-15);
    }

    void priceSeriesOverloadUsesTheWindow()
    {
        const Series s = tokenHistory({0.0, 0.0, 2.0, -0.4, 0.15}, 4 * 365, 5);
        PriceSeries ps;
        ps.indexId = "TOK.FRONTIER.BLEND";
        for (std::size_t i = 0; i < s.dates.size(); ++i)
            ps.points.push_back({s.dates[i], s.prices[i]});
        const Date from = s.dates[365];
        const Date to = s.dates[2 * 365];
        const TokenCutFit a = estimateTokenCuts(ps, from, to);
        const TokenCutFit b =
            estimateTokenCuts(std::vector<Date>(s.dates.begin() + 365, s.dates.begin() + 731),
                              std::vector<double>(s.prices.begin() + 365, s.prices.begin() + 731));
        QCOMPARE(a.observations, std::size_t{366});
        QCOMPARE(a.params, b.params);
    }

    void badHistoryIsRejected()
    {
        const std::vector<Date> few(10, 2026y / January / 1d);
        QCOMPARE(errorOf([&] { estimateMeanRevertingJump(few, std::vector<double>(10, 1.0)); }),
                 QStringLiteral("estimation: 10 observations; at least 30 are needed"));
        QCOMPARE(errorOf([&] {
                     estimateTokenCuts({2026y / January / 2d, 2026y / January / 2d}, {1.0, 1.0});
                 }),
                 QStringLiteral("estimation: dates must increase strictly (2026-01-02 then "
                                "2026-01-02)"));
        QCOMPARE(errorOf([&] {
                     estimateTokenCuts({2026y / January / 2d, 2026y / January / 5d}, {1.0, 0.0});
                 }),
                 QStringLiteral("estimation: price 0.000000 on 2026-01-05 must be > 0"));
        QCOMPARE(errorOf([&] {
                     estimateTokenCuts({2026y / January / 2d}, {1.0, 2.0});
                 }),
                 QStringLiteral("estimation: 1 dates but 2 prices"));
    }

    void overridesReplaceOnlyTheirFields()
    {
        const FactorParams est{5.0, 0.4, 3.0, 0.1, 0.05};
        FactorParamOverrides o;
        QVERIFY(o.empty());
        QCOMPARE(withOverrides(est, o, FactorModel::MeanRevertingJump), est);
        o.sigmaAnnual = 0.6;
        o.jumpsPerYear = 0.0;
        QVERIFY(!o.empty());
        const FactorParams merged = withOverrides(est, o, FactorModel::MeanRevertingJump);
        QCOMPARE(merged, (FactorParams{5.0, 0.6, 0.0, 0.1, 0.05}));
        o.sigmaAnnual = -0.1;
        QCOMPARE(errorOf([&] { withOverrides(est, o, FactorModel::MeanRevertingJump); }),
                 QStringLiteral("override: sigmaAnnual = -0.100000 must be finite and >= 0"));
        FactorParamOverrides k;
        k.kappaPerYear = 2.0;
        QCOMPARE(errorOf([&] { withOverrides({}, k, FactorModel::TokenCuts); }),
                 QStringLiteral("override: a token_cuts factor has no mean reversion "
                                "(kappaPerYear = 2.000000)"));
    }
};

CH_REGISTER_TEST(TestEstimation);
#include "tst_estimation.moc"
