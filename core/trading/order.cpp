#include "trading/order.h"

#include "domain/error.h"

#include <algorithm>
#include <array>

namespace ch::trading {

namespace {

constexpr std::array<const char*, 2> kSideCodes{"buy", "sell"};
constexpr std::array<const char*, 2> kTypeCodes{"market", "limit"};
constexpr std::array<const char*, 3> kTifCodes{"day", "gtc", "gtd"};
constexpr std::array<const char*, kOrderStateCount> kStateCodes{"draft",
                                                                "pending_approval",
                                                                "approved",
                                                                "sent",
                                                                "partially_filled",
                                                                "filled",
                                                                "rejected",
                                                                "cancelled",
                                                                "expired"};

template <class E, std::size_t N>
std::optional<E> parseCode(const std::array<const char*, N>& codes, std::string_view code)
{
    for (std::size_t i = 0; i < N; ++i)
        if (code == codes[i])
            return static_cast<E>(i);
    return std::nullopt;
}

template <class E, std::size_t N>
const char* codeOf(const std::array<const char*, N>& codes, E value)
{
    return codes.at(static_cast<std::size_t>(value));
}

Issue orderIssue(const std::string& field, const std::string& message)
{
    return Issue{"order", 0, field, Severity::Error, message};
}

//! Checks that need no contract spec; shared by checkOrderRequest and Order::fromRecord.
void checkRequestShape(const OrderRequest& r, std::vector<Issue>& issues)
{
    if (r.symbol.empty())
        issues.push_back(orderIssue("symbol", "the contract symbol is empty"));
    if (!r.deliveryMonth.ok())
        issues.push_back(orderIssue("delivery_month", "the delivery month is not a valid month"));
    if (r.quantity <= 0)
        issues.push_back(
            orderIssue("quantity",
                       std::to_string(r.quantity) + " contracts; the quantity must be at least 1"));
    if (r.type == OrderType::Limit) {
        if (!r.limitPriceMicros)
            issues.push_back(orderIssue("limit_price", "a limit order needs a limit price"));
        else if (*r.limitPriceMicros <= 0)
            issues.push_back(orderIssue("limit_price",
                                        formatPriceMicros(*r.limitPriceMicros)
                                            + " USD; the limit price must be positive"));
    } else if (r.limitPriceMicros) {
        issues.push_back(orderIssue("limit_price", "a market order takes no limit price"));
    }
    if (r.timeInForce == TimeInForce::GoodTillDate) {
        if (!r.goodTillDate || !r.goodTillDate->ok())
            issues.push_back(
                orderIssue("good_till_date", "a good-till-date order needs a valid date"));
    } else if (r.goodTillDate) {
        issues.push_back(orderIssue("good_till_date",
                                    "only good-till-date orders take a date (time in force is "
                                        + std::string(timeInForceCode(r.timeInForce)) + ")"));
    }
}

} // namespace

const char* sideCode(Side s)
{
    return codeOf(kSideCodes, s);
}
std::optional<Side> parseSideCode(std::string_view code)
{
    return parseCode<Side>(kSideCodes, code);
}
const char* orderTypeCode(OrderType t)
{
    return codeOf(kTypeCodes, t);
}
std::optional<OrderType> parseOrderTypeCode(std::string_view code)
{
    return parseCode<OrderType>(kTypeCodes, code);
}
const char* timeInForceCode(TimeInForce t)
{
    return codeOf(kTifCodes, t);
}
std::optional<TimeInForce> parseTimeInForceCode(std::string_view code)
{
    return parseCode<TimeInForce>(kTifCodes, code);
}
const char* orderStateCode(OrderState s)
{
    return codeOf(kStateCodes, s);
}
std::optional<OrderState> parseOrderStateCode(std::string_view code)
{
    return parseCode<OrderState>(kStateCodes, code);
}

int sideSign(Side s)
{
    return s == Side::Buy ? 1 : -1;
}

bool isTerminal(OrderState s)
{
    return s == OrderState::Filled || s == OrderState::Rejected || s == OrderState::Cancelled
           || s == OrderState::Expired;
}

std::string formatPriceMicros(std::int64_t micros)
{
    const bool negative = micros < 0;
    const std::uint64_t mag =
        negative ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
    std::string frac = std::to_string(mag % 1'000'000);
    frac.insert(0, 6 - frac.size(), '0');
    while (frac.size() > 2 && frac.back() == '0')
        frac.pop_back();
    return (negative ? "-" : "") + std::to_string(mag / 1'000'000) + "." + frac;
}

std::vector<Issue> checkOrderRequest(const OrderRequest& request, const ContractSpec& spec)
{
    std::vector<Issue> issues;
    checkRequestShape(request, issues);
    if (!request.symbol.empty() && request.symbol != spec.symbol)
        issues.push_back(orderIssue(
            "symbol", "\"" + request.symbol + "\" does not match the contract " + spec.symbol));
    if (request.type == OrderType::Limit && request.limitPriceMicros
        && *request.limitPriceMicros > 0 && spec.tickMicros > 0
        && *request.limitPriceMicros % spec.tickMicros != 0)
        issues.push_back(orderIssue("limit_price",
                                    formatPriceMicros(*request.limitPriceMicros)
                                        + " USD is not a multiple of the tick "
                                        + formatPriceMicros(spec.tickMicros) + " USD"));
    return issues;
}

Order Order::draft(OrderId id,
                   const OrderRequest& request,
                   const ContractSpec& spec,
                   std::int64_t referencePriceMicros,
                   UserId maker,
                   Timestamp createdAt)
{
    const auto issues = checkOrderRequest(request, spec);
    require(issues.empty(),
            "order " + idText(id) + ": " + (issues.empty() ? "" : issues.front().toString()));
    const std::int64_t price =
        request.type == OrderType::Limit ? *request.limitPriceMicros : referencePriceMicros;
    require(price > 0,
            "order " + idText(id) + ": a market order needs a positive reference price, got "
                + formatPriceMicros(price));
    OrderRecord r;
    r.id = id;
    r.request = request;
    r.unitsPerContract = spec.unitsPerContract;
    r.notionalPriceMicros = price;
    r.notional = ch::notional(request.quantity, spec.unitsPerContract, price);
    r.maker = maker;
    r.createdAt = createdAt;
    return fromRecord(std::move(r));
}

Order Order::fromRecord(OrderRecord r)
{
    const std::string who = "order " + idText(r.id) + ": ";
    require(r.id.value > 0, who + "the id must be positive");
    require(r.maker.value > 0, who + "the maker id must be positive");
    std::vector<Issue> issues;
    checkRequestShape(r.request, issues);
    require(issues.empty(), who + (issues.empty() ? "" : issues.front().toString()));
    require(r.unitsPerContract > 0 && r.notionalPriceMicros > 0,
            who + "units per contract and the notional price must be positive");
    require(r.notional
                == ch::notional(r.request.quantity, r.unitsPerContract, r.notionalPriceMicros),
            who + "notional " + r.notional.toDecimalString()
                + " USD does not match quantity x units x price");
    require(r.requiredApprovals >= 0 && r.requiredApprovals <= 2,
            who + "required approvals must be 0, 1 or 2, got "
                + std::to_string(r.requiredApprovals));
    require(static_cast<int>(r.approvals.size()) <= r.requiredApprovals,
            who + std::to_string(r.approvals.size()) + " approvals recorded but only "
                + std::to_string(r.requiredApprovals) + " required");
    for (std::size_t i = 0; i < r.approvals.size(); ++i) {
        require(r.approvals[i].approver != r.maker, who + "the maker cannot be an approver");
        for (std::size_t j = 0; j < i; ++j)
            require(r.approvals[i].approver != r.approvals[j].approver,
                    who + "the same user approved twice");
    }
    const bool approvedStage = r.state == OrderState::Approved || r.state == OrderState::Sent
                               || r.state == OrderState::PartiallyFilled
                               || r.state == OrderState::Filled;
    require(!approvedStage
                || (r.requiredApprovals >= 1
                    && static_cast<int>(r.approvals.size()) == r.requiredApprovals),
            who + "state " + orderStateCode(r.state) + " needs all "
                + std::to_string(r.requiredApprovals) + " approvals, has "
                + std::to_string(r.approvals.size()));
    // Only a draft, or a draft cancelled before submission, has no approval requirement yet.
    require(r.state != OrderState::Draft || r.requiredApprovals == 0,
            who + "a draft has no approval requirement yet");
    require(r.state == OrderState::Draft || r.state == OrderState::Cancelled
                || r.requiredApprovals >= 1,
            who + "a submitted order needs at least one required approval");
    require(r.filledQty >= 0 && r.filledQty <= r.request.quantity,
            who + "filled " + std::to_string(r.filledQty) + " is outside 0.."
                + std::to_string(r.request.quantity));
    const bool mayHaveFills = r.state == OrderState::PartiallyFilled
                              || r.state == OrderState::Filled || r.state == OrderState::Cancelled
                              || r.state == OrderState::Expired;
    require(mayHaveFills || r.filledQty == 0,
            who + "state " + orderStateCode(r.state) + " cannot have fills");
    require(r.state != OrderState::Filled || r.filledQty == r.request.quantity,
            who + "a filled order must have filled its whole quantity");
    require(r.state != OrderState::PartiallyFilled
                || (r.filledQty > 0 && r.filledQty < r.request.quantity),
            who + "a partially filled order needs 0 < filled < quantity");
    return Order(std::move(r));
}

std::string Order::describe() const
{
    std::string s = "order " + idText(m_r.id) + " (" + sideCode(side()) + " "
                    + std::to_string(quantity()) + " " + symbol() + " "
                    + formatIsoMonth(deliveryMonth()) + " ";
    s += type() == OrderType::Limit ? "limit " + formatPriceMicros(*limitPriceMicros()) : "market";
    return s + ")";
}

std::string orderAuditText(const Order& o)
{
    const OrderRecord& r = o.record();
    std::string s =
        "id=" + idText(r.id) + ";symbol=" + r.request.symbol + ";month="
        + formatIsoMonth(r.request.deliveryMonth) + ";side=" + sideCode(r.request.side) + ";qty="
        + std::to_string(r.request.quantity) + ";type=" + orderTypeCode(r.request.type) + ";limit="
        + (r.request.limitPriceMicros ? formatPriceMicros(*r.request.limitPriceMicros) : "")
        + ";tif=" + timeInForceCode(r.request.timeInForce)
        + ";gtd=" + (r.request.goodTillDate ? formatIsoDate(*r.request.goodTillDate) : "")
        + ";notional=" + r.notional.toDecimalString() + ";maker=" + std::to_string(r.maker.value)
        + ";state=" + orderStateCode(r.state)
        + ";required_approvals=" + std::to_string(r.requiredApprovals) + ";approvers=";
    for (std::size_t i = 0; i < r.approvals.size(); ++i)
        s += (i ? "," : "") + std::to_string(r.approvals[i].approver.value);
    return s + ";filled=" + std::to_string(r.filledQty) + ";status=" + r.statusText;
}

} // namespace ch::trading
