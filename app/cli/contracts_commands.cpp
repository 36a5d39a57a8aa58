// `computehedge-cli contracts import|export|list`: contracted capacity (reserved instances,
// committed-use blocks, pre-paid tokens) next to the plan, stored by storage::PlanRepository.

#include "plan_cli.h"

namespace ch::cli {
namespace {

int importContracts(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file = *args.positional("FILE");
    requireInputFile(file);
    return finishImport(
        ctx, storage::PlanRepository(ctx.workspace()).importContractsCsv(file), "contracts");
}

int exportContracts(Context& ctx, const Arguments& args)
{
    requireOutputFile(*args.positional("FILE"), args.flag("--force"));
    storage::PlanRepository repo(ctx.workspace());
    const std::size_t count = repo.load().contracts.size();
    return exportRecords(ctx, args, count, "contracts", "Contracts", [&](const auto& file) {
        repo.exportContractsCsv(file);
    });
}

int listContracts(Context& ctx, const Arguments&)
{
    const auto contracts = storage::PlanRepository(ctx.workspace()).load().contracts;
    QJsonArray rows;
    TextTable table({{"Contract"},
                     {"Kind"},
                     {"Covers"},
                     {"Counterparty"},
                     {"Price (USD/unit)", Align::Right},
                     {"First"},
                     {"Last"},
                     {"Total volume", Align::Right}});
    for (const auto& c : contracts) {
        double volume = 0.0;
        QJsonArray months;
        for (std::size_t i = 0; i < c.quantities().size(); ++i) {
            volume += c.quantities()[i];
            months.append(
                QJsonObject{{"month", jsonMonth(addMonths(c.firstMonth(), static_cast<int>(i)))},
                            {"quantity", c.quantities()[i]}});
        }
        QJsonObject row{{"id", qstr(c.id())},
                        {"line_id", c.isPooled() ? QJsonValue() : QJsonValue(qstr(c.lineId()))},
                        {"resource", qstr(c.resource().code())},
                        {"index_id", qstr(c.indexId())},
                        {"kind", contractKindCode(c.kind())},
                        {"counterparty", qstr(c.counterparty())},
                        {"price_usd_per_unit", c.price().usd()},
                        {"price_micros", static_cast<qint64>(c.price().micros())},
                        {"months", months}};
        addUnit(row, c.resource().unit());
        rows.append(row);
        table.addRow({c.id(),
                      contractKindCode(c.kind()),
                      c.isPooled() ? "pool " + c.resource().code() + " / " + c.indexId()
                                   : "line " + c.lineId(),
                      c.counterparty(),
                      formatPrice(c.price().usd()),
                      formatIsoMonth(c.firstMonth()),
                      formatIsoMonth(c.lastMonth()),
                      formatVolume(volume, c.resource().unit())});
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"contracts", rows}});
        return 0;
    }
    ctx.out() << (contracts.empty() ? std::string("No contracted capacity.\n") : table.render());
    return 0;
}

CH_CLI_GROUP({.name = "contracts",
              .summary = "Contracted capacity: reserved, committed-use and pre-paid volumes"});

CH_CLI_COMMAND({
    .group = "contracts",
    .name = "import",
    .summary = "Import contracted capacity from contracts.csv (all or nothing)",
    .positionals = {{.name = "FILE",
                     .help = "CSV with header contract_id,line_id,resource,index,month,quantity,"
                             "price_usd,counterparty,kind"}},
    .description = std::string("One row per contract and month; an empty line_id means capacity "
                               "pooled by resource and\nindex. A contract replaces the stored one "
                               "with the same id, others are added.\n")
                   + kImportJson,
    .examples = {"computehedge-cli --workspace demo.chw contracts import contracts.csv"},
    .run = &importContracts,
});

CH_CLI_COMMAND({
    .group = "contracts",
    .name = "export",
    .summary = "Write the contracted capacity as contracts.csv",
    .positionals = {{.name = "FILE", .help = "CSV file to write"}},
    .options = {kForceOption},
    .description = "JSON: {\"file\", \"contracts\"}.",
    .examples = {"computehedge-cli --workspace demo.chw contracts export contracts.csv"},
    .run = &exportContracts,
});

CH_CLI_COMMAND({
    .group = "contracts",
    .name = "list",
    .summary = "The contracted capacity of the workspace",
    .description = "JSON: {\"contracts\": [{\"id\", \"line_id\", \"resource\", \"index_id\", "
                   "\"kind\", \"counterparty\",\n\"price_usd_per_unit\", \"price_micros\", "
                   "\"unit\", \"unit_code\", \"unit_symbol\",\n\"months\": [{\"month\", "
                   "\"quantity\"}]}]}.",
    .examples = {"computehedge-cli --workspace demo.chw contracts list"},
    .run = &listContracts,
});

} // namespace
} // namespace ch::cli
