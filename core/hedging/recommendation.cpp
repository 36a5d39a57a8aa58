#include "hedging/recommendation.h"

#include "domain/error.h"
#include "hedging/book.h"
#include "risk/distributions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ch::hedging {

namespace {

std::string usd(double x)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f USD", x);
    return buf;
}

Eigen::VectorXd candidateCounts(const HedgeRecommendation& rec)
{
    Eigen::VectorXd n =
        Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rec.moments.candidates.size()));
    for (const RecommendationLine& line : rec.lines)
        if (line.candidate)
            n(static_cast<Eigen::Index>(*line.candidate)) = static_cast<double>(line.contracts);
    return n;
}

// Everything that follows from the lines' counts: per-line quantities, costs and stand-alone
// risk, the summary and the frontier.
void finalise(HedgeRecommendation& rec, const HedgePolicy& policy)
{
    const double z95 = risk::normalQuantile(0.95);
    const double z99 = risk::normalQuantile(0.99);
    const bool perLine =
        rec.moments.lineVarCost.size() == static_cast<Eigen::Index>(rec.lines.size());
    RecommendationSummary& s = rec.summary;
    s = RecommendationSummary{};
    double weighted = 0.0;
    for (std::size_t l = 0; l < rec.lines.size(); ++l) {
        RecommendationLine& line = rec.lines[l];
        s.exposureUsd += line.exposureUsd;
        if (perLine)
            line.car95BeforeUsd =
                z95
                * std::sqrt(std::max(0.0, rec.moments.lineVarCost(static_cast<Eigen::Index>(l))));
        if (!line.candidate) {
            line.contracts = 0;
            line.car95AfterUsd = line.car95BeforeUsd;
            continue;
        }
        const double perContract = line.unitsPerContract / line.hedgeRatio;
        line.tradeContracts = line.contracts - line.existingContracts;
        line.hedgedUnits =
            static_cast<double>(line.contracts) * perContract + line.existingOtherUnits;
        line.hedgedRatio = line.hedgedUnits / line.exposureUnits;
        line.roundingResidualUnits =
            (line.optimalContracts - static_cast<double>(line.contracts)) * perContract;
        line.roundingResidualRatio = line.roundingResidualUnits / line.exposureUnits;
        line.costs = costsOf(line, line.contracts);
        if (perLine)
            line.car95AfterUsd = z95
                                 * std::sqrt(rec.moments.lineHedgedVariance(
                                     l, *line.candidate, static_cast<double>(line.contracts)));
        weighted += line.hedgedRatio * line.exposureUsd;
        s.contracts += line.contracts;
        s.tradeContracts += line.tradeContracts;
        s.costs.premiumUsd += line.costs.premiumUsd;
        s.costs.feesUsd += line.costs.feesUsd;
        s.costs.notionalUsd += line.costs.notionalUsd;
        s.costs.initialMarginUsd += line.costs.initialMarginUsd;
    }
    const Eigen::VectorXd n = candidateCounts(rec);
    s.hedgedRatio = s.exposureUsd > 0.0 ? weighted / s.exposureUsd : 0.0;
    s.expectedPayoffUsd = n.size() == 0 ? 0.0 : n.dot(rec.moments.expectedPayoff);
    s.sdBeforeUsd = std::sqrt(std::max(0.0, rec.moments.varCost));
    s.sdAfterUsd = n.size() == 0 ? s.sdBeforeUsd : std::sqrt(rec.moments.hedgedVariance(n));
    s.car95BeforeUsd = z95 * s.sdBeforeUsd;
    s.car95AfterUsd = z95 * s.sdAfterUsd;
    s.car99BeforeUsd = z99 * s.sdBeforeUsd;
    s.car99AfterUsd = z99 * s.sdAfterUsd;
    rec.frontier = hedgeFrontier(rec.moments, rec.lines, policy);
}

HedgeRecommendation fromBook(const RecommendationInputs& in, detail::Book& book)
{
    HedgeRecommendation rec;
    rec.policyId = in.policy.id;
    rec.policyVersion = in.policy.version;
    rec.valuationDate = in.valuationDate;
    rec.mode = in.mode;
    rec.moments = analyticMoments(
        in.risk, in.policy.volumeScenario, book.candidates, book.lineOfCell, book.lines.size());
    rec.lines = std::move(book.lines);
    rec.limits = std::move(book.limits);
    rec.issues = std::move(book.issues);
    return rec;
}

// Errors for counts an edit put outside a band, a limit or the budget.
void flagBreaches(HedgeRecommendation& rec)
{
    std::vector<ContractCount> counts(rec.moments.candidates.size(), 0);
    for (const RecommendationLine& line : rec.lines) {
        if (!line.candidate)
            continue;
        counts[*line.candidate] = line.contracts;
        const std::string field = detail::lineLabel(line);
        if (line.contracts > line.bounds.upper)
            rec.issues.push_back(Issue{
                "edit",
                0,
                field,
                Severity::Error,
                std::to_string(line.contracts) + " contracts exceed the maximum "
                    + std::to_string(line.bounds.upper) + " (policy max "
                    + formatPercent(line.maxRatio) + " of the exposure, or the contract limit)"});
        else if (line.contracts < line.bounds.lower)
            rec.issues.push_back(Issue{"edit",
                                       0,
                                       field,
                                       Severity::Error,
                                       std::to_string(line.contracts)
                                           + " contracts are below the minimum "
                                           + std::to_string(line.bounds.lower) + " (policy min "
                                           + formatPercent(line.minRatio) + " of the exposure)"});
    }
    for (const LinearLimit& l : rec.limits) {
        const double used = l.usage(counts);
        if (used <= l.bound + 1e-9 * std::max(1.0, std::fabs(l.bound)))
            continue;
        const bool money = l.name == "premium budget";
        rec.issues.push_back(
            Issue{"edit",
                  0,
                  l.name,
                  Severity::Error,
                  (money ? usd(used) : std::to_string(std::llround(used))) + " is above the limit "
                      + (money ? usd(l.bound) : std::to_string(std::llround(l.bound)))});
    }
}

} // namespace

const char* recommendationModeCode(RecommendationMode m)
{
    return m == RecommendationMode::PolicyTarget ? "policy_target" : "minimum_variance";
}

std::optional<RecommendationMode> parseRecommendationMode(std::string_view code)
{
    for (RecommendationMode m :
         {RecommendationMode::MinimumVariance, RecommendationMode::PolicyTarget})
        if (code == recommendationModeCode(m))
            return m;
    return std::nullopt;
}

HedgeCosts costsOf(const RecommendationLine& line, ContractCount contracts)
{
    HedgeCosts c;
    if (!line.instrument || contracts == 0)
        return c;
    const auto n = static_cast<double>(contracts);
    const double units = n * line.unitsPerContract;
    const bool collar = *line.instrument == HedgeInstrumentType::Collar;
    c.notionalUsd = units * line.forwardUsd;
    c.feesUsd = std::fabs(n) * line.feePerSideUsd * (collar ? 2.0 : 1.0);
    switch (*line.instrument) {
    case HedgeInstrumentType::Future:
        c.initialMarginUsd = std::fabs(c.notionalUsd) * line.initialMarginFraction;
        break;
    case HedgeInstrumentType::Call:
        c.premiumUsd = units * line.callPremiumUsd;
        break;
    case HedgeInstrumentType::Collar:
        c.premiumUsd = units * (line.callPremiumUsd - line.putPremiumUsd);
        c.initialMarginUsd = std::fabs(c.notionalUsd) * line.initialMarginFraction;
        break;
    }
    return c;
}

HedgeRecommendation recommendHedge(const RecommendationInputs& in)
{
    std::vector<Issue> policyIssues = validatePolicy(in.policy, &in.contracts);
    if (std::any_of(policyIssues.begin(), policyIssues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        })) {
        HedgeRecommendation rec;
        rec.policyId = in.policy.id;
        rec.policyVersion = in.policy.version;
        rec.valuationDate = in.valuationDate;
        rec.mode = in.mode;
        rec.issues = std::move(policyIssues);
        return rec;
    }
    detail::Book book = detail::buildBook(in);
    const std::vector<double> targetExact = book.targetExactContracts;
    HedgeRecommendation rec = fromBook(in, book);
    rec.issues.insert(rec.issues.begin(), policyIssues.begin(), policyIssues.end());

    OptimiserProblem problem;
    problem.rounding = in.policy.rounding;
    for (const HedgeCandidate& c : rec.moments.candidates) {
        const RecommendationLine& line = rec.lines[c.line];
        problem.bounds.push_back(
            in.mode == RecommendationMode::PolicyTarget
                ? ContractBounds{line.targetContracts, line.targetContracts, false}
                : line.bounds);
    }
    problem.limits = rec.limits;
    const OptimisedHedge opt = optimiseHedge(rec.moments, problem);
    rec.optimiserIterations = opt.iterations;
    rec.issues.insert(rec.issues.end(), opt.issues.begin(), opt.issues.end());
    for (std::size_t i = 0; i < rec.moments.candidates.size(); ++i) {
        RecommendationLine& line = rec.lines[rec.moments.candidates[i].line];
        line.contracts = opt.contracts[i];
        line.optimalContracts = in.mode == RecommendationMode::PolicyTarget
                                    ? targetExact[rec.moments.candidates[i].line]
                                    : opt.continuous(static_cast<Eigen::Index>(i));
        // A limit can lower a band minimum (the optimiser said so); keep what it used.
        line.bounds.lower = std::min(line.bounds.lower, opt.bounds[i].lower);
    }
    finalise(rec, in.policy);
    return rec;
}

HedgeRecommendation applyEdits(const RecommendationInputs& in,
                               const HedgeRecommendation& base,
                               const std::vector<LineEdit>& edits)
{
    std::vector<std::optional<HedgeInstrumentType>> instruments;
    std::vector<ContractCount> counts;
    std::vector<double> optimal;
    for (const RecommendationLine& line : base.lines) {
        instruments.push_back(line.instrument);
        counts.push_back(line.contracts);
        optimal.push_back(line.optimalContracts);
    }
    for (const LineEdit& e : edits) {
        require(e.line < base.lines.size(),
                "applyEdits: line " + std::to_string(e.line) + " of "
                    + std::to_string(base.lines.size()));
        require(e.contracts >= 0,
                "applyEdits: " + std::to_string(e.contracts)
                    + " contracts; counts are zero or more");
        if (e.instrument && e.instrument != instruments[e.line]) {
            instruments[e.line] = e.instrument;
            optimal[e.line] = static_cast<double>(e.contracts);
        }
        counts[e.line] = e.contracts;
    }
    // Lines the base could not hedge stay unhedged unless an edit names an instrument.
    std::vector<std::optional<HedgeInstrumentType>> overrides = instruments;
    detail::Book book = detail::buildBook(in, overrides);
    require(book.lines.size() == base.lines.size(),
            "applyEdits: the inputs give " + std::to_string(book.lines.size())
                + " lines, the recommendation has " + std::to_string(base.lines.size()));
    HedgeRecommendation rec = fromBook(in, book);
    rec.mode = base.mode;
    for (std::size_t l = 0; l < rec.lines.size(); ++l) {
        RecommendationLine& line = rec.lines[l];
        if (!line.candidate) {
            if (counts[l] != 0)
                rec.issues.push_back(Issue{"edit",
                                           0,
                                           detail::lineLabel(line),
                                           Severity::Error,
                                           "the line has no usable instrument; its "
                                               + std::to_string(counts[l])
                                               + " contracts were dropped"});
            continue;
        }
        line.contracts = counts[l];
        line.optimalContracts = optimal[l];
    }
    flagBreaches(rec);
    finalise(rec, in.policy);
    return rec;
}

} // namespace ch::hedging
