#include "risk/factor_estimates.h"

#include "domain/error.h"
#include "risk/estimation.h"

namespace ch::risk {

namespace {

//! Whether `o` sets every parameter `model` uses, so a factor without an estimate can still run.
bool setsEveryParameter(const FactorParamOverrides& o, FactorModel model)
{
    const bool common = o.sigmaAnnual && o.jumpsPerYear && o.jumpMeanLog && o.jumpSdLog;
    return model == FactorModel::TokenCuts ? common : common && o.kappaPerYear.has_value();
}

//! The parameters `o` applies to: the estimate, or zeros when there is none.
FactorParams baseOf(const std::optional<FactorParams>& estimated)
{
    return estimated.value_or(FactorParams{});
}

void fit(FactorEstimate& row, const PriceSeries& series)
{
    if (row.model == FactorModel::MeanRevertingJump) {
        const MrJumpFit f = estimateMeanRevertingJump(series, row.from, row.to);
        row.estimated = f.params;
        row.observations = f.observations;
        row.events = f.jumps;
        row.years = f.years;
    } else {
        const TokenCutFit f = estimateTokenCuts(series, row.from, row.to);
        row.estimated = f.params;
        row.observations = f.observations;
        row.events = f.cuts;
        row.years = f.years;
    }
}

} // namespace

FactorModel factorModelOf(IndexKind kind)
{
    return kind == IndexKind::GpuRental ? FactorModel::MeanRevertingJump : FactorModel::TokenCuts;
}

std::vector<FactorEstimate> estimateFactors(const MarketDataSet& market,
                                            const std::vector<std::string>& indexIds,
                                            Date asOf,
                                            const OverrideMap& overrides,
                                            int windowDays)
{
    require(windowDays >= 1, "estimation window of " + std::to_string(windowDays) + " days");
    const Date from = dateFromDaysSinceEpoch(daysSinceEpoch(asOf) - windowDays);
    std::vector<FactorEstimate> rows;
    rows.reserve(indexIds.size());
    for (const std::string& id : indexIds) {
        FactorEstimate row;
        row.indexId = id;
        row.from = from;
        row.to = asOf;
        if (const auto it = overrides.find(id); it != overrides.end())
            row.overrides = it->second;
        const IndexDefinition* index = market.findIndex(id);
        if (index == nullptr) {
            row.estimationProblem = row.problem = id + " is not an index of this workspace";
            rows.push_back(std::move(row));
            continue;
        }
        row.name = index->name;
        row.resource = index->resource;
        row.unit = index->unit;
        row.model = factorModelOf(index->kind);
        const PriceSeries* series = market.findSeries(id);
        try {
            if (series == nullptr)
                throw Error("no price history");
            fit(row, *series);
        } catch (const Error& e) {
            // Too little history is a fact about the workspace, not a bug: the table shows it and
            // the user can type every parameter in.
            row.estimationProblem = "no estimate from " + formatIsoDate(from) + " to "
                                    + formatIsoDate(asOf) + " (" + e.what() + ")";
        }
        const FactorParamOverrides stored = row.overrides;
        rows.push_back(withNewOverrides(std::move(row), stored));
    }
    return rows;
}

FactorEstimate withNewOverrides(FactorEstimate row, const FactorParamOverrides& overrides)
{
    row.overrides = overrides;
    row.effective.reset();
    row.problem = row.estimationProblem;
    if (row.name.empty())
        return row; // not an index of the workspace: nothing to apply the overrides to
    if (!row.estimated && !setsEveryParameter(row.overrides, row.model)) {
        row.problem += "; enter every parameter as an override to use " + row.indexId;
        return row;
    }
    try {
        row.effective = withOverrides(baseOf(row.estimated), row.overrides, row.model);
    } catch (const Error& e) {
        row.problem = row.indexId + ": the override is not valid: " + e.what();
    }
    return row;
}

void validateOverride(const std::string& indexId,
                      FactorModel model,
                      const std::optional<FactorParams>& estimated,
                      const FactorParamOverrides& overrides)
{
    FactorParams p = baseOf(estimated);
    if (overrides.kappaPerYear)
        p.kappaPerYear = *overrides.kappaPerYear;
    if (overrides.sigmaAnnual)
        p.sigmaAnnual = *overrides.sigmaAnnual;
    if (overrides.jumpsPerYear)
        p.jumpsPerYear = *overrides.jumpsPerYear;
    if (overrides.jumpMeanLog)
        p.jumpMeanLog = *overrides.jumpMeanLog;
    if (overrides.jumpSdLog)
        p.jumpSdLog = *overrides.jumpSdLog;
    validateFactorParams(p, model, indexId);
}

} // namespace ch::risk
