#include "storage/effectiveness_assessment.h"

#include <exception>

namespace ch::storage {

using trading::EffectivenessMethod;

bool EffectivenessAssessment::passes() const
{
    if (!problem.empty() || !dollarOffset || !regression)
        return false;
    switch (hedge.designation.method) {
    case EffectivenessMethod::DollarOffset:
        return dollarOffset->pass;
    case EffectivenessMethod::Regression:
        return regression->pass;
    case EffectivenessMethod::DollarOffsetAndRegression:
        return dollarOffset->pass && regression->pass;
    }
    return false;
}

EffectivenessAssessment
assessEffectiveness(const DesignatedHedge& hedge, const MarketDataSet& market, Date valuationDate)
{
    EffectivenessAssessment row;
    row.hedge = hedge;
    try {
        const EffectivenessSeries s = effectivenessSeries(hedge, market, valuationDate);
        row.periods = s.periods.size();
        if (s.periods.empty()) {
            row.problem =
                "no month has prices of both " + hedge.hedgedIndex + " and " + s.instrumentIndex;
            return row;
        }
        row.dollarOffset = trading::dollarOffsetTest(
            s.hedgedChangesUsd, s.derivativeChangesUsd, dollarOffsetFloorUsd(s));
        row.regression = trading::regressionTest(s.hedgedChangesUsd, s.derivativeChangesUsd);
    } catch (const std::exception& e) {
        row.problem = e.what();
    }
    return row;
}

std::string effectivenessMemo(const EffectivenessAssessment& row, Date valuationDate)
{
    std::string memo = trading::designationMemo(row.hedge.designation);
    memo += "\nAssessment as of " + formatIsoDate(valuationDate) + " ("
            + std::to_string(row.periods)
            + " monthly changes of the business-day average prices; reference dataset, not "
              "settlement prices)\n";
    if (!row.problem.empty())
        return memo + "Not assessed: " + row.problem + "\n";
    memo += "Dollar offset: " + row.dollarOffset->explanation + "\n";
    memo += "Regression: " + row.regression->explanation + "\n";
    memo += std::string("Result: ") + (row.passes() ? "highly effective" : "not highly effective")
            + "\n";
    return memo;
}

} // namespace ch::storage
