#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace ch::marketdata {

//! SplitMix64 (Steele, Lea & Flood 2014; constants from Vigna's reference code
//! https://prng.di.unimi.it/splitmix64.c). Used to expand one seed into xoshiro state and to derive
//! independent stream seeds from (seed, stream id).
inline std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

//! FNV-1a 64-bit hash (Fowler/Noll/Vo), used to turn a stream name into a stream id and for the
//! manifest checksums. Not cryptographic: it detects accidental edits, not tampering.
inline std::uint64_t fnv1a64(const char* data, std::size_t size)
{
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001B3ULL;
    }
    return h;
}

//! xoshiro256** 1.0 (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro256starstar.c).
//! Our own generator rather than std::mt19937 + std::normal_distribution because the standard
//! distributions are implementation-defined: the committed dataset must come out byte-identical
//! with any standard library.
class Xoshiro256
{
public:
    explicit Xoshiro256(std::uint64_t seed)
    {
        std::uint64_t sm = seed;
        for (auto& word : m_s)
            word = splitMix64(sm);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    //! Uniform on the open interval (0, 1): the top 53 bits plus one half, scaled by 2^-53, so
    //! log(u) is always finite.
    double uniformOpen() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

    //! Standard normal by the Box-Muller transform (Box & Muller 1958), caching the second value.
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = uniformOpen();
        const double u2 = uniformOpen();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double theta = 2.0 * std::numbers::pi * u2;
        m_spare = r * std::sin(theta);
        m_hasSpare = true;
        return r * std::cos(theta);
    }

    //! Exponential with the given mean (inverse transform).
    double exponential(double mean) { return -mean * std::log(uniformOpen()); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_s[4]{};
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace ch::marketdata
