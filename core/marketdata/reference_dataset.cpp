#include "marketdata/reference_dataset.h"

#include "domain/error.h"
#include "marketdata/gpu_path.h"
#include "marketdata/reference_catalog.h"
#include "marketdata/token_prices.h"

#include <algorithm>
#include <cmath>

namespace ch::marketdata {

namespace {

using namespace std::chrono;

constexpr Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

double round4(double v)
{
    return std::round(v * 1e4) / 1e4;
}

PriceSeries toSeries(const std::string& id, Date first, const std::vector<double>& logPrices)
{
    PriceSeries s{id, {}};
    s.points.reserve(logPrices.size());
    const auto d0 = daysSinceEpoch(first);
    for (std::size_t i = 0; i < logPrices.size(); ++i) {
        const double usd = round4(std::exp(logPrices[i]));
        require(usd > 0.0, id + ": generated a non-positive price");
        s.points.push_back({dateFromDaysSinceEpoch(d0 + static_cast<long long>(i)), usd});
    }
    return s;
}

} // namespace

std::string datasetDisclaimer(const std::string& version)
{
    return "ComputeHedge Calibrated Reference Dataset v" + version
           + ". Synthetic history calibrated to public price levels and statistics cited in the "
             "dataset manifest. Not live quotes, not any vendor's index, not valid for settlement "
             "or valuation of real positions.";
}

std::vector<StatisticTarget> referenceStatisticTargets()
{
    const Date from = ymd(2024, 9, 1);
    const Date to = ymd(2026, 8, 14);
    const Date b200 = ymd(2025, 2, 4);
    const std::string sd = "https://www.silicondata.com/blog/cash-settled-compute-futures";
    const std::string assumed = "market.md §3.3 (assumption [U])";
    return {
        {"GPU.H100.NC", "annual_vol", 0.26, 0.03, from, to, sd},
        {"GPU.H100.NC", "max_drawdown", -0.45, 0.05, from, to, sd},
        {"GPU.H100.NC", "max_run_up", 0.50, 0.05, from, to, sd},
        {"GPU.B200.NC", "annual_vol", 0.30, 0.03, b200, to, sd},
        {"GPU.B200.NC", "max_drawdown", -0.20, 0.05, b200, to, sd},
        {"GPU.B200.NC", "max_run_up", 0.42, 0.05, b200, to, sd},
        {"GPU.B200.NC", "annual_vol", 0.071, 0.03, ymd(2026, 8, 1), ymd(2026, 8, 31), sd},
        {"GPU.A100.NC", "annual_vol", 0.15, 0.03, from, to, sd},
        {"GPU.A100.NC", "max_drawdown", -0.27, 0.05, from, to, sd},
        {"GPU.H200.NC", "annual_vol", 0.25, 0.05, from, to, assumed},
        {"GPU.L40S.NC", "annual_vol", 0.15, 0.05, from, to, assumed},
    };
}

MarketDataSet generateReferenceDataset(const GeneratorConfig& config)
{
    require(config.firstDate < config.valuationDate,
            "generateReferenceDataset: first date " + formatIsoDate(config.firstDate)
                + " is not before the valuation date " + formatIsoDate(config.valuationDate));
    MarketDataSet data;
    data.info = {
        config.version, config.valuationDate, config.seed, datasetDisclaimer(config.version)};

    // Paths always run at least to the last waypoint, so an earlier valuation date truncates the
    // same history instead of producing a different one.
    const auto specs = referenceGpuSpecs();
    Date end = config.valuationDate;
    for (const auto& s : specs)
        end = std::max(end, s.waypoints.back().date);
    std::vector<PriceSeries> all;
    std::vector<GpuPath> paths;
    for (const auto& s : specs) {
        const GpuPath* parent = nullptr;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            if (specs[i].indexId == s.parentIndexId)
                parent = &paths[i];
        }
        paths.push_back(generateGpuPath(s, end, config.seed, parent));
        all.push_back(toSeries(s.indexId, s.firstDate, paths.back().logPrice));
    }
    const auto tx = referenceTransactionSpec();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (specs[i].indexId == tx.baseIndexId)
            all.push_back(toSeries(
                tx.indexId, tx.firstDate, generateTransactionIndex(tx, paths[i], config.seed)));
    }
    for (const char* tier : {"FRONTIER", "MID", "SMALL"}) {
        for (auto& s : generateTokenSeries(tier, end))
            all.push_back(std::move(s));
    }

    for (auto def : referenceIndexDefinitions()) {
        if (def.firstDate > config.valuationDate)
            continue;
        def.firstDate = std::max(def.firstDate, config.firstDate);
        auto it = std::find_if(
            all.begin(), all.end(), [&](const PriceSeries& s) { return s.indexId == def.id; });
        require(it != all.end(), "generateReferenceDataset: no series for " + def.id);
        require(it->points.front().date <= def.firstDate,
                "generateReferenceDataset: series " + def.id + " starts after its definition");
        data.series.push_back(it->slice(def.firstDate, config.valuationDate));
        data.indices.push_back(std::move(def));
    }
    for (auto& c : referenceContractSpecs()) {
        if (data.findIndex(c.underlyingIndex))
            data.contracts.push_back(std::move(c));
    }
    for (auto& e : referenceMarketEvents()) {
        if (e.date >= config.firstDate && e.date <= config.valuationDate
            && (e.indexId.empty() || data.findIndex(e.indexId)))
            data.events.push_back(std::move(e));
    }
    return data;
}

} // namespace ch::marketdata
