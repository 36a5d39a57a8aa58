#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "domain/units.h"

#include <QLocale>
#include <QString>

#include <cstdint>

//! The one place numbers become text for people (STYLE.md §5). Models and widgets call these and
//! never format numbers themselves.
//!
//! Locale choice: every number is formatted in English (United States) conventions, with ","
//! grouping thousands and "." as the decimal point, whatever the system locale. Amounts are shown
//! next to ISO currency codes and pasted into spreadsheets and reports; one fixed convention keeps
//! the screen, CSV exports, the user guide and the screenshots identical, and avoids reading
//! "1.234" as one thousand on one machine and one point two on another. Dates are ISO 8601
//! ("2026-10-30"), months "2026-10". Translated UI text is unaffected: only numbers are fixed.
//!
//! Values that are not finite (NaN, infinity) format as "n/a" rather than as "nan".
namespace ch::ui::format {

//! The locale used for every number here (English, United States; group separators on).
QLocale numberLocale();

//! Text for a value that is missing or not finite.
QString notAvailable();

//! A plain number with thousands separators and a fixed number of decimals: "1,234,567.89".
QString number(double value, int decimals);
//! A number with an explicit sign when it is not zero at the shown precision: "+12.5", "-3.0",
//! "0.0". For changes shown in a column whose header names the unit.
QString signedNumber(double value, int decimals);
//! A whole number with thousands separators: "1,234,567".
QString integer(std::int64_t value);

//! An analytics amount (double) rounded to whole currency units: "USD 1,234,567", "USD -5".
QString currency(double amount, Currency currency = Currency::Usd);
//! A ledger amount, exact to the cent from its minor units: "USD 1,234,567.89".
QString money(const Money& amount);
//! An amount in compact form with one decimal: "USD 950", "USD 12.3k", "USD 12.3m",
//! "USD 1.2bn". The scale is chosen after rounding, so 999,960 reads "USD 1.0m", not "1,000.0k".
QString currencyCompact(double amount, Currency currency = Currency::Usd);

//! Decimals used for a price per unit: 2 for GPU-hours (the index and tick are in cents); for
//! tokens at least 2 and enough for three significant digits, at most 6 (micro-USD), because
//! small-model token prices are fractions of a cent per 1M tokens ("0.0375").
int unitPriceDecimals(double usdPerUnit, Unit unit);
//! A price per unit without the unit, for table cells whose header names it: "2.81", "0.150".
QString unitPriceValue(double usdPerUnit, Unit unit);
//! A price per unit with its unit: "2.81 USD/GPU-h", "0.150 USD/MTok".
QString unitPrice(double usdPerUnit, Unit unit);
//! A unit price stored as exact micro-USD (domain UnitPrice, contract ticks), shown exactly: at
//! least 2 decimals, more only when the micros need them ("0.01", "0.005", "2.35" USD/GPU-h).
QString unitPriceMicros(std::int64_t micros, Unit unit);

//! A volume: GPU-hours whole ("1,234,567 GPU-h"), tokens to 0.1 million ("12.5 MTok").
QString volume(double amount, Unit unit);
//! A whole number of units, e.g. a contract size: "730 GPU-h", "1,000 MTok".
QString units(std::int64_t amount, Unit unit);

//! A fraction as a percentage: 0.125 -> "12.5%".
QString percent(double fraction, int decimals = 1);
//! A change as a signed percentage: 0.125 -> "+12.5%", -0.03 -> "-3.0%", 0 -> "0.0%".
QString signedPercent(double fraction, int decimals = 1);
//! A correlation coefficient to two decimals: "0.85", "-0.12".
QString correlation(double rho);

QString date(Date d);   //!< "2026-10-30"
QString month(Month m); //!< "2026-10"

QString unitSymbol(Unit unit);     //!< "GPU-h", "MTok"
QString unitPriceLabel(Unit unit); //!< axis label: "USD per GPU-hour", "USD per 1M tokens"

} // namespace ch::ui::format
