#include "trading/order_lifecycle.h"

#include "domain/error.h"

#include <algorithm>
#include <array>

namespace ch::trading {

namespace {

using S = OrderState;

constexpr std::array<const char*, 9> kActionCodes{"submit",
                                                  "approve",
                                                  "reject",
                                                  "release",
                                                  "cancel",
                                                  "expire",
                                                  "fill",
                                                  "broker_reject",
                                                  "broker_cancel"};

std::string prefix(const Order& o)
{
    return "order " + idText(o.id()) + ": ";
}

void requireActive(const Order& o, const User& u)
{
    require(u.active, prefix(o) + "user " + describeUser(u) + " is deactivated");
}

Date utcDate(Timestamp t)
{
    return Date{std::chrono::floor<std::chrono::days>(t)};
}

} // namespace

const char* orderActionCode(OrderAction a)
{
    return kActionCodes.at(static_cast<std::size_t>(a));
}

std::optional<OrderAction> parseOrderActionCode(std::string_view code)
{
    for (std::size_t i = 0; i < kActionCodes.size(); ++i)
        if (code == kActionCodes[i])
            return static_cast<OrderAction>(i);
    return std::nullopt;
}

const std::vector<std::pair<OrderState, OrderState>>& allowedTransitions()
{
    // pending_approval -> pending_approval is the first of two approvals; partially_filled ->
    // partially_filled is a further partial fill. Filled, rejected, cancelled and expired are
    // terminal.
    static const std::vector<std::pair<OrderState, OrderState>> table{
        {S::Draft, S::PendingApproval},
        {S::Draft, S::Cancelled},
        {S::PendingApproval, S::PendingApproval},
        {S::PendingApproval, S::Approved},
        {S::PendingApproval, S::Rejected},
        {S::PendingApproval, S::Cancelled},
        {S::PendingApproval, S::Expired},
        {S::Approved, S::Sent},
        {S::Approved, S::Cancelled},
        {S::Approved, S::Expired},
        {S::Sent, S::PartiallyFilled},
        {S::Sent, S::Filled},
        {S::Sent, S::Rejected},
        {S::Sent, S::Cancelled},
        {S::Sent, S::Expired},
        {S::PartiallyFilled, S::PartiallyFilled},
        {S::PartiallyFilled, S::Filled},
        {S::PartiallyFilled, S::Cancelled},
        {S::PartiallyFilled, S::Expired},
    };
    return table;
}

bool isAllowedTransition(OrderState from, OrderState to)
{
    const auto& t = allowedTransitions();
    return std::find(t.begin(), t.end(), std::pair{from, to}) != t.end();
}

void requireTransition(OrderId id, OrderState from, OrderState to)
{
    require(isAllowedTransition(from, to),
            "order " + idText(id) + ": transition from " + orderStateCode(from) + " to "
                + orderStateCode(to) + " is not allowed");
}

OrderTransition transitionOrder(const Order& order,
                                OrderRecord next,
                                OrderAction action,
                                std::optional<UserId> actor,
                                Timestamp at,
                                std::string comment)
{
    requireTransition(order.id(), order.state(), next.state);
    require(next.id == order.id(), prefix(order) + "a transition cannot change the order id");
    const OrderState to = next.state;
    OrderEvent event{order.id(), action, order.state(), to, actor, at, std::move(comment)};
    return OrderTransition{Order::fromRecord(std::move(next)), std::move(event)};
}

int requiredApprovalsFor(Money notional, const ApprovalPolicy& policy)
{
    return notional > policy.twoApproverThreshold ? 2 : 1;
}

OrderTransition submitForApproval(const Order& order,
                                  const User& actor,
                                  Timestamp at,
                                  const PreTradeReport& checks,
                                  const ApprovalPolicy& policy)
{
    requireTransition(order.id(), order.state(), S::PendingApproval);
    requireActive(order, actor);
    require(actor.can(Permission::CreateOrder),
            prefix(order) + "user " + describeUser(actor) + " may not submit orders");
    require(actor.id == order.maker(),
            prefix(order) + "only the maker may submit it, not " + describeUser(actor));
    require(checks.orderId == order.id(),
            prefix(order) + "the pre-trade report is for order " + idText(checks.orderId));
    require(checks.passed(), prefix(order) + "pre-trade checks failed: " + checks.errorSummary());
    OrderRecord next = order.record();
    next.state = S::PendingApproval;
    next.requiredApprovals = requiredApprovalsFor(order.notional(), policy);
    const std::string comment = "notional " + order.notional().toDecimalString() + " USD needs "
                                + std::to_string(next.requiredApprovals) + " approval"
                                + (next.requiredApprovals > 1 ? "s" : "");
    return transitionOrder(order, std::move(next), OrderAction::Submit, actor.id, at, comment);
}

OrderTransition approve(const Order& order, const User& approver, Timestamp at, std::string comment)
{
    const bool last = static_cast<int>(order.approvals().size()) + 1 >= order.requiredApprovals();
    // Outside pending_approval the refusal names the state the approver was aiming for.
    const bool pending = order.state() == S::PendingApproval;
    requireTransition(
        order.id(), order.state(), pending && !last ? S::PendingApproval : S::Approved);
    requireActive(order, approver);
    require(approver.can(Permission::ApproveOrder),
            prefix(order) + "user " + describeUser(approver) + " may not approve orders");
    require(approver.id != order.maker(),
            prefix(order) + "user " + describeUser(approver)
                + " is the maker and cannot approve it (maker-checker)");
    for (const Approval& a : order.approvals())
        require(a.approver != approver.id,
                prefix(order) + "user " + describeUser(approver)
                    + " has already approved it; the second approval must come from a different "
                      "approver");
    OrderRecord next = order.record();
    next.approvals.push_back(Approval{approver.id, at, comment});
    next.state = last ? S::Approved : S::PendingApproval;
    return transitionOrder(order,
                           std::move(next),
                           OrderAction::Approve,
                           approver.id,
                           at,
                           "approval " + std::to_string(order.approvals().size() + 1) + " of "
                               + std::to_string(order.requiredApprovals())
                               + (comment.empty() ? "" : ": " + comment));
}

OrderTransition reject(const Order& order, const User& approver, Timestamp at, std::string reason)
{
    requireTransition(order.id(), order.state(), S::Rejected);
    require(order.state() == S::PendingApproval,
            prefix(order) + "only the broker rejects a sent order");
    requireActive(order, approver);
    require(approver.can(Permission::ApproveOrder),
            prefix(order) + "user " + describeUser(approver) + " may not reject orders");
    require(approver.id != order.maker(),
            prefix(order) + "user " + describeUser(approver)
                + " is the maker; withdraw the order with cancel instead");
    require(!reason.empty(), prefix(order) + "a rejection needs a reason");
    OrderRecord next = order.record();
    next.state = S::Rejected;
    next.statusText = reason;
    return transitionOrder(order, std::move(next), OrderAction::Reject, approver.id, at, reason);
}

OrderTransition release(const Order& order, const User& actor, Timestamp at)
{
    requireTransition(order.id(), order.state(), S::Sent);
    requireActive(order, actor);
    require(actor.can(Permission::ReleaseOrder),
            prefix(order) + "user " + describeUser(actor) + " may not release orders");
    OrderRecord next = order.record();
    next.state = S::Sent;
    return transitionOrder(order, std::move(next), OrderAction::Release, actor.id, at, {});
}

OrderTransition cancel(const Order& order, const User& actor, Timestamp at, std::string reason)
{
    requireTransition(order.id(), order.state(), S::Cancelled);
    require(order.state() != S::Sent && order.state() != S::PartiallyFilled,
            prefix(order) + "it is at the broker (" + orderStateCode(order.state())
                + "); cancel it through the broker and apply the broker's report");
    requireActive(order, actor);
    require(actor.can(Permission::CancelOrder),
            prefix(order) + "user " + describeUser(actor) + " may not cancel orders");
    require(actor.role == Role::Admin || actor.id == order.maker(),
            prefix(order) + "user " + describeUser(actor) + " may cancel only their own orders");
    OrderRecord next = order.record();
    next.state = S::Cancelled;
    next.statusText = reason;
    return transitionOrder(order, std::move(next), OrderAction::Cancel, actor.id, at, reason);
}

OrderTransition expire(const Order& order, Timestamp at, std::string reason)
{
    requireTransition(order.id(), order.state(), S::Expired);
    OrderRecord next = order.record();
    next.state = S::Expired;
    next.statusText = reason;
    return transitionOrder(order, std::move(next), OrderAction::Expire, std::nullopt, at, reason);
}

bool isPastTimeInForce(const Order& order, Date today, Date lastTradingDay)
{
    if (isTerminal(order.state()) || order.state() == S::Draft)
        return false;
    const auto todayDays = daysSinceEpoch(today);
    if (todayDays > daysSinceEpoch(lastTradingDay))
        return true;
    switch (order.timeInForce()) {
    case TimeInForce::Day:
        return todayDays > daysSinceEpoch(utcDate(order.createdAt()));
    case TimeInForce::GoodTillDate:
        return todayDays > daysSinceEpoch(*order.request().goodTillDate);
    case TimeInForce::GoodTillCancel:
        return false;
    }
    return false;
}

} // namespace ch::trading
