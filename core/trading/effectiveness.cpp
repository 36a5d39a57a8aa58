#include "trading/effectiveness.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ch::trading {

namespace {

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string pct(double fraction)
{
    return fixed(fraction * 100.0, 1) + "%";
}

void requireSeries(const std::vector<double>& h, const std::vector<double>& d, const char* who)
{
    require(h.size() == d.size(),
            std::string(who) + ": " + std::to_string(h.size()) + " hedged-item changes but "
                + std::to_string(d.size()) + " derivative changes");
    require(!h.empty(), std::string(who) + ": no periods");
    for (std::size_t i = 0; i < h.size(); ++i)
        require(std::isfinite(h[i]) && std::isfinite(d[i]),
                std::string(who) + ": period " + std::to_string(i + 1) + " is not finite");
}

} // namespace

DollarOffsetResult dollarOffsetTest(const std::vector<double>& hedged,
                                    const std::vector<double>& derivative,
                                    double floorUsd)
{
    requireSeries(hedged, derivative, "dollarOffsetTest");
    require(floorUsd >= 0.0, "dollarOffsetTest: the small-denominator floor must be >= 0");
    DollarOffsetResult r;
    for (std::size_t i = 0; i < hedged.size(); ++i) {
        r.cumulativeHedgedChange += hedged[i];
        r.cumulativeDerivativeChange += derivative[i];
    }
    const double h = r.cumulativeHedgedChange;
    const double d = r.cumulativeDerivativeChange;
    if (h != 0.0)
        r.ratio = std::fabs(d / h);
    r.offsetting = (h < 0.0 && d > 0.0) || (h > 0.0 && d < 0.0);
    r.smallDenominator = std::fabs(h) <= floorUsd;
    if (r.smallDenominator) {
        r.explanation = "hedged item moved by only " + fixed(h, 2) + " USD (floor "
                        + fixed(floorUsd, 2)
                        + " USD): dollar offset is not meaningful; rely on the regression test";
        return r;
    }
    r.pass = r.offsetting && *r.ratio >= kDollarOffsetLow && *r.ratio <= kDollarOffsetHigh;
    r.explanation = "cumulative dollar offset " + pct(*r.ratio) + " (derivative " + fixed(d, 2)
                    + " USD vs hedged item " + fixed(h, 2) + " USD)";
    if (!r.offsetting)
        r.explanation += ": the changes do not offset (same sign)";
    else
        r.explanation += r.pass ? ": within 80%-125%" : ": outside 80%-125%";
    return r;
}

RegressionResult regressionTest(const std::vector<double>& hedged,
                                const std::vector<double>& derivative)
{
    requireSeries(hedged, derivative, "regressionTest");
    RegressionResult r;
    r.observations = hedged.size();
    const double n = static_cast<double>(hedged.size());
    double meanX = 0.0;
    double meanY = 0.0;
    double sumX2 = 0.0;
    for (std::size_t i = 0; i < hedged.size(); ++i) {
        meanX += hedged[i];
        meanY += derivative[i];
        sumX2 += hedged[i] * hedged[i];
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0.0;
    double sxy = 0.0;
    double syy = 0.0;
    for (std::size_t i = 0; i < hedged.size(); ++i) {
        const double dx = hedged[i] - meanX;
        const double dy = derivative[i] - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // Sxx relative to Σx² guards against a hedged item that is (numerically) constant.
    if (hedged.size() < 3 || sxx <= 1e-12 * std::max(sumX2, 1e-300)) {
        r.degenerate = true;
        r.explanation = hedged.size() < 3 ? "regression needs at least 3 periods, got "
                                                + std::to_string(hedged.size())
                                          : "hedged-item changes do not vary: the slope cannot "
                                            "be estimated (small denominator)";
        return r;
    }
    r.slope = sxy / sxx;
    r.intercept = meanY - r.slope * meanX;
    r.rSquared = syy > 0.0 ? (sxy * sxy) / (sxx * syy) : 0.0;
    const double sse = std::max(syy - r.slope * sxy, 0.0);
    r.slopeStdError = std::sqrt(sse / (n - 2.0) / sxx);
    r.slopeTStat = r.slopeStdError > 0.0
                       ? r.slope / r.slopeStdError
                       : std::copysign(std::numeric_limits<double>::infinity(), r.slope);
    const bool slopeOk = r.slope >= kSlopeLow && r.slope <= kSlopeHigh;
    const bool r2Ok = r.rSquared >= kMinRSquared;
    r.pass = slopeOk && r2Ok;
    r.explanation = "slope " + fixed(r.slope, 3) + (slopeOk ? " within" : " outside")
                    + " [-1.25, -0.80], R^2 " + fixed(r.rSquared, 3) + (r2Ok ? " >= " : " < ")
                    + "0.80";
    return r;
}

const char* effectivenessMethodCode(EffectivenessMethod m)
{
    switch (m) {
    case EffectivenessMethod::DollarOffset:
        return "dollar_offset";
    case EffectivenessMethod::Regression:
        return "regression";
    case EffectivenessMethod::DollarOffsetAndRegression:
        return "dollar_offset_and_regression";
    }
    return "unknown";
}

std::string designationMemo(const HedgeDesignation& d)
{
    require(!d.hedgedItem.empty() && !d.hedgingInstrument.empty() && !d.riskHedged.empty(),
            "designationMemo: hedged item, hedging instrument and risk hedged are required");
    require(std::isfinite(d.hedgeRatio) && d.hedgeRatio > 0.0,
            "designationMemo: the hedge ratio must be positive");
    std::string method;
    switch (d.method) {
    case EffectivenessMethod::DollarOffset:
        method = "Cumulative dollar offset; effective if |sum dDerivative / sum dHedged item| is "
                 "within 80%-125% and the changes offset";
        break;
    case EffectivenessMethod::Regression:
        method = "Regression of derivative changes on hedged-item changes; effective if "
                 "R^2 >= 0.80 and the slope is within [-1.25, -0.80]";
        break;
    case EffectivenessMethod::DollarOffsetAndRegression:
        method = "Regression (prospective and retrospective; R^2 >= 0.80, slope within "
                 "[-1.25, -0.80]) and cumulative dollar offset (retrospective; 80%-125%)";
        break;
    }
    return "HEDGE DESIGNATION MEMO\n"
           "Reference: "
           + d.reference
           + "\n"
             "Designation date: "
           + (d.designationDate.ok() ? formatIsoDate(d.designationDate) : "")
           + "\n"
             "Hedge type: cash-flow hedge of a forecast purchase (ASC 815 / IFRS 9)\n"
             "Hedged item: "
           + d.hedgedItem
           + "\n"
             "Hedging instrument: "
           + d.hedgingInstrument
           + "\n"
             "Risk hedged: "
           + d.riskHedged
           + "\n"
             "Hedge ratio: "
           + fixed(d.hedgeRatio, 4)
           + "\n"
             "Effectiveness method: "
           + method
           + "\n"
             "Assessment frequency: "
           + d.assessmentFrequency
           + "\n"
             "Prepared by: "
           + d.preparedBy + "\n";
}

} // namespace ch::trading
