#pragma once

// Shared by the trading desk command files (trading_, positions_, audit_, users_commands.cpp):
// who is acting (--user / --password or CH_PASSWORD), the desk's market view, and JSON forms of
// orders, findings, positions and P&L points.

#include "command.h"
#include "domain/dates.h"
#include "domain/error.h"
#include "storage/desk_market.h"
#include "storage/trading_repository.h"
#include "trading/order.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"
#include "trading/users.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ch::cli {

class Context;

//! Core refuses a business action (a maker approving their own order, a disallowed transition,
//! a missing permission) with ch::Error; for the command line that is the user's error (exit 1
//! with the message), not an internal one. Register handlers as `.run =
//! &refusalsAreUserErrors<&f>`.
template <Handler H>
int refusalsAreUserErrors(Context& ctx, const Arguments& args)
{
    try {
        return H(ctx, args);
    } catch (const Error& e) {
        throw UserError(e.what());
    }
}

//! --user LOGIN (required) and --password PASSWORD; without --password the password is read
//! from the environment variable CH_PASSWORD (for scripts: keeps it out of the process list).
std::vector<Option> authOptions();
//! Logs in through storage::UserRepository (scrypt check, throttling, audited). Throws UserError
//! "--user: login refused: wrong login or password" and the like.
trading::User authenticate(Context& ctx, const Arguments& args);

//! UTC now, whole seconds: the time every desk action is recorded at.
Timestamp deskNow();

//! The desk's market view (pricing::buildMarketSnapshot as of the dataset's valuation date);
//! UserError for a workspace without market data.
storage::DeskMarket loadDeskMarket(Context& ctx);

//! The policy bands of the workspace for the pre-trade checks (storage::planHedgeBands: its plan,
//! first stored hedge policy and hedge recommendation). When they cannot be built the source knows
//! no band and the reason goes to ctx.err() ("policy band: warning: ...").
storage::HedgeBandSource loadHedgeBands(Context& ctx, const storage::DeskMarket& market);

//! A positive order id from a positional argument, or UserError.
trading::OrderId orderIdArgument(const Arguments& args, const std::string& name = "ID");

//! Login by user id, for naming makers and approvers.
std::map<std::int64_t, std::string> loginsById(Context& ctx);

QJsonObject jsonOrder(const trading::Order& o, const std::map<std::int64_t, std::string>& logins);
//! "order 7 (buy 10 CHG.H100 2026-12 limit 2.35): pending_approval (1 of 2 approvals)" and the
//! fill and status text, one line.
void printOrderLine(std::ostream& out, const trading::Order& o);

QJsonArray jsonFindings(const std::vector<trading::PreTradeFinding>& findings);
//! Prints findings one per line: "warning: policy_band: hedge ratio not checked: ...".
void printFindings(Context& ctx, const std::vector<trading::PreTradeFinding>& findings);

QJsonObject jsonPosition(const trading::Position& p,
                         const std::optional<storage::PositionMark>& mark);
QJsonObject jsonPnlPoint(const trading::PnlPoint& p);

//! USD text with cents and separators: 12345 cents -> "123.45".
std::string moneyText(const Money& m);

} // namespace ch::cli
