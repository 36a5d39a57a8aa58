// Vectorised primitives of the Monte Carlo (mc_simd.h; words and normals are in mc_normals.cpp,
// jump counts in mc_jumps.cpp). These three files alone are compiled with -O3 -fno-math-errno
// -fno-trapping-math -fopenmp-simd -ffp-contract=fast (core/risk/CMakeLists.txt): loops over the
// lanes of a block
// carry `#pragma omp simd`, and the `declare simd` declaration below lets GCC call glibc's vector
// expf (libmvec: _ZGVdN8v_expf in the AVX2 clone, _ZGVbN4v_expf in the baseline one).
// target_clones builds each kernel for x86-64-v3 (AVX2 + FMA) and for baseline x86-64 and picks
// one at load time, so the binary runs on any x86-64 CPU. No -ffast-math.
#include "risk/mc_simd.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

// glibc declares its vector variants only under -ffast-math (bits/math-vector.h), so the one this
// file uses is declared here; the symbols come from libmvec through libm.
#pragma omp declare simd notinbranch
extern "C" float expf(float) noexcept;

#define CH_RISK_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))

namespace ch::risk::detail {

namespace {

typedef float V8 __attribute__((vector_size(32)));

// round(v) for 0 <= v < 2^52 as an integer, by the 2^52 mantissa trick (AVX2 has no
// double-to-uint64 conversion).
inline std::uint64_t roundToUint(double v)
{
    constexpr double kTwo52 = 4503599627370496.0;
    return std::bit_cast<std::uint64_t>(v + kTwo52) - std::bit_cast<std::uint64_t>(kTwo52);
}

} // namespace

// Thirty-two lanes at a time with the block's normals of those lanes held in a local array (GCC
// vector extension): four independent accumulators per output hide the multiply-add latency, and
// memory traffic is one load per normal and one store per output instead of a load and a store
// per multiply-add.
CH_RISK_KERNEL void correlate(const float* chol,
                              std::size_t dims,
                              const float* e,
                              float* z,
                              std::size_t lanes,
                              std::size_t stride)
{
    constexpr std::size_t kMaxBlocked = 64;
    constexpr std::size_t kW = 8; // floats per vector
    std::size_t l = 0;
    if (dims <= kMaxBlocked) {
        // Leading zeros of each row (block-diagonal correlations) are skipped up front, so the
        // multiply-add loop has no branch.
        std::size_t start[kMaxBlocked];
        for (std::size_t i = 0; i < dims; ++i) {
            start[i] = 0;
            while (start[i] < i && chol[i * dims + start[i]] == 0.0F)
                ++start[i];
        }
        V8 ev[kMaxBlocked][4];
        for (; l + 4 * kW <= lanes; l += 4 * kW) {
            for (std::size_t j = 0; j < dims; ++j)
                for (std::size_t k = 0; k < 4; ++k)
                    std::memcpy(&ev[j][k], e + j * stride + l + kW * k, sizeof(V8));
            for (std::size_t i = 0; i < dims; ++i) {
                const float* row = chol + i * dims;
                const std::size_t j0 = start[i];
                V8 a0 = row[j0] * ev[j0][0];
                V8 a1 = row[j0] * ev[j0][1];
                V8 a2 = row[j0] * ev[j0][2];
                V8 a3 = row[j0] * ev[j0][3];
                for (std::size_t j = j0 + 1; j <= i; ++j) {
                    a0 += row[j] * ev[j][0];
                    a1 += row[j] * ev[j][1];
                    a2 += row[j] * ev[j][2];
                    a3 += row[j] * ev[j][3];
                }
                float* out = z + i * stride + l;
                std::memcpy(out, &a0, sizeof(V8));
                std::memcpy(out + kW, &a1, sizeof(V8));
                std::memcpy(out + 2 * kW, &a2, sizeof(V8));
                std::memcpy(out + 3 * kW, &a3, sizeof(V8));
            }
        }
    }
    for (std::size_t i = 0; i < dims; ++i)
        for (std::size_t k = l; k < lanes; ++k) {
            float acc = chol[i * dims] * e[k];
            for (std::size_t j = 1; j <= i; ++j)
                acc += chol[i * dims + j] * e[j * stride + k];
            z[i * stride + k] = acc;
        }
}

// Demand is the standardised running sum of monthly demand shocks: a random walk like the
// prices, so a high-demand path stays high, and Zdemand is N(0, 1) in every month.
CH_RISK_KERNEL void
updateDemand(float* sum, const float* shock, float* zd, float scale, std::size_t lanes)
{
    float* __restrict s = sum;
    const float* __restrict k = shock;
    float* __restrict z = zd;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        s[l] += k[l];
        z[l] = s[l] * scale;
    }
}

namespace {

// The lane loop of advanceFactor for one combination of parts (costs, payoffs, relative row), so
// the loop carries no test.
template <bool Cost, bool Pay, bool Relative>
inline __attribute__((always_inline)) void advanceLanes(const FactorMonth& fm,
                                                        float decay,
                                                        float drift,
                                                        float* y,
                                                        const float* innovation,
                                                        float* relative,
                                                        double* month,
                                                        double* monthPay,
                                                        double* factorCost,
                                                        double* factorPay,
                                                        std::size_t lanes)
{
    float* __restrict yy = y;
    const float* __restrict in = innovation;
    float* __restrict rel = relative;
    double* __restrict m = month;
    double* __restrict mp = monthPay;
    double* __restrict fc = factorCost;
    double* __restrict fp = factorPay;
    const double cs = fm.costSlope;
    const double cc = fm.costConst;
    const double ps = fm.paySlope;
    const double pc = fm.payConst;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const float next = decay * yy[l] + in[l];
        yy[l] = next;
        const float e = std::exp(next - drift);
        if constexpr (Relative)
            rel[l] = e;
        const double ed = e;
        if constexpr (Cost) {
            const double cost = cs * ed + cc;
            m[l] += cost;
            fc[l] += cost;
        }
        if constexpr (Pay) {
            const double pay = ps * ed + pc;
            mp[l] += pay;
            fp[l] += pay;
        }
    }
}

} // namespace

CH_RISK_KERNEL void advanceFactor(const FactorMonth& fm,
                                  float decay,
                                  float drift,
                                  float* y,
                                  const float* innovation,
                                  float* relative,
                                  double* month,
                                  double* monthPay,
                                  double* factorCost,
                                  double* factorPay,
                                  std::size_t lanes)
{
    const int parts = (fm.hasCost ? 4 : 0) + (fm.hasPay ? 2 : 0) + (relative != nullptr ? 1 : 0);
    switch (parts) {
#define CH_ADVANCE_CASE(n)                                                                         \
    case n:                                                                                        \
        advanceLanes<(n & 4) != 0, (n & 2) != 0, (n & 1) != 0>(fm,                                 \
                                                               decay,                              \
                                                               drift,                              \
                                                               y,                                  \
                                                               innovation,                         \
                                                               relative,                           \
                                                               month,                              \
                                                               monthPay,                           \
                                                               factorCost,                         \
                                                               factorPay,                          \
                                                               lanes);                             \
        break;
        CH_ADVANCE_CASE(0)
        CH_ADVANCE_CASE(1)
        CH_ADVANCE_CASE(2)
        CH_ADVANCE_CASE(3)
        CH_ADVANCE_CASE(4)
        CH_ADVANCE_CASE(5)
        CH_ADVANCE_CASE(6)
        CH_ADVANCE_CASE(7)
#undef CH_ADVANCE_CASE
    default:
        break;
    }
}

// z = √ρd·Zdemand + √(1−ρd)·ε; volume = low + range × G(z), G the tabulated standardised PERT
// quantile of Φ(z) (mc_model.h), read by linear interpolation.
CH_RISK_KERNEL void addUncertainVolumeCell(const CompiledCell& c,
                                           const double* table,
                                           double demandLoading,
                                           double idioLoading,
                                           const float* zd,
                                           const float* eps,
                                           const float* relative,
                                           double* month,
                                           double* factorCost,
                                           std::size_t lanes)
{
    constexpr double kSteps = static_cast<double>(kVolumeTableSteps);
    constexpr double kInvDz = kSteps / (2.0 * kVolumeTableZ);
    constexpr double kMaxX = kSteps - 1e-9;
    const double* __restrict t = table;
    const float* __restrict rel = relative;
    double* __restrict m = month;
    double* __restrict f = factorCost;
    const float* __restrict dz = zd;
    const float* __restrict ez = eps;
    const double dl = demandLoading;
    const double il = idioLoading;
    const double low = c.lowVolume;
    const double range = c.rangeVolume;
    const double slope = c.priceSlope;
    const double spread = c.spreadUsd;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const double z = dl * static_cast<double>(dz[l]) + il * static_cast<double>(ez[l]);
        const double x = std::clamp((z + kVolumeTableZ) * kInvDz, 0.0, kMaxX);
        const int i = static_cast<int>(x);
        const double w = x - i;
        const double g = t[i] + w * (t[i + 1] - t[i]);
        const double cost = (low + range * g) * (slope * static_cast<double>(rel[l]) + spread);
        m[l] += cost;
        f[l] += cost;
    }
}

CH_RISK_KERNEL void addOption(const CompiledOption& o,
                              const float* relative,
                              double* monthPay,
                              double* factorPay,
                              std::size_t lanes)
{
    const float* __restrict rel = relative;
    double* __restrict m = monthPay;
    double* __restrict f = factorPay;
    const double fwd = o.forward;
    const double k = o.strikeUsd;
    const double q = o.units;
    const double prem = o.premiumCash;
    const double sign = o.sign;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const double pay = std::max(sign * (fwd * static_cast<double>(rel[l]) - k), 0.0) * q - prem;
        m[l] += pay;
        f[l] += pay;
    }
}

CH_RISK_KERNEL LaneBinSums binLanes(const double* x,
                                    std::size_t lanes,
                                    double lo,
                                    double invRange,
                                    std::uint32_t bins,
                                    std::uint32_t* binOut)
{
    const double* __restrict xx = x;
    std::uint32_t* __restrict out = binOut;
    const double binsD = static_cast<double>(bins);
    const int lastBin = static_cast<int>(bins) - 1;
    std::uint64_t sy = 0;
    std::uint64_t sy2 = 0;
    std::uint64_t inRange = 0;
    double mn = xx[0];
    double mx = xx[0];
    int bad = 0;
#pragma omp simd reduction(+ : sy, sy2, inRange) reduction(min : mn) reduction(max : mx) \
    reduction(| : bad)
    for (std::size_t l = 0; l < lanes; ++l) {
        const double v = xx[l];
        bad |= (v * 0.0 == 0.0) ? 0 : 1; // NaN for ±inf and NaN
        mn = std::min(mn, v);
        mx = std::max(mx, v);
        const double y = (v - lo) * invRange;
        const bool ok = y >= 0.0 && y < 1.0;
        const double yc = ok ? y : 0.0;
        const int b = std::min(static_cast<int>(yc * binsD), lastBin);
        out[l] = ok ? static_cast<std::uint32_t>(b) : kOutlierBin;
        sy += ok ? roundToUint(yc * kSumScale) : 0;
        sy2 += ok ? roundToUint(yc * yc * kSumScale) : 0;
        inRange += ok ? 1 : 0;
    }
    return {sy, sy2, static_cast<std::size_t>(inRange), mn, mx, bad == 0};
}

CH_RISK_KERNEL void closeMonth(const double* month,
                               const double* monthPay,
                               double* outMonth,
                               double* outMonthHedged,
                               double* quarter,
                               double* quarterPay,
                               std::size_t lanes)
{
    const double* __restrict m = month;
    const double* __restrict mp = monthPay;
    double* __restrict om = outMonth;
    double* __restrict oh = outMonthHedged;
    double* __restrict q = quarter;
    double* __restrict qp = quarterPay;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        om[l] = m[l];
        oh[l] = m[l] - mp[l];
        q[l] += m[l];
        qp[l] += mp[l];
    }
}

CH_RISK_KERNEL void closePeriod(double* period,
                                double* periodPay,
                                double* outPeriod,
                                double* outPeriodHedged,
                                double* total,
                                double* totalPay,
                                std::size_t lanes)
{
    double* __restrict p = period;
    double* __restrict pp = periodPay;
    double* __restrict op = outPeriod;
    double* __restrict oh = outPeriodHedged;
    double* __restrict t = total;
    double* __restrict tp = totalPay;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        op[l] = p[l];
        oh[l] = p[l] - pp[l];
        t[l] += p[l];
        tp[l] += pp[l];
        p[l] = 0.0;
        pp[l] = 0.0;
    }
}

} // namespace ch::risk::detail
