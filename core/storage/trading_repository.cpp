#include "storage/trading_repository.h"

#include "storage/audit_log.h"
#include "storage/desk_sql.h"
#include "storage/trading_rows.h"
#include "storage/trading_write.h"

#include <cstdlib>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;
using namespace trading;

namespace {

std::string checksAuditText(const PreTradeReport& report)
{
    std::string s;
    for (const auto& f : report.findings)
        s += std::string(s.empty() ? "" : "; ") + preTradeCheckCode(f.check) + " ("
             + (f.severity == Severity::Error ? "error" : "warning") + "): " + f.message;
    return s;
}

} // namespace

TradingRepository::TradingRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

std::vector<Order> TradingRepository::orders() const
{
    return rows::loadOrders(databaseOf(m_workspace), contextOf(m_workspace, "reading orders of"));
}

std::optional<Order> TradingRepository::order(OrderId id) const
{
    auto found = rows::loadOrders(databaseOf(m_workspace),
                                  contextOf(m_workspace, "reading order " + idText(id) + " of"),
                                  QStringLiteral(" WHERE id = ?"),
                                  v64(id.value));
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

Order TradingRepository::requireOrder(OrderId id) const
{
    if (auto o = order(id))
        return std::move(*o);
    throw StorageError("order " + idText(id) + " does not exist in workspace '"
                       + displayName(m_workspace.path()) + "'");
}

std::vector<Order> TradingRepository::ordersAtBroker() const
{
    return rows::loadOrders(databaseOf(m_workspace),
                            contextOf(m_workspace, "reading orders at the broker in"),
                            QStringLiteral(" WHERE state IN ('sent', 'partially_filled')"));
}

std::vector<OrderEvent> TradingRepository::events(OrderId id) const
{
    return rows::loadEvents(databaseOf(m_workspace),
                            contextOf(m_workspace, "reading events of order " + idText(id) + " in"),
                            id);
}

std::vector<OrderEvent> TradingRepository::allEvents() const
{
    return rows::loadEvents(
        databaseOf(m_workspace), contextOf(m_workspace, "reading order events of"), std::nullopt);
}

std::vector<PreTradeFinding> TradingRepository::findings(OrderId id) const
{
    const auto context =
        contextOf(m_workspace, "reading the pre-trade findings of order " + idText(id) + " in");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace),
                               QStringLiteral("SELECT check_code, severity, message FROM "
                                              "order_checks WHERE order_id = ? ORDER BY position"),
                               context);
    q.addBindValue(v64(id.value));
    std::vector<PreTradeFinding> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        PreTradeFinding f;
        const std::string checkCode = toStd(row.value(0).toString());
        bool known = false;
        for (int c = 0; c <= static_cast<int>(PreTradeCheck::Duplicate); ++c)
            if (checkCode == preTradeCheckCode(static_cast<PreTradeCheck>(c))) {
                f.check = static_cast<PreTradeCheck>(c);
                known = true;
            }
        if (!known)
            throw StorageError("unknown pre-trade check \"" + checkCode + "\"");
        f.severity =
            row.value(1).toString() == QLatin1String("error") ? Severity::Error : Severity::Warning;
        f.message = toStd(row.value(2).toString());
        out.push_back(std::move(f));
    });
    return out;
}

std::string TradingRepository::origin(OrderId id) const
{
    const auto context = contextOf(m_workspace, "reading order " + idText(id) + " of");
    QSqlQuery q = prepareQuery(
        databaseOf(m_workspace), QStringLiteral("SELECT origin FROM orders WHERE id = ?"), context);
    q.addBindValue(v64(id.value));
    std::string out;
    desk::forEachRow(
        q, context, [&](const QSqlQuery& row) { out = toStd(row.value(0).toString()); });
    return out;
}

std::vector<Fill> TradingRepository::fills() const
{
    return rows::loadFills(databaseOf(m_workspace), contextOf(m_workspace, "reading fills of"));
}

std::vector<Position> TradingRepository::positions() const
{
    return rows::loadPositions(databaseOf(m_workspace),
                               contextOf(m_workspace, "reading positions of"));
}

std::vector<Mark> TradingRepository::marks() const
{
    return rows::loadMarks(databaseOf(m_workspace), contextOf(m_workspace, "reading marks of"));
}

DeskLimits TradingRepository::limits() const
{
    const auto context = contextOf(m_workspace, "reading the trading limits of");
    QSqlQuery q = prepareQuery(
        databaseOf(m_workspace),
        QStringLiteral("SELECT max_contracts_per_month, max_contracts_per_contract, "
                       "max_order_notional_cents, collar_fraction, duplicate_window_seconds, "
                       "two_approver_threshold_cents, updated_by, updated_at FROM trading_limits"),
        context);
    std::optional<DeskLimits> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        DeskLimits d;
        d.limits.maxContractsPerMonth = row.value(0).toLongLong();
        d.limits.maxContractsPerContract = row.value(1).toLongLong();
        d.limits.maxOrderNotional = Money(Currency::Usd, row.value(2).toLongLong());
        d.limits.collarFraction = row.value(3).toDouble();
        d.limits.duplicateWindow = std::chrono::seconds(row.value(4).toLongLong());
        d.approval.twoApproverThreshold = Money(Currency::Usd, row.value(5).toLongLong());
        d.updatedBy = toStd(row.value(6).toString());
        d.updatedAt = desk::timestampFromColumn(row.value(7), "trading limits");
        out = d;
    });
    if (!out)
        throw StorageError(context.operation + ": the trading limits row is missing");
    return *out;
}

PaperBrokerSettings TradingRepository::paperBroker() const
{
    const auto context = contextOf(m_workspace, "reading the paper broker settings of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace),
                               QStringLiteral("SELECT seed, slippage_bps, reject_probability, "
                                              "partial_fill_probability, max_partial_fills FROM "
                                              "paper_broker"),
                               context);
    std::optional<PaperBrokerSettings> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        out = PaperBrokerSettings{static_cast<std::uint64_t>(row.value(0).toLongLong()),
                                  row.value(1).toDouble(),
                                  row.value(2).toDouble(),
                                  row.value(3).toDouble(),
                                  row.value(4).toInt()};
    });
    if (!out)
        throw StorageError(context.operation + ": the paper broker row is missing");
    return *out;
}

PreTradeReport TradingRepository::preTradeChecks(const Order& order,
                                                 const ContractSpec& spec,
                                                 const PreTradeInputs& inputs) const
{
    PreTradeContext ctx;
    ctx.valuationDate = inputs.valuationDate;
    ctx.spec = spec;
    ctx.lastTradingDay = inputs.lastTradingDay;
    ctx.referencePriceMicros = inputs.referencePriceMicros;
    const DeskLimits desk = limits();
    ctx.limits = desk.limits;
    for (const Position& p : positions()) {
        if (p.symbol != order.symbol())
            continue;
        ctx.grossPositionAllMonths += std::llabs(p.netQty);
        if (p.deliveryMonth == order.deliveryMonth())
            ctx.positionInMonth = p.netQty;
    }
    const auto window = desk.limits.duplicateWindow;
    const auto context = contextOf(m_workspace, "reading recent orders of");
    ctx.recentOrders = rows::loadOrders(databaseOf(m_workspace),
                                        context,
                                        QStringLiteral(" WHERE created_at >= ?"),
                                        desk::isoText(order.createdAt() - window));
    if (inputs.band)
        ctx.band = *inputs.band;
    PreTradeReport report = runPreTradeChecks(order, ctx);
    if (!inputs.band) {
        // Without plan exposure the core check would treat the month as unhedgeable and block
        // every trade; say plainly that the ratio was not checked instead.
        std::erase_if(report.findings, [](const PreTradeFinding& f) {
            return f.check == PreTradeCheck::PolicyBand;
        });
        report.findings.insert(report.findings.begin(),
                               PreTradeFinding{PreTradeCheck::PolicyBand,
                                               Severity::Warning,
                                               "hedge ratio not checked: the workspace has no plan "
                                               "exposure and policy band for "
                                                   + order.symbol() + " "
                                                   + formatIsoMonth(order.deliveryMonth())});
    }
    return report;
}

Order TradingRepository::createDraft(const OrderRequest& request,
                                     const ContractSpec& spec,
                                     std::int64_t referencePriceMicros,
                                     const User& maker,
                                     Timestamp at,
                                     const std::string& origin)
{
    require(maker.can(Permission::CreateOrder),
            "user " + describeUser(maker) + " may not create orders");
    const auto context = contextOf(m_workspace, "saving a new order to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    // The next id is read under the write lock that BEGIN IMMEDIATE took, so it is free.
    const std::int64_t id =
        queryValue(db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM orders"), context)
            .toLongLong();
    const Order draft =
        Order::draft(OrderId{id}, request, spec, referencePriceMicros, maker.id, at);
    rows::insertOrder(db, context, draft, origin);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{maker.login,
                            "order.create",
                            "order",
                            idText(draft.id()),
                            {},
                            orderAuditText(draft),
                            origin + (request.comment.empty() ? "" : ": " + request.comment)},
                at);
    tx.commit();
    return draft;
}

Order TradingRepository::submit(OrderId id,
                                const User& maker,
                                Timestamp at,
                                const ContractSpec& spec,
                                const PreTradeInputs& inputs)
{
    PreTradeReport checks;
    std::string findingsText;
    return desk::writeTransition(
        m_workspace,
        id,
        "submitting",
        maker.login,
        "order.submit",
        at,
        [&](const Order& o) {
            checks = preTradeChecks(o, spec, inputs);
            findingsText = checksAuditText(checks);
            return submitForApproval(o, maker, at, checks, limits().approval);
        },
        [&](const QSqlDatabase& db, const SqlContext& context, const Order& o) {
            int position = 0;
            for (const auto& f : checks.findings) {
                QSqlQuery q = prepareQuery(db,
                                           QStringLiteral("INSERT INTO order_checks (order_id, "
                                                          "position, check_code, severity, "
                                                          "message) VALUES (?, ?, ?, ?, ?)"),
                                           context);
                q.addBindValue(v64(o.id().value));
                q.addBindValue(position++);
                q.addBindValue(QString::fromLatin1(preTradeCheckCode(f.check)));
                q.addBindValue(f.severity == Severity::Error ? QStringLiteral("error")
                                                             : QStringLiteral("warning"));
                q.addBindValue(toQString(f.message));
                execPrepared(q, context);
            }
        },
        &findingsText);
}

} // namespace ch::storage
