#include "compare.h"
#include "risk/cost_at_risk.h"
#include "risk/distributions.h"
#include "risk_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

//! Three GPU factors; the third has no cells (zero exposure) but is correlated with the others.
RiskInputs threeFactorBook()
{
    RiskInputs in;
    in.firstMonth = 2027y / January;
    in.horizonMonths = 12;
    in.factors.push_back(flatFactor("GPU.H100.NC",
                                    "H100",
                                    FactorModel::MeanRevertingJump,
                                    12,
                                    2.8,
                                    {3.0, 0.5, 2.0, 0.15, 0.05}));
    in.factors.push_back(flatFactor(
        "GPU.A100.NC", "A100", FactorModel::MeanRevertingJump, 12, 1.5, {3.0, 0.3, 0.0, 0.0, 0.0}));
    in.factors.push_back(flatFactor(
        "GPU.L40S.NC", "L40S", FactorModel::MeanRevertingJump, 12, 0.9, {3.0, 0.3, 0.0, 0.0, 0.0}));
    in.correlation = Eigen::MatrixXd::Identity(3, 3);
    in.correlation(0, 1) = in.correlation(1, 0) = 0.5;
    in.correlation(0, 2) = in.correlation(2, 0) = 0.6;
    in.correlation(1, 2) = in.correlation(2, 1) = 0.6;
    for (int m = 0; m < 12; ++m) {
        in.cells.push_back(cell(0, m, 100'000.0));
        in.cells.push_back(cell(1, m, 50'000.0));
    }
    return in;
}

McConfig runConfig(std::size_t paths)
{
    McConfig cfg;
    cfg.paths = paths;
    cfg.threads = 2;
    return cfg;
}

} // namespace

class TestContributions : public QObject
{
    Q_OBJECT
private slots:
    void contributionsAddUpToCar()
    {
        const CostAtRiskReport rep = *runCostAtRisk(threeFactorBook(), runConfig(100'000)).report;
        QCOMPARE(rep.contributions.size(), std::size_t{3});
        double sum95 = 0.0;
        double sum99 = 0.0;
        for (const FactorContribution& c : rep.contributions) {
            sum95 += c.car95Usd;
            sum99 += c.car99Usd;
        }
        const DistributionSummary& d = rep.horizon.unhedged;
        CH_COMPARE_NEAR(sum95, d.car95.value, 1e-9 * d.car95.value);
        CH_COMPARE_NEAR(sum99, d.car99.value, 1e-9 * d.car99.value);
        // The unscaled window estimate is itself close to the CaR (within a few SE).
        QVERIFY(std::fabs(rep.windowCar95Usd - d.car95.value) < 5.0 * d.car95.standardError);
        // H100 (more volume, higher vol, jumps) carries most of the risk; both are positive.
        QVERIFY(rep.contributions[0].car95Usd > rep.contributions[1].car95Usd);
        QVERIFY(rep.contributions[1].car95Usd > 0.0);
    }

    void zeroExposureFactorContributesExactlyZero()
    {
        const CostAtRiskReport rep = *runCostAtRisk(threeFactorBook(), runConfig(50'000)).report;
        const FactorContribution& l40s = rep.contributions[2];
        QCOMPARE(l40s.indexId, std::string("GPU.L40S.NC"));
        QCOMPARE(l40s.car95Usd, 0.0);
        QCOMPARE(l40s.car99Usd, 0.0);
        QCOMPARE(l40s.hedgedCar95Usd, 0.0);
        QCOMPARE(l40s.expectedCostUsd, 0.0);
    }

    void expectedCostPerFactorMatchesForwards()
    {
        const CostAtRiskReport rep = *runCostAtRisk(threeFactorBook(), runConfig(100'000)).report;
        const double h100 = 12 * 100'000.0 * 2.8;
        const double a100 = 12 * 50'000.0 * 1.5;
        // Factor means come out of the fixed-point bin sums; they match the forwards within MC
        // error (the horizon mean's SE bounds each factor's).
        const double se = rep.horizon.unhedged.expected.standardError;
        QVERIFY(std::fabs(rep.contributions[0].expectedCostUsd - h100) < 3.0 * se);
        QVERIFY(std::fabs(rep.contributions[1].expectedCostUsd - a100) < 3.0 * se);
        CH_COMPARE_NEAR(rep.contributions[0].expectedCostUsd + rep.contributions[1].expectedCostUsd,
                        rep.horizon.unhedged.expected.value,
                        1e-9 * rep.horizon.unhedged.expected.value);
    }

    void perfectFuturesHedgeRemovesPriceRisk()
    {
        // One factor, deterministic volume V per month and a long future on exactly V units each
        // month traded at the forward: cost − payoff = V·P − V·(P − F) = V·F on every path.
        RiskInputs in;
        in.firstMonth = 2027y / January;
        in.horizonMonths = 6;
        in.factors.push_back(flatFactor("GPU.H100.NC",
                                        "H100",
                                        FactorModel::MeanRevertingJump,
                                        6,
                                        2.8,
                                        {3.0, 0.5, 3.0, 0.2, 0.1}));
        in.correlation = Eigen::MatrixXd::Identity(1, 1);
        for (int m = 0; m < 6; ++m) {
            in.cells.push_back(cell(0, m, 73'000.0));
            in.instruments.push_back(instrument(InstrumentKind::Future, 0, m, 2.8, 100.0));
        }
        const CostAtRiskReport rep = *runCostAtRisk(in, runConfig(50'000)).report;
        QVERIFY(rep.hasHedge);
        const DistributionSummary& u = rep.horizon.unhedged;
        const DistributionSummary& h = rep.horizon.hedged;
        QVERIFY(u.car95.value > 0.05 * u.expected.value);
        CH_COMPARE_NEAR(h.expected.value, 6 * 73'000.0 * 2.8, 1e-6 * u.expected.value);
        QVERIFY(std::fabs(h.car95.value) < 1e-6 * u.car95.value);
        QVERIFY(std::fabs(h.car99.value) < 1e-6 * u.car99.value);
        CH_COMPARE_NEAR(rep.car95ReductionUsd, u.car95.value, 1e-6 * u.car95.value);
        QVERIFY(std::fabs(rep.contributions[0].hedgedCar95Usd) < 1e-6 * u.car95.value);
    }

    void callHedgeMeanMatchesBlackFormula()
    {
        // Long calls on the last month's average: E[max(P − K, 0)] for lognormal P is
        // F·Φ(d1) − K·Φ(d2), d1,2 = (ln(F/K) ± s²/2)/s (Black 1976 without discounting).
        RiskInputs in;
        in.firstMonth = 2027y / January;
        in.horizonMonths = 12;
        const double f = 2.8;
        const double kappa = 2.0;
        const double sigma = 0.5;
        in.factors.push_back(flatFactor("GPU.H100.NC",
                                        "H100",
                                        FactorModel::MeanRevertingJump,
                                        12,
                                        f,
                                        {kappa, sigma, 0.0, 0.0, 0.0}));
        in.correlation = Eigen::MatrixXd::Identity(1, 1);
        in.cells.push_back(cell(0, 11, 73'000.0));
        const double strike = 3.0;
        const double premium = 0.25;
        in.instruments.push_back(instrument(InstrumentKind::Call, 0, 11, strike, 100.0));
        in.instruments.back().premiumUsd = premium;
        const CostAtRiskReport rep = *runCostAtRisk(in, runConfig(200'000)).report;
        const double s = std::sqrt(sigma * sigma * -std::expm1(-2.0 * kappa) / (2.0 * kappa));
        const double d1 = (std::log(f / strike) + 0.5 * s * s) / s;
        const double call = f * normalCdf(d1) - strike * normalCdf(d1 - s);
        const double units = 730.0 * 100.0;
        const double expectedHedged = 73'000.0 * f - (call - premium) * units;
        const Estimate& e = rep.horizon.hedged.expected;
        QVERIFY2(std::fabs(e.value - expectedHedged) < 3.0 * e.standardError,
                 qPrintable(QStringLiteral("%1 vs %2 (SE %3)")
                                .arg(e.value)
                                .arg(expectedHedged)
                                .arg(e.standardError)));
        // A call caps the cost: the hedged P99 is at most V·K + premium cost.
        QVERIFY(rep.horizon.hedged.p99.value
                <= 73'000.0 * strike + premium * units + 1e-6 * expectedHedged);
    }
};

CH_REGISTER_TEST(TestContributions);
#include "tst_contributions.moc"
