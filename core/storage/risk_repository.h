#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "pricing/market_snapshot.h"
#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

// Cost-at-Risk and stress results kept in the workspace (schema/0004_risk.sql), with the user's
// parameter overrides and stress scenario. Analytics are stored as REAL USD, so every figure
// reads back as exactly the double that was written.

//! "positions held", or "positions held + trades of proposal HP-0002": which hedges a run holds.
std::string hedgeSourceLabel(const std::optional<std::string>& proposalId);

//! A factor of a run and the parameters it used.
struct RiskRunFactor
{
    std::string indexId;
    risk::FactorModel model = risk::FactorModel::MeanRevertingJump;
    risk::FactorParams params;
    bool overridden = false;

    friend bool operator==(const RiskRunFactor&, const RiskRunFactor&) = default;
};

//! What a run was computed from, enough to tell runs apart and to draw the budget line.
struct RiskInputsSummary
{
    Date valuationDate{};
    Month firstMonth{};
    int horizonMonths = 0;
    risk::VolumeMode volumes = risk::VolumeMode::Uncertain;
    double volumeCorrelation = 0.5;      //!< risk::DemandModel
    double priceVolumeCorrelation = 0.0; //!< risk::DemandModel
    std::string digest;                  //!< risk::riskInputsDigest
    std::string hedges;                  //!< which hedges the run holds: hedgeSourceLabel()
    std::size_t cellCount = 0;
    std::size_t instrumentCount = 0;
    std::vector<RiskRunFactor> factors;
    std::vector<std::optional<double>> budgetUsd; //!< per horizon month
    std::vector<double> forwardCostUsd;           //!< per horizon month

    friend bool operator==(const RiskInputsSummary&, const RiskInputsSummary&) = default;
};

//! The summary of built inputs (BuiltRiskInputs::ok() required, else ch::Error); `hedges` says
//! which hedges the inputs hold (hedgeSourceLabel()).
RiskInputsSummary summarizeInputs(const risk::BuiltRiskInputs& built,
                                  Date valuationDate,
                                  risk::VolumeMode volumes,
                                  const std::string& hedges = hedgeSourceLabel(std::nullopt));

//! A finished Monte Carlo run as stored.
struct SavedRiskRun
{
    std::int64_t id = 0;
    Timestamp createdAt{};
    risk::McConfig config; //!< seed and paths of the result; threads as requested
    RiskInputsSummary inputs;
    risk::CostAtRiskReport report;
};

//! One line of the saved-runs list, newest first.
struct RiskRunEntry
{
    std::int64_t id = 0;
    Timestamp createdAt{};
    std::uint64_t seed = 0;
    std::size_t paths = 0;
    unsigned threads = 0;
    int horizonMonths = 0;
    risk::VolumeMode volumes = risk::VolumeMode::Uncertain;
    std::string digest;
    std::string hedges; //!< hedgeSourceLabel()
    bool hasHedge = false;
    double expectedUsd = 0.0; //!< horizon, unhedged
    double car95Usd = 0.0;    //!< horizon, unhedged
    double hedgedCar95Usd = 0.0;
};

//! One scenario's result in a stress run.
struct SavedStress
{
    risk::StressKind kind = risk::StressKind::Preset;
    std::string description;
    risk::StressResult result;
};

struct SavedStressRun
{
    std::int64_t id = 0;
    Timestamp createdAt{};
    RiskInputsSummary inputs; //!< factors, budget and forward cost are not stored for stresses
    bool hasHedge = false;
    std::vector<SavedStress> results;
};

//! The risk tables of a workspace. Each write is one BEGIN IMMEDIATE transaction; a failure
//! throws StorageError and leaves the workspace as it was.
class RiskRepository
{
public:
    explicit RiskRepository(Workspace& workspace);

    //! Stored overrides by index id.
    risk::OverrideMap overrides() const;
    //! Stores the override of `indexId`, replacing any earlier one; an empty override deletes it
    //! (the estimate applies again). Check it with risk::validateOverride first.
    void setOverride(const std::string& indexId,
                     const risk::FactorParamOverrides& overrides,
                     Timestamp at);
    //! Removes every override (the page's "Reset all").
    void clearOverrides();

    //! The user's stress scenario; nullopt when none was saved.
    std::optional<risk::UserScenarioSpec> userScenario() const;
    //! Replaces the user's scenario. Throws ch::Error with every problem (checkUserShock) and an
    //! empty name; nothing is written then.
    void saveUserScenario(const risk::UserScenarioSpec& spec);

    //! Saves a finished run and returns its id. A cancelled run (no report) writes nothing and
    //! returns nullopt. Throws ch::Error when `result` does not belong to `config` (seed or paths
    //! differ), StorageError when SQLite fails.
    std::optional<std::int64_t> saveRun(Timestamp createdAt,
                                        const risk::McConfig& config,
                                        const RiskInputsSummary& inputs,
                                        const risk::CostAtRisk& result);
    std::vector<RiskRunEntry> runs() const;
    //! The run `id`, or nullopt when there is none.
    std::optional<SavedRiskRun> run(std::int64_t id) const;
    //! The newest run (highest id), or nullopt.
    std::optional<SavedRiskRun> latestRun() const;

    //! Saves every scenario's result of one stress run; returns its id.
    std::int64_t saveStressRun(const SavedStressRun& run);
    std::optional<SavedStressRun> latestStressRun() const;

private:
    Workspace& m_workspace;
};

//! Hedges the workspace holds, as risk instruments: every open (not settled, non-zero) trading
//! position as a future at its average entry price on its contract's index. A position on a
//! symbol the workspace has no contract for is left out with a warning (source "positions").
struct HeldHedges
{
    std::vector<risk::HeldInstrument> instruments;
    std::vector<Issue> issues;
};
HeldHedges loadHeldHedges(Workspace& workspace);

//! The trades of saved hedge proposal `proposalId` (HedgeRepository) as risk instruments, to add
//! on top of the positions held: the book after the proposal is executed, as
//! hedging::evaluateHedgeRisk defines it. Futures trade at the proposal's forward; calls at their
//! strike; a collar is a long call and a short put. The proposal keeps one net premium per
//! holding: its per-unit rate goes to the call, or to the put when the put is worth more, so the
//! net payoff is the proposal's. Throws ch::Error for an unknown proposal; a line whose contract
//! the workspace lacks is left out with a warning (source "proposal").
HeldHedges loadProposalTrades(Workspace& workspace, const std::string& proposalId);

//! Everything buildRiskInputs reads from a workspace: the plan book, the overrides and the held
//! hedges (the open positions, plus the trades of `proposalId` when given), with the market data
//! and snapshot the caller already has (the UI session keeps them).
risk::RiskSources loadRiskSources(Workspace& workspace,
                                  const MarketDataSet& market,
                                  const pricing::MarketSnapshot& snapshot,
                                  std::vector<Issue>& issues,
                                  const std::optional<std::string>& proposalId = std::nullopt);

//! The demo workspace's risk step (called from seedDemoContent): a user stress scenario, "Winter
//! capacity squeeze" (H100 +25% and B200 +15% in the second to fourth plan months).
void seedDemoRisk(Workspace& workspace, const MarketDataSet& market);

} // namespace ch::storage
