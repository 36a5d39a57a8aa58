#include "domain/units.h"

#include <limits>

namespace ch {

const char* unitSymbol(Unit u)
{
    return u == Unit::GpuHour ? GpuHour::symbol : MTok::symbol;
}

const char* unitPriceLabel(Unit u)
{
    return u == Unit::GpuHour ? "USD per GPU-hour" : "USD per 1M tokens";
}

const char* unitCode(Unit u)
{
    return u == Unit::GpuHour ? "gpu_hour" : "mtok";
}

bool parseUnitCode(const std::string& code, Unit& out)
{
    if (code == "gpu_hour") {
        out = Unit::GpuHour;
        return true;
    }
    if (code == "mtok") {
        out = Unit::MTok;
        return true;
    }
    return false;
}

// __extension__ marks the GCC 128-bit integer as intended under -Wpedantic.
__extension__ typedef __int128 Int128;

Money notional(ContractCount contracts, std::int64_t unitsPerContract, std::int64_t priceMicros)
{
    const Int128 microsTotal = static_cast<Int128>(contracts) * unitsPerContract * priceMicros;
    // micro-USD to cents: divide by 10'000, rounding half away from zero.
    const Int128 q = microsTotal / 10'000;
    const Int128 r = microsTotal % 10'000;
    Int128 cents = q;
    if (r >= 5'000)
        cents += 1;
    else if (r <= -5'000)
        cents -= 1;
    require(cents <= std::numeric_limits<std::int64_t>::max()
                && cents >= std::numeric_limits<std::int64_t>::min(),
            "notional: " + std::to_string(contracts) + " contracts x "
                + std::to_string(unitsPerContract) + " units overflow int64 cents");
    return Money(Currency::Usd, static_cast<std::int64_t>(cents));
}

} // namespace ch
