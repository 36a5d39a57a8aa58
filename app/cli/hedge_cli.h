#pragma once

// Shared by hedge_commands.cpp and hedge_policy_commands.cpp (defined in hedge_commands.cpp):
// loading what a hedge recommendation needs from the workspace, the way the Hedge page does, and
// the JSON forms of policies and proposals.

#include "command.h"
#include "domain/issue.h"
#include "hedging/policy.h"
#include "hedging/proposal.h"
#include "hedging/workspace_inputs.h"
#include "risk_cli.h"
#include "storage/hedge_repository.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace ch::cli {

class Arguments;
class Context;

//! The policy a command works with: the stored one named by --policy (its name or id), the
//! workspace's only or first stored policy without --policy, or the default template when the
//! workspace stores none. UserError naming --policy and the stored names when it is unknown.
struct ChosenPolicy
{
    hedging::HedgePolicy policy;
    bool stored = false;
};
ChosenPolicy choosePolicy(Context& ctx, const std::optional<std::string>& name);

//! Everything hedging::buildHedgeInputs reads: the risk workspace, the policy and the positions.
struct HedgeWorkspace
{
    RiskWorkspace risk;
    ChosenPolicy policy;
    std::vector<hedging::ExistingPosition> positions;
};
HedgeWorkspace loadHedgeWorkspace(Context& ctx, const Arguments& args);

//! --mode minimum_variance|policy_target and --rate R into build options (defaults otherwise).
hedging::HedgeBuildOptions hedgeOptions(const Arguments& args);

//! The inputs, or UserError "the hedge inputs have N errors; nothing was computed" with each
//! issue as a detail line. Warnings go to ctx.err().
hedging::BuiltHedgeInputs
buildHedgeOrFail(Context& ctx, const HedgeWorkspace& ws, const hedging::HedgeBuildOptions& o);

//! A policy as JSON, the form `hedge policy show --json` prints and `hedge policy import` reads:
//! {"id", "name", "version", "author", "saved_at", "buckets": [{"from_month", "to_month",
//! "min_ratio", "target_ratio", "max_ratio"}], "rules": [{"resource", "instruments": ["future"],
//! "symbols": []}], "max_contracts_per_month", "max_contracts_per_contract_month",
//! "max_premium_usd", "volume_scenario", "rounding", "call_strike_fraction",
//! "put_strike_fraction"}.
QJsonObject jsonPolicy(const hedging::HedgePolicy& p);
//! The policy in `object`; Issues name the file and the field (`p.json: buckets[2].max_ratio: is
//! missing or not a number`). version, author and saved_at are ignored (the save sets them).
Parsed<hedging::HedgePolicy> policyFromJson(const QJsonObject& object, const std::string& source);

QJsonObject jsonProposal(const storage::StoredProposal& p);

//! Options several hedge commands take.
inline const Option kPolicyOption{
    "--policy", "NAME", "hedge policy (name or id; default: the first stored)"};
inline const Option kModeOption{"--mode",
                                "MODE",
                                "minimum_variance (default: least variance within the bands) or "
                                "policy_target (the rounded targets)"};
inline const Option kRateOption{"--rate", "R", "option discount rate, continuous (default 0.04)"};

} // namespace ch::cli
