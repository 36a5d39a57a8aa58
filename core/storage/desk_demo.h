#pragma once

#include "domain/market.h"
#include "trading/users.h"

#include <array>

namespace ch::storage {

class Workspace;

//! A demo account. The passwords are published (README, docs/trading-controls.md): the demo
//! workspace is for trying the application, never for real positions.
struct DemoAccount
{
    const char* login;
    const char* displayName;
    trading::Role role;
    const char* password;
};

inline constexpr std::array<DemoAccount, 4> kDemoAccounts{{
    {"admin", "Ada Admin", trading::Role::Admin, "admin-demo-2026"},
    {"trader", "Tina Trader", trading::Role::Trader, "trader-demo-2026"},
    {"approver", "Anna Approver", trading::Role::Approver, "approver-demo-2026"},
    {"approver2", "Bert Approver", trading::Role::Approver, "approver2-demo-2026"},
}};

//! Seeds the demo trading desk through the real repositories, so every row has its events and
//! audit entries: the four kDemoAccounts (scrypt at the default cost, ~0.3 s each), a history of
//! orders in the six weeks before the valuation date (filled, partially filled by two reports,
//! a sale that realises P&L, a rejection, one pending a second approval, one pending, one
//! approved, one resting at the broker, one draft), daily marks at the underlying index level,
//! and three designated hedges. Fills are broker reports delivered at the index level of the day.
//! The trading limits are sized to the demo plan (2,000 contracts per month, 30,000 per contract,
//! 5,000,000 USD per order; set by admin), not the schema's defaults.
void seedDemoDesk(Workspace& workspace, const MarketDataSet& market);

} // namespace ch::storage
