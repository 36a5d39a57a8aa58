#pragma once

#include "risk/mc_kernel.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ch::risk::detail {

// Streaming aggregation of Monte Carlo paths in memory that does not grow with the path count.
//
// Each cost quantity (horizon, quarter, month; unhedged and hedged) gets a fine histogram over a
// range fixed from a pilot of the first blocks (3 × the pilot's span). Values outside the range
// are kept exactly in an outlier list (rare by construction). Sums are kept in fixed point
// (128-bit integers) so that adding paths in any order, on any number of threads, gives
// bit-identical totals: integer addition is associative, floating-point addition is not.
// For the horizon totals each bin also holds the per-factor sums that the Euler contributions
// need: E[cost_f | total in a window] is a ratio of bin sums.

__extension__ typedef unsigned __int128 UInt128;
__extension__ typedef __int128 Int128;

//! Fixed-point scale of factor costs normalised by their power-of-two scale: |c / scale| < 1024
//! counts as round(c / scale · 2^52) < 2^62.
inline constexpr double kFactorFixedScale = 0x1p52;

struct QuantityLayout
{
    double lo = 0.0; //!< histogram covers [lo, hi)
    double hi = 1.0;
    double centre = 0.0; //!< pilot mean, the shift used for second moments
    std::size_t bins = 0;

    double width() const { return (hi - lo) / static_cast<double>(bins); }
};

struct AggregationLayout
{
    std::size_t perSide = 0;
    std::size_t sides = 1; //!< 2 when the run has hedge instruments
    std::size_t factors = 0;
    std::vector<QuantityLayout> quantity; //!< sides × perSide
    std::vector<double> factorScale;      //!< sides × factors, powers of two
};

//! Ranges from the pilot blocks: [min − span, max + span] with `totalBins` bins for the horizon
//! and `periodBins` for quarters and months; a constant quantity gets a tiny range around it.
AggregationLayout layoutFromPilot(const CompiledModel& m,
                                  const std::vector<BlockOutput>& pilot,
                                  std::size_t totalBins,
                                  std::size_t periodBins);

struct Outlier
{
    std::uint64_t path = 0;
    double value = 0.0;
};

//! A horizon total kept exactly, with its factor costs: either outside the histogram range or
//! with a factor cost too large for the fixed-point sums.
struct ExactTotal
{
    std::uint64_t path = 0;
    double value = 0.0;
    std::size_t offset = 0; //!< first of `factors` values in ContributionSums::exactFactor
};

struct QuantitySums
{
    std::vector<std::uint32_t> counts;
    UInt128 sumY = 0;  //!< Σ round(y · 2^50), y = (x − lo) / (hi − lo) over in-range values
    UInt128 sumY2 = 0; //!< Σ round(y² · 2^50)
    std::uint64_t inCount = 0;
    double min = 0.0;
    double max = 0.0;
    std::uint64_t n = 0;
    std::vector<Outlier> outliers; //!< values < lo or >= hi, sorted by path after finalise()
};

struct ContributionSums
{
    std::vector<Int128> binSums; //!< bins × factors, fixed point: c / scale · 2^52 truncated
    std::vector<ExactTotal> exact;
    std::vector<double> exactFactor;
};

class Accumulator
{
public:
    explicit Accumulator(const AggregationLayout& layout);

    void add(const BlockOutput& out);
    //! Adds `other` (same layout) into this one. Integer sums and counts make the order of
    //! merging irrelevant; outlier lists are sorted by path in finalise().
    void merge(const Accumulator& other);
    void finalise();

    const AggregationLayout& layout() const { return *m_layout; }
    const QuantitySums& quantity(std::size_t index) const { return m_q[index]; }
    const ContributionSums& contribution(std::size_t side) const { return m_c[side]; }

private:
    //! Bins one quantity's lanes into m_bins (kOutlierBin outside the range) and its sums.
    void binQuantity(std::size_t index, const BlockOutput& out);
    void addTotals(std::size_t side, const BlockOutput& out);

    const AggregationLayout* m_layout;
    std::vector<QuantitySums> m_q;
    std::vector<ContributionSums> m_c;
    std::vector<std::uint32_t> m_bins;  //!< per-lane bins of the quantity being added
    std::vector<double> m_fixedPerUnit; //!< 2^52 / factorScale: factor cost to fixed point
};

} // namespace ch::risk::detail
