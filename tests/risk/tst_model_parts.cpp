#include "compare.h"
#include "domain/error.h"
#include "risk/cost_at_risk.h"
#include "risk/distributions.h"
#include "risk/mc_model.h"
#include "risk/mc_simd.h"
#include "risk/rng.h"
#include "risk_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

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

//! One token factor without any randomness (price = forward) and PERT volumes, so the cost
//! distribution is the volume distribution times the forward.
RiskInputs volumeOnlyBook(double volumeCorrelation, int cells)
{
    RiskInputs in;
    in.firstMonth = 2027y / January;
    in.horizonMonths = 1;
    in.factors.push_back(flatFactor("TOK.MID.BLEND", "MID", FactorModel::TokenCuts, 1, 2.0, {}));
    in.correlation = Eigen::MatrixXd::Identity(1, 1);
    for (int c = 0; c < cells; ++c)
        in.cells.push_back(pertCell(0, 0, 800.0, 1'000.0, 1'500.0));
    in.demand.volumeCorrelation = volumeCorrelation;
    return in;
}

} // namespace

class TestModelParts : public QObject
{
    Q_OBJECT
private slots:
    void normalQuantileKnownValues_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("z");
        // Reference values to 16 digits (Wichura 1988, Table 1; any statistics table).
        QTest::newRow("median") << 0.5 << 0.0;
        QTest::newRow("95%") << 0.95 << 1.6448536269514722;
        QTest::newRow("97.5%") << 0.975 << 1.959963984540054;
        QTest::newRow("99%") << 0.99 << 2.3263478740408408;
        QTest::newRow("1e-10") << 1e-10 << -6.361340902404056;
    }
    void normalQuantileKnownValues()
    {
        QFETCH(double, p);
        QFETCH(double, z);
        CH_COMPARE_NEAR(normalQuantile(p), z, 1e-14 * std::max(1.0, std::fabs(z)));
        CH_COMPARE_NEAR(normalCdf(normalQuantile(p)), p, 1e-15 * std::max(p, 1e-3));
    }

    void incompleteBetaClosedForms()
    {
        // I_x(1, 1) = x; I_x(2, 3) = 6x² − 8x³ + 3x⁴ (integrate 12 t (1 − t)²).
        for (double x : {0.0, 0.1, 0.37, 0.5, 0.9, 1.0}) {
            CH_COMPARE_NEAR(regularizedIncompleteBeta(1.0, 1.0, x), x, 1e-15);
            const double poly = 6 * x * x - 8 * x * x * x + 3 * x * x * x * x;
            CH_COMPARE_NEAR(regularizedIncompleteBeta(2.0, 3.0, x), poly, 1e-14);
        }
    }

    void pertShapeAndQuantiles()
    {
        const BetaPert p(800.0, 1'000.0, 1'500.0);
        // α = 1 + 4·200/700, β = 1 + 4·500/700; mean (800 + 4000 + 1500)/6.
        CH_COMPARE_NEAR(p.alpha(), 1.0 + 800.0 / 700.0, 1e-15);
        CH_COMPARE_NEAR(p.beta(), 1.0 + 2'000.0 / 700.0, 1e-15);
        CH_COMPARE_NEAR(p.mean(), 6'300.0 / 6.0, 1e-12);
        for (double u : {1e-6, 0.05, 0.5, 0.95, 0.999})
            CH_COMPARE_NEAR(p.cdf(p.quantile(u)), u, 1e-12);
        QCOMPARE(p.quantile(0.0), 800.0);
        QCOMPARE(p.quantile(1.0), 1'500.0);
        QCOMPARE(errorOf([] { BetaPert(5.0, 4.0, 6.0); }),
                 QStringLiteral("BetaPert: low 5.000000, mode 4.000000, high 6.000000 must satisfy "
                                "low <= mode <= high and low < high"));
        QCOMPARE(errorOf([] { normalQuantile(1.0); }),
                 QStringLiteral("normalQuantile: p = 1.000000 is outside (0, 1)"));
    }

    void zigguratNormalsAreStandardNormal()
    {
        const detail::Ziggurat& z = detail::zigguratTables();
        // Marsaglia & Tsang (2000) give r = 3.6541528853610088 for 256 layers; ours is solved.
        CH_COMPARE_NEAR(z.r, 3.6541528853610088, 1e-12);
        QCOMPARE(z.x[1], z.r);
        QCOMPARE(z.x[256], 0.0);
        // One million draws through the kernel's generator (fast and slow paths).
        constexpr std::size_t lanes = 256;
        constexpr std::size_t rows = 4'000;
        std::vector<std::uint64_t> state(4 * lanes);
        for (std::size_t l = 0; l < lanes; ++l) {
            const XoshiroState x = seedPath(99, l);
            for (std::size_t w = 0; w < 4; ++w)
                state[w * lanes + l] = x.s[w];
        }
        const detail::Streams st{
            state.data(), state.data() + lanes, state.data() + 2 * lanes, state.data() + 3 * lanes};
        std::vector<double> out(rows * lanes);
        std::vector<std::uint64_t> raw(2 * lanes);
        for (std::size_t r = 0; r < rows; r += 10)
            detail::fillNormals(st, out.data() + r * lanes, raw.data(), 10, lanes, lanes);
        const double n = static_cast<double>(out.size());
        double sum = 0.0;
        double sq = 0.0;
        double beyondR = 0.0;
        double below = 0.0;
        for (double v : out) {
            sum += v;
            sq += v * v;
            beyondR += std::fabs(v) > z.r ? 1.0 : 0.0;
            below += v < -1.959963984540054 ? 1.0 : 0.0;
        }
        // 4 standard errors: mean 1/√n, variance √(2/n), frequencies √(p(1−p)/n).
        CH_COMPARE_NEAR(sum / n, 0.0, 4.0 / std::sqrt(n));
        CH_COMPARE_NEAR(sq / n, 1.0, 4.0 * std::sqrt(2.0 / n));
        const double pTail = 2.0 * normalCdf(-z.r); // the tail the slow path samples
        CH_COMPARE_NEAR(beyondR / n, pTail, 4.0 * std::sqrt(pTail / n));
        CH_COMPARE_NEAR(below / n, 0.025, 4.0 * std::sqrt(0.025 * 0.975 / n));
    }

    void volumeTablesMatchThePertQuantile()
    {
        // The kernel reads volumes from G(z) = Q(Φ(z)) tabulated on 1025 points of [−7, 7] and
        // interpolated linearly; between grid points the error stays below 1e-4 of the range.
        const detail::CompiledModel m = detail::compileModel(volumeOnlyBook(0.5, 1));
        QCOMPARE(m.tables.size(), std::size_t{1});
        const BetaPert p(0.0, 200.0 / 700.0, 1.0);
        const std::vector<double>& t = m.tables[0].values;
        const double dz = 14.0 / 1024.0;
        for (double z : {-3.0, -1.2345, 0.0, 0.777, 1.6448536269514722, 2.9}) {
            const double x = (z + 7.0) / dz;
            const auto i = static_cast<std::size_t>(x);
            const double g = t[i] + (x - static_cast<double>(i)) * (t[i + 1] - t[i]);
            CH_COMPARE_NEAR(g, p.quantile(normalCdf(z)), 1e-4);
        }
    }

    void pertVolumesGiveThePertDistribution()
    {
        // Prices are deterministic, so cost = 2 USD × volume. With ρd = 1 two cells move as one,
        // so the total's quantiles are twice one cell's PERT quantiles.
        McConfig cfg;
        cfg.paths = 200'000;
        cfg.threads = 2;
        const BetaPert pert(800.0, 1'000.0, 1'500.0);
        const CostAtRiskReport one = *runCostAtRisk(volumeOnlyBook(0.3, 1), cfg).report;
        const DistributionSummary& d = one.horizon.unhedged;
        QVERIFY(std::fabs(d.expected.value - 2.0 * pert.mean()) < 3 * d.expected.standardError);
        QVERIFY(std::fabs(d.p95.value - 2.0 * pert.quantile(0.95)) < 3 * d.p95.standardError);
        const CostAtRiskReport two = *runCostAtRisk(volumeOnlyBook(1.0, 2), cfg).report;
        const DistributionSummary& t = two.horizon.unhedged;
        QVERIFY(std::fabs(t.p95.value - 4.0 * pert.quantile(0.95)) < 3 * t.p95.standardError);
        QVERIFY(std::fabs(t.p50.value - 4.0 * pert.quantile(0.50)) < 3 * t.p50.standardError);
        // Independent cells (ρd = 0) diversify: a narrower total than comonotone ones.
        const CostAtRiskReport indep = *runCostAtRisk(volumeOnlyBook(0.0, 2), cfg).report;
        QVERIFY(indep.horizon.unhedged.car95.value < 0.8 * t.car95.value);
    }

    void priceVolumeCorrelationWidensTheTail()
    {
        RiskInputs in;
        in.firstMonth = 2027y / January;
        in.horizonMonths = 12;
        in.factors.push_back(flatFactor("GPU.H100.NC",
                                        "H100",
                                        FactorModel::MeanRevertingJump,
                                        12,
                                        2.8,
                                        {2.0, 0.5, 0.0, 0.0, 0.0}));
        in.correlation = Eigen::MatrixXd::Identity(1, 1);
        for (int m = 0; m < 12; ++m)
            in.cells.push_back(pertCell(0, m, 50'000.0, 70'000.0, 100'000.0));
        in.demand.volumeCorrelation = 0.8;
        McConfig cfg;
        cfg.paths = 50'000;
        cfg.threads = 2;
        in.demand.priceVolumeCorrelation = 0.8;
        const double together = runCostAtRisk(in, cfg).report->horizon.unhedged.car95.value;
        in.demand.priceVolumeCorrelation = -0.8;
        const double opposed = runCostAtRisk(in, cfg).report->horizon.unhedged.car95.value;
        QVERIFY(together > 1.2 * opposed);
    }

    void nonPdCorrelationIsRepaired()
    {
        RiskInputs in = mixedBook();
        in.correlation(0, 1) = in.correlation(1, 0) = 0.9;
        in.correlation(0, 2) = in.correlation(2, 0) = 0.9;
        in.correlation(1, 2) = in.correlation(2, 1) = -0.9;
        McConfig cfg;
        cfg.paths = 2'000;
        const CostAtRiskReport rep = *runCostAtRisk(in, cfg).report;
        // The token factor has no diffusion, so only the H100-B200 block enters the Cholesky;
        // that 2 × 2 block is PD.
        QVERIFY(!rep.correlationRepaired);
        bool repaired = false;
        double distance = 0.0;
        const Eigen::MatrixXd l = detail::choleskyWithRepair(in.correlation, repaired, distance);
        QVERIFY(repaired);
        QVERIFY(distance > 0.0);
        const Eigen::MatrixXd c = l * l.transpose();
        for (Eigen::Index i = 0; i < 3; ++i)
            CH_COMPARE_NEAR(c(i, i), 1.0, 1e-12);
    }

    void invalidInputsAreRejected()
    {
        RiskInputs in = mixedBook();
        in.cells[5].highVolume = 1.0;
        QCOMPARE(errorOf([&] { validateRiskInputs(in); }),
                 QStringLiteral("cell 5: volumes low 8000.000000, base 10000.000000, high "
                                "1.000000 must satisfy 0 <= low <= base <= high"));
        in = mixedBook();
        in.factors[1].forwardUsd[3] = 0.0;
        QCOMPARE(errorOf([&] { validateRiskInputs(in); }),
                 QStringLiteral("factor 1 (GPU.B200.NC): forward for month 3 is 0.000000; "
                                "forwards must be > 0"));
        in = mixedBook();
        in.correlation(0, 2) = 0.5;
        QCOMPARE(errorOf([&] { validateRiskInputs(in); }),
                 QStringLiteral("correlation (2,0) = 0.000000 must be in [-1, 1] and symmetric"));
        in = mixedBook();
        in.instruments[0].monthOffset = 12;
        QCOMPARE(errorOf([&] { validateRiskInputs(in); }),
                 QStringLiteral("instrument 0 (): month offset 12 is outside the 12-month "
                                "horizon"));
        in = mixedBook();
        in.factors[2].params.kappaPerYear = 1.0;
        QCOMPARE(errorOf([&] { validateRiskInputs(in); }),
                 QStringLiteral("factor 2 (TOK.FRONTIER.BLEND): a token_cuts factor has no mean "
                                "reversion (kappaPerYear = 1.000000)"));
    }
};

CH_REGISTER_TEST(TestModelParts);
#include "tst_model_parts.moc"
