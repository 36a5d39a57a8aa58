#pragma once

// Cash settlement of expired positions (docs/trading-controls.md, "Cash settlement at expiry";
// shared/reference/market.md §1.5; schema/0006_settlement.sql).

#include "domain/dates.h"
#include "domain/market.h"
#include "domain/money.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"
#include "trading/users.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

//! One contract month settled at expiry, as stored in table settlements.
struct Settlement
{
    std::string symbol;
    Month deliveryMonth{};
    Date lastTradingDay{};   //!< pricing::lastBusinessDay of the month
    std::string indexId;     //!< the contract's underlying index
    std::size_t fixings = 0; //!< business days averaged
    std::int64_t finalPriceMicros = 0;
    ContractCount settledQty = 0; //!< the net quantity that was open (> 0 long)
    std::int64_t feePerContractCents = 0;
    Money realised; //!< P&L realised at the final price, before the fee
    Money fee;      //!< feePerContractCents × |settledQty|
    std::string settledBy;
    Timestamp settledAt{};

    //! What trading::buildPnlSeries replays: the settlement on its last trading day.
    trading::SettlementEvent event() const;
};

//! What one settlement run did.
struct SettlementRun
{
    std::vector<Settlement> settled;
    //! Expired open positions left open, one line each:
    //! "CHG.H100 2026-09: no fixing of GPU.H100.NC on 2026-09-14; not settled".
    std::vector<std::string> notSettled;
};

//! Settles every open (net ≠ 0), unsettled position whose delivery month's last trading day
//! (pricing::lastBusinessDay) is before `asOf`: trading::cashSettle at the final settlement price,
//! trading::monthlyAverageMicros of the underlying index's daily fixings over
//! pricing::businessDaysOf(month) (each fixing rounded half away from zero to micros), charging
//! the contract's fee per side on every open contract. A month with a business day without a
//! fixing, or whose contract `market` does not have, is not settled and is named in notSettled;
//! no fallback is applied (market.md §1.5: the exchange filed none).
//!
//! One BEGIN IMMEDIATE transaction: the positions are re-read inside it, and each settled position
//! row, its settlements row and its "position.settle" audit entry are written together, so a
//! failure settles nothing. A settled position is never settled again: running twice settles
//! nothing the second time (and the settlements primary key refuses a duplicate).
//! `actor` needs release_order (the desk's traders and approvers): anyone else gets ch::Error
//! "user 'viewer' (viewer) may not settle positions" and nothing is written.
SettlementRun settleExpiredPositions(Workspace& workspace,
                                     const MarketDataSet& market,
                                     Date asOf,
                                     const trading::User& actor,
                                     Timestamp at);

//! The stored settlements, by symbol and month.
std::vector<Settlement> settlements(Workspace& workspace);
//! settlements() as the events trading::buildPnlSeries replays.
std::vector<trading::SettlementEvent> settlementEvents(Workspace& workspace);

} // namespace ch::storage
