#include "hedging/ratio.h"

#include "domain/error.h"
#include "pricing/statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace ch::hedging {

namespace {

constexpr const char* kSource = "hedge ratio";

struct PairedReturns
{
    std::vector<double> exposure;
    std::vector<double> contract;
    double exposureLast = 0.0;
    double contractLast = 0.0;
};

// Key of the period a business day belongs to: the Monday of its week (days since epoch;
// 1970-01-01 was a Thursday, so weekday = (days + 3) mod 7 with Monday = 0), or year·12 + month.
long long periodKey(Date d, Sampling s)
{
    if (s == Sampling::Monthly)
        return static_cast<long long>(static_cast<int>(d.year())) * 12
               + static_cast<long long>(static_cast<unsigned>(d.month()));
    const long long days = daysSinceEpoch(d);
    const long long weekday = ((days + 3) % 7 + 7) % 7;
    return days - weekday;
}

// Period averages of S and F over their common business days, then log returns of consecutive
// averages. Both averages use the same days, so a holiday or a gap affects S and F alike.
PairedReturns averagedReturns(const PriceSeries& s, const PriceSeries& f, const RatioWindow& w)
{
    const auto ps = pricing::businessDayPrices(s, w.from, w.to);
    const auto pf = pricing::businessDayPrices(f, w.from, w.to);
    struct Sum
    {
        double s = 0.0;
        double f = 0.0;
        int n = 0;
    };
    std::map<long long, Sum> periods;
    auto it = pf.begin();
    for (const DailyPrice& p : ps) {
        while (it != pf.end() && it->date < p.date)
            ++it;
        if (it == pf.end())
            break;
        if (it->date != p.date)
            continue;
        Sum& sum = periods[periodKey(p.date, w.sampling)];
        sum.s += p.usd;
        sum.f += it->usd;
        ++sum.n;
    }
    PairedReturns out;
    const Sum* prev = nullptr;
    for (const auto& [key, sum] : periods) {
        if (prev != nullptr) {
            const double s0 = prev->s / prev->n;
            const double f0 = prev->f / prev->n;
            const double s1 = sum.s / sum.n;
            const double f1 = sum.f / sum.n;
            require(s0 > 0.0 && s1 > 0.0 && f0 > 0.0 && f1 > 0.0,
                    "hedge ratio: non-positive price average in " + s.indexId + " or " + f.indexId);
            out.exposure.push_back(std::log(s1 / s0));
            out.contract.push_back(std::log(f1 / f0));
        }
        prev = &sum;
        out.exposureLast = sum.s / sum.n;
        out.contractLast = sum.f / sum.n;
    }
    return out;
}

PairedReturns dailyReturns(const PriceSeries& s, const PriceSeries& f, const RatioWindow& w)
{
    const pricing::AlignedReturns a = pricing::alignedLogReturns({&s, &f}, w.from, w.to);
    PairedReturns out;
    for (Eigen::Index r = 0; r < a.logReturns.rows(); ++r) {
        out.exposure.push_back(a.logReturns(r, 0));
        out.contract.push_back(a.logReturns(r, 1));
    }
    if (!a.dates.empty()) {
        out.exposureLast = s.lastOnOrBefore(a.dates.back())->usd;
        out.contractLast = f.lastOnOrBefore(a.dates.back())->usd;
    }
    return out;
}

// Paid prices are monthly: each month with a bill is paired with the contract index's
// business-day average of the same month.
PairedReturns
paidReturns(const std::vector<MonthlyPrice>& paid, const PriceSeries& f, const RatioWindow& w)
{
    PairedReturns out;
    std::optional<std::pair<double, double>> prev;
    for (std::size_t i = 0; i < paid.size(); ++i) {
        const MonthlyPrice& p = paid[i];
        require(i == 0 || paid[i - 1].month < p.month,
                "hedge ratio: paid prices are not sorted by month at " + formatIsoMonth(p.month));
        require(std::isfinite(p.usd) && p.usd > 0.0,
                "hedge ratio: paid price for " + formatIsoMonth(p.month) + " is not positive");
        if (lastDay(p.month) < w.from || firstDay(p.month) > w.to)
            continue;
        const auto days = pricing::businessDayPrices(f, firstDay(p.month), lastDay(p.month));
        if (days.empty())
            continue;
        double sum = 0.0;
        for (const DailyPrice& d : days)
            sum += d.usd;
        const double avg = sum / static_cast<double>(days.size());
        if (prev) {
            out.exposure.push_back(std::log(p.usd / prev->first));
            out.contract.push_back(std::log(avg / prev->second));
        }
        prev = std::make_pair(p.usd, avg);
        out.exposureLast = p.usd;
        out.contractLast = avg;
    }
    return out;
}

std::string twoDecimals(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

HedgeRatioEstimate identityEstimate(const std::string& indexId, Sampling s)
{
    HedgeRatioEstimate e;
    e.exposureSeries = indexId;
    e.contractIndex = indexId;
    e.sampling = s;
    e.correlation = 1.0;
    e.beta = 1.0;
    e.olsSlope = 1.0;
    e.rSquared = 1.0;
    return e;
}

} // namespace

const char* samplingCode(Sampling s)
{
    switch (s) {
    case Sampling::Daily:
        return "daily";
    case Sampling::Weekly:
        return "weekly";
    case Sampling::Monthly:
        return "monthly";
    }
    return "weekly";
}

double periodsPerYear(Sampling s)
{
    switch (s) {
    case Sampling::Daily:
        return pricing::kBusinessDaysPerYear;
    case Sampling::Weekly:
        return 52.0;
    case Sampling::Monthly:
        return 12.0;
    }
    return 52.0;
}

std::vector<MonthlyPrice> paidPriceSeries(const exposure::BasisEstimate& basis)
{
    std::vector<MonthlyPrice> out;
    for (const exposure::BasisObservation& o : basis.observations)
        out.push_back({o.month, o.paidUsdPerUnit});
    std::sort(out.begin(), out.end(), [](const MonthlyPrice& a, const MonthlyPrice& b) {
        return a.month < b.month;
    });
    return out;
}

HedgeRatioEstimate
regressReturns(const std::vector<double>& y, const std::vector<double>& x, double perYear)
{
    require(y.size() == x.size(),
            "regressReturns: " + std::to_string(y.size()) + " exposure returns against "
                + std::to_string(x.size()) + " contract returns");
    require(x.size() >= 3,
            "regressReturns: " + std::to_string(x.size())
                + " returns; a regression needs at least 3");
    const auto n = static_cast<double>(x.size());
    double mx = 0.0;
    double my = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0.0;
    double syy = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    HedgeRatioEstimate e;
    e.observations = x.size();
    e.correlation = pricing::sampleCorrelation(y, x);
    e.exposureVolAnnual = pricing::annualisedVol(y, perYear);
    e.contractVolAnnual = pricing::annualisedVol(x, perYear);
    e.beta =
        e.contractVolAnnual > 0.0 ? e.correlation * e.exposureVolAnnual / e.contractVolAnnual : 0.0;
    const double tiny = 1e-300;
    e.olsSlope = sxx > tiny ? sxy / sxx : 0.0;
    e.intercept = my - e.olsSlope * mx;
    e.rSquared = e.correlation * e.correlation;
    const double sse = std::max(0.0, syy - e.olsSlope * sxy);
    const double residualSd = std::sqrt(sse / (n - 2.0));
    e.basisVolAnnual = residualSd * std::sqrt(perYear);
    e.slopeStandardError = sxx > tiny ? residualSd / std::sqrt(sxx) : 0.0;
    return e;
}

Parsed<HedgeRatioEstimate> estimateHedgeRatio(const PriceSeries& exposure,
                                              const PriceSeries& contract,
                                              const RatioWindow& window,
                                              const std::vector<MonthlyPrice>* paid)
{
    Parsed<HedgeRatioEstimate> out;
    const Sampling sampling = paid != nullptr ? Sampling::Monthly : window.sampling;
    const std::string name = paid != nullptr ? "paid:" + exposure.indexId : exposure.indexId;
    PairedReturns r;
    if (paid != nullptr)
        r = paidReturns(*paid, contract, window);
    else if (sampling == Sampling::Daily)
        r = dailyReturns(exposure, contract, window);
    else
        r = averagedReturns(exposure, contract, window);

    const std::size_t needed = std::max<std::size_t>(window.minObservations, 3);
    if (r.exposure.size() < needed) {
        out.issues.push_back(Issue{kSource,
                                   0,
                                   name,
                                   Severity::Error,
                                   std::to_string(r.exposure.size()) + " " + samplingCode(sampling)
                                       + " returns overlap with " + contract.indexId + " between "
                                       + formatIsoDate(window.from) + " and "
                                       + formatIsoDate(window.to) + "; at least "
                                       + std::to_string(needed) + " are needed"});
        return out;
    }
    out.value = regressReturns(r.exposure, r.contract, periodsPerYear(sampling));
    out.value.exposureSeries = name;
    out.value.contractIndex = contract.indexId;
    out.value.sampling = sampling;
    out.value.exposureLastUsd = r.exposureLast;
    out.value.contractLastUsd = r.contractLast;
    if (out.value.contractVolAnnual == 0.0)
        out.issues.push_back(Issue{kSource,
                                   0,
                                   name,
                                   Severity::Warning,
                                   contract.indexId
                                       + " did not move in the window; it cannot "
                                         "hedge anything (β = 0)"});
    return out;
}

double hedgeUnitsPerExposureUnit(double beta, double exposurePriceUsd, double contractPriceUsd)
{
    require(std::isfinite(exposurePriceUsd) && exposurePriceUsd > 0.0
                && std::isfinite(contractPriceUsd) && contractPriceUsd > 0.0,
            "hedgeUnitsPerExposureUnit: prices must be positive, got "
                + std::to_string(exposurePriceUsd) + " and " + std::to_string(contractPriceUsd));
    require(std::isfinite(beta), "hedgeUnitsPerExposureUnit: beta is not finite");
    return beta * exposurePriceUsd / contractPriceUsd;
}

HedgeChoiceResult chooseHedgeContract(const std::string& exposureIndexId,
                                      Unit exposureUnit,
                                      const std::vector<ContractSpec>& contracts,
                                      const std::vector<std::string>& allowedSymbols,
                                      const std::vector<PriceSeries>& history,
                                      const RatioWindow& window,
                                      const std::vector<MonthlyPrice>* paid)
{
    HedgeChoiceResult out;
    const auto seriesOf = [&](const std::string& id) -> const PriceSeries* {
        for (const PriceSeries& s : history)
            if (s.indexId == id)
                return &s;
        return nullptr;
    };
    const PriceSeries* exposure = seriesOf(exposureIndexId);
    const auto fail = [&](Severity sev, std::string message) {
        out.issues.push_back(Issue{kSource, 0, exposureIndexId, sev, std::move(message)});
    };

    std::vector<CandidateScore> scores;
    for (const ContractSpec& c : contracts) {
        if (c.unit != exposureUnit)
            continue;
        if (!allowedSymbols.empty()
            && std::find(allowedSymbols.begin(), allowedSymbols.end(), c.symbol)
                   == allowedSymbols.end())
            continue;
        CandidateScore score{
            c.symbol, c.underlyingIndex, c.underlyingIndex == exposureIndexId, std::nullopt, {}};
        const PriceSeries* f = seriesOf(c.underlyingIndex);
        if (score.ownIndex && paid == nullptr) {
            // S and F are the same series: β = 1 and R² = 1 by identity, whatever the history.
            score.estimate = identityEstimate(exposureIndexId, window.sampling);
        } else if (exposure == nullptr && paid == nullptr) {
            score.note = "no history for " + exposureIndexId;
        } else if (f == nullptr) {
            score.note = "no history for " + c.underlyingIndex;
        } else {
            const PriceSeries empty{exposureIndexId, {}};
            Parsed<HedgeRatioEstimate> e =
                estimateHedgeRatio(exposure != nullptr ? *exposure : empty, *f, window, paid);
            if (e.hasErrors())
                score.note = e.issues.front().message;
            else
                score.estimate = e.value;
        }
        scores.push_back(std::move(score));
    }
    if (scores.empty()) {
        fail(Severity::Error,
             std::string("no allowed contract is quoted in ") + unitSymbol(exposureUnit)
                 + "; the exposure cannot be hedged");
        return out;
    }
    // Own-index contracts first, then by R² (ties keep the contract order).
    std::stable_sort(
        scores.begin(), scores.end(), [](const CandidateScore& a, const CandidateScore& b) {
            if (a.ownIndex != b.ownIndex)
                return a.ownIndex;
            const double ra = a.estimate ? a.estimate->rSquared : -1.0;
            const double rb = b.estimate ? b.estimate->rSquared : -1.0;
            return ra > rb;
        });
    const CandidateScore* best = nullptr;
    for (const CandidateScore& s : scores)
        if (s.estimate || s.ownIndex) {
            best = &s;
            break;
        }
    if (best == nullptr) {
        fail(Severity::Error,
             "no contract could be estimated: " + scores.front().symbol + ": "
                 + scores.front().note);
        out.choice = std::nullopt;
        return out;
    }
    HedgeChoice choice;
    choice.exposureIndexId = exposureIndexId;
    choice.symbol = best->symbol;
    choice.contractIndexId = best->indexId;
    choice.crossHedge = !best->ownIndex;
    if (best->estimate) {
        choice.ratio = *best->estimate;
    } else {
        // Own index, but the paid-price regression failed: hedge the index one for one.
        choice.ratio = identityEstimate(exposureIndexId, window.sampling);
        fail(Severity::Warning,
             "paid prices could not be regressed on " + best->indexId + " (" + best->note
                 + "); hedging one for one on the index");
    }
    if (choice.ratio.rSquared < kMinCrossHedgeRSquared)
        fail(Severity::Warning,
             std::string(choice.crossHedge ? "cross hedge" : "hedge") + " with " + choice.symbol
                 + ": R² " + twoDecimals(choice.ratio.rSquared) + " is below "
                 + twoDecimals(kMinCrossHedgeRSquared) + "; basis risk of "
                 + twoDecimals(choice.ratio.basisVolAnnual * 100.0)
                 + "% a year remains after hedging");
    choice.ranking = std::move(scores);
    out.choice = std::move(choice);
    return out;
}

} // namespace ch::hedging
