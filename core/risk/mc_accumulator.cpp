#include "risk/mc_accumulator.h"

#include "domain/error.h"
#include "risk/mc_simd.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace ch::risk::detail {

namespace {

// A factor cost enters the fixed-point sums as c / scale with |c / scale| < 1024, so
// c / scale · 2^52 stays below 2^62 and a 128-bit sum cannot overflow for any path count.
constexpr double kFactorLimit = 1024.0;

QuantityLayout layoutFor(const std::vector<BlockOutput>& pilot, std::size_t index, std::size_t bins)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    double sum = 0.0;
    double count = 0.0;
    for (const BlockOutput& out : pilot) {
        const double* v = out.quantity(index);
        for (std::size_t l = 0; l < out.lanes; ++l) {
            if (!std::isfinite(v[l]))
                require(false,
                        "simulated cost is not finite (path " + std::to_string(out.firstPath + l)
                            + "); check the factor parameters");
            lo = std::min(lo, v[l]);
            hi = std::max(hi, v[l]);
            sum += v[l];
            count += 1.0;
        }
    }
    QuantityLayout q;
    q.bins = bins;
    q.centre = sum / count;
    const double span = hi - lo;
    const double tiny = 1e-9 * std::max({1.0, std::fabs(lo), std::fabs(hi)});
    if (span <= tiny) {
        q.lo = lo - tiny;
        q.hi = hi + tiny;
    } else {
        q.lo = lo - span;
        q.hi = hi + span;
    }
    return q;
}

double powerOfTwoAtLeast(double v)
{
    if (!(v > 0.0))
        return 1.0;
    int e = 0;
    std::frexp(v, &e); // v = m · 2^e with m in [0.5, 1)
    return std::ldexp(1.0, e);
}

} // namespace

AggregationLayout layoutFromPilot(const CompiledModel& m,
                                  const std::vector<BlockOutput>& pilot,
                                  std::size_t totalBins,
                                  std::size_t periodBins)
{
    require(!pilot.empty(), "layoutFromPilot: no pilot blocks");
    AggregationLayout a;
    a.perSide = m.quantitiesPerSide();
    a.sides = m.hasHedge ? 2 : 1;
    a.factors = m.factors;
    for (std::size_t s = 0; s < a.sides; ++s)
        for (std::size_t q = 0; q < a.perSide; ++q)
            a.quantity.push_back(
                layoutFor(pilot, s * a.perSide + q, q == 0 ? totalBins : periodBins));
    for (std::size_t s = 0; s < a.sides; ++s)
        for (std::size_t f = 0; f < a.factors; ++f) {
            double maxAbs = 0.0;
            for (const BlockOutput& out : pilot) {
                const double* v = out.factorValues(s * a.factors + f);
                for (std::size_t l = 0; l < out.lanes; ++l)
                    maxAbs = std::max(maxAbs, std::fabs(v[l]));
            }
            a.factorScale.push_back(powerOfTwoAtLeast(maxAbs));
        }
    return a;
}

Accumulator::Accumulator(const AggregationLayout& layout)
    : m_layout(&layout)
    , m_q(layout.quantity.size())
    , m_c(layout.sides)
{
    for (std::size_t i = 0; i < m_q.size(); ++i)
        m_q[i].counts.assign(layout.quantity[i].bins, 0);
    for (std::size_t s = 0; s < layout.sides; ++s)
        m_c[s].binSums.assign(layout.quantity[s * layout.perSide].bins * layout.factors, 0);
    for (double scale : layout.factorScale)
        m_fixedPerUnit.push_back(kFactorFixedScale / scale);
}

void Accumulator::add(const BlockOutput& out)
{
    const AggregationLayout& a = *m_layout;
    if (m_bins.size() < out.lanes)
        m_bins.resize(out.capacity);
    for (std::size_t s = 0; s < a.sides; ++s) {
        addTotals(s, out);
        for (std::size_t q = 1; q < a.perSide; ++q) {
            const std::size_t index = s * a.perSide + q;
            binQuantity(index, out);
            QuantitySums& sums = m_q[index];
            const double* values = out.quantity(index);
            for (std::size_t l = 0; l < out.lanes; ++l) {
                const std::uint32_t b = m_bins[l];
                if (b != kOutlierBin)
                    ++sums.counts[b];
                else
                    sums.outliers.push_back({out.firstPath + l, values[l]});
            }
        }
    }
}

void Accumulator::binQuantity(std::size_t index, const BlockOutput& out)
{
    const QuantityLayout& lay = m_layout->quantity[index];
    QuantitySums& q = m_q[index];
    const LaneBinSums s = binLanes(out.quantity(index),
                                   out.lanes,
                                   lay.lo,
                                   1.0 / (lay.hi - lay.lo),
                                   static_cast<std::uint32_t>(lay.bins),
                                   m_bins.data());
    if (!s.finite) {
        const double* v = out.quantity(index);
        std::size_t l = 0;
        while (l + 1 < out.lanes && std::isfinite(v[l]))
            ++l;
        require(false,
                "simulated cost is not finite (path " + std::to_string(out.firstPath + l)
                    + "); check the factor parameters");
    }
    q.min = q.n > 0 ? std::min(q.min, s.min) : s.min;
    q.max = q.n > 0 ? std::max(q.max, s.max) : s.max;
    q.n += out.lanes;
    q.sumY += s.sumY;
    q.sumY2 += s.sumY2;
    q.inCount += s.inRange;
}

void Accumulator::addTotals(std::size_t side, const BlockOutput& out)
{
    const AggregationLayout& a = *m_layout;
    const std::size_t index = side * a.perSide;
    binQuantity(index, out);
    QuantitySums& q = m_q[index];
    ContributionSums& c = m_c[side];
    const double* values = out.quantity(index);
    const std::size_t k = a.factors;
    // c / scale · 2^52 as one multiplication by 2^52 / scale: both are powers of two, so the
    // product is the same number the division gave, and a multiply is several times cheaper.
    const double* perUnit = m_fixedPerUnit.data() + side * k;
    constexpr double kLimit = kFactorLimit * kFactorFixedScale;
    // The rows of the block's bins are scattered over a table larger than the second-level
    // cache: asking for all of them first overlaps the misses instead of taking them one lane
    // at a time.
    const std::size_t rowBytes = k * sizeof(Int128);
    for (std::size_t l = 0; l < out.lanes; ++l)
        if (m_bins[l] != kOutlierBin) {
            const char* row = reinterpret_cast<const char*>(c.binSums.data() + m_bins[l] * k);
            for (std::size_t offset = 0; offset < rowBytes; offset += 64)
                __builtin_prefetch(row + offset, 1);
        }
    for (std::size_t l = 0; l < out.lanes; ++l) {
        const double x = values[l];
        const std::uint32_t b = m_bins[l];
        bool representable = b != kOutlierBin;
        if (representable)
            ++q.counts[b];
        else
            q.outliers.push_back({out.firstPath + l, x});
        for (std::size_t f = 0; f < k && representable; ++f)
            representable = std::fabs(out.factorValues(side * k + f)[l] * perUnit[f]) < kLimit;
        if (representable) {
            Int128* row = c.binSums.data() + static_cast<std::size_t>(b) * k;
            for (std::size_t f = 0; f < k; ++f)
                row[f] += static_cast<std::int64_t>(out.factorValues(side * k + f)[l] * perUnit[f]);
        } else {
            c.exact.push_back({out.firstPath + l, x, c.exactFactor.size()});
            for (std::size_t f = 0; f < k; ++f)
                c.exactFactor.push_back(out.factorValues(side * k + f)[l]);
        }
    }
}

void Accumulator::merge(const Accumulator& other)
{
    for (std::size_t i = 0; i < m_q.size(); ++i) {
        QuantitySums& q = m_q[i];
        const QuantitySums& o = other.m_q[i];
        for (std::size_t b = 0; b < q.counts.size(); ++b)
            q.counts[b] += o.counts[b];
        q.sumY += o.sumY;
        q.sumY2 += o.sumY2;
        q.inCount += o.inCount;
        if (o.n > 0) {
            q.min = q.n > 0 ? std::min(q.min, o.min) : o.min;
            q.max = q.n > 0 ? std::max(q.max, o.max) : o.max;
        }
        q.n += o.n;
        q.outliers.insert(q.outliers.end(), o.outliers.begin(), o.outliers.end());
    }
    for (std::size_t s = 0; s < m_c.size(); ++s) {
        ContributionSums& c = m_c[s];
        const ContributionSums& o = other.m_c[s];
        for (std::size_t i = 0; i < c.binSums.size(); ++i)
            c.binSums[i] += o.binSums[i];
        const std::size_t base = c.exactFactor.size();
        for (ExactTotal e : o.exact) {
            e.offset += base;
            c.exact.push_back(e);
        }
        c.exactFactor.insert(c.exactFactor.end(), o.exactFactor.begin(), o.exactFactor.end());
    }
}

void Accumulator::finalise()
{
    for (QuantitySums& q : m_q)
        std::sort(q.outliers.begin(), q.outliers.end(), [](const Outlier& a, const Outlier& b) {
            return a.path < b.path;
        });
    for (ContributionSums& c : m_c)
        std::sort(c.exact.begin(), c.exact.end(), [](const ExactTotal& a, const ExactTotal& b) {
            return a.path < b.path;
        });
}

} // namespace ch::risk::detail
