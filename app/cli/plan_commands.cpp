// `computehedge-cli plan import|export|show`: the consumption plan of a workspace
// (docs/plan-and-exposure.md). Storage does the reading and writing (storage::PlanRepository).

#include "plan_cli.h"

#include <numeric>

namespace ch::cli {
namespace {

int importPlan(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file = *args.positional("FILE");
    requireInputFile(file);
    storage::PlanRepository repo(ctx.workspace());
    return finishImport(ctx, repo.importPlanCsv(file), "plan lines");
}

int exportPlan(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file = *args.positional("FILE");
    requireOutputFile(file, args.flag("--force"));
    storage::PlanRepository repo(ctx.workspace());
    const Plan plan = repo.load().plan;
    repo.exportPlanCsv(file);
    const std::size_t rows = plan.lines().size() * static_cast<std::size_t>(plan.months());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"file", qstr(file.string())},
                                  {"lines", jsonCount(plan.lines().size())},
                                  {"rows", jsonCount(rows)}});
        return 0;
    }
    ctx.out() << renderFields({{"Exported", file.string()},
                               {"Plan lines", formatCount(plan.lines().size())},
                               {"Rows", formatCount(rows)}});
    return 0;
}

double total(const PlanLine& line, Scenario s)
{
    return std::accumulate(line.cells().begin(),
                           line.cells().end(),
                           0.0,
                           [s](double sum, const VolumeTriple& v) { return sum + v.at(s); });
}

int showPlan(Context& ctx, const Arguments&)
{
    const Plan plan = storage::PlanRepository(ctx.workspace()).load().plan;
    if (ctx.json()) {
        QJsonArray lines;
        for (const auto& line : plan.lines()) {
            QJsonArray cells;
            for (int i = 0; i < plan.months(); ++i) {
                const VolumeTriple& v = line.cells()[static_cast<std::size_t>(i)];
                cells.append(QJsonObject{{"month", jsonMonth(plan.monthAt(i))},
                                         {"low", v.low()},
                                         {"base", v.base()},
                                         {"high", v.high()}});
            }
            QJsonObject o{{"id", qstr(line.id())},
                          {"name", qstr(line.name())},
                          {"resource", qstr(line.resource().code())},
                          {"index_id", qstr(line.indexId())},
                          {"kind", confidenceClassCode(line.confidence())},
                          {"helper_id",
                           line.isGenerated() ? QJsonValue(qstr(line.helperId())) : QJsonValue()},
                          {"cells", cells}};
            o.insert("unit_code", unitCode(line.unit()));
            o.insert("unit_symbol", unitSymbol(line.unit()));
            lines.append(o);
        }
        QJsonArray helpers;
        for (const auto& h : plan.helpers())
            helpers.append(QJsonObject{{"id", qstr(helperId(h))},
                                       {"kind", helperKindCode(h)},
                                       {"name", qstr(helperName(h))}});
        ctx.printJson(QJsonObject{
            {"first_month", plan.months() > 0 ? jsonMonth(plan.firstMonth()) : QJsonValue()},
            {"months", plan.months()},
            {"lines", lines},
            {"helpers", helpers}});
        return 0;
    }
    if (plan.months() == 0) {
        ctx.out() << "No plan. Import one with `" << kProgram << " plan import FILE`.\n";
        return 0;
    }
    TextTable table({{"Line"},
                     {"Resource"},
                     {"Kind"},
                     {"Index"},
                     {"Helper"},
                     {"Low (total)", Align::Right},
                     {"Base (total)", Align::Right},
                     {"High (total)", Align::Right}});
    for (const auto& line : plan.lines())
        table.addRow({line.id(),
                      line.resource().code(),
                      confidenceClassCode(line.confidence()),
                      line.indexId(),
                      line.isGenerated() ? line.helperId() : "-",
                      formatVolume(total(line, Scenario::Low), line.unit()),
                      formatVolume(total(line, Scenario::Base), line.unit()),
                      formatVolume(total(line, Scenario::High), line.unit())});
    ctx.out() << "Plan " << formatIsoMonth(plan.firstMonth()) << " to "
              << formatIsoMonth(plan.lastMonth()) << " (" << plan.months() << " months), "
              << plan.lines().size() << " lines, " << plan.helpers().size() << " helpers\n\n"
              << table.render();
    return 0;
}

CH_CLI_GROUP({.name = "plan",
              .summary = "The consumption plan: lines × months of low/base/high volumes"});

CH_CLI_COMMAND({
    .group = "plan",
    .name = "import",
    .summary = "Replace the plan's lines with a plan.csv (all or nothing)",
    .positionals = {{.name = "FILE",
                     .help =
                         "CSV with header line_id,name,resource,kind,index,month,low,base,high"}},
    .description =
        "One row per line and month (docs/plan-and-exposure.md, \"CSV formats\"). The months are "
        "the\nworkspace plan's, or 36 from the month after the dataset's valuation date. Helpers "
        "are not\nin the file: their lines come back as manual lines. A contract bound to a line "
        "the file\ndrops is an error; budget entries of such lines are dropped with a warning. "
        "With any error\nnothing is written and each issue is printed on stderr as file:line: "
        "column: message.\nJSON: {\"source\", \"applied\", \"imported\", \"added\", \"replaced\", "
        "\"budget_entries_dropped\",\n\"errors\", \"warnings\", \"issues\"} (printed also when the "
        "import fails).",
    .examples = {"computehedge-cli --workspace demo.chw plan import plan.csv"},
    .run = &importPlan,
});

CH_CLI_COMMAND({
    .group = "plan",
    .name = "export",
    .summary = "Write the plan as plan.csv (the import format)",
    .positionals = {{.name = "FILE", .help = "CSV file to write"}},
    .options = {kForceOption},
    .description = "Numbers are written exactly (shortest round-trip form), so `plan import` "
                   "reads back the\nsame volumes. JSON: {\"file\", \"lines\", \"rows\"}.",
    .examples = {"computehedge-cli --workspace demo.chw plan export plan.csv"},
    .run = &exportPlan,
});

CH_CLI_COMMAND({
    .group = "plan",
    .name = "show",
    .summary = "The plan's lines with their total volumes",
    .description =
        "JSON: {\"first_month\", \"months\", \"lines\": [{\"id\", \"name\", \"resource\", "
        "\"index_id\", \"kind\",\n\"helper_id\", \"unit_code\", \"unit_symbol\", \"cells\": "
        "[{\"month\", \"low\", \"base\", \"high\"}]}],\n\"helpers\": [{\"id\", \"kind\", "
        "\"name\"}]}.",
    .examples = {"computehedge-cli --workspace demo.chw plan show"},
    .run = &showPlan,
});

} // namespace
} // namespace ch::cli
