#include "hedging/optimiser.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ch::hedging {

namespace {

constexpr const char* kSource = "optimiser";
constexpr int kMaxPasses = 200;

double tolerance(double bound)
{
    return 1e-9 * std::max(1.0, std::fabs(bound));
}

std::string number(double x)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    std::string s(buf);
    if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0)
        s.resize(s.size() - 3);
    return s;
}

// Scales down the band minimums of a limit that the minimums alone would break.
void fitMinimumsIntoLimits(std::vector<ContractBounds>& bounds,
                           const std::vector<LinearLimit>& limits,
                           std::vector<Issue>& issues)
{
    for (const LinearLimit& l : limits) {
        double positive = 0.0;
        double negative = 0.0;
        for (const auto& [i, w] : l.terms) {
            const double use = w * static_cast<double>(bounds[i].lower);
            (w > 0.0 ? positive : negative) += use;
        }
        if (positive + negative <= l.bound + tolerance(l.bound))
            continue;
        const double scale = positive > 0.0 ? std::max(0.0, (l.bound - negative) / positive) : 0.0;
        for (const auto& [i, w] : l.terms)
            if (w > 0.0)
                bounds[i].lower = static_cast<ContractCount>(
                    std::floor(static_cast<double>(bounds[i].lower) * scale));
        issues.push_back(Issue{kSource,
                               0,
                               l.name,
                               Severity::Warning,
                               "the policy minimums need " + number(positive + negative)
                                   + " but the limit is " + number(l.bound)
                                   + "; those minimums were scaled down to fit"});
    }
}

QpSolution solveRelaxed(const HedgeMoments& mo,
                        const std::vector<ContractBounds>& bounds,
                        const std::vector<LinearLimit>& limits,
                        const QpSettings& settings,
                        Eigen::VectorXd& scale)
{
    const auto n = static_cast<Eigen::Index>(bounds.size());
    scale.resize(n);
    QuadraticProgram qp;
    qp.lower.resize(n);
    qp.upper.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const ContractBounds& b = bounds[static_cast<std::size_t>(i)];
        scale(i) = std::max<double>(1.0, static_cast<double>(b.upper));
        qp.lower(i) = static_cast<double>(b.lower) / scale(i);
        qp.upper(i) = static_cast<double>(b.upper) / scale(i);
    }
    // Variance − Var(C) = nᵀΣn − 2cᵀn = ½ xᵀ(2DΣD)x − (2Dc)ᵀx with n = Dx, normalised by the
    // largest diagonal so that ρ and the tolerances mean the same for any book size.
    qp.p = 2.0 * scale.asDiagonal() * mo.covPayoff * scale.asDiagonal();
    qp.q = -2.0 * scale.cwiseProduct(mo.covCostPayoff);
    const double norm = std::max(qp.p.diagonal().cwiseAbs().maxCoeff(), 1e-300);
    qp.p /= norm;
    qp.q /= norm;
    std::vector<Eigen::VectorXd> rows;
    std::vector<double> rhs;
    for (const LinearLimit& l : limits) {
        Eigen::VectorXd row = Eigen::VectorXd::Zero(n);
        for (const auto& [i, w] : l.terms)
            row(static_cast<Eigen::Index>(i)) += w * scale(static_cast<Eigen::Index>(i));
        const double rowNorm = row.cwiseAbs().maxCoeff();
        if (rowNorm == 0.0)
            continue;
        rows.push_back(row / rowNorm);
        rhs.push_back(l.bound / rowNorm);
    }
    qp.g.resize(static_cast<Eigen::Index>(rows.size()), n);
    qp.h.resize(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        qp.g.row(static_cast<Eigen::Index>(k)) = rows[k].transpose();
        qp.h(static_cast<Eigen::Index>(k)) = rhs[k];
    }
    return solveQuadraticProgram(qp, settings);
}

// Integer counts with incremental bookkeeping: g = Σn − c, so that changing n_i by δ changes the
// variance by 2δ g_i + δ² Σ_ii, and each limit's usage.
class IntegerSearch
{
public:
    IntegerSearch(const HedgeMoments& mo,
                  const std::vector<ContractBounds>& bounds,
                  const std::vector<LinearLimit>& limits,
                  std::vector<ContractCount> start)
        : m_mo(mo)
        , m_bounds(bounds)
        , m_limits(limits)
        , m_n(std::move(start))
        , m_rowsOf(m_n.size())
    {
        for (std::size_t k = 0; k < limits.size(); ++k) {
            for (const auto& [i, w] : limits[k].terms)
                m_rowsOf[i].push_back({k, w});
            m_usage.push_back(limits[k].usage(m_n));
        }
        Eigen::VectorXd nv(static_cast<Eigen::Index>(m_n.size()));
        for (std::size_t i = 0; i < m_n.size(); ++i)
            nv(static_cast<Eigen::Index>(i)) = static_cast<double>(m_n[i]);
        m_g = mo.covPayoff * nv - mo.covCostPayoff;
        m_threshold = 1e-12 * std::max(1.0, mo.varCost);
    }

    // Removes contracts until every limit holds; false if some limit cannot be repaired.
    bool repair()
    {
        for (std::size_t k = 0; k < m_limits.size(); ++k) {
            while (m_usage[k] > m_limits[k].bound + tolerance(m_limits[k].bound)) {
                std::size_t best = m_n.size();
                int bestStep = 0;
                double bestCost = std::numeric_limits<double>::infinity();
                for (const auto& [i, w] : m_limits[k].terms) {
                    const int step = w > 0.0 ? -1 : 1;
                    const std::size_t idx = i;
                    if (w == 0.0 || !withinBounds(idx, step))
                        continue;
                    const double cost = delta(idx, step) / std::fabs(w);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = idx;
                        bestStep = step;
                    }
                }
                if (best == m_n.size())
                    return false;
                apply(best, bestStep);
            }
        }
        return true;
    }

    void improve()
    {
        for (int pass = 0; pass < kMaxPasses; ++pass) {
            bool improved = false;
            for (std::size_t i = 0; i < m_n.size(); ++i)
                for (int step : {1, -1})
                    if (withinBounds(i, step) && delta(i, step) < -m_threshold
                        && limitsAllow(i, step, m_n.size(), 0)) {
                        apply(i, step);
                        improved = true;
                    }
            for (const LinearLimit& l : m_limits)
                for (const auto& [i, wi] : l.terms)
                    for (const auto& [j, wj] : l.terms)
                        if (i != j && withinBounds(i, 1) && withinBounds(j, -1)
                            && pairDelta(i, j) < -m_threshold && limitsAllow(i, 1, j, -1)) {
                            apply(i, 1);
                            apply(j, -1);
                            improved = true;
                        }
            if (!improved)
                return;
        }
    }

    const std::vector<ContractCount>& counts() const { return m_n; }

private:
    bool withinBounds(std::size_t i, int step) const
    {
        const ContractCount next = m_n[i] + step;
        return next >= m_bounds[i].lower && next <= m_bounds[i].upper;
    }
    double delta(std::size_t i, int step) const
    {
        const auto ii = static_cast<Eigen::Index>(i);
        return 2.0 * step * m_g(ii) + m_mo.covPayoff(ii, ii);
    }
    double pairDelta(std::size_t i, std::size_t j) const
    {
        const auto ii = static_cast<Eigen::Index>(i);
        const auto jj = static_cast<Eigen::Index>(j);
        return 2.0 * (m_g(ii) - m_g(jj)) + m_mo.covPayoff(ii, ii) + m_mo.covPayoff(jj, jj)
               - 2.0 * m_mo.covPayoff(ii, jj);
    }
    // Whether moving i by si and j by sj (j = size() for none) keeps every limit.
    bool limitsAllow(std::size_t i, int si, std::size_t j, int sj) const
    {
        std::vector<double> change(m_limits.size(), 0.0);
        for (const auto& [k, w] : m_rowsOf[i])
            change[k] += w * si;
        if (j < m_n.size())
            for (const auto& [k, w] : m_rowsOf[j])
                change[k] += w * sj;
        for (std::size_t k = 0; k < m_limits.size(); ++k)
            if (change[k] > 0.0
                && m_usage[k] + change[k] > m_limits[k].bound + tolerance(m_limits[k].bound))
                return false;
        return true;
    }
    void apply(std::size_t i, int step)
    {
        m_n[i] += step;
        m_g += static_cast<double>(step) * m_mo.covPayoff.col(static_cast<Eigen::Index>(i));
        for (const auto& [k, w] : m_rowsOf[i])
            m_usage[k] += w * step;
    }

    const HedgeMoments& m_mo;
    const std::vector<ContractBounds>& m_bounds;
    const std::vector<LinearLimit>& m_limits;
    std::vector<ContractCount> m_n;
    std::vector<std::vector<std::pair<std::size_t, double>>> m_rowsOf;
    std::vector<double> m_usage;
    Eigen::VectorXd m_g;
    double m_threshold = 0.0;
};

double varianceOf(const HedgeMoments& mo, const std::vector<ContractCount>& n)
{
    Eigen::VectorXd v(static_cast<Eigen::Index>(n.size()));
    for (std::size_t i = 0; i < n.size(); ++i)
        v(static_cast<Eigen::Index>(i)) = static_cast<double>(n[i]);
    return mo.hedgedVariance(v);
}

} // namespace

double LinearLimit::usage(const std::vector<ContractCount>& n) const
{
    double sum = 0.0;
    for (const auto& [i, w] : terms) {
        require(i < n.size(),
                "limit " + name + ": candidate " + std::to_string(i) + " is out of range");
        sum += w * static_cast<double>(n[i]);
    }
    return sum;
}

bool isFeasible(const std::vector<ContractCount>& n,
                const std::vector<ContractBounds>& bounds,
                const std::vector<LinearLimit>& limits)
{
    if (n.size() != bounds.size())
        return false;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i] < bounds[i].lower || n[i] > bounds[i].upper)
            return false;
    return std::all_of(limits.begin(), limits.end(), [&](const LinearLimit& l) {
        return l.usage(n) <= l.bound + tolerance(l.bound);
    });
}

OptimisedHedge
optimiseHedge(const HedgeMoments& mo, const OptimiserProblem& problem, const QpSettings& settings)
{
    const std::size_t n = mo.candidates.size();
    require(problem.bounds.size() == n && static_cast<std::size_t>(mo.covCostPayoff.size()) == n
                && static_cast<std::size_t>(mo.covPayoff.rows()) == n,
            "optimiseHedge: " + std::to_string(problem.bounds.size()) + " bounds for "
                + std::to_string(n) + " candidates");
    for (std::size_t i = 0; i < n; ++i)
        require(problem.bounds[i].lower >= 0 && problem.bounds[i].lower <= problem.bounds[i].upper,
                "optimiseHedge: candidate " + std::to_string(i) + " has bounds ["
                    + std::to_string(problem.bounds[i].lower) + ", "
                    + std::to_string(problem.bounds[i].upper) + "]");
    for (const LinearLimit& l : problem.limits)
        for (const auto& [i, w] : l.terms)
            require(i < n && std::isfinite(w),
                    "optimiseHedge: limit " + l.name
                        + " names a candidate out of range or a "
                          "non-finite weight");

    OptimisedHedge out;
    out.bounds = problem.bounds;
    out.unhedgedVariance = mo.varCost;
    if (n == 0) {
        out.continuousVariance = out.variance = mo.varCost;
        out.converged = true;
        return out;
    }
    fitMinimumsIntoLimits(out.bounds, problem.limits, out.issues);

    Eigen::VectorXd scale;
    const QpSolution qp = solveRelaxed(mo, out.bounds, problem.limits, settings, scale);
    out.continuous =
        qp.x.size() == 0 ? Eigen::VectorXd() : Eigen::VectorXd(scale.cwiseProduct(qp.x));
    out.iterations = qp.iterations;
    out.converged = qp.converged;
    out.continuousVariance = mo.hedgedVariance(out.continuous);
    if (!qp.converged)
        out.issues.push_back(Issue{kSource,
                                   0,
                                   {},
                                   Severity::Warning,
                                   "the relaxed problem did not converge in "
                                       + std::to_string(qp.iterations)
                                       + " iterations; the counts are feasible but may not be "
                                         "the minimum"});

    std::vector<ContractCount> start(n);
    for (std::size_t i = 0; i < n; ++i)
        start[i] = roundWithin(
            out.continuous(static_cast<Eigen::Index>(i)), out.bounds[i], problem.rounding);
    IntegerSearch search(mo, out.bounds, problem.limits, std::move(start));
    if (search.repair()) {
        search.improve();
        out.contracts = search.counts();
    } else {
        // Only possible when a limit has negative weights that cannot be traded against; the
        // minimums were made feasible by fitMinimumsIntoLimits, so start again from them.
        std::vector<ContractCount> minimums(n);
        for (std::size_t i = 0; i < n; ++i)
            minimums[i] = out.bounds[i].lower;
        IntegerSearch fallback(mo, out.bounds, problem.limits, std::move(minimums));
        fallback.improve();
        out.contracts = fallback.counts();
    }
    out.variance = varianceOf(mo, out.contracts);
    require(isFeasible(out.contracts, out.bounds, problem.limits),
            "optimiseHedge: the counts break a bound or a limit (internal error)");
    return out;
}

} // namespace ch::hedging
