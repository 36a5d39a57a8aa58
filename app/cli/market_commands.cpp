// `computehedge-cli market list|show|import|contracts`: the workspace's reference market data.
// The model-based commands (curve, stats) are in market_model_commands.cpp.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "market_lookup.h"
#include "storage/market_data_repository.h"
#include "text_table.h"

#include <algorithm>

namespace ch::cli {
namespace {

int listIndices(Context& ctx, const Arguments&)
{
    const MarketDataSet data = storage::MarketDataRepository(ctx.workspace()).loadAll();
    QJsonArray rows;
    TextTable table({{"Index"},
                     {"Name"},
                     {"Unit"},
                     {"First"},
                     {"Last"},
                     {"Last price", Align::Right},
                     {"Points", Align::Right}});
    for (const auto& index : data.indices) {
        const PriceSeries* series = data.findSeries(index.id);
        const bool hasPoints = series != nullptr && !series->empty();
        const std::size_t points = series != nullptr ? series->points.size() : 0;
        QJsonObject row{
            {"id", qstr(index.id)},
            {"name", qstr(index.name)},
            {"kind", indexKindCode(index.kind)},
            {"resource", qstr(index.resource)},
            {"segment", qstr(index.segment)},
            {"first_date", hasPoints ? jsonDate(series->points.front().date) : QJsonValue()},
            {"last_date", hasPoints ? jsonDate(series->points.back().date) : QJsonValue()},
            {"last_price_usd_per_unit",
             hasPoints ? QJsonValue(series->points.back().usd) : QJsonValue()},
            {"points", jsonCount(points)}};
        addUnit(row, index.unit);
        rows.append(row);
        table.addRow({index.id,
                      index.name,
                      unitPriceLabel(index.unit),
                      hasPoints ? formatIsoDate(series->points.front().date) : "-",
                      hasPoints ? formatIsoDate(series->points.back().date) : "-",
                      hasPoints ? formatPrice(series->points.back().usd) : "-",
                      formatCount(points)});
    }
    if (ctx.json()) {
        QJsonObject o{{"indices", rows}};
        addDatasetLabel(o, data.info);
        ctx.printJson(o);
        return 0;
    }
    ctx.out() << table.render() << "\n" << datasetFooter(data.info);
    return 0;
}

int showIndex(Context& ctx, const Arguments& args)
{
    // Arguments are checked before the workspace is opened, so a typo costs nothing.
    const std::string id = *args.positional("INDEX");
    const auto from = dateValue(args, "--from");
    const auto to = dateValue(args, "--to");
    if (from && to && *to < *from)
        throw UserError("--from " + formatIsoDate(*from) + " is after --to " + formatIsoDate(*to)
                        + "; expected --from on or before --to");
    storage::MarketDataRepository repo(ctx.workspace());
    const std::vector<IndexDefinition> indices = repo.indices();
    const IndexDefinition& index = requireIndex(indices, id);
    const PriceSeries series = repo.series(id, from, to);
    const DatasetInfo info = repo.datasetInfo();
    if (ctx.json()) {
        QJsonArray points;
        for (const auto& p : series.points)
            points.append(QJsonObject{{"date", jsonDate(p.date)}, {"price_usd_per_unit", p.usd}});
        QJsonObject o{{"index_id", qstr(index.id)},
                      {"name", qstr(index.name)},
                      {"from", jsonDate(from)},
                      {"to", jsonDate(to)},
                      {"count", jsonCount(series.points.size())},
                      {"points", points}};
        addUnit(o, index.unit);
        addDatasetLabel(o, info);
        ctx.printJson(o);
        return 0;
    }
    ctx.out() << index.id << "  " << index.name << "\n\n";
    if (series.empty()) {
        ctx.out() << "No prices" << (from ? " from " + formatIsoDate(*from) : "")
                  << (to ? " to " + formatIsoDate(*to) : "") << ".\n";
        return 0;
    }
    TextTable table(
        {{"Date"}, {std::string("Price (") + unitPriceLabel(index.unit) + ")", Align::Right}});
    for (const auto& p : series.points)
        table.addRow({formatIsoDate(p.date), formatPrice(p.usd)});
    ctx.out() << table.render() << "\n"
              << formatCount(series.points.size()) << " daily points\n"
              << datasetFooter(info);
    return 0;
}

int importPrices(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file = *args.positional("FILE");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw UserError("FILE: \"" + file.string() + "\" does not exist");
    if (!std::filesystem::is_regular_file(file, ec))
        throw UserError("FILE: \"" + file.string() + "\" is not a file");
    storage::MarketDataRepository repo(ctx.workspace());
    const storage::PriceImportReport report = repo.importPriceCsv(file);
    const auto errors = static_cast<std::size_t>(
        std::count_if(report.issues.begin(), report.issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }));
    const std::size_t warnings = report.issues.size() - errors;
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"source", qstr(report.sourceName)},
                                  {"applied", report.applied},
                                  {"rows_read", jsonCount(report.rowsRead)},
                                  {"points_written", jsonCount(report.pointsWritten)},
                                  {"indices_touched", jsonStrings(report.indicesTouched)},
                                  {"errors", jsonCount(errors)},
                                  {"warnings", jsonCount(warnings)},
                                  {"issues", jsonIssues(report.issues)}});
    }
    std::vector<std::string> lines;
    for (const auto& i : report.issues)
        lines.push_back(i.toString());
    if (!report.applied)
        throw UserError("import of " + report.sourceName + " failed with " + formatCount(errors)
                            + (errors == 1 ? " error" : " errors") + "; nothing was written",
                        lines);
    if (ctx.json())
        return 0;
    std::string touched;
    for (const auto& id : report.indicesTouched)
        touched += (touched.empty() ? "" : ", ") + id;
    ctx.out() << renderFields({{"Imported", report.sourceName},
                               {"Rows read", formatCount(report.rowsRead)},
                               {"Points written", formatCount(report.pointsWritten)},
                               {"Indices", touched.empty() ? "-" : touched},
                               {"Warnings", formatCount(warnings)}});
    for (const auto& line : lines)
        ctx.err() << line << "\n";
    return 0;
}

int listContracts(Context& ctx, const Arguments&)
{
    storage::MarketDataRepository repo(ctx.workspace());
    const auto contracts = repo.contracts();
    QJsonArray rows;
    TextTable table({{"Symbol"},
                     {"Name"},
                     {"Style"},
                     {"Index"},
                     {"Size", Align::Right},
                     {"Tick (USD)", Align::Right},
                     {"Months", Align::Right},
                     {"Margin", Align::Right},
                     {"Fee/side (USD)", Align::Right}});
    std::string rules;
    for (const auto& c : contracts) {
        const double tickUsd = static_cast<double>(c.tickMicros) / 1e6;
        const double feeUsd = static_cast<double>(c.feePerSideCents) / 100.0;
        QJsonObject row{{"symbol", qstr(c.symbol)},
                        {"name", qstr(c.name)},
                        {"style", exchangeStyleCode(c.style)},
                        {"underlying_index", qstr(c.underlyingIndex)},
                        {"units_per_contract", static_cast<qint64>(c.unitsPerContract)},
                        {"tick_usd_per_unit", tickUsd},
                        {"months_listed", c.monthsListed},
                        {"settlement", qstr(c.settlement)},
                        {"last_trading", qstr(c.lastTrading)},
                        {"initial_margin_fraction", c.initialMarginFraction},
                        {"fee_per_side_usd", feeUsd}};
        addUnit(row, c.unit);
        rows.append(row);
        table.addRow(
            {c.symbol,
             c.name,
             exchangeStyleCode(c.style),
             c.underlyingIndex,
             formatCount(static_cast<std::size_t>(c.unitsPerContract)) + " " + unitSymbol(c.unit),
             formatPrice(tickUsd),
             std::to_string(c.monthsListed),
             formatPercent(c.initialMarginFraction, 1),
             formatNumber(feeUsd, 2)});
        rules +=
            c.symbol + "\n"
            + renderFields({{"  Settlement", c.settlement}, {"  Last trading", c.lastTrading}});
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"contracts", rows}});
        return 0;
    }
    ctx.out() << table.render() << "\n"
              << rules
              << "\nAll contracts are simulated (SIM); none is traded on a real exchange.\n";
    return 0;
}

CH_CLI_GROUP({.name = "market",
              .summary = "Reference market data: indices, daily prices, curves, statistics"});

CH_CLI_COMMAND({
    .group = "market",
    .name = "list",
    .summary = "List the price indices with their latest price",
    .description = "JSON: {\"indices\": [{\"id\", \"name\", \"kind\", \"resource\", \"segment\", "
                   "\"unit\", \"unit_code\",\n\"unit_symbol\", \"first_date\", \"last_date\", "
                   "\"last_price_usd_per_unit\", \"points\"}],\n\"dataset_version\", "
                   "\"valuation_date\", \"disclaimer\"}.",
    .examples = {"computehedge-cli --workspace demo.chw market list"},
    .run = &listIndices,
});

CH_CLI_COMMAND({
    .group = "market",
    .name = "show",
    .summary = "Daily price history of one index",
    .positionals = {{.name = "INDEX", .help = "index id such as GPU.H100.NC; see `market list`"}},
    .options = {{.name = "--from",
                 .valueName = "YYYY-MM-DD",
                 .help = "first day to show (inclusive); default: start of history"},
                {.name = "--to",
                 .valueName = "YYYY-MM-DD",
                 .help = "last day to show (inclusive); default: end of history"}},
    .description = "JSON: {\"index_id\", \"name\", \"unit\", \"unit_code\", \"unit_symbol\", "
                   "\"from\", \"to\", \"count\",\n\"points\": [{\"date\", "
                   "\"price_usd_per_unit\"}], \"dataset_version\", \"valuation_date\", "
                   "\"disclaimer\"}.",
    .examples = {"computehedge-cli --workspace demo.chw market show GPU.H100.NC --from 2026-10-01"},
    .run = &showIndex,
});

CH_CLI_COMMAND({
    .group = "market",
    .name = "import",
    .summary = "Import daily prices from a CSV file (all or nothing)",
    .positionals = {{.name = "FILE",
                     .help = "CSV with header date,index,price and optional source, volume"}},
    .description = "Rows for the same index and day from several sources are combined (median, or "
                   "volume-weighted\nwith a volume column). With any error nothing is written, "
                   "exit code is 1 and every\nissue is printed on stderr as file:line: field: "
                   "message.\nJSON: {\"source\", \"applied\", \"rows_read\", \"points_written\", "
                   "\"indices_touched\", \"errors\",\n\"warnings\", \"issues\": [{\"source\", "
                   "\"line\", \"field\", \"severity\", \"message\", \"text\"}]}\n(printed also "
                   "when the import fails).",
    .examples = {"computehedge-cli --workspace demo.chw market import prices.csv"},
    .run = &importPrices,
});

CH_CLI_COMMAND({
    .group = "market",
    .name = "contracts",
    .summary = "Specifications of the simulated futures contracts",
    .description = "JSON: {\"contracts\": [{\"symbol\", \"name\", \"style\", \"underlying_index\", "
                   "\"unit\", \"unit_code\",\n\"unit_symbol\", \"units_per_contract\", "
                   "\"tick_usd_per_unit\", \"months_listed\", \"settlement\",\n\"last_trading\", "
                   "\"initial_margin_fraction\", \"fee_per_side_usd\"}]}.",
    .examples = {"computehedge-cli --workspace demo.chw --json market contracts"},
    .run = &listContracts,
});

} // namespace
} // namespace ch::cli
