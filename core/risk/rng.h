#pragma once

#include <bit>
#include <cstdint>

namespace ch::risk {

// Random numbers for the Monte Carlo. Every path has its own xoshiro256** stream (Blackman &
// Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), seeded by
// SplitMix64 from (run seed, global path index) as the authors recommend. A path's numbers thus
// depend only on the seed and its index, never on which thread or in which order it ran, so a run
// is bit-identical for any thread count. Streams are kept structure-of-arrays across the lanes of
// a block (mc_kernel.cpp) so the generator vectorises.

//! One SplitMix64 step (Steele, Lea & Flood 2014): advances `state`, returns a mixed 64-bit word.
inline std::uint64_t splitMix64(std::uint64_t& state)
{
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

//! The four xoshiro256** state words of path `pathIndex` in a run seeded with `seed`.
struct XoshiroState
{
    std::uint64_t s[4];
};

inline XoshiroState seedPath(std::uint64_t seed, std::uint64_t pathIndex)
{
    // Mix the seed and the index separately before combining, so neighbouring seeds or indices do
    // not start from neighbouring SplitMix64 states.
    std::uint64_t a = seed;
    std::uint64_t b = pathIndex ^ 0xD1B54A32D192ED03ULL;
    std::uint64_t state = splitMix64(a) ^ splitMix64(b);
    XoshiroState x{};
    for (auto& word : x.s)
        word = splitMix64(state);
    if ((x.s[0] | x.s[1] | x.s[2] | x.s[3]) == 0) // the one forbidden state
        x.s[0] = 1;
    return x;
}

inline std::uint64_t rotl64(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

//! One xoshiro256** step on four state words held in registers.
inline std::uint64_t
xoshiroNext(std::uint64_t& s0, std::uint64_t& s1, std::uint64_t& s2, std::uint64_t& s3)
{
    const std::uint64_t result = rotl64(s1 * 5, 7) * 9;
    const std::uint64_t t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl64(s3, 45);
    return result;
}

//! Uniform on [0, 1) from the top 52 bits, by bit pattern (no int-to-double conversion, which
//! AVX2 lacks for 64-bit integers).
inline double uniformHalfOpen(std::uint64_t x)
{
    return std::bit_cast<double>((x >> 12) | 0x3FF0000000000000ULL) - 1.0;
}

//! Uniform on (0, 1], safe for log().
inline double uniformOpenZero(std::uint64_t x)
{
    return 2.0 - std::bit_cast<double>((x >> 12) | 0x3FF0000000000000ULL);
}

} // namespace ch::risk
