#pragma once

#include "domain/dates.h"

#include <string>
#include <vector>

namespace ch::pricing {

//! A US exchange holiday as observed (the date the market is closed), with its name.
struct UsHoliday
{
    Date observed{};
    std::string name;

    friend bool operator==(const UsHoliday&, const UsHoliday&) = default;
};

//! The NYMEX/CME full-day holidays observed in calendar year `year`, sorted by date: New Year's
//! Day, Martin Luther King Jr. Day, Presidents' Day, Good Friday, Memorial Day, Juneteenth (from
//! 2022), Independence Day, Labor Day, Thanksgiving and Christmas. A holiday on a Saturday is
//! observed on the Friday before and one on a Sunday on the Monday after, except that New Year's
//! Day on a Saturday is not observed at all (the exchanges stay open on 31 December, as NYSE Rule
//! 7.2 states and as NYMEX did on 2021-12-31). Unscheduled closures (e.g. national days of
//! mourning) are not modelled.
std::vector<UsHoliday> usHolidays(int year);

//! Easter Sunday of `year` (Gregorian calendar; anonymous "Meeus/Jones/Butcher" computus).
Date easterSunday(int year);

//! True when `d` is a weekday that is not a NYMEX/CME holiday (see usHolidays).
bool isUsBusinessDay(Date d);
//! The business days of `m`, in order. Never empty (every month has weekdays that are not all
//! holidays).
std::vector<Date> businessDaysOf(Month m);
//! The business days in [from, to], in order; empty when from > to.
std::vector<Date> businessDaysBetween(Date from, Date to);
//! The last business day of `m`: the last trading day of a CME-style monthly contract
//! (shared/reference/market.md §1.1).
Date lastBusinessDay(Month m);

//! The month that contains the valuation date; tenors count from here (STYLE.md §3).
Month valuationMonth(Date valuationDate);
//! Delivery months 1..count after the valuation month (a curve never includes the current month,
//! whose settlement average is already partly fixed). Requires count >= 0.
std::vector<Month> deliveryMonths(Date valuationDate, int count);

} // namespace ch::pricing
