#include "domain/market.h"

#include <algorithm>

namespace ch {

std::optional<DailyPrice> PriceSeries::lastOnOrBefore(Date d) const
{
    auto it = std::upper_bound(
        points.begin(), points.end(), d, [](Date x, const DailyPrice& p) { return x < p.date; });
    if (it == points.begin())
        return std::nullopt;
    return *(it - 1);
}

PriceSeries PriceSeries::slice(std::optional<Date> from, std::optional<Date> to) const
{
    PriceSeries out{indexId, {}};
    for (const auto& p : points) {
        if ((from && p.date < *from) || (to && p.date > *to))
            continue;
        out.points.push_back(p);
    }
    return out;
}

const char* exchangeStyleCode(ExchangeStyle s)
{
    switch (s) {
    case ExchangeStyle::CmeStyle:
        return "CME-style";
    case ExchangeStyle::IceStyle:
        return "ICE-style";
    case ExchangeStyle::ShfeStyle:
        return "SHFE-style";
    }
    return "?";
}

bool parseExchangeStyle(const std::string& text, ExchangeStyle& out)
{
    for (auto s : {ExchangeStyle::CmeStyle, ExchangeStyle::IceStyle, ExchangeStyle::ShfeStyle}) {
        if (text == exchangeStyleCode(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

template <class Range, class Key, class Proj>
static auto findBy(const Range& r, const Key& key, Proj proj) -> decltype(&*r.begin())
{
    auto it = std::find_if(r.begin(), r.end(), [&](const auto& v) { return proj(v) == key; });
    return it == r.end() ? nullptr : &*it;
}

const IndexDefinition* MarketDataSet::findIndex(const std::string& id) const
{
    return findBy(indices, id, [](const IndexDefinition& i) { return i.id; });
}

const PriceSeries* MarketDataSet::findSeries(const std::string& id) const
{
    return findBy(series, id, [](const PriceSeries& s) { return s.indexId; });
}

const ContractSpec* MarketDataSet::findContract(const std::string& symbol) const
{
    return findBy(contracts, symbol, [](const ContractSpec& c) { return c.symbol; });
}

} // namespace ch
