#include "pricing/calendar.h"

#include "domain/error.h"

#include <algorithm>

namespace ch::pricing {

using namespace std::chrono;

namespace {

Date nthWeekday(int y, month m, weekday wd, unsigned n)
{
    return Date{sys_days{year{y} / m / wd[n]}};
}

Date lastWeekday(int y, month m, weekday wd)
{
    return Date{sys_days{year{y} / m / wd[last]}};
}

//! Saturday -> Friday before, Sunday -> Monday after (the NYMEX/CME and federal rule).
Date observedFixedDate(Date d)
{
    const weekday wd{sys_days{d}};
    if (wd == Saturday)
        return Date{sys_days{d} - days{1}};
    if (wd == Sunday)
        return Date{sys_days{d} + days{1}};
    return d;
}

bool isWeekend(Date d)
{
    const weekday wd{sys_days{d}};
    return wd == Saturday || wd == Sunday;
}

} // namespace

Date easterSunday(int y)
{
    // Anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", 2nd ed. 1998, ch. 8;
    // first published in Nature, 1876), exact for every Gregorian year.
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int monthNumber = (h + l - 7 * m + 114) / 31;
    const int dayNumber = (h + l - 7 * m + 114) % 31 + 1;
    return Date{
        year{y}, month{static_cast<unsigned>(monthNumber)}, day{static_cast<unsigned>(dayNumber)}};
}

std::vector<UsHoliday> usHolidays(int y)
{
    std::vector<UsHoliday> out;
    const Date newYear{year{y}, January, day{1}};
    // New Year's Day on a Saturday is not moved to Friday 31 December (NYSE Rule 7.2; NYMEX
    // settled as usual on 2021-12-31), so it only ever moves forward to Monday 2 January.
    if (weekday{sys_days{newYear}} == Sunday)
        out.push_back({Date{year{y}, January, day{2}}, "New Year's Day"});
    else if (weekday{sys_days{newYear}} != Saturday)
        out.push_back({newYear, "New Year's Day"});
    out.push_back({nthWeekday(y, January, Monday, 3), "Martin Luther King Jr. Day"});
    out.push_back({nthWeekday(y, February, Monday, 3), "Presidents' Day"});
    out.push_back({Date{sys_days{easterSunday(y)} - days{2}}, "Good Friday"});
    out.push_back({lastWeekday(y, May, Monday), "Memorial Day"});
    if (y >= 2022) // first observed by NYSE and CME in 2022
        out.push_back({observedFixedDate(Date{year{y}, June, day{19}}), "Juneteenth"});
    out.push_back({observedFixedDate(Date{year{y}, July, day{4}}), "Independence Day"});
    out.push_back({nthWeekday(y, September, Monday, 1), "Labor Day"});
    out.push_back({nthWeekday(y, November, Thursday, 4), "Thanksgiving"});
    out.push_back({observedFixedDate(Date{year{y}, December, day{25}}), "Christmas"});
    std::sort(out.begin(), out.end(), [](const UsHoliday& a, const UsHoliday& b) {
        return a.observed < b.observed;
    });
    return out;
}

bool isUsBusinessDay(Date d)
{
    require(d.ok(), "isUsBusinessDay: invalid date");
    if (isWeekend(d))
        return false;
    // Every observed holiday falls in its own calendar year (the only rule that could move one
    // across a year end, New Year's Day on a Saturday, is not applied), so one year suffices.
    const auto holidays = usHolidays(static_cast<int>(d.year()));
    return std::none_of(
        holidays.begin(), holidays.end(), [d](const UsHoliday& h) { return h.observed == d; });
}

std::vector<Date> businessDaysBetween(Date from, Date to)
{
    require(from.ok() && to.ok(), "businessDaysBetween: invalid date");
    std::vector<Date> out;
    if (from > to)
        return out;
    // One holiday list per calendar year rather than per day: this runs over years of history.
    int holidayYear = static_cast<int>(from.year());
    auto holidays = usHolidays(holidayYear);
    for (sys_days d{from}; d <= sys_days{to}; d += days{1}) {
        const Date date{d};
        if (static_cast<int>(date.year()) != holidayYear) {
            holidayYear = static_cast<int>(date.year());
            holidays = usHolidays(holidayYear);
        }
        if (isWeekend(date))
            continue;
        const bool holiday = std::any_of(holidays.begin(),
                                         holidays.end(),
                                         [date](const UsHoliday& h) { return h.observed == date; });
        if (!holiday)
            out.push_back(date);
    }
    return out;
}

std::vector<Date> businessDaysOf(Month m)
{
    require(m.ok(), "businessDaysOf: invalid month");
    return businessDaysBetween(firstDay(m), lastDay(m));
}

Date lastBusinessDay(Month m)
{
    const auto daysOfMonth = businessDaysOf(m);
    // A month has at least 20 weekdays and at most two holidays, so this cannot be empty.
    return daysOfMonth.back();
}

Month valuationMonth(Date valuationDate)
{
    require(valuationDate.ok(), "valuationMonth: invalid valuation date");
    return monthOf(valuationDate);
}

std::vector<Month> deliveryMonths(Date valuationDate, int count)
{
    require(count >= 0, "deliveryMonths: count must be zero or more, got " + std::to_string(count));
    const Month first = valuationMonth(valuationDate);
    std::vector<Month> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 1; i <= count; ++i)
        out.push_back(addMonths(first, i));
    return out;
}

} // namespace ch::pricing
