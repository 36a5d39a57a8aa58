#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "hedging/policy.h"
#include "hedging/recommendation.h"
#include "storage/desk_market.h"
#include "trading/pre_trade.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ch::storage {

class Workspace;

//! The policy band of every contract month the hedge policy trades, for the desk's pre-trade
//! "policy band after the trade" check (trading::checkPolicyBand; docs/trading-controls.md).
//!
//! Where the numbers come from: the hedge recommendation of the workspace (the same plan, market
//! and first stored policy as `computehedge-cli hedge recommend`). Each recommendation line is one
//! exposure index in one delivery month, hedged with one contract. For a contract month, the band
//! input is
//!
//!     exposureUnits = Σ over its lines of line.exposureUnits × line.hedgeRatio (h*)
//!     min, max      = the lines' tenor bucket (minRatio, maxRatio)
//!
//! Why h* is inside the exposure: checkPolicyBand computes the ratio as contracts × units per
//! contract / exposureUnits, while the recommendation (and the policy) measure a hedge as
//! hedgedRatio = contracts × units / h* / exposure. Scaling the exposure by h* makes the two the
//! same number. h* is contract units per exposure unit (the minimum-variance ratio ρ·σ_S/σ_F
//! turned into units, hedging/ratio.h), and differs from 1 exactly when the contract is not the
//! exposure: a cross hedge such as GPU.H100.HS (hyperscaler H100) exposure hedged with CHG.H100,
//! whose index is the neocloud H100 price, needs h* contract GPU-hours per GPU-hour hedged. Lines
//! of several exposures on one contract add up in contract units, the only unit they share.
//!
//! Months of a contract the policy trades that fall in a tenor bucket but where the contract
//! hedges no exposure get a band with exposureUnits 0 (the core check then refuses opening a
//! position there). A month outside every bucket, a contract the policy does not trade, or a
//! month whose line could not be priced (an option without a volatility) has no band: the check
//! becomes the "hedge ratio not checked" warning of TradingRepository::preTradeChecks.
//!
//! An immutable value, computed once and cheap to query (a map lookup).
class DeskBands
{
public:
    //! Knows no band (every query answers nothing).
    DeskBands() = default;
    //! The bands of `rec`, a recommendation under `policy` as of `valuationDate`. Lines without an
    //! instrument are not hedged by any contract and add nothing. Call/collar lines count for
    //! their contract like futures lines: an option on a contract hedges the same exposure.
    DeskBands(const hedging::HedgeRecommendation& rec,
              const hedging::HedgePolicy& policy,
              Date valuationDate);

    //! The band of `symbol` in `month`, or nothing (see the class comment).
    std::optional<trading::HedgeBandInput> band(const std::string& symbol, Month month) const;
    //! The band as a DeskMarket::preTradeInputs source; the function holds a copy of the bands.
    HedgeBandSource source() const;

    //! Contracts the recommendation hedges with, sorted.
    const std::set<std::string>& symbols() const { return m_symbols; }
    //! "Default layered policy v1": the policy the bands come from (empty when none).
    const std::string& policyLabel() const { return m_policyLabel; }

private:
    std::map<std::pair<std::string, Month>, trading::HedgeBandInput> m_bands;
    std::set<std::pair<std::string, Month>> m_unknown; //!< a line of the contract not priced
    std::set<std::string> m_symbols;
    std::vector<hedging::TenorBucket> m_buckets;
    Month m_valuationMonth{};
    std::string m_policyLabel;
};

//! The bands of the open workspace, as of the market's valuation date: its risk sources
//! (loadRiskSources), the first stored hedge policy (HedgeRepository::currentPolicies), the hedge
//! inputs with no positions (positions change the recommended trades, never the exposure, h* or
//! the bands) and hedging::recommendHedge in policy-target mode (the mode changes the counts, not
//! the lines' exposure, h* or band). When the workspace stores no policy, has no plan or the
//! inputs have errors, the bands are empty and one warning (source "policy band") says why.
DeskBands planDeskBands(Workspace& workspace, const DeskMarket& market, std::vector<Issue>& issues);

//! planDeskBands(...).source(): what the GUI and the CLI pass to DeskMarket::preTradeInputs.
HedgeBandSource
planHedgeBands(Workspace& workspace, const DeskMarket& market, std::vector<Issue>& issues);

} // namespace ch::storage
