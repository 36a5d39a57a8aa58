#pragma once

#include <cstdint>
#include <vector>

//! Rows of a price CSV and how they are sorted for aggregation (internal to marketdata).
namespace ch::marketdata::price_rows {

//! While parsing, Row::key packs index rank (16 bits) | day + kDayBias (24 bits) | source id
//! (24 bits); compactKeys() then turns it into a dense key with the same order.
inline constexpr std::int64_t kDayBias = std::int64_t{1} << 23;

inline std::uint64_t packKey(std::uint64_t rank, long long daysSinceEpoch, std::uint32_t source)
{
    return (rank << 48) | (static_cast<std::uint64_t>(daysSinceEpoch + kDayBias) << 24) | source;
}

//! One accepted CSV row.
struct Row
{
    std::uint64_t key = 0;
    double price = 0.0;
    double volume = 0.0;
    std::uint32_t line = 0;
};

//! Dense sort keys: ((rank × dayCount) + day − firstDay) × sourceCount + source, so the key range
//! is only as wide as the file's data and a radix sort needs few passes.
struct KeyLayout
{
    long long firstDay = 0;
    std::uint64_t dayCount = 1;
    std::uint64_t sourceCount = 1;
    std::uint64_t keyCount = 1;
};

KeyLayout compactKeys(std::vector<Row>& rows, std::size_t rankCount, std::size_t sourceCount);

//! Stable LSD radix sort by key, 11 bits per pass (Knuth, TAOCP vol. 3, §5.2.5). Stability keeps
//! rows with equal keys in line order. Faster than std::sort here because a million-row file
//! usually needs two or three passes.
void radixSort(std::vector<Row>& rows, std::uint64_t keyCount);

} // namespace ch::marketdata::price_rows
