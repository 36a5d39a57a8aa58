#pragma once

// Internal to core/storage: the one place trading rows map to core/trading values and back
// (STYLE.md §7). Statements bind values only.

#include "trading/execution_report.h"
#include "trading/order.h"
#include "trading/order_lifecycle.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"
#include "trading/pre_trade.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {
struct SqlContext;
}

namespace ch::storage::rows {

//! SELECT list of the orders table, in the order orderRecordFromRow reads it.
extern const QString kOrderColumns;
//! The order record from a row of kOrderColumns (without approvals).
trading::OrderRecord orderRecordFromRow(const QSqlQuery& q);
//! Approvals of the given order, or of every order when `id` is nothing, grouped by order id.
std::map<std::int64_t, std::vector<trading::Approval>>
approvals(const QSqlDatabase& db, const SqlContext& context, std::optional<trading::OrderId> id);
//! Loads orders matching `where` (" WHERE ..." with one bound value, or empty), approvals
//! included, checked by Order::fromRecord.
std::vector<trading::Order> loadOrders(const QSqlDatabase& db,
                                       const SqlContext& context,
                                       const QString& where = {},
                                       const QVariant& bound = {});

//! INSERT of a new order row (id given).
void insertOrder(const QSqlDatabase& db,
                 const SqlContext& context,
                 const trading::Order& order,
                 const std::string& origin);
//! Writes the mutable columns (state, approvals needed, filled, status) and any approvals the
//! stored row does not have yet.
void updateOrder(const QSqlDatabase& db,
                 const SqlContext& context,
                 const trading::Order& before,
                 const trading::Order& after,
                 Timestamp at);
void insertEvent(const QSqlDatabase& db, const SqlContext& context, const trading::OrderEvent& e);
std::vector<trading::OrderEvent>
loadEvents(const QSqlDatabase& db, const SqlContext& context, std::optional<trading::OrderId> id);

//! Fills in id order.
std::vector<trading::Fill> loadFills(const QSqlDatabase& db, const SqlContext& context);
void insertFill(const QSqlDatabase& db, const SqlContext& context, const trading::Fill& fill);
std::vector<trading::Position> loadPositions(const QSqlDatabase& db, const SqlContext& context);
std::optional<trading::Position> loadPosition(const QSqlDatabase& db,
                                              const SqlContext& context,
                                              const std::string& symbol,
                                              Month month);
void upsertPosition(const QSqlDatabase& db,
                    const SqlContext& context,
                    const trading::Position& position);
std::vector<trading::Mark> loadMarks(const QSqlDatabase& db, const SqlContext& context);

//! "fill exec=PB-7-2;order=7;symbol=CHG.H100;month=2026-12;side=buy;qty=4;price=2.34;fee=32.00"
std::string fillAuditText(const trading::Fill& fill);
//! "symbol=CHG.H100;month=2026-12;net=10;cost_micros=...;realised=...;fees=..."
std::string positionAuditText(const trading::Position& position);

} // namespace ch::storage::rows
