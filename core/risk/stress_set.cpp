#include "risk/stress_set.h"

#include <algorithm>
#include <cmath>

namespace ch::risk {

const char* stressKindCode(StressKind k)
{
    switch (k) {
    case StressKind::Historical:
        return "historical";
    case StressKind::Preset:
        return "preset";
    case StressKind::User:
        return "user";
    }
    return "preset";
}

std::optional<StressKind> parseStressKind(std::string_view code)
{
    for (StressKind k : {StressKind::Historical, StressKind::Preset, StressKind::User})
        if (code == stressKindCode(k))
            return k;
    return std::nullopt;
}

std::vector<Issue> checkUserShock(const UserShock& s, int row)
{
    std::vector<Issue> out;
    auto fail = [&](const char* field, const std::string& message) {
        out.push_back(Issue{"user scenario", row, field, Severity::Error, message});
    };
    if (s.indexId.empty())
        fail("index", "no index; expected an index id such as GPU.H100.NC");
    if (s.last < s.first)
        fail("months",
             formatIsoMonth(s.first) + " to " + formatIsoMonth(s.last)
                 + " ends before it starts; expected the first month on or before the last");
    if (!std::isfinite(s.relative) || s.relative <= -1.0) {
        const std::string pct = std::isfinite(s.relative)
                                    ? std::to_string(std::lround(s.relative * 100.0)) + "%"
                                    : std::string("not a number");
        fail("shock", pct + " would make the price zero or negative; expected more than -100%");
    }
    return out;
}

StressScenario
userStressScenario(const RiskInputs& in, const UserScenarioSpec& spec, std::vector<Issue>& issues)
{
    std::vector<FactorShock> shocks;
    int row = 0;
    for (const UserShock& s : spec.shocks) {
        ++row;
        auto warn = [&](const std::string& message) {
            issues.push_back(Issue{"user scenario", row, "index", Severity::Warning, message});
        };
        const auto f = std::find_if(in.factors.begin(), in.factors.end(), [&](const RiskFactor& r) {
            return r.indexId == s.indexId;
        });
        if (f == in.factors.end()) {
            warn(s.indexId + " is not priced by the plan; the shock is left out");
            continue;
        }
        const int first = std::max(monthsBetween(in.firstMonth, s.first), 0);
        const int last = std::min(monthsBetween(in.firstMonth, s.last), in.horizonMonths - 1);
        if (first > last) {
            warn(formatIsoMonth(s.first) + " to " + formatIsoMonth(s.last)
                 + " is outside the horizon; the shock is left out");
            continue;
        }
        shocks.push_back(
            FactorShock{static_cast<std::size_t>(f - in.factors.begin()), first, last, s.relative});
    }
    return userScenario(in, spec.name, shocks);
}

std::vector<NamedStress> stressSet(const RiskInputs& in,
                                   const std::vector<PriceSeries>& history,
                                   const std::optional<UserScenarioSpec>& user,
                                   std::vector<Issue>& issues)
{
    std::vector<NamedStress> out;
    for (StressScenario& s : historicalScenarios(in, history))
        out.push_back({StressKind::Historical, std::move(s)});
    for (StressScenario& s : presetScenarios(in))
        out.push_back({StressKind::Preset, std::move(s)});
    if (user && !user->shocks.empty())
        out.push_back({StressKind::User, userStressScenario(in, *user, issues)});
    return out;
}

} // namespace ch::risk
