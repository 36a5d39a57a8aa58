// TradingRepository: broker reports (the inbox), fills and positions, and the book check.

#include "storage/trading_repository.h"
#include "storage/trading_settlement.h"
#include "storage/trading_write.h"

#include <map>
#include <tuple>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;
using namespace trading;

namespace {

std::string reportAuditText(const ExecutionReport& r)
{
    return "exec=" + r.execId + ";order=" + idText(r.orderId) + ";type=" + execTypeCode(r.type)
           + ";last_qty=" + std::to_string(r.lastQty)
           + ";last_price=" + formatPriceMicros(r.lastPriceMicros)
           + ";cum_qty=" + std::to_string(r.cumQty) + ";leaves_qty=" + std::to_string(r.leavesQty)
           + ";transact_time=" + formatIsoTimestamp(r.at) + ";text=" + r.text;
}

struct InboxRow
{
    std::int64_t rowId = 0;
    ExecutionReport report;
};

std::optional<InboxRow> nextPending(const QSqlDatabase& db, const SqlContext& context)
{
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("SELECT id, exec_id, order_id, exec_type, last_qty, last_price_micros, "
                       "cum_qty, leaves_qty, transact_time, text FROM broker_inbox WHERE "
                       "processed_at IS NULL ORDER BY id LIMIT 1"),
        context);
    std::optional<InboxRow> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        InboxRow r;
        r.rowId = row.value(0).toLongLong();
        r.report.execId = toStd(row.value(1).toString());
        r.report.orderId = OrderId{row.value(2).toLongLong()};
        const std::string type = toStd(row.value(3).toString());
        const auto parsed = parseExecTypeCode(type);
        if (!parsed)
            throw StorageError("inbox report " + r.report.execId + ": unknown exec type \"" + type
                               + "\"");
        r.report.type = *parsed;
        r.report.lastQty = row.value(4).toLongLong();
        r.report.lastPriceMicros = row.value(5).toLongLong();
        r.report.cumQty = row.value(6).toLongLong();
        r.report.leavesQty = row.value(7).toLongLong();
        r.report.at = desk::timestampFromColumn(row.value(8), "inbox report " + r.report.execId);
        r.report.text = toStd(row.value(9).toString());
        out = std::move(r);
    });
    return out;
}

std::vector<std::string>
appliedExecIds(const QSqlDatabase& db, const SqlContext& context, OrderId id)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("SELECT exec_id FROM broker_inbox WHERE order_id = ? "
                                              "AND outcome = 'applied'"),
                               context);
    q.addBindValue(v64(id.value));
    std::vector<std::string> out;
    desk::forEachRow(
        q, context, [&](const QSqlQuery& row) { out.push_back(toStd(row.value(0).toString())); });
    return out;
}

std::int64_t
feePerSideCents(const QSqlDatabase& db, const SqlContext& context, const std::string& symbol)
{
    QSqlQuery q = prepareQuery(
        db, QStringLiteral("SELECT fee_per_side_cents FROM contracts WHERE symbol = ?"), context);
    q.addBindValue(toQString(symbol));
    std::optional<std::int64_t> fee;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) { fee = row.value(0).toLongLong(); });
    if (!fee)
        throw StorageError(context.operation + ": contract " + symbol + " does not exist");
    return *fee;
}

void markProcessed(const QSqlDatabase& db,
                   const SqlContext& context,
                   std::int64_t rowId,
                   Timestamp at,
                   ApplyOutcome outcome,
                   const std::string& note)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE broker_inbox SET processed_at = ?, outcome "
                                              "= ?, note = ? WHERE id = ?"),
                               context);
    q.addBindValue(desk::isoText(at));
    q.addBindValue(QString::fromLatin1(applyOutcomeCode(outcome)));
    q.addBindValue(toQString(note));
    q.addBindValue(v64(rowId));
    execPrepared(q, context);
}

//! What applying one report changes, computed before anything is written. `application` is
//! empty when the report names an order this workspace does not have.
struct Booking
{
    ApplyOutcome outcome = ApplyOutcome::Anomaly;
    std::string note;
    std::optional<Order> before;
    std::optional<ExecutionApplication> application; //!< set when outcome is Applied
    std::optional<Position> position;                //!< after the fill, when there is one
};

Booking
computeBooking(const QSqlDatabase& db, const SqlContext& context, const ExecutionReport& report)
{
    Booking b;
    auto found =
        rows::loadOrders(db, context, QStringLiteral(" WHERE id = ?"), v64(report.orderId.value));
    if (found.empty()) {
        b.note = std::string(execTypeCode(report.type)) + " report " + report.execId
                 + " names order " + idText(report.orderId)
                 + ", which does not exist in this workspace";
        return b;
    }
    b.before = found.front();
    ExecutionApplication a = applyExecutionReport(*b.before,
                                                  appliedExecIds(db, context, report.orderId),
                                                  report,
                                                  feePerSideCents(db, context, b.before->symbol()));
    b.outcome = a.outcome;
    b.note = a.note;
    if (a.outcome != ApplyOutcome::Applied)
        return b;
    if (a.fill) {
        const Fill& f = *a.fill;
        const Position current =
            rows::loadPosition(db, context, f.symbol, f.deliveryMonth)
                .value_or(Position::flat(f.symbol, f.deliveryMonth, f.unitsPerContract));
        try {
            b.position = applyFill(current, f).position;
        } catch (const Error& e) {
            // A fill the position cannot take (a settled month, another contract size) is a
            // broker exception for operations, not a reason to stop processing the inbox.
            b.outcome = ApplyOutcome::Anomaly;
            b.note = e.what();
            return b;
        }
    }
    b.application = std::move(a);
    return b;
}

} // namespace

bool TradingRepository::recordReport(const ExecutionReport& r, Timestamp receivedAt)
{
    const auto context = contextOf(m_workspace, "receiving broker report " + r.execId + " in");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT OR IGNORE INTO broker_inbox (exec_id, order_id, exec_type, "
                       "last_qty, last_price_micros, cum_qty, leaves_qty, transact_time, text, "
                       "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    q.addBindValue(toQString(r.execId));
    q.addBindValue(v64(r.orderId.value));
    q.addBindValue(QString::fromLatin1(execTypeCode(r.type)));
    q.addBindValue(v64(r.lastQty));
    q.addBindValue(v64(r.lastPriceMicros));
    q.addBindValue(v64(r.cumQty));
    q.addBindValue(v64(r.leavesQty));
    q.addBindValue(desk::isoText(r.at));
    q.addBindValue(toQString(r.text));
    q.addBindValue(desk::isoText(receivedAt));
    execPrepared(q, context);
    if (q.numRowsAffected() == 0)
        return false; // received before: the transaction rolls back having written nothing
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{"broker",
                            "broker.execution_report",
                            "order",
                            idText(r.orderId),
                            {},
                            reportAuditText(r),
                            "received (FIX 35=8)"},
                receivedAt);
    tx.commit();
    return true;
}

std::size_t TradingRepository::pendingReports() const
{
    const auto context = contextOf(m_workspace, "counting pending broker reports of");
    return static_cast<std::size_t>(
        queryValue(databaseOf(m_workspace),
                   QStringLiteral("SELECT count(*) FROM broker_inbox WHERE processed_at IS NULL"),
                   context)
            .toLongLong());
}

std::vector<ReportProcessing> TradingRepository::processInbox(Timestamp at)
{
    std::vector<ReportProcessing> out;
    const QSqlDatabase db = databaseOf(m_workspace);
    for (;;) {
        const auto context = contextOf(m_workspace, "applying broker reports in");
        Transaction tx(db, context);
        const auto row = nextPending(db, context);
        if (!row)
            break; // nothing pending; the empty transaction rolls back
        const ExecutionReport& r = row->report;
        const Booking b = computeBooking(db, context, r);
        AuditLog audit(m_workspace);
        if (b.application) {
            const ExecutionApplication& a = *b.application;
            if (a.event || a.fill)
                rows::updateOrder(db, context, *b.before, a.order, at);
            if (a.event)
                rows::insertEvent(db, context, *a.event);
            std::string comment = a.event ? a.event->comment : a.note;
            if (a.fill) {
                rows::insertFill(db, context, *a.fill);
                rows::upsertPosition(db, context, *b.position);
                comment += " | fill " + rows::fillAuditText(*a.fill) + " | position "
                           + rows::positionAuditText(*b.position);
            }
            if (a.event || a.fill)
                audit.append(
                    tx,
                    AuditRecord{"broker",
                                a.event ? std::string("order.") + orderActionCode(a.event->action)
                                        : std::string("order.fill"),
                                "order",
                                idText(r.orderId),
                                orderAuditText(*b.before),
                                orderAuditText(a.order),
                                comment + " (exec " + r.execId + ")"},
                    at);
        } else if (b.outcome == ApplyOutcome::Anomaly) {
            audit.append(tx,
                         AuditRecord{"broker",
                                     "broker.anomaly",
                                     "order",
                                     idText(r.orderId),
                                     {},
                                     reportAuditText(r),
                                     b.note},
                         at);
        }
        markProcessed(db, context, row->rowId, at, b.outcome, b.note);
        tx.commit();
        out.push_back(ReportProcessing{r.execId, r.orderId, b.outcome, b.note});
    }
    return out;
}

BookCheck TradingRepository::checkBook() const
{
    BookCheck check;
    const std::vector<Fill> booked = fills();
    const std::vector<Position> stored = positions();
    check.fills = booked.size();
    check.positions = stored.size();
    // Rebuilt the way they were booked: applyFill in id (arrival) order.
    std::map<std::tuple<std::string, int, unsigned>, Position> rebuilt;
    for (const Fill& f : booked) {
        const auto key = std::make_tuple(
            f.symbol, int(f.deliveryMonth.year()), unsigned(f.deliveryMonth.month()));
        auto it = rebuilt.find(key);
        if (it == rebuilt.end())
            it = rebuilt.emplace(key, Position::flat(f.symbol, f.deliveryMonth, f.unitsPerContract))
                     .first;
        it->second = applyFill(it->second, f).position;
    }
    // A settled month is its fills followed by its cash settlement (trading_settlement.h).
    for (const Settlement& s : settlements(m_workspace)) {
        const auto it = rebuilt.find(std::make_tuple(
            s.symbol, int(s.deliveryMonth.year()), unsigned(s.deliveryMonth.month())));
        if (it != rebuilt.end())
            it->second = cashSettle(it->second, s.finalPriceMicros, s.feePerContractCents).position;
    }
    for (const Position& p : stored) {
        const auto key = std::make_tuple(
            p.symbol, int(p.deliveryMonth.year()), unsigned(p.deliveryMonth.month()));
        const std::string name = p.symbol + " " + formatIsoMonth(p.deliveryMonth);
        auto it = rebuilt.find(key);
        if (it == rebuilt.end()) {
            check.differences.push_back(name + ": stored position " + rows::positionAuditText(p)
                                        + " has no fills");
            continue;
        }
        if (!(it->second == p))
            check.differences.push_back(name + ": stored " + rows::positionAuditText(p)
                                        + ", fills give " + rows::positionAuditText(it->second));
        rebuilt.erase(it);
    }
    for (const auto& [key, p] : rebuilt)
        check.differences.push_back(p.symbol + " " + formatIsoMonth(p.deliveryMonth)
                                    + ": fills give " + rows::positionAuditText(p)
                                    + " but no position is stored");
    const auto context = contextOf(m_workspace, "checking the fills of");
    check.duplicateExecIds = static_cast<std::size_t>(
        queryValue(databaseOf(m_workspace),
                   QStringLiteral("SELECT count(*) - count(DISTINCT exec_id) FROM fills"),
                   context)
            .toLongLong());
    check.pendingReports = pendingReports();
    return check;
}

} // namespace ch::storage
