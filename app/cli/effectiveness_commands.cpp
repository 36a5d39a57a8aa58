// `computehedge-cli effectiveness list|memo|designate`: designated hedge relationships (ASC 815)
// and their effectiveness tests, computed by core exactly as the Effectiveness page shows them
// (storage/effectiveness_assessment.h), and designating a new one from a submitted hedge proposal
// (storage/designation_draft.h).

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "market_lookup.h"
#include "storage/designation_draft.h"
#include "storage/designation_repository.h"
#include "storage/effectiveness_assessment.h"
#include "storage/hedge_repository.h"
#include "text_table.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace ch::cli {
namespace {

using storage::DesignatedHedge;
using storage::EffectivenessAssessment;

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject jsonDesignation(const DesignatedHedge& h)
{
    const auto& d = h.designation;
    return QJsonObject{{"reference", qstr(d.reference)},
                       {"designation_date", jsonDate(d.designationDate)},
                       {"hedged_item", qstr(d.hedgedItem)},
                       {"hedging_instrument", qstr(d.hedgingInstrument)},
                       {"risk_hedged", qstr(d.riskHedged)},
                       {"hedge_ratio", d.hedgeRatio},
                       {"method", trading::effectivenessMethodCode(d.method)},
                       {"assessment_frequency", qstr(d.assessmentFrequency)},
                       {"prepared_by", qstr(d.preparedBy)},
                       {"hedged_index", qstr(h.hedgedIndex)},
                       {"instrument_symbol", qstr(h.instrumentSymbol)},
                       {"hedged_units_per_month", h.hedgedUnitsPerMonth},
                       {"contracts_per_month", static_cast<qint64>(h.contractsPerMonth)}};
}

QJsonObject jsonAssessment(const EffectivenessAssessment& a)
{
    QJsonObject o = jsonDesignation(a.hedge);
    o["months"] = jsonCount(a.periods);
    o["pass"] = a.passes();
    o["problem"] = a.problem.empty() ? QJsonValue() : QJsonValue(qstr(a.problem));
    if (a.dollarOffset) {
        const auto& d = *a.dollarOffset;
        o["dollar_offset"] =
            QJsonObject{{"ratio", optionalNumber(d.ratio)},
                        {"cumulative_hedged_change_usd", d.cumulativeHedgedChange},
                        {"cumulative_derivative_change_usd", d.cumulativeDerivativeChange},
                        {"offsetting", d.offsetting},
                        {"small_denominator", d.smallDenominator},
                        {"pass", d.pass},
                        {"explanation", qstr(d.explanation)}};
    } else {
        o["dollar_offset"] = QJsonValue();
    }
    if (a.regression) {
        const auto& r = *a.regression;
        o["regression"] = QJsonObject{
            {"observations", jsonCount(r.observations)},
            {"slope", r.slope},
            {"intercept_usd", r.intercept},
            {"r_squared", r.rSquared},
            {"slope_t_stat", std::isfinite(r.slopeTStat) ? QJsonValue(r.slopeTStat) : QJsonValue()},
            {"degenerate", r.degenerate},
            {"pass", r.pass},
            {"explanation", qstr(r.explanation)}};
    } else {
        o["regression"] = QJsonValue();
    }
    return o;
}

std::vector<EffectivenessAssessment> assessAll(Context& ctx, const storage::DeskMarket& market)
{
    std::vector<EffectivenessAssessment> out;
    for (const auto& h : storage::DesignationRepository(ctx.workspace()).designations())
        out.push_back(storage::assessEffectiveness(h, market.data(), market.valuationDate()));
    return out;
}

int listDesignations(Context& ctx, const Arguments&)
{
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const auto rows = assessAll(ctx, market);
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& a : rows)
            list.append(jsonAssessment(a));
        QJsonObject o{{"valuation_date", jsonDate(market.valuationDate())}, {"designations", list}};
        addDatasetLabel(o, market.data().info);
        ctx.printJson(o);
        return 0;
    }
    TextTable t({{"Designation"},
                 {"Hedged index"},
                 {"Contract"},
                 {"Months", Align::Right},
                 {"Dollar offset (80-125%)", Align::Right},
                 {"Slope (-1.25 to -0.80)", Align::Right},
                 {"R2 (>= 0.80)", Align::Right},
                 {"Method"},
                 {"Result"}});
    for (const auto& a : rows) {
        const bool ratio = a.dollarOffset && a.dollarOffset->ratio;
        t.addRow({a.hedge.designation.reference,
                  a.hedge.hedgedIndex,
                  a.hedge.instrumentSymbol,
                  std::to_string(a.periods),
                  ratio ? fixed(*a.dollarOffset->ratio * 100.0, 1) + "%" : "n/a",
                  a.regression ? fixed(a.regression->slope, 3) : "n/a",
                  a.regression ? fixed(a.regression->rSquared, 3) : "n/a",
                  trading::effectivenessMethodCode(a.hedge.designation.method),
                  !a.problem.empty() ? "not assessed: " + a.problem
                  : a.passes()       ? "pass"
                                     : "fail"});
    }
    ctx.out() << t.render() << "Prospective assessment over the 24 months before "
              << formatIsoDate(market.valuationDate()) << ". " << datasetFooter(market.data().info)
              << "\n";
    return 0;
}

int designationMemo(Context& ctx, const Arguments& args)
{
    const std::string reference = *args.positional("REFERENCE");
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const auto rows = assessAll(ctx, market);
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const EffectivenessAssessment& a) {
        return a.hedge.designation.reference == reference;
    });
    if (row == rows.end())
        throw UserError("REFERENCE: no designation \"" + reference
                        + "\" in this workspace; `effectiveness list` shows them");
    const std::string memo = storage::effectivenessMemo(*row, market.valuationDate());
    const auto file = args.value("--output");
    if (file) {
        std::ofstream out(*file, std::ios::binary | std::ios::trunc);
        out.write(memo.data(), static_cast<std::streamsize>(memo.size()));
        out.close();
        if (!out)
            throw UserError("--output: cannot write \"" + *file + "\"");
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"reference", qstr(reference)},
                                  {"memo", qstr(memo)},
                                  {"file", file ? QJsonValue(qstr(*file)) : QJsonValue()}});
    } else if (file) {
        ctx.out() << "Wrote the designation memo of " << reference << " to " << *file << "\n";
    } else {
        ctx.out() << memo;
    }
    return 0;
}

//! The group of `proposal` on `symbol`, narrowed by `index` when given; UserError when there is
//! none or more than one.
storage::ProposalHedgeGroup chooseGroup(const storage::StoredProposal& proposal,
                                        const std::string& symbol,
                                        const std::optional<std::string>& index)
{
    std::vector<storage::ProposalHedgeGroup> matches;
    std::string offered;
    for (const auto& g : storage::proposalHedgeGroups(proposal.proposal)) {
        offered += (offered.empty() ? "" : ", ") + g.symbol + " on " + g.exposureIndexId;
        if (g.symbol == symbol && (!index || g.exposureIndexId == *index))
            matches.push_back(g);
    }
    const std::string what = symbol + (index ? " hedging " + *index : "");
    if (matches.empty())
        throw UserError("--contract: proposal " + proposal.proposal.id + " holds no " + what
                        + " futures; it holds "
                        + (offered.empty() ? std::string("no futures") : offered));
    if (matches.size() > 1) {
        std::string indices;
        for (const auto& g : matches)
            indices += (indices.empty() ? "" : ", ") + g.exposureIndexId;
        throw UserError("--index: proposal " + proposal.proposal.id + " hedges "
                        + std::to_string(matches.size()) + " indices with " + symbol + " ("
                        + indices + "); choose one with --index");
    }
    return matches.front();
}

int designate(Context& ctx, const Arguments& args)
{
    const trading::User actor = authenticate(ctx, args);
    const std::string proposalId = *args.value("--proposal");
    const auto proposal = storage::HedgeRepository(ctx.workspace()).proposal(proposalId);
    if (!proposal)
        throw UserError("--proposal: no hedge proposal \"" + proposalId
                        + "\" in this workspace; `hedge proposals` lists them");
    const auto group = chooseGroup(*proposal, *args.value("--contract"), args.value("--index"));
    const Date today{std::chrono::floor<std::chrono::days>(deskNow())};
    storage::DesignationDraft draft = storage::draftDesignation(
        ctx.workspace(), *proposal, group.exposureIndexId, group.symbol, actor.displayName, today);
    if (const auto reference = args.value("--reference"))
        draft.hedge.designation.reference = *reference;
    storage::DesignationRepository repo(ctx.workspace());
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const auto issues =
        storage::validateDesignation(draft.hedge, repo.designations(), market.data());
    std::vector<std::string> errors;
    for (const Issue& i : issues)
        (i.severity == Severity::Error ? errors : draft.warnings).push_back(i.toString());
    if (!errors.empty())
        throw UserError("designation refused", errors);
    const DesignatedHedge saved = repo.add(draft.hedge, actor, deskNow());
    const auto assessment =
        storage::assessEffectiveness(saved, market.data(), market.valuationDate());
    if (ctx.json()) {
        QJsonObject o = jsonAssessment(assessment);
        o["proposal"] = qstr(proposalId);
        o["lines"] = [&] {
            QJsonArray lines;
            for (int n : group.lineNumbers)
                lines.append(n);
            return lines;
        }();
        o["execution"] =
            QJsonObject{{"orders", jsonCount(draft.execution.orders)},
                        {"fills", jsonCount(draft.execution.fills)},
                        {"filled_contracts", static_cast<qint64>(draft.execution.filledContracts)},
                        {"traded_contracts", static_cast<qint64>(draft.execution.tradedContracts)},
                        {"executed", draft.executed()}};
        o["warnings"] = jsonStrings(draft.warnings);
        ctx.printJson(o);
        return 0;
    }
    for (const auto& w : draft.warnings)
        ctx.err() << "warning: " << w << "\n";
    ctx.out() << "Designated " << saved.designation.reference << " from proposal " << proposalId
              << " (" << group.symbol << " hedging " << group.exposureIndexId << "), audited as "
              << actor.login << "\n\n"
              << storage::effectivenessMemo(assessment, market.valuationDate());
    return 0;
}

CH_CLI_GROUP({.name = "effectiveness",
              .summary = "designated hedge relationships (ASC 815) and their effectiveness"});
CH_CLI_COMMAND(
    {.group = "effectiveness",
     .name = "list",
     .summary = "each designation with dollar offset, regression slope and R², pass or fail",
     .description =
         "The prospective assessment of every designated hedge, as the Effectiveness page shows "
         "it: monthly changes of the business-day average of each leg's index over the 24 "
         "months before the dataset's valuation date (a reference dataset, not settlement "
         "prices); cumulative dollar offset within 80-125%, regression slope within -1.25 to "
         "-0.80 with R² >= 0.80. JSON: {valuation_date, designations: [{reference, ..., months, "
         "dollar_offset: {ratio, ...}, regression: {slope, r_squared, ...}, pass, problem}], "
         "dataset_version, disclaimer}.",
     .run = &listDesignations});
CH_CLI_COMMAND({.group = "effectiveness",
                .name = "memo",
                .summary = "the designation memo with its latest assessment",
                .positionals = {{"REFERENCE", "designation reference, e.g. HR-2026-001"}},
                .options = {{"--output", "FILE", "write the memo to FILE instead of printing it"}},
                .description = "The memo documented at inception (hedged item, instrument, risk, "
                               "ratio, method, frequency) followed by the assessment as of the "
                               "dataset's valuation date. JSON: {reference, memo, file}.",
                .run = &designationMemo});
CH_CLI_COMMAND(
    {.group = "effectiveness",
     .name = "designate",
     .summary = "designate a hedge relationship from a submitted hedge proposal",
     .options = {{"--proposal", "ID", "submitted hedge proposal, e.g. HP-0001", true},
                 {"--contract", "SYMBOL", "the futures contract of the group, e.g. CHG.H100", true},
                 {"--index", "INDEX", "the exposure index, when the contract hedges several"},
                 {"--reference", "REF", "designation reference (default: next HR-<year>-<NNN>)"},
                 {"--user", "LOGIN", "who designates (needs manage_limits: an admin)", true},
                 {"--password", "PASSWORD", "default: CH_PASSWORD"}},
     .description =
         "Proposes the designation as the GUI's \"Designate hedge...\" does: the group's "
         "futures holdings are the instrument (average contracts per delivery month, rounded) "
         "and the hedged item is the forecast purchase volume they cover (average contracts x "
         "units per contract), tested by dollar offset and regression, quarterly. Warns when no "
         "order drafted from the group's lines has filled yet. Saved as --user, audited as "
         "designation.create. JSON: the designation with its assessment, proposal, lines, "
         "execution {orders, fills, filled_contracts, traded_contracts, executed} and warnings.",
     .examples = {"computehedge-cli --workspace demo.chw effectiveness designate --proposal "
                  "HP-0001 --contract CHG.H100 --user admin"},
     .run = &refusalsAreUserErrors<&designate>});

} // namespace
} // namespace ch::cli
