#include "compare.h"
#include "domain/error.h"
#include "pricing/nearest_correlation.h"
#include "test_registry.h"

#include <QTest>

#include <limits>

using namespace ch;
using namespace ch::pricing;

namespace {

void verifyCorrelationMatrix(const Eigen::MatrixXd& c)
{
    QCOMPARE(c.rows(), c.cols());
    QVERIFY(c.allFinite());
    for (Eigen::Index i = 0; i < c.rows(); ++i) {
        QCOMPARE(c(i, i), 1.0); // exactly one
        for (Eigen::Index j = 0; j < c.cols(); ++j)
            QCOMPARE(c(i, j), c(j, i));
    }
    QVERIFY2(minEigenvalue(c) >= -1e-10, qPrintable(QString::number(minEigenvalue(c), 'g', 6)));
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

class TestNearestCorrelation : public QObject
{
    Q_OBJECT
private slots:
    void highamExample()
    {
        // Higham (2002) §4: A = [1 1 0; 1 1 1; 0 1 1] (eigenvalues 1 − √2, 1, 1 + √2); the
        // nearest correlation matrix is [1 .7607 .1573; .7607 1 .7607; .1573 .7607 1].
        Eigen::MatrixXd a(3, 3);
        a << 1, 1, 0, 1, 1, 1, 0, 1, 1;
        QVERIFY(minEigenvalue(a) < -0.4);
        const Eigen::MatrixXd c = nearestCorrelation(a);
        verifyCorrelationMatrix(c);
        CH_COMPARE_NEAR(c(0, 1), 0.7607, 5e-5);
        CH_COMPARE_NEAR(c(1, 2), 0.7607, 5e-5);
        CH_COMPARE_NEAR(c(0, 2), 0.1573, 5e-5);
        // Optimality (KKT for min ½‖X − A‖² s.t. X ⪰ 0, diag X = 1): X − A − Diag(θ) = Λ ⪰ 0
        // with Λ X = 0. Since diag X = diag A, θ_i = ((X − A) X)_ii.
        const Eigen::MatrixXd m = (c - a) * c;
        const Eigen::VectorXd theta = m.diagonal();
        CH_COMPARE_NEAR((m - theta.asDiagonal() * c).norm(), 0.0, 1e-8);
        const Eigen::MatrixXd lambda = c - a - Eigen::MatrixXd(theta.asDiagonal());
        QVERIFY(minEigenvalue(lambda) >= -1e-8);
    }

    void validMatrixIsUnchanged()
    {
        Eigen::MatrixXd a(3, 3);
        a << 1, 0.5, -0.2, 0.5, 1, 0.3, -0.2, 0.3, 1;
        QVERIFY(minEigenvalue(a) > 0.0);
        const Eigen::MatrixXd c = nearestCorrelation(a);
        verifyCorrelationMatrix(c);
        CH_COMPARE_NEAR((c - a).norm(), 0.0, 1e-12);
    }

    void inconsistentPairwiseEstimates()
    {
        // Pairwise estimates over different overlaps: A~B and B~C strongly positive, A~C
        // strongly negative; no 4x4 correlation matrix has these entries.
        Eigen::MatrixXd a(4, 4);
        a << 1, 0.9, -0.9, 0.2, 0.9, 1, 0.9, 0.1, -0.9, 0.9, 1, 0.0, 0.2, 0.1, 0.0, 1;
        QVERIFY(minEigenvalue(a) < -0.5);
        const Eigen::MatrixXd c = nearestCorrelation(a);
        verifyCorrelationMatrix(c);
        // The identity is a feasible point, so the nearest one is at least as close.
        QVERIFY((c - a).norm() < (Eigen::MatrixXd::Identity(4, 4) - a).norm());
    }

    void earlyStopStillValid()
    {
        Eigen::MatrixXd a(3, 3);
        a << 1, 1, 0, 1, 1, 1, 0, 1, 1;
        // One iteration is far from converged, yet the result must be a valid correlation matrix.
        verifyCorrelationMatrix(nearestCorrelation(a, 1));
    }

    void zeroRowBecomesUnitVector()
    {
        // A zero diagonal entry (no information) must still give a valid matrix.
        Eigen::MatrixXd a = Eigen::MatrixXd::Zero(2, 2);
        a(0, 0) = 1.0;
        verifyCorrelationMatrix(nearestCorrelation(a));
    }

    void preconditions()
    {
        expectError([] { nearestCorrelation(Eigen::MatrixXd(2, 3)); },
                    "nearestCorrelation: matrix must be square and non-empty, got 2x3");
        expectError([] { nearestCorrelation(Eigen::MatrixXd(0, 0)); },
                    "nearestCorrelation: matrix must be square and non-empty, got 0x0");
        Eigen::MatrixXd asym(2, 2);
        asym << 1, 0.5, 0.4, 1;
        expectError([&] { nearestCorrelation(asym); },
                    "nearestCorrelation: matrix is not symmetric");
        Eigen::MatrixXd nan = Eigen::MatrixXd::Identity(2, 2);
        nan(0, 1) = std::numeric_limits<double>::quiet_NaN();
        expectError([&] { nearestCorrelation(nan); },
                    "nearestCorrelation: matrix has a non-finite entry");
        expectError([] { nearestCorrelation(Eigen::MatrixXd::Identity(2, 2), 0); },
                    "nearestCorrelation: maxIterations must be at least 1, got 0");
    }
};

CH_REGISTER_TEST(TestNearestCorrelation);
#include "tst_nearest_correlation.moc"
