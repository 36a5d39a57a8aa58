#include "marketdata/gpu_path.h"

#include "domain/error.h"
#include "marketdata/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ch::marketdata {

namespace {

constexpr double kDaysPerYear = 365.0;

long long dayIndex(Date first, Date d)
{
    return daysSinceEpoch(d) - daysSinceEpoch(first);
}

//! Independent stream per (seed, name): FNV-1a of the name mixed into the seed by SplitMix64.
std::uint64_t streamSeed(std::uint64_t seed, const std::string& name)
{
    std::uint64_t state = seed ^ fnv1a64(name.data(), name.size());
    return splitMix64(state);
}

double regimeMultiplier(const std::vector<VolRegime>& regimes, Date d)
{
    double m = 1.0;
    for (const auto& r : regimes) {
        if (d >= r.from && d <= r.to)
            m *= r.multiplier;
    }
    return m;
}

//! Cumulative scheduled shifts on each day (C(t) in gpu_path.h).
std::vector<double> cumulativeShifts(const GpuPathSpec& spec, std::size_t n)
{
    std::vector<double> c(n, 0.0);
    for (const auto& s : spec.shifts) {
        require(s.rampDays >= 1, spec.indexId + ": level shift ramp must be at least one day");
        const long long start = dayIndex(spec.firstDate, s.date);
        for (std::size_t t = 0; t < n; ++t) {
            const double done = static_cast<double>(static_cast<long long>(t) - start + 1)
                                / static_cast<double>(s.rampDays);
            c[t] += s.logSize * std::clamp(done, 0.0, 1.0);
        }
    }
    return c;
}

} // namespace

GpuPath
generateGpuPath(const GpuPathSpec& spec, Date lastDate, std::uint64_t seed, const GpuPath* parent)
{
    require(!spec.waypoints.empty() && spec.waypoints.front().date == spec.firstDate,
            spec.indexId + ": the first waypoint must be on the first date");
    require(lastDate >= spec.firstDate, spec.indexId + ": last date before first date");
    require(spec.parentIndexId.empty() || parent != nullptr,
            spec.indexId + ": parent path " + spec.parentIndexId + " missing");
    const auto n = static_cast<std::size_t>(dayIndex(spec.firstDate, lastDate) + 1);
    const long long parentOffset = parent ? dayIndex(parent->firstDate, spec.firstDate) : 0;
    require(!parent
                || (parentOffset >= 0
                    && static_cast<std::size_t>(parentOffset) + n <= parent->shocks.size()),
            spec.indexId + ": parent path does not cover this index's dates");

    Xoshiro256 rng(streamSeed(seed, spec.indexId));
    const double dt = 1.0 / kDaysPerYear;
    const double ouDecay = std::exp(-std::numbers::ln2 / spec.halfLifeDays);
    const double noiseDecay = std::exp(-std::numbers::ln2 / spec.noiseHalfLifeDays);
    const double spikeDecay = std::exp(-std::numbers::ln2 / spec.spikeHalfLifeDays);
    const double rho = spec.parentIndexId.empty() ? 0.0 : spec.parentCorrelation;
    const double ownWeight = std::sqrt(1.0 - rho * rho);

    GpuPath path;
    path.firstDate = spec.firstDate;
    path.shocks.assign(n, 0.0);
    std::vector<double> y(n, 0.0);
    double u = 0.0;
    double e = 0.0;
    double x = 0.0;
    const long long first = daysSinceEpoch(spec.firstDate);
    for (std::size_t t = 1; t < n; ++t) {
        const Date d = dateFromDaysSinceEpoch(first + static_cast<long long>(t));
        double eps = rng.normal();
        if (parent)
            eps =
                rho * parent->shocks[static_cast<std::size_t>(parentOffset) + t] + ownWeight * eps;
        path.shocks[t] = eps;
        const double regime = regimeMultiplier(spec.regimes, d);
        u = u * ouDecay + spec.volAnnual * regime * std::sqrt(dt) * eps;
        e = e * noiseDecay + spec.noiseVolAnnual * regime * std::sqrt(dt) * rng.normal();
        x *= spikeDecay;
        // Always draw the arrival and size so the stream does not depend on the spike rate.
        const double arrival = rng.uniformOpen();
        const double size = rng.exponential(spec.spikeMeanLog);
        if (arrival < spec.spikesPerYear * dt)
            x += std::min(size, kMaxSpikeInMeans * spec.spikeMeanLog);
        for (const auto& s : spec.scheduledSpikes) {
            if (s.date == d)
                x += s.logSize;
        }
        y[t] = u + e + x;
    }

    const auto c = cumulativeShifts(spec, n);
    std::vector<std::size_t> knots;
    std::vector<double> base; // log waypoint level net of shifts
    for (const auto& w : spec.waypoints) {
        require(w.usd > 0.0, spec.indexId + ": waypoint level must be positive");
        const long long k = dayIndex(spec.firstDate, w.date);
        require(k >= 0 && static_cast<std::size_t>(k) < n
                    && (knots.empty() || static_cast<std::size_t>(k) > knots.back()),
                spec.indexId + ": waypoints must be increasing and inside the path");
        knots.push_back(static_cast<std::size_t>(k));
        base.push_back(std::log(w.usd) - c[static_cast<std::size_t>(k)]);
    }
    // Trend S(t): shifts plus the linear interpolation of the net waypoint levels.
    std::vector<double> trend(n, 0.0);
    std::size_t seg = 0;
    for (std::size_t t = 0; t < n; ++t) {
        while (seg + 1 < knots.size() && t >= knots[seg + 1])
            ++seg;
        if (seg + 1 < knots.size()) {
            const double f = static_cast<double>(t - knots[seg])
                             / static_cast<double>(knots[seg + 1] - knots[seg]);
            trend[t] = c[t] + base[seg] + (base[seg + 1] - base[seg]) * f;
        } else {
            trend[t] = c[t] + base[seg];
        }
    }
    // Bridge pins: the waypoints plus regular pins at least half an interval from any waypoint.
    std::vector<std::size_t> pins;
    for (std::size_t j = 0; j < knots.size(); ++j) {
        pins.push_back(knots[j]);
        if (spec.pinIntervalDays <= 0 || j + 1 == knots.size())
            continue;
        const auto step = static_cast<std::size_t>(spec.pinIntervalDays);
        const std::size_t gap = knots[j + 1] - knots[j];
        const std::size_t count = (gap + step / 2) / step; // sub-intervals of about `step` days
        for (std::size_t k = 1; k < count; ++k)
            pins.push_back(knots[j] + gap * k / count);
    }
    path.logPrice.assign(n, 0.0);
    std::size_t p = 0;
    for (std::size_t t = 0; t < n; ++t) {
        while (p + 1 < pins.size() && t >= pins[p + 1])
            ++p;
        double bridge = 0.0;
        if (p + 1 < pins.size()) {
            const auto k0 = pins[p];
            const auto k1 = pins[p + 1];
            const double f = static_cast<double>(t - k0) / static_cast<double>(k1 - k0);
            bridge = y[t] - (y[k0] + (y[k1] - y[k0]) * f);
        } else {
            bridge = y[t] - y[pins[p]];
        }
        path.logPrice[t] = trend[t] + bridge;
    }
    return path;
}

std::vector<double>
generateTransactionIndex(const TransactionIndexSpec& spec, const GpuPath& base, std::uint64_t seed)
{
    const long long offset = dayIndex(base.firstDate, spec.firstDate);
    require(offset >= 0 && static_cast<std::size_t>(offset) < base.logPrice.size(),
            spec.indexId + ": base index " + spec.baseIndexId + " does not cover the start");
    const std::size_t n = base.logPrice.size() - static_cast<std::size_t>(offset);
    Xoshiro256 rng(streamSeed(seed, spec.indexId));
    const double decay = std::exp(-std::numbers::ln2 / spec.basisHalfLifeDays);
    const double step = spec.basisVolAnnual * std::sqrt(1.0 / kDaysPerYear);
    const double level = std::log(spec.meanRatio);
    std::vector<double> out(n);
    double b = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        if (t > 0)
            b = b * decay + step * rng.normal();
        out[t] = base.logPrice[static_cast<std::size_t>(offset) + t] + level + b;
    }
    return out;
}

} // namespace ch::marketdata
