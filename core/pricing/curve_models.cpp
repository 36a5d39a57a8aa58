#include "pricing/curve_models.h"

#include "domain/error.h"
#include "pricing/calendar.h"
#include "pricing/statistics.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ch::pricing {

namespace {

const double kMinKappa = std::numbers::ln2 / kMaxHalfLifeYears;
const double kMaxKappa = std::numbers::ln2 / kMinHalfLifeYears;

DailyPrice requireSpot(const PriceSeries& series, Date valuationDate)
{
    const auto spot = series.lastOnOrBefore(valuationDate);
    require(spot.has_value(),
            "index " + series.indexId + " has no price on or before "
                + formatIsoDate(valuationDate));
    require(spot->usd > 0.0 && std::isfinite(spot->usd),
            "index " + series.indexId + ": spot price on " + formatIsoDate(spot->date)
                + " is not positive");
    return *spot;
}

} // namespace

double declineFor36MonthDiscount(double discount36m)
{
    require(discount36m >= 0.0 && discount36m < 1.0,
            "declineFor36MonthDiscount: discount must be in [0, 1), got "
                + std::to_string(discount36m));
    return -std::log(1.0 - discount36m) / 3.0;
}

double defaultDeclinePerYear(const IndexDefinition& index)
{
    if (index.kind == IndexKind::TokenPrice)
        return 0.0;
    // Silicon Data neocloud curve on 2026-07-19, 36-month term rate against spot (market.md
    // §2.1, [P*]): B200 −8%, H100 −13%, A100 −15%. H200 is placed between H100 and B200 and
    // L40S with its 2023 launch cohort (H100); both are our assumptions [U].
    const std::string& r = index.resource;
    if (r == "B200" || r == "B300")
        return declineFor36MonthDiscount(0.08);
    if (r == "H200")
        return declineFor36MonthDiscount(0.10);
    if (r == "A100")
        return declineFor36MonthDiscount(0.15);
    return declineFor36MonthDiscount(0.13); // H100, L40S and any other GPU
}

CurveModel fitMeanReverting(const PriceSeries& series,
                            Date valuationDate,
                            int windowDays,
                            double declinePerYear)
{
    require(windowDays >= 1,
            "fitMeanReverting: windowDays must be at least 1, got " + std::to_string(windowDays));
    require(std::isfinite(declinePerYear),
            "fitMeanReverting: declinePerYear is not finite for " + series.indexId);
    const DailyPrice spot = requireSpot(series, valuationDate);

    CurveModel model;
    model.kind = CurveModel::Kind::MeanReverting;
    model.declinePerYear = declinePerYear;
    model.kappaPerYear = kMinKappa;
    model.longRunUsd = spot.usd;
    model.volAnnual = 0.0;

    const Date from = dateFromDaysSinceEpoch(daysSinceEpoch(valuationDate) - windowDays);
    const auto prices = businessDayPrices(series, from, valuationDate);
    if (prices.size() < 2)
        return model;

    // Detrended log price z = ln S + δ t (t <= 0 in the window): stationary OU around ln L.
    std::vector<double> z;
    z.reserve(prices.size());
    for (const auto& p : prices)
        z.push_back(std::log(p.usd) + declinePerYear * yearFractionAct365(valuationDate, p.date));
    const auto [zMin, zMax] = std::minmax_element(z.begin(), z.end());

    // AR(1) by least squares on the pairs (z_{k−1}, z_k).
    const std::size_t m = z.size() - 1;
    double meanX = 0.0;
    double meanY = 0.0;
    for (std::size_t k = 1; k <= m; ++k) {
        meanX += z[k - 1];
        meanY += z[k];
    }
    meanX /= static_cast<double>(m);
    meanY /= static_cast<double>(m);
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t k = 1; k <= m; ++k) {
        sxx += (z[k - 1] - meanX) * (z[k - 1] - meanX);
        sxy += (z[k - 1] - meanX) * (z[k] - meanY);
    }

    // A log-price variance below 1e-20 is rounding noise: the slope is not identified.
    double kappa = kMinKappa;
    bool slopeFromData = false;
    if (m >= 2 && sxx > 1e-20 * static_cast<double>(m)) {
        const double slope = sxy / sxx;
        if (slope <= 0.0) {
            kappa = kMaxKappa; // no persistence at all: fastest reversion allowed
        } else if (slope < 1.0) {
            const double raw = -std::log(slope) * kBusinessDaysPerYear;
            slopeFromData = raw >= kMinKappa && raw <= kMaxKappa;
            kappa = std::clamp(raw, kMinKappa, kMaxKappa);
        } // else a unit root or explosive: slowest reversion allowed
    }
    const double b = std::exp(-kappa / kBusinessDaysPerYear);

    // Intercept for the slope: ln L = mean(z_k − b z_{k−1}) / (1 − b). With a slope the data did
    // not choose (clamped or unidentified) this extrapolates the window's drift by up to
    // 1/(1 − b) ≈ 360 business days, so the level is then kept inside the window's range of z.
    // Centred on meanX to avoid cancellation in z_k − b z_{k−1} when b is close to 1.
    double meanResidualLevel = 0.0;
    for (std::size_t k = 1; k <= m; ++k)
        meanResidualLevel += (z[k] - meanX) - b * (z[k - 1] - meanX);
    meanResidualLevel /= static_cast<double>(m);
    double logLevel = meanX + meanResidualLevel / (1.0 - b);
    if (!slopeFromData)
        logLevel = std::clamp(logLevel, *zMin, *zMax);

    double sse = 0.0;
    for (std::size_t k = 1; k <= m; ++k) {
        const double e = z[k] - logLevel - b * (z[k - 1] - logLevel);
        sse += e * e;
    }
    const double residualVar = m >= 2 ? sse / static_cast<double>(m - 1) : 0.0;
    // Exact discretisation of the OU process (e.g. Glasserman 2003, §3.3): Var(ε) = σ²(1 − b²)/2κ.
    model.kappaPerYear = kappa;
    model.longRunUsd = std::exp(logLevel);
    model.volAnnual = std::sqrt(residualVar * 2.0 * kappa / (1.0 - b * b));
    return model;
}

CurveModel fitStepTrend(const PriceSeries& series, Date valuationDate)
{
    const DailyPrice spot = requireSpot(series, valuationDate);
    CurveModel model;
    model.kind = CurveModel::Kind::StepTrend;

    const Date first = series.points.front().date;
    const double years = yearFractionAct365(first, valuationDate);
    int cuts = 0;
    double sumLog = 0.0;
    for (std::size_t k = 1; k < series.points.size() && series.points[k].date <= spot.date; ++k) {
        const double step = std::log(series.points[k].usd / series.points[k - 1].usd);
        if (step < -1e-12) { // below rounding of a repeated list price
            ++cuts;
            sumLog += step;
        }
    }
    if (cuts > 0 && years > 0.0) {
        model.jumpsPerYear = cuts / years;
        model.meanJumpLog = sumLog / cuts;
    }
    return model;
}

double expectedPrice(const CurveModel& model, double spotUsd, double years)
{
    require(spotUsd > 0.0 && std::isfinite(spotUsd),
            "expectedPrice: spot must be positive, got " + std::to_string(spotUsd));
    require(years >= 0.0,
            "expectedPrice: years must be zero or more, got " + std::to_string(years));
    if (model.kind == CurveModel::Kind::StepTrend) {
        // Compound Poisson: E[exp(Σ J_i)] = exp(λ t (E[e^J] − 1)), J fixed at μ_J.
        return spotUsd * std::exp(model.jumpsPerYear * years * (std::exp(model.meanJumpLog) - 1.0));
    }
    require(model.longRunUsd > 0.0 && model.kappaPerYear > 0.0,
            "expectedPrice: mean-reverting model needs a positive level and speed");
    const double k = model.kappaPerYear;
    const double logLevel = std::log(model.longRunUsd) - model.declinePerYear * years;
    const double deviation =
        (std::log(spotUsd) - std::log(model.longRunUsd)) * std::exp(-k * years);
    // Var[y(t)] = σ²(1 − e^{−2κt}) / 2κ; the log-normal mean adds half of it.
    const double variance =
        model.volAnnual * model.volAnnual * (1.0 - std::exp(-2.0 * k * years)) / (2.0 * k);
    return std::exp(logLevel + deviation + 0.5 * variance);
}

double averageExpectedPrice(const CurveModel& model,
                            double spotUsd,
                            const std::vector<double>& fixingYears)
{
    require(!fixingYears.empty(), "averageExpectedPrice: no fixing dates");
    double sum = 0.0;
    for (double t : fixingYears)
        sum += expectedPrice(model, spotUsd, t);
    return sum / static_cast<double>(fixingYears.size());
}

std::vector<double> fixingYearsOf(Month delivery, Date valuationDate)
{
    std::vector<double> out;
    for (const Date& d : businessDaysOf(delivery))
        out.push_back(yearFractionAct365(valuationDate, d));
    return out;
}

ForwardCurve buildForwardCurve(const IndexDefinition& index,
                               const PriceSeries& series,
                               Date valuationDate,
                               int curveMonths,
                               int windowDays)
{
    require(series.indexId == index.id,
            "buildForwardCurve: series " + series.indexId + " does not belong to index "
                + index.id);
    require(curveMonths >= 1,
            "buildForwardCurve: curveMonths must be at least 1, got "
                + std::to_string(curveMonths));
    ForwardCurve curve;
    curve.indexId = index.id;
    curve.asOf = valuationDate;
    curve.unit = index.unit;
    curve.spotUsd = requireSpot(series, valuationDate).usd;
    curve.model =
        index.kind == IndexKind::TokenPrice
            ? fitStepTrend(series, valuationDate)
            : fitMeanReverting(series, valuationDate, windowDays, defaultDeclinePerYear(index));
    for (const Month& m : deliveryMonths(valuationDate, curveMonths))
        curve.points.push_back(
            {m, averageExpectedPrice(curve.model, curve.spotUsd, fixingYearsOf(m, valuationDate))});
    return curve;
}

} // namespace ch::pricing
