#pragma once

#include "risk/mc_model.h"

#include <cstddef>
#include <cstdint>

namespace ch::risk::detail {

// The vectorised primitives of the Monte Carlo kernel (mc_simd.cpp, mc_normals.cpp and
// mc_jumps.cpp, compiled with -O3 -fno-math-errno -fopenmp-simd -ffp-contract=fast and built
// twice by target_clones: x86-64-v3 (AVX2 + FMA) and baseline x86-64, chosen at load time). Every
// function works on the `lanes` paths of a chunk stored structure-of-arrays: a "row" is one value
// per lane. Random numbers, normals, factor states and relative prices are single precision
// (twice the lanes per instruction); costs, payoffs and their sums are double.

//! The four xoshiro256** state rows of a block.
struct Streams
{
    std::uint64_t* s0;
    std::uint64_t* s1;
    std::uint64_t* s2;
    std::uint64_t* s3;
};

//! The 256-layer ziggurat of Marsaglia & Tsang (2000): layer edges x[0..256] (x[0] = v / f(r) is
//! the base strip's width, x[1] = r, x[256] = 0), the fast-accept ratios x[i+1] / x[i] and the
//! density at each edge, solved in double. The engine's normals are Box–Muller now
//! (mc_normals.cpp explains why); the solved tables stay checked by the test suite.
struct Ziggurat
{
    double x[257];
    double ratio[256];
    double f[257]; //!< density exp(−x²/2) at each edge
    double r;
};
const Ziggurat& zigguratTables();

//! `outputs` rows of xoshiro256** outputs, rows `stride` apart; each output is two 32-bit words.
void drawWords(
    Streams st, std::uint64_t* words, std::size_t outputs, std::size_t lanes, std::size_t stride);
//! `rows` rows of independent standard normals (Box–Muller, mc_normals.cpp): rows 2k and 2k + 1
//! from output row k of `words` (a last odd row uses a whole output too).
void boxMullerNormals(const std::uint64_t* words,
                      float* out,
                      std::size_t rows,
                      std::size_t lanes,
                      std::size_t stride);
//! drawWords then boxMullerNormals, written as double (the engine's draws, for checking the
//! generator); rawBits is scratch for one row of outputs.
void fillNormals(Streams st,
                 double* out,
                 std::uint64_t* rawBits,
                 std::size_t rows,
                 std::size_t lanes,
                 std::size_t stride);
//! z[i] = Φ⁻¹(v) in single precision (inverse CDF, mc_normals.cpp) from the tail probability
//! q = min(v, 1 − v) in (0, 1/2], passed as signedTail[i] = q when v <= 1/2 and −q when v > 1/2
//! (so no precision is lost near v = 1).
void normalQuantiles(const float* signedTail, float* z, std::size_t n);

//! z = L·e per lane, L lower triangular dims × dims, row-major.
void correlate(const float* chol,
               std::size_t dims,
               const float* e,
               float* z,
               std::size_t lanes,
               std::size_t stride);
//! sum += shock; zd = sum · scale.
void updateDemand(float* sum, const float* shock, float* zd, float scale, std::size_t lanes);

//! The lanes whose word (half `shift` of `words`, 0 or 32) is at least `threshold`, in order;
//! returns how many. Branch-free (lanes jump at rates a branch would mispredict): `flags` is
//! scratch for `lanes` rounded up to 8 bytes, and `lanesOut` needs room for lanes + 8 entries.
std::size_t lanesAtLeast(const std::uint64_t* words,
                         unsigned shift,
                         std::uint32_t threshold,
                         std::uint8_t* flags,
                         std::uint32_t* lanesOut,
                         std::size_t lanes);

//! The jumps of one factor's month for lanes[0..found) (the lanes whose word, half `shift` of
//! words[lane], passed threshold[0]): the count N = #{i : word >= threshold[i]}, then for the
//! size N·μ + √N·σ·ε its mean and sd, the normal's input to normalQuantiles (the word's position
//! inside its count's interval of words, a uniform independent of N) and the innovation index
//! rowBase + lane. Each output gets `found` entries. Scalar: a factor has only a dozen or two
//! jumping lanes per chunk.
void jumpEntries(const std::uint64_t* words,
                 unsigned shift,
                 const std::uint32_t* lanes,
                 std::size_t found,
                 const std::uint32_t* threshold,
                 std::size_t thresholds,
                 float jumpMean,
                 float jumpSd,
                 std::uint32_t rowBase,
                 float* signedTail,
                 float* mean,
                 float* scale,
                 std::uint32_t* target);

//! One factor's month, fused so each lane's values stay in registers: y = decay·y + innovation,
//! e = exp(y − drift) (the price relative to the forward), then the factor's affine cost and
//! payoff (FactorMonth) into the month and factor rows; e is also written to `relative` unless
//! it is null.
void advanceFactor(const FactorMonth& fm,
                   float decay,
                   float drift,
                   float* y,
                   const float* innovation,
                   float* relative,
                   double* month,
                   double* monthPay,
                   double* factorCost,
                   double* factorPay,
                   std::size_t lanes);

//! An uncertain-volume cell: volume = low + range × G(z) with G the tabulated PERT quantile and
//! z = demandLoading·zd + idioLoading·eps (pass a row of zeros for a part that is absent); cost =
//! volume × (priceSlope·e + spread) into the month and factor rows.
void addUncertainVolumeCell(const CompiledCell& c,
                            const double* table,
                            double demandLoading,
                            double idioLoading,
                            const float* zd,
                            const float* eps,
                            const float* relative,
                            double* month,
                            double* factorCost,
                            std::size_t lanes);
//! An option's payoff max(sign·(F·e − K), 0)·units − premium into the month and factor rows.
void addOption(const CompiledOption& o,
               const float* relative,
               double* monthPay,
               double* factorPay,
               std::size_t lanes);

//! Fixed-point scale of the per-quantity sums: y in [0, 1) counts as round(y · 2^50), so a block
//! of up to 4096 lanes sums to less than 2^62 in 64 bits.
inline constexpr double kSumScale = 0x1p50;

//! Writes the month's unhedged and hedged cost to the output rows and adds it to the quarter.
void closeMonth(const double* month,
                const double* monthPay,
                double* outMonth,
                double* outMonthHedged,
                double* quarter,
                double* quarterPay,
                std::size_t lanes);
//! Writes a period's costs to the output rows, adds them to the totals and resets the period.
void closePeriod(double* period,
                 double* periodPay,
                 double* outPeriod,
                 double* outPeriodHedged,
                 double* total,
                 double* totalPay,
                 std::size_t lanes);

//! A lane's histogram bin, or kOutlierBin outside [lo, hi).
inline constexpr std::uint32_t kOutlierBin = 0xFFFFFFFFu;

struct LaneBinSums
{
    std::uint64_t sumY = 0; //!< Σ round(y · 2^50) over in-range lanes, y = (x − lo)/(hi − lo)
    std::uint64_t sumY2 = 0; //!< Σ round(y² · 2^50)
    std::size_t inRange = 0;
    double min = 0.0;
    double max = 0.0;
    bool finite = true;
};
//! Histogram bins and fixed-point sums of one quantity's lanes (bins <= 2^20, lanes <= 4096, so
//! the 64-bit sums cannot overflow).
LaneBinSums binLanes(const double* x,
                     std::size_t lanes,
                     double lo,
                     double invRange,
                     std::uint32_t bins,
                     std::uint32_t* binOut);

} // namespace ch::risk::detail
