#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace ch {

enum class Currency : std::uint8_t { Usd };

//! ISO 4217 code of a currency ("USD").
const char* currencyCode(Currency c);

enum class Rounding { HalfAwayFromZero };

//! An accounting amount: a currency and an exact count of minor units (cents for USD).
//!
//! Why integers and not double: sums of ledger entries must be exact, SQLite INTEGER stores all 64
//! bits exactly (REAL is a double), and int64 cents hold about ±9e16 USD. Analytics (curves,
//! Monte Carlo, Cost-at-Risk) stay in double; a double becomes Money only through fromAmount(),
//! at the point where a number becomes a record (STYLE.md §3; Strata's CurrencyAmount vs Money).
class Money
{
public:
    constexpr Money() = default;
    constexpr Money(Currency currency, std::int64_t minorUnits)
        : m_currency(currency)
        , m_minor(minorUnits)
    {}

    //! Rounds `amount` (in major units, e.g. dollars) to minor units. Throws ch::Error for a
    //! non-finite amount or one outside the int64 range.
    static Money
    fromAmount(Currency currency, double amount, Rounding rounding = Rounding::HalfAwayFromZero);
    static constexpr Money zero(Currency currency = Currency::Usd) { return Money(currency, 0); }

    constexpr Currency currency() const { return m_currency; }
    constexpr std::int64_t minorUnits() const { return m_minor; }
    //! The amount in major units as a double, for analytics and display.
    double toAmount() const;
    //! Plain decimal text without separators, e.g. "-1234.50"; formatting for people lives in ui.
    std::string toDecimalString() const;

    Money operator+(const Money& other) const;
    Money operator-(const Money& other) const;
    Money operator-() const;
    Money& operator+=(const Money& other);

    friend bool operator==(const Money&, const Money&) = default;
    friend auto operator<=>(const Money&, const Money&) = default;

private:
    Currency m_currency = Currency::Usd;
    std::int64_t m_minor = 0;
};

} // namespace ch
