#include "trading/pre_trade.h"

#include "domain/error.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ch::trading {

namespace {

std::string percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
    return buf;
}

std::string contractMonth(const Order& o)
{
    return o.symbol() + " " + formatIsoMonth(o.deliveryMonth());
}

PreTradeFinding finding(PreTradeCheck c, Severity s, std::string message)
{
    return PreTradeFinding{c, s, std::move(message)};
}

ContractCount signedQty(const Order& o)
{
    return sideSign(o.side()) * o.quantity();
}

//! How far a hedge ratio lies outside [lo, hi]: negative below, positive above, 0 inside.
double bandGap(double ratio, double lo, double hi)
{
    if (ratio < lo)
        return ratio - lo;
    if (ratio > hi)
        return ratio - hi;
    return 0.0;
}

//! Checks a limit on an absolute size. Over the limit is an Error, unless the trade reduces a size
//! already over it (reducing risk is allowed, with a warning).
std::optional<PreTradeFinding> sizeLimit(PreTradeCheck check,
                                         ContractCount before,
                                         ContractCount after,
                                         ContractCount limit,
                                         const std::string& what,
                                         const std::string& limitName)
{
    if (after <= limit)
        return std::nullopt;
    const std::string text = what + " would be " + std::to_string(after)
                             + " contracts after the trade, above the " + limitName + " limit of "
                             + std::to_string(limit);
    if (after < before)
        return finding(check,
                       Severity::Warning,
                       text + " (the trade reduces it from " + std::to_string(before) + ")");
    return finding(check, Severity::Error, text);
}

} // namespace

const char* preTradeCheckCode(PreTradeCheck c)
{
    switch (c) {
    case PreTradeCheck::PolicyBand:
        return "policy_band";
    case PreTradeCheck::MonthLimit:
        return "month_limit";
    case PreTradeCheck::ContractLimit:
        return "contract_limit";
    case PreTradeCheck::NotionalLimit:
        return "notional_limit";
    case PreTradeCheck::ListedMonth:
        return "listed_month";
    case PreTradeCheck::PriceCollar:
        return "price_collar";
    case PreTradeCheck::Duplicate:
        return "duplicate";
    }
    return "unknown";
}

bool PreTradeReport::passed() const
{
    for (const auto& f : findings)
        if (f.severity == Severity::Error)
            return false;
    return true;
}

const PreTradeFinding* PreTradeReport::find(PreTradeCheck c) const
{
    for (const auto& f : findings)
        if (f.check == c)
            return &f;
    return nullptr;
}

std::string PreTradeReport::errorSummary() const
{
    std::string out;
    for (const auto& f : findings)
        if (f.severity == Severity::Error)
            out += (out.empty() ? "" : "; ") + f.message;
    return out;
}

std::optional<PreTradeFinding> checkPolicyBand(const Order& o, const PreTradeContext& ctx)
{
    const HedgeBandInput& b = ctx.band;
    require(b.exposureUnits >= 0.0 && b.minHedgeRatio <= b.maxHedgeRatio,
            "checkPolicyBand: exposure must be >= 0 and min ratio <= max ratio");
    const ContractCount before = ctx.positionInMonth;
    const ContractCount after = before + signedQty(o);
    const std::string month = formatIsoMonth(o.deliveryMonth());
    if (b.exposureUnits <= 0.0) {
        // No exposure: the only compliant position is flat. Shrinking a position is a warning.
        if (after == 0)
            return std::nullopt;
        const std::string text = "no " + month + " exposure to hedge, yet the position would be "
                                 + std::to_string(after) + " contracts after the trade";
        if (std::llabs(after) < std::llabs(before) && (after > 0) == (before > 0))
            return finding(PreTradeCheck::PolicyBand,
                           Severity::Warning,
                           text + " (reduced from " + std::to_string(before) + ")");
        return finding(PreTradeCheck::PolicyBand, Severity::Error, text);
    }
    const double units = static_cast<double>(o.unitsPerContract());
    const double ratioBefore = static_cast<double>(before) * units / b.exposureUnits;
    const double ratioAfter = static_cast<double>(after) * units / b.exposureUnits;
    const double gapAfter = bandGap(ratioAfter, b.minHedgeRatio, b.maxHedgeRatio);
    if (gapAfter == 0.0)
        return std::nullopt;
    const double gapBefore = bandGap(ratioBefore, b.minHedgeRatio, b.maxHedgeRatio);
    const std::string text = "hedge ratio after the trade would be " + percent(ratioAfter)
                             + " of the " + month + " exposure, "
                             + (gapAfter < 0 ? "below" : "above") + " the policy band "
                             + percent(b.minHedgeRatio) + " to " + percent(b.maxHedgeRatio);
    // Moving toward the band from the same side is allowed with a warning (layered hedging builds
    // positions over several trades); moving away from it, or across it, is an error.
    const bool sameSide = (gapAfter < 0) == (gapBefore < 0) && gapBefore != 0.0;
    if (sameSide && std::fabs(gapAfter) < std::fabs(gapBefore))
        return finding(PreTradeCheck::PolicyBand,
                       Severity::Warning,
                       text + " (moves toward it from " + percent(ratioBefore) + ")");
    return finding(PreTradeCheck::PolicyBand, Severity::Error, text);
}

std::optional<PreTradeFinding> checkMonthLimit(const Order& o, const PreTradeContext& ctx)
{
    const ContractCount before = std::llabs(ctx.positionInMonth);
    const ContractCount after = std::llabs(ctx.positionInMonth + signedQty(o));
    return sizeLimit(PreTradeCheck::MonthLimit,
                     before,
                     after,
                     ctx.limits.maxContractsPerMonth,
                     "the " + contractMonth(o) + " position",
                     "per-month");
}

std::optional<PreTradeFinding> checkContractLimit(const Order& o, const PreTradeContext& ctx)
{
    const ContractCount monthBefore = std::llabs(ctx.positionInMonth);
    const ContractCount monthAfter = std::llabs(ctx.positionInMonth + signedQty(o));
    require(ctx.grossPositionAllMonths >= monthBefore,
            "checkContractLimit: the gross position over all months ("
                + std::to_string(ctx.grossPositionAllMonths)
                + ") is smaller than this month's |position| (" + std::to_string(monthBefore)
                + ")");
    const ContractCount before = ctx.grossPositionAllMonths;
    const ContractCount after = before - monthBefore + monthAfter;
    return sizeLimit(PreTradeCheck::ContractLimit,
                     before,
                     after,
                     ctx.limits.maxContractsPerContract,
                     "the gross " + o.symbol() + " position over all months",
                     "per-contract");
}

std::optional<PreTradeFinding> checkNotionalLimit(const Order& o, const PreTradeContext& ctx)
{
    if (o.notional() <= ctx.limits.maxOrderNotional)
        return std::nullopt;
    return finding(PreTradeCheck::NotionalLimit,
                   Severity::Error,
                   "order notional " + o.notional().toDecimalString()
                       + " USD is above the order limit of "
                       + ctx.limits.maxOrderNotional.toDecimalString() + " USD");
}

std::optional<PreTradeFinding> checkListedMonth(const Order& o, const PreTradeContext& ctx)
{
    require(static_cast<bool>(ctx.lastTradingDay),
            "checkListedMonth: no last-trading-day function");
    const Month delivery = o.deliveryMonth();
    const Month valuationMonth = monthOf(ctx.valuationDate);
    const auto valDays = daysSinceEpoch(ctx.valuationDate);
    if (delivery < valuationMonth || valDays > daysSinceEpoch(ctx.lastTradingDay(delivery))) {
        const Date ltd = ctx.lastTradingDay(delivery);
        return finding(PreTradeCheck::ListedMonth,
                       Severity::Error,
                       contractMonth(o) + " has expired: its last trading day was "
                           + formatIsoDate(ltd) + " (valuation date "
                           + formatIsoDate(ctx.valuationDate) + ")");
    }
    // The front month is the first whose last trading day is not yet past; the exchange lists
    // monthsListed consecutive months from it (market.md §1.5: 36 for CHG contracts).
    const Month front = valDays > daysSinceEpoch(ctx.lastTradingDay(valuationMonth))
                            ? addMonths(valuationMonth, 1)
                            : valuationMonth;
    const Month lastListed = addMonths(front, ctx.spec.monthsListed - 1);
    if (delivery > lastListed)
        return finding(PreTradeCheck::ListedMonth,
                       Severity::Error,
                       contractMonth(o) + " is not listed: listed months are "
                           + formatIsoMonth(front) + " to " + formatIsoMonth(lastListed));
    return std::nullopt;
}

std::optional<PreTradeFinding> checkPriceCollar(const Order& o, const PreTradeContext& ctx)
{
    if (o.type() != OrderType::Limit)
        return std::nullopt; // market orders execute at the reference price plus slippage
    const std::int64_t ref = ctx.referencePriceMicros;
    if (ref <= 0)
        return finding(PreTradeCheck::PriceCollar,
                       Severity::Error,
                       "no reference price for " + contractMonth(o)
                           + "; the limit price cannot be checked against the collar");
    const std::int64_t limit = *o.limitPriceMicros();
    const double deviation = static_cast<double>(limit - ref) / static_cast<double>(ref);
    if (std::fabs(deviation) <= ctx.limits.collarFraction + 1e-12)
        return std::nullopt;
    return finding(PreTradeCheck::PriceCollar,
                   Severity::Error,
                   "limit price " + formatPriceMicros(limit) + " USD is "
                       + percent(std::fabs(deviation)) + (deviation > 0 ? " above" : " below")
                       + " the reference " + formatPriceMicros(ref)
                       + " USD, outside the collar of +/-" + percent(ctx.limits.collarFraction));
}

std::optional<PreTradeFinding> checkDuplicate(const Order& o, const PreTradeContext& ctx)
{
    for (const Order& other : ctx.recentOrders) {
        // Drafts were never submitted, and dead orders no longer risk a double execution.
        const OrderState s = other.state();
        if (other.id() == o.id() || s == OrderState::Draft || s == OrderState::Rejected
            || s == OrderState::Cancelled || s == OrderState::Expired)
            continue;
        if (other.symbol() != o.symbol() || other.deliveryMonth() != o.deliveryMonth()
            || other.side() != o.side() || other.quantity() != o.quantity())
            continue;
        const auto gap = o.createdAt() > other.createdAt() ? o.createdAt() - other.createdAt()
                                                           : other.createdAt() - o.createdAt();
        if (gap > ctx.limits.duplicateWindow)
            continue;
        return finding(PreTradeCheck::Duplicate,
                       Severity::Error,
                       "possible duplicate of " + other.describe() + ", "
                           + orderStateCode(other.state()) + ", created "
                           + formatIsoTimestamp(other.createdAt()) + ", within the "
                           + std::to_string(ctx.limits.duplicateWindow.count()) + " s window");
    }
    return std::nullopt;
}

PreTradeReport runPreTradeChecks(const Order& order, const PreTradeContext& ctx)
{
    require(ctx.spec.symbol == order.symbol(),
            "runPreTradeChecks: context is for " + ctx.spec.symbol + ", " + order.describe()
                + " is not");
    PreTradeReport report{order.id(), {}};
    for (auto check : {checkPolicyBand,
                       checkMonthLimit,
                       checkContractLimit,
                       checkNotionalLimit,
                       checkListedMonth,
                       checkPriceCollar,
                       checkDuplicate})
        if (auto f = check(order, ctx))
            report.findings.push_back(std::move(*f));
    return report;
}

} // namespace ch::trading
