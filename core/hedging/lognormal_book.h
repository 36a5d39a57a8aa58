#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <vector>

namespace ch::hedging::detail {

// Internal to ch::hedging (moments.cpp): expectations and covariances of option-like payoffs on
// jointly log-normal prices, by change of measure. Under the measure weighted by e^{θᵀX} the log
// prices X stay Gaussian with the same covariance V and means shifted by Vθ, so
//   E[e^{θᵀX} 1{conditions}] = exp(θᵀm + ½θᵀVθ) × P̃(conditions),
// P̃ a normal (one condition) or bivariate normal (two conditions on two prices) probability.

//! One price: factor `factor`'s monthly price after `steps` monthly steps, log-normal with log
//! variance K_aa and mean ln F − K_aa/2 (so E[price] = forward).
struct Node
{
    std::size_t factor = 0;
    int steps = 0; // month offset + 1
    double forward = 0.0;
    double logVar = 0.0; // K_aa
    double mean = 0.0;   // ln F − K_aa / 2
    double sd = 0.0;
};

// A payoff is a constant plus terms coef × e^{θX} × 1{dir·(X − h) > 0} on one node's log price
// X (θ ∈ {0, 1}; dir 0 = no condition).
struct Term
{
    double coef = 0.0;
    bool expo = false;
    int dir = 0;
    double logStrike = 0.0;
};

struct Payoff
{
    std::size_t node = 0;
    std::vector<Term> terms;
    double constant = 0.0;
};

class LogNormalBook
{
public:
    //! `k` holds the log covariances K_ab of the nodes; node means and sds must match its diagonal.
    LogNormalBook(std::vector<Node> nodes, Eigen::MatrixXd k);

    double expectation(std::size_t a, const Term& t) const;
    //! Cov(term s on node a, term t on node b).
    double covariance(std::size_t a, const Term& s, std::size_t b, const Term& t) const;
    double covariance(const Payoff& p, const Payoff& q) const;
    double expectation(const Payoff& p) const;

    const Node& node(std::size_t a) const { return m_nodes[a]; }
    double k(std::size_t a, std::size_t b) const
    {
        return m_k(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
    }

private:
    std::vector<Node> m_nodes;
    Eigen::MatrixXd m_k;
};

} // namespace ch::hedging::detail
