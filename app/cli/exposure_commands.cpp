// `computehedge-cli exposure show`: what the plan leaves open to the market, valued at the forward
// curves of the workspace's reference dataset (exposure::computeExposure, the same core function
// the Exposure page calls).

#include "exposure/exposure.h"
#include "plan_cli.h"

namespace ch::cli {
namespace {

std::size_t scenarioIndex(Scenario s)
{
    return static_cast<std::size_t>(s);
}

QJsonObject jsonCosts(const exposure::CostSummary& c)
{
    return QJsonObject{{"exposure_usd", c.exposureUsd},
                       {"contracted_cost_usd", c.contractedCostUsd},
                       {"total_cost_usd", c.totalCostUsd},
                       {"budget_usd", c.budgetUsd},
                       {"budgeted_cost_usd", c.budgetedCostUsd},
                       {"variance_usd", c.varianceUsd},
                       {"budgeted_cells", c.budgetedCells}};
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject jsonCell(const exposure::ExposureCell& c)
{
    return QJsonObject{{"month", jsonMonth(c.month)},
                       {"planned_volume", c.plannedVolume},
                       {"contracted_volume", c.contractedVolume},
                       {"open_volume", c.openVolume},
                       {"surplus_volume", c.surplusVolume},
                       {"forward_usd_per_unit", c.forwardUsd},
                       {"basis_factor", c.basisFactor},
                       {"price_source", exposure::priceSourceCode(c.priceSource)},
                       {"price_usd_per_unit", c.priceUsd},
                       {"exposure_usd", c.exposureUsd},
                       {"contracted_cost_usd", c.contractedCostUsd},
                       {"total_cost_usd", c.totalCostUsd},
                       {"budget_usd", optionalNumber(c.budgetUsd)},
                       {"variance_usd", optionalNumber(c.varianceUsd)}};
}

const std::vector<exposure::PeriodTotals>& periodsOf(const exposure::ExposureReport& r,
                                                     const std::string& by)
{
    if (by == "quarter")
        return r.byQuarter;
    if (by == "year")
        return r.byYear;
    return r.byMonth;
}

int showExposure(Context& ctx, const Arguments& args)
{
    const std::string by = args.value("--by").value_or("month");
    if (by != "month" && by != "quarter" && by != "year")
        throw UserError("--by: \"" + by + "\" is not a period; expected month, quarter or year");
    const std::string scenarioText = args.value("--scenario").value_or("base");
    const auto scenario = parseScenario(scenarioText);
    if (!scenario)
        throw UserError("--scenario: \"" + scenarioText
                        + "\" is not a scenario; expected low, base or high");

    const ExposureInputs in = loadExposureInputs(ctx);
    const Plan& plan = in.book.plan;
    const exposure::BasisReport basis =
        exposure::measureBasis(plan, in.book.actuals, in.market.series);
    const auto problems =
        exposure::checkExposureInputs(plan, in.book.contracts, in.book.budget, in.snapshot.curves);
    if (!problems.empty()) {
        std::vector<std::string> lines;
        for (const auto& p : problems)
            lines.push_back(p.toString());
        throw UserError("exposure cannot be computed for this workspace", lines);
    }
    const exposure::ExposureReport report = exposure::computeExposure(
        plan, in.book.contracts, basis, in.book.budget, in.snapshot.curves);
    const std::size_t s = scenarioIndex(*scenario);
    const auto& periods = periodsOf(report, by);

    if (ctx.json()) {
        QJsonArray periodRows;
        for (const auto& p : periods) {
            QJsonObject o = jsonCosts(p.costs[s]);
            o.insert("period", qstr(p.period));
            o.insert("first_month", jsonMonth(p.first));
            o.insert("last_month", jsonMonth(p.last));
            periodRows.append(o);
        }
        QJsonArray resources;
        for (const auto& r : report.byResource) {
            QJsonObject o = jsonCosts(r.costs[s]);
            o.insert("resource", qstr(r.resource.code()));
            o.insert("unit_code", unitCode(r.resource.unit()));
            o.insert("unit_symbol", unitSymbol(r.resource.unit()));
            o.insert("planned_volume", r.plannedVolume[s]);
            o.insert("contracted_volume", r.contractedVolume[s]);
            o.insert("open_volume", r.openVolume[s]);
            o.insert("surplus_volume", r.surplusVolume[s]);
            resources.append(o);
        }
        QJsonArray lines;
        for (std::size_t l = 0; l < plan.lines().size(); ++l) {
            const PlanLine& line = plan.lines()[l];
            QJsonArray months;
            for (int m = 0; m < plan.months(); ++m)
                months.append(jsonCell(report.cell(l, m, *scenario)));
            lines.append(QJsonObject{{"line_id", qstr(line.id())},
                                     {"name", qstr(line.name())},
                                     {"resource", qstr(line.resource().code())},
                                     {"index_id", qstr(line.indexId())},
                                     {"unit_code", unitCode(line.unit())},
                                     {"unit_symbol", unitSymbol(line.unit())},
                                     {"months", months}});
        }
        QJsonArray unallocated;
        for (const auto& u : report.unallocated) {
            if (u.scenario != *scenario)
                continue;
            unallocated.append(QJsonObject{{"contract_id", qstr(u.contractId)},
                                           {"resource", qstr(u.resource.code())},
                                           {"index_id", qstr(u.indexId)},
                                           {"month", jsonMonth(u.month)},
                                           {"volume", u.volume},
                                           {"cost_usd", u.costUsd}});
        }
        QJsonObject o{{"scenario", scenarioCode(*scenario)},
                      {"by", qstr(by)},
                      {"first_month", jsonMonth(report.firstMonth)},
                      {"months", report.months},
                      {"periods", periodRows},
                      {"total", jsonCosts(report.total[s])},
                      {"by_resource", resources},
                      {"lines", lines},
                      {"unallocated", unallocated},
                      {"basis_warnings", jsonIssues(basis.warnings)}};
        addDatasetLabel(o, in.market.info);
        ctx.printJson(o);
        return 0;
    }

    TextTable table({{"Period"},
                     {"Exposure (USD)", Align::Right},
                     {"Contracted (USD)", Align::Right},
                     {"Total cost (USD)", Align::Right},
                     {"Budget (USD)", Align::Right},
                     {"Variance (USD)", Align::Right}});
    auto addCosts = [&](const std::string& label, const exposure::CostSummary& c) {
        const bool budgeted = c.budgetedCells > 0;
        table.addRow({label,
                      formatNumber(c.exposureUsd, 0),
                      formatNumber(c.contractedCostUsd, 0),
                      formatNumber(c.totalCostUsd, 0),
                      budgeted ? formatNumber(c.budgetUsd, 0) : "-",
                      budgeted ? formatNumber(c.varianceUsd, 0) : "-"});
    };
    for (const auto& p : periods)
        addCosts(p.period, p.costs[s]);
    addCosts("Total", report.total[s]);

    TextTable resources({{"Resource"},
                         {"Planned", Align::Right},
                         {"Contracted", Align::Right},
                         {"Open", Align::Right},
                         {"Surplus", Align::Right},
                         {"Exposure (USD)", Align::Right}});
    for (const auto& r : report.byResource) {
        const Unit u = r.resource.unit();
        resources.addRow({r.resource.code(),
                          formatVolume(r.plannedVolume[s], u),
                          formatVolume(r.contractedVolume[s], u),
                          formatVolume(r.openVolume[s], u),
                          formatVolume(r.surplusVolume[s], u),
                          formatNumber(r.costs[s].exposureUsd, 0)});
    }
    ctx.out() << "Exposure, " << scenarioCode(*scenario) << " scenario, by " << by << ", as of "
              << formatIsoDate(in.market.info.valuationDate) << "\n\n"
              << table.render() << "\n"
              << resources.render() << "\nVariance = total expected cost - budget, over budgeted "
              << "cells (> 0: above budget).\n"
              << datasetFooter(in.market.info);
    for (const auto& w : basis.warnings)
        ctx.err() << w.toString() << "\n";
    return 0;
}

CH_CLI_GROUP({.name = "exposure",
              .summary = "Open (unhedged) volume valued at the forward curves, by period"});

CH_CLI_COMMAND({
    .group = "exposure",
    .name = "show",
    .summary = "Exposure, contracted cost and budget variance of the plan",
    .options = {{.name = "--by",
                 .valueName = "month|quarter|year",
                 .help = "periods to total by; default month"},
                {.name = "--scenario",
                 .valueName = "low|base|high",
                 .help = "plan volume scenario; default base"}},
    .description =
        "Computed in core by exposure::computeExposure from the workspace's plan, contracts, "
        "bills\n(measured basis) and budget, with the forward curves as of the dataset's "
        "valuation date.\nJSON: {\"scenario\", \"by\", \"first_month\", \"months\", \"periods\": "
        "[{\"period\", \"first_month\",\n\"last_month\", \"exposure_usd\", "
        "\"contracted_cost_usd\", \"total_cost_usd\", \"budget_usd\",\n\"budgeted_cost_usd\", "
        "\"variance_usd\", \"budgeted_cells\"}], \"total\": {same costs},\n\"by_resource\": "
        "[{\"resource\", \"unit_code\", \"unit_symbol\", \"planned_volume\",\n"
        "\"contracted_volume\", \"open_volume\", \"surplus_volume\", costs...}], \"lines\": "
        "[{\"line_id\",\n\"name\", \"resource\", \"index_id\", \"unit_code\", \"unit_symbol\", "
        "\"months\": [{\"month\",\n\"planned_volume\", \"contracted_volume\", \"open_volume\", "
        "\"surplus_volume\",\n\"forward_usd_per_unit\", \"basis_factor\", \"price_source\", "
        "\"price_usd_per_unit\", \"exposure_usd\",\n\"contracted_cost_usd\", \"total_cost_usd\", "
        "\"budget_usd\", \"variance_usd\"}]}], \"unallocated\":\n[{\"contract_id\", "
        "\"resource\", \"index_id\", \"month\", \"volume\", \"cost_usd\"}], \"basis_warnings\",\n"
        "\"dataset_version\", \"valuation_date\", \"disclaimer\"}.",
    .examples = {"computehedge-cli --workspace demo.chw exposure show --by quarter",
                 "computehedge-cli --workspace demo.chw --json exposure show --scenario high"},
    .run = &showExposure,
});

} // namespace
} // namespace ch::cli
