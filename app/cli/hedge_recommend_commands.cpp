// `computehedge-cli hedge recommend|propose|proposals`: the hedge recommendation with Cost-at-Risk
// before and after and its frontier, and hedge proposals (docs/cli.md, "hedge"). The same core
// calls as the Hedge page: hedging::buildHedgeInputs, recommendHedge, evaluateHedgeRisk,
// makeProposal.

#include "cli_context.h"
#include "command.h"
#include "hedge_cli.h"
#include "hedging/hedge_risk.h"
#include "json_output.h"
#include "market_lookup.h"
#include "text_table.h"

#include <QJsonArray>

#include <charconv>

namespace ch::cli {

namespace {

// JSON numbers are doubles: a seed above 2^53 − 1 would not survive --json (as `risk run`).
constexpr std::uint64_t kMaxJsonSeed = (std::uint64_t{1} << 53) - 1;

risk::McConfig mcOptions(const Arguments& args)
{
    risk::McConfig mc;
    mc.paths = static_cast<std::size_t>(positiveIntValue(args, "--paths").value_or(20'000));
    if (const auto text = args.value("--seed")) {
        std::uint64_t v = 0;
        const char* end = text->data() + text->size();
        const auto [ptr, ec] = std::from_chars(text->data(), end, v);
        if (ec != std::errc() || ptr != end || v > kMaxJsonSeed)
            throw UserError("--seed: \"" + *text
                            + "\" is not a whole number from 0 to 9007199254740991 (2^53 - 1)");
        mc.seed = v;
    }
    return mc;
}

QJsonValue jsonInstrument(const std::optional<hedging::HedgeInstrumentType>& t)
{
    return t ? QJsonValue(hedging::instrumentTypeCode(*t)) : QJsonValue();
}

QJsonObject jsonCosts(const hedging::HedgeCosts& c)
{
    return QJsonObject{{"premium_usd", c.premiumUsd},
                       {"fees_usd", c.feesUsd},
                       {"notional_usd", c.notionalUsd},
                       {"initial_margin_usd", c.initialMarginUsd}};
}

QJsonObject jsonLine(const hedging::RecommendationLine& l)
{
    QJsonObject o{{"month", jsonMonth(l.month)},
                  {"tenor_months", l.tenorMonths},
                  {"resource", qstr(l.resource)},
                  {"exposure_index_id", qstr(l.exposureIndexId)},
                  {"exposure_units", l.exposureUnits},
                  {"exposure_usd", l.exposureUsd},
                  {"min_ratio", l.minRatio},
                  {"target_ratio", l.targetRatio},
                  {"max_ratio", l.maxRatio},
                  {"target_units", l.targetUnits},
                  {"instrument", jsonInstrument(l.instrument)},
                  {"symbol", l.symbol.empty() ? QJsonValue() : QJsonValue(qstr(l.symbol))},
                  {"cross_hedge", l.crossHedge},
                  {"h_star", l.beta},
                  {"hedge_units_per_exposure_unit", l.hedgeRatio},
                  {"r_squared", l.rSquared},
                  {"basis_vol_annual", l.basisVolAnnual},
                  {"forward_usd_per_unit", l.forwardUsd},
                  {"call_strike_usd_per_unit", l.callStrikeUsd},
                  {"put_strike_usd_per_unit", l.putStrikeUsd},
                  {"target_contracts", static_cast<qint64>(l.targetContracts)},
                  {"contracts", static_cast<qint64>(l.contracts)},
                  {"existing_contracts", static_cast<qint64>(l.existingContracts)},
                  {"trade_contracts", static_cast<qint64>(l.tradeContracts)},
                  {"hedged_ratio", l.hedgedRatio},
                  {"rounding_residual_units", l.roundingResidualUnits},
                  {"costs", jsonCosts(l.costs)},
                  {"car95_before_usd", l.car95BeforeUsd},
                  {"car95_after_usd", l.car95AfterUsd}};
    addUnit(o, l.unit);
    return o;
}

QJsonObject jsonPoint(const hedging::FrontierPoint& p)
{
    return QJsonObject{{"scale", p.scale},
                       {"hedged_ratio", p.hedgedRatio},
                       {"contracts", static_cast<qint64>(p.contracts)},
                       {"car95_usd", p.car95Usd},
                       {"car99_usd", p.car99Usd},
                       {"premium_usd", p.premiumUsd},
                       {"fees_usd", p.feesUsd},
                       {"initial_margin_usd", p.initialMarginUsd},
                       {"within_budget", p.withinBudget}};
}

QJsonObject jsonCar(const risk::DistributionSummary& d)
{
    return QJsonObject{{"expected_usd", d.expected.value},
                       {"car95_usd", d.car95.value},
                       {"car95_standard_error_usd", d.car95.standardError},
                       {"car99_usd", d.car99.value},
                       {"car99_standard_error_usd", d.car99.standardError},
                       {"sd_usd", d.sdUsd}};
}

QJsonObject jsonRecommendation(const hedging::HedgeRecommendation& rec)
{
    QJsonArray lines;
    for (const hedging::RecommendationLine& l : rec.lines)
        lines.append(jsonLine(l));
    const hedging::RecommendationSummary& s = rec.summary;
    QJsonArray points;
    for (const hedging::FrontierPoint& p : rec.frontier.points)
        points.append(jsonPoint(p));
    return QJsonObject{{"policy_id", qstr(rec.policyId)},
                       {"policy_version", rec.policyVersion},
                       {"mode", hedging::recommendationModeCode(rec.mode)},
                       {"lines", lines},
                       {"summary",
                        QJsonObject{{"exposure_usd", s.exposureUsd},
                                    {"hedged_ratio", s.hedgedRatio},
                                    {"contracts", static_cast<qint64>(s.contracts)},
                                    {"trade_contracts", static_cast<qint64>(s.tradeContracts)},
                                    {"costs", jsonCosts(s.costs)},
                                    {"expected_payoff_usd", s.expectedPayoffUsd},
                                    {"sd_before_usd", s.sdBeforeUsd},
                                    {"sd_after_usd", s.sdAfterUsd},
                                    {"car95_before_usd", s.car95BeforeUsd},
                                    {"car95_after_usd", s.car95AfterUsd},
                                    {"car99_before_usd", s.car99BeforeUsd},
                                    {"car99_after_usd", s.car99AfterUsd}}},
                       {"frontier",
                        QJsonObject{{"points", points},
                                    {"recommendation", jsonPoint(rec.frontier.recommendation)},
                                    {"policy_target", jsonPoint(rec.frontier.policyTarget)}}},
                       {"issues", jsonIssues(rec.issues)},
                       {"optimiser_iterations", rec.optimiserIterations}};
}

QJsonObject jsonRisk(const hedging::HedgeRiskReport& r)
{
    QJsonArray months;
    for (const hedging::MonthRisk& m : r.months)
        months.append(QJsonObject{{"month", jsonMonth(m.month)},
                                  {"unhedged_car95_usd", m.unhedgedCar95Usd},
                                  {"current_car95_usd", m.currentCar95Usd},
                                  {"proposed_car95_usd", m.proposedCar95Usd}});
    return QJsonObject{{"seed", static_cast<qint64>(r.seed)},
                       {"paths", jsonCount(r.paths)},
                       {"unhedged", jsonCar(r.unhedged)},
                       {"current", jsonCar(r.current)},
                       {"proposed", jsonCar(r.proposed)},
                       {"months", months}};
}

//! RESOURCE: an index id, else the index of the plan lines of that resource (code "H100" or the
//! index's resource key), else the one index with that resource key.
void printRecommendation(Context& ctx,
                         const hedging::HedgeRecommendation& rec,
                         const hedging::HedgeRiskReport& risk)
{
    TextTable t({{"Month"},
                 {"Index"},
                 {"Exposure", Align::Right},
                 {"Band", Align::Right},
                 {"Instrument"},
                 {"Contract"},
                 {"Contracts", Align::Right},
                 {"Held", Align::Right},
                 {"Trade", Align::Right},
                 {"Hedged", Align::Right},
                 {"Premium USD", Align::Right},
                 {"Margin USD", Align::Right}});
    for (const hedging::RecommendationLine& l : rec.lines)
        t.addRow({formatIsoMonth(l.month),
                  l.exposureIndexId,
                  formatNumber(l.exposureUnits, 0) + " " + unitSymbol(l.unit),
                  formatPercent(l.minRatio, 0) + "-" + formatPercent(l.maxRatio, 0),
                  l.instrument ? hedging::instrumentTypeCode(*l.instrument) : "-",
                  l.symbol + (l.crossHedge ? " (cross)" : ""),
                  std::to_string(l.contracts),
                  std::to_string(l.existingContracts),
                  std::to_string(l.tradeContracts),
                  formatPercent(l.hedgedRatio, 1),
                  formatNumber(l.costs.premiumUsd, 0),
                  formatNumber(l.costs.initialMarginUsd, 0)});
    ctx.out() << t.render();
    const hedging::RecommendationSummary& s = rec.summary;
    ctx.out()
        << "\n"
        << renderFields(
               {{"Policy", rec.policyId + " v" + std::to_string(rec.policyVersion)},
                {"Mode", hedging::recommendationModeCode(rec.mode)},
                {"Exposure", "USD " + usdMillions(s.exposureUsd) + "m"},
                {"Hedged", formatPercent(s.hedgedRatio, 1)},
                {"Contracts",
                 std::to_string(s.contracts) + " (trade " + std::to_string(s.tradeContracts) + ")"},
                {"Premium / fees",
                 "USD " + formatNumber(s.costs.premiumUsd, 0) + " / "
                     + formatNumber(s.costs.feesUsd, 0)},
                {"Initial margin", "USD " + formatNumber(s.costs.initialMarginUsd, 0)},
                {"CaR95 unhedged (MC)", "USD " + usdMillions(risk.unhedged.car95.value) + "m"},
                {"CaR95 current book", "USD " + usdMillions(risk.current.car95.value) + "m"},
                {"CaR95 proposed", "USD " + usdMillions(risk.proposed.car95.value) + "m"},
                {"Monte Carlo",
                 formatCount(risk.paths) + " paths, seed " + std::to_string(risk.seed)}});
    for (const Issue& i : rec.issues)
        ctx.out() << i.toString() << "\n";
    ctx.out() << "Frontier and line detail: --json.\n";
}

int hedgeRecommend(Context& ctx, const Arguments& args)
{
    const risk::McConfig mc = mcOptions(args);
    const HedgeWorkspace ws = loadHedgeWorkspace(ctx, args);
    const hedging::BuiltHedgeInputs built = buildHedgeOrFail(ctx, ws, hedgeOptions(args));
    hedging::HedgeRecommendation rec = hedging::recommendHedge(built.inputs);
    hedging::assignLineUnits(rec, built.exposures);
    const hedging::HedgeRiskReport risk = hedging::evaluateHedgeRisk(built.inputs.risk, rec, mc);
    if (ctx.json()) {
        QJsonObject o = jsonRecommendation(rec);
        o["policy"] = QJsonObject{{"id", qstr(ws.policy.policy.id)},
                                  {"name", qstr(ws.policy.policy.name)},
                                  {"version", ws.policy.policy.version},
                                  {"stored", ws.policy.stored}};
        o["valuation_date"] = jsonDate(rec.valuationDate);
        o["risk"] = jsonRisk(risk);
        o["input_issues"] = jsonIssues(built.issues);
        addDatasetLabel(o, ws.risk.market.info);
        ctx.printJson(o);
        return 0;
    }
    printRecommendation(ctx, rec, risk);
    ctx.out() << datasetFooter(ws.risk.market.info) << "\n";
    return 0;
}

int hedgePropose(Context& ctx, const Arguments& args)
{
    const std::string rationale = *args.value("--rationale");
    const std::string author = *args.value("--author");
    const HedgeWorkspace ws = loadHedgeWorkspace(ctx, args);
    if (!ws.policy.stored)
        throw UserError("--policy: the workspace stores no hedge policy; import one with `hedge "
                        "policy import FILE` first (a proposal records its policy version)");
    const hedging::BuiltHedgeInputs built = buildHedgeOrFail(ctx, ws, hedgeOptions(args));
    const hedging::HedgeRecommendation rec = hedging::recommendHedge(built.inputs);
    storage::HedgeRepository repo(ctx.workspace());
    const hedging::HedgeProposal p =
        hedging::makeProposal(rec, repo.nextProposalId(), author, nowUtc(), rationale);
    const auto status =
        args.flag("--submit") ? storage::ProposalStatus::Submitted : storage::ProposalStatus::Draft;
    const std::vector<Issue> issues = repo.saveProposal(p, status);
    if (!issues.empty()) {
        std::vector<std::string> details;
        for (const Issue& i : issues)
            details.push_back(i.toString());
        throw UserError("the proposal was not saved", details);
    }
    const storage::StoredProposal stored = *repo.proposal(p.id);
    if (ctx.json())
        ctx.printJson(jsonProposal(stored));
    else
        ctx.out() << "Saved proposal " << p.id << " (" << storage::proposalStatusCode(status)
                  << "): " << p.lines.size() << " lines under policy " << p.policyId << " v"
                  << p.policyVersion << ".\n";
    return 0;
}

int hedgeProposals(Context& ctx, const Arguments&)
{
    const std::vector<storage::StoredProposal> all =
        storage::HedgeRepository(ctx.workspace()).loadProposals();
    if (ctx.json()) {
        QJsonArray list;
        for (const storage::StoredProposal& p : all)
            list.append(jsonProposal(p));
        ctx.printJson(QJsonObject{{"proposals", list}});
        return 0;
    }
    TextTable t({{"Proposal"},
                 {"Status"},
                 {"Saved at"},
                 {"By"},
                 {"Policy"},
                 {"Lines", Align::Right},
                 {"Rationale"}});
    for (const storage::StoredProposal& s : all) {
        const hedging::HedgeProposal& p = s.proposal;
        t.addRow({p.id,
                  storage::proposalStatusCode(s.status),
                  formatIsoTimestamp(p.createdAt),
                  p.createdBy,
                  p.policyId + " v" + std::to_string(p.policyVersion),
                  std::to_string(p.lines.size()),
                  p.rationale.size() > 60 ? p.rationale.substr(0, 57) + "..." : p.rationale});
    }
    ctx.out() << t.render();
    return 0;
}

CH_CLI_COMMAND(
    {.group = "hedge",
     .name = "recommend",
     .summary = "hedge recommendation with Cost-at-Risk before and after, and its frontier",
     .options = {kPolicyOption,
                 kModeOption,
                 {"--paths", "N", "Monte Carlo paths of each CaR run (default 20000)"},
                 {"--seed", "S", "Monte Carlo seed (default 20261030)"},
                 kRateOption},
     .description =
         "What the Hedge page shows: per delivery month and exposure index, the recommended "
         "instrument, contract and whole-contract count within the policy's bands and limits, "
         "the costs, the achieved ratio and rounding residual; the summary; the 11-point "
         "frontier (uniform hedge ratios 0-100%); and the Monte Carlo CaR of the horizon cost "
         "unhedged, with the current positions and with the proposed trades (same seed, so the "
         "difference is the hedge). Nothing is saved. JSON: {policy, mode, valuation_date, lines, "
         "summary, frontier: {points, recommendation, policy_target}, risk: {seed, paths, "
         "unhedged, current, proposed, months}, issues, input_issues, dataset_version, "
         "disclaimer}.",
     .examples = {"computehedge-cli --workspace demo.chw hedge recommend --json"},
     .run = &hedgeRecommend});

CH_CLI_COMMAND(
    {.group = "hedge",
     .name = "propose",
     .summary = "save the recommendation as a hedge proposal",
     .options = {{"--rationale", "TEXT", "why (required; the approver reads it)", true},
                 {"--author", "NAME", "who proposes it (required)", true},
                 kPolicyOption,
                 kModeOption,
                 kRateOption,
                 {"--submit", "", "submit it to the trading desk now (default: a draft)"}},
     .description = "Recommends as `hedge recommend` (without the Monte Carlo) and saves the "
                    "result with its policy version, author, time and rationale. JSON: the saved "
                    "proposal as `hedge proposals` lists it.",
     .examples = {"computehedge-cli --workspace demo.chw hedge propose --author tina "
                  "--rationale \"Q1 at target\""},
     .run = &hedgePropose});

CH_CLI_COMMAND({.group = "hedge",
                .name = "proposals",
                .summary = "list saved hedge proposals",
                .description = "Every saved proposal, oldest first. JSON: {proposals: [{id, "
                               "status, policy_id, policy_version, created_by, created_at, "
                               "valuation_date, rationale, submitted_by, submitted_at, lines}]}.",
                .run = &hedgeProposals});

} // namespace

QJsonObject jsonProposal(const storage::StoredProposal& s)
{
    const hedging::HedgeProposal& p = s.proposal;
    QJsonArray lines;
    for (const hedging::ProposalLine& l : p.lines)
        lines.append(QJsonObject{{"month", jsonMonth(l.month)},
                                 {"exposure_index_id", qstr(l.exposureIndexId)},
                                 {"resource", qstr(l.resource)},
                                 {"symbol", qstr(l.symbol)},
                                 {"instrument", hedging::instrumentTypeCode(l.instrument)},
                                 {"contracts", static_cast<qint64>(l.contracts)},
                                 {"trade_contracts", static_cast<qint64>(l.tradeContracts)},
                                 {"forward_usd_per_unit", l.forwardUsd},
                                 {"call_strike_usd_per_unit", l.callStrikeUsd},
                                 {"put_strike_usd_per_unit", l.putStrikeUsd},
                                 {"premium_usd", l.premiumUsd}});
    return QJsonObject{
        {"id", qstr(p.id)},
        {"status", storage::proposalStatusCode(s.status)},
        {"policy_id", qstr(p.policyId)},
        {"policy_version", p.policyVersion},
        {"created_by", qstr(p.createdBy)},
        {"created_at", qstr(formatIsoTimestamp(p.createdAt))},
        {"valuation_date", jsonDate(p.valuationDate)},
        {"rationale", qstr(p.rationale)},
        {"submitted_by", s.submittedBy.empty() ? QJsonValue() : QJsonValue(qstr(s.submittedBy))},
        {"submitted_at",
         s.submittedAt ? QJsonValue(qstr(formatIsoTimestamp(*s.submittedAt))) : QJsonValue()},
        {"lines", lines}};
}

} // namespace ch::cli
