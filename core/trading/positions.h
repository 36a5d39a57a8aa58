#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "domain/units.h"
#include "trading/execution_report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ch::trading {

//! The net position in one contract and delivery month, on the average-cost method.
//!
//! Units: quantities in contracts, prices in micro-USD per unit (GPU-hour or MTok), money in cents.
//! The cost basis is kept exactly as openCostMicros = Σ contracts × price over the open contracts,
//! so a round trip realises exactly (proceeds − cost) × units, rounded once to cents per fill.
//! Invariants: netQty == 0 ⇔ openCostMicros == 0; openCostMicros >= 0; fees >= 0; a settled
//! position is flat and takes no more fills.
struct Position
{
    std::string symbol;
    Month deliveryMonth{};
    std::int64_t unitsPerContract = 0;
    ContractCount netQty = 0;        //!< > 0 long, < 0 short
    std::int64_t openCostMicros = 0; //!< Σ |contracts| × entry price of the open position
    Money realisedPnl;               //!< gross of fees
    Money fees;                      //!< trading and settlement fees paid, a positive amount
    bool settled = false;

    static Position flat(std::string symbol, Month deliveryMonth, std::int64_t unitsPerContract);
    //! Average entry price in micros, rounded half away from zero; 0 when flat.
    std::int64_t averagePriceMicros() const;
    //! realised − fees.
    Money netRealisedPnl() const;

    friend bool operator==(const Position&, const Position&) = default;
};

struct PositionUpdate
{
    Position position;
    ContractCount closedQty = 0; //!< contracts of the old position this fill closed
    Money realised;              //!< P&L realised by this fill (before fees)
};

//! Books a fill. A fill against the position's direction closes contracts first (realising
//! (fill − average) × closed × units, with the sign of the position) and opens any remainder at the
//! fill price. Throws ch::Error for a fill of another contract/month, a different contract size or
//! a settled position.
PositionUpdate applyFill(const Position& position, const Fill& fill);

//! Unrealised P&L against a mark: (mark × |net| − openCost) × units for a long position, the
//! negative for a short one, rounded once to cents.
Money unrealisedPnl(const Position& position, std::int64_t markMicros);

struct SettlementResult
{
    Position position;            //!< flat and settled
    ContractCount settledQty = 0; //!< the net quantity that was open
    Money realised;               //!< P&L realised at the final settlement price
    Money fee;                    //!< settlement fee charged
};

//! Cash settlement at expiry: the open position is closed at `finalSettlementMicros` (the
//! arithmetic mean of the index over the contract month's business days, market.md §1.5),
//! realising its P&L, and `feeCentsPerContract` is charged per open contract. A flat position
//! settles with zero P&L and no fee.
SettlementResult cashSettle(const Position& position,
                            std::int64_t finalSettlementMicros,
                            std::int64_t feeCentsPerContract);

//! The final settlement price: the arithmetic mean of the daily index fixings (micros) over the
//! month's business days, rounded half away from zero to micros. Throws ch::Error if empty.
std::int64_t monthlyAverageMicros(const std::vector<std::int64_t>& businessDayFixingsMicros);

//! Positions from a list of fills, one per (symbol, delivery month), fills booked in time order
//! (ties keep list order); sorted by symbol then month.
std::vector<Position> buildPositions(const std::vector<Fill>& fills);

} // namespace ch::trading
