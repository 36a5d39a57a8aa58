#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "trading/order.h"
#include "trading/pre_trade.h"
#include "trading/users.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ch::trading {

// The order state machine. Every change is a pure function returning the new order and the event
// to record, so storage can write both in one transaction. A refused change throws ch::Error whose
// message names the order, and for a disallowed transition both states:
//   "order 7: transition from filled to cancelled is not allowed".
// (Pre-trade checks, by contrast, are business outcomes and come back as findings.)

enum class OrderAction : std::uint8_t {
    Submit,       //!< maker: draft -> pending_approval
    Approve,      //!< checker: pending_approval -> pending_approval (first of two) or approved
    Reject,       //!< checker: pending_approval -> rejected
    Release,      //!< approved -> sent (handed to the broker connector)
    Cancel,       //!< user: draft/pending_approval/approved -> cancelled
    Expire,       //!< system: time in force or the contract ran out
    Fill,         //!< broker: partial or full fill
    BrokerReject, //!< broker: sent -> rejected
    BrokerCancel, //!< broker: sent/partially_filled -> cancelled
};
//! "submit", "approve", "reject", "release", "cancel", "expire", "fill", "broker_reject",
//! "broker_cancel"
const char* orderActionCode(OrderAction a);
std::optional<OrderAction> parseOrderActionCode(std::string_view code);

//! One recorded change of an order. `actor` is empty for system and broker events.
struct OrderEvent
{
    OrderId orderId;
    OrderAction action = OrderAction::Submit;
    OrderState from = OrderState::Draft;
    OrderState to = OrderState::Draft;
    std::optional<UserId> actor;
    Timestamp at;
    std::string comment;

    friend bool operator==(const OrderEvent&, const OrderEvent&) = default;
};

struct OrderTransition
{
    Order order;
    OrderEvent event;
};

//! The allowed (from, to) pairs; docs/trading-controls.md prints the same table.
const std::vector<std::pair<OrderState, OrderState>>& allowedTransitions();
bool isAllowedTransition(OrderState from, OrderState to);
//! Throws "order <id>: transition from <from> to <to> is not allowed" unless allowed.
void requireTransition(OrderId id, OrderState from, OrderState to);

//! The low-level step every transition goes through: checks the table, validates `next` as an
//! Order and builds the event. Used by the functions below and by the fill applier.
OrderTransition transitionOrder(const Order& order,
                                OrderRecord next,
                                OrderAction action,
                                std::optional<UserId> actor,
                                Timestamp at,
                                std::string comment);

//! Maker-checker thresholds. Orders whose notional is strictly above the threshold need two
//! distinct approvers (tiered authority by notional, market.md §4.6).
struct ApprovalPolicy
{
    Money twoApproverThreshold = Money(Currency::Usd, 25'000'000); //!< 250,000.00 USD
};
int requiredApprovalsFor(Money notional, const ApprovalPolicy& policy);

//! The maker submits a draft. Refused unless `actor` is the maker with CreateOrder permission and
//! `checks` is this order's pre-trade report with no errors. Fixes the number of approvals needed.
OrderTransition submitForApproval(const Order& order,
                                  const User& actor,
                                  Timestamp at,
                                  const PreTradeReport& checks,
                                  const ApprovalPolicy& policy);

//! A checker approves. Refused unless the approver is active, has ApproveOrder, is not the maker
//! and has not approved this order already. The last required approval moves the order to
//! approved; an earlier one leaves it pending.
OrderTransition
approve(const Order& order, const User& approver, Timestamp at, std::string comment = {});

//! A checker rejects a pending order; the reason is required and kept as the status text.
OrderTransition reject(const Order& order, const User& approver, Timestamp at, std::string reason);

//! An approved order is handed to the broker (needs ReleaseOrder).
OrderTransition release(const Order& order, const User& actor, Timestamp at);

//! A user withdraws an order that has not reached the broker. Traders may cancel only their own
//! orders; admins any. Orders at the broker are cancelled through it (BrokerConnector::cancel) and
//! the broker's report applied.
OrderTransition cancel(const Order& order, const User& actor, Timestamp at, std::string reason);

//! The system expires a live order (see isPastTimeInForce).
OrderTransition expire(const Order& order, Timestamp at, std::string reason);

//! True when a live order's time in force has run out on `today`: a day order created on an
//! earlier UTC date, a good-till-date order after its date, or any order after the contract's
//! last trading day.
bool isPastTimeInForce(const Order& order, Date today, Date lastTradingDay);

} // namespace ch::trading
