#pragma once

#include <Eigen/Dense>

#include <vector>

namespace ch::hedging {

// A small dense convex quadratic program
//   minimise ½ xᵀPx + qᵀx   subject to  lower <= x <= upper,  Gx <= h,
// solved with the operator-splitting (ADMM) scheme of OSQP: Stellato, Banjac, Goulart, Bemporad
// & Boyd (2020), "OSQP: an operator splitting solver for quadratic programs", Mathematical
// Programming Computation 12, 637–672, Algorithm 1 with over-relaxation α = 1.6, σ = 1e-6 and
// the residual-balancing ρ update of §5.2. Each iteration solves one linear system with the
// factorised matrix P + σI + AᵀRA and projects onto the box and the half-spaces; a few hundred
// iterations are typical for hedge problems (tens to hundreds of variables).
//
// Why this and not coordinate descent: the policy limits (premium budget, contracts per month)
// couple variables, and coordinate descent stalls on a binding coupled constraint; projecting
// onto box ∩ half-spaces one set at a time is what ADMM does, and it converges for any convex P.

struct QuadraticProgram
{
    Eigen::MatrixXd p; //!< symmetric positive semi-definite, n × n
    Eigen::VectorXd q;
    Eigen::VectorXd lower; //!< may equal upper (a fixed variable)
    Eigen::VectorXd upper;
    Eigen::MatrixXd g; //!< m × n, may have 0 rows
    Eigen::VectorXd h;
};

struct QpSettings
{
    int maxIterations = 20'000;
    double absoluteTolerance = 1e-8;
    double relativeTolerance = 1e-8;
};

struct QpSolution
{
    Eigen::VectorXd x; //!< clipped to the box; Gx <= h holds to the tolerance
    int iterations = 0;
    bool converged = false;
    double primalResidual = 0.0;
    double dualResidual = 0.0;
};

//! Throws ch::Error for mismatched dimensions, lower > upper, or non-finite data. The caller
//! scales the problem (the optimiser maps counts into [0, 1] and normalises P).
QpSolution solveQuadraticProgram(const QuadraticProgram& problem, const QpSettings& settings = {});

} // namespace ch::hedging
