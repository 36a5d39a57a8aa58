#include "hedging/lognormal_book.h"

#include "hedging/bivariate_normal.h"
#include "pricing/black76.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ch::hedging::detail {

namespace {

// P(dir·(X − h) > 0) for X ~ N(mean, sd²); a point mass when sd = 0.
double probability(double mean, double sd, int dir, double h)
{
    if (sd <= 0.0)
        return dir * (mean - h) > 0.0 ? 1.0 : 0.0;
    return pricing::normalCdf(dir * (mean - h) / sd);
}

// P(both conditions) for two conditions on the same X ~ N(mean, sd²).
double intervalProbability(double mean, double sd, const Term& s, const Term& t)
{
    const double inf = std::numeric_limits<double>::infinity();
    double lo = -inf;
    double hi = inf;
    for (const Term* c : {&s, &t}) {
        if (c->dir > 0)
            lo = std::max(lo, c->logStrike);
        else if (c->dir < 0)
            hi = std::min(hi, c->logStrike);
    }
    if (!(hi > lo))
        return 0.0;
    if (sd <= 0.0)
        return mean > lo && mean < hi ? 1.0 : 0.0;
    const double up = hi == inf ? 1.0 : pricing::normalCdf((hi - mean) / sd);
    const double down = lo == -inf ? 0.0 : pricing::normalCdf((lo - mean) / sd);
    return std::max(0.0, up - down);
}

} // namespace

LogNormalBook::LogNormalBook(std::vector<Node> nodes, Eigen::MatrixXd k)
    : m_nodes(std::move(nodes))
    , m_k(std::move(k))
{}

double LogNormalBook::expectation(std::size_t a, const Term& t) const
{
    const Node& n = m_nodes[a];
    const double theta = t.expo ? 1.0 : 0.0;
    const double mgf = std::exp(theta * n.mean + 0.5 * theta * theta * n.logVar);
    if (t.dir == 0)
        return mgf;
    return mgf * probability(n.mean + theta * n.logVar, n.sd, t.dir, t.logStrike);
}

// Cov(term s on node a, term t on node b), by change of measure: under the measure weighted by
// e^{θ_s X_a + θ_t X_b} the log prices stay Gaussian with means shifted by V θ.
double LogNormalBook::covariance(std::size_t a, const Term& s, std::size_t b, const Term& t) const
{
    const Node& na = m_nodes[a];
    const Node& nb = m_nodes[b];
    const double kab = m_k(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
    if (s.dir == 0 && t.dir == 0) {
        if (!s.expo || !t.expo)
            return 0.0;
        return na.forward * nb.forward * std::expm1(kab);
    }
    const double ta = s.expo ? 1.0 : 0.0;
    const double tb = t.expo ? 1.0 : 0.0;
    double joint = 0.0;
    if (a == b) {
        const double theta = ta + tb;
        const double mgf = std::exp(theta * na.mean + 0.5 * theta * theta * na.logVar);
        joint = mgf * intervalProbability(na.mean + theta * na.logVar, na.sd, s, t);
    } else {
        const double mgf =
            std::exp(ta * na.mean + tb * nb.mean + 0.5 * (ta * ta * na.logVar + tb * tb * nb.logVar)
                     + ta * tb * kab);
        const double ma = na.mean + ta * na.logVar + tb * kab;
        const double mb = nb.mean + tb * nb.logVar + ta * kab;
        double p = 1.0;
        if (s.dir != 0 && t.dir != 0 && na.sd > 0.0 && nb.sd > 0.0) {
            const double rho = std::clamp(kab / (na.sd * nb.sd), -1.0, 1.0);
            p = bivariateNormalCdf(s.dir * (ma - s.logStrike) / na.sd,
                                   t.dir * (mb - t.logStrike) / nb.sd,
                                   s.dir * t.dir * rho);
        } else {
            if (s.dir != 0)
                p *= probability(ma, na.sd, s.dir, s.logStrike);
            if (t.dir != 0)
                p *= probability(mb, nb.sd, t.dir, t.logStrike);
        }
        joint = mgf * p;
    }
    return joint - expectation(a, s) * expectation(b, t);
}

double LogNormalBook::covariance(const Payoff& p, const Payoff& q) const
{
    double sum = 0.0;
    for (const Term& s : p.terms)
        for (const Term& t : q.terms)
            sum += s.coef * t.coef * covariance(p.node, s, q.node, t);
    return sum;
}

double LogNormalBook::expectation(const Payoff& p) const
{
    double sum = p.constant;
    for (const Term& t : p.terms)
        sum += t.coef * expectation(p.node, t);
    return sum;
}

} // namespace ch::hedging::detail
