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

constexpr double kVolume = 1'000.0;
constexpr double kForward = 2.5;

//! One factor, no jumps, one deterministic cell in the last month: the horizon cost is V·P_T
//! with ln P_T ~ N(ln F − s²/2, s²), so every statistic has a closed form.
RiskInputs oneFactorBook(FactorModel model, double kappa, double sigma, int horizon)
{
    RiskInputs in;
    in.firstMonth = 2027y / January;
    in.horizonMonths = horizon;
    in.factors.push_back(
        flatFactor("GPU.H100.NC", "H100", model, horizon, kForward, {kappa, sigma, 0.0, 0.0, 0.0}));
    in.correlation = Eigen::MatrixXd::Identity(1, 1);
    in.cells.push_back(cell(0, horizon - 1, kVolume));
    return in;
}

//! Variance of ln P after `months` monthly steps: σ²(1 − e^{−2κT})/(2κ), or σ²T for κ = 0.
double logVariance(double kappa, double sigma, int months)
{
    const double t = months / 12.0;
    return kappa > 0.0 ? sigma * sigma * -std::expm1(-2.0 * kappa * t) / (2.0 * kappa)
                       : sigma * sigma * t;
}

double lognormalQuantile(double s, double p)
{
    return kVolume * kForward * std::exp(-0.5 * s * s + s * normalQuantile(p));
}

//! E[X | X >= q_p] for X = V·F·exp(−s²/2 + sZ): V·F·Φ(s − z_p) / (1 − p).
double lognormalShortfall(double s, double p)
{
    return kVolume * kForward * normalCdf(s - normalQuantile(p)) / (1.0 - p);
}

void expectWithin3Se(const Estimate& e, double expected, const char* what)
{
    QVERIFY2(e.standardError > 0.0, what);
    const double z = (e.value - expected) / e.standardError;
    QVERIFY2(std::fabs(z) <= 3.0,
             qPrintable(QStringLiteral("%1: %2 vs closed form %3, %4 SE")
                            .arg(what)
                            .arg(e.value, 0, 'g', 10)
                            .arg(expected, 0, 'g', 10)
                            .arg(z, 0, 'f', 2)));
}

} // namespace

class TestClosedForm : public QObject
{
    Q_OBJECT
private slots:
    void lognormalStatistics_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<double>("kappa");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<int>("horizon");
        QTest::newRow("OU kappa 2, sigma 0.5, 12 months")
            << int(FactorModel::MeanRevertingJump) << 2.0 << 0.5 << 12;
        QTest::newRow("OU kappa 6, sigma 0.9, 6 months")
            << int(FactorModel::MeanRevertingJump) << 6.0 << 0.9 << 6;
        QTest::newRow("random walk (token diffusion), sigma 0.3, 24 months")
            << int(FactorModel::TokenCuts) << 0.0 << 0.3 << 24;
    }
    void lognormalStatistics()
    {
        QFETCH(int, model);
        QFETCH(double, kappa);
        QFETCH(double, sigma);
        QFETCH(int, horizon);
        const RiskInputs in = oneFactorBook(static_cast<FactorModel>(model), kappa, sigma, horizon);
        McConfig cfg;
        cfg.paths = 200'000;
        cfg.threads = 2;
        const CostAtRisk r = runCostAtRisk(in, cfg);
        QVERIFY(!r.cancelled);
        QVERIFY(r.report.has_value());
        const DistributionSummary& d = r.report->horizon.unhedged;
        const double s = std::sqrt(logVariance(kappa, sigma, horizon));
        const double mean = kVolume * kForward;
        expectWithin3Se(d.expected, mean, "mean");
        expectWithin3Se(d.p50, lognormalQuantile(s, 0.50), "P50");
        expectWithin3Se(d.p95, lognormalQuantile(s, 0.95), "P95");
        expectWithin3Se(d.p99, lognormalQuantile(s, 0.99), "P99");
        expectWithin3Se(d.car95, lognormalQuantile(s, 0.95) - mean, "CaR95");
        expectWithin3Se(d.car99, lognormalQuantile(s, 0.99) - mean, "CaR99");
        expectWithin3Se(d.es95, lognormalShortfall(s, 0.95), "ES95");
        expectWithin3Se(d.es99, lognormalShortfall(s, 0.99), "ES99");
        // Only the last month has volume: it carries the whole horizon (the same paths, binned
        // on a coarser grid, so equal far inside the standard error).
        const DistributionSummary& last = r.report->months.back().unhedged;
        CH_COMPARE_NEAR(last.expected.value, d.expected.value, 1e-9 * mean);
        CH_COMPARE_NEAR(last.p95.value, d.p95.value, 0.1 * d.p95.standardError);
        CH_COMPARE_NEAR(last.es99.value, d.es99.value, 0.1 * d.es99.standardError);
        QCOMPARE(r.report->months.front().unhedged.p99.value, 0.0);
        QCOMPARE(r.report->months.front().unhedged.maxUsd, 0.0);
    }

    void standardErrorHalvesWithFourTimesThePaths()
    {
        const RiskInputs in = oneFactorBook(FactorModel::MeanRevertingJump, 2.0, 0.5, 12);
        McConfig cfg;
        cfg.threads = 2;
        cfg.paths = 100'000;
        const DistributionSummary small = runCostAtRisk(in, cfg).report->horizon.unhedged;
        cfg.paths = 400'000;
        const DistributionSummary large = runCostAtRisk(in, cfg).report->horizon.unhedged;
        // The mean's SE is sd/√n: the ratio is 1/2 up to the noise of the sd estimate (< 1%).
        CH_COMPARE_NEAR(large.expected.standardError / small.expected.standardError, 0.5, 0.01);
        // Quantile SEs carry the noise of the density estimate (a few % at these path counts).
        CH_COMPARE_NEAR(large.p95.standardError / small.p95.standardError, 0.5, 0.05);
        CH_COMPARE_NEAR(large.p99.standardError / small.p99.standardError, 0.5, 0.05);
        CH_COMPARE_NEAR(large.es95.standardError / small.es95.standardError, 0.5, 0.05);
    }

    void jumpsKeepTheForwardAsTheMean_data()
    {
        QTest::addColumn<double>("jumpMean");
        QTest::addColumn<double>("jumpSd");
        QTest::newRow("GPU spikes up") << 0.25 << 0.10;
        QTest::newRow("token cuts") << -0.5 << 0.2;
    }
    void jumpsKeepTheForwardAsTheMean()
    {
        // The drift correction ln E[e^Y] includes the compound Poisson term, so E[price] stays on
        // the forward whatever the jumps do (docs/risk.md §3.1).
        QFETCH(double, jumpMean);
        QFETCH(double, jumpSd);
        RiskInputs in = oneFactorBook(FactorModel::MeanRevertingJump, 3.0, 0.4, 12);
        in.factors[0].params.jumpsPerYear = 4.0;
        in.factors[0].params.jumpMeanLog = jumpMean;
        in.factors[0].params.jumpSdLog = jumpSd;
        for (int m = 0; m < 11; ++m)
            in.cells.push_back(cell(0, m, kVolume));
        McConfig cfg;
        cfg.paths = 200'000;
        cfg.threads = 2;
        const CostAtRiskReport rep = *runCostAtRisk(in, cfg).report;
        for (const PeriodRisk& m : rep.months)
            expectWithin3Se(m.unhedged.expected, kVolume * kForward, "monthly mean");
        expectWithin3Se(rep.horizon.unhedged.expected, 12 * kVolume * kForward, "horizon mean");
    }
};

CH_REGISTER_TEST(TestClosedForm);
#include "tst_closed_form.moc"
