// Vectorised primitives of the Monte Carlo (mc_simd.h; the normals are in mc_normals.cpp). This
// file and mc_normals.cpp alone are compiled with -O3 -fno-math-errno -fno-trapping-math
// -fopenmp-simd -ffp-contract=fast (core/risk/CMakeLists.txt): loops over the lanes of a block
// carry `#pragma omp simd`, and the `declare simd` declaration below lets GCC call glibc's vector
// exp (libmvec: _ZGVdN4v_exp in the AVX2 clone, _ZGVbN2v_exp in the baseline one). target_clones
// builds each kernel for x86-64-v3 (AVX2 + FMA) and for baseline x86-64 and picks one at load
// time, so the binary runs on any x86-64 CPU. No -ffast-math.
#include "risk/mc_simd.h"

#include "risk/rng.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

// glibc declares its vector variants only under -ffast-math (bits/math-vector.h), so the one this
// file uses is declared here; the symbols come from libmvec through libm.
#pragma omp declare simd notinbranch
extern "C" double exp(double) noexcept;

#define CH_RISK_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))

namespace ch::risk::detail {

namespace {

typedef double V4 __attribute__((vector_size(32)));

// round(v) for 0 <= v < 2^52 as an integer, by the 2^52 mantissa trick (AVX2 has no
// double-to-uint64 conversion).
inline std::uint64_t roundToUint(double v)
{
    constexpr double kTwo52 = 4503599627370496.0;
    return std::bit_cast<std::uint64_t>(v + kTwo52) - std::bit_cast<std::uint64_t>(kTwo52);
}

} // namespace

CH_RISK_KERNEL void
fillUniforms(Streams st, double* out, std::size_t rows, std::size_t lanes, std::size_t stride)
{
    std::uint64_t* __restrict s0 = st.s0;
    std::uint64_t* __restrict s1 = st.s1;
    std::uint64_t* __restrict s2 = st.s2;
    std::uint64_t* __restrict s3 = st.s3;
    // Four rows per pass keep the generator state in registers for four draws.
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        double* __restrict a = out + r * stride;
        double* __restrict b = a + stride;
        double* __restrict c = b + stride;
        double* __restrict d = c + stride;
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            std::uint64_t x0 = s0[l], x1 = s1[l], x2 = s2[l], x3 = s3[l];
            a[l] = uniformHalfOpen(xoshiroNext(x0, x1, x2, x3));
            b[l] = uniformHalfOpen(xoshiroNext(x0, x1, x2, x3));
            c[l] = uniformHalfOpen(xoshiroNext(x0, x1, x2, x3));
            d[l] = uniformHalfOpen(xoshiroNext(x0, x1, x2, x3));
            s0[l] = x0;
            s1[l] = x1;
            s2[l] = x2;
            s3[l] = x3;
        }
    }
    for (; r < rows; ++r) {
        double* __restrict a = out + r * stride;
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            std::uint64_t x0 = s0[l], x1 = s1[l], x2 = s2[l], x3 = s3[l];
            a[l] = uniformHalfOpen(xoshiroNext(x0, x1, x2, x3));
            s0[l] = x0;
            s1[l] = x1;
            s2[l] = x2;
            s3[l] = x3;
        }
    }
}

// Sixteen lanes at a time with the block's normals of those lanes held in a local array (GCC
// vector extension): four independent accumulators per output hide the multiply-add latency, and
// memory traffic is one load per normal and one store per output instead of a load and a store
// per multiply-add.
CH_RISK_KERNEL void correlate(const double* chol,
                              std::size_t dims,
                              const double* e,
                              double* z,
                              std::size_t lanes,
                              std::size_t stride)
{
    constexpr std::size_t kMaxBlocked = 64;
    std::size_t l = 0;
    if (dims <= kMaxBlocked) {
        // Leading zeros of each row (block-diagonal correlations) are skipped up front, so the
        // multiply-add loop has no branch.
        std::size_t start[kMaxBlocked];
        for (std::size_t i = 0; i < dims; ++i) {
            start[i] = 0;
            while (start[i] < i && chol[i * dims + start[i]] == 0.0)
                ++start[i];
        }
        V4 ev[kMaxBlocked][4];
        for (; l + 16 <= lanes; l += 16) {
            for (std::size_t j = 0; j < dims; ++j)
                for (std::size_t k = 0; k < 4; ++k)
                    std::memcpy(&ev[j][k], e + j * stride + l + 4 * k, sizeof(V4));
            for (std::size_t i = 0; i < dims; ++i) {
                const double* row = chol + i * dims;
                const std::size_t j0 = start[i];
                V4 a0 = row[j0] * ev[j0][0];
                V4 a1 = row[j0] * ev[j0][1];
                V4 a2 = row[j0] * ev[j0][2];
                V4 a3 = row[j0] * ev[j0][3];
                for (std::size_t j = j0 + 1; j <= i; ++j) {
                    a0 += row[j] * ev[j][0];
                    a1 += row[j] * ev[j][1];
                    a2 += row[j] * ev[j][2];
                    a3 += row[j] * ev[j][3];
                }
                double* out = z + i * stride + l;
                std::memcpy(out, &a0, sizeof(V4));
                std::memcpy(out + 4, &a1, sizeof(V4));
                std::memcpy(out + 8, &a2, sizeof(V4));
                std::memcpy(out + 12, &a3, sizeof(V4));
            }
        }
    }
    for (std::size_t i = 0; i < dims; ++i)
        for (std::size_t k = l; k < lanes; ++k) {
            double acc = chol[i * dims] * e[k];
            for (std::size_t j = 1; j <= i; ++j)
                acc += chol[i * dims + j] * e[j * stride + k];
            z[i * stride + k] = acc;
        }
}

// Demand is the standardised running sum of monthly demand shocks: a random walk like the
// prices, so a high-demand path stays high, and Zdemand is N(0, 1) in every month.
CH_RISK_KERNEL void
updateDemand(double* sum, const double* shock, double* zd, double scale, std::size_t lanes)
{
    double* __restrict s = sum;
    const double* __restrict k = shock;
    double* __restrict z = zd;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        s[l] += k[l];
        z[l] = s[l] * scale;
    }
}

CH_RISK_KERNEL std::size_t countJumps(const double* u,
                                      const double* cdf,
                                      std::size_t cdfSize,
                                      std::uint32_t* jumpLane,
                                      double* jumpCount,
                                      std::size_t lanes)
{
    // A lane jumps at all when u >= P(N = 0); a branch-free append finds those lanes (a branch
    // would be mispredicted at these rates). Two halves append independently, so the two
    // counters' dependency chains overlap, then the second list moves down behind the first.
    // Only the lanes found count how far up the CDF their u reaches.
    const double none = cdf[0];
    const std::size_t half = lanes / 2;
    std::size_t a = 0;
    std::size_t b = half;
    for (std::size_t l = 0; l < half; ++l) {
        jumpLane[a] = static_cast<std::uint32_t>(l);
        a += u[l] >= none ? 1 : 0;
        jumpLane[b] = static_cast<std::uint32_t>(half + l);
        b += u[half + l] >= none ? 1 : 0;
    }
    if (lanes % 2 != 0) {
        jumpLane[b] = static_cast<std::uint32_t>(lanes - 1);
        b += u[lanes - 1] >= none ? 1 : 0;
    }
    std::memmove(jumpLane + a, jumpLane + half, (b - half) * sizeof(std::uint32_t));
    const std::size_t m = a + (b - half);
    for (std::size_t k = 0; k < m; ++k) {
        const double x = u[jumpLane[k]];
        std::size_t n = 1;
        while (n < cdfSize && x >= cdf[n])
            ++n;
        jumpCount[k] = static_cast<double>(n);
    }
    return m;
}

CH_RISK_KERNEL void advanceState(double a,
                                 double s,
                                 double shift,
                                 double* y,
                                 const double* z,
                                 const double* jump,
                                 double* price,
                                 std::size_t lanes)
{
    double* __restrict yy = y;
    double* __restrict pr = price;
    const double* __restrict zz = z;
    const double* __restrict jj = jump;
    if (zz != nullptr && jj != nullptr) {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            yy[l] = a * yy[l] + s * zz[l] + jj[l];
            pr[l] = std::exp(yy[l] + shift);
        }
    } else if (zz != nullptr) {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            yy[l] = a * yy[l] + s * zz[l];
            pr[l] = std::exp(yy[l] + shift);
        }
    } else if (jj != nullptr) {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            yy[l] = a * yy[l] + jj[l];
            pr[l] = std::exp(yy[l] + shift);
        }
    } else {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            yy[l] = a * yy[l];
            pr[l] = std::exp(yy[l] + shift);
        }
    }
}

CH_RISK_KERNEL void addFixedVolumeCell(const CompiledCell& c,
                                       const double* price,
                                       double* month,
                                       double* factorCost,
                                       std::size_t lanes)
{
    const double* __restrict p = price;
    double* __restrict m = month;
    double* __restrict f = factorCost;
    const double vm = c.volume * c.multiplier;
    const double vs = c.volume * c.spreadUsd;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const double cost = vm * p[l] + vs;
        m[l] += cost;
        f[l] += cost;
    }
}

// z = √ρd·Zdemand + √(1−ρd)·ε; volume = low + range × G(z), G the tabulated standardised PERT
// quantile of Φ(z) (mc_model.h), read by linear interpolation.
CH_RISK_KERNEL void addUncertainVolumeCell(const CompiledCell& c,
                                           const double* table,
                                           double demandLoading,
                                           double idioLoading,
                                           const double* zd,
                                           const double* eps,
                                           const double* price,
                                           double* month,
                                           double* factorCost,
                                           std::size_t lanes)
{
    constexpr double kSteps = static_cast<double>(kVolumeTableSteps);
    constexpr double kInvDz = kSteps / (2.0 * kVolumeTableZ);
    constexpr double kMaxX = kSteps - 1e-9;
    const double* __restrict t = table;
    const double* __restrict p = price;
    double* __restrict m = month;
    double* __restrict f = factorCost;
    const double* __restrict dz = zd;
    const double* __restrict ez = eps;
    const double dl = demandLoading;
    const double il = idioLoading;
    const double low = c.lowVolume;
    const double range = c.rangeVolume;
    const double mult = c.multiplier;
    const double spread = c.spreadUsd;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const double z = dl * dz[l] + il * ez[l];
        const double x = std::clamp((z + kVolumeTableZ) * kInvDz, 0.0, kMaxX);
        const int i = static_cast<int>(x);
        const double w = x - i;
        const double g = t[i] + w * (t[i + 1] - t[i]);
        const double cost = (low + range * g) * (mult * p[l] + spread);
        m[l] += cost;
        f[l] += cost;
    }
}

CH_RISK_KERNEL void addInstrument(const CompiledInstrument& h,
                                  const double* price,
                                  double* monthPay,
                                  double* factorPay,
                                  std::size_t lanes)
{
    const double* __restrict p = price;
    double* __restrict m = monthPay;
    double* __restrict f = factorPay;
    const double k = h.strikeUsd;
    const double q = h.units;
    const double prem = h.premiumCash;
    if (h.kind == InstrumentKind::Future) {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            const double pay = (p[l] - k) * q;
            m[l] += pay;
            f[l] += pay;
        }
        return;
    }
    const double sign = h.kind == InstrumentKind::Call ? 1.0 : -1.0;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        const double pay = std::max(sign * (p[l] - k), 0.0) * q - prem;
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
