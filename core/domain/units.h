#pragma once

#include "domain/error.h"
#include "domain/money.h"

#include <cmath>
#include <compare>
#include <cstdint>
#include <string>

namespace ch {

//! Unit tags. A GPU type (H100, B200, ...) is data, not a tag: every GPU-hour is a GpuHour.
struct GpuHour
{
    static constexpr const char* symbol = "GPU-h";
};
//! One million tokens, the unit LLM prices are quoted in.
struct MTok
{
    static constexpr const char* symbol = "MTok";
};

//! The runtime counterpart of the unit tags, for series and plan lines whose unit is data.
enum class Unit : std::uint8_t { GpuHour, MTok };
const char* unitSymbol(Unit u);     //!< "GPU-h", "MTok"
const char* unitPriceLabel(Unit u); //!< "USD per GPU-hour", "USD per 1M tokens"
const char* unitCode(Unit u);       //!< stable storage code: "gpu_hour", "mtok"
bool parseUnitCode(const std::string& code, Unit& out);

//! A volume of a resource in unit U (GPU-hours or millions of tokens). Plan volumes are forecasts,
//! so the amount is a double; it is never negative. Adding GPU-hours to tokens does not compile.
template <class U>
class Quantity
{
public:
    constexpr Quantity() = default;
    explicit Quantity(double amount)
        : m_amount(amount)
    {
        require(std::isfinite(amount) && amount >= 0.0,
                std::string("Quantity: ") + std::to_string(amount) + " " + U::symbol
                    + " is negative or not finite");
    }
    constexpr double value() const { return m_amount; }

    Quantity operator+(Quantity o) const { return Quantity(m_amount + o.m_amount); }
    //! Never below zero: subtracting more than there is yields zero (use surplus() to see the
    //! rest).
    Quantity clampedMinus(Quantity o) const
    {
        return Quantity(m_amount > o.m_amount ? m_amount - o.m_amount : 0.0);
    }
    Quantity scaled(double factor) const { return Quantity(m_amount * factor); }

    friend bool operator==(const Quantity&, const Quantity&) = default;
    friend auto operator<=>(const Quantity&, const Quantity&) = default;

private:
    double m_amount = 0.0;
};

//! A price per unit U, as an exact count of micro-USD (2.35 USD/GPU-h is 2'350'000). Token prices
//! fall below a cent, so a cent count would not do. Unit prices are not Money.
template <class U>
class UnitPrice
{
public:
    constexpr UnitPrice() = default;
    static constexpr UnitPrice fromMicros(std::int64_t micros) { return UnitPrice(micros); }
    //! Rounds a USD-per-unit double to micro-USD, half away from zero; rejects negatives.
    static UnitPrice fromUsd(double usdPerUnit)
    {
        require(std::isfinite(usdPerUnit) && usdPerUnit >= 0.0,
                "UnitPrice: " + std::to_string(usdPerUnit) + " is negative or not finite");
        require(usdPerUnit < 9.0e12, "UnitPrice: " + std::to_string(usdPerUnit) + " is too large");
        return UnitPrice(static_cast<std::int64_t>(std::round(usdPerUnit * 1e6)));
    }
    constexpr std::int64_t micros() const { return m_micros; }
    double usd() const { return static_cast<double>(m_micros) / 1e6; }

    friend bool operator==(const UnitPrice&, const UnitPrice&) = default;
    friend auto operator<=>(const UnitPrice&, const UnitPrice&) = default;

private:
    constexpr explicit UnitPrice(std::int64_t micros)
        : m_micros(micros)
    {}
    std::int64_t m_micros = 0;
};

using GpuHours = Quantity<GpuHour>;
using MegaTokens = Quantity<MTok>;
using UsdPerGpuHour = UnitPrice<GpuHour>;
using UsdPerMTok = UnitPrice<MTok>;

//! Exchange quantities are whole contracts.
using ContractCount = std::int64_t;

//! Notional in integer arithmetic: contracts × contract size (units per contract) × price, computed
//! in __int128 and rounded once, half away from zero, to cents. Throws ch::Error on overflow.
Money notional(ContractCount contracts, std::int64_t unitsPerContract, std::int64_t priceMicros);

//! Cost of a (fractional) volume at a unit price, as Money rounded once to cents.
template <class U>
Money costOf(Quantity<U> q, UnitPrice<U> p)
{
    return Money::fromAmount(Currency::Usd, q.value() * p.usd());
}

} // namespace ch
