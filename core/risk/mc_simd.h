#pragma once

#include "risk/mc_model.h"

#include <cstddef>
#include <cstdint>

namespace ch::risk::detail {

// The vectorised primitives of the Monte Carlo kernel (mc_simd.cpp, compiled with -O3
// -fno-math-errno -fopenmp-simd -ffp-contract=fast and built twice by target_clones: x86-64-v3
// (AVX2 + FMA) and baseline x86-64, chosen at load time). Every function works on the `lanes`
// paths of a block stored structure-of-arrays: a "row" is one value per lane.

//! The four xoshiro256** state rows of a block.
struct Streams
{
    std::uint64_t* s0;
    std::uint64_t* s1;
    std::uint64_t* s2;
    std::uint64_t* s3;
};

//! The 256-layer ziggurat: layer edges x[0..256] (x[0] = v / f(r) is the base strip's width,
//! x[1] = r, x[256] = 0), the fast-accept ratios x[i+1] / x[i] and the density at each edge.
struct Ziggurat
{
    double x[257];
    double ratio[256];
    double f[257]; //!< density exp(−x²/2) at each edge
    double r;
};
const Ziggurat& zigguratTables();

//! `rows` rows of independent standard normals (ziggurat, mc_normals.cpp), rows `stride` apart;
//! rawBits is scratch for two rows, `stride` apart.
void fillNormals(Streams st,
                 double* out,
                 std::uint64_t* rawBits,
                 std::size_t rows,
                 std::size_t lanes,
                 std::size_t stride);
//! One standard normal from lane `lane`'s stream (scalar ziggurat), for the few lanes that need
//! one (jump sizes).
double laneNormal(Streams st, std::size_t lane);
//! `rows` rows of uniforms on [0, 1).
void fillUniforms(Streams st, double* out, std::size_t rows, std::size_t lanes, std::size_t stride);
//! z = L·e per lane, L lower triangular dims × dims, row-major.
void correlate(const double* chol,
               std::size_t dims,
               const double* e,
               double* z,
               std::size_t lanes,
               std::size_t stride);
//! sum += shock; zd = sum · scale.
void updateDemand(double* sum, const double* shock, double* zd, double scale, std::size_t lanes);

//! Poisson jump counts by inversion of the tabulated CDF, N = #{j : u >= cdf[j]}, for the lanes
//! that jump at all: their lane indices and counts go to jumpLane / jumpCount (capacity lanes),
//! and the number of such lanes is returned. Lanes without a jump (most) then cost nothing more.
std::size_t countJumps(const double* u,
                       const double* cdf,
                       std::size_t cdfSize,
                       std::uint32_t* jumpLane,
                       double* jumpCount,
                       std::size_t lanes);
//! y = a·y + s·z + jump, price = exp(y + shift); z and jump may be null (no diffusion, no jumps).
void advanceState(double a,
                  double s,
                  double shift,
                  double* y,
                  const double* z,
                  const double* jump,
                  double* price,
                  std::size_t lanes);

//! month += cost, factorCost += cost with cost = volume × (multiplier × price + spread).
void addFixedVolumeCell(const CompiledCell& c,
                        const double* price,
                        double* month,
                        double* factorCost,
                        std::size_t lanes);
//! The same with a Beta-PERT volume through the demand copula: z = demandLoading·zd +
//! idioLoading·eps (pass a row of zeros for a part that is absent).
void addUncertainVolumeCell(const CompiledCell& c,
                            const double* table,
                            double demandLoading,
                            double idioLoading,
                            const double* zd,
                            const double* eps,
                            const double* price,
                            double* month,
                            double* factorCost,
                            std::size_t lanes);
void addInstrument(const CompiledInstrument& h,
                   const double* price,
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
