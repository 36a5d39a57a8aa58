#include "storage/trading_rows.h"

#include "storage/desk_sql.h"

namespace ch::storage::rows {

using desk::forEachRow;
using desk::nullable64;
using desk::v64;
using namespace trading;

namespace {

template <class T>
T parsedCode(std::optional<T> parsed, const QVariant& v, const std::string& what)
{
    if (!parsed)
        throw StorageError(what + ": unknown code \"" + toStd(v.toString()) + "\"");
    return *parsed;
}

Side sideFrom(const QVariant& v, const std::string& what)
{
    return parsedCode(parseSideCode(toStd(v.toString())), v, what + " side");
}

OrderState stateFrom(const QVariant& v, const std::string& what)
{
    return parsedCode(parseOrderStateCode(toStd(v.toString())), v, what + " state");
}

QString code(const char* c)
{
    return QString::fromLatin1(c);
}

} // namespace

const QString kOrderColumns = QStringLiteral(
    "SELECT id, symbol, delivery_month, side, quantity, order_type, limit_price_micros, "
    "time_in_force, good_till_date, comment, units_per_contract, notional_price_micros, "
    "notional_cents, maker_id, created_at, state, required_approvals, filled_qty, status_text "
    "FROM orders");

OrderRecord orderRecordFromRow(const QSqlQuery& q)
{
    OrderRecord r;
    r.id = OrderId{q.value(0).toLongLong()};
    const std::string what = "order " + idText(r.id);
    r.request.symbol = toStd(q.value(1).toString());
    r.request.deliveryMonth = desk::monthFromColumn(q.value(2), what);
    r.request.side = sideFrom(q.value(3), what);
    r.request.quantity = q.value(4).toLongLong();
    r.request.type =
        parsedCode(parseOrderTypeCode(toStd(q.value(5).toString())), q.value(5), what + " type");
    if (!q.value(6).isNull())
        r.request.limitPriceMicros = q.value(6).toLongLong();
    r.request.timeInForce = parsedCode(
        parseTimeInForceCode(toStd(q.value(7).toString())), q.value(7), what + " time in force");
    if (!q.value(8).isNull())
        r.request.goodTillDate = dateFromColumn(q.value(8), what);
    r.request.comment = toStd(q.value(9).toString());
    r.unitsPerContract = q.value(10).toLongLong();
    r.notionalPriceMicros = q.value(11).toLongLong();
    r.notional = Money(Currency::Usd, q.value(12).toLongLong());
    r.maker = UserId{q.value(13).toLongLong()};
    r.createdAt = desk::timestampFromColumn(q.value(14), what);
    r.state = stateFrom(q.value(15), what);
    r.requiredApprovals = q.value(16).toInt();
    r.filledQty = q.value(17).toLongLong();
    r.statusText = toStd(q.value(18).toString());
    return r;
}

std::map<std::int64_t, std::vector<Approval>>
approvals(const QSqlDatabase& db, const SqlContext& context, std::optional<OrderId> id)
{
    QString sql = QStringLiteral("SELECT order_id, approver_id, at, comment FROM order_approvals");
    if (id)
        sql += QStringLiteral(" WHERE order_id = ?");
    sql += QStringLiteral(" ORDER BY order_id, rowid");
    QSqlQuery q = prepareQuery(db, sql, context);
    q.setForwardOnly(true);
    if (id)
        q.addBindValue(v64(id->value));
    std::map<std::int64_t, std::vector<Approval>> out;
    forEachRow(q, context, [&](const QSqlQuery& row) {
        const std::int64_t orderId = row.value(0).toLongLong();
        out[orderId].push_back(Approval{
            UserId{row.value(1).toLongLong()},
            desk::timestampFromColumn(row.value(2), "approval of order " + std::to_string(orderId)),
            toStd(row.value(3).toString())});
    });
    return out;
}

std::vector<Order> loadOrders(const QSqlDatabase& db,
                              const SqlContext& context,
                              const QString& where,
                              const QVariant& bound)
{
    QSqlQuery q = prepareQuery(db, kOrderColumns + where + QStringLiteral(" ORDER BY id"), context);
    q.setForwardOnly(true);
    if (bound.isValid())
        q.addBindValue(bound);
    std::vector<OrderRecord> records;
    forEachRow(
        q, context, [&](const QSqlQuery& row) { records.push_back(orderRecordFromRow(row)); });
    std::optional<OrderId> single;
    if (records.size() == 1)
        single = records.front().id;
    auto byOrder = approvals(db, context, single);
    std::vector<Order> out;
    out.reserve(records.size());
    for (auto& r : records) {
        if (auto it = byOrder.find(r.id.value); it != byOrder.end())
            r.approvals = std::move(it->second);
        try {
            out.push_back(Order::fromRecord(std::move(r)));
        } catch (const Error& e) {
            throw StorageError(context.operation + ": " + e.what());
        }
    }
    return out;
}

void insertOrder(const QSqlDatabase& db,
                 const SqlContext& context,
                 const Order& o,
                 const std::string& origin)
{
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral(
            "INSERT INTO orders (id, symbol, delivery_month, side, quantity, order_type, "
            "limit_price_micros, time_in_force, good_till_date, comment, units_per_contract, "
            "notional_price_micros, notional_cents, maker_id, created_at, state, "
            "required_approvals, filled_qty, status_text, updated_at, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    const OrderRecord& r = o.record();
    q.addBindValue(v64(r.id.value));
    q.addBindValue(toQString(r.request.symbol));
    q.addBindValue(desk::isoText(r.request.deliveryMonth));
    q.addBindValue(code(sideCode(r.request.side)));
    q.addBindValue(v64(r.request.quantity));
    q.addBindValue(code(orderTypeCode(r.request.type)));
    q.addBindValue(nullable64(r.request.limitPriceMicros));
    q.addBindValue(code(timeInForceCode(r.request.timeInForce)));
    q.addBindValue(r.request.goodTillDate ? QVariant(isoText(*r.request.goodTillDate))
                                          : QVariant());
    q.addBindValue(toQString(r.request.comment));
    q.addBindValue(v64(r.unitsPerContract));
    q.addBindValue(v64(r.notionalPriceMicros));
    q.addBindValue(v64(r.notional.minorUnits()));
    q.addBindValue(v64(r.maker.value));
    q.addBindValue(desk::isoText(r.createdAt));
    q.addBindValue(code(orderStateCode(r.state)));
    q.addBindValue(r.requiredApprovals);
    q.addBindValue(v64(r.filledQty));
    q.addBindValue(toQString(r.statusText));
    q.addBindValue(desk::isoText(r.createdAt));
    q.addBindValue(toQString(origin));
    execPrepared(q, context);
}

void updateOrder(const QSqlDatabase& db,
                 const SqlContext& context,
                 const Order& before,
                 const Order& after,
                 Timestamp at)
{
    // The WHERE clause repeats the state read in this transaction: an update that finds another
    // state touches no row and is refused rather than overwriting a concurrent change.
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE orders SET state = ?, required_approvals = "
                                              "?, filled_qty = ?, status_text = ?, updated_at = ? "
                                              "WHERE id = ? AND state = ? AND filled_qty = ?"),
                               context);
    q.addBindValue(code(orderStateCode(after.state())));
    q.addBindValue(after.requiredApprovals());
    q.addBindValue(v64(after.filledQty()));
    q.addBindValue(toQString(after.statusText()));
    q.addBindValue(desk::isoText(at));
    q.addBindValue(v64(after.id().value));
    q.addBindValue(code(orderStateCode(before.state())));
    q.addBindValue(v64(before.filledQty()));
    execPrepared(q, context);
    if (q.numRowsAffected() != 1)
        throw StorageError(context.operation + ": " + before.describe()
                           + " changed while it was being updated");
    for (std::size_t i = before.approvals().size(); i < after.approvals().size(); ++i) {
        const Approval& a = after.approvals()[i];
        QSqlQuery ins =
            prepareQuery(db,
                         QStringLiteral("INSERT INTO order_approvals (order_id, "
                                        "approver_id, at, comment) VALUES (?, ?, ?, ?)"),
                         context);
        ins.addBindValue(v64(after.id().value));
        ins.addBindValue(v64(a.approver.value));
        ins.addBindValue(desk::isoText(a.at));
        ins.addBindValue(toQString(a.comment));
        execPrepared(ins, context);
    }
}

void insertEvent(const QSqlDatabase& db, const SqlContext& context, const OrderEvent& e)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("INSERT INTO order_events (order_id, action, "
                                              "from_state, to_state, actor_id, at, comment) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                               context);
    q.addBindValue(v64(e.orderId.value));
    q.addBindValue(code(orderActionCode(e.action)));
    q.addBindValue(code(orderStateCode(e.from)));
    q.addBindValue(code(orderStateCode(e.to)));
    q.addBindValue(e.actor ? v64(e.actor->value) : QVariant());
    q.addBindValue(desk::isoText(e.at));
    q.addBindValue(toQString(e.comment));
    execPrepared(q, context);
}

std::vector<OrderEvent>
loadEvents(const QSqlDatabase& db, const SqlContext& context, std::optional<OrderId> id)
{
    QString sql = QStringLiteral(
        "SELECT order_id, action, from_state, to_state, actor_id, at, comment FROM order_events");
    if (id)
        sql += QStringLiteral(" WHERE order_id = ?");
    sql += QStringLiteral(" ORDER BY id");
    QSqlQuery q = prepareQuery(db, sql, context);
    q.setForwardOnly(true);
    if (id)
        q.addBindValue(v64(id->value));
    std::vector<OrderEvent> out;
    forEachRow(q, context, [&](const QSqlQuery& row) {
        OrderEvent e;
        e.orderId = OrderId{row.value(0).toLongLong()};
        const std::string what = "event of order " + idText(e.orderId);
        e.action = parsedCode(
            parseOrderActionCode(toStd(row.value(1).toString())), row.value(1), what + " action");
        e.from = stateFrom(row.value(2), what);
        e.to = stateFrom(row.value(3), what);
        if (!row.value(4).isNull())
            e.actor = UserId{row.value(4).toLongLong()};
        e.at = desk::timestampFromColumn(row.value(5), what);
        e.comment = toStd(row.value(6).toString());
        out.push_back(std::move(e));
    });
    return out;
}

std::vector<Fill> loadFills(const QSqlDatabase& db, const SqlContext& context)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("SELECT exec_id, order_id, symbol, delivery_month, "
                                              "side, quantity, price_micros, units_per_contract, "
                                              "fee_cents, at FROM fills ORDER BY id"),
                               context);
    q.setForwardOnly(true);
    std::vector<Fill> out;
    forEachRow(q, context, [&](const QSqlQuery& row) {
        Fill f;
        f.execId = toStd(row.value(0).toString());
        const std::string what = "fill " + f.execId;
        f.orderId = OrderId{row.value(1).toLongLong()};
        f.symbol = toStd(row.value(2).toString());
        f.deliveryMonth = desk::monthFromColumn(row.value(3), what);
        f.side = sideFrom(row.value(4), what);
        f.quantity = row.value(5).toLongLong();
        f.priceMicros = row.value(6).toLongLong();
        f.unitsPerContract = row.value(7).toLongLong();
        f.fee = Money(Currency::Usd, row.value(8).toLongLong());
        f.at = desk::timestampFromColumn(row.value(9), what);
        out.push_back(std::move(f));
    });
    return out;
}

void insertFill(const QSqlDatabase& db, const SqlContext& context, const Fill& f)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("INSERT INTO fills (exec_id, order_id, symbol, "
                                              "delivery_month, side, quantity, price_micros, "
                                              "units_per_contract, fee_cents, at) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               context);
    q.addBindValue(toQString(f.execId));
    q.addBindValue(v64(f.orderId.value));
    q.addBindValue(toQString(f.symbol));
    q.addBindValue(desk::isoText(f.deliveryMonth));
    q.addBindValue(code(sideCode(f.side)));
    q.addBindValue(v64(f.quantity));
    q.addBindValue(v64(f.priceMicros));
    q.addBindValue(v64(f.unitsPerContract));
    q.addBindValue(v64(f.fee.minorUnits()));
    q.addBindValue(desk::isoText(f.at));
    execPrepared(q, context);
}

namespace {

const QString kPositionColumns =
    QStringLiteral("SELECT symbol, delivery_month, units_per_contract, net_qty, open_cost_micros, "
                   "realised_cents, fees_cents, settled FROM positions");

Position positionFromRow(const QSqlQuery& row)
{
    Position p;
    p.symbol = toStd(row.value(0).toString());
    p.deliveryMonth = desk::monthFromColumn(row.value(1), "position " + p.symbol);
    p.unitsPerContract = row.value(2).toLongLong();
    p.netQty = row.value(3).toLongLong();
    p.openCostMicros = row.value(4).toLongLong();
    p.realisedPnl = Money(Currency::Usd, row.value(5).toLongLong());
    p.fees = Money(Currency::Usd, row.value(6).toLongLong());
    p.settled = row.value(7).toInt() != 0;
    return p;
}

} // namespace

std::vector<Position> loadPositions(const QSqlDatabase& db, const SqlContext& context)
{
    QSqlQuery q = prepareQuery(
        db, kPositionColumns + QStringLiteral(" ORDER BY symbol, delivery_month"), context);
    q.setForwardOnly(true);
    std::vector<Position> out;
    forEachRow(q, context, [&](const QSqlQuery& row) { out.push_back(positionFromRow(row)); });
    return out;
}

std::optional<Position> loadPosition(const QSqlDatabase& db,
                                     const SqlContext& context,
                                     const std::string& symbol,
                                     Month month)
{
    QSqlQuery q = prepareQuery(
        db, kPositionColumns + QStringLiteral(" WHERE symbol = ? AND delivery_month = ?"), context);
    q.addBindValue(toQString(symbol));
    q.addBindValue(desk::isoText(month));
    std::optional<Position> out;
    forEachRow(q, context, [&](const QSqlQuery& row) { out = positionFromRow(row); });
    return out;
}

void upsertPosition(const QSqlDatabase& db, const SqlContext& context, const Position& p)
{
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT INTO positions (symbol, delivery_month, units_per_contract, "
                       "net_qty, open_cost_micros, realised_cents, fees_cents, settled) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, delivery_month) DO "
                       "UPDATE SET units_per_contract = excluded.units_per_contract, net_qty = "
                       "excluded.net_qty, open_cost_micros = excluded.open_cost_micros, "
                       "realised_cents = excluded.realised_cents, fees_cents = "
                       "excluded.fees_cents, settled = excluded.settled"),
        context);
    q.addBindValue(toQString(p.symbol));
    q.addBindValue(desk::isoText(p.deliveryMonth));
    q.addBindValue(v64(p.unitsPerContract));
    q.addBindValue(v64(p.netQty));
    q.addBindValue(v64(p.openCostMicros));
    q.addBindValue(v64(p.realisedPnl.minorUnits()));
    q.addBindValue(v64(p.fees.minorUnits()));
    q.addBindValue(p.settled ? 1 : 0);
    execPrepared(q, context);
}

std::vector<Mark> loadMarks(const QSqlDatabase& db, const SqlContext& context)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("SELECT date, symbol, delivery_month, price_micros "
                                              "FROM marks ORDER BY date, symbol, delivery_month"),
                               context);
    q.setForwardOnly(true);
    std::vector<Mark> out;
    forEachRow(q, context, [&](const QSqlQuery& row) {
        Mark m;
        m.date = dateFromColumn(row.value(0), "mark");
        m.symbol = toStd(row.value(1).toString());
        m.deliveryMonth = desk::monthFromColumn(row.value(2), "mark of " + m.symbol);
        m.priceMicros = row.value(3).toLongLong();
        out.push_back(std::move(m));
    });
    return out;
}

std::string fillAuditText(const Fill& f)
{
    return "exec=" + f.execId + ";order=" + idText(f.orderId) + ";symbol=" + f.symbol
           + ";month=" + formatIsoMonth(f.deliveryMonth) + ";side=" + sideCode(f.side)
           + ";qty=" + std::to_string(f.quantity) + ";price=" + formatPriceMicros(f.priceMicros)
           + ";fee=" + f.fee.toDecimalString() + ";at=" + formatIsoTimestamp(f.at);
}

std::string positionAuditText(const Position& p)
{
    return "symbol=" + p.symbol + ";month=" + formatIsoMonth(p.deliveryMonth) + ";net="
           + std::to_string(p.netQty) + ";open_cost_micros=" + std::to_string(p.openCostMicros)
           + ";realised=" + p.realisedPnl.toDecimalString() + ";fees=" + p.fees.toDecimalString()
           + ";settled=" + (p.settled ? "1" : "0");
}

} // namespace ch::storage::rows
