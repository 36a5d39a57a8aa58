#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ch {

// GCC 12 has the C++20 calendar types but neither std::format nor chrono parsing, so ISO text
// conversion lives here (STYLE.md §3). Storage keeps dates as ISO TEXT.

using Month = std::chrono::year_month;      //!< plan and delivery months
using Date = std::chrono::year_month_day;   //!< trade and valuation dates
using Timestamp = std::chrono::sys_seconds; //!< audit timestamps, UTC

//! "2026-03" -> 2026y/March; nullopt for anything else (including "2026-3", "2026-13").
std::optional<Month> parseIsoMonth(std::string_view text);
//! "2026-03-31" -> date; nullopt for malformed text or an impossible date (2026-02-30).
std::optional<Date> parseIsoDate(std::string_view text);
//! "2026-03-31T14:05:09Z" -> timestamp; nullopt otherwise.
std::optional<Timestamp> parseIsoTimestamp(std::string_view text);

std::string formatIsoMonth(Month m);         //!< "2026-03"
std::string formatIsoDate(Date d);           //!< "2026-03-31"
std::string formatIsoTimestamp(Timestamp t); //!< "2026-03-31T14:05:09Z"

//! Whole months from `from` to `to` (to - from); negative when `to` is earlier.
int monthsBetween(Month from, Month to);
Month addMonths(Month m, int months);
int daysInMonth(Month m);
Date firstDay(Month m);
Date lastDay(Month m);
Month monthOf(Date d);
//! Days since 1970-01-01, handy for charts and arithmetic.
long long daysSinceEpoch(Date d);
Date dateFromDaysSinceEpoch(long long days);
//! Year fraction between two dates on an ACT/365 basis (used for option expiry and vol scaling).
double yearFractionAct365(Date from, Date to);

} // namespace ch
