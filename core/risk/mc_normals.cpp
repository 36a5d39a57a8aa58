// Random words and standard normals for the Monte Carlo kernel, in single precision.
//
// Words: each xoshiro256** output (rng.h) is two 32-bit words. A pair of normals takes one whole
// output, a jump count (mc_jumps.cpp) one word.
//
// Normals: the Box–Muller transform (Box & Muller, Ann. Math. Statist. 29(2), 1958): for U1, U2
// independent uniforms, R = √(−2 ln U1) and an angle Θ uniform on [0, 2π) give R·cos Θ and
// R·sin Θ, two independent standard normals. U1 is the low word ((2k + 1)·2^-32, so R <= 6.66:
// the tail beyond has probability 3e-11). The high word gives Θ without range reduction: its top
// three bits pick one of the eight symmetries of the square (swap cos and sin, flip either sign)
// and the other 29 bits an angle φ uniform on [0, π/4); the eight images of that octant tile the
// circle, so Θ is uniform. ln, sin and cos are the inline polynomials of mc_float_math.h, so the
// loop is straight-line vector code: no tables, no rejection, no branch per lane. It replaced a
// 256-layer ziggurat that, in single precision on AVX2, cost about twice as much per normal:
// its two table lookups per draw are emulated gathers, and the 0.7% of draws that miss its fast
// path run scalar with a branch misprediction each.
//
// Jump sizes use the inverse CDF instead (normalQuantiles): their uniform is what is left of the
// jump word after the Poisson count (mc_model.cpp, jumpTables), a single uniform.
//
// Compiled with the kernel flags (core/risk/CMakeLists.txt).
#include "risk/mc_float_math.h"
#include "risk/mc_simd.h"
#include "risk/rng.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#define CH_RISK_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))

namespace ch::risk::detail {

namespace {

constexpr int kLayers = 256;

double density(double x)
{
    return std::exp(-0.5 * x * x); // the unnormalised normal density the ziggurat covers
}

double tailArea(double r)
{
    return std::sqrt(0.5 * std::numbers::pi) * std::erfc(r / std::numbers::sqrt2);
}

// Stacks the layers of common area v(r) from the base strip upwards; the top layer must end
// exactly at density 1 (x = 0). Returns the excess at the top: > 0 when r is too small.
double closingError(double r, double* x)
{
    const double v = r * density(r) + tailArea(r);
    double xi = r;
    if (x != nullptr) {
        x[0] = v / density(r);
        x[1] = r;
    }
    for (int i = 2; i < kLayers; ++i) {
        const double arg = v / xi + density(xi);
        if (arg >= 1.0)
            return 1.0; // ran out of height before the last layer
        xi = std::sqrt(-2.0 * std::log(arg));
        if (x != nullptr)
            x[i] = xi;
    }
    if (x != nullptr)
        x[kLayers] = 0.0;
    return v / xi + density(xi) - 1.0;
}

} // namespace

const Ziggurat& zigguratTables()
{
    // Built once (immutable afterwards; C++ guarantees thread-safe initialisation). r is found by
    // bisection rather than copied: Marsaglia & Tsang give r = 3.6541528853610088 for 256 layers,
    // which the test suite checks this against.
    static const Ziggurat z = [] {
        Ziggurat t{};
        double lo = 2.0;
        double hi = 5.0;
        for (int it = 0; it < 200; ++it) {
            const double mid = 0.5 * (lo + hi);
            (closingError(mid, nullptr) > 0.0 ? lo : hi) = mid;
        }
        t.r = hi;
        closingError(t.r, t.x);
        for (int i = 0; i < kLayers; ++i)
            t.ratio[i] = t.x[i + 1] / t.x[i];
        for (int i = 0; i <= kLayers; ++i)
            t.f[i] = density(t.x[i]);
        return t;
    }();
    return z;
}

namespace {

// Normal rows a and b (b null: a only) from one row of outputs.
template <class T>
inline __attribute__((always_inline)) void
boxMullerRow(const std::uint64_t* words, T* a, T* b, std::size_t lanes)
{
    const std::uint64_t* __restrict w = words;
    T* __restrict x = a;
    T* __restrict y = b;
    constexpr float kQuarterPi = 0.785398163397448310F;
    auto draw = [&](std::size_t l, float& zx, float& zy) {
        const auto lo = static_cast<std::uint32_t>(w[l]);
        const auto hi = static_cast<std::uint32_t>(w[l] >> 32);
        const float u1 =
            static_cast<float>(static_cast<std::int32_t>(lo >> 1)) * 0x1p-31F + 0x1p-32F;
        const float radius = std::sqrt(-2.0F * logFloat(u1));
        const float phi = static_cast<float>(static_cast<std::int32_t>(hi & 0x1FFFFFFFu))
                          * (0x1p-29F * kQuarterPi);
        float s = 0.0F;
        float c = 0.0F;
        sinCosOctant(phi, s, c);
        // Bit 31 swaps cos and sin; bits 30 and 29 become the two sign bits.
        const bool swap = (hi & 0x80000000u) != 0;
        const float cx = swap ? s : c;
        const float cy = swap ? c : s;
        const std::uint32_t signX = (hi << 1) & 0x80000000u;
        const std::uint32_t signY = (hi << 2) & 0x80000000u;
        zx = radius * std::bit_cast<float>(std::bit_cast<std::uint32_t>(cx) ^ signX);
        zy = radius * std::bit_cast<float>(std::bit_cast<std::uint32_t>(cy) ^ signY);
    };
    if (y != nullptr) {
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            float zx = 0.0F;
            float zy = 0.0F;
            draw(l, zx, zy);
            x[l] = zx;
            y[l] = zy;
        }
        return;
    }
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l) {
        float zx = 0.0F;
        float zy = 0.0F;
        draw(l, zx, zy);
        x[l] = zx;
    }
}

// `rows` normal rows, rows 2k and 2k + 1 from output row k.
template <class T>
inline __attribute__((always_inline)) void boxMullerRows(
    const std::uint64_t* words, T* out, std::size_t rows, std::size_t lanes, std::size_t stride)
{
    for (std::size_t r = 0; r < rows; r += 2)
        boxMullerRow(words + (r / 2) * stride,
                     out + r * stride,
                     r + 1 < rows ? out + (r + 1) * stride : nullptr,
                     lanes);
}

} // namespace

CH_RISK_KERNEL void drawWords(
    Streams st, std::uint64_t* words, std::size_t outputs, std::size_t lanes, std::size_t stride)
{
    std::uint64_t* __restrict s0 = st.s0;
    std::uint64_t* __restrict s1 = st.s1;
    std::uint64_t* __restrict s2 = st.s2;
    std::uint64_t* __restrict s3 = st.s3;
    // Four outputs per pass keep the generator state in registers for four draws.
    std::size_t r = 0;
    for (; r + 4 <= outputs; r += 4) {
        std::uint64_t* __restrict a = words + r * stride;
        std::uint64_t* __restrict b = a + stride;
        std::uint64_t* __restrict c = b + stride;
        std::uint64_t* __restrict d = c + stride;
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            std::uint64_t x0 = s0[l], x1 = s1[l], x2 = s2[l], x3 = s3[l];
            a[l] = xoshiroNext(x0, x1, x2, x3);
            b[l] = xoshiroNext(x0, x1, x2, x3);
            c[l] = xoshiroNext(x0, x1, x2, x3);
            d[l] = xoshiroNext(x0, x1, x2, x3);
            s0[l] = x0;
            s1[l] = x1;
            s2[l] = x2;
            s3[l] = x3;
        }
    }
    for (; r < outputs; ++r) {
        std::uint64_t* __restrict a = words + r * stride;
#pragma omp simd
        for (std::size_t l = 0; l < lanes; ++l) {
            std::uint64_t x0 = s0[l], x1 = s1[l], x2 = s2[l], x3 = s3[l];
            a[l] = xoshiroNext(x0, x1, x2, x3);
            s0[l] = x0;
            s1[l] = x1;
            s2[l] = x2;
            s3[l] = x3;
        }
    }
}

CH_RISK_KERNEL void boxMullerNormals(
    const std::uint64_t* words, float* out, std::size_t rows, std::size_t lanes, std::size_t stride)
{
    boxMullerRows(words, out, rows, lanes, stride);
}

CH_RISK_KERNEL void fillNormals(Streams st,
                                double* out,
                                std::uint64_t* rawBits,
                                std::size_t rows,
                                std::size_t lanes,
                                std::size_t stride)
{
    // The kernel's draws (drawWords, boxMullerNormals) written as double, two rows per output.
    for (std::size_t r = 0; r < rows; r += 2) {
        drawWords(st, rawBits, 1, lanes, stride);
        boxMullerRows(rawBits, out + r * stride, std::min<std::size_t>(2, rows - r), lanes, stride);
    }
}

// Φ⁻¹ through erfinv: Φ⁻¹(1 − q) = √2·erfinv(1 − 2q) with erfinv(x) = x·p(w),
// w = −ln((1 − x)(1 + x)) = −ln(4q(1 − q)), formed from the tail probability q so no precision is
// lost near x = ±1. For w < 5 (|z| < 2.9), p is Giles' single-precision polynomial in w − 2.5
// ("Approximating the erfinv function", GPU Computing Gems Jade, 2011). Giles' tail polynomial
// is fitted for the w a float x can reach (up to about 16); the kernel's uniforms reach q = 2^-33
// (w = 21.5), so the tail uses our own degree-9 polynomial in √w − 3.5: a least-squares fit of
// erfinv(x)/x, relative weights, 4000 Chebyshev nodes on √w in [√5, 4.85] (q down to 2^-36),
// against AS 241 (Wichura 1988, relative error 1e-16); its relative error in float is below
// 3.1e-7 (tested in tests/risk/tst_mc_kernel.cpp). Both polynomials are evaluated and one
// selected, so the loop vectorises.
CH_RISK_KERNEL void normalQuantiles(const float* signedTail, float* z, std::size_t n)
{
    const float* __restrict in = signedTail;
    float* __restrict out = z;
#pragma omp simd
    for (std::size_t i = 0; i < n; ++i) {
        const float q = std::fabs(in[i]);
        const float w = -logFloat(4.0F * q * (1.0F - q));
        const float w1 = w - 2.5F;
        float p1 = 2.81022636e-08F;
        p1 = 3.43273939e-07F + p1 * w1;
        p1 = -3.5233877e-06F + p1 * w1;
        p1 = -4.39150654e-06F + p1 * w1;
        p1 = 0.00021858087F + p1 * w1;
        p1 = -0.00125372503F + p1 * w1;
        p1 = -0.00417768164F + p1 * w1;
        p1 = 0.246640727F + p1 * w1;
        p1 = 1.50140941F + p1 * w1;
        const float w2 = std::sqrt(w) - 3.5F;
        float p2 = 2.6072452328e-05F;
        p2 = 4.6606743533e-06F + p2 * w2;
        p2 = -2.6860584507e-04F + p2 * w2;
        p2 = 5.4473096706e-04F + p2 * w2;
        p2 = -6.5060729537e-04F + p2 * w2;
        p2 = 1.0235729839e-03F + p2 * w2;
        p2 = -2.0724045582e-03F + p2 * w2;
        p2 = 3.2917779240e-03F + p2 * w2;
        p2 = 1.0073697767F + p2 * w2;
        p2 = 3.3354852093F + p2 * w2;
        const float upper = std::numbers::sqrt2_v<float> * (w < 5.0F ? p1 : p2) * (1.0F - 2.0F * q);
        out[i] = in[i] < 0.0F ? upper : -upper;
    }
}

} // namespace ch::risk::detail
