// Jump counts of the Monte Carlo kernel (mc_simd.h): which lanes of a factor jump this month,
// and for those the count N and the uniform that becomes the normal of the jump size. A factor's
// 32-bit word w gives N = #{j : w >= T_j} (T_j = 2^32·P(N <= j), mc_model.cpp jumpTables); given
// N = n, w is uniform on the n-th interval of words, and its position there is a uniform
// independent of N. Compiled with the kernel flags (core/risk/CMakeLists.txt).
#include "risk/mc_simd.h"

#include <bit>
#include <cmath>
#include <cstring>

#define CH_RISK_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))

namespace ch::risk::detail {

namespace {

// For each byte b of lane flags (bit k = lane k of 8), the positions of its set bits and how many
// there are: one table row turns 8 flags into list entries without a branch.
struct CompactTable
{
    std::uint32_t index[256][8];
    std::uint8_t count[256];
};

constexpr CompactTable makeCompactTable()
{
    CompactTable t{};
    for (unsigned b = 0; b < 256; ++b) {
        unsigned n = 0;
        for (unsigned k = 0; k < 8; ++k)
            if ((b >> k) & 1u)
                t.index[b][n++] = k;
        t.count[b] = static_cast<std::uint8_t>(n);
    }
    return t;
}

constexpr CompactTable kCompact = makeCompactTable();

typedef std::uint32_t U32x8 __attribute__((vector_size(32)));

} // namespace

CH_RISK_KERNEL std::size_t lanesAtLeast(const std::uint64_t* words,
                                        unsigned shift,
                                        std::uint32_t threshold,
                                        std::uint8_t* flags,
                                        std::uint32_t* lanesOut,
                                        std::size_t lanes)
{
    // One flag byte per lane (vectorised compare), then eight lanes at a time: the multiply
    // gathers the low bit of each of the eight bytes into the top byte (bit k = byte k; no two
    // partial products meet there), and the table appends the flagged lanes.
    const std::uint64_t* __restrict w = words;
    std::uint8_t* __restrict f = flags;
#pragma omp simd
    for (std::size_t l = 0; l < lanes; ++l)
        f[l] = static_cast<std::uint32_t>(w[l] >> shift) >= threshold ? 1 : 0;
    const std::size_t padded = (lanes + 7) / 8 * 8;
    for (std::size_t l = lanes; l < padded; ++l)
        f[l] = 0;
    std::uint32_t* __restrict out = lanesOut;
    std::size_t n = 0;
    for (std::size_t g = 0; g < padded; g += 8) {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, f + g, sizeof bytes);
        const auto b = static_cast<std::size_t>((bytes * 0x0102040810204080ULL) >> 56);
        U32x8 entries;
        std::memcpy(&entries, kCompact.index[b], sizeof entries);
        entries += static_cast<std::uint32_t>(g);
        std::memcpy(out + n, &entries, sizeof entries);
        n += kCompact.count[b];
    }
    return n;
}

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
                 std::uint32_t* target)
{
    // Scalar: a factor has a dozen or two jumping lanes per chunk, too few for vector loops to
    // pay for their set-up. Most have N = 1, whose interval and reciprocal width are fixed; the
    // rest (N >= 2, a few percent) walk up the thresholds. An interval [lower, upper) is the words
    // giving one count; upper = 0 stands for 2^32, which the modulo-2^32 differences handle.
    const std::uint32_t* __restrict t = threshold;
    float* __restrict tail = signedTail;
    float* __restrict mu = mean;
    float* __restrict sd = scale;
    std::uint32_t* __restrict index = target;
    const std::uint32_t t0 = t[0];
    const std::uint32_t t1 = thresholds > 1 ? t[1] : 0;
    const float invWidth1 = 1.0F / static_cast<float>(t1 - t0);
    for (std::size_t j = 0; j < found; ++j) {
        const std::uint32_t lane = lanes[j];
        const auto x = static_cast<std::uint32_t>(words[lane] >> shift);
        std::uint32_t lower = t0;
        std::uint32_t upper = t1;
        float invWidth = invWidth1;
        float count = 1.0F;
        if (thresholds > 1 && x >= t1) [[unlikely]] {
            std::size_t i = 2;
            while (i < thresholds && x >= t[i])
                ++i;
            lower = t[i - 1];
            upper = i < thresholds ? t[i] : 0;
            invWidth = 1.0F / static_cast<float>(upper - lower);
            count = static_cast<float>(i);
        }
        // The word's position inside its interval as the tail probability q = min(v, 1 − v) of
        // v = (pos + ½) / width, signed + when v <= ½ (an interval holds 2^32·P(N = n) <= 2^32/e
        // words, so the integers convert to float with full relative precision). In integer
        // arithmetic, as the half goes either way with probability ½ and GCC would otherwise
        // branch on it: d = pos − back, min(pos, back) = back + min(d, 0), and the sign bit of −d
        // marks the upper half.
        const std::uint32_t pos = x - lower;
        const std::uint32_t back = (upper - lower) - 1 - pos;
        const std::int64_t d = static_cast<std::int64_t>(pos) - static_cast<std::int64_t>(back);
        const std::int64_t closer = static_cast<std::int64_t>(back) + (d & (d >> 63));
        const float q = (static_cast<float>(closer) + 0.5F) * invWidth;
        const auto upperHalf =
            static_cast<std::uint32_t>(static_cast<std::uint64_t>(-d) >> 32) & 0x80000000u;
        tail[j] = std::bit_cast<float>(std::bit_cast<std::uint32_t>(q) ^ upperHalf);
        mu[j] = count * jumpMean;
        sd[j] = std::sqrt(count) * jumpSd;
        index[j] = rowBase + lane;
    }
}

} // namespace ch::risk::detail
