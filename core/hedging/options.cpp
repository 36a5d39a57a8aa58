#include "hedging/options.h"

#include "domain/error.h"
#include "pricing/calendar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace ch::hedging {

MonthlyOptionPrice priceMonthlyOption(pricing::OptionType type, const MonthlyOptionInputs& in)
{
    require(std::isfinite(in.unitsPerContract) && in.unitsPerContract > 0.0,
            "priceMonthlyOption: units per contract " + std::to_string(in.unitsPerContract)
                + " is not positive");
    const Date expiry = pricing::lastBusinessDay(in.delivery);
    require(in.valuationDate < expiry,
            "priceMonthlyOption: valuation date " + formatIsoDate(in.valuationDate)
                + " is not before the expiry " + formatIsoDate(expiry));
    std::vector<double> fixings;
    for (const Date& d : pricing::businessDaysOf(in.delivery))
        fixings.push_back(yearFractionAct365(in.valuationDate, d));
    MonthlyOptionPrice out;
    out.yearsToExpiry = yearFractionAct365(in.valuationDate, expiry);
    out.effectiveVolAnnual =
        pricing::averageSettlementVol(in.volAnnual, fixings, out.yearsToExpiry);
    pricing::Black76Inputs b;
    b.type = type;
    b.forward = in.forwardUsd;
    b.strike = in.strikeUsd;
    b.volAnnual = out.effectiveVolAnnual;
    b.yearsToExpiry = out.yearsToExpiry;
    b.rate = in.rateAnnual;
    out.perUnit = pricing::black76(b);
    out.premiumPerContractUsd = out.perUnit.price * in.unitsPerContract;
    return out;
}

CollarPrice priceCollar(const MonthlyOptionInputs& in, double callStrikeUsd, double putStrikeUsd)
{
    require(putStrikeUsd < callStrikeUsd,
            "priceCollar: put strike " + std::to_string(putStrikeUsd)
                + " is not below the call strike " + std::to_string(callStrikeUsd));
    CollarPrice out;
    MonthlyOptionInputs leg = in;
    leg.strikeUsd = callStrikeUsd;
    out.call = priceMonthlyOption(pricing::OptionType::Call, leg);
    leg.strikeUsd = putStrikeUsd;
    out.put = priceMonthlyOption(pricing::OptionType::Put, leg);
    out.netPremiumPerUnitUsd = out.call.perUnit.price - out.put.perUnit.price;
    out.netPremiumPerContractUsd = out.call.premiumPerContractUsd - out.put.premiumPerContractUsd;
    return out;
}

double roundToTick(double usd, std::int64_t tickMicros)
{
    require(tickMicros > 0, "roundToTick: tick " + std::to_string(tickMicros) + " is not positive");
    require(std::isfinite(usd) && usd >= 0.0,
            "roundToTick: price " + std::to_string(usd) + " is negative or not finite");
    const double tick = static_cast<double>(tickMicros) / 1e6;
    const double ticks = std::max(1.0, std::round(usd / tick));
    // ticks × micros is an exact integer in double; one division gives the nearest double.
    return ticks * static_cast<double>(tickMicros) / 1e6;
}

} // namespace ch::hedging
