#pragma once

#include "domain/dates.h"
#include "domain/market.h"

#include <string>
#include <vector>

namespace ch::marketdata {

//! A dated list price of one representative model (shared/reference/market.md §2.2), in USD per
//! 1M tokens. `slot` is the vendor line the model belongs to (e.g. "OpenAI flagship"): a newer
//! event in the same slot replaces the older model in the tier median.
struct TokenPriceEvent
{
    Date date{};
    std::string tier; //!< "FRONTIER", "MID", "SMALL"
    std::string slot;
    std::string model;
    double inputUsd = 0.0;
    double outputUsd = 0.0;
    std::string tag; //!< verification tag as in market.md ([P], [S], [U])
    std::string sourceUrl;
};

//! The token price events, sorted by date.
std::vector<TokenPriceEvent> referenceTokenPriceEvents();

//! The tier levels after each event date: the median input and the median output price of the
//! models current in each slot, taken separately (an even count averages the two middle values).
struct TokenTierLevel
{
    Date date{};
    double inputUsd = 0.0;
    double outputUsd = 0.0;
};
std::vector<TokenTierLevel> tokenTierLevels(const std::string& tier);

//! The blended price: (3 × input + 1 × output) / 4, the usual 3:1 input:output mix (market.md
//! §3.4, an industry convention [U]).
double blendedTokenPrice(double inputUsd, double outputUsd);

//! Daily step-function series TOK.<tier>.IN, .OUT and .BLEND from the tier's first event to
//! `lastDate`, each value rounded to 4 decimals.
std::vector<PriceSeries> generateTokenSeries(const std::string& tier, Date lastDate);

} // namespace ch::marketdata
