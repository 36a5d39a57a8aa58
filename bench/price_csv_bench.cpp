// Throughput of ch::marketdata::parsePriceCsv on a 1,000,000-row file built in memory: 8 GPU
// indices x N days x 20 marketplaces (source column), so every (index, day) is a median of 20
// rows. Target on the reference machine: more than 2 million rows per second, parse + aggregate.

#include "domain/dates.h"
#include "marketdata/price_csv.h"
#include "marketdata/reference_dataset.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace ch;
using Clock = std::chrono::steady_clock;

namespace {

std::string makeCsv(std::size_t rows, const std::vector<std::string>& ids)
{
    constexpr int kSources = 20;
    std::string text = "date,index,price,source\n";
    text.reserve(rows * 40);
    const long long start =
        daysSinceEpoch(Date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}});
    std::size_t written = 0;
    for (long long day = 0; written < rows; ++day) {
        const std::string date = formatIsoDate(dateFromDaysSinceEpoch(start + day));
        for (const auto& id : ids) {
            for (int s = 0; s < kSources && written < rows; ++s, ++written) {
                // Prices 1.0000 .. 9.9999 in a fixed pseudo-random pattern.
                const auto cents =
                    10'000 + (written * 7919 + static_cast<std::size_t>(s) * 104'729) % 90'000;
                char price[16];
                std::snprintf(price, sizeof price, "%zu.%04zu", cents / 10'000, cents % 10'000);
                text += date;
                text += ',';
                text += id;
                text += ',';
                text += price;
                text += ",market";
                text += std::to_string(s);
                text += '\n';
            }
        }
    }
    return text;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    std::vector<std::string> ids;
    for (const auto& def : marketdata::generateReferenceDataset().indices)
        ids.push_back(def.id);
    const std::vector<std::string> gpuIds(ids.begin(), ids.begin() + 8);
    const std::string csv = makeCsv(rows, gpuIds);
    std::printf("price CSV: %zu rows, %.1f MB in memory\n", rows, double(csv.size()) / 1e6);

    // Wall time and process CPU time: on a shared machine the CPU time shows the cost without
    // the waiting for a core.
    std::vector<double> times;
    std::vector<double> cpuTimes;
    std::size_t points = 0;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = Clock::now();
        const auto c0 = std::clock();
        const auto r = marketdata::parsePriceCsv(csv, "bench.csv", ids);
        cpuTimes.push_back(double(std::clock() - c0) / CLOCKS_PER_SEC);
        times.push_back(seconds(Clock::now() - t0));
        if (r.hasErrors() || r.value.rowsRead != rows) {
            std::fprintf(stderr, "unexpected issues: %s\n", r.issues.front().toString().c_str());
            return 1;
        }
        points = r.value.prices.size();
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    const double median = times[times.size() / 2];
    const double cpu = cpuTimes[cpuTimes.size() / 2];
    std::printf("parsePriceCsv: median %.3f s wall over %zu runs (best %.3f s), %.2f million "
                "rows/s; median CPU time %.3f s, %.2f million rows/s per core; %zu aggregated "
                "points\n",
                median,
                times.size(),
                times.front(),
                double(rows) / median / 1e6,
                cpu,
                double(rows) / cpu / 1e6,
                points);

    const auto g0 = Clock::now();
    const auto data = marketdata::generateReferenceDataset();
    const auto g1 = Clock::now();
    const auto files = marketdata::writeDatasetFiles(data);
    const auto g2 = Clock::now();
    std::size_t bytes = 0;
    for (const auto& [name, content] : files)
        bytes += content.size();
    std::printf(
        "generateReferenceDataset: %.3f s; writeDatasetFiles: %.3f s (%zu files, %.1f kB)\n",
        seconds(g1 - g0),
        seconds(g2 - g1),
        files.size(),
        double(bytes) / 1e3);
    return 0;
}
