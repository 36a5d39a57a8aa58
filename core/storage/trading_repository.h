#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "trading/execution_report.h"
#include "trading/fill_applier.h"
#include "trading/order.h"
#include "trading/order_lifecycle.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"
#include "trading/pre_trade.h"
#include "trading/users.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

//! The desk's limits (table trading_limits), read into the core types the checks use.
struct DeskLimits
{
    trading::TradingLimits limits;
    trading::ApprovalPolicy approval;
    std::string updatedBy;
    Timestamp updatedAt{};
};

//! Paper broker behaviour stored with the workspace (table paper_broker); the ui and CLI turn it
//! into broker::PaperBrokerConfig. The seed makes a replay after a restart reproduce the reports.
struct PaperBrokerSettings
{
    std::uint64_t seed = 1;
    double slippageBps = 0.0;
    double rejectProbability = 0.0;
    double partialFillProbability = 0.0;
    int maxPartialFills = 4;
};

//! What the caller knows beyond the book for the pre-trade checks. `band` is nothing when the
//! workspace has no plan exposure or policy for the month: the hedge-ratio check then becomes a
//! warning saying so, instead of blocking every order.
struct PreTradeInputs
{
    Date valuationDate{};
    std::function<Date(Month)> lastTradingDay;
    std::int64_t referencePriceMicros = 0;
    std::optional<trading::HedgeBandInput> band;
};

//! One inbox row after processing.
struct ReportProcessing
{
    std::string execId;
    trading::OrderId orderId;
    trading::ApplyOutcome outcome = trading::ApplyOutcome::Duplicate;
    std::string note;
};

//! Whether the stored positions equal the fills booked in id order, and exec ids are unique.
struct BookCheck
{
    std::size_t fills = 0;
    std::size_t positions = 0;
    std::size_t duplicateExecIds = 0; //!< exec ids booked more than once (0 by the UNIQUE index)
    std::size_t pendingReports = 0;   //!< inbox rows received but not processed
    std::vector<std::string> differences; //!< "CHG.H100 2026-12: stored net 10, fills give 12"

    bool consistent() const { return differences.empty() && duplicateExecIds == 0; }
};

//! Orders, their approvals and events, the broker inbox, fills, positions, marks and limits.
//!
//! Responsibility: every order transition is computed by core/trading's pure functions on the
//! order as stored (re-read inside a BEGIN IMMEDIATE transaction, so two writers never act on the
//! same stale value) and written together with its event and its audit entry in one transaction.
//! Refusals from core (a maker approving their own order, a disallowed transition) throw ch::Error
//! and write nothing.
//!
//! Broker reports take two steps. recordReport() stores the report in the inbox on receipt (its
//! own transaction; a report whose exec id was received before is ignored). processInbox() then
//! applies each pending report in one transaction: fill row, order state, event, position and
//! audit entry together, and marks the inbox row processed. A crash between the two leaves the
//! report in the inbox, and the next processInbox() applies it exactly once (the fill's exec id is
//! UNIQUE and core's applier treats an exec id already applied as a duplicate).
//!
//! Invariant: positions equal the fills booked in id order (checkBook()).
class TradingRepository
{
public:
    explicit TradingRepository(Workspace& workspace);

    // Reads
    std::vector<trading::Order> orders() const; //!< by id
    std::optional<trading::Order> order(trading::OrderId id) const;
    //! The order or StorageError "order 7 does not exist in workspace 'x.chw'".
    trading::Order requireOrder(trading::OrderId id) const;
    std::vector<trading::OrderEvent> events(trading::OrderId id) const;
    std::vector<trading::OrderEvent> allEvents() const;
    //! The pre-trade findings stored at submission (warnings; errors block submission).
    std::vector<trading::PreTradeFinding> findings(trading::OrderId id) const;
    //! "manual", "proposal 3 line 2", "demo", ...
    std::string origin(trading::OrderId id) const;
    std::vector<trading::Fill> fills() const; //!< in booking (id) order
    std::vector<trading::Position> positions() const;
    std::vector<trading::Mark> marks() const; //!< by date, symbol, month
    DeskLimits limits() const;
    PaperBrokerSettings paperBroker() const;
    //! Orders in state sent or partially filled: the ones a broker may still report on.
    std::vector<trading::Order> ordersAtBroker() const;

    //! Runs core's pre-trade checks for `order` with the stored book: the signed position in its
    //! month, the gross position over the symbol's months, the limits, and the live orders created
    //! within the duplicate window before it.
    trading::PreTradeReport preTradeChecks(const trading::Order& order,
                                           const ContractSpec& spec,
                                           const PreTradeInputs& inputs) const;

    // Order lifecycle: one transaction each, with its event and audit entry.
    //! A new draft; the maker needs create_order. `origin` records where the ticket came from.
    trading::Order createDraft(const trading::OrderRequest& request,
                               const ContractSpec& spec,
                               std::int64_t referencePriceMicros,
                               const trading::User& maker,
                               Timestamp at,
                               const std::string& origin = "manual");
    //! Runs preTradeChecks() again inside the transaction, on the book as it is now (so a fill
    //! or a duplicate arriving after the preview is seen), refuses with ch::Error naming the
    //! failed checks, and stores the warnings with the order for the checker.
    trading::Order submit(trading::OrderId id,
                          const trading::User& maker,
                          Timestamp at,
                          const ContractSpec& spec,
                          const PreTradeInputs& inputs);
    trading::Order approve(trading::OrderId id,
                           const trading::User& approver,
                           Timestamp at,
                           const std::string& comment);
    trading::Order reject(trading::OrderId id,
                          const trading::User& approver,
                          Timestamp at,
                          const std::string& reason);
    //! Approved -> sent. Store this before handing the order to the broker connector, so a crash
    //! never loses an order the broker has.
    trading::Order release(trading::OrderId id, const trading::User& actor, Timestamp at);
    trading::Order cancel(trading::OrderId id,
                          const trading::User& actor,
                          Timestamp at,
                          const std::string& reason);
    trading::Order expire(trading::OrderId id, Timestamp at, const std::string& reason);
    //! Expires every live order whose time in force ran out on `today` (isPastTimeInForce).
    std::vector<trading::Order>
    expireStale(Date today, const std::function<Date(Month)>& lastTradingDay, Timestamp at);

    // Broker reports
    //! Stores a received report in the inbox, with an audit entry; false (and nothing written)
    //! when a report with this exec id was received before.
    bool recordReport(const trading::ExecutionReport& report, Timestamp receivedAt);
    //! Applies pending inbox rows in arrival order, one transaction each.
    std::vector<ReportProcessing> processInbox(Timestamp at);
    std::size_t pendingReports() const;

    // Marks and limits
    //! Stores marks (replacing any for the same date, symbol and month), audited as one entry.
    void recordMarks(const std::vector<trading::Mark>& marks,
                     const std::string& source,
                     const std::string& actor,
                     Timestamp at);
    //! Needs manage_limits.
    void setLimits(const trading::TradingLimits& limits,
                   const trading::ApprovalPolicy& approval,
                   const trading::User& actor,
                   Timestamp at);

    //! Needs manage_limits; audited. Takes effect for the next broker session.
    void
    setPaperBroker(const PaperBrokerSettings& settings, const trading::User& actor, Timestamp at);

    //! Recomputes positions from the fills (applyFill in booking order) and the stored cash
    //! settlements (trading_settlement.h) and compares.
    BookCheck checkBook() const;

private:
    Workspace& m_workspace;
};

} // namespace ch::storage
