#include "risk/mc_statistics.h"

#include "risk/distributions.h"
#include "risk/mc_simd.h"

#include <algorithm>
#include <cmath>

namespace ch::risk::detail {

EmpiricalDistribution::EmpiricalDistribution(const QuantityLayout& layout, const QuantitySums& sums)
    : m_layout(&layout)
    , m_sums(&sums)
{
    // Outliers are summed in path order (finalise() sorted them) so the mean is reproducible.
    const double c = layout.centre;
    const double range = layout.hi - layout.lo;
    const double inCount = static_cast<double>(sums.inCount);
    const double sy = static_cast<double>(sums.sumY) / kSumScale;
    const double sy2 = static_cast<double>(sums.sumY2) / kSumScale;
    const double d = layout.lo - c;
    double s1 = inCount * d + range * sy;
    double s2 = inCount * d * d + 2.0 * d * range * sy + range * range * sy2;
    for (const Outlier& o : sums.outliers) {
        s1 += o.value - c;
        s2 += (o.value - c) * (o.value - c);
        (o.value < layout.lo ? m_below : m_above).push_back(o.value);
    }
    std::sort(m_below.begin(), m_below.end());
    std::sort(m_above.begin(), m_above.end());
    const double n = count();
    m_mean = c + s1 / n;
    m_variance = n > 1.0 ? std::max(0.0, (s2 - s1 * s1 / n) / (n - 1.0)) : 0.0;
}

std::size_t EmpiricalDistribution::binOf(double x) const
{
    const QuantityLayout& lay = *m_layout;
    const double y = (x - lay.lo) / lay.width();
    if (!(y > 0.0))
        return 0;
    return std::min(static_cast<std::size_t>(y), lay.bins - 1);
}

double EmpiricalDistribution::quantile(double p) const
{
    // Interpolation inside the edge bins could step past the sample's extremes; clamping keeps
    // a constant quantity's quantiles exactly equal to its value.
    return std::clamp(rawQuantile(p), m_sums->min, m_sums->max);
}

double EmpiricalDistribution::rawQuantile(double p) const
{
    const double n = count();
    double r = p * n;
    const auto nb = static_cast<double>(m_below.size());
    if (!m_below.empty() && r <= nb) {
        const double idx = std::max(std::ceil(r) - 1.0, 0.0);
        return m_below[static_cast<std::size_t>(idx)];
    }
    r -= nb;
    const QuantityLayout& lay = *m_layout;
    const double inCount = static_cast<double>(m_sums->inCount);
    if (m_sums->inCount > 0 && (r <= inCount || m_above.empty())) {
        const double w = lay.width();
        double cum = 0.0;
        std::size_t last = 0;
        for (std::size_t b = 0; b < lay.bins; ++b) {
            const double c = m_sums->counts[b];
            if (c == 0.0)
                continue;
            last = b;
            if (cum + c >= r)
                return lay.lo + w * (static_cast<double>(b) + std::max(r - cum, 0.0) / c);
            cum += c;
        }
        return lay.lo + w * static_cast<double>(last + 1);
    }
    const double idx =
        std::clamp(std::ceil(r - inCount) - 1.0, 0.0, static_cast<double>(m_above.size()) - 1.0);
    return m_above[static_cast<std::size_t>(idx)];
}

EmpiricalDistribution::Tail EmpiricalDistribution::tail(double p) const
{
    // The top (1 − p)·n of the mass: exact values above the range, then bins from the top (mass
    // spread uniformly in a bin, so a partly taken bin contributes its upper part), then exact
    // values below the range.
    const double n = count();
    const double m = n - p * n;
    double remaining = m;
    double s1 = 0.0;
    double s2 = 0.0;
    auto takePoint = [&](double v) {
        const double take = std::min(1.0, remaining);
        s1 += take * v;
        s2 += take * v * v;
        remaining -= take;
    };
    for (auto it = m_above.rbegin(); it != m_above.rend() && remaining > 0.0; ++it)
        takePoint(*it);
    const QuantityLayout& lay = *m_layout;
    const double w = lay.width();
    for (std::size_t b = lay.bins; b-- > 0 && remaining > 0.0;) {
        const double c = m_sums->counts[b];
        if (c == 0.0)
            continue;
        const double take = std::min(c, remaining);
        const double top = lay.lo + w * static_cast<double>(b + 1);
        const double segment = take / c * w;
        const double mean = top - 0.5 * segment;
        s1 += take * mean;
        s2 += take * (mean * mean + segment * segment / 12.0);
        remaining -= take;
    }
    for (auto it = m_below.rbegin(); it != m_below.rend() && remaining > 0.0; ++it)
        takePoint(*it);
    Tail t;
    t.mean = std::clamp(s1 / m, m_sums->min, m_sums->max);
    t.variance = std::max(0.0, s2 / m - t.mean * t.mean);
    return t;
}

double hallSheatherBandwidth(double p, double n)
{
    const double z = normalQuantile(p);
    const double za = normalQuantile(0.975);
    const double phi = normalPdf(z);
    const double h = std::pow(n, -1.0 / 3.0) * std::pow(za, 2.0 / 3.0)
                     * std::cbrt(1.5 * phi * phi / (2.0 * z * z + 1.0));
    return std::min(h, 0.5 * std::min(p, 1.0 - p));
}

DistributionSummary EmpiricalDistribution::summary() const
{
    DistributionSummary s;
    const double n = count();
    s.expected = {m_mean, std::sqrt(m_variance / n)};
    s.sdUsd = std::sqrt(m_variance);
    s.minUsd = m_sums->min;
    s.maxUsd = m_sums->max;
    s.p50 = quantileEstimate(0.5);
    struct Level
    {
        double p;
        Estimate* quantile;
        Estimate* car;
        Estimate* es;
    };
    for (const Level& lv :
         {Level{0.95, &s.p95, &s.car95, &s.es95}, Level{0.99, &s.p99, &s.car99, &s.es99}}) {
        const double p = lv.p;
        const double q = quantile(p);
        const double h = hallSheatherBandwidth(p, n);
        // Sparsity 1/f(q) by the Siddiqui difference quotient (Siddiqui 1960; Koenker 2005 §3.4).
        const double sparsity = (quantile(p + h) - quantile(p - h)) / (2.0 * h);
        const double seQ = std::sqrt(p * (1.0 - p) / n) * sparsity;
        *lv.quantile = {q, seQ};
        const Tail t = tail(p);
        // Bahadur representation: q̂ − q ≈ (p − F_n(q)) / f(q), so Cov(q̂, x̄) = (1 − p)(ES − μ)
        // / (n f(q)); CaR = q̂ − x̄ has Var q̂ + Var x̄ − 2 Cov.
        const double cov = (1.0 - p) * (t.mean - m_mean) * sparsity / n;
        const double varCar = seQ * seQ + m_variance / n - 2.0 * cov;
        *lv.car = {q - m_mean, std::sqrt(std::max(varCar, 0.0))};
        // Asymptotic variance of the tail-mean estimator: [Var(X | X >= q) + p (ES − q)²] /
        // (n (1 − p)) (Manistre & Hancock, NAAJ 9(2), 2005).
        const double varEs = (t.variance + p * (t.mean - q) * (t.mean - q)) / (n * (1.0 - p));
        *lv.es = {t.mean, std::sqrt(varEs)};
    }
    return s;
}

Estimate EmpiricalDistribution::quantileEstimate(double p) const
{
    const double n = count();
    const double h = hallSheatherBandwidth(p, n);
    const double sparsity = (quantile(p + h) - quantile(p - h)) / (2.0 * h);
    return {quantile(p), std::sqrt(p * (1.0 - p) / n) * sparsity};
}

std::vector<HistogramBin> displayHistogram(const EmpiricalDistribution& d, std::size_t bins)
{
    const QuantitySums& s = d.sums();
    const double lo = s.min;
    const double hi = s.max;
    if (!(hi > lo))
        return {HistogramBin{lo, hi, s.n}};
    std::vector<HistogramBin> out(bins);
    const double w = (hi - lo) / static_cast<double>(bins);
    for (std::size_t i = 0; i < bins; ++i) {
        out[i].lowUsd = lo + w * static_cast<double>(i);
        out[i].highUsd = i + 1 == bins ? hi : lo + w * static_cast<double>(i + 1);
    }
    auto indexOf = [&](double x) {
        const double y = (x - lo) / w;
        return y > 0.0 ? std::min(static_cast<std::size_t>(y), bins - 1) : std::size_t{0};
    };
    const QuantityLayout& lay = d.layout();
    for (std::size_t b = 0; b < lay.bins; ++b)
        if (s.counts[b] > 0)
            out[indexOf(lay.lo + lay.width() * (static_cast<double>(b) + 0.5))].paths +=
                s.counts[b];
    for (const Outlier& o : s.outliers)
        ++out[indexOf(o.value)].paths;
    return out;
}

ContributionResult eulerContributions(const EmpiricalDistribution& total,
                                      const ContributionSums& sums,
                                      const double* factorScale,
                                      std::size_t factors,
                                      double p,
                                      double window)
{
    const double w = std::min(window, 0.5 * std::min(p, 1.0 - p));
    const double vLo = total.quantile(p - w);
    const double vHi = total.quantile(p + w);
    const QuantityLayout& lay = total.layout();
    const QuantitySums& q = total.sums();

    const bool overlaps = vHi >= lay.lo && vLo < lay.hi;
    const std::size_t bLo = overlaps ? total.binOf(std::max(vLo, lay.lo)) : 1;
    const std::size_t bHi = overlaps ? total.binOf(std::min(vHi, lay.hi)) : 0;
    std::vector<Int128> window128(factors, 0);
    std::vector<Int128> all128(factors, 0);
    double den = 0.0;
    for (std::size_t b = 0; b < lay.bins; ++b) {
        const bool inWindow = b >= bLo && b <= bHi;
        if (inWindow)
            den += q.counts[b];
        for (std::size_t f = 0; f < factors; ++f) {
            const Int128 v = sums.binSums[b * factors + f];
            all128[f] += v;
            if (inWindow)
                window128[f] += v;
        }
    }
    ContributionResult r;
    std::vector<double> num(factors);
    r.expectedCost.resize(factors);
    for (std::size_t f = 0; f < factors; ++f) {
        const double unit = factorScale[f] / kFactorFixedScale;
        num[f] = static_cast<double>(window128[f]) * unit;
        r.expectedCost[f] = static_cast<double>(all128[f]) * unit;
    }
    for (const ExactTotal& e : sums.exact) {
        const bool inRange = e.value >= lay.lo && e.value < lay.hi;
        const std::size_t b = inRange ? total.binOf(e.value) : 0;
        const bool included = inRange ? (b >= bLo && b <= bHi) : (e.value >= vLo && e.value <= vHi);
        for (std::size_t f = 0; f < factors; ++f) {
            const double v = sums.exactFactor[e.offset + f];
            r.expectedCost[f] += v;
            if (included)
                num[f] += v;
        }
        if (included && !inRange)
            den += 1.0;
    }
    std::vector<double> raw(factors);
    for (std::size_t f = 0; f < factors; ++f) {
        r.expectedCost[f] /= total.count();
        raw[f] = den > 0.0 ? num[f] / den - r.expectedCost[f] : 0.0;
        r.windowCar += raw[f];
    }
    // num/den is the uniform-kernel estimate of E[cost_f | total = q] (Tasche 2009, "Capital
    // allocation for credit portfolios with kernel estimators", Quant. Finance 9(5)). Its sum
    // differs from the CaR by the window's noise; rescaling so the factors add up to the CaR
    // exactly is our reporting choice (docs/risk.md). A factor whose cost is identically zero
    // keeps exactly zero.
    const double car = total.quantile(p) - total.mean();
    const double tiny = 1e-12 * std::max(1.0, std::fabs(total.mean()));
    const double scale = std::fabs(r.windowCar) > tiny ? car / r.windowCar : 1.0;
    r.contribution.resize(factors);
    for (std::size_t f = 0; f < factors; ++f)
        r.contribution[f] = raw[f] * scale;
    return r;
}

} // namespace ch::risk::detail
