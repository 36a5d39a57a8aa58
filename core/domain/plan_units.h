#pragma once

#include "domain/error.h"
#include "domain/money.h"
#include "domain/units.h"

#include <compare>
#include <cstdint>
#include <type_traits>

namespace ch {

//! The runtime Unit of a unit tag: unitOf<GpuHour>() == Unit::GpuHour.
template <class U>
constexpr Unit unitOf()
{
    static_assert(std::is_same_v<U, GpuHour> || std::is_same_v<U, MTok>, "unknown unit tag");
    return std::is_same_v<U, GpuHour> ? Unit::GpuHour : Unit::MTok;
}

//! A volume whose unit is data: the runtime counterpart of Quantity<U>, for plan lines, contracts
//! and bills whose resource (and so unit) is chosen by the user. Never negative, always finite.
//! Mixing units is a broken precondition (ch::Error), as adding GPU-hours to tokens would be a
//! compile error with Quantity<U>. There is deliberately no arithmetic with UnitRate other than
//! costOf(): a quantity cannot be added to a price.
class Volume
{
public:
    constexpr Volume() = default;
    Volume(Unit unit, double amount);
    template <class U>
    explicit Volume(Quantity<U> q)
        : Volume(unitOf<U>(), q.value())
    {}

    constexpr Unit unit() const { return m_unit; }
    constexpr double amount() const { return m_amount; }
    //! The typed quantity; throws ch::Error when the unit differs.
    template <class U>
    Quantity<U> as() const
    {
        require(m_unit == unitOf<U>(),
                std::string("Volume: ") + unitSymbol(m_unit) + " requested as " + U::symbol);
        return Quantity<U>(m_amount);
    }

    Volume operator+(const Volume& other) const;

    friend bool operator==(const Volume&, const Volume&) = default;
    friend auto operator<=>(const Volume&, const Volume&) = default;

private:
    Unit m_unit = Unit::GpuHour;
    double m_amount = 0.0;
};

//! A price per unit whose unit is data: the runtime counterpart of UnitPrice<U>, an exact count of
//! micro-USD per GPU-hour or per million tokens. Never negative. Not Money: token prices fall
//! below a cent.
class UnitRate
{
public:
    constexpr UnitRate() = default;
    static UnitRate fromMicros(Unit unit, std::int64_t micros);
    //! Rounds to micro-USD, half away from zero; throws ch::Error for negative or non-finite.
    static UnitRate fromUsd(Unit unit, double usdPerUnit);
    template <class U>
    explicit UnitRate(UnitPrice<U> p)
        : m_unit(unitOf<U>())
        , m_micros(p.micros())
    {}

    constexpr Unit unit() const { return m_unit; }
    constexpr std::int64_t micros() const { return m_micros; }
    double usd() const { return static_cast<double>(m_micros) / 1e6; }
    template <class U>
    UnitPrice<U> as() const
    {
        require(m_unit == unitOf<U>(),
                std::string("UnitRate: ") + unitPriceLabel(m_unit) + " requested per " + U::symbol);
        return UnitPrice<U>::fromMicros(m_micros);
    }

    friend bool operator==(const UnitRate&, const UnitRate&) = default;
    friend auto operator<=>(const UnitRate&, const UnitRate&) = default;

private:
    UnitRate(Unit unit, std::int64_t micros)
        : m_unit(unit)
        , m_micros(micros)
    {}
    Unit m_unit = Unit::GpuHour;
    std::int64_t m_micros = 0;
};

//! What a volume costs at a rate, rounded once to cents (a record: contract cost, budget).
//! Throws ch::Error when the units differ.
Money costOf(const Volume& volume, const UnitRate& rate);

//! The price actually paid per unit: amount ÷ quantity, rounded to micro-USD. Requires a quantity
//! above zero and an amount of zero or more.
UnitRate effectiveRate(const Money& amount, const Volume& quantity);

} // namespace ch
