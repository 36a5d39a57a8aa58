#include "domain/dates.h"

#include <cstdio>

namespace ch {

using namespace std::chrono;

namespace {

//! Reads exactly `width` decimal digits at `pos`; false if any is not a digit.
bool readDigits(std::string_view text, std::size_t pos, std::size_t width, int& out)
{
    if (pos + width > text.size())
        return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::string twoDigits(unsigned v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v % 100u);
    return buf;
}

std::string fourDigits(int v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", v);
    return buf;
}

} // namespace

std::optional<Month> parseIsoMonth(std::string_view text)
{
    int y = 0;
    int m = 0;
    if (text.size() != 7 || text[4] != '-' || !readDigits(text, 0, 4, y)
        || !readDigits(text, 5, 2, m))
        return std::nullopt;
    const Month ym{year{y}, month{static_cast<unsigned>(m)}};
    if (!ym.ok())
        return std::nullopt;
    return ym;
}

std::optional<Date> parseIsoDate(std::string_view text)
{
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !readDigits(text, 0, 4, y)
        || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d))
        return std::nullopt;
    const Date ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return ymd;
}

std::optional<Timestamp> parseIsoTimestamp(std::string_view text)
{
    int hh = 0;
    int mm = 0;
    int ss = 0;
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':'
        || text[19] != 'Z')
        return std::nullopt;
    const auto date = parseIsoDate(text.substr(0, 10));
    if (!date || !readDigits(text, 11, 2, hh) || !readDigits(text, 14, 2, mm)
        || !readDigits(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59)
        return std::nullopt;
    return sys_days{*date} + hours{hh} + minutes{mm} + seconds{ss};
}

std::string formatIsoMonth(Month m)
{
    return fourDigits(static_cast<int>(m.year())) + "-"
           + twoDigits(static_cast<unsigned>(m.month()));
}

std::string formatIsoDate(Date d)
{
    return fourDigits(static_cast<int>(d.year())) + "-"
           + twoDigits(static_cast<unsigned>(d.month())) + "-"
           + twoDigits(static_cast<unsigned>(d.day()));
}

std::string formatIsoTimestamp(Timestamp t)
{
    const auto dayPoint = floor<days>(t);
    const hh_mm_ss<seconds> tod{t - dayPoint};
    return formatIsoDate(Date{dayPoint}) + "T"
           + twoDigits(static_cast<unsigned>(tod.hours().count())) + ":"
           + twoDigits(static_cast<unsigned>(tod.minutes().count())) + ":"
           + twoDigits(static_cast<unsigned>(tod.seconds().count())) + "Z";
}

int monthsBetween(Month from, Month to)
{
    return static_cast<int>((to - from).count());
}

Month addMonths(Month m, int n)
{
    return m + months{n};
}

int daysInMonth(Month m)
{
    return static_cast<int>(static_cast<unsigned>((m / last).day()));
}

Date firstDay(Month m)
{
    return m / day{1};
}

Date lastDay(Month m)
{
    return Date{m / last};
}

Month monthOf(Date d)
{
    return d.year() / d.month();
}

long long daysSinceEpoch(Date d)
{
    return sys_days{d}.time_since_epoch().count();
}

Date dateFromDaysSinceEpoch(long long n)
{
    return Date{sys_days{days{n}}};
}

double yearFractionAct365(Date from, Date to)
{
    return static_cast<double>(daysSinceEpoch(to) - daysSinceEpoch(from)) / 365.0;
}

} // namespace ch
