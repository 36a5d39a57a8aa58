#pragma once

#include <Eigen/Dense>

namespace ch::pricing {

//! The nearest correlation matrix to the symmetric matrix `a` in the Frobenius norm, by Higham's
//! alternating projections with Dykstra's correction: N. J. Higham, "Computing the nearest
//! correlation matrix—a problem from finance", IMA J. Numer. Anal. 22 (2002) 329–343, Algorithm
//! 3.3 with W = I. Iterates until the relative change of both iterates and their distance fall
//! below `tol`, or `maxIterations`.
//!
//! The result is always a valid correlation matrix: exactly unit diagonal and minimum eigenvalue
//! >= −1e-10. To guarantee that even when the iteration stops early, the last PSD iterate X is
//! rescaled as D^{-1/2} X D^{-1/2} (D = diag X), a congruence that keeps it PSD and sets the
//! diagonal to one; at convergence this moves it by no more than the tolerance.
//!
//! Requires a non-empty square, finite, symmetric (to 1e-12) matrix, maxIterations >= 1 and
//! tol > 0; throws ch::Error otherwise.
Eigen::MatrixXd
nearestCorrelation(const Eigen::MatrixXd& a, int maxIterations = 200, double tol = 1e-10);

//! Smallest eigenvalue of a symmetric matrix (self-adjoint solver); used to decide on repair.
double minEigenvalue(const Eigen::MatrixXd& symmetric);

} // namespace ch::pricing
