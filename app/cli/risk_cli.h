#pragma once

// Shared by risk_commands.cpp and risk_stress_commands.cpp (defined in risk_commands.cpp): loading
// the risk inputs of the workspace the way the Risk page does, and JSON/text pieces.

#include "command.h"
#include "domain/market.h"
#include "pricing/market_snapshot.h"
#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"

#include <QJsonObject>

#include <optional>
#include <string>

namespace ch::cli {

class Context;

//! The workspace's market data, snapshot and risk sources (plan book, overrides, held hedges).
struct RiskWorkspace
{
    MarketDataSet market;
    risk::RiskSources sources;
};

//! Loads everything buildRiskInputs reads; warnings (positions left out) go to ctx.err().
//! --proposal ID adds the trades of that saved hedge proposal to the positions held.
RiskWorkspace loadRiskWorkspace(Context& ctx, const Arguments& args);
//! The same with the positions held only (no proposal), or with `proposal`'s trades.
RiskWorkspace loadRiskWorkspace(Context& ctx);
RiskWorkspace loadRiskWorkspace(Context& ctx, const std::optional<std::string>& proposal);

//! The --proposal option of run and stress.
Option proposalOption();
//! storage::hedgeSourceLabel of --proposal.
std::string hedgesOf(const Arguments& args);

//! The run's inputs, or UserError "the risk inputs have N errors; nothing was run" with each
//! issue as a detail line. Warnings go to ctx.err().
risk::BuiltRiskInputs
buildOrFail(Context& ctx, const RiskWorkspace& ws, const risk::RiskBuildOptions& o);

//! --horizon MONTHS (default: the whole plan).
int horizonOption(const Arguments& args);

//! {"kappa_per_year", "sigma_annual", "jumps_per_year", "jump_mean_log", "jump_sd_log"}.
QJsonObject jsonParams(const risk::FactorParams& p);

//! A USD amount in millions with 3 decimals for text tables: "12.345".
std::string usdMillions(double usd);

//! UTC now, to the second.
Timestamp nowUtc();

} // namespace ch::cli
