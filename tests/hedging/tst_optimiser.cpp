#include "compare.h"
#include "hedging/optimiser.h"
#include "hedging/qp_solver.h"
#include "hedging_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <random>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;

namespace {

//! Synthetic moments: payoffs driven by `factors` common shocks plus noise, a cost loading on
//! the same shocks; premiums for half the candidates.
HedgeMoments randomMoments(std::mt19937_64& rng, int candidates, int factors)
{
    std::normal_distribution<double> z(0.0, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Eigen::MatrixXd b(candidates, factors);
    for (int i = 0; i < candidates; ++i)
        for (int k = 0; k < factors; ++k)
            b(i, k) = 500.0 * z(rng);
    Eigen::VectorXd costLoading(factors);
    for (int k = 0; k < factors; ++k)
        costLoading(k) = 50'000.0 * z(rng);
    HedgeMoments m;
    Eigen::VectorXd noise(candidates);
    for (int i = 0; i < candidates; ++i)
        noise(i) = 100.0 + 200.0 * u(rng);
    m.covPayoff = b * b.transpose();
    m.covPayoff.diagonal() += noise.cwiseProduct(noise);
    m.covCostPayoff = b * costLoading;
    m.varCost = costLoading.squaredNorm() + 1e6;
    m.expectedPayoff = Eigen::VectorXd::Zero(candidates);
    for (int i = 0; i < candidates; ++i) {
        HedgeCandidate c;
        c.line = static_cast<std::size_t>(i);
        c.type = i % 2 == 0 ? HedgeInstrumentType::Future : HedgeInstrumentType::Call;
        c.unitsPerContract = 730.0;
        c.forwardUsd = 2.5;
        c.callStrikeUsd = 2.7;
        c.callPremiumUsd = c.type == HedgeInstrumentType::Call ? 0.05 + 0.2 * u(rng) : 0.0;
        m.candidates.push_back(c);
    }
    return m;
}

double variance(const HedgeMoments& m, const std::vector<ContractCount>& n)
{
    Eigen::VectorXd v(static_cast<Eigen::Index>(n.size()));
    for (std::size_t i = 0; i < n.size(); ++i)
        v(static_cast<Eigen::Index>(i)) = static_cast<double>(n[i]);
    return m.hedgedVariance(v);
}

} // namespace

class TestOptimiser : public QObject
{
    Q_OBJECT
private slots:
    void quadraticProgramKnownSolutions()
    {
        // min ½|x|² − 2x1 − 2x2 on [0, 3]², x1 + x2 <= 2: the constraint binds at (1, 1).
        QuadraticProgram qp;
        qp.p = Eigen::Matrix2d::Identity();
        qp.q = Eigen::Vector2d(-2.0, -2.0);
        qp.lower = Eigen::Vector2d::Zero();
        qp.upper = Eigen::Vector2d(3.0, 3.0);
        qp.g = Eigen::RowVector2d(1.0, 1.0);
        qp.h = Eigen::VectorXd::Constant(1, 2.0);
        QpSolution s = solveQuadraticProgram(qp);
        QVERIFY(s.converged);
        CH_COMPARE_NEAR(s.x(0), 1.0, 1e-6);
        CH_COMPARE_NEAR(s.x(1), 1.0, 1e-6);
        // Without the constraint, box bounds bind: q = (−5, −0.5) on [0, 1]² gives (1, 0.5).
        qp.q = Eigen::Vector2d(-5.0, -0.5);
        qp.upper = Eigen::Vector2d(1.0, 1.0);
        qp.g.resize(0, 2);
        qp.h.resize(0);
        s = solveQuadraticProgram(qp);
        QVERIFY(s.converged);
        CH_COMPARE_NEAR(s.x(0), 1.0, 1e-6);
        CH_COMPARE_NEAR(s.x(1), 0.5, 1e-6);
        // A fixed variable (lower = upper) stays put.
        qp.lower(1) = qp.upper(1) = 0.25;
        s = solveQuadraticProgram(qp);
        QCOMPARE(s.x(1), 0.25);
        qp.lower(0) = 2.0;
        QVERIFY_THROWS_EXCEPTION(Error, solveQuadraticProgram(qp));
    }

    void neverBreachesABoundALimitOrTheBudget()
    {
        std::mt19937_64 rng(2026);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int trial = 0; trial < 60; ++trial) {
            const int n = 4 + trial % 20;
            const HedgeMoments m = randomMoments(rng, n, 1 + trial % 4);
            OptimiserProblem p;
            p.rounding =
                trial % 2 == 0 ? RoundingPolicy::TowardZero : RoundingPolicy::NearestWithinBand;
            for (int i = 0; i < n; ++i) {
                const auto upper = static_cast<ContractCount>(5 + 60 * u(rng));
                const auto lower = static_cast<ContractCount>(upper * 0.4 * u(rng));
                p.bounds.push_back({lower, upper, false});
            }
            // Months of 4 candidates with a per-month limit, and the premium budget.
            for (int first = 0; first < n; first += 4) {
                LinearLimit l{"month " + std::to_string(first / 4), {}, 60.0 + 80.0 * u(rng)};
                for (int i = first; i < std::min(n, first + 4); ++i)
                    l.terms.push_back({static_cast<std::size_t>(i), 1.0});
                p.limits.push_back(l);
            }
            LinearLimit budget{"premium budget", {}, 20'000.0 * u(rng)};
            for (int i = 0; i < n; ++i)
                if (m.candidates[static_cast<std::size_t>(i)].premiumPerContractUsd() > 0.0)
                    budget.terms.push_back(
                        {static_cast<std::size_t>(i),
                         m.candidates[static_cast<std::size_t>(i)].premiumPerContractUsd()});
            p.limits.push_back(budget);

            const OptimisedHedge r = optimiseHedge(m, p);
            QVERIFY2(isFeasible(r.contracts, r.bounds, p.limits),
                     qPrintable(QString::number(trial)));
            for (std::size_t i = 0; i < r.bounds.size(); ++i) {
                QVERIFY(r.bounds[i].upper == p.bounds[i].upper); // maxima are never relaxed
                QVERIFY(r.bounds[i].lower <= p.bounds[i].lower);
            }
            CH_COMPARE_NEAR(r.variance, variance(m, r.contracts), 1e-9 * m.varCost);
            // Local optimality: no single ±1 move that keeps every bound and limit lowers the
            // variance.
            for (std::size_t i = 0; i < r.contracts.size(); ++i) {
                for (int step : {-1, 1}) {
                    std::vector<ContractCount> moved = r.contracts;
                    moved[i] += step;
                    if (isFeasible(moved, r.bounds, p.limits))
                        QVERIFY2(variance(m, moved) >= r.variance - 1e-9 * m.varCost,
                                 qPrintable(QStringLiteral("trial %1, candidate %2, step %3")
                                                .arg(trial)
                                                .arg(i)
                                                .arg(step)));
                }
            }
        }
    }

    void smallProblemsMatchExhaustiveSearch()
    {
        std::mt19937_64 rng(99);
        for (int trial = 0; trial < 25; ++trial) {
            const HedgeMoments m = randomMoments(rng, 3, 2);
            OptimiserProblem p;
            p.bounds = {{0, 12, false}, {2, 10, false}, {0, 15, false}};
            p.limits = {{"month", {{0, 1.0}, {1, 1.0}, {2, 1.0}}, 20.0},
                        {"premium budget", {{1, m.candidates[1].premiumPerContractUsd()}}, 900.0}};
            const OptimisedHedge r = optimiseHedge(m, p);
            double best = std::numeric_limits<double>::infinity();
            for (ContractCount a = 0; a <= 12; ++a)
                for (ContractCount b = 2; b <= 10; ++b)
                    for (ContractCount c = 0; c <= 15; ++c)
                        if (isFeasible({a, b, c}, p.bounds, p.limits))
                            best = std::min(best, variance(m, {a, b, c}));
            CH_COMPARE_NEAR(r.variance, best, 1e-9 * m.varCost);
        }
    }

    void minimumsThatBreakALimitAreScaledDown()
    {
        std::mt19937_64 rng(5);
        const HedgeMoments m = randomMoments(rng, 2, 1);
        OptimiserProblem p;
        p.bounds = {{60, 100, false}, {60, 100, false}};
        p.limits = {{"contracts in 2027-01", {{0, 1.0}, {1, 1.0}}, 100.0}};
        const OptimisedHedge r = optimiseHedge(m, p);
        QVERIFY(isFeasible(r.contracts, r.bounds, p.limits));
        QCOMPARE(r.bounds[0].lower, ContractCount{50});
        QCOMPARE(r.bounds[1].lower, ContractCount{50});
        QCOMPARE(r.issues.size(), std::size_t{1});
        QCOMPARE(r.issues[0].toString(),
                 std::string("optimiser: contracts in 2027-01: warning: the policy minimums need "
                             "120 but the limit is 100; those minimums were scaled down to fit"));
    }

    void zeroBandsGiveNothing()
    {
        std::mt19937_64 rng(8);
        const HedgeMoments m = randomMoments(rng, 6, 2);
        OptimiserProblem p;
        p.bounds.assign(6, ContractBounds{0, 0, false});
        const OptimisedHedge r = optimiseHedge(m, p);
        QCOMPARE(r.contracts, std::vector<ContractCount>(6, 0));
        CH_COMPARE_NEAR(r.variance, m.varCost, 1e-9 * m.varCost);
    }

    void perfectlyCorrelatedFutureRemovesTheVariance()
    {
        // One month, 73,000 GPU-h on the index the future settles on: 100 contracts make the
        // hedged cost certain. The band allows up to 150 (more than 100%), so the optimum is
        // interior and found exactly.
        const risk::RiskInputs in = oneFactorBook(1, 73'000.0);
        HedgeCandidate c;
        c.symbol = "CHG.H100";
        c.unitsPerContract = 730.0;
        c.forwardUsd = 2.5;
        const HedgeMoments m = analyticMoments(in, Scenario::Base, {c});
        for (RoundingPolicy rounding :
             {RoundingPolicy::TowardZero, RoundingPolicy::NearestWithinBand}) {
            OptimiserProblem p;
            p.rounding = rounding;
            p.bounds = {{0, 150, false}};
            const OptimisedHedge r = optimiseHedge(m, p);
            QVERIFY(r.converged);
            CH_COMPARE_NEAR(r.continuous(0), 100.0, 1e-4);
            QCOMPARE(r.contracts, std::vector<ContractCount>{100});
            CH_COMPARE_NEAR(r.variance / m.varCost, 0.0, 1e-12);
        }
    }
};

CH_REGISTER_TEST(TestOptimiser);
#include "tst_optimiser.moc"
