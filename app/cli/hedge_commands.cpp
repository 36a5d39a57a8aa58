// `computehedge-cli hedge ratio`: the minimum-variance hedge ratio of a resource, and what every
// hedge command shares: loading the workspace the way the Hedge page does (docs/cli.md, "hedge").
// The recommendation and proposal commands are in hedge_recommend_commands.cpp.

#include "cli_context.h"
#include "command.h"
#include "hedge_cli.h"
#include "json_output.h"
#include "market_lookup.h"
#include "storage/risk_repository.h"
#include "text_table.h"

#include <QJsonArray>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ch::cli {

ChosenPolicy choosePolicy(Context& ctx, const std::optional<std::string>& name)
{
    storage::HedgeRepository repo(ctx.workspace());
    const std::vector<hedging::HedgePolicy> current = repo.currentPolicies();
    if (name) {
        if (auto p = repo.currentPolicy(*name))
            return {*p, true};
        std::string known;
        for (const hedging::HedgePolicy& p : current)
            known += (known.empty() ? "" : ", ") + p.name + " (" + p.id + ")";
        throw UserError(
            "--policy: \"" + *name + "\" is not a hedge policy in this workspace"
            + (known.empty() ? std::string("; it stores none") : "; expected one of " + known));
    }
    if (!current.empty())
        return {current.front(), true};
    return {hedging::defaultPolicy("computehedge-cli", nowUtc()), false};
}

HedgeWorkspace loadHedgeWorkspace(Context& ctx, const Arguments& args)
{
    HedgeWorkspace ws;
    ws.risk = loadRiskWorkspace(ctx);
    ws.policy = choosePolicy(ctx, args.value("--policy"));
    ws.positions = storage::loadExistingPositions(ctx.workspace());
    return ws;
}

hedging::HedgeBuildOptions hedgeOptions(const Arguments& args)
{
    hedging::HedgeBuildOptions o;
    if (const auto mode = args.value("--mode")) {
        const auto m = hedging::parseRecommendationMode(*mode);
        if (!m)
            throw UserError("--mode: \"" + *mode
                            + "\" is not a mode; expected minimum_variance or policy_target");
        o.mode = *m;
    }
    if (const auto rate = args.value("--rate")) {
        double v = 0.0;
        const char* end = rate->data() + rate->size();
        const auto [ptr, ec] = std::from_chars(rate->data(), end, v);
        if (ec != std::errc() || ptr != end || !std::isfinite(v) || v < -0.1 || v > 1.0)
            throw UserError("--rate: \"" + *rate
                            + "\" is not a rate from -0.1 to 1 (0.04 = 4% a year)");
        o.rateAnnual = v;
    }
    return o;
}

hedging::BuiltHedgeInputs
buildHedgeOrFail(Context& ctx, const HedgeWorkspace& ws, const hedging::HedgeBuildOptions& o)
{
    hedging::BuiltHedgeInputs built =
        hedging::buildHedgeInputs(ws.risk.sources, ws.policy.policy, ws.positions, o);
    std::vector<std::string> errors;
    for (const Issue& i : built.issues)
        if (i.severity == Severity::Error)
            errors.push_back(i.toString());
        else
            ctx.err() << i.toString() << "\n";
    if (!errors.empty())
        throw UserError("the hedge inputs have " + std::to_string(errors.size()) + " error"
                            + (errors.size() == 1 ? "" : "s") + "; nothing was computed",
                        errors);
    return built;
}

namespace {

QJsonObject jsonRatio(const hedging::HedgeRatioEstimate& r)
{
    return QJsonObject{{"exposure_series", qstr(r.exposureSeries)},
                       {"contract_index_id", qstr(r.contractIndex)},
                       {"sampling", hedging::samplingCode(r.sampling)},
                       {"observations", jsonCount(r.observations)},
                       {"correlation", r.correlation},
                       {"sigma_s_annual", r.exposureVolAnnual},
                       {"sigma_f_annual", r.contractVolAnnual},
                       {"h_star", r.beta},
                       {"ols_slope", r.olsSlope},
                       {"slope_standard_error", r.slopeStandardError},
                       {"r_squared", r.rSquared},
                       {"basis_vol_annual", r.basisVolAnnual}};
}

std::string resolveExposure(const risk::RiskSources& src, const std::string& resource)
{
    if (src.market.findIndex(resource) != nullptr)
        return resource;
    std::vector<std::string> found;
    auto add = [&](const std::string& id) {
        if (std::find(found.begin(), found.end(), id) == found.end())
            found.push_back(id);
    };
    for (const PlanLine& l : src.plan.lines()) {
        const IndexDefinition* i = src.market.findIndex(l.indexId());
        if (l.resource().code() == resource || (i != nullptr && i->resource == resource))
            add(l.indexId());
    }
    if (found.empty())
        for (const IndexDefinition& i : src.market.indices)
            if (i.resource == resource)
                add(i.id);
    if (found.size() == 1)
        return found.front();
    auto list = [](const std::vector<std::string>& ids) {
        std::string out;
        for (const std::string& id : ids)
            out += (out.empty() ? "" : ", ") + id;
        return out;
    };
    if (found.size() > 1)
        throw UserError("RESOURCE: \"" + resource + "\" matches several indices (" + list(found)
                        + "); give the index id");
    std::vector<std::string> ids;
    for (const IndexDefinition& i : src.market.indices)
        ids.push_back(i.id);
    throw UserError("RESOURCE: \"" + resource
                    + "\" is not a resource of the plan or an index in this workspace; expected "
                      "a resource such as H100 or one of "
                    + list(ids));
}

int hedgeRatio(Context& ctx, const Arguments& args)
{
    const HedgeWorkspace ws = loadHedgeWorkspace(ctx, args);
    const risk::RiskSources& src = ws.risk.sources;
    const hedging::HedgeBuildOptions options = hedgeOptions(args);
    const std::string exposure = resolveExposure(src, *args.positional("RESOURCE"));
    const IndexDefinition& index = requireIndex(src.market.indices, exposure, "RESOURCE");
    const Date valuation = src.snapshot.valuationDate;
    const hedging::RatioWindow window = hedging::ratioWindowFor(valuation, options);
    const std::vector<PriceSeries> history = hedging::historyUpTo(src.market, valuation);
    std::vector<Issue> issues;
    const auto paid = hedging::paidPricesForRatio(src, exposure, options, issues);

    hedging::HedgeChoice choice;
    if (const auto against = args.value("--against")) {
        const ContractSpec* spec = src.market.findContract(*against);
        if (spec == nullptr) {
            std::string symbols;
            for (const ContractSpec& c : src.market.contracts)
                symbols += (symbols.empty() ? "" : ", ") + c.symbol;
            throw UserError("--against: \"" + *against
                            + "\" is not a contract in this workspace; expected one of " + symbols);
        }
        if (spec->unit != index.unit)
            throw UserError("--against: " + spec->symbol + " is quoted in " + unitSymbol(spec->unit)
                            + " but " + exposure + " in " + unitSymbol(index.unit)
                            + "; a hedge needs the same unit");
        const auto seriesOf = [&](const std::string& id) {
            const auto it = std::find_if(
                history.begin(), history.end(), [&](const auto& s) { return s.indexId == id; });
            return it == history.end() ? PriceSeries{id, {}} : *it;
        };
        Parsed<hedging::HedgeRatioEstimate> e = hedging::estimateHedgeRatio(
            seriesOf(exposure), seriesOf(spec->underlyingIndex), window, paid ? &*paid : nullptr);
        std::vector<std::string> errors;
        for (const Issue& i : e.issues)
            if (i.severity == Severity::Error)
                errors.push_back(i.toString());
        if (!errors.empty())
            throw UserError("no hedge ratio of " + exposure + " on " + spec->symbol, errors);
        issues.insert(issues.end(), e.issues.begin(), e.issues.end());
        choice.exposureIndexId = exposure;
        choice.symbol = spec->symbol;
        choice.contractIndexId = spec->underlyingIndex;
        choice.crossHedge = spec->underlyingIndex != exposure;
        choice.ratio = e.value;
    } else {
        const hedging::ResourceRule* rule = hedging::ruleFor(ws.policy.policy, index.resource);
        const std::vector<std::string> allowed = rule ? rule->symbols : std::vector<std::string>{};
        hedging::HedgeChoiceResult r = hedging::chooseHedgeContract(exposure,
                                                                    index.unit,
                                                                    src.market.contracts,
                                                                    allowed,
                                                                    history,
                                                                    window,
                                                                    paid ? &*paid : nullptr);
        issues.insert(issues.end(), r.issues.begin(), r.issues.end());
        if (!r.choice) {
            std::vector<std::string> details;
            for (const Issue& i : r.issues)
                details.push_back(i.toString());
            throw UserError("no contract can hedge " + exposure, details);
        }
        choice = *r.choice;
    }
    for (const Issue& i : issues)
        ctx.err() << i.toString() << "\n";

    const hedging::HedgeRatioEstimate& r = choice.ratio;
    if (ctx.json()) {
        QJsonObject o = jsonRatio(r);
        o["exposure_index_id"] = qstr(exposure);
        o["resource"] = qstr(index.resource);
        o["contract"] = qstr(choice.symbol);
        o["cross_hedge"] = choice.crossHedge;
        o["price_series"] = paid ? "paid" : "index";
        o["paid_months"] = jsonCount(paid ? paid->size() : 0);
        o["window"] = QJsonObject{{"from", jsonDate(window.from)}, {"to", jsonDate(window.to)}};
        QJsonArray ranking;
        for (const hedging::CandidateScore& c : choice.ranking)
            ranking.append(QJsonObject{
                {"symbol", qstr(c.symbol)},
                {"index_id", qstr(c.indexId)},
                {"own_index", c.ownIndex},
                {"r_squared", c.estimate ? QJsonValue(c.estimate->rSquared) : QJsonValue()},
                {"h_star", c.estimate ? QJsonValue(c.estimate->beta) : QJsonValue()},
                {"note", qstr(c.note)}});
        o["ranking"] = ranking;
        o["issues"] = jsonIssues(issues);
        addDatasetLabel(o, src.market.info);
        ctx.printJson(o);
        return 0;
    }
    ctx.out() << renderFields(
        {{"Exposure", exposure + " (" + index.resource + ")"},
         {"Price series S",
          paid ? "paid prices, " + std::to_string(paid->size()) + " months" : std::string("index")},
         {"Contract",
          choice.symbol + " on " + choice.contractIndexId
              + (choice.crossHedge ? " (cross hedge)" : "")},
         {"Window",
          formatIsoDate(window.from) + " to " + formatIsoDate(window.to) + ", "
              + hedging::samplingCode(r.sampling) + " returns"},
         {"Observations", formatCount(r.observations)},
         {"Correlation", formatNumber(r.correlation, 3)},
         {"Sigma S (annual)", formatPercent(r.exposureVolAnnual, 1)},
         {"Sigma F (annual)", formatPercent(r.contractVolAnnual, 1)},
         {"h* = rho sigma_S / sigma_F", formatNumber(r.beta, 4)},
         {"OLS slope", formatNumber(r.olsSlope, 4) + " ± " + formatNumber(r.slopeStandardError, 4)},
         {"R squared", formatNumber(r.rSquared, 3)},
         {"Basis vol (annual)", formatPercent(r.basisVolAnnual, 1)}});
    ctx.out() << datasetFooter(src.market.info) << "\n";
    return 0;
}

CH_CLI_GROUP({.name = "hedge",
              .summary = "hedge ratios, the hedge recommendation and frontier, policies and "
                         "proposals"});

CH_CLI_COMMAND(
    {.group = "hedge",
     .name = "ratio",
     .summary = "minimum-variance hedge ratio h* of a resource on a contract",
     .positionals = {{"RESOURCE", "resource (H100, H200, FRONTIER.IN) or index id"}},
     .options = {{"--against", "CONTRACT", "contract symbol (default: the policy's best choice)"},
                 kPolicyOption},
     .description =
         "h* = rho * sigma_S / sigma_F of log returns of weekly averages over the two years up to "
         "the valuation date (monthly paid prices when the plan's bills measure a basis over 9 or "
         "more months), with R^2, the basis volatility and the regression's inputs. Without "
         "--against the contract is chosen as the Hedge page does: the resource's own contract, "
         "else the allowed contract with the highest R^2 (a cross hedge). JSON: "
         "{exposure_index_id, "
         "resource, contract, contract_index_id, cross_hedge, price_series, paid_months, h_star, "
         "ols_slope, slope_standard_error, r_squared, basis_vol_annual, correlation, "
         "sigma_s_annual, sigma_f_annual, observations, sampling, window, ranking, issues, "
         "dataset_version, valuation_date, disclaimer}.",
     .examples = {"computehedge-cli --workspace demo.chw hedge ratio H200 --json",
                  "computehedge-cli --workspace demo.chw hedge ratio H200 --against CHG.H100"},
     .run = &hedgeRatio});

} // namespace

} // namespace ch::cli
