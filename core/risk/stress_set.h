#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "risk/risk_inputs.h"
#include "risk/stress.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::risk {

// The scenarios of the Risk page's Stress tab and `computehedge-cli risk stress`: the historical
// replays (stress.h: historicalScenarios), the three presets and the user's own scenario.

enum class StressKind : unsigned char { Historical, Preset, User };
const char* stressKindCode(StressKind k); //!< "historical", "preset", "user"
std::optional<StressKind> parseStressKind(std::string_view code);

//! One shock of the user's scenario, by index and delivery months (so it survives a change of
//! horizon): forwards of `indexId` from `first` to `last` inclusive move by `relative` (−0.3 =
//! −30%). Invariant checked by checkUserShock: first <= last, relative finite and > −1.
struct UserShock
{
    std::string indexId;
    Month first{};
    Month last{};
    double relative = 0.0;

    friend bool operator==(const UserShock&, const UserShock&) = default;
};

//! The user-defined scenario kept in the workspace.
struct UserScenarioSpec
{
    std::string name = "User scenario";
    std::vector<UserShock> shocks;

    friend bool operator==(const UserScenarioSpec&, const UserScenarioSpec&) = default;
};

//! Problems with one shock (source "user scenario", line = row number from 1), e.g.
//! `user scenario:2: shock: -120% would make the price negative; expected more than -100%`.
std::vector<Issue> checkUserShock(const UserShock& shock, int row);

struct NamedStress
{
    StressKind kind = StressKind::Preset;
    StressScenario scenario;
};

//! The user's scenario on `in`: shocks on indices that are not factors, or wholly outside the
//! horizon, are left out with a warning in `issues`; the rest are clipped to the horizon.
StressScenario
userStressScenario(const RiskInputs& in, const UserScenarioSpec& spec, std::vector<Issue>& issues);

//! Historical replays (worst 1-, 3- and 6-month rise and fall of each factor's history), the
//! presets, and the user's scenario when it has shocks, in that order.
std::vector<NamedStress> stressSet(const RiskInputs& in,
                                   const std::vector<PriceSeries>& history,
                                   const std::optional<UserScenarioSpec>& user,
                                   std::vector<Issue>& issues);

} // namespace ch::risk
