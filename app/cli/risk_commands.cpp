// `computehedge-cli risk params|run|runs`: the Risk page's parameter table, a Monte Carlo
// Cost-at-Risk run saved in the workspace, and the list of saved runs (docs/cli.md, "risk").

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "market_lookup.h"
#include "risk_cli.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "text_table.h"

#include <charconv>
#include <cmath>

namespace ch::cli {

Option proposalOption()
{
    return {.name = "--proposal",
            .valueName = "ID",
            .help = "add the trades of saved hedge proposal ID (e.g. HP-0001) to the positions "
                    "held; default: positions only"};
}

std::string hedgesOf(const Arguments& args)
{
    return storage::hedgeSourceLabel(args.value("--proposal"));
}

RiskWorkspace loadRiskWorkspace(Context& ctx)
{
    return loadRiskWorkspace(ctx, std::nullopt);
}

RiskWorkspace loadRiskWorkspace(Context& ctx, const Arguments& args)
{
    return loadRiskWorkspace(ctx, args.value("--proposal"));
}

RiskWorkspace loadRiskWorkspace(Context& ctx, const std::optional<std::string>& proposal)
{
    RiskWorkspace ws;
    ws.market = storage::MarketDataRepository(ctx.workspace()).loadAll();
    requireMarketData(ws.market);
    requireHistory(ws.market);
    const pricing::MarketSnapshot snapshot =
        pricing::buildMarketSnapshot(ws.market, ws.market.info.valuationDate);
    std::vector<Issue> issues;
    if (proposal && !storage::HedgeRepository(ctx.workspace()).proposal(*proposal))
        throw UserError("--proposal: \"" + *proposal
                        + "\" is not a saved hedge proposal in this workspace");
    ws.sources = storage::loadRiskSources(ctx.workspace(), ws.market, snapshot, issues, proposal);
    for (const Issue& i : issues)
        ctx.err() << i.toString() << "\n";
    return ws;
}

risk::BuiltRiskInputs
buildOrFail(Context& ctx, const RiskWorkspace& ws, const risk::RiskBuildOptions& options)
{
    risk::BuiltRiskInputs built = risk::buildRiskInputs(ws.sources, options);
    std::vector<std::string> errors;
    for (const Issue& i : built.issues)
        if (i.severity == Severity::Error)
            errors.push_back(i.toString());
        else
            ctx.err() << i.toString() << "\n";
    if (!errors.empty())
        throw UserError("the risk inputs have " + std::to_string(errors.size()) + " error"
                            + (errors.size() == 1 ? "" : "s") + "; nothing was run",
                        errors);
    return built;
}

int horizonOption(const Arguments& args)
{
    return positiveIntValue(args, "--horizon").value_or(0);
}

QJsonObject jsonParams(const risk::FactorParams& p)
{
    return QJsonObject{{"kappa_per_year", p.kappaPerYear},
                       {"sigma_annual", p.sigmaAnnual},
                       {"jumps_per_year", p.jumpsPerYear},
                       {"jump_mean_log", p.jumpMeanLog},
                       {"jump_sd_log", p.jumpSdLog}};
}

std::string usdMillions(double usd)
{
    return formatNumber(usd / 1e6, 3);
}

Timestamp nowUtc()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {

// JSON numbers are doubles: a seed above 2^53 − 1 would not survive the round trip through
// --json, so the CLI refuses it rather than print a different seed than it used.
constexpr std::uint64_t kMaxJsonSeed = (std::uint64_t{1} << 53) - 1;

std::uint64_t seedOption(const Arguments& args, std::uint64_t fallback)
{
    const auto text = args.value("--seed");
    if (!text)
        return fallback;
    std::uint64_t v = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end || v > kMaxJsonSeed)
        throw UserError("--seed: \"" + *text
                        + "\" is not a whole number from 0 to 9007199254740991 (2^53 - 1)");
    return v;
}

double realOption(const Arguments& args, std::string_view option, double lo, double hi, double dflt)
{
    const auto text = args.value(option);
    if (!text)
        return dflt;
    double v = 0.0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v) || v < lo || v > hi)
        throw UserError(std::string(option) + ": \"" + *text + "\" is not a number from "
                        + formatNumber(lo, 0) + " to " + formatNumber(hi, 0));
    return v;
}

risk::VolumeMode volumeOption(const Arguments& args)
{
    const auto text = args.value("--scenario");
    if (!text)
        return risk::VolumeMode::Uncertain;
    const auto m = risk::parseVolumeMode(*text);
    if (!m)
        throw UserError("--scenario: \"" + *text
                        + "\" is not a volume scenario; expected low, base, high or uncertain");
    return *m;
}

QJsonObject jsonEstimate(const risk::Estimate& e)
{
    return QJsonObject{{"value", e.value}, {"standard_error", e.standardError}};
}

QJsonObject jsonSummary(const risk::DistributionSummary& d)
{
    return QJsonObject{{"expected_usd", jsonEstimate(d.expected)},
                       {"p50_usd", jsonEstimate(d.p50)},
                       {"p95_usd", jsonEstimate(d.p95)},
                       {"p99_usd", jsonEstimate(d.p99)},
                       {"car95_usd", jsonEstimate(d.car95)},
                       {"car99_usd", jsonEstimate(d.car99)},
                       {"es95_usd", jsonEstimate(d.es95)},
                       {"es99_usd", jsonEstimate(d.es99)},
                       {"sd_usd", d.sdUsd},
                       {"min_usd", d.minUsd},
                       {"max_usd", d.maxUsd}};
}

QJsonObject jsonPeriod(const risk::PeriodRisk& p)
{
    return QJsonObject{{"first_month", jsonMonth(p.first)},
                       {"months", p.months},
                       {"unhedged", jsonSummary(p.unhedged)},
                       {"hedged", jsonSummary(p.hedged)}};
}

QJsonArray jsonPeriods(const std::vector<risk::PeriodRisk>& periods)
{
    QJsonArray out;
    for (const risk::PeriodRisk& p : periods)
        out.append(jsonPeriod(p));
    return out;
}

QJsonObject jsonFan(const risk::FanPoint& f)
{
    return QJsonObject{{"p5_usd", f.p5Usd},
                       {"p25_usd", f.p25Usd},
                       {"p50_usd", f.p50Usd},
                       {"p75_usd", f.p75Usd},
                       {"p95_usd", f.p95Usd}};
}

QJsonArray jsonHistogram(const std::vector<risk::HistogramBin>& bins)
{
    QJsonArray out;
    for (const risk::HistogramBin& b : bins)
        out.append(QJsonObject{
            {"low_usd", b.lowUsd}, {"high_usd", b.highUsd}, {"paths", jsonCount(b.paths)}});
    return out;
}

QJsonObject jsonRun(const storage::SavedRiskRun& run)
{
    const risk::CostAtRiskReport& r = run.report;
    const storage::RiskInputsSummary& in = run.inputs;
    QJsonArray contributions;
    for (const risk::FactorContribution& c : r.contributions)
        contributions.append(QJsonObject{{"index_id", qstr(c.indexId)},
                                         {"expected_cost_usd", c.expectedCostUsd},
                                         {"car95_usd", c.car95Usd},
                                         {"car99_usd", c.car99Usd},
                                         {"hedged_car95_usd", c.hedgedCar95Usd},
                                         {"hedged_car99_usd", c.hedgedCar99Usd}});
    QJsonArray fan;
    for (std::size_t i = 0; i < r.fanUnhedged.size(); ++i)
        fan.append(QJsonObject{{"month", jsonMonth(r.fanUnhedged[i].month)},
                               {"unhedged", jsonFan(r.fanUnhedged[i])},
                               {"hedged", jsonFan(r.fanHedged.at(i))}});
    QJsonArray months;
    for (std::size_t i = 0; i < in.forwardCostUsd.size(); ++i)
        months.append(QJsonObject{
            {"month", jsonMonth(addMonths(in.firstMonth, static_cast<int>(i)))},
            {"budget_usd", in.budgetUsd[i] ? QJsonValue(*in.budgetUsd[i]) : QJsonValue()},
            {"forward_cost_usd", in.forwardCostUsd[i]}});
    QJsonArray factors;
    for (const storage::RiskRunFactor& f : in.factors)
        factors.append(QJsonObject{{"index_id", qstr(f.indexId)},
                                   {"model", risk::factorModelCode(f.model)},
                                   {"params", jsonParams(f.params)},
                                   {"overridden", f.overridden}});
    return QJsonObject{{"run_id", static_cast<qint64>(run.id)},
                       {"created_at", qstr(formatIsoTimestamp(run.createdAt))},
                       {"seed", static_cast<qint64>(run.config.seed)},
                       {"paths", jsonCount(run.config.paths)},
                       {"threads", static_cast<qint64>(run.config.threads)},
                       {"block_paths", jsonCount(run.config.blockPaths)},
                       {"valuation_date", jsonDate(in.valuationDate)},
                       {"first_month", jsonMonth(in.firstMonth)},
                       {"horizon_months", in.horizonMonths},
                       {"volume_mode", risk::volumeModeCode(in.volumes)},
                       {"volume_correlation", in.volumeCorrelation},
                       {"price_volume_correlation", in.priceVolumeCorrelation},
                       {"inputs_digest", qstr(in.digest)},
                       {"hedges", qstr(in.hedges)},
                       {"cells", jsonCount(in.cellCount)},
                       {"instruments", jsonCount(in.instrumentCount)},
                       {"has_hedge", r.hasHedge},
                       {"factors", factors},
                       {"horizon", jsonPeriod(r.horizon)},
                       {"quarters", jsonPeriods(r.quarters)},
                       {"months", jsonPeriods(r.months)},
                       {"car95_reduction_usd", r.car95ReductionUsd},
                       {"car99_reduction_usd", r.car99ReductionUsd},
                       {"contributions", contributions},
                       {"window_car95_usd", r.windowCar95Usd},
                       {"window_car99_usd", r.windowCar99Usd},
                       {"fan", fan},
                       {"histogram",
                        QJsonObject{{"unhedged", jsonHistogram(r.histogramUnhedged)},
                                    {"hedged", jsonHistogram(r.histogramHedged)}}},
                       {"budget", months},
                       {"correlation_repaired", r.correlationRepaired},
                       {"exact_tail_paths", jsonCount(r.exactTailPaths)}};
}

std::string withError(const risk::Estimate& e)
{
    return usdMillions(e.value) + " ± " + formatNumber(e.standardError / 1e6, 3);
}

std::string periodName(const risk::PeriodRisk& p, const char* kind)
{
    if (std::string(kind) == "horizon")
        return "Horizon (" + std::to_string(p.months) + " months)";
    if (p.months == 1)
        return formatIsoMonth(p.first);
    return formatIsoMonth(p.first) + " to " + formatIsoMonth(addMonths(p.first, p.months - 1));
}

void addSummaryRows(TextTable& t, const risk::PeriodRisk& p, const char* kind, bool hedgedToo)
{
    for (bool hedged : {false, true}) {
        if (hedged && !hedgedToo)
            continue;
        const risk::DistributionSummary& d = hedged ? p.hedged : p.unhedged;
        t.addRow({periodName(p, kind),
                  hedged ? "hedged" : "unhedged",
                  withError(d.expected),
                  withError(d.p50),
                  withError(d.p95),
                  withError(d.p99),
                  withError(d.car95),
                  withError(d.car99),
                  withError(d.es95),
                  withError(d.es99)});
    }
}

void printRun(Context& ctx, const storage::SavedRiskRun& run)
{
    const risk::CostAtRiskReport& r = run.report;
    ctx.out() << renderFields(
        {{"Run", std::to_string(run.id) + ", saved " + formatIsoTimestamp(run.createdAt)},
         {"Seed", std::to_string(run.config.seed)},
         {"Paths", formatCount(run.config.paths)},
         {"Horizon",
          std::to_string(run.inputs.horizonMonths) + " months from "
              + formatIsoMonth(run.inputs.firstMonth)},
         {"Volumes", risk::volumeModeCode(run.inputs.volumes)},
         {"Inputs digest", run.inputs.digest},
         {"Hedges",
          r.hasHedge
              ? run.inputs.hedges + ", " + formatCount(run.inputs.instrumentCount) + " instruments"
              : "none (unhedged only)"}});
    std::vector<Column> cols{{"Period"}, {"Book"}};
    for (const char* h : {"Expected", "P50", "P95", "P99", "CaR95", "CaR99", "ES95", "ES99"})
        cols.push_back({h, Align::Right});
    TextTable t(cols);
    addSummaryRows(t, r.horizon, "horizon", r.hasHedge);
    for (const auto& q : r.quarters)
        addSummaryRows(t, q, "quarter", r.hasHedge);
    ctx.out() << "\nCost in USD m, ± one standard error of the Monte Carlo estimate:\n"
              << t.render();
    TextTable c({{"Index"},
                 {"Expected cost", Align::Right},
                 {"CaR95 share", Align::Right},
                 {"CaR99 share", Align::Right},
                 {"Hedged CaR95 share", Align::Right}});
    double s95 = 0.0;
    double s99 = 0.0;
    double sh95 = 0.0;
    for (const auto& x : r.contributions) {
        c.addRow({x.indexId,
                  usdMillions(x.expectedCostUsd),
                  usdMillions(x.car95Usd),
                  usdMillions(x.car99Usd),
                  usdMillions(x.hedgedCar95Usd)});
        s95 += x.car95Usd;
        s99 += x.car99Usd;
        sh95 += x.hedgedCar95Usd;
    }
    c.addRow({"Total", "", usdMillions(s95), usdMillions(s99), usdMillions(sh95)});
    ctx.out() << "\nContribution of each index to the horizon CaR (USD m; sums to the total):\n"
              << c.render();
    if (r.hasHedge)
        ctx.out() << "\nThe hedges reduce CaR95 by USD " << usdMillions(r.car95ReductionUsd)
                  << "m and CaR99 by USD " << usdMillions(r.car99ReductionUsd) << "m.\n";
    ctx.out() << "Monthly and quarterly detail: --json.\n";
}

int showParams(Context& ctx, const Arguments& args)
{
    const RiskWorkspace ws = loadRiskWorkspace(ctx, args);
    const risk::BuiltRiskInputs built = risk::buildRiskInputs(ws.sources, {});
    if (built.factors.empty()) {
        std::vector<std::string> details;
        for (const Issue& i : built.issues)
            details.push_back(i.toString());
        throw UserError("no risk factors: the plan could not be read", details);
    }
    const auto& rows = built.factors;
    if (ctx.json()) {
        QJsonArray factors;
        for (const risk::FactorEstimate& e : rows) {
            const risk::FactorParamOverrides& o = e.overrides;
            auto opt = [](const std::optional<double>& v) {
                return v ? QJsonValue(*v) : QJsonValue();
            };
            factors.append(QJsonObject{
                {"index_id", qstr(e.indexId)},
                {"name", qstr(e.name)},
                {"model", risk::factorModelCode(e.model)},
                {"from", jsonDate(e.from)},
                {"to", jsonDate(e.to)},
                {"observations", jsonCount(e.observations)},
                {"events", jsonCount(e.events)},
                {"years", e.years},
                {"estimated", e.estimated ? QJsonValue(jsonParams(*e.estimated)) : QJsonValue()},
                {"overrides",
                 QJsonObject{{"kappa_per_year", opt(o.kappaPerYear)},
                             {"sigma_annual", opt(o.sigmaAnnual)},
                             {"jumps_per_year", opt(o.jumpsPerYear)},
                             {"jump_mean_log", opt(o.jumpMeanLog)},
                             {"jump_sd_log", opt(o.jumpSdLog)}}},
                {"overridden", e.isOverridden()},
                {"effective", e.effective ? QJsonValue(jsonParams(*e.effective)) : QJsonValue()},
                {"problem", e.problem.empty() ? QJsonValue() : QJsonValue(qstr(e.problem))}});
        }
        QJsonObject o{{"as_of", jsonDate(ws.sources.snapshot.valuationDate)},
                      {"window_days", risk::kEstimationWindowDays},
                      {"factors", factors}};
        addDatasetLabel(o, ws.market.info);
        ctx.printJson(o);
        return 0;
    }
    TextTable t({{"Index"},
                 {"Model"},
                 {"Obs", Align::Right},
                 {"Kappa /yr", Align::Right},
                 {"Sigma", Align::Right},
                 {"Jumps /yr", Align::Right},
                 {"Jump mean", Align::Right},
                 {"Jump sd", Align::Right},
                 {"Source"}});
    for (const risk::FactorEstimate& e : rows) {
        auto cell = [&](double v, const std::optional<double>& o) {
            return e.effective ? formatNumber(v, 4) + (o ? "*" : "") : std::string("n/a");
        };
        const risk::FactorParams p = e.effective.value_or(risk::FactorParams{});
        const bool token = e.model == risk::FactorModel::TokenCuts;
        t.addRow({e.indexId,
                  token ? "token cuts" : "mean-reverting jumps",
                  formatCount(e.observations),
                  token ? "-" : cell(p.kappaPerYear, e.overrides.kappaPerYear),
                  cell(p.sigmaAnnual, e.overrides.sigmaAnnual),
                  cell(p.jumpsPerYear, e.overrides.jumpsPerYear),
                  cell(p.jumpMeanLog, e.overrides.jumpMeanLog),
                  cell(p.jumpSdLog, e.overrides.jumpSdLog),
                  e.isOverridden() ? "overridden" : (e.estimated ? "estimated" : "none")});
    }
    ctx.out() << "Estimated from " << formatIsoDate(rows.front().from) << " to "
              << formatIsoDate(rows.front().to)
              << " (daily history); * = the user's override (Risk page).\n"
              << t.render();
    for (const risk::FactorEstimate& e : rows)
        if (!e.problem.empty())
            ctx.out() << e.indexId << ": " << e.problem << "\n";
    ctx.out() << datasetFooter(ws.market.info);
    return 0;
}

int runRisk(Context& ctx, const Arguments& args)
{
    risk::McConfig config;
    config.paths = static_cast<std::size_t>(positiveIntValue(args, "--paths").value_or(100'000));
    config.seed = seedOption(args, config.seed);
    config.threads = static_cast<unsigned>(positiveIntValue(args, "--threads").value_or(0));
    risk::RiskBuildOptions options;
    options.horizonMonths = horizonOption(args);
    options.volumes = volumeOption(args);
    options.demand.volumeCorrelation =
        realOption(args, "--volume-correlation", 0.0, 1.0, options.demand.volumeCorrelation);
    options.demand.priceVolumeCorrelation = realOption(
        args, "--price-volume-correlation", -1.0, 1.0, options.demand.priceVolumeCorrelation);

    const RiskWorkspace ws = loadRiskWorkspace(ctx, args);
    const risk::BuiltRiskInputs built = buildOrFail(ctx, ws, options);
    const risk::CostAtRisk result = risk::runCostAtRisk(built.inputs, config);
    const storage::RiskInputsSummary summary = storage::summarizeInputs(
        built, ws.sources.snapshot.valuationDate, options.volumes, hedgesOf(args));
    storage::RiskRepository repo(ctx.workspace());
    const auto id = repo.saveRun(nowUtc(), config, summary, result);
    require(id.has_value(), "risk run: a run that was never cancelled has no result");
    const std::optional<storage::SavedRiskRun> run = repo.run(*id);
    if (ctx.json()) {
        QJsonObject o = jsonRun(*run);
        addDatasetLabel(o, ws.market.info);
        ctx.printJson(o);
        return 0;
    }
    printRun(ctx, *run);
    ctx.out() << datasetFooter(ws.market.info);
    return 0;
}

int listRuns(Context& ctx, const Arguments&)
{
    const auto runs = storage::RiskRepository(ctx.workspace()).runs();
    if (ctx.json()) {
        QJsonArray list;
        for (const storage::RiskRunEntry& e : runs)
            list.append(QJsonObject{{"run_id", static_cast<qint64>(e.id)},
                                    {"created_at", qstr(formatIsoTimestamp(e.createdAt))},
                                    {"seed", static_cast<qint64>(e.seed)},
                                    {"paths", jsonCount(e.paths)},
                                    {"threads", static_cast<qint64>(e.threads)},
                                    {"horizon_months", e.horizonMonths},
                                    {"volume_mode", risk::volumeModeCode(e.volumes)},
                                    {"inputs_digest", qstr(e.digest)},
                                    {"hedges", qstr(e.hedges)},
                                    {"has_hedge", e.hasHedge},
                                    {"expected_usd", e.expectedUsd},
                                    {"car95_usd", e.car95Usd},
                                    {"hedged_car95_usd", e.hedgedCar95Usd}});
        ctx.printJson(QJsonObject{{"runs", list}});
        return 0;
    }
    if (runs.empty()) {
        ctx.out() << "No saved Cost-at-Risk runs; start one with `risk run`.\n";
        return 0;
    }
    TextTable t({{"Run", Align::Right},
                 {"Saved (UTC)"},
                 {"Seed", Align::Right},
                 {"Paths", Align::Right},
                 {"Horizon", Align::Right},
                 {"Volumes"},
                 {"Expected (USD m)", Align::Right},
                 {"CaR95 (USD m)", Align::Right},
                 {"Hedged CaR95", Align::Right},
                 {"Inputs"}});
    for (const storage::RiskRunEntry& e : runs)
        t.addRow({std::to_string(e.id),
                  formatIsoTimestamp(e.createdAt),
                  std::to_string(e.seed),
                  formatCount(e.paths),
                  std::to_string(e.horizonMonths) + "m",
                  risk::volumeModeCode(e.volumes),
                  usdMillions(e.expectedUsd),
                  usdMillions(e.car95Usd),
                  e.hasHedge ? usdMillions(e.hedgedCar95Usd) : std::string("-"),
                  e.digest});
    ctx.out() << t.render();
    return 0;
}

CH_CLI_GROUP({.name = "risk",
              .summary = "Monte Carlo Cost-at-Risk of the compute bill and stress scenarios"});

CH_CLI_COMMAND({
    .group = "risk",
    .name = "params",
    .summary = "Model parameters per risk factor: estimated from history and overridden",
    .description =
        "One row per index the plan prices on (and per index of a held hedge): the model\n"
        "(mean-reverting jumps for GPU rental indices, price cuts for token tiers), the\n"
        "parameters estimated from the last 730 days of daily history, the user's overrides\n"
        "(set on the Risk page) and the parameters a run uses.\n"
        "JSON: {\"as_of\", \"window_days\", \"factors\": [{\"index_id\", \"name\", \"model\": "
        "\"mr_jump\"|\"token_cuts\",\n\"from\", \"to\", \"observations\", \"events\", "
        "\"years\", \"estimated\", \"overrides\", \"overridden\",\n\"effective\", \"problem\"}], "
        "\"dataset_version\", \"valuation_date\", \"disclaimer\"}; each\nparameter set is "
        "{\"kappa_per_year\", \"sigma_annual\", \"jumps_per_year\", \"jump_mean_log\",\n"
        "\"jump_sd_log\"} (an override's unset fields are null).",
    .examples = {"computehedge-cli --workspace demo.chw risk params"},
    .run = &showParams,
});

CH_CLI_COMMAND({
    .group = "risk",
    .name = "run",
    .summary = "Run the Monte Carlo Cost-at-Risk of the plan and save it in the workspace",
    .options = {{.name = "--paths", .valueName = "N", .help = "simulated paths; default 100000"},
                {.name = "--seed",
                 .valueName = "S",
                 .help = "random seed, 0 to 2^53-1; default 20261030"},
                {.name = "--threads",
                 .valueName = "T",
                 .help = "worker threads; default: one per core (the result does not depend "
                         "on it)"},
                {.name = "--horizon",
                 .valueName = "MONTHS",
                 .help = "months from the plan's first month; default: the whole plan"},
                {.name = "--scenario",
                 .valueName = "low|base|high",
                 .help = "hold volumes at one plan scenario; default uncertain (Beta-PERT "
                         "between low and high)"},
                {.name = "--volume-correlation",
                 .valueName = "R",
                 .help = "how strongly all volumes move together, 0 to 1; default 0.5"},
                {.name = "--price-volume-correlation",
                 .valueName = "R",
                 .help = "correlation of demand with prices, -1 to 1; default 0"},
                proposalOption()},
    .description =
        "Simulates prices of every index the plan prices on, and uncertain volumes, and reports\n"
        "the distribution of the cost over the horizon, each quarter and each month: expected,\n"
        "P50, P95, P99, CaR95/99 (P - expected) and ES95/99, each with its Monte Carlo standard\n"
        "error, unhedged and with the positions the workspace holds (plus a saved proposal's\n"
        "trades with --proposal). The run is saved with its\n"
        "seed, paths and inputs digest; the same inputs, seed and paths give the same numbers\n"
        "for any --threads.\n"
        "JSON: {\"run_id\", \"created_at\", \"seed\", \"paths\", \"threads\", \"block_paths\", "
        "\"valuation_date\",\n\"first_month\", \"horizon_months\", \"volume_mode\", "
        "\"volume_correlation\", \"price_volume_correlation\",\n\"inputs_digest\", \"hedges\", "
        "\"cells\", \"instruments\", \"has_hedge\", \"factors\", \"horizon\", \"quarters\",\n"
        "\"months\", "
        "\"car95_reduction_usd\", \"car99_reduction_usd\", \"contributions\", \"fan\",\n"
        "\"histogram\", \"budget\", ...}; a period is {\"first_month\", \"months\", "
        "\"unhedged\", \"hedged\"}\nwith {\"expected_usd\": {\"value\", \"standard_error\"}, "
        "\"p50_usd\", ..., \"es99_usd\", \"sd_usd\",\n\"min_usd\", \"max_usd\"} per side. See "
        "docs/cli.md.",
    .examples = {"computehedge-cli --workspace demo.chw risk run",
                 "computehedge-cli --workspace demo.chw risk run --paths 20000 --seed 7 --json"},
    .run = &runRisk,
});

CH_CLI_COMMAND({
    .group = "risk",
    .name = "runs",
    .summary = "List the saved Cost-at-Risk runs, newest first",
    .description =
        "JSON: {\"runs\": [{\"run_id\", \"created_at\", \"seed\", \"paths\", "
        "\"threads\", \"horizon_months\",\n\"volume_mode\", \"inputs_digest\", "
        "\"hedges\", \"has_hedge\", \"expected_usd\", \"car95_usd\", \"hedged_car95_usd\"}]}.",
    .examples = {"computehedge-cli --workspace demo.chw risk runs"},
    .run = &listRuns,
});

} // namespace
} // namespace ch::cli
