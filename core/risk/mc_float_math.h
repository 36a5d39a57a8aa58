#pragma once

#include <bit>
#include <cstdint>

namespace ch::risk::detail {

// Single-precision ln, sin and cos for the Monte Carlo kernel's vectorised loops: inline
// (glibc's libmvec is reached through a call, which spills every vector register and stops the
// compiler from fusing the loop around it), branch-free (selects, so `#pragma omp simd` loops
// vectorise), and only as general as the kernel needs. Range reduction and polynomials follow
// Cephes (S. L. Moshier, "Methods and Programs for Mathematical Functions", 1989; logf.c,
// sinf.c): relative error within a few float ulps on the stated domains (tested against the
// double-precision library in tests/risk/tst_mc_kernel.cpp). Compiled only into the kernel files
// (mc_simd.cpp, mc_normals.cpp), whose -ffp-contract=fast turns the Horner steps into FMAs.

//! ln x for finite x > 0 (normal floats; the kernel passes uniforms >= 2^-32).
inline float logFloat(float x)
{
    // x = m · 2^e with m in [√½, √2); ln x = e·ln 2 + ln m, ln(1 + f) = f − f²/2 + f³·P(f).
    const auto bits = std::bit_cast<std::uint32_t>(x);
    int e = static_cast<int>(bits >> 23) - 127;
    float m = std::bit_cast<float>((bits & 0x007FFFFFu) | 0x3F800000u); // [1, 2)
    const bool high = m > 1.41421356F;
    m = high ? 0.5F * m : m;
    e += high ? 1 : 0;
    const float f = m - 1.0F;
    const float f2 = f * f;
    float p = 7.0376836292E-2F;
    p = p * f - 1.1514610310E-1F;
    p = p * f + 1.1676998740E-1F;
    p = p * f - 1.2420140846E-1F;
    p = p * f + 1.4249322787E-1F;
    p = p * f - 1.6668057665E-1F;
    p = p * f + 2.0000714765E-1F;
    p = p * f - 2.4999993993E-1F;
    p = p * f + 3.3333331174E-1F;
    const auto ef = static_cast<float>(e);
    // ln 2 split in two (0.693359375 is exact in 9 bits), so e·ln 2 adds no rounding of its own.
    const float r = f2 * f * p + ef * -2.12194440E-4F - 0.5F * f2;
    return f + r + ef * 0.693359375F;
}

//! sin and cos of φ for φ in [0, π/4].
inline void sinCosOctant(float phi, float& s, float& c)
{
    const float z = phi * phi;
    float ps = -1.9515295891E-4F;
    ps = ps * z + 8.3321608736E-3F;
    ps = ps * z - 1.6666654611E-1F;
    s = ps * z * phi + phi;
    float pc = 2.443315711809948E-5F;
    pc = pc * z - 1.388731625493765E-3F;
    pc = pc * z + 4.166664568298827E-2F;
    c = pc * z * z - 0.5F * z + 1.0F;
}

} // namespace ch::risk::detail
