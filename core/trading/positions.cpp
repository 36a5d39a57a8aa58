#include "trading/positions.h"

#include "domain/error.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

namespace ch::trading {

namespace {

// __extension__ marks the GCC 128-bit integer as intended under -Wpedantic (as in units.cpp).
__extension__ typedef __int128 Int128;

std::int64_t toInt64(Int128 v, const char* what)
{
    require(v <= INT64_MAX && v >= INT64_MIN, std::string(what) + " overflows int64");
    return static_cast<std::int64_t>(v);
}

//! a × b / c rounded half away from zero, exact in 128 bits.
std::int64_t mulDivRound(std::int64_t a, std::int64_t b, std::int64_t c)
{
    const Int128 num = static_cast<Int128>(a) * b;
    Int128 q = num / c;
    const Int128 r = num % c;
    if (2 * (r < 0 ? -r : r) >= (c < 0 ? -c : c))
        q += ((num < 0) != (c < 0)) ? -1 : 1;
    return toInt64(q, "mulDivRound");
}

std::string key(const Position& p)
{
    return p.symbol + " " + formatIsoMonth(p.deliveryMonth);
}

} // namespace

Position Position::flat(std::string symbol, Month deliveryMonth, std::int64_t unitsPerContract)
{
    require(unitsPerContract > 0, "Position: units per contract must be positive");
    Position p;
    p.symbol = std::move(symbol);
    p.deliveryMonth = deliveryMonth;
    p.unitsPerContract = unitsPerContract;
    return p;
}

std::int64_t Position::averagePriceMicros() const
{
    return netQty == 0 ? 0 : mulDivRound(openCostMicros, 1, std::llabs(netQty));
}

Money Position::netRealisedPnl() const
{
    return realisedPnl - fees;
}

PositionUpdate applyFill(const Position& position, const Fill& fill)
{
    require(fill.symbol == position.symbol && fill.deliveryMonth == position.deliveryMonth,
            "applyFill: fill " + fill.execId + " (" + fill.symbol + " "
                + formatIsoMonth(fill.deliveryMonth) + ") does not belong to position "
                + key(position));
    require(fill.unitsPerContract == position.unitsPerContract,
            "applyFill: fill " + fill.execId + " has " + std::to_string(fill.unitsPerContract)
                + " units per contract, position " + key(position) + " has "
                + std::to_string(position.unitsPerContract));
    require(!position.settled,
            "applyFill: position " + key(position) + " is settled; fill " + fill.execId
                + " cannot be booked");
    require(fill.quantity > 0 && fill.priceMicros > 0,
            "applyFill: fill " + fill.execId + " needs a positive quantity and price");
    PositionUpdate out{position, 0, Money::zero()};
    Position& p = out.position;
    const int sign = sideSign(fill.side);
    ContractCount remaining = fill.quantity;
    if (p.netQty != 0 && (p.netQty > 0) != (sign > 0)) {
        // Reduce: close min(|net|, qty) contracts at the fill price against the average cost.
        const ContractCount open = std::llabs(p.netQty);
        const ContractCount closed = std::min(open, remaining);
        const std::int64_t removedCost =
            closed == open ? p.openCostMicros : mulDivRound(p.openCostMicros, closed, open);
        const Int128 proceeds = static_cast<Int128>(closed) * fill.priceMicros;
        const Int128 pnlContractMicros =
            p.netQty > 0 ? proceeds - removedCost : removedCost - proceeds;
        out.realised = notional(1, p.unitsPerContract, toInt64(pnlContractMicros, "realised P&L"));
        out.closedQty = closed;
        p.realisedPnl += out.realised;
        p.openCostMicros -= removedCost;
        p.netQty += sign * closed;
        remaining -= closed;
    }
    if (remaining > 0) {
        p.openCostMicros = toInt64(static_cast<Int128>(p.openCostMicros)
                                       + static_cast<Int128>(remaining) * fill.priceMicros,
                                   "open cost");
        p.netQty += sign * remaining;
    }
    p.fees += fill.fee;
    return out;
}

Money unrealisedPnl(const Position& p, std::int64_t markMicros)
{
    if (p.netQty == 0)
        return Money::zero();
    const Int128 value = static_cast<Int128>(std::llabs(p.netQty)) * markMicros;
    const Int128 pnl = p.netQty > 0 ? value - p.openCostMicros : p.openCostMicros - value;
    return notional(1, p.unitsPerContract, toInt64(pnl, "unrealised P&L"));
}

SettlementResult
cashSettle(const Position& p, std::int64_t finalSettlementMicros, std::int64_t feeCentsPerContract)
{
    require(!p.settled, "cashSettle: position " + key(p) + " is already settled");
    require(finalSettlementMicros > 0 && feeCentsPerContract >= 0,
            "cashSettle: the final settlement price must be positive and the fee non-negative");
    SettlementResult out{p, std::llabs(p.netQty), Money::zero(), Money::zero()};
    out.realised = unrealisedPnl(p, finalSettlementMicros);
    out.fee =
        Money(Currency::Usd,
              toInt64(static_cast<Int128>(feeCentsPerContract) * out.settledQty, "settlement fee"));
    Position& s = out.position;
    s.realisedPnl += out.realised;
    s.fees += out.fee;
    s.netQty = 0;
    s.openCostMicros = 0;
    s.settled = true;
    return out;
}

std::int64_t monthlyAverageMicros(const std::vector<std::int64_t>& fixings)
{
    require(!fixings.empty(), "monthlyAverageMicros: no index fixings for the month");
    Int128 sum = 0;
    for (std::int64_t f : fixings) {
        require(f > 0, "monthlyAverageMicros: fixing " + std::to_string(f) + " is not positive");
        sum += f;
    }
    const std::int64_t n = static_cast<std::int64_t>(fixings.size());
    // Split the 128-bit sum so mulDivRound's 64-bit inputs cannot overflow: sum = hi·n + lo.
    const std::int64_t hi = toInt64(sum / n, "index average");
    const std::int64_t lo = toInt64(sum % n, "index average");
    return hi + mulDivRound(lo, 1, n);
}

std::vector<Position> buildPositions(const std::vector<Fill>& fills)
{
    std::vector<const Fill*> ordered;
    ordered.reserve(fills.size());
    for (const Fill& f : fills)
        ordered.push_back(&f);
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const Fill* a, const Fill* b) { return a->at < b->at; });
    std::map<std::tuple<std::string, int, unsigned>, Position> book;
    for (const Fill* f : ordered) {
        const auto k = std::tuple{f->symbol,
                                  static_cast<int>(f->deliveryMonth.year()),
                                  static_cast<unsigned>(f->deliveryMonth.month())};
        auto it = book.find(k);
        if (it == book.end())
            it = book.emplace(k, Position::flat(f->symbol, f->deliveryMonth, f->unitsPerContract))
                     .first;
        it->second = applyFill(it->second, *f).position;
    }
    std::vector<Position> out;
    out.reserve(book.size());
    for (auto& [k, p] : book)
        out.push_back(std::move(p));
    return out;
}

} // namespace ch::trading
