#include "exposure/helper_expansion.h"

#include "domain/error.h"
#include "domain/plan_text.h"

#include <algorithm>
#include <cmath>

namespace ch::exposure {

namespace {

void requireValid(const PlanHelper& helper)
{
    const auto issues = validateHelper(helper);
    require(issues.empty(),
            issues.empty() ? std::string() : "invalid helper: " + issues.front().toString());
}

//! Low/high as base × (1 ∓ u). For 0 <= u <= 1 the products keep low <= base <= high exactly:
//! IEEE multiplication is monotonic, so base × (1 − u) <= base × 1 and base × (1 + u) >= base.
VolumeTriple spread(double base, double uncertainty)
{
    return VolumeTriple(base * (1.0 - uncertainty), base, base * (1.0 + uncertainty));
}

//! Collects monthly base volumes into plan cells, and what fell outside the plan.
struct Clipper
{
    Month first;
    int months;
    double uncertainty;
    std::vector<VolumeTriple> cells;
    std::vector<std::string> outsideMonths;
    double outsideVolume = 0.0;

    Clipper(Month f, int n, double u)
        : first(f)
        , months(n)
        , uncertainty(u)
        , cells(static_cast<std::size_t>(n))
    {}
    void add(Month m, double base)
    {
        const int i = monthsBetween(first, m);
        if (i < 0 || i >= months) {
            if (base > 0.0) {
                outsideMonths.push_back(formatIsoMonth(m));
                outsideVolume += base;
            }
            return;
        }
        cells[static_cast<std::size_t>(i)] = spread(base, uncertainty);
    }
    //! One warning for everything left out, e.g. "2 months outside the plan ...".
    void warn(std::vector<Issue>& issues,
              const std::string& helperId,
              const std::string& lineName,
              Unit unit) const
    {
        if (outsideMonths.empty())
            return;
        std::string list;
        for (const auto& m : outsideMonths)
            list += (list.empty() ? "" : ", ") + m;
        issues.push_back(
            Issue{"helper " + helperId,
                  0,
                  "",
                  Severity::Warning,
                  lineName + ": " + std::to_string(outsideMonths.size())
                      + (outsideMonths.size() == 1 ? " month" : " months") + " outside the plan ("
                      + list + "), " + formatGrouped(outsideVolume) + " " + unitSymbol(unit)
                      + " in all, are left out; the plan runs from " + formatIsoMonth(first)
                      + " to " + formatIsoMonth(addMonths(first, months - 1))});
    }
};

std::string indexOr(const std::string& indexId, Resource r)
{
    return indexId.empty() ? r.defaultIndexId() : indexId;
}

Parsed<std::vector<PlanLine>> expandTraining(const TrainingRun& run, Month first, int months)
{
    Parsed<std::vector<PlanLine>> out;
    Clipper clip(first, months, run.uncertaintyFraction);
    for (const auto& m : trainingSchedule(run))
        clip.add(m.month, m.gpuHours.value());
    const Resource r = Resource::gpu(run.gpu);
    clip.warn(out.issues, run.id, run.name, r.unit());
    out.value.emplace_back(
        run.id, run.name, r, indexOr(run.indexId, r), run.confidence, clip.cells, run.id);
    return out;
}

Parsed<std::vector<PlanLine>> expandInference(const InferenceService& s, Month first, int months)
{
    Parsed<std::vector<PlanLine>> out;
    const auto schedule = inferenceSchedule(s);
    if (s.serving == InferenceServing::SelfHostedGpu) {
        Clipper clip(first, months, s.uncertaintyFraction);
        for (const auto& m : schedule)
            clip.add(m.month, m.gpuHours.value());
        const Resource r = Resource::gpu(s.gpu);
        clip.warn(out.issues, s.id, s.name, r.unit());
        out.value.emplace_back(
            s.id, s.name, r, indexOr(s.indexId, r), s.confidence, clip.cells, s.id);
        return out;
    }
    for (TokenDirection d : {TokenDirection::Input, TokenDirection::Output}) {
        const bool in = d == TokenDirection::Input;
        Clipper clip(first, months, s.uncertaintyFraction);
        for (const auto& m : schedule)
            clip.add(m.month, in ? m.inputMTok.value() : m.outputMTok.value());
        const Resource r = Resource::tokens(s.tier, d);
        const std::string name = s.name + (in ? " (input)" : " (output)");
        clip.warn(out.issues, s.id, name, r.unit());
        out.value.emplace_back(s.id + (in ? ".in" : ".out"),
                               name,
                               r,
                               r.defaultIndexId(),
                               s.confidence,
                               clip.cells,
                               s.id);
    }
    return out;
}

} // namespace

std::vector<TrainingMonth> trainingSchedule(const TrainingRun& run)
{
    requireValid(run);
    const long long startDay = daysSinceEpoch(run.start);
    const long long endDay = startDay + run.wallClockDays - 1; // inclusive
    std::vector<TrainingMonth> out;
    for (Month m = monthOf(run.start); daysSinceEpoch(firstDay(m)) <= endDay; m = addMonths(m, 1)) {
        const long long from = std::max(startDay, daysSinceEpoch(firstDay(m)));
        const long long to = std::min(endDay, daysSinceEpoch(lastDay(m)));
        const int days = static_cast<int>(to - from + 1);
        out.push_back(
            TrainingMonth{m, days, GpuHours(run.gpus * 24.0 * days * run.utilisationFraction)});
    }
    return out;
}

std::vector<InferenceMonth> inferenceSchedule(const InferenceService& s)
{
    requireValid(s);
    std::vector<InferenceMonth> out;
    for (int k = 0; k < s.months; ++k) {
        const Month m = addMonths(s.start, k);
        const int days = daysInMonth(m);
        const double rpd = s.requestsPerDay * std::pow(1.0 + s.monthlyGrowthFraction, k);
        const double requests = days * rpd;
        const double gpuHours = s.serving == InferenceServing::SelfHostedGpu
                                    ? requests
                                          * (s.inputTokensPerRequest + s.outputTokensPerRequest)
                                          / (s.tokensPerSecondPerGpu * 3600.0)
                                    : 0.0;
        out.push_back(InferenceMonth{m,
                                     days,
                                     rpd,
                                     MegaTokens(requests * s.inputTokensPerRequest / 1e6),
                                     MegaTokens(requests * s.outputTokensPerRequest / 1e6),
                                     GpuHours(gpuHours)});
    }
    return out;
}

std::vector<std::string> generatedLineIds(const PlanHelper& helper)
{
    const auto* s = std::get_if<InferenceService>(&helper);
    if (s && s->serving == InferenceServing::ApiTokens)
        return {s->id + ".in", s->id + ".out"};
    return {helperId(helper)};
}

Parsed<std::vector<PlanLine>> expandHelper(const PlanHelper& helper, Month firstMonth, int months)
{
    require(months >= 1 && months <= kMaxPlanMonths,
            "expandHelper: " + std::to_string(months) + " plan months; expected 1 to 36");
    Parsed<std::vector<PlanLine>> out;
    out.issues = validateHelper(helper);
    if (!out.issues.empty())
        return out;
    if (const auto* t = std::get_if<TrainingRun>(&helper))
        return expandTraining(*t, firstMonth, months);
    return expandInference(std::get<InferenceService>(helper), firstMonth, months);
}

Parsed<Plan> applyHelper(const Plan& plan, const PlanHelper& helper)
{
    Parsed<Plan> result{plan, {}};
    auto expansion = expandHelper(helper, plan.firstMonth(), plan.months());
    result.issues = std::move(expansion.issues);
    if (result.hasErrors())
        return result;
    const std::string& id = helperId(helper);
    for (const auto& line : expansion.value) {
        const PlanLine* existing = plan.findLine(line.id());
        if (existing && existing->helperId() != id)
            result.issues.push_back(Issue{"helper " + id,
                                          0,
                                          "id",
                                          Severity::Error,
                                          "line id \"" + line.id() + "\" is already used by \""
                                              + existing->name() + "\"; choose another helper id"});
    }
    if (result.hasErrors())
        return result;

    std::vector<PlanLine> lines;
    std::size_t insertAt = std::string::npos;
    for (const auto& line : plan.lines()) {
        if (line.helperId() == id) {
            if (insertAt == std::string::npos)
                insertAt = lines.size();
            continue;
        }
        lines.push_back(line);
    }
    if (insertAt == std::string::npos)
        insertAt = lines.size();
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(insertAt),
                 std::make_move_iterator(expansion.value.begin()),
                 std::make_move_iterator(expansion.value.end()));

    std::vector<PlanHelper> helpers = plan.helpers();
    auto it = std::find_if(
        helpers.begin(), helpers.end(), [&](const PlanHelper& h) { return helperId(h) == id; });
    if (it != helpers.end())
        *it = helper;
    else
        helpers.push_back(helper);
    result.value = Plan(plan.firstMonth(), plan.months(), std::move(lines), std::move(helpers));
    return result;
}

namespace {

Plan withoutHelper(const Plan& plan, std::string_view id, bool keepLines)
{
    require(plan.findHelper(id) != nullptr, "Plan: no helper \"" + std::string(id) + "\"");
    std::vector<PlanLine> lines;
    for (const auto& line : plan.lines()) {
        if (line.helperId() != id)
            lines.push_back(line);
        else if (keepLines)
            lines.emplace_back(line.id(),
                               line.name(),
                               line.resource(),
                               line.indexId(),
                               line.confidence(),
                               line.cells());
    }
    std::vector<PlanHelper> helpers;
    for (const auto& h : plan.helpers())
        if (helperId(h) != id)
            helpers.push_back(h);
    return Plan(plan.firstMonth(), plan.months(), std::move(lines), std::move(helpers));
}

} // namespace

Plan removeHelper(const Plan& plan, std::string_view id)
{
    return withoutHelper(plan, id, false);
}

Plan convertHelperToManual(const Plan& plan, std::string_view id)
{
    return withoutHelper(plan, id, true);
}

} // namespace ch::exposure
