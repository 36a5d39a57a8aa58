#include "storage/desk_market.h"

#include "domain/error.h"
#include "pricing/calendar.h"

#include <cmath>

namespace ch::storage {

namespace {

std::int64_t toTick(double usd, std::int64_t tickMicros)
{
    const double ticks = std::round(usd * 1e6 / static_cast<double>(tickMicros));
    return static_cast<std::int64_t>(ticks) * tickMicros;
}

const PriceSeries* seriesOf(const MarketDataSet& data, const std::string& indexId)
{
    for (const auto& s : data.series)
        if (s.indexId == indexId)
            return &s;
    return nullptr;
}

Month monthOf(Date d)
{
    return Month{d.year(), d.month()};
}

} // namespace

DeskMarket::DeskMarket(MarketDataSet data)
    : m_data(std::move(data))
    , m_snapshot(pricing::buildMarketSnapshot(m_data, m_data.info.valuationDate))
{}

DeskMarket::DeskMarket(MarketDataSet data, pricing::MarketSnapshot snapshot)
    : m_data(std::move(data))
    , m_snapshot(std::move(snapshot))
{}

const ContractSpec& DeskMarket::spec(const std::string& symbol) const
{
    for (const auto& c : m_data.contracts)
        if (c.symbol == symbol)
            return c;
    throw Error("contract " + symbol + " does not exist in this workspace");
}

std::optional<std::int64_t> DeskMarket::referencePriceMicros(const std::string& symbol,
                                                             Month month) const
{
    const ContractSpec& c = spec(symbol);
    if (month == monthOf(valuationDate())) {
        const PriceSeries* s = seriesOf(m_data, c.underlyingIndex);
        if (s == nullptr)
            return std::nullopt;
        const auto p = s->lastOnOrBefore(valuationDate());
        if (!p)
            return std::nullopt;
        return toTick(p->usd, c.tickMicros);
    }
    const pricing::ForwardCurve* curve = m_snapshot.findCurve(c.underlyingIndex);
    if (curve == nullptr)
        return std::nullopt;
    for (const auto& point : curve->points)
        if (point.delivery == month)
            return toTick(point.usd, c.tickMicros);
    return std::nullopt;
}

std::string DeskMarket::referenceSource(const std::string& symbol, Month month) const
{
    const ContractSpec& c = spec(symbol);
    if (month == monthOf(valuationDate()))
        return "index level of " + c.underlyingIndex + " on " + formatIsoDate(valuationDate());
    return "forward curve of " + c.underlyingIndex + " as of " + formatIsoDate(valuationDate());
}

PreTradeInputs DeskMarket::preTradeInputs(const std::string& symbol,
                                          Month month,
                                          const HedgeBandSource& bands) const
{
    const auto price = referencePriceMicros(symbol, month);
    require(price.has_value(),
            "no reference price for " + symbol + " " + formatIsoMonth(month) + " as of "
                + formatIsoDate(valuationDate())
                + ": the month is not on the forward curve (the curve covers the 36 months after "
                  "the valuation month)");
    PreTradeInputs in;
    in.valuationDate = valuationDate();
    in.lastTradingDay = [](Month m) { return pricing::lastBusinessDay(m); };
    in.referencePriceMicros = *price;
    if (bands)
        in.band = bands(symbol, month);
    return in;
}

std::vector<trading::Mark> DeskMarket::marksFor(const std::vector<trading::Position>& positions,
                                                Date date) const
{
    std::vector<trading::Mark> out;
    for (const auto& p : positions) {
        if (p.netQty == 0 || p.settled)
            continue;
        if (auto price = referencePriceMicros(p.symbol, p.deliveryMonth))
            out.push_back(trading::Mark{date, p.symbol, p.deliveryMonth, *price});
    }
    return out;
}

std::optional<PositionMark> DeskMarket::currentMark(const trading::Position& p,
                                                    const std::vector<trading::Mark>& stored,
                                                    Date today) const
{
    const trading::Mark* best = nullptr;
    for (const auto& m : stored)
        if (m.symbol == p.symbol && m.deliveryMonth == p.deliveryMonth && m.date <= today
            && (best == nullptr || m.date > best->date))
            best = &m;
    if (best != nullptr)
        return PositionMark{best->priceMicros, best->date, "stored mark"};
    if (auto price = referencePriceMicros(p.symbol, p.deliveryMonth))
        return PositionMark{*price, valuationDate(), referenceSource(p.symbol, p.deliveryMonth)};
    return std::nullopt;
}

} // namespace ch::storage
