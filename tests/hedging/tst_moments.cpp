#include "compare.h"
#include "hedging/moments.h"
#include "hedging_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <utility>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;

namespace {

//! Variance of ln P after `months` monthly OU steps: σ²(1 − e^{−2κT})/(2κ) (docs/risk.md §3).
double logVariance(double kappa, double sigma, int months)
{
    const double t = months / 12.0;
    return sigma * sigma * -std::expm1(-2.0 * kappa * t) / (2.0 * kappa);
}

HedgeCandidate future(std::size_t factor, int month, double forward)
{
    HedgeCandidate c;
    c.symbol = "CHG.H100";
    c.type = HedgeInstrumentType::Future;
    c.factor = factor;
    c.monthOffset = month;
    c.unitsPerContract = 730.0;
    c.forwardUsd = forward;
    return c;
}

HedgeCandidate call(std::size_t factor, int month, double forward, double strike)
{
    HedgeCandidate c = future(factor, month, forward);
    c.type = HedgeInstrumentType::Call;
    c.callStrikeUsd = strike;
    c.callPremiumUsd = 0.1;
    return c;
}

//! E[g(P) 1{Z > lower}] for P = F exp(−s²/2 + sZ) by Simpson's rule over z in [lower, 12]; with
//! `lower` at the strike the integrand is smooth, so the rule is accurate to rounding.
template <class G>
double lognormalExpectation(double f, double s, double lower, G g)
{
    const int n = 40'000;
    const double b = 12.0;
    const double h = (b - lower) / n;
    const auto integrand = [&](double z) {
        return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi)
               * g(f * std::exp(-0.5 * s * s + s * z));
    };
    double sum = integrand(lower) + integrand(b);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 == 1 ? 4.0 : 2.0) * integrand(lower + i * h);
    return sum * h / 3.0;
}

//! Sample covariance of x and y and its standard error sd((x − x̄)(y − ȳ)) / √n.
std::pair<double, double> sampleCovariance(const std::vector<double>& x,
                                           const std::vector<double>& y)
{
    const auto n = static_cast<double>(x.size());
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double s = 0.0, ss = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double p = (x[i] - mx) * (y[i] - my);
        s += p;
        ss += p * p;
    }
    const double mean = s / n;
    return {mean, std::sqrt((ss / n - mean * mean) / n)};
}

} // namespace

class TestMoments : public QObject
{
    Q_OBJECT
private slots:
    void futuresMatchTheLognormalClosedForm()
    {
        // One month (offset 5, six OU steps) of 73,000 GPU-h: C = V·P, a future pays u·(P − F),
        // Cov(C, P) = V·u·F²(e^{s²} − 1), Var P = u²F²(e^{s²} − 1), Var C = V²F²(e^{s²} − 1).
        risk::RiskInputs in = oneFactorBook(12, 0.0);
        in.cells = {cell(0, 5, 73'000.0)};
        const HedgeMoments m = analyticMoments(in, Scenario::Base, {future(0, 5, 2.5)});
        const double g = std::expm1(logVariance(2.0, 0.5, 6));
        CH_COMPARE_NEAR(m.varCost / (73'000.0 * 73'000.0 * 6.25 * g), 1.0, 1e-12);
        CH_COMPARE_NEAR(m.covCostPayoff(0) / (73'000.0 * 730.0 * 6.25 * g), 1.0, 1e-12);
        CH_COMPARE_NEAR(m.covPayoff(0, 0) / (730.0 * 730.0 * 6.25 * g), 1.0, 1e-12);
        CH_COMPARE_NEAR(m.expectedCostUsd, 73'000.0 * 2.5, 1e-6);
        CH_COMPARE_NEAR(m.expectedPayoff(0), 0.0, 1e-9);
        // 100 contracts hedge 73,000 GPU-h exactly: nothing is left.
        Eigen::VectorXd n(1);
        n << 100.0;
        CH_COMPARE_NEAR(m.hedgedVariance(n) / m.varCost, 0.0, 1e-12);
    }

    void callMatchesQuadrature()
    {
        risk::RiskInputs in = oneFactorBook(12, 0.0);
        in.cells = {cell(0, 8, 10'000.0)};
        const double k = 2.8;
        const HedgeMoments m =
            analyticMoments(in, Scenario::Base, {call(0, 8, 2.5, k), future(0, 8, 2.5)});
        const double s = std::sqrt(logVariance(2.0, 0.5, 9));
        const double zk = (std::log(k / 2.5) + 0.5 * s * s) / s; // P > K above it
        const auto pay = [k](double p) { return p - k; };
        const double ec = lognormalExpectation(2.5, s, zk, pay);
        const double ecc =
            lognormalExpectation(2.5, s, zk, [&](double p) { return pay(p) * pay(p); });
        const double epc = lognormalExpectation(2.5, s, zk, [&](double p) { return p * pay(p); });
        CH_COMPARE_NEAR(m.expectedPayoff(0), 730.0 * (ec - 0.1), 1e-8);
        CH_COMPARE_NEAR(m.covPayoff(0, 0), 730.0 * 730.0 * (ecc - ec * ec), 1e-6);
        CH_COMPARE_NEAR(m.covCostPayoff(0), 10'000.0 * 730.0 * (epc - 2.5 * ec), 1e-4);
        CH_COMPARE_NEAR(m.covPayoff(0, 1), 730.0 * 730.0 * (epc - 2.5 * ec), 1e-6);
        QCOMPARE(m.candidates[0].premiumPerContractUsd(), 0.1 * 730.0);
    }

    void collarAndCrossFactorOptionsMatchSampling()
    {
        // Two correlated factors, a collar on one and a call on the other in different months:
        // covariances against a million draws of the same bivariate log-normal (4 SE).
        risk::RiskInputs in = oneFactorBook(12, 0.0);
        in.factors.push_back(flatFactor("GPU.H200.NC", "H200", 12, 3.5, {1.0, 0.6, 0.0, 0.0, 0.0}));
        in.correlation = Eigen::MatrixXd::Identity(2, 2);
        in.correlation(0, 1) = in.correlation(1, 0) = 0.8;
        in.cells = {cell(1, 4, 5'000.0)};
        HedgeCandidate collar = call(0, 4, 2.5, 2.7);
        collar.type = HedgeInstrumentType::Collar;
        collar.putStrikeUsd = 2.3;
        collar.putPremiumUsd = 0.05;
        const HedgeCandidate other = call(1, 6, 3.5, 3.6);
        const HedgeMoments m = analyticMoments(in, Scenario::Base, {collar, other});
        QCOMPARE(m.candidates[0].premiumPerContractUsd(), (0.1 - 0.05) * 730.0);

        // Log covariances of the nodes (factor 0 month 4, factor 1 month 4, factor 1 month 6),
        // from the OU steps: Σ_k d0^{5−k} d1^{5−k} ρ s0 s1 etc.
        const double step = 1.0 / 12.0;
        const auto sd = [&](double kappa, double sigma) {
            return sigma * std::sqrt(-std::expm1(-2.0 * kappa * step) / (2.0 * kappa));
        };
        const double s0 = sd(2.0, 0.5);
        const double s1 = sd(1.0, 0.6);
        const double d0 = std::exp(-2.0 * step);
        const double d1 = std::exp(-1.0 * step);
        double v0 = 0.0, v1 = 0.0, v2 = 0.0, c01 = 0.0, c02 = 0.0, c12 = 0.0;
        for (int k = 1; k <= 5; ++k) {
            v0 += std::pow(d0, 2 * (5 - k)) * s0 * s0;
            v1 += std::pow(d1, 2 * (5 - k)) * s1 * s1;
            c01 += std::pow(d0 * d1, 5 - k) * 0.8 * s0 * s1;
            c02 += std::pow(d0, 5 - k) * std::pow(d1, 7 - k) * 0.8 * s0 * s1;
            c12 += std::pow(d1, 5 - k) * std::pow(d1, 7 - k) * s1 * s1;
        }
        for (int k = 1; k <= 7; ++k)
            v2 += std::pow(d1, 2 * (7 - k)) * s1 * s1;
        Eigen::Matrix3d cov;
        cov << v0, c01, c02, c01, v1, c12, c02, c12, v2;
        const Eigen::Matrix3d chol = cov.llt().matrixL();
        std::mt19937_64 rng(42);
        std::normal_distribution<double> z(0.0, 1.0);
        const std::size_t n = 1'000'000;
        std::vector<double> pc(n), po(n), cost(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Eigen::Vector3d x = chol * Eigen::Vector3d(z(rng), z(rng), z(rng));
            const double p0 = 2.5 * std::exp(x(0) - 0.5 * v0);
            const double p1 = 3.5 * std::exp(x(1) - 0.5 * v1);
            const double p2 = 3.5 * std::exp(x(2) - 0.5 * v2);
            pc[i] = 730.0 * (std::max(p0 - 2.7, 0.0) - std::max(2.3 - p0, 0.0));
            po[i] = 730.0 * std::max(p2 - 3.6, 0.0);
            cost[i] = 5'000.0 * p1;
        }
        const double vC = 5'000.0 * 5'000.0 * 12.25 * std::expm1(v1);
        CH_COMPARE_NEAR(m.varCost, vC, 1e-9 * vC);
        const auto check = [](double analytic, const std::pair<double, double>& sampled) {
            CH_COMPARE_NEAR(analytic, sampled.first, 4.0 * sampled.second);
        };
        check(m.covPayoff(0, 0), sampleCovariance(pc, pc));
        check(m.covPayoff(1, 1), sampleCovariance(po, po));
        check(m.covPayoff(0, 1), sampleCovariance(pc, po));
        check(m.covCostPayoff(0), sampleCovariance(cost, pc));
        check(m.covCostPayoff(1), sampleCovariance(cost, po));
        QVERIFY(m.covPayoff(0, 1) > 0.0);
    }

    void callsOnTwoFactorsMatchQuadrature()
    {
        // Calls on two correlated factors in different months: E[(A − Ka)⁺(B − Kb)⁺] needs the
        // joint tail (the bivariate normal CDF). Reference: ∫ over x = ln A above ln Ka of
        // (e^x − Ka) × Black(E[(B − Kb)⁺ | X_A = x]) by Simpson's rule, independent of the
        // bivariate normal code.
        risk::RiskInputs in = oneFactorBook(12, 0.0);
        in.factors.push_back(flatFactor("GPU.H200.NC", "H200", 12, 3.5, {1.0, 0.6, 0.0, 0.0, 0.0}));
        in.correlation = Eigen::MatrixXd::Identity(2, 2);
        in.correlation(0, 1) = in.correlation(1, 0) = 0.8;
        in.cells = {cell(1, 4, 5'000.0)};
        const double ka = 2.75;
        const double kb = 4.2;
        const HedgeMoments m =
            analyticMoments(in, Scenario::Base, {call(0, 4, 2.5, ka), call(1, 6, 3.5, kb)});
        // Node log covariances: factor 0 after 5 steps, factor 1 after 7, 5 steps shared.
        const double step = 1.0 / 12.0;
        const double s0 = 0.5 * std::sqrt(-std::expm1(-4.0 * step) / 4.0);
        const double s1 = 0.6 * std::sqrt(-std::expm1(-2.0 * step) / 2.0);
        const double d0 = std::exp(-2.0 * step);
        const double d1 = std::exp(-1.0 * step);
        double va = 0.0, vb = 0.0, c = 0.0;
        for (int k = 1; k <= 5; ++k) {
            va += std::pow(d0, 2 * (5 - k)) * s0 * s0;
            c += std::pow(d0, 5 - k) * std::pow(d1, 7 - k) * 0.8 * s0 * s1;
        }
        for (int k = 1; k <= 7; ++k)
            vb += std::pow(d1, 2 * (7 - k)) * s1 * s1;
        const double ma = std::log(2.5) - 0.5 * va;
        const double mb = std::log(3.5) - 0.5 * vb;
        const double condSd = std::sqrt(vb - c * c / va);
        const auto black = [&](double mean, double sd, double k) {
            const double d1x = (mean + sd * sd - std::log(k)) / sd;
            return std::exp(mean + 0.5 * sd * sd) * 0.5 * std::erfc(-d1x / std::sqrt(2.0))
                   - k * 0.5 * std::erfc(-(d1x - sd) / std::sqrt(2.0));
        };
        const int n = 20'000;
        const double lo = std::log(ka);
        const double hi = ma + 12.0 * std::sqrt(va);
        const double h = (hi - lo) / n;
        const auto f = [&](double x) {
            const double density =
                std::exp(-0.5 * (x - ma) * (x - ma) / va) / std::sqrt(2.0 * std::numbers::pi * va);
            return density * (std::exp(x) - ka) * black(mb + c / va * (x - ma), condSd, kb);
        };
        double joint = f(lo) + f(hi);
        for (int i = 1; i < n; ++i)
            joint += (i % 2 == 1 ? 4.0 : 2.0) * f(lo + i * h);
        joint *= h / 3.0;
        const double ea = black(ma, std::sqrt(va), ka);
        const double eb = black(mb, std::sqrt(vb), kb);
        CH_COMPARE_NEAR(m.covPayoff(0, 1), 730.0 * 730.0 * (joint - ea * eb), 1e-8);
        CH_COMPARE_NEAR(m.expectedPayoff(1), 730.0 * (eb - 0.1), 1e-10);
    }

    void jumpsEnterTheSecondMoments()
    {
        // A factor with jumps: E[P_a P_b] / (F_a F_b) from a direct simulation of the discrete
        // model Y_t = Σ d^{t−k}(s ε_k + J_k) against exp(K_ab) (4 SE), for months 2 and 5.
        risk::RiskInputs in = oneFactorBook(6, 0.0);
        in.factors[0].params = {3.0, 0.4, 6.0, 0.15, 0.1};
        in.cells = {cell(0, 2, 1.0), cell(0, 5, 1.0)};
        const HedgeMoments m =
            analyticMoments(in, Scenario::Base, {future(0, 2, 2.5), future(0, 5, 2.5)});
        const double step = 1.0 / 12.0;
        const double d = std::exp(-3.0 * step);
        const double s = 0.4 * std::sqrt(-std::expm1(-2.0 * 3.0 * step) / 6.0);
        // ln E[e^{Y_t}] = Σ_k ½c²s² + λΔ(e^{cμ + ½c²σJ²} − 1), c = d^{t−k}.
        const auto logMgf = [&](int t) {
            double sum = 0.0;
            double c = 1.0;
            for (int k = 0; k < t; ++k) {
                sum += 0.5 * c * c * s * s
                       + 6.0 * step * (std::exp(c * 0.15 + 0.5 * c * c * 0.01) - 1.0);
                c *= d;
            }
            return sum;
        };
        const double ma = std::exp(logMgf(3));
        const double mb = std::exp(logMgf(6));
        std::mt19937_64 rng(7);
        std::normal_distribution<double> z(0.0, 1.0);
        std::poisson_distribution<int> jumps(6.0 * step);
        const std::size_t n = 400'000;
        std::vector<double> a(n), ab(n), aa(n);
        for (std::size_t i = 0; i < n; ++i) {
            double y = 0.0;
            double ya = 0.0;
            for (int t = 1; t <= 6; ++t) {
                double shock = s * z(rng);
                for (int j = jumps(rng); j > 0; --j)
                    shock += 0.15 + 0.1 * z(rng);
                y = d * y + shock;
                if (t == 3)
                    ya = y;
            }
            a[i] = std::exp(ya);
            ab[i] = a[i] * std::exp(y);
            aa[i] = a[i] * a[i];
        }
        const auto meanAndSe = [](const std::vector<double>& v) {
            double sum = 0.0, sq = 0.0;
            for (double x : v) {
                sum += x;
                sq += x * x;
            }
            const auto k = static_cast<double>(v.size());
            const double mean = sum / k;
            return std::make_pair(mean, std::sqrt((sq / k - mean * mean) / k));
        };
        // E[e^{Ya}] = ma; E[e^{Ya+Yb}] = exp(K_ab)·ma·mb; E[e^{2Ya}] = exp(K_aa)·ma².
        const double scale = 730.0 * 730.0 * 6.25;
        const auto [ea, seA] = meanAndSe(a);
        CH_COMPARE_NEAR(ea, ma, 4.0 * seA);
        const auto [eab, seAb] = meanAndSe(ab);
        CH_COMPARE_NEAR((1.0 + m.covPayoff(0, 1) / scale) * ma * mb, eab, 4.0 * seAb);
        const auto [eaa, seAa] = meanAndSe(aa);
        CH_COMPARE_NEAR((1.0 + m.covPayoff(0, 0) / scale) * ma * ma, eaa, 4.0 * seAa);
        // The cost (one unit in each month) has the variance of the sum of the two prices.
        CH_COMPARE_NEAR(m.varCost,
                        (m.covPayoff(0, 0) + 2 * m.covPayoff(0, 1) + m.covPayoff(1, 1))
                            / (730.0 * 730.0),
                        1e-9 * m.varCost);
    }

    void perLineFigures()
    {
        risk::RiskInputs in = oneFactorBook(3, 7'300.0);
        std::vector<HedgeCandidate> candidates;
        for (int l = 0; l < 3; ++l) {
            candidates.push_back(future(0, l, 2.5));
            candidates.back().line = static_cast<std::size_t>(l);
        }
        const HedgeMoments m = analyticMoments(in, Scenario::Base, candidates, {0, 1, 2}, 3);
        for (std::size_t l = 0; l < 3; ++l) {
            const auto i = static_cast<Eigen::Index>(l);
            CH_COMPARE_NEAR(m.lineVarCost(i),
                            7'300.0 * 7'300.0 / (730.0 * 730.0) * m.covPayoff(i, i),
                            1e-9 * m.lineVarCost(i));
            CH_COMPARE_NEAR(m.lineHedgedVariance(l, l, 10.0) / m.lineVarCost(i), 0.0, 1e-12);
        }
    }

    void scenarioVolumes()
    {
        risk::RiskInputs in = oneFactorBook(1, 0.0);
        in.cells = {cell(0, 0, 0.0)};
        in.cells[0].lowVolume = 500.0;
        in.cells[0].baseVolume = 1'000.0;
        in.cells[0].highVolume = 2'000.0;
        const double low = analyticMoments(in, Scenario::Low, {}).varCost;
        const double base = analyticMoments(in, Scenario::Base, {}).varCost;
        const double high = analyticMoments(in, Scenario::High, {}).varCost;
        CH_COMPARE_NEAR(base / low, 4.0, 1e-12);
        CH_COMPARE_NEAR(high / low, 16.0, 1e-12);
    }

    void badCandidatesAreRejected()
    {
        const risk::RiskInputs in = oneFactorBook(3, 100.0);
        QVERIFY_THROWS_EXCEPTION(Error, analyticMoments(in, Scenario::Base, {future(0, 3, 2.5)}));
        QVERIFY_THROWS_EXCEPTION(Error, analyticMoments(in, Scenario::Base, {future(1, 0, 2.5)}));
        HedgeCandidate bad = call(0, 0, 2.5, 2.7);
        bad.type = HedgeInstrumentType::Collar;
        bad.putStrikeUsd = 2.8;
        QVERIFY_THROWS_EXCEPTION(Error, analyticMoments(in, Scenario::Base, {bad}));
    }
};

CH_REGISTER_TEST(TestMoments);
#include "tst_moments.moc"
