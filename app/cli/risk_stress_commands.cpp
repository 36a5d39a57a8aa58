// `computehedge-cli risk stress`: the Risk page's Stress tab (historical replays, presets, the
// user's scenario) evaluated on the plan and saved in the workspace.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "market_lookup.h"
#include "risk/stress_set.h"
#include "risk_cli.h"
#include "storage/risk_repository.h"
#include "text_table.h"

namespace ch::cli {
namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

//! The scenarios to run: all of them, or the one whose name matches --scenario (any case).
std::vector<risk::NamedStress> chooseScenarios(std::vector<risk::NamedStress> all,
                                               const std::optional<std::string>& name)
{
    if (!name)
        return all;
    std::string names;
    for (const risk::NamedStress& s : all) {
        if (lower(s.scenario.name) == lower(*name))
            return {s};
        names += (names.empty() ? "" : ", ") + s.scenario.name;
    }
    throw UserError("--scenario: \"" + *name + "\" is not a stress scenario; expected one of "
                    + names);
}

int runStressCommand(Context& ctx, const Arguments& args)
{
    risk::RiskBuildOptions options;
    options.horizonMonths = horizonOption(args);
    options.volumes = risk::VolumeMode::Base;
    const RiskWorkspace ws = loadRiskWorkspace(ctx, args);
    const risk::BuiltRiskInputs built = buildOrFail(ctx, ws, options);
    storage::RiskRepository repo(ctx.workspace());
    std::vector<Issue> issues;
    const auto scenarios =
        chooseScenarios(risk::stressSet(built.inputs,
                                        risk::factorHistory(ws.sources, built.inputs),
                                        repo.userScenario(),
                                        issues),
                        args.value("--scenario"));
    for (const Issue& i : issues)
        ctx.err() << i.toString() << "\n";

    storage::SavedStressRun run;
    run.createdAt = nowUtc();
    run.inputs = storage::summarizeInputs(
        built, ws.sources.snapshot.valuationDate, options.volumes, hedgesOf(args));
    run.hasHedge = !built.inputs.instruments.empty();
    for (const risk::NamedStress& s : scenarios)
        run.results.push_back(
            {s.kind, s.scenario.description, risk::runStress(built.inputs, s.scenario)});
    run.id = repo.saveStressRun(run);

    if (ctx.json()) {
        QJsonArray list;
        for (const storage::SavedStress& s : run.results) {
            const risk::StressResult& r = s.result;
            QJsonArray months;
            for (std::size_t m = 0; m < r.monthlyDeltaUsd.size(); ++m)
                months.append(QJsonObject{
                    {"month", jsonMonth(addMonths(built.inputs.firstMonth, static_cast<int>(m)))},
                    {"delta_usd", r.monthlyDeltaUsd[m]},
                    {"hedged_delta_usd", r.monthlyHedgedDeltaUsd[m]}});
            QJsonArray factors;
            for (std::size_t f = 0; f < r.factorDeltaUsd.size(); ++f)
                factors.append(QJsonObject{{"index_id", qstr(built.inputs.factors[f].indexId)},
                                           {"delta_usd", r.factorDeltaUsd[f]}});
            list.append(QJsonObject{{"name", qstr(r.name)},
                                    {"kind", risk::stressKindCode(s.kind)},
                                    {"description", qstr(s.description)},
                                    {"base_cost_usd", r.baseCostUsd},
                                    {"stressed_cost_usd", r.stressedCostUsd},
                                    {"delta_usd", r.deltaUsd()},
                                    {"base_hedged_cost_usd", r.baseHedgedCostUsd},
                                    {"stressed_hedged_cost_usd", r.stressedHedgedCostUsd},
                                    {"hedged_delta_usd", r.hedgedDeltaUsd()},
                                    {"months", months},
                                    {"factors", factors}});
        }
        QJsonObject o{{"stress_run_id", static_cast<qint64>(run.id)},
                      {"created_at", qstr(formatIsoTimestamp(run.createdAt))},
                      {"first_month", jsonMonth(built.inputs.firstMonth)},
                      {"horizon_months", built.inputs.horizonMonths},
                      {"inputs_digest", qstr(built.digest)},
                      {"has_hedge", run.hasHedge},
                      {"scenarios", list}};
        addDatasetLabel(o, ws.market.info);
        ctx.printJson(o);
        return 0;
    }
    TextTable t({{"Scenario"},
                 {"Kind"},
                 {"Base (USD m)", Align::Right},
                 {"Stressed (USD m)", Align::Right},
                 {"Change (USD m)", Align::Right},
                 {"Change", Align::Right},
                 {"Hedged change (USD m)", Align::Right}});
    for (const storage::SavedStress& s : run.results) {
        const risk::StressResult& r = s.result;
        t.addRow({r.name,
                  risk::stressKindCode(s.kind),
                  usdMillions(r.baseCostUsd),
                  usdMillions(r.stressedCostUsd),
                  usdMillions(r.deltaUsd()),
                  formatPercent(r.deltaUsd() / r.baseCostUsd, 1),
                  run.hasHedge ? usdMillions(r.hedgedDeltaUsd()) : std::string("-")});
    }
    ctx.out() << "Cost over " << built.inputs.horizonMonths << " months from "
              << formatIsoMonth(built.inputs.firstMonth)
              << " at base volumes, forwards shocked by each scenario (saved as stress run "
              << run.id << "):\n"
              << t.render();
    for (const storage::SavedStress& s : run.results)
        ctx.out() << "  " << s.result.name << ": " << s.description << "\n";
    ctx.out() << datasetFooter(ws.market.info);
    return 0;
}

CH_CLI_COMMAND({
    .group = "risk",
    .name = "stress",
    .summary = "Cost of the plan under stress scenarios, hedged and unhedged; saved",
    .options = {{.name = "--scenario",
                 .valueName = "NAME",
                 .help = "run only this scenario, e.g. \"GPU shortage\"; default: all"},
                {.name = "--horizon",
                 .valueName = "MONTHS",
                 .help = "months from the plan's first month; default: the whole plan"},
                proposalOption()},
    .description =
        "Scenarios: each index's worst 1-, 3- and 6-month rise and fall in its history replayed "
        "on\ntoday's curve; GPU shortage (+40% over 3 months); Frontier model release (token "
        "prices\n-50%); New GPU generation (A100, H100, L40S -30%); and the user's scenario from "
        "the Risk\npage when it has shocks. Costs at base volumes, forwards shocked, options at "
        "intrinsic value.\nJSON: {\"stress_run_id\", \"created_at\", \"first_month\", "
        "\"horizon_months\", \"inputs_digest\",\n\"has_hedge\", \"scenarios\": [{\"name\", "
        "\"kind\": \"historical\"|\"preset\"|\"user\", \"description\",\n\"base_cost_usd\", "
        "\"stressed_cost_usd\", \"delta_usd\", \"base_hedged_cost_usd\",\n"
        "\"stressed_hedged_cost_usd\", \"hedged_delta_usd\", \"months\": [{\"month\", "
        "\"delta_usd\",\n\"hedged_delta_usd\"}], \"factors\": [{\"index_id\", \"delta_usd\"}]}], "
        "...}.",
    .examples = {"computehedge-cli --workspace demo.chw risk stress",
                 "computehedge-cli --workspace demo.chw risk stress --scenario \"GPU shortage\" "
                 "--json"},
    .run = &runStressCommand,
});

} // namespace
} // namespace ch::cli
