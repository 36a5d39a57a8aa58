#pragma once

#include "domain/dates.h"
#include "domain/market.h"

#include <functional>
#include <string>

namespace ch::test {

//! A daily series with one point per calendar day in [from, to], valued by `price(date)`.
inline PriceSeries
dailySeries(const std::string& id, Date from, Date to, const std::function<double(Date)>& price)
{
    PriceSeries s{id, {}};
    for (long long d = daysSinceEpoch(from); d <= daysSinceEpoch(to); ++d) {
        const Date date = dateFromDaysSinceEpoch(d);
        s.points.push_back({date, price(date)});
    }
    return s;
}

inline Date isoDate(const char* text)
{
    return *parseIsoDate(text);
}

inline Month isoMonth(const char* text)
{
    return *parseIsoMonth(text);
}

} // namespace ch::test
