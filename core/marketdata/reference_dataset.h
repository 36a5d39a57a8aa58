#pragma once

#include "domain/issue.h"
#include "domain/market.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ch::marketdata {

//! One anchor the generated history must pass through: a public level with its source.
struct Anchor
{
    std::string indexId;
    Date date{};
    double usd = 0.0;
    double tolerance = 0.0; //!< absolute, USD per unit
    std::string sourceUrl;
};

//! The generator's fixed inputs; the default-constructed config reproduces the committed dataset.
struct GeneratorConfig
{
    std::uint64_t seed = 20261030;
    std::string version = "2026.10";
    Date firstDate{std::chrono::year{2023}, std::chrono::month{1}, std::chrono::day{2}};
    Date valuationDate{std::chrono::year{2026}, std::chrono::month{10}, std::chrono::day{30}};
};

//! The calibrated reference dataset (shared/reference/market.md §3): synthetic daily GPU rental
//! indices conditioned on dated public anchors, and token list-price step functions per tier.
//! Deterministic: the same config gives the same bytes.
MarketDataSet generateReferenceDataset(const GeneratorConfig& config = {});
//! The anchors used (for the README table and the anchor tests).
std::vector<Anchor> referenceAnchors();

//! "ComputeHedge Calibrated Reference Dataset v<version>. Synthetic history ..." (market.md §3.1),
//! the label shown wherever these prices appear.
std::string datasetDisclaimer(const std::string& version);

//! One calibration statistic (market.md §2.1 and §3.3) on a window, for the tests and the README.
//! `statistic` is "annual_vol", "max_drawdown" or "max_run_up" (see series_statistics.h).
struct StatisticTarget
{
    std::string indexId;
    std::string statistic;
    double target = 0.0;
    double tolerance = 0.0;
    Date from{};
    Date to{};
    std::string source;
};
std::vector<StatisticTarget> referenceStatisticTargets();

//! The dataset as the text files committed under resources/data/ (file name -> content).
std::map<std::string, std::string> writeDatasetFiles(const MarketDataSet& data);
//! Reads those files back; every problem is an Issue naming the file, line and column.
Parsed<MarketDataSet> parseDatasetFiles(const std::map<std::string, std::string>& files);
//! Reads anchors.csv (index,date,level,tolerance,source_url); parseDatasetFiles checks it too.
Parsed<std::vector<Anchor>> parseAnchorsCsv(std::string_view text,
                                            const std::string& fileName = "anchors.csv");

} // namespace ch::marketdata
