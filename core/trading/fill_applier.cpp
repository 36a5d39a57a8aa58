#include "trading/fill_applier.h"

#include <algorithm>

namespace ch::trading {

namespace {

using S = OrderState;

ExecutionApplication unchanged(const Order& order, ApplyOutcome outcome, std::string note)
{
    return ExecutionApplication{outcome, order, std::nullopt, std::nullopt, std::move(note)};
}

std::string reportName(const ExecutionReport& r)
{
    return std::string(execTypeCode(r.type)) + " report " + r.execId;
}

ExecutionApplication anomaly(const Order& order, const ExecutionReport& r, const std::string& why)
{
    return unchanged(
        order, ApplyOutcome::Anomaly, reportName(r) + " for " + order.describe() + ": " + why);
}

ExecutionApplication
applyFill(const Order& order, const ExecutionReport& r, std::int64_t feePerSideCents)
{
    if (r.lastQty <= 0 || r.lastPriceMicros <= 0)
        return anomaly(order,
                       r,
                       "last qty " + std::to_string(r.lastQty) + " and last price "
                           + formatPriceMicros(r.lastPriceMicros) + " must both be positive");
    if (r.cumQty > order.quantity() || r.leavesQty < 0)
        return anomaly(order,
                       r,
                       "broker cum qty " + std::to_string(r.cumQty) + " / leaves "
                           + std::to_string(r.leavesQty) + " do not fit order quantity "
                           + std::to_string(order.quantity()));
    const S state = order.state();
    if (state != S::Sent && state != S::PartiallyFilled && state != S::Filled
        && state != S::Cancelled && state != S::Expired)
        return anomaly(
            order, r, std::string("no fill is possible in state ") + orderStateCode(state));
    const ContractCount filled = order.filledQty() + r.lastQty;
    if (filled > order.quantity())
        return anomaly(order,
                       r,
                       "overfill: " + std::to_string(order.filledQty()) + " filled + "
                           + std::to_string(r.lastQty) + " would exceed the order quantity "
                           + std::to_string(order.quantity()));
    std::int64_t feeCents = 0;
    if (__builtin_mul_overflow(feePerSideCents, r.lastQty, &feeCents))
        return anomaly(order, r, "the fee overflows int64 cents");
    Fill fill{r.execId,
              order.id(),
              order.symbol(),
              order.deliveryMonth(),
              order.side(),
              r.lastQty,
              r.lastPriceMicros,
              order.unitsPerContract(),
              Money(Currency::Usd, feeCents),
              r.at};
    const std::string comment = "fill " + std::to_string(r.lastQty) + " @ "
                                + formatPriceMicros(r.lastPriceMicros) + " (exec " + r.execId
                                + ", filled " + std::to_string(filled) + " of "
                                + std::to_string(order.quantity()) + ")";
    OrderRecord next = order.record();
    next.filledQty = filled;
    if (state == S::Cancelled || state == S::Expired) {
        // The broker executed before it processed the cancel (or the reports crossed): the fill is
        // real and is booked, the order stays in its final state.
        OrderEvent event{order.id(),
                         OrderAction::Fill,
                         state,
                         state,
                         std::nullopt,
                         r.at,
                         comment + " after the order was " + orderStateCode(state)};
        return ExecutionApplication{ApplyOutcome::Applied,
                                    Order::fromRecord(std::move(next)),
                                    std::move(fill),
                                    std::move(event),
                                    "fill booked on a " + std::string(orderStateCode(state))
                                        + " order"};
    }
    next.state = filled == order.quantity() ? S::Filled : S::PartiallyFilled;
    auto t =
        transitionOrder(order, std::move(next), OrderAction::Fill, std::nullopt, r.at, comment);
    return ExecutionApplication{
        ApplyOutcome::Applied, std::move(t.order), std::move(fill), std::move(t.event), {}};
}

} // namespace

const char* applyOutcomeCode(ApplyOutcome o)
{
    switch (o) {
    case ApplyOutcome::Applied:
        return "applied";
    case ApplyOutcome::Duplicate:
        return "duplicate";
    case ApplyOutcome::Anomaly:
        return "anomaly";
    }
    return "unknown";
}

ExecutionApplication applyExecutionReport(const Order& order,
                                          const std::vector<std::string>& appliedExecIds,
                                          const ExecutionReport& r,
                                          std::int64_t feePerSideCents)
{
    if (r.orderId != order.id())
        return anomaly(order, r, "the report is for order " + idText(r.orderId));
    if (r.execId.empty())
        return anomaly(order, r, "the report has no exec id");
    if (std::find(appliedExecIds.begin(), appliedExecIds.end(), r.execId) != appliedExecIds.end())
        return unchanged(
            order, ApplyOutcome::Duplicate, "exec id " + r.execId + " was already applied");
    const S state = order.state();
    switch (r.type) {
    case ExecType::PartialFill:
    case ExecType::Fill:
        return applyFill(order, r, feePerSideCents);
    case ExecType::New:
        // An acknowledgement changes nothing; one arriving after fills or a cancel is just late.
        if (state == S::Sent || state == S::PartiallyFilled || state == S::Filled
            || state == S::Cancelled || state == S::Expired)
            return unchanged(order, ApplyOutcome::Applied, "acknowledged by the broker");
        return anomaly(order, r, std::string("acknowledgement in state ") + orderStateCode(state));
    case ExecType::CancelRejected:
        return unchanged(order, ApplyOutcome::Applied, "cancel refused by the broker: " + r.text);
    case ExecType::Rejected: {
        if (state == S::Rejected)
            return unchanged(order, ApplyOutcome::Duplicate, "the order is already rejected");
        if (state != S::Sent)
            return anomaly(
                order, r, std::string("broker reject in state ") + orderStateCode(state));
        OrderRecord next = order.record();
        next.state = S::Rejected;
        next.statusText = r.text;
        auto t = transitionOrder(
            order, std::move(next), OrderAction::BrokerReject, std::nullopt, r.at, r.text);
        return ExecutionApplication{
            ApplyOutcome::Applied, std::move(t.order), std::nullopt, std::move(t.event), {}};
    }
    case ExecType::Cancelled: {
        if (state == S::Cancelled)
            return unchanged(order, ApplyOutcome::Duplicate, "the order is already cancelled");
        if (state != S::Sent && state != S::PartiallyFilled)
            return anomaly(
                order, r, std::string("broker cancel in state ") + orderStateCode(state));
        OrderRecord next = order.record();
        next.state = S::Cancelled;
        next.statusText = r.text.empty() ? "cancelled by the broker" : r.text;
        // Fills the broker counted (cumQty) but we have not received yet are booked on arrival.
        std::string comment = next.statusText + " (broker cum qty " + std::to_string(r.cumQty)
                              + ", booked " + std::to_string(order.filledQty()) + ")";
        auto t = transitionOrder(order,
                                 std::move(next),
                                 OrderAction::BrokerCancel,
                                 std::nullopt,
                                 r.at,
                                 std::move(comment));
        return ExecutionApplication{
            ApplyOutcome::Applied, std::move(t.order), std::nullopt, std::move(t.event), {}};
    }
    }
    return anomaly(order, r, "unknown exec type");
}

} // namespace ch::trading
