#include "compare.h"
#include "risk/cost_at_risk.h"
#include "risk/distributions.h"
#include "risk/mc_float_math.h"
#include "risk/mc_model.h"
#include "risk/mc_simd.h"
#include "risk/rng.h"
#include "risk_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

//! Distance between a float and the exact value in units of the float's last place.
double ulps(float actual, double exact)
{
    const auto rounded = static_cast<float>(exact);
    const double ulp = std::nextafter(std::fabs(rounded), INFINITY) - std::fabs(rounded);
    return std::fabs(static_cast<double>(actual) - exact) / ulp;
}

//! One token tier with compound Poisson cuts only (no diffusion, no mean reversion) and one cell
//! of 1 unit at price 1 in the last month: the horizon cost is e^{Y_T − m_T} itself.
RiskInputs pureJumpBook(double jumpsPerYear, double jumpMean, double jumpSd, int months)
{
    RiskInputs in;
    in.firstMonth = 2027y / January;
    in.horizonMonths = months;
    in.factors.push_back(flatFactor("TOK.MID.BLEND",
                                    "MID",
                                    FactorModel::TokenCuts,
                                    months,
                                    1.0,
                                    {0.0, 0.0, jumpsPerYear, jumpMean, jumpSd}));
    in.correlation = Eigen::MatrixXd::Identity(1, 1);
    in.cells.push_back(cell(0, months - 1, 1.0));
    return in;
}

//! E[e^{k(Y_T − m_T)}] for Y_T compound Poisson with intensity Λ = λT and N(μ, σ²) sizes:
//! exp(Λ(e^{kμ + k²σ²/2} − 1) − k·m_T), m_T = Λ(e^{μ + σ²/2} − 1).
double jumpMoment(int k, double intensity, double mu, double sd)
{
    const double m = intensity * std::expm1(mu + 0.5 * sd * sd);
    return std::exp(intensity * std::expm1(k * mu + 0.5 * k * k * sd * sd) - k * m);
}

} // namespace

class TestMcKernel : public QObject
{
    Q_OBJECT
private slots:
    void floatMathIsWithinTwoUlps()
    {
        // Every float from 2^-33 to 4 in steps of 97 representations, and dense angles.
        double worstLog = 0.0;
        for (std::uint32_t bits = 0x2F000000u; bits <= 0x40800000u; bits += 97) {
            const auto x = std::bit_cast<float>(bits);
            const double exact = std::log(static_cast<double>(x));
            if (exact != 0.0)
                worstLog = std::max(worstLog, ulps(detail::logFloat(x), exact));
        }
        QCOMPARE(detail::logFloat(1.0F), 0.0F);
        QVERIFY2(worstLog <= 2.0, qPrintable(QString::number(worstLog)));
        double worstSin = 0.0;
        double worstCos = 0.0;
        for (int i = 1; i <= 200'000; ++i) {
            const auto phi = static_cast<float>(std::numbers::pi / 4.0 * i / 200'000.0);
            float s = 0.0F;
            float c = 0.0F;
            detail::sinCosOctant(phi, s, c);
            worstSin = std::max(worstSin, ulps(s, std::sin(static_cast<double>(phi))));
            worstCos = std::max(worstCos, ulps(c, std::cos(static_cast<double>(phi))));
        }
        QVERIFY2(worstSin <= 2.0, qPrintable(QString::number(worstSin)));
        QVERIFY2(worstCos <= 2.0, qPrintable(QString::number(worstCos)));
    }

    void normalQuantilesMatchWichura()
    {
        // Tail probabilities from 1e-10 to ½ on both sides, against AS 241 (relative error 1e-16);
        // the polynomials reach 3.1e-7, float rounding adds a little.
        std::vector<float> tail;
        for (int i = 0; i <= 400; ++i) {
            const auto q = static_cast<float>(std::pow(10.0, -10.0 + 10.0 * i / 400.0) * 0.5);
            tail.push_back(q);
            tail.push_back(-q);
        }
        std::vector<float> z(tail.size());
        detail::normalQuantiles(tail.data(), z.data(), tail.size());
        for (std::size_t i = 0; i < tail.size(); ++i) {
            const double q = std::fabs(static_cast<double>(tail[i]));
            const double exact = tail[i] > 0.0F ? normalQuantile(q) : -normalQuantile(q);
            CH_COMPARE_NEAR(z[i], exact, 1e-6 * std::max(1.0, std::fabs(exact)));
        }
    }

    void boxMullerPairsAreIndependentStandardNormals()
    {
        // Two million draws through the kernel's generator: rows 2k and 2k + 1 share a Box–Muller
        // pair. 4 standard errors: E z⁴ = 3 with Var z⁴ = 96; E[z·z'] = 0 with Var 1 for the
        // pair; frequencies √(p(1−p)/n).
        constexpr std::size_t lanes = 256;
        constexpr std::size_t rows = 8'000;
        std::vector<std::uint64_t> state(4 * lanes);
        for (std::size_t l = 0; l < lanes; ++l) {
            const XoshiroState x = seedPath(7, l);
            for (std::size_t w = 0; w < 4; ++w)
                state[w * lanes + l] = x.s[w];
        }
        const detail::Streams st{
            state.data(), state.data() + lanes, state.data() + 2 * lanes, state.data() + 3 * lanes};
        std::vector<double> out(rows * lanes);
        std::vector<std::uint64_t> raw(2 * lanes);
        for (std::size_t r = 0; r < rows; r += 8)
            detail::fillNormals(st, out.data() + r * lanes, raw.data(), 8, lanes, lanes);
        const double n = static_cast<double>(out.size());
        double fourth = 0.0;
        double beyond4 = 0.0;
        double positive = 0.0;
        double cross = 0.0;
        for (std::size_t r = 0; r < rows; r += 2)
            for (std::size_t l = 0; l < lanes; ++l) {
                const double a = out[r * lanes + l];
                const double b = out[(r + 1) * lanes + l];
                fourth += a * a * a * a + b * b * b * b;
                beyond4 += (std::fabs(a) > 4.0 ? 1.0 : 0.0) + (std::fabs(b) > 4.0 ? 1.0 : 0.0);
                positive += b > 0.0 ? 1.0 : 0.0;
                cross += a * b;
            }
        const double pairs = n / 2.0;
        CH_COMPARE_NEAR(fourth / n, 3.0, 4.0 * std::sqrt(96.0 / n));
        CH_COMPARE_NEAR(cross / pairs, 0.0, 4.0 / std::sqrt(pairs));
        CH_COMPARE_NEAR(positive / pairs, 0.5, 4.0 * std::sqrt(0.25 / pairs));
        const double p4 = 2.0 * normalCdf(-4.0);
        CH_COMPARE_NEAR(beyond4 / n, p4, 4.0 * std::sqrt(p4 / n));
    }

    void jumpThresholdsAreThePoissonCdfInWords()
    {
        const detail::CompiledModel m = detail::compileModel(pureJumpBook(6.0, -0.3, 0.2, 12));
        const std::vector<std::uint32_t>& t = m.factor[0].jumpThreshold;
        QCOMPARE(m.jumpFactors, std::size_t{1});
        QCOMPARE(m.factor[0].jumpSlot, 0);
        // λΔ = ½: P(N <= j) = e^{−½} Σ_{i<=j} ½^i / i!, rounded to a multiple of 2^-32.
        double pmf = std::exp(-0.5);
        double cdf = pmf;
        for (std::size_t j = 0; j < t.size(); ++j) {
            QCOMPARE(static_cast<double>(t[j]), std::round(cdf * 0x1p32));
            pmf *= 0.5 / static_cast<double>(j + 1);
            cdf += pmf;
        }
        // The table stops where P(N > K) would round to no word at all: those counts (below
        // 2^-33) count as K, the last entry.
        QVERIFY((1.0 - cdf) * 0x1p32 <= 0.5);
    }

    void jumpSizesGiveTheCompoundPoissonMoments_data()
    {
        QTest::addColumn<double>("jumpsPerYear");
        QTest::addColumn<double>("jumpMean");
        QTest::addColumn<double>("jumpSd");
        // λΔ = ½: N >= 2 in 9% of months; λΔ = 5: counts up to about 17, most months several.
        QTest::newRow("token cuts, 6 a year") << 6.0 << -0.3 << 0.2;
        QTest::newRow("small moves, 60 a year") << 60.0 << 0.02 << 0.05;
    }
    void jumpSizesGiveTheCompoundPoissonMoments()
    {
        // Jump-only factor over 12 months: the cost is R = e^{Y_T − m_T}, with E R = 1 and
        // Var R = M2 − 1 in closed form. The sample sd is compared within 4 of its standard
        // errors, √((μ4 − σ⁴)/n) / (2σ) with the central fourth moment μ4 = M4 − 4·M3 + 6·M2 − 3
        // (also in closed form).
        QFETCH(double, jumpsPerYear);
        QFETCH(double, jumpMean);
        QFETCH(double, jumpSd);
        McConfig cfg;
        cfg.paths = 200'000;
        cfg.threads = 2;
        const CostAtRiskReport rep =
            *runCostAtRisk(pureJumpBook(jumpsPerYear, jumpMean, jumpSd, 12), cfg).report;
        const DistributionSummary& d = rep.horizon.unhedged;
        const double m2 = jumpMoment(2, jumpsPerYear, jumpMean, jumpSd);
        const double m3 = jumpMoment(3, jumpsPerYear, jumpMean, jumpSd);
        const double m4 = jumpMoment(4, jumpsPerYear, jumpMean, jumpSd);
        const double variance = m2 - 1.0;
        const double central4 = m4 - 4.0 * m3 + 6.0 * m2 - 3.0;
        const double n = static_cast<double>(cfg.paths);
        const double sdError =
            std::sqrt((central4 - variance * variance) / n) / (2.0 * std::sqrt(variance));
        QVERIFY(std::fabs(d.expected.value - 1.0) < 3.0 * d.expected.standardError);
        CH_COMPARE_NEAR(d.sdUsd, std::sqrt(variance), 4.0 * sdError);
    }
};

CH_REGISTER_TEST(TestMcKernel);
#include "tst_mc_kernel.moc"
