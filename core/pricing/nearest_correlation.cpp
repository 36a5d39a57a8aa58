#include "pricing/nearest_correlation.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace ch::pricing {

namespace {

//! Projection onto the PSD cone in the Frobenius norm: clip negative eigenvalues to zero
//! (Higham 2002, Theorem 3.2 with W = I).
Eigen::MatrixXd projectPsd(const Eigen::MatrixXd& r)
{
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(r);
    const Eigen::VectorXd clipped = eig.eigenvalues().cwiseMax(0.0);
    Eigen::MatrixXd x = eig.eigenvectors() * clipped.asDiagonal() * eig.eigenvectors().transpose();
    return 0.5 * (x + x.transpose());
}

//! Congruence D^{-1/2} X D^{-1/2}: keeps a PSD matrix PSD and makes its diagonal one. A zero
//! diagonal entry of a PSD matrix forces its whole row to zero, so that row becomes e_i.
Eigen::MatrixXd scaleToUnitDiagonal(const Eigen::MatrixXd& x)
{
    const Eigen::Index n = x.rows();
    Eigen::VectorXd s(n);
    for (Eigen::Index i = 0; i < n; ++i)
        s(i) = x(i, i) > 1e-300 ? 1.0 / std::sqrt(x(i, i)) : 0.0;
    Eigen::MatrixXd c = s.asDiagonal() * x * s.asDiagonal();
    c = 0.5 * (c + c.transpose());
    for (Eigen::Index i = 0; i < n; ++i)
        c(i, i) = 1.0;
    return c;
}

} // namespace

double minEigenvalue(const Eigen::MatrixXd& symmetric)
{
    require(symmetric.rows() == symmetric.cols() && symmetric.rows() > 0,
            "minEigenvalue: matrix must be square and non-empty");
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(symmetric, Eigen::EigenvaluesOnly);
    return eig.eigenvalues().minCoeff();
}

Eigen::MatrixXd nearestCorrelation(const Eigen::MatrixXd& a, int maxIterations, double tol)
{
    require(a.rows() == a.cols() && a.rows() > 0,
            "nearestCorrelation: matrix must be square and non-empty, got "
                + std::to_string(a.rows()) + "x" + std::to_string(a.cols()));
    require(a.allFinite(), "nearestCorrelation: matrix has a non-finite entry");
    require((a - a.transpose()).cwiseAbs().maxCoeff() <= 1e-12,
            "nearestCorrelation: matrix is not symmetric");
    require(maxIterations >= 1,
            "nearestCorrelation: maxIterations must be at least 1, got "
                + std::to_string(maxIterations));
    require(tol > 0.0, "nearestCorrelation: tol must be positive, got " + std::to_string(tol));

    // Higham (2002) Algorithm 3.3, W = I: alternate the projections onto the PSD cone (S) and the
    // unit-diagonal subspace (U), with Dykstra's correction dS applied before the projection onto
    // the non-affine set S. Stopping test as in Higham's nearcorr.m.
    const Eigen::Index n = a.rows();
    Eigen::MatrixXd y = a;
    Eigen::MatrixXd x = a;
    Eigen::MatrixXd dS = Eigen::MatrixXd::Zero(n, n);
    for (int k = 0; k < maxIterations; ++k) {
        const Eigen::MatrixXd xOld = x;
        const Eigen::MatrixXd yOld = y;
        const Eigen::MatrixXd r = y - dS;
        x = projectPsd(r);
        dS = x - r;
        y = x;
        y.diagonal().setOnes();
        const double relX = (x - xOld).norm() / std::max(x.norm(), 1e-300);
        const double relY = (y - yOld).norm() / std::max(y.norm(), 1e-300);
        const double relXY = (y - x).norm() / std::max(y.norm(), 1e-300);
        if (std::max({relX, relY, relXY}) <= tol)
            break;
    }
    return scaleToUnitDiagonal(x);
}

} // namespace ch::pricing
