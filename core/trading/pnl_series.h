#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "trading/execution_report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ch::trading {

//! A dated mark (settlement or reference price) for one contract month, micro-USD per unit.
struct Mark
{
    Date date{};
    std::string symbol;
    Month deliveryMonth{};
    std::int64_t priceMicros = 0;
};

//! Cash settlement of one contract month at expiry (see positions.h cashSettle).
struct SettlementEvent
{
    Date date{};
    std::string symbol;
    Month deliveryMonth{};
    std::int64_t finalPriceMicros = 0;
    std::int64_t feeCentsPerContract = 0;
};

//! The book's P&L on one date. total = realised + unrealised − fees.
struct PnlPoint
{
    Date date{};
    Money realised;
    Money unrealised;
    Money fees;
    //! Open positions with no mark on or before this date: they add nothing to unrealised P&L, so
    //! the point understates it; the UI flags such points.
    int unmarkedPositions = 0;

    Money total() const { return realised + unrealised - fees; }
    friend bool operator==(const PnlPoint&, const PnlPoint&) = default;
};

//! One point per distinct mark or settlement date, ascending. On each date the fills dated (UTC)
//! on or before it are booked (in time order), then settlements on or before it, and every open
//! position is valued at its latest mark on or before the date.
std::vector<PnlPoint> buildPnlSeries(const std::vector<Fill>& fills,
                                     const std::vector<Mark>& marks,
                                     const std::vector<SettlementEvent>& settlements = {});

} // namespace ch::trading
