#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "domain/money.h"
#include "domain/units.h"
#include "trading/ids.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::trading {

// Every enum has a stable lowercase text code for storage (STYLE.md §7); the codes never change
// once written to a workspace.
enum class Side : std::uint8_t { Buy, Sell };
enum class OrderType : std::uint8_t { Market, Limit };
enum class TimeInForce : std::uint8_t {
    Day,            //!< expires at the end of the UTC day it was created
    GoodTillCancel, //!< lives until filled, cancelled or the contract's last trading day
    GoodTillDate    //!< expires after goodTillDate
};
enum class OrderState : std::uint8_t {
    Draft,
    PendingApproval,
    Approved,
    Sent,
    PartiallyFilled,
    Filled,
    Rejected,
    Cancelled,
    Expired
};
inline constexpr int kOrderStateCount = 9;

const char* sideCode(Side s); //!< "buy", "sell"
std::optional<Side> parseSideCode(std::string_view code);
const char* orderTypeCode(OrderType t); //!< "market", "limit"
std::optional<OrderType> parseOrderTypeCode(std::string_view code);
const char* timeInForceCode(TimeInForce t); //!< "day", "gtc", "gtd"
std::optional<TimeInForce> parseTimeInForceCode(std::string_view code);
//! "draft", "pending_approval", "approved", "sent", "partially_filled", "filled", "rejected",
//! "cancelled", "expired"
const char* orderStateCode(OrderState s);
std::optional<OrderState> parseOrderStateCode(std::string_view code);

//! +1 for a buy (long), −1 for a sell (short).
int sideSign(Side s);
//! Filled, rejected, cancelled and expired orders never change state again.
bool isTerminal(OrderState s);
//! Micro-USD as plain decimal text with at least two decimals: 2'350'000 -> "2.35",
//! 2'345'678 -> "2.345678".
std::string formatPriceMicros(std::int64_t micros);

//! What a trader enters on the ticket.
struct OrderRequest
{
    std::string symbol;    //!< ContractSpec::symbol, e.g. "CHG.H100"
    Month deliveryMonth{}; //!< contract month
    Side side = Side::Buy;
    ContractCount quantity = 0; //!< whole contracts, > 0
    OrderType type = OrderType::Market;
    std::optional<std::int64_t> limitPriceMicros; //!< USD per unit in micros; limit orders only
    TimeInForce timeInForce = TimeInForce::Day;
    std::optional<Date> goodTillDate; //!< good-till-date orders only
    std::string comment;              //!< the trader's rationale

    friend bool operator==(const OrderRequest&, const OrderRequest&) = default;
};

//! Form validation: every problem with a ticket, source "order", field named ("quantity",
//! "limit_price", ...). Checks the symbol against `spec`, quantity > 0, a positive limit price on
//! the contract's tick grid for limit orders (and none for market orders), a date exactly for
//! good-till-date orders.
std::vector<Issue> checkOrderRequest(const OrderRequest& request, const ContractSpec& spec);

//! One approval of an order by a checker.
struct Approval
{
    UserId approver;
    Timestamp at;
    std::string comment;

    friend bool operator==(const Approval&, const Approval&) = default;
};

//! Everything storage persists for an order (the approvals are child rows). Plain data; an Order
//! is a record that passed Order::fromRecord's invariant checks.
struct OrderRecord
{
    OrderId id;
    OrderRequest request;
    std::int64_t unitsPerContract = 0;    //!< contract size when the order was made
    std::int64_t notionalPriceMicros = 0; //!< limit price, or the reference price for market orders
    Money notional;                       //!< ch::notional(quantity, units, notionalPriceMicros)
    UserId maker;
    Timestamp createdAt;
    OrderState state = OrderState::Draft;
    int requiredApprovals = 0; //!< fixed at submission from the notional (1 or 2); 0 in draft
    std::vector<Approval> approvals;
    ContractCount filledQty = 0; //!< sum of distinct fills, never above quantity
    std::string statusText;      //!< last reason given (rejection, cancellation, expiry)

    friend bool operator==(const OrderRecord&, const OrderRecord&) = default;
};

//! An order: an OrderRecord whose invariants hold. Values never change; the lifecycle functions
//! (order_lifecycle.h) return a new Order together with the event to record.
//! Invariants: id, maker > 0; quantity > 0; limit price iff limit order; date iff good-till-date;
//! notional consistent with quantity × units × price; approvers distinct and never the maker;
//! approvals <= requiredApprovals <= 2 (and equal from approved on); 0 <= filled <= quantity,
//! with filled == quantity exactly when filled, 0 < filled < quantity when partially filled and
//! no fills before the order was sent or when it was rejected.
class Order
{
public:
    //! A new draft. The notional uses the limit price, or `referencePriceMicros` for a market
    //! order. Throws ch::Error naming the first problem checkOrderRequest() finds.
    static Order draft(OrderId id,
                       const OrderRequest& request,
                       const ContractSpec& spec,
                       std::int64_t referencePriceMicros,
                       UserId maker,
                       Timestamp createdAt);
    //! Rebuilds an order from storage; throws ch::Error naming the order and the broken invariant.
    static Order fromRecord(OrderRecord record);

    const OrderRecord& record() const { return m_r; }
    OrderId id() const { return m_r.id; }
    const OrderRequest& request() const { return m_r.request; }
    const std::string& symbol() const { return m_r.request.symbol; }
    Month deliveryMonth() const { return m_r.request.deliveryMonth; }
    Side side() const { return m_r.request.side; }
    ContractCount quantity() const { return m_r.request.quantity; }
    OrderType type() const { return m_r.request.type; }
    std::optional<std::int64_t> limitPriceMicros() const { return m_r.request.limitPriceMicros; }
    TimeInForce timeInForce() const { return m_r.request.timeInForce; }
    std::int64_t unitsPerContract() const { return m_r.unitsPerContract; }
    Money notional() const { return m_r.notional; }
    UserId maker() const { return m_r.maker; }
    Timestamp createdAt() const { return m_r.createdAt; }
    OrderState state() const { return m_r.state; }
    int requiredApprovals() const { return m_r.requiredApprovals; }
    const std::vector<Approval>& approvals() const { return m_r.approvals; }
    ContractCount filledQty() const { return m_r.filledQty; }
    ContractCount leavesQty() const { return m_r.request.quantity - m_r.filledQty; }
    const std::string& statusText() const { return m_r.statusText; }

    //! "order 7 (buy 10 CHG.H100 2026-12 limit 2.35)"
    std::string describe() const;

    friend bool operator==(const Order&, const Order&) = default;

private:
    explicit Order(OrderRecord r)
        : m_r(std::move(r))
    {}
    OrderRecord m_r;
};

//! Canonical one-line text of an order for the audit log's before/after columns:
//! "id=7;symbol=CHG.H100;month=2026-12;side=buy;qty=10;type=limit;limit=2.35;tif=day;...".
std::string orderAuditText(const Order& order);

} // namespace ch::trading
