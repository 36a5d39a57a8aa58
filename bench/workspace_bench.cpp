// Workspace benchmarks (docs/benchmarks.md): (a) open the demo workspace, load all market data and
// build the market snapshot, median of 5; (b) import a generated price CSV of N rows (default
// 1,000,000; several sources per index and day), median of 3, each into a fresh copy.

#include "marketdata/price_csv.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

//! Writes `rows` price rows: every index of `data` on consecutive days from 1990-01-01, from
//! `sources` marketplaces each, prices near the index's last level (deterministic).
std::size_t
writePriceCsv(const std::string& path, const ch::MarketDataSet& data, std::size_t rows, int sources)
{
    std::ofstream out(path, std::ios::binary);
    out << "date,index,price,source\n";
    const ch::Date start{std::chrono::year{1990}, std::chrono::month{1}, std::chrono::day{1}};
    const long long day0 = ch::daysSinceEpoch(start);
    std::size_t written = 0;
    char price[32];
    for (long long day = 0; written < rows; ++day) {
        const std::string date = ch::formatIsoDate(ch::dateFromDaysSinceEpoch(day0 + day));
        for (const auto& s : data.series) {
            const double level = s.points.empty() ? 1.0 : s.points.back().usd;
            for (int src = 0; src < sources && written < rows; ++src, ++written) {
                const double wiggle = 1.0 + 0.01 * std::sin(0.1 * static_cast<double>(day) + src);
                std::snprintf(price, sizeof price, "%.6f", level * wiggle);
                out << date << ',' << s.indexId << ',' << price << ",m" << src << '\n';
            }
        }
    }
    return written;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const std::size_t csvRows = argc > 1 ? std::stoul(argv[1]) : 1'000'000;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "workspace_bench: cannot create a temporary folder\n");
        return 1;
    }
    const std::filesystem::path demo = dir.filePath("demo.chw").toStdString();
    try {
        auto t = Clock::now();
        {
            ch::storage::Workspace::createDemo(demo);
        }
        std::printf("create demo workspace: %.1f ms\n", msSince(t));

        std::vector<double> openLoad, snapshot, total;
        ch::MarketDataSet data;
        std::size_t points = 0;
        for (int run = 0; run < 5; ++run) {
            const auto t0 = Clock::now();
            ch::storage::Workspace ws = ch::storage::Workspace::open(demo);
            data = ch::storage::MarketDataRepository(ws).loadAll();
            const double a = msSince(t0);
            const auto t1 = Clock::now();
            const auto snap = ch::pricing::buildMarketSnapshot(data, data.info.valuationDate);
            const double b = msSince(t1);
            openLoad.push_back(a);
            snapshot.push_back(b);
            total.push_back(a + b);
            points = 0;
            for (const auto& s : data.series)
                points += s.points.size();
            if (snap.curves.size() != data.indices.size())
                std::fprintf(stderr,
                             "workspace_bench: snapshot has %zu curves for %zu indices\n",
                             snap.curves.size(),
                             data.indices.size());
        }
        std::printf("open + loadAll (%zu series, %zu prices): median %.1f ms of 5\n",
                    data.series.size(),
                    points,
                    median(openLoad));
        std::printf("buildMarketSnapshot: median %.1f ms of 5\n", median(snapshot));
        std::printf("open + loadAll + snapshot: median %.1f ms of 5\n", median(total));

        const std::string csv = dir.filePath("prices.csv").toStdString();
        const std::size_t rows = writePriceCsv(csv, data, csvRows, 4);
        {
            // Parsing alone, to tell the parser's share from the database writes.
            std::ifstream in(csv, std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            std::vector<std::string> ids;
            for (const auto& i : data.indices)
                ids.push_back(i.id);
            const auto p0 = Clock::now();
            const auto parsed = ch::marketdata::parsePriceCsv(text.str(), "prices.csv", ids);
            std::printf("parsePriceCsv alone: %zu rows -> %zu points in %.2f s\n",
                        parsed.value.rowsRead,
                        parsed.value.prices.size(),
                        msSince(p0) / 1000.0);
        }
        std::vector<double> seconds;
        ch::storage::PriceImportReport report;
        for (int run = 0; run < 3; ++run) {
            const std::filesystem::path copy =
                dir.filePath(QString("import%1.chw").arg(run)).toStdString();
            {
                ch::storage::Workspace ws = ch::storage::Workspace::open(demo);
                ws.saveCopyAs(copy);
            }
            ch::storage::Workspace ws = ch::storage::Workspace::open(copy);
            const auto t0 = Clock::now();
            report = ch::storage::MarketDataRepository(ws).importPriceCsv(csv);
            seconds.push_back(msSince(t0) / 1000.0);
            if (!report.applied) {
                std::fprintf(stderr,
                             "workspace_bench: import not applied: %s\n",
                             report.issues.empty() ? "?" : report.issues[0].toString().c_str());
                return 1;
            }
        }
        const double s = median(seconds);
        std::printf("importPriceCsv: %zu rows -> %zu points, median %.2f s of 3: %.0f rows/s\n",
                    rows,
                    report.pointsWritten,
                    s,
                    static_cast<double>(rows) / s);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "workspace_bench: error: %s\n", e.what());
        return 1;
    }
    return 0;
}
