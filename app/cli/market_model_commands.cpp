// `computehedge-cli market curve|stats`: forward curves, volatilities and correlations computed by
// pricing::buildMarketSnapshot from the workspace's history as of the dataset's valuation date.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "market_lookup.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "text_table.h"

#include <cstdio>

namespace ch::cli {
namespace {

// The pricing defaults (market_snapshot.h), repeated here for the help text and JSON output.
constexpr int kCurveMonths = 36;
constexpr int kDefaultWindowDays = 730;

const char* modelKindCode(pricing::CurveModel::Kind kind)
{
    return kind == pricing::CurveModel::Kind::MeanReverting ? "mean_reverting" : "step_trend";
}

int showCurve(Context& ctx, const Arguments& args)
{
    const std::string id = *args.positional("INDEX");
    const MarketDataSet data = storage::MarketDataRepository(ctx.workspace()).loadAll();
    requireMarketData(data);
    requireHistory(data);
    const IndexDefinition& index = requireIndex(data.indices, id);
    const pricing::MarketSnapshot snapshot =
        pricing::buildMarketSnapshot(data, data.info.valuationDate, kCurveMonths);
    const pricing::ForwardCurve* curve = snapshot.findCurve(id);
    if (curve == nullptr)
        throw UserError("INDEX: no forward curve for \"" + id + "\" as of "
                        + formatIsoDate(snapshot.valuationDate)
                        + "; the index has no history up to that date");
    const auto& m = curve->model;
    if (ctx.json()) {
        QJsonArray forwards;
        for (const auto& p : curve->points)
            forwards.append(QJsonObject{{"delivery_month", jsonMonth(p.delivery)},
                                        {"forward_usd_per_unit", p.usd}});
        QJsonObject o{{"index_id", qstr(curve->indexId)},
                      {"name", qstr(index.name)},
                      {"as_of", jsonDate(curve->asOf)},
                      {"spot_usd_per_unit", curve->spotUsd},
                      {"model",
                       QJsonObject{{"kind", modelKindCode(m.kind)},
                                   {"kappa_per_year", m.kappaPerYear},
                                   {"long_run_usd_per_unit", m.longRunUsd},
                                   {"decline_per_year", m.declinePerYear},
                                   {"vol_annual", m.volAnnual},
                                   {"jumps_per_year", m.jumpsPerYear},
                                   {"mean_jump_log", m.meanJumpLog}}},
                      {"forwards", forwards}};
        addUnit(o, curve->unit);
        addDatasetLabel(o, data.info);
        ctx.printJson(o);
        return 0;
    }
    const std::string unit = unitPriceLabel(curve->unit);
    // Text shows the parameters the model kind uses (pricing/curve_models.cpp); JSON has all.
    std::vector<std::pair<std::string, std::string>> fields{
        {"Index", curve->indexId + "  " + index.name},
        {"As of", formatIsoDate(curve->asOf)},
        {"Spot", formatPrice(curve->spotUsd) + " " + unit},
        {"Model", modelKindCode(m.kind)}};
    if (m.kind == pricing::CurveModel::Kind::MeanReverting) {
        fields.emplace_back("Mean reversion", formatNumber(m.kappaPerYear, 4) + " per year");
        fields.emplace_back("Long-run level", formatPrice(m.longRunUsd) + " " + unit);
        fields.emplace_back("Decline", formatNumber(m.declinePerYear, 4) + " per year (log)");
        fields.emplace_back("Volatility", formatPercent(m.volAnnual, 1) + " per sqrt(year)");
    } else {
        fields.emplace_back("Price cuts", formatNumber(m.jumpsPerYear, 4) + " per year");
        fields.emplace_back("Mean cut size", formatNumber(m.meanJumpLog, 4) + " (log)");
    }
    ctx.out() << renderFields(fields);
    TextTable table(
        {{"Delivery"}, {"Forward (" + unit + ")", Align::Right}, {"vs spot", Align::Right}});
    for (const auto& p : curve->points)
        table.addRow({formatIsoMonth(p.delivery),
                      formatPrice(p.usd),
                      formatPercent(p.usd / curve->spotUsd - 1.0, 1)});
    ctx.out() << "\n"
              << table.render() << "\n"
              << "Forward = expected business-day average of the index over the delivery month.\n"
              << datasetFooter(data.info);
    return 0;
}

int showStats(Context& ctx, const Arguments& args)
{
    const int windowDays = positiveIntValue(args, "--window-days").value_or(kDefaultWindowDays);
    const MarketDataSet data = storage::MarketDataRepository(ctx.workspace()).loadAll();
    requireMarketData(data);
    requireHistory(data);
    const pricing::MarketSnapshot snapshot =
        pricing::buildMarketSnapshot(data, data.info.valuationDate, kCurveMonths, windowDays);
    const auto& corr = snapshot.correlation;
    const auto n = static_cast<Eigen::Index>(corr.indexIds.size());
    if (ctx.json()) {
        QJsonArray vols;
        for (const auto& v : snapshot.vols)
            vols.append(QJsonObject{{"index_id", qstr(v.indexId)},
                                    {"annual_vol", v.annualVol},
                                    {"observations", jsonCount(v.observations)}});
        QJsonArray matrix;
        for (Eigen::Index r = 0; r < n; ++r) {
            QJsonArray row;
            for (Eigen::Index c = 0; c < n; ++c)
                row.append(corr.matrix(r, c));
            matrix.append(row);
        }
        QJsonObject o{{"as_of", jsonDate(snapshot.valuationDate)},
                      {"window_days", windowDays},
                      {"vols", vols},
                      {"correlation",
                       QJsonObject{{"index_ids", jsonStrings(corr.indexIds)},
                                   {"matrix", matrix},
                                   {"repaired", corr.repaired},
                                   {"repair_frobenius", corr.repairFrobenius},
                                   {"observations", jsonCount(corr.observations)}}}};
        addDatasetLabel(o, data.info);
        ctx.printJson(o);
        return 0;
    }
    TextTable volTable({{"Index"}, {"Annual vol", Align::Right}, {"Observations", Align::Right}});
    for (const auto& v : snapshot.vols)
        volTable.addRow({v.indexId, formatPercent(v.annualVol, 1), formatCount(v.observations)});
    // Columns are numbered and rows carry number and id, so 17 indices still fit a terminal.
    std::vector<Column> columns{{"#", Align::Right}, {"Index"}};
    for (Eigen::Index c = 0; c < n; ++c)
        columns.push_back({std::to_string(c + 1), Align::Right});
    TextTable corrTable(columns);
    for (Eigen::Index r = 0; r < n; ++r) {
        std::vector<std::string> cells{std::to_string(r + 1),
                                       corr.indexIds[static_cast<std::size_t>(r)]};
        for (Eigen::Index c = 0; c < n; ++c)
            cells.push_back(formatNumber(corr.matrix(r, c), 2));
        corrTable.addRow(cells);
    }
    char distance[32];
    std::snprintf(distance, sizeof distance, "%.3g", corr.repairFrobenius);
    ctx.out() << "Daily log returns over business days, " << windowDays << " days to "
              << formatIsoDate(snapshot.valuationDate) << "; volatility scaled by sqrt(252).\n\n"
              << volTable.render() << "\nCorrelation (" << formatCount(corr.observations)
              << " observations):\n"
              << corrTable.render() << "\n"
              << (corr.repaired ? "The pairwise estimate was not a valid correlation matrix; it "
                                  "was repaired to the nearest one\n(Higham 2002), Frobenius "
                                  "distance "
                                      + std::string(distance) + ".\n"
                                : std::string("The pairwise estimate is a valid correlation "
                                              "matrix; no repair was needed.\n"))
              << datasetFooter(data.info);
    return 0;
}

CH_CLI_COMMAND({
    .group = "market",
    .name = "curve",
    .summary = "Monthly forward curve (36 months) and model parameters of one index",
    .positionals = {{.name = "INDEX", .help = "index id such as GPU.H100.NC; see `market list`"}},
    .description =
        "Built as of the dataset's valuation date; the first delivery month is the one "
        "after it.\nJSON: {\"index_id\", \"name\", \"unit\", \"unit_code\", "
        "\"unit_symbol\", \"as_of\", \"spot_usd_per_unit\",\n\"model\": {\"kind\": "
        "\"mean_reverting\"|\"step_trend\", \"kappa_per_year\", "
        "\"long_run_usd_per_unit\",\n\"decline_per_year\", \"vol_annual\", \"jumps_per_year\", "
        "\"mean_jump_log\"}, \"forwards\": [{\"delivery_month\",\n"
        "\"forward_usd_per_unit\"}], \"dataset_version\", \"valuation_date\", "
        "\"disclaimer\"}.",
    .examples = {"computehedge-cli --workspace demo.chw market curve GPU.H100.NC"},
    .run = &showCurve,
});

CH_CLI_COMMAND({
    .group = "market",
    .name = "stats",
    .summary = "Annualised volatility per index and the correlation matrix",
    .options = {{.name = "--window-days",
                 .valueName = "N",
                 .help = "calendar days of history before the valuation date; default 730"}},
    .description = "Correlations are repaired to the nearest valid correlation matrix (Higham "
                   "2002) when the\npairwise estimate is not one; the output says whether it was.\n"
                   "JSON: {\"as_of\", \"window_days\", \"vols\": [{\"index_id\", \"annual_vol\", "
                   "\"observations\"}],\n\"correlation\": {\"index_ids\", \"matrix\", "
                   "\"repaired\", \"repair_frobenius\", \"observations\"},\n\"dataset_version\", "
                   "\"valuation_date\", \"disclaimer\"}. annual_vol is a fraction (0.35 = 35%).",
    .examples = {"computehedge-cli --workspace demo.chw market stats --window-days 365"},
    .run = &showStats,
});

} // namespace
} // namespace ch::cli
