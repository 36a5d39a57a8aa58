#include "hedging/workspace_inputs.h"

#include <algorithm>

namespace ch::hedging {

namespace {

constexpr const char* kRatioSource = "hedge ratio";

bool hasErrors(const std::vector<Issue>& issues)
{
    return std::any_of(
        issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::Error; });
}

} // namespace

RatioWindow ratioWindowFor(Date valuationDate, const HedgeBuildOptions& options)
{
    RatioWindow w;
    w.from = dateFromDaysSinceEpoch(daysSinceEpoch(valuationDate) - options.windowDays);
    w.to = valuationDate;
    w.sampling = options.sampling;
    return w;
}

std::vector<PriceSeries> historyUpTo(const MarketDataSet& market, Date valuationDate)
{
    std::vector<PriceSeries> out;
    out.reserve(market.series.size());
    for (const PriceSeries& s : market.series)
        out.push_back(s.slice(std::nullopt, valuationDate));
    return out;
}

std::optional<std::vector<MonthlyPrice>>
paidPricesFor(const Plan& plan, const exposure::BasisReport& basis, const std::string& indexId)
{
    const exposure::BasisEstimate* best = nullptr;
    for (const PlanLine& line : plan.lines()) {
        if (line.indexId() != indexId)
            continue;
        const exposure::BasisEstimate* b = basis.find(line.id());
        if (b != nullptr && b->isMeasured()
            && (best == nullptr || b->observations.size() > best->observations.size()))
            best = b;
    }
    if (best == nullptr)
        return std::nullopt;
    return paidPriceSeries(*best);
}

std::optional<std::vector<MonthlyPrice>> paidPricesForRatio(const risk::RiskSources& sources,
                                                            const std::string& indexId,
                                                            const HedgeBuildOptions& options,
                                                            std::vector<Issue>& issues)
{
    if (!options.usePaidPrices)
        return std::nullopt;
    const Date valuation = sources.snapshot.valuationDate;
    const exposure::BasisReport basis = exposure::measureBasis(
        sources.plan, sources.actuals, historyUpTo(sources.market, valuation));
    std::optional<std::vector<MonthlyPrice>> paid = paidPricesFor(sources.plan, basis, indexId);
    // A regression needs minObservations returns, i.e. one month more of prices.
    const std::size_t needed = ratioWindowFor(valuation, options).minObservations + 1;
    if (paid && paid->size() < needed) {
        issues.push_back(Issue{kRatioSource,
                               0,
                               indexId,
                               Severity::Warning,
                               std::to_string(paid->size())
                                   + " months of bills are too few to regress paid prices (at "
                                     "least "
                                   + std::to_string(needed)
                                   + " are needed); h* is estimated on the index"});
        paid.reset();
    }
    return paid;
}

std::vector<ExposureChoice> chooseContracts(const risk::RiskSources& sources,
                                            const HedgePolicy& policy,
                                            const HedgeBuildOptions& options,
                                            std::vector<Issue>& issues)
{
    const Date valuation = sources.snapshot.valuationDate;
    const RatioWindow window = ratioWindowFor(valuation, options);
    const std::vector<PriceSeries> history = historyUpTo(sources.market, valuation);
    std::vector<ExposureChoice> out;
    for (const PlanLine& line : sources.plan.lines()) {
        const std::string& id = line.indexId();
        if (std::any_of(
                out.begin(), out.end(), [&](const ExposureChoice& e) { return e.indexId == id; }))
            continue;
        const IndexDefinition* index = sources.market.findIndex(id);
        if (index == nullptr) {
            issues.push_back(Issue{kRatioSource,
                                   0,
                                   id,
                                   Severity::Error,
                                   "the plan prices on " + id + ", which the market data lacks"});
            continue;
        }
        ExposureChoice e;
        e.indexId = id;
        e.resource = index->resource;
        e.unit = index->unit;
        const ResourceRule* rule = ruleFor(policy, e.resource);
        if (rule == nullptr || rule->instruments.empty()) {
            out.push_back(std::move(e)); // the recommendation says why it is not hedged
            continue;
        }
        const std::optional<std::vector<MonthlyPrice>> paid =
            paidPricesForRatio(sources, id, options, issues);
        HedgeChoiceResult r = chooseHedgeContract(id,
                                                  e.unit,
                                                  sources.market.contracts,
                                                  rule->symbols,
                                                  history,
                                                  window,
                                                  paid ? &*paid : nullptr);
        for (Issue& i : r.issues)
            issues.push_back(std::move(i));
        e.paidMonths = paid ? paid->size() : 0;
        e.choice = std::move(r.choice);
        out.push_back(std::move(e));
    }
    return out;
}

void assignLineUnits(HedgeRecommendation& rec, const std::vector<ExposureChoice>& exposures)
{
    for (RecommendationLine& l : rec.lines)
        for (const ExposureChoice& e : exposures)
            if (e.indexId == l.exposureIndexId)
                l.unit = e.unit;
}

bool BuiltHedgeInputs::ok() const
{
    return !hasErrors(issues);
}

BuiltHedgeInputs buildHedgeInputs(const risk::RiskSources& sources,
                                  const HedgePolicy& policy,
                                  const std::vector<ExistingPosition>& positions,
                                  const HedgeBuildOptions& options)
{
    BuiltHedgeInputs out;
    for (Issue& i : validatePolicy(policy, &sources.market.contracts))
        out.issues.push_back(std::move(i));
    if (!out.ok())
        return out;
    out.exposures = chooseContracts(sources, policy, options, out.issues);

    risk::RiskBuildOptions riskOptions;
    riskOptions.volumes = risk::VolumeMode::Uncertain;
    riskOptions.demand = options.demand;
    for (const ExposureChoice& e : out.exposures)
        if (e.choice && e.choice->contractIndexId != e.indexId
            && std::find(riskOptions.extraIndexIds.begin(),
                         riskOptions.extraIndexIds.end(),
                         e.choice->contractIndexId)
                   == riskOptions.extraIndexIds.end())
            riskOptions.extraIndexIds.push_back(e.choice->contractIndexId);
    out.risk = risk::buildRiskInputs(sources, riskOptions);
    for (const Issue& i : out.risk.issues)
        out.issues.push_back(i);
    if (!out.risk.ok())
        return out;

    RecommendationInputs& in = out.inputs;
    in.policy = policy;
    in.valuationDate = sources.snapshot.valuationDate;
    in.risk = out.risk.inputs;
    in.contracts = sources.market.contracts;
    for (const ExposureChoice& e : out.exposures)
        if (e.choice)
            in.choices.push_back(*e.choice);
    in.optionVols = sources.snapshot.vols;
    in.positions = positions;
    in.rateAnnual = options.rateAnnual;
    in.mode = options.mode;
    return out;
}

} // namespace ch::hedging
