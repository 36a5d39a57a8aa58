#pragma once

// Internal to core/storage: the transaction pattern every order transition follows, shared by the
// TradingRepository source files.

#include "storage/audit_log.h"
#include "storage/desk_sql.h"
#include "storage/trading_rows.h"

#include <string>

namespace ch::storage::desk {

inline trading::Order
loadOrderIn(const Workspace& ws, const SqlContext& context, trading::OrderId id)
{
    auto found =
        rows::loadOrders(databaseOf(ws), context, QStringLiteral(" WHERE id = ?"), v64(id.value));
    if (found.empty())
        throw StorageError(context.operation + ": order " + trading::idText(id)
                           + " does not exist");
    return std::move(found.front());
}

//! Writes nothing beyond the transition.
struct NoExtraRows
{
    void operator()(const QSqlDatabase&, const SqlContext&, const trading::Order&) const {}
};

//! Reads, computes and writes one order transition in one transaction: the order is re-read
//! after BEGIN IMMEDIATE, `compute` applies core's lifecycle function (which throws ch::Error on a
//! refusal, rolling everything back), and the new state, the event and the audit entry are
//! written together. `extra` writes anything else belonging to the change (findings); `note` is
//! appended to the audit comment.
template <class Compute, class Extra = NoExtraRows>
trading::Order writeTransition(Workspace& ws,
                               trading::OrderId id,
                               const std::string& verb,
                               const std::string& user,
                               const std::string& action,
                               Timestamp at,
                               Compute compute,
                               Extra extra = {},
                               const std::string* note = nullptr)
{
    const auto context = contextOf(ws, verb + " order " + trading::idText(id) + " in");
    const QSqlDatabase db = databaseOf(ws);
    Transaction tx(db, context);
    const trading::Order before = loadOrderIn(ws, context, id);
    const trading::OrderTransition t = compute(before);
    rows::updateOrder(db, context, before, t.order, at);
    rows::insertEvent(db, context, t.event);
    extra(db, context, t.order);
    AuditLog(ws).append(
        tx,
        AuditRecord{user,
                    action,
                    "order",
                    trading::idText(id),
                    trading::orderAuditText(before),
                    trading::orderAuditText(t.order),
                    t.event.comment + (note && !note->empty() ? " | " + *note : "")},
        at);
    tx.commit();
    return t.order;
}

} // namespace ch::storage::desk
