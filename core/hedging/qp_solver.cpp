#include "hedging/qp_solver.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace ch::hedging {

namespace {

constexpr double kSigma = 1e-6;
constexpr double kAlpha = 1.6;
constexpr double kRhoInitial = 0.1;
constexpr double kRhoMin = 1e-6;
constexpr double kRhoMax = 1e6;
constexpr double kEqualityRhoScale = 1e3; // OSQP §5.2: stiffer on rows with l = u
constexpr int kCheckEvery = 10;
constexpr int kAdaptEvery = 50;

double infNorm(const Eigen::VectorXd& v)
{
    return v.size() == 0 ? 0.0 : v.cwiseAbs().maxCoeff();
}

// The constraint matrix A = [I; G] is never formed: products with it and its transpose are a copy
// plus a product with G.
struct Constraints
{
    const Eigen::MatrixXd& g;
    Eigen::Index n;

    Eigen::VectorXd times(const Eigen::VectorXd& x) const
    {
        Eigen::VectorXd out(n + g.rows());
        out.head(n) = x;
        if (g.rows() > 0)
            out.tail(g.rows()) = g * x;
        return out;
    }
    Eigen::VectorXd transposeTimes(const Eigen::VectorXd& y) const
    {
        Eigen::VectorXd out = y.head(n);
        if (g.rows() > 0)
            out += g.transpose() * y.tail(g.rows());
        return out;
    }
};

} // namespace

QpSolution solveQuadraticProgram(const QuadraticProgram& qp, const QpSettings& settings)
{
    const Eigen::Index n = qp.q.size();
    const Eigen::Index m = qp.g.rows();
    require(qp.p.rows() == n && qp.p.cols() == n && qp.lower.size() == n && qp.upper.size() == n,
            "solveQuadraticProgram: P, q and the bounds disagree on the dimension "
                + std::to_string(n));
    require(m == 0 || (qp.g.cols() == n && qp.h.size() == m),
            "solveQuadraticProgram: G and h disagree with the dimension");
    require(qp.p.allFinite() && qp.q.allFinite() && qp.g.allFinite() && qp.h.allFinite()
                && qp.lower.allFinite() && qp.upper.allFinite(),
            "solveQuadraticProgram: non-finite data");
    require((qp.lower.array() <= qp.upper.array()).all(),
            "solveQuadraticProgram: a lower bound is above its upper bound");

    QpSolution out;
    if (n == 0) {
        out.converged = true;
        return out;
    }
    const Constraints a{qp.g, n};
    const double inf = std::numeric_limits<double>::infinity();
    Eigen::VectorXd lo(n + m);
    Eigen::VectorXd hi(n + m);
    lo.head(n) = qp.lower;
    hi.head(n) = qp.upper;
    if (m > 0) {
        lo.tail(m).setConstant(-inf);
        hi.tail(m) = qp.h;
    }

    double rho = kRhoInitial;
    Eigen::VectorXd r(n + m);
    Eigen::LLT<Eigen::MatrixXd> llt;
    const auto factorise = [&] {
        for (Eigen::Index i = 0; i < n + m; ++i)
            r(i) = lo(i) == hi(i) ? rho * kEqualityRhoScale : rho;
        Eigen::MatrixXd k = qp.p;
        k.diagonal().array() += kSigma;
        k.diagonal() += r.head(n);
        if (m > 0)
            k += qp.g.transpose() * r.tail(m).asDiagonal() * qp.g;
        llt.compute(k);
        require(llt.info() == Eigen::Success,
                "solveQuadraticProgram: the KKT matrix is not positive definite (P not PSD?)");
    };
    factorise();

    Eigen::VectorXd x = qp.lower.cwiseMax(Eigen::VectorXd::Zero(n)).cwiseMin(qp.upper);
    Eigen::VectorXd z = a.times(x).cwiseMax(lo).cwiseMin(hi);
    Eigen::VectorXd y = Eigen::VectorXd::Zero(n + m);

    for (int it = 1; it <= settings.maxIterations; ++it) {
        const Eigen::VectorXd rhs = kSigma * x - qp.q + a.transposeTimes(r.cwiseProduct(z) - y);
        const Eigen::VectorXd xTilde = llt.solve(rhs);
        const Eigen::VectorXd zTilde = a.times(xTilde);
        x = kAlpha * xTilde + (1.0 - kAlpha) * x;
        const Eigen::VectorXd zRelaxed = kAlpha * zTilde + (1.0 - kAlpha) * z;
        const Eigen::VectorXd zNew = (zRelaxed + y.cwiseQuotient(r)).cwiseMax(lo).cwiseMin(hi);
        y += r.cwiseProduct(zRelaxed - zNew);
        z = zNew;
        out.iterations = it;

        if (it % kCheckEvery != 0 && it != settings.maxIterations)
            continue;
        const Eigen::VectorXd ax = a.times(x);
        const Eigen::VectorXd px = qp.p * x;
        const Eigen::VectorXd aty = a.transposeTimes(y);
        out.primalResidual = infNorm(ax - z);
        out.dualResidual = infNorm(px + qp.q + aty);
        const double primalScale = std::max(infNorm(ax), infNorm(z));
        const double dualScale = std::max({infNorm(px), infNorm(aty), infNorm(qp.q)});
        if (out.primalResidual
                <= settings.absoluteTolerance + settings.relativeTolerance * primalScale
            && out.dualResidual
                   <= settings.absoluteTolerance + settings.relativeTolerance * dualScale) {
            out.converged = true;
            break;
        }
        if (it % kAdaptEvery == 0) {
            const double tiny = 1e-30;
            const double ratio = (out.primalResidual / std::max(primalScale, tiny))
                                 / std::max(out.dualResidual / std::max(dualScale, tiny), tiny);
            const double proposed = std::clamp(rho * std::sqrt(ratio), kRhoMin, kRhoMax);
            if (proposed > 5.0 * rho || proposed < rho / 5.0) {
                rho = proposed;
                factorise();
            }
        }
    }
    out.x = x.cwiseMax(qp.lower).cwiseMin(qp.upper);
    return out;
}

} // namespace ch::hedging
