#include "hedging/moments.h"

#include "domain/error.h"
#include "hedging/lognormal_book.h"
#include "pricing/black76.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ch::hedging {

namespace {

using detail::LogNormalBook;
using detail::Node;
using detail::Payoff;
using detail::Term;

constexpr double kStepYears = 1.0 / 12.0; // the risk engine's monthly step (docs/risk.md §3)

// One factor's monthly dynamics, as the risk engine compiles them (risk/mc_model.cpp):
// Y_t = Σ_{k=1..t} d^{t−k} (s ε_k + J_k), price in month offset m = F_m e^{Y_{m+1}} /
// E[e^{Y_{m+1}}].
struct FactorDynamics
{
    double decay = 1.0;    // e^{−κΔ}
    double stepSd = 0.0;   // exact OU step sd σ sqrt((1 − e^{−2κΔ}) / 2κ)
    double jumpRate = 0.0; // λΔ, expected jumps per month
    double jumpMean = 0.0;
    double jumpSd = 0.0;
};

FactorDynamics dynamicsOf(const risk::RiskFactor& rf)
{
    const risk::FactorParams& p = rf.params;
    const double kappa = rf.model == risk::FactorModel::MeanRevertingJump ? p.kappaPerYear : 0.0;
    FactorDynamics f;
    f.decay = std::exp(-kappa * kStepYears);
    f.stepSd =
        kappa > 1e-12
            ? p.sigmaAnnual * std::sqrt(-std::expm1(-2.0 * kappa * kStepYears) / (2.0 * kappa))
            : p.sigmaAnnual * std::sqrt(kStepYears);
    f.jumpRate = p.jumpsPerYear * kStepYears;
    f.jumpMean = p.jumpMeanLog;
    f.jumpSd = p.jumpSdLog;
    return f;
}

// K_ab = ln E[e^{Y_a + Y_b}] − ln E[e^{Y_a}] − ln E[e^{Y_b}]: the Gaussian covariance of the
// shared steps plus, on one factor, λΔ (e^{(c_a+c_b)μ + ½(c_a+c_b)²σ²} − e^{c_aμ + ½c_a²σ²} −
// e^{c_bμ + ½c_b²σ²} + 1) per shared step (compound-Poisson MGF), c = d^{t−k}.
double logCovariance(const std::vector<FactorDynamics>& dyn,
                     const Eigen::MatrixXd& corr,
                     const Node& a,
                     const Node& b)
{
    const FactorDynamics& fa = dyn[a.factor];
    const FactorDynamics& fb = dyn[b.factor];
    const bool same = a.factor == b.factor;
    const double rho =
        same ? 1.0 : corr(static_cast<Eigen::Index>(a.factor), static_cast<Eigen::Index>(b.factor));
    const int shared = std::min(a.steps, b.steps);
    double ca = std::pow(fa.decay, a.steps - shared);
    double cb = std::pow(fb.decay, b.steps - shared);
    double sum = 0.0;
    const auto mgf = [&](double c) {
        return std::exp(c * fa.jumpMean + 0.5 * c * c * fa.jumpSd * fa.jumpSd);
    };
    for (int k = shared; k >= 1; --k) {
        sum += ca * cb * rho * fa.stepSd * fb.stepSd;
        if (same && fa.jumpRate > 0.0)
            sum += fa.jumpRate * (mgf(ca + cb) - mgf(ca) - mgf(cb) + 1.0);
        ca *= fa.decay;
        cb *= fb.decay;
    }
    return sum;
}

Payoff payoffOf(const HedgeCandidate& c, std::size_t node)
{
    const double u = c.unitsPerContract;
    Payoff p;
    p.node = node;
    switch (c.type) {
    case HedgeInstrumentType::Future:
        p.terms.push_back({u, true, 0, 0.0});
        p.constant = -u * c.forwardUsd;
        break;
    case HedgeInstrumentType::Collar: {
        const double h = std::log(c.putStrikeUsd);
        p.terms.push_back({-u * c.putStrikeUsd, false, -1, h});
        p.terms.push_back({u, true, -1, h});
        [[fallthrough]];
    }
    case HedgeInstrumentType::Call: {
        const double h = std::log(c.callStrikeUsd);
        p.terms.push_back({u, true, 1, h});
        p.terms.push_back({-u * c.callStrikeUsd, false, 1, h});
        p.constant = -c.premiumPerContractUsd();
        break;
    }
    }
    return p;
}

void checkCandidate(const risk::RiskInputs& in, const HedgeCandidate& c)
{
    const std::string what = "analyticMoments: candidate " + c.symbol;
    require(c.factor < in.factors.size(),
            what + ": factor " + std::to_string(c.factor) + " is outside the risk inputs");
    require(c.monthOffset >= 0 && c.monthOffset < in.horizonMonths,
            what + ": month offset " + std::to_string(c.monthOffset) + " is outside the horizon");
    require(c.unitsPerContract > 0.0 && c.forwardUsd > 0.0,
            what + ": units per contract and forward must be positive");
    if (c.type != HedgeInstrumentType::Future)
        require(c.callStrikeUsd > 0.0, what + ": call strike must be positive");
    if (c.type == HedgeInstrumentType::Collar)
        require(c.putStrikeUsd > 0.0 && c.putStrikeUsd < c.callStrikeUsd,
                what + ": put strike must be positive and below the call strike");
}

double scenarioVolume(const risk::ExposureCell& c, Scenario s)
{
    switch (s) {
    case Scenario::Low:
        return c.lowVolume;
    case Scenario::Base:
        return c.baseVolume;
    case Scenario::High:
        return c.highVolume;
    }
    return c.baseVolume;
}

} // namespace

double HedgeCandidate::premiumPerContractUsd() const
{
    switch (type) {
    case HedgeInstrumentType::Future:
        return 0.0;
    case HedgeInstrumentType::Call:
        return callPremiumUsd * unitsPerContract;
    case HedgeInstrumentType::Collar:
        return (callPremiumUsd - putPremiumUsd) * unitsPerContract;
    }
    return 0.0;
}

double HedgeMoments::hedgedVariance(const Eigen::VectorXd& n) const
{
    require(n.size() == covCostPayoff.size(),
            "hedgedVariance: " + std::to_string(n.size()) + " counts for "
                + std::to_string(covCostPayoff.size()) + " candidates");
    return std::max(0.0, varCost - 2.0 * n.dot(covCostPayoff) + n.dot(covPayoff * n));
}

double HedgeMoments::lineHedgedVariance(std::size_t line, std::size_t i, double n) const
{
    require(line < static_cast<std::size_t>(lineVarCost.size())
                && i < static_cast<std::size_t>(ownLineCovCostPayoff.size()),
            "lineHedgedVariance: line or candidate out of range");
    const auto ii = static_cast<Eigen::Index>(i);
    return std::max(0.0,
                    lineVarCost(static_cast<Eigen::Index>(line))
                        - 2.0 * n * ownLineCovCostPayoff(ii) + n * n * covPayoff(ii, ii));
}

HedgeMoments analyticMoments(const risk::RiskInputs& in,
                             Scenario scenario,
                             std::vector<HedgeCandidate> candidates,
                             const std::vector<std::size_t>& lineOfCell,
                             std::size_t lines)
{
    risk::validateRiskInputs(in);
    require(lineOfCell.empty() || lineOfCell.size() == in.cells.size(),
            "analyticMoments: " + std::to_string(lineOfCell.size()) + " line entries for "
                + std::to_string(in.cells.size()) + " cells");
    for (const HedgeCandidate& c : candidates)
        checkCandidate(in, c);

    std::vector<FactorDynamics> dyn;
    for (const risk::RiskFactor& f : in.factors)
        dyn.push_back(dynamicsOf(f));

    // Nodes: the (factor, month) prices that cells or candidates depend on.
    std::map<std::pair<std::size_t, int>, std::size_t> index;
    std::vector<Node> nodes;
    const auto nodeOf = [&](std::size_t factor, int month) {
        const auto [it, added] = index.try_emplace({factor, month}, nodes.size());
        if (added)
            nodes.push_back(Node{factor,
                                 month + 1,
                                 in.factors[factor].forwardUsd[static_cast<std::size_t>(month)],
                                 0.0,
                                 0.0,
                                 0.0});
        return it->second;
    };
    HedgeMoments out;
    std::map<std::size_t, double> weights; // node -> Σ V × multiplier
    std::vector<std::map<std::size_t, double>> lineWeights(lines);
    for (std::size_t i = 0; i < in.cells.size(); ++i) {
        const risk::ExposureCell& c = in.cells[i];
        const double v = scenarioVolume(c, scenario);
        const std::size_t a = nodeOf(c.factor, c.monthOffset);
        weights[a] += v * c.priceMultiplier;
        out.expectedCostUsd += v * c.spreadUsd + c.contractedVolume * c.contractedPriceUsd;
        if (!lineOfCell.empty() && lineOfCell[i] < lines)
            lineWeights[lineOfCell[i]][a] += v * c.priceMultiplier;
    }
    std::vector<std::size_t> candidateNode;
    for (const HedgeCandidate& c : candidates)
        candidateNode.push_back(nodeOf(c.factor, c.monthOffset));

    const auto n = static_cast<Eigen::Index>(nodes.size());
    Eigen::MatrixXd k(n, n);
    for (Eigen::Index a = 0; a < n; ++a)
        for (Eigen::Index b = 0; b <= a; ++b)
            k(a, b) = k(b, a) = logCovariance(dyn,
                                              in.correlation,
                                              nodes[static_cast<std::size_t>(a)],
                                              nodes[static_cast<std::size_t>(b)]);
    for (Eigen::Index a = 0; a < n; ++a) {
        Node& node = nodes[static_cast<std::size_t>(a)];
        node.logVar = k(a, a);
        node.sd = std::sqrt(std::max(0.0, node.logVar));
        node.mean = std::log(node.forward) - 0.5 * node.logVar;
    }
    const LogNormalBook book(std::move(nodes), std::move(k));

    for (const auto& [a, w] : weights) {
        out.expectedCostUsd += w * book.node(a).forward;
        for (const auto& [b, v] : weights)
            out.varCost +=
                w * v * book.node(a).forward * book.node(b).forward * std::expm1(book.k(a, b));
    }

    const auto m = static_cast<Eigen::Index>(candidates.size());
    std::vector<Payoff> payoffs;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        payoffs.push_back(payoffOf(candidates[i], candidateNode[i]));
    const Term unitPrice{1.0, true, 0, 0.0};
    const auto costCovariance = [&](const std::map<std::size_t, double>& w, const Payoff& p) {
        double sum = 0.0;
        for (const auto& [a, weight] : w)
            for (const Term& t : p.terms)
                sum += weight * t.coef * book.covariance(a, unitPrice, p.node, t);
        return sum;
    };
    out.covCostPayoff.resize(m);
    out.covPayoff.resize(m, m);
    out.expectedPayoff.resize(m);
    for (Eigen::Index i = 0; i < m; ++i) {
        const Payoff& p = payoffs[static_cast<std::size_t>(i)];
        out.covCostPayoff(i) = costCovariance(weights, p);
        out.expectedPayoff(i) = book.expectation(p);
        for (Eigen::Index j = 0; j <= i; ++j)
            out.covPayoff(i, j) = out.covPayoff(j, i) =
                book.covariance(p, payoffs[static_cast<std::size_t>(j)]);
    }
    if (lines > 0) {
        out.lineVarCost = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(lines));
        for (std::size_t l = 0; l < lines; ++l)
            for (const auto& [a, w] : lineWeights[l])
                for (const auto& [b, v] : lineWeights[l])
                    out.lineVarCost(static_cast<Eigen::Index>(l)) += w * v * book.node(a).forward
                                                                     * book.node(b).forward
                                                                     * std::expm1(book.k(a, b));
        out.ownLineCovCostPayoff = Eigen::VectorXd::Zero(m);
        for (Eigen::Index i = 0; i < m; ++i) {
            const std::size_t l = candidates[static_cast<std::size_t>(i)].line;
            if (l < lines)
                out.ownLineCovCostPayoff(i) =
                    costCovariance(lineWeights[l], payoffs[static_cast<std::size_t>(i)]);
        }
    }
    out.candidates = std::move(candidates);
    return out;
}

} // namespace ch::hedging
