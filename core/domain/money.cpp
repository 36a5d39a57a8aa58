#include "domain/money.h"

#include "domain/error.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace ch {

const char* currencyCode(Currency c)
{
    switch (c) {
    case Currency::Usd:
        return "USD";
    }
    return "???";
}

Money Money::fromAmount(Currency currency, double amount, Rounding rounding)
{
    require(std::isfinite(amount), "Money::fromAmount: amount is not finite");
    double minor = amount * 100.0;
    switch (rounding) {
    case Rounding::HalfAwayFromZero:
        minor = std::round(minor); // std::round rounds halfway cases away from zero
        break;
    }
    // 2^63 is exactly representable; anything at or beyond it does not fit an int64.
    require(std::fabs(minor) < 9.2233720368547758e18,
            "Money::fromAmount: " + std::to_string(amount) + " is outside the int64 cent range");
    return Money(currency, static_cast<std::int64_t>(minor));
}

double Money::toAmount() const
{
    return static_cast<double>(m_minor) / 100.0;
}

std::string Money::toDecimalString() const
{
    const bool negative = m_minor < 0;
    // Work in unsigned to handle INT64_MIN without overflow.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(m_minor) : static_cast<std::uint64_t>(m_minor);
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2)
        cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

static std::int64_t checkedAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    require(!__builtin_add_overflow(a, b, &out), "Money: addition overflows int64 minor units");
    return out;
}

Money Money::operator+(const Money& other) const
{
    require(m_currency == other.m_currency, "Money: cannot add amounts in different currencies");
    return Money(m_currency, checkedAdd(m_minor, other.m_minor));
}

Money Money::operator-(const Money& other) const
{
    require(m_currency == other.m_currency,
            "Money: cannot subtract amounts in different currencies");
    require(other.m_minor != std::numeric_limits<std::int64_t>::min(), "Money: negation overflows");
    return Money(m_currency, checkedAdd(m_minor, -other.m_minor));
}

Money Money::operator-() const
{
    require(m_minor != std::numeric_limits<std::int64_t>::min(), "Money: negation overflows");
    return Money(m_currency, -m_minor);
}

Money& Money::operator+=(const Money& other)
{
    *this = *this + other;
    return *this;
}

} // namespace ch
