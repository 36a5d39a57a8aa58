#pragma once

#include "domain/dates.h"
#include "domain/units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ch::hedging {

// Positions already held (from the trading book), as the hedging module sees them. The trading
// module's Position is per symbol and month for futures; options carry a kind and a strike.

enum class PositionKind : std::uint8_t { Future, Call, Put };
const char* positionKindCode(PositionKind k); //!< "future", "call", "put"
std::optional<PositionKind> parsePositionKind(std::string_view code);

//! A held position: `contracts` > 0 long, < 0 short. Only long-price positions hedge a consumer:
//! futures (signed) and calls count as hedged quantity (contracts × units per contract, converted
//! to exposure units with the line's h*); puts, long or short, do not (docs/hedging.md §6).
struct ExistingPosition
{
    std::string symbol;
    Month month{};
    PositionKind kind = PositionKind::Future;
    double strikeUsd = 0.0; //!< options only
    ContractCount contracts = 0;

    friend bool operator==(const ExistingPosition&, const ExistingPosition&) = default;
};

} // namespace ch::hedging
