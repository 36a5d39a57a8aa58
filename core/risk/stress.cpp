#include "risk/stress.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>

namespace ch::risk {

namespace {

StressScenario blankScenario(const RiskInputs& in, std::string name, std::string description)
{
    StressScenario s;
    s.name = std::move(name);
    s.description = std::move(description);
    s.shock.assign(in.factors.size(),
                   std::vector<double>(static_cast<std::size_t>(in.horizonMonths), 0.0));
    return s;
}

std::string percent(double relative)
{
    const long rounded = std::lround(relative * 100.0);
    return (rounded > 0 ? "+" : "") + std::to_string(rounded) + "%";
}

struct Deterministic
{
    std::vector<double> cost;   //!< per month
    std::vector<double> payoff; //!< per month
    std::vector<double> factorCost;
};

Deterministic evaluate(const RiskInputs& in, const StressScenario* s)
{
    const auto months = static_cast<std::size_t>(in.horizonMonths);
    Deterministic d{std::vector<double>(months, 0.0),
                    std::vector<double>(months, 0.0),
                    std::vector<double>(in.factors.size(), 0.0)};
    auto forward = [&](std::size_t f, int month) {
        const auto m = static_cast<std::size_t>(month);
        const double base = in.factors[f].forwardUsd[m];
        return s == nullptr ? base : base * (1.0 + s->shock[f][m]);
    };
    for (const ExposureCell& c : in.cells) {
        const auto m = static_cast<std::size_t>(c.monthOffset);
        const double floating =
            c.baseVolume * (c.priceMultiplier * forward(c.factor, c.monthOffset) + c.spreadUsd);
        d.cost[m] += floating + c.contractedVolume * c.contractedPriceUsd;
        d.factorCost[c.factor] += floating;
    }
    for (const HedgeInstrument& h : in.instruments) {
        const double f = forward(h.factor, h.monthOffset);
        const double units = h.unitsPerContract * h.contracts;
        double pay = 0.0;
        switch (h.kind) {
        case InstrumentKind::Future:
            pay = (f - h.strikeUsd) * units;
            break;
        case InstrumentKind::Call:
            pay = (std::max(f - h.strikeUsd, 0.0) - h.premiumUsd) * units;
            break;
        case InstrumentKind::Put:
            pay = (std::max(h.strikeUsd - f, 0.0) - h.premiumUsd) * units;
            break;
        }
        d.payoff[static_cast<std::size_t>(h.monthOffset)] += pay;
    }
    return d;
}

double sum(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s;
}

void checkScenario(const RiskInputs& in, const StressScenario& s)
{
    require(s.shock.size() == in.factors.size(),
            "scenario '" + s.name + "' has " + std::to_string(s.shock.size())
                + " factors, the inputs " + std::to_string(in.factors.size()));
    for (std::size_t f = 0; f < s.shock.size(); ++f) {
        require(s.shock[f].size() == static_cast<std::size_t>(in.horizonMonths),
                "scenario '" + s.name + "': factor " + std::to_string(f) + " has "
                    + std::to_string(s.shock[f].size()) + " months, the horizon "
                    + std::to_string(in.horizonMonths));
        for (double v : s.shock[f])
            require(std::isfinite(v) && v > -1.0,
                    "scenario '" + s.name + "': shock " + std::to_string(v)
                        + " must be finite and > -1");
    }
}

} // namespace

StressScenario
userScenario(const RiskInputs& in, const std::string& name, const std::vector<FactorShock>& shocks)
{
    StressScenario s = blankScenario(in, name, "User-defined shocks");
    for (const FactorShock& k : shocks) {
        require(k.factor < in.factors.size(),
                "shock on factor " + std::to_string(k.factor) + ", which does not exist");
        require(k.firstMonth >= 0 && k.firstMonth <= k.lastMonth && k.lastMonth < in.horizonMonths,
                "shock months " + std::to_string(k.firstMonth) + ".." + std::to_string(k.lastMonth)
                    + " are outside the horizon");
        require(std::isfinite(k.relative) && k.relative > -1.0,
                "shock " + std::to_string(k.relative) + " must be finite and > -1");
        for (int m = k.firstMonth; m <= k.lastMonth; ++m) {
            double& v = s.shock[k.factor][static_cast<std::size_t>(m)];
            v = (1.0 + v) * (1.0 + k.relative) - 1.0;
        }
    }
    return s;
}

StressScenario gpuShortageScenario(const RiskInputs& in, double rise, int rampMonths)
{
    require(rampMonths >= 1, "ramp months must be >= 1");
    StressScenario s = blankScenario(in,
                                     "GPU shortage",
                                     "All GPU indices " + percent(rise) + " over "
                                         + std::to_string(rampMonths) + " months, then held");
    for (std::size_t f = 0; f < in.factors.size(); ++f) {
        if (in.factors[f].model != FactorModel::MeanRevertingJump)
            continue;
        for (std::size_t m = 0; m < s.shock[f].size(); ++m)
            s.shock[f][m] =
                rise * std::min(1.0, static_cast<double>(m + 1) / static_cast<double>(rampMonths));
    }
    return s;
}

StressScenario frontierReleaseScenario(const RiskInputs& in, double cut)
{
    StressScenario s =
        blankScenario(in, "Frontier model release", "All token tiers " + percent(cut) + " at once");
    for (std::size_t f = 0; f < in.factors.size(); ++f)
        if (in.factors[f].model == FactorModel::TokenCuts)
            std::fill(s.shock[f].begin(), s.shock[f].end(), cut);
    return s;
}

StressScenario newGpuGenerationScenario(const RiskInputs& in,
                                        double cut,
                                        const std::vector<std::string>& olderResources)
{
    std::string names;
    for (const std::string& r : olderResources)
        names += (names.empty() ? "" : ", ") + r;
    StressScenario s = blankScenario(
        in, "New GPU generation", "Older GPU indices (" + names + ") " + percent(cut));
    for (std::size_t f = 0; f < in.factors.size(); ++f) {
        const RiskFactor& rf = in.factors[f];
        if (rf.model == FactorModel::MeanRevertingJump
            && std::find(olderResources.begin(), olderResources.end(), rf.resource)
                   != olderResources.end())
            std::fill(s.shock[f].begin(), s.shock[f].end(), cut);
    }
    return s;
}

std::vector<StressScenario> presetScenarios(const RiskInputs& in)
{
    return {gpuShortageScenario(in), frontierReleaseScenario(in), newGpuGenerationScenario(in)};
}

HistoricalMove largestHistoricalMove(const PriceSeries& series, int months, bool rise)
{
    require(months >= 1, "window months must be >= 1");
    HistoricalMove best;
    best.indexId = series.indexId;
    best.months = months;
    const auto& pts = series.points;
    const auto windowDays = static_cast<long long>(std::lround(30.4375 * months));
    std::size_t j = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const long long target = daysSinceEpoch(pts[i].date) + windowDays;
        if (daysSinceEpoch(pts.back().date) < target)
            break; // the rest of the history is shorter than the window
        j = std::max(j, i);
        while (j + 1 < pts.size() && daysSinceEpoch(pts[j + 1].date) <= target)
            ++j;
        if (j == i)
            continue;
        const double move = std::log(pts[j].usd / pts[i].usd);
        if (!best.found || (rise ? move > best.logMove : move < best.logMove)) {
            best.logMove = move;
            best.from = pts[i].date;
            best.to = pts[j].date;
            best.found = true;
        }
    }
    return best;
}

StressScenario historicalReplayScenario(const RiskInputs& in,
                                        const std::vector<HistoricalMove>& moves,
                                        int months,
                                        const std::string& name)
{
    require(months >= 1, "window months must be >= 1");
    StressScenario s = blankScenario(in,
                                     name,
                                     "Each index's worst " + std::to_string(months)
                                         + "-month move in its history, applied to today's curve");
    for (std::size_t f = 0; f < in.factors.size(); ++f) {
        const auto it = std::find_if(moves.begin(), moves.end(), [&](const HistoricalMove& mv) {
            return mv.found && mv.indexId == in.factors[f].indexId;
        });
        if (it == moves.end())
            continue;
        for (std::size_t m = 0; m < s.shock[f].size(); ++m) {
            const double share =
                std::min(1.0, static_cast<double>(m + 1) / static_cast<double>(months));
            s.shock[f][m] = std::expm1(it->logMove * share);
        }
    }
    return s;
}

std::vector<StressScenario> historicalScenarios(const RiskInputs& in,
                                                const std::vector<PriceSeries>& history)
{
    std::vector<StressScenario> out;
    for (bool rise : {true, false})
        for (int months : {1, 3, 6}) {
            std::vector<HistoricalMove> moves;
            for (const PriceSeries& s : history)
                moves.push_back(largestHistoricalMove(s, months, rise));
            out.push_back(historicalReplayScenario(in,
                                                   moves,
                                                   months,
                                                   "Historical worst " + std::to_string(months)
                                                       + "-month " + (rise ? "rise" : "fall")));
        }
    return out;
}

StressResult runStress(const RiskInputs& in, const StressScenario& scenario)
{
    validateRiskInputs(in);
    checkScenario(in, scenario);
    const Deterministic base = evaluate(in, nullptr);
    const Deterministic hit = evaluate(in, &scenario);
    StressResult r;
    r.name = scenario.name;
    r.baseCostUsd = sum(base.cost);
    r.stressedCostUsd = sum(hit.cost);
    r.baseHedgedCostUsd = r.baseCostUsd - sum(base.payoff);
    r.stressedHedgedCostUsd = r.stressedCostUsd - sum(hit.payoff);
    for (std::size_t m = 0; m < base.cost.size(); ++m) {
        r.monthlyDeltaUsd.push_back(hit.cost[m] - base.cost[m]);
        r.monthlyHedgedDeltaUsd.push_back((hit.cost[m] - hit.payoff[m])
                                          - (base.cost[m] - base.payoff[m]));
    }
    for (std::size_t f = 0; f < base.factorCost.size(); ++f)
        r.factorDeltaUsd.push_back(hit.factorCost[f] - base.factorCost[f]);
    return r;
}

std::vector<StressResult> runStresses(const RiskInputs& in,
                                      const std::vector<StressScenario>& scenarios)
{
    std::vector<StressResult> out;
    for (const StressScenario& s : scenarios)
        out.push_back(runStress(in, s));
    return out;
}

} // namespace ch::risk
