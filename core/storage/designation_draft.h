#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "storage/designation_repository.h"
#include "storage/hedge_repository.h"
#include "trading/execution_report.h"
#include "trading/order.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

// Designating a hedge relationship from an executed hedge proposal (ASC 815 as summarised in
// shared/reference/market.md §4.5: the memo documents hedged item, risk, instrument, ratio, test
// method and frequency at inception; docs/trading-controls.md, "Designating a hedge"). The
// proposal's futures holdings in one (exposure index, contract) group become the hedging
// instrument; the hedged item is the portion of the forecast purchases those holdings cover. A
// proposal line stores its contract holding but not the exposure volume or the hedge ratio it was
// sized with, so the designated volume is the holding's own size, contracts × units per contract:
// a 1:1 designation of that portion of the probable forecast purchases. A cross hedge keeps that
// volume; its basis shows in the regression and the dollar offset.

//! The futures lines of a proposal that hold contracts (holding > 0), grouped by the exposure
//! index they hedge and the contract.
struct ProposalHedgeGroup
{
    std::string exposureIndexId;
    std::string symbol;
    std::string resource;
    std::vector<int> lineNumbers; //!< 1-based, as in order origins "proposal HP-0001 line 2"
    Month firstMonth{};
    Month lastMonth{};

    friend bool operator==(const ProposalHedgeGroup&, const ProposalHedgeGroup&) = default;
};

//! The groups in order of their first line.
std::vector<ProposalHedgeGroup> proposalHedgeGroups(const hedging::HedgeProposal& proposal);

//! How far the orders drafted from a group's lines were executed.
struct GroupExecution
{
    std::size_t orders = 0;            //!< orders whose origin names one of the group's lines
    std::size_t fills = 0;             //!< fills of those orders
    ContractCount filledContracts = 0; //!< Σ |fill quantity|
    ContractCount tradedContracts = 0; //!< Σ |trade| over the group's lines: what the proposal
                                       //!< asked to trade
    friend bool operator==(const GroupExecution&, const GroupExecution&) = default;
};

//! Counts the orders and fills whose order origin is "proposal <id> line <n>" for a line n of
//! `group` (origins are as storage::ticketsFromProposal writes them). `origins[i]` is the origin of
//! `orders[i]`.
GroupExecution groupExecution(const hedging::HedgeProposal& proposal,
                              const ProposalHedgeGroup& group,
                              const std::vector<trading::Order>& orders,
                              const std::vector<std::string>& origins,
                              const std::vector<trading::Fill>& fills);

//! The designation proposed for one group, to review before DesignationRepository::add, with the
//! execution of the group and warnings for people ("no order of proposal HP-0001 on CHG.H100 has
//! filled yet ...").
struct DesignationDraft
{
    DesignatedHedge hedge;
    ProposalHedgeGroup group;
    GroupExecution execution;
    std::vector<std::string> warnings;

    bool executed() const { return execution.fills > 0; }
};

//! "HR-<year>-<NNN>": one above the highest number used in `year` by `existing`, from 001.
std::string nextDesignationReference(const std::vector<DesignatedHedge>& existing, int year);

//! The designation for the group (exposureIndexId, symbol) of a submitted proposal, pure:
//! reference nextDesignationReference(existing, year of designationDate); hedged index the
//! exposure index; hedged units per month the average over the group's months of contracts ×
//! spec.unitsPerContract; contracts per month that average of contracts rounded half away from
//! zero; hedge ratio contracts per month × units per contract / hedged units; memo texts naming
//! the resource, the months and the volumes; dollar offset and regression, assessed quarterly.
//! Throws ch::Error for a draft proposal, a group the proposal does not hold, or a spec that is
//! not `symbol`.
DesignationDraft draftDesignation(const StoredProposal& proposal,
                                  const std::string& exposureIndexId,
                                  const std::string& symbol,
                                  const ContractSpec& spec,
                                  const std::vector<DesignatedHedge>& existing,
                                  const GroupExecution& execution,
                                  const std::string& preparedBy,
                                  Date designationDate);

//! draftDesignation with what the workspace holds: its designations, the contract, and the
//! orders, origins and fills of the trading desk. Throws ch::Error as draftDesignation, and when
//! the contract is not in the workspace.
DesignationDraft draftDesignation(Workspace& workspace,
                                  const StoredProposal& proposal,
                                  const std::string& exposureIndexId,
                                  const std::string& symbol,
                                  const std::string& preparedBy,
                                  Date designationDate);

//! Problems of an edited designation before it is saved (source "designation", field named as in
//! the form: reference, hedged_item, hedging_instrument, risk_hedged, hedge_ratio,
//! assessment_frequency, prepared_by, hedged_index, instrument_symbol, hedged_units_per_month,
//! contracts_per_month). Errors: an empty text, a reference already used, an index or contract the
//! market data does not hold, a ratio or volume not positive. Warning: a ratio more than 1% away
//! from contracts × units per contract / hedged units (the volumes the tests value).
std::vector<Issue> validateDesignation(const DesignatedHedge& hedge,
                                       const std::vector<DesignatedHedge>& existing,
                                       const MarketDataSet& market);

} // namespace ch::storage
