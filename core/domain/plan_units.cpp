#include "domain/plan_units.h"

#include <cmath>

namespace ch {

Volume::Volume(Unit unit, double amount)
    : m_unit(unit)
    , m_amount(amount)
{
    require(std::isfinite(amount) && amount >= 0.0,
            std::string("Volume: ") + std::to_string(amount) + " " + unitSymbol(unit)
                + " is negative or not finite");
}

Volume Volume::operator+(const Volume& other) const
{
    require(m_unit == other.m_unit,
            std::string("Volume: cannot add ") + unitSymbol(other.m_unit) + " to "
                + unitSymbol(m_unit));
    return Volume(m_unit, m_amount + other.m_amount);
}

UnitRate UnitRate::fromMicros(Unit unit, std::int64_t micros)
{
    require(micros >= 0, "UnitRate: " + std::to_string(micros) + " micro-USD is negative");
    return UnitRate(unit, micros);
}

UnitRate UnitRate::fromUsd(Unit unit, double usdPerUnit)
{
    require(std::isfinite(usdPerUnit) && usdPerUnit >= 0.0,
            "UnitRate: " + std::to_string(usdPerUnit) + " is negative or not finite");
    require(usdPerUnit < 9.0e12, "UnitRate: " + std::to_string(usdPerUnit) + " is too large");
    return UnitRate(unit, static_cast<std::int64_t>(std::round(usdPerUnit * 1e6)));
}

Money costOf(const Volume& volume, const UnitRate& rate)
{
    require(volume.unit() == rate.unit(),
            std::string("costOf: a volume in ") + unitSymbol(volume.unit()) + " priced in "
                + unitPriceLabel(rate.unit()));
    return Money::fromAmount(Currency::Usd, volume.amount() * rate.usd());
}

UnitRate effectiveRate(const Money& amount, const Volume& quantity)
{
    require(quantity.amount() > 0.0, "effectiveRate: the quantity is zero");
    require(amount.minorUnits() >= 0,
            "effectiveRate: the amount " + amount.toDecimalString() + " is negative");
    return UnitRate::fromUsd(quantity.unit(), amount.toAmount() / quantity.amount());
}

} // namespace ch
