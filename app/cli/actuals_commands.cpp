// `computehedge-cli actuals import|export|list`: bills already paid, which measure the basis
// between what the company pays and the reference index, stored by storage::PlanRepository.

#include "plan_cli.h"

namespace ch::cli {
namespace {

int importActuals(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file = *args.positional("FILE");
    requireInputFile(file);
    return finishImport(
        ctx, storage::PlanRepository(ctx.workspace()).importActualsCsv(file), "bills");
}

int exportActuals(Context& ctx, const Arguments& args)
{
    requireOutputFile(*args.positional("FILE"), args.flag("--force"));
    storage::PlanRepository repo(ctx.workspace());
    const std::size_t count = repo.load().actuals.size();
    return exportRecords(
        ctx, args, count, "bills", "Bills", [&](const auto& file) { repo.exportActualsCsv(file); });
}

int listActuals(Context& ctx, const Arguments&)
{
    const auto bills = storage::PlanRepository(ctx.workspace()).load().actuals;
    QJsonArray rows;
    TextTable table({{"Month"},
                     {"Provider"},
                     {"Resource"},
                     {"Quantity", Align::Right},
                     {"Amount (USD)", Align::Right},
                     {"Paid (USD/unit)", Align::Right}});
    for (const auto& b : bills) {
        QJsonObject row{{"month", jsonMonth(b.month())},
                        {"provider", qstr(b.provider())},
                        {"resource", qstr(b.resource().code())},
                        {"quantity", b.quantity().amount()},
                        {"amount_usd", b.amount().toAmount()},
                        {"amount_cents", static_cast<qint64>(b.amount().minorUnits())},
                        {"paid_usd_per_unit", b.paidUsdPerUnit()}};
        addUnit(row, b.resource().unit());
        rows.append(row);
        table.addRow({formatIsoMonth(b.month()),
                      b.provider(),
                      b.resource().code(),
                      formatVolume(b.quantity().amount(), b.resource().unit()),
                      formatNumber(b.amount().toAmount(), 2),
                      formatPrice(b.paidUsdPerUnit())});
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"bills", rows}});
        return 0;
    }
    ctx.out() << (bills.empty() ? std::string("No bills.\n") : table.render());
    return 0;
}

CH_CLI_GROUP({.name = "actuals", .summary = "Bills already paid, which measure the basis"});

CH_CLI_COMMAND({
    .group = "actuals",
    .name = "import",
    .summary = "Import bills from actuals.csv (all or nothing)",
    .positionals = {{.name = "FILE",
                     .help = "CSV with header month,provider,resource,quantity,amount_usd"}},
    .description = std::string("One row per bill. A bill replaces the stored one for the same "
                               "month, provider and\nresource; others are added.\n")
                   + kImportJson,
    .examples = {"computehedge-cli --workspace demo.chw actuals import actuals.csv"},
    .run = &importActuals,
});

CH_CLI_COMMAND({
    .group = "actuals",
    .name = "export",
    .summary = "Write the bills as actuals.csv",
    .positionals = {{.name = "FILE", .help = "CSV file to write"}},
    .options = {kForceOption},
    .description = "JSON: {\"file\", \"bills\"}.",
    .examples = {"computehedge-cli --workspace demo.chw actuals export actuals.csv"},
    .run = &exportActuals,
});

CH_CLI_COMMAND({
    .group = "actuals",
    .name = "list",
    .summary = "The bills of the workspace with the price paid per unit",
    .description = "JSON: {\"bills\": [{\"month\", \"provider\", \"resource\", \"quantity\", "
                   "\"amount_usd\", \"amount_cents\",\n\"paid_usd_per_unit\", \"unit\", "
                   "\"unit_code\", \"unit_symbol\"}]}.",
    .examples = {"computehedge-cli --workspace demo.chw actuals list"},
    .run = &listActuals,
});

} // namespace
} // namespace ch::cli
