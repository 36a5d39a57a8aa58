#include "reference_mc.h"

#include "domain/error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace ch::bench {

namespace {

ReferenceStats statistics(std::vector<double>& totals)
{
    std::sort(totals.begin(), totals.end());
    const double n = static_cast<double>(totals.size());
    ReferenceStats s;
    for (double v : totals)
        s.mean += v;
    s.mean /= n;
    auto quantile = [&](double p) {
        const auto k = static_cast<std::size_t>(std::ceil(p * n)) - 1;
        return totals[std::min(k, totals.size() - 1)];
    };
    auto shortfall = [&](double p) {
        const auto first = static_cast<std::size_t>(std::ceil(p * n)) - 1;
        double sum = 0.0;
        for (std::size_t i = first; i < totals.size(); ++i)
            sum += totals[i];
        return sum / static_cast<double>(totals.size() - first);
    };
    s.p95 = quantile(0.95);
    s.p99 = quantile(0.99);
    s.es95 = shortfall(0.95);
    s.es99 = shortfall(0.99);
    return s;
}

} // namespace

ReferenceResult
runReferenceMonteCarlo(const risk::RiskInputs& in, std::size_t paths, std::uint64_t seed)
{
    risk::validateRiskInputs(in);
    for (const risk::ExposureCell& c : in.cells)
        require(c.lowVolume == c.highVolume, "the reference handles deterministic volumes only");
    const std::size_t k = in.factors.size();
    const auto months = static_cast<std::size_t>(in.horizonMonths);
    const double dt = 1.0 / 12.0;

    // Per factor: decay, step sd, and ln E[e^{Y_t}] summed term by term.
    std::vector<double> decay(k), stepSd(k);
    std::vector<std::vector<double>> logForwardMinusMgf(k, std::vector<double>(months));
    std::vector<std::poisson_distribution<int>> jumps;
    for (std::size_t f = 0; f < k; ++f) {
        const risk::FactorParams& p = in.factors[f].params;
        decay[f] = std::exp(-p.kappaPerYear * dt);
        stepSd[f] =
            p.kappaPerYear > 0.0
                ? p.sigmaAnnual * std::sqrt((1.0 - decay[f] * decay[f]) / (2.0 * p.kappaPerYear))
                : p.sigmaAnnual * std::sqrt(dt);
        jumps.emplace_back(std::max(p.jumpsPerYear * dt, 1e-300));
        for (std::size_t t = 0; t < months; ++t) {
            double mgf = 0.0;
            for (std::size_t j = 0; j <= t; ++j) {
                const double c = std::pow(decay[f], static_cast<double>(t - j));
                mgf +=
                    0.5 * c * c * stepSd[f] * stepSd[f]
                    + p.jumpsPerYear * dt
                          * (std::exp(c * p.jumpMeanLog + 0.5 * c * c * p.jumpSdLog * p.jumpSdLog)
                             - 1.0);
            }
            logForwardMinusMgf[f][t] = std::log(in.factors[f].forwardUsd[t]) - mgf;
        }
    }
    const Eigen::MatrixXd chol = Eigen::LLT<Eigen::MatrixXd>(in.correlation).matrixL();

    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> unhedged(paths), hedged(paths);
    Eigen::VectorXd e(static_cast<Eigen::Index>(k));
    std::vector<double> y(k), price(k);
    for (std::size_t path = 0; path < paths; ++path) {
        std::fill(y.begin(), y.end(), 0.0);
        double cost = 0.0;
        double payoff = 0.0;
        for (std::size_t t = 0; t < months; ++t) {
            for (Eigen::Index i = 0; i < e.size(); ++i)
                e(i) = normal(rng);
            const Eigen::VectorXd z = chol * e;
            for (std::size_t f = 0; f < k; ++f) {
                const risk::FactorParams& p = in.factors[f].params;
                double jump = 0.0;
                if (p.jumpsPerYear > 0.0) {
                    const int n = jumps[f](rng);
                    for (int j = 0; j < n; ++j)
                        jump += p.jumpMeanLog + p.jumpSdLog * normal(rng);
                }
                y[f] = decay[f] * y[f] + stepSd[f] * z(static_cast<Eigen::Index>(f)) + jump;
                price[f] = std::exp(y[f] + logForwardMinusMgf[f][t]);
            }
            for (const risk::ExposureCell& c : in.cells)
                if (static_cast<std::size_t>(c.monthOffset) == t)
                    cost += c.baseVolume * (c.priceMultiplier * price[c.factor] + c.spreadUsd)
                            + c.contractedVolume * c.contractedPriceUsd;
            for (const risk::HedgeInstrument& h : in.instruments) {
                if (static_cast<std::size_t>(h.monthOffset) != t)
                    continue;
                const double units = h.unitsPerContract * h.contracts;
                const double p = price[h.factor];
                if (h.kind == risk::InstrumentKind::Future)
                    payoff += (p - h.strikeUsd) * units;
                else if (h.kind == risk::InstrumentKind::Call)
                    payoff += (std::max(p - h.strikeUsd, 0.0) - h.premiumUsd) * units;
                else
                    payoff += (std::max(h.strikeUsd - p, 0.0) - h.premiumUsd) * units;
            }
        }
        unhedged[path] = cost;
        hedged[path] = cost - payoff;
    }
    return {statistics(unhedged), statistics(hedged)};
}

} // namespace ch::bench
