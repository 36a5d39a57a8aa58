#include "marketdata/price_rows.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace ch::marketdata::price_rows {

KeyLayout compactKeys(std::vector<Row>& rows, std::size_t rankCount, std::size_t sourceCount)
{
    KeyLayout l;
    if (rows.empty())
        return l;
    std::uint64_t lo = ~std::uint64_t{0};
    std::uint64_t hi = 0;
    for (const auto& r : rows) {
        const auto day = (r.key >> 24) & 0xFFFFFF;
        lo = std::min(lo, day);
        hi = std::max(hi, day);
    }
    l.firstDay = static_cast<long long>(lo) - kDayBias;
    l.dayCount = hi - lo + 1;
    l.sourceCount = std::max<std::uint64_t>(sourceCount, 1);
    // < 2^16 × 2^24 × 2^24: no overflow.
    l.keyCount = static_cast<std::uint64_t>(rankCount) * l.dayCount * l.sourceCount;
    for (auto& r : rows) {
        const auto rank = r.key >> 48;
        const auto day = ((r.key >> 24) & 0xFFFFFF) - lo;
        const auto source = r.key & 0xFFFFFF;
        r.key = (rank * l.dayCount + day) * l.sourceCount + source;
    }
    return l;
}

void radixSort(std::vector<Row>& rows, std::uint64_t keyCount)
{
    constexpr int kBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    const int passes = (static_cast<int>(std::bit_width(keyCount)) + kBits - 1) / kBits;
    std::vector<Row> buffer(rows.size());
    std::vector<std::size_t> count(kBuckets);
    for (int pass = 0; pass < passes; ++pass) {
        const int shift = pass * kBits;
        std::fill(count.begin(), count.end(), 0);
        for (const auto& r : rows)
            ++count[(r.key >> shift) & (kBuckets - 1)];
        std::size_t sum = 0;
        for (auto& c : count)
            sum += std::exchange(c, sum);
        for (const auto& r : rows)
            buffer[count[(r.key >> shift) & (kBuckets - 1)]++] = r;
        rows.swap(buffer);
    }
}

} // namespace ch::marketdata::price_rows
