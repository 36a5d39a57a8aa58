#pragma once

#include "domain/dates.h"
#include "pricing/black76.h"

#include <cstdint>

namespace ch::hedging {

// Options on the monthly-average futures (docs/hedging.md §4). A call caps the price paid: for a
// premium, the company is paid max(A − K, 0) per unit, A being the month's settlement average. A
// collar adds a short put at a lower strike: the company gives up max(K_put − A, 0) and collects
// the put's premium, so the net premium is smaller (or negative).
//
// Pricing: Black-76 on the month's forward (pricing::black76), expiring on the contract's last
// trading day (the last business day of the delivery month), with the volatility adjusted for
// the average settlement (pricing::averageSettlementVol: Turnbull–Wakeman moment matching over
// the month's business-day fixings). The input vol is the daily index vol (annualised); mean
// reversion is not in Black-76, so far months are priced at the full vol (conservative: the
// premium is on the high side; docs/hedging.md §8).

//! One option on a monthly-average contract. Preconditions (ch::Error): valuationDate before the
//! last business day of `delivery`, forward and strike > 0, vol >= 0, units > 0, all finite.
struct MonthlyOptionInputs
{
    Month delivery{};
    Date valuationDate{};
    double forwardUsd = 0.0; //!< the month's futures price, USD per unit
    double strikeUsd = 0.0;
    double volAnnual = 0.0;  //!< annualised vol of the daily index
    double rateAnnual = 0.0; //!< continuously compounded discount rate
    double unitsPerContract = 0.0;
};

struct MonthlyOptionPrice
{
    double yearsToExpiry = 0.0;      //!< ACT/365 from valuation to the last business day
    double effectiveVolAnnual = 0.0; //!< averageSettlementVol over the month's fixings
    pricing::Black76Result perUnit;  //!< premium and greeks per unit (USD per GPU-h or MTok)
    double premiumPerContractUsd = 0.0;
};

MonthlyOptionPrice priceMonthlyOption(pricing::OptionType type, const MonthlyOptionInputs& in);

//! A collar: long a call at `callStrikeUsd`, short a put at `putStrikeUsd` (< call strike).
struct CollarPrice
{
    MonthlyOptionPrice call;
    MonthlyOptionPrice put;
    double netPremiumPerUnitUsd = 0.0; //!< call − put; negative when the put is worth more
    double netPremiumPerContractUsd = 0.0;
};

//! `in.strikeUsd` is ignored; the two strikes are given. Requires putStrike < callStrike.
CollarPrice priceCollar(const MonthlyOptionInputs& in, double callStrikeUsd, double putStrikeUsd);

//! `usd` rounded to the nearest multiple of the tick (micro-USD per unit), half away from zero;
//! never below one tick. Strikes are quoted on the contract's price grid.
double roundToTick(double usd, std::int64_t tickMicros);

} // namespace ch::hedging
