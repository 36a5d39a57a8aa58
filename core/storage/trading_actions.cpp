// TradingRepository: the checker's and the desk's order transitions, marks and limits. Each is one
// transaction with its audit entry (trading_write.h).

#include "storage/trading_repository.h"
#include "storage/trading_write.h"

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;
using namespace trading;

Order TradingRepository::approve(OrderId id,
                                 const User& approver,
                                 Timestamp at,
                                 const std::string& comment)
{
    return desk::writeTransition(
        m_workspace, id, "approving", approver.login, "order.approve", at, [&](const Order& o) {
            return trading::approve(o, approver, at, comment);
        });
}

Order TradingRepository::reject(OrderId id,
                                const User& approver,
                                Timestamp at,
                                const std::string& reason)
{
    return desk::writeTransition(
        m_workspace, id, "rejecting", approver.login, "order.reject", at, [&](const Order& o) {
            return trading::reject(o, approver, at, reason);
        });
}

Order TradingRepository::release(OrderId id, const User& actor, Timestamp at)
{
    return desk::writeTransition(
        m_workspace, id, "releasing", actor.login, "order.release", at, [&](const Order& o) {
            return trading::release(o, actor, at);
        });
}

Order TradingRepository::cancel(OrderId id,
                                const User& actor,
                                Timestamp at,
                                const std::string& reason)
{
    return desk::writeTransition(
        m_workspace, id, "cancelling", actor.login, "order.cancel", at, [&](const Order& o) {
            return trading::cancel(o, actor, at, reason);
        });
}

Order TradingRepository::expire(OrderId id, Timestamp at, const std::string& reason)
{
    return desk::writeTransition(
        m_workspace, id, "expiring", "system", "order.expire", at, [&](const Order& o) {
            return trading::expire(o, at, reason);
        });
}

std::vector<Order> TradingRepository::expireStale(Date today,
                                                  const std::function<Date(Month)>& lastTradingDay,
                                                  Timestamp at)
{
    require(static_cast<bool>(lastTradingDay), "expireStale: no last-trading-day function");
    std::vector<Order> expired;
    for (const Order& o : orders()) {
        if (isTerminal(o.state()) || o.state() == OrderState::Draft)
            continue;
        if (!isPastTimeInForce(o, today, lastTradingDay(o.deliveryMonth())))
            continue;
        expired.push_back(expire(o.id(),
                                 at,
                                 std::string("time in force ") + timeInForceCode(o.timeInForce())
                                     + " ran out on " + formatIsoDate(today)));
    }
    return expired;
}

void TradingRepository::recordMarks(const std::vector<Mark>& marks,
                                    const std::string& source,
                                    const std::string& actor,
                                    Timestamp at)
{
    if (marks.empty())
        return;
    const auto context = contextOf(m_workspace, "saving marks to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("INSERT INTO marks (date, symbol, delivery_month, "
                                              "price_micros, source) VALUES (?, ?, ?, ?, ?) "
                                              "ON CONFLICT (date, symbol, delivery_month) DO "
                                              "UPDATE SET price_micros = excluded.price_micros, "
                                              "source = excluded.source"),
                               context);
    Date first = marks.front().date;
    Date last = first;
    for (const Mark& m : marks) {
        require(m.priceMicros > 0,
                "mark of " + m.symbol + " " + formatIsoMonth(m.deliveryMonth) + " on "
                    + formatIsoDate(m.date) + " must be positive");
        q.addBindValue(isoText(m.date));
        q.addBindValue(toQString(m.symbol));
        q.addBindValue(desk::isoText(m.deliveryMonth));
        q.addBindValue(v64(m.priceMicros));
        q.addBindValue(toQString(source));
        execPrepared(q, context);
        first = std::min(first, m.date);
        last = std::max(last, m.date);
    }
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{actor,
                            "marks.record",
                            "marks",
                            formatIsoDate(first) + ".." + formatIsoDate(last),
                            {},
                            "count=" + std::to_string(marks.size()) + ";source=" + source,
                            {}},
                at);
    tx.commit();
}

namespace {

std::string limitsAuditText(const DeskLimits& d)
{
    return "max_contracts_per_month=" + std::to_string(d.limits.maxContractsPerMonth)
           + ";max_contracts_per_contract=" + std::to_string(d.limits.maxContractsPerContract)
           + ";max_order_notional=" + d.limits.maxOrderNotional.toDecimalString()
           + ";collar_fraction=" + std::to_string(d.limits.collarFraction)
           + ";duplicate_window_s=" + std::to_string(d.limits.duplicateWindow.count())
           + ";two_approver_threshold=" + d.approval.twoApproverThreshold.toDecimalString();
}

} // namespace

void TradingRepository::setLimits(const TradingLimits& newLimits,
                                  const ApprovalPolicy& approval,
                                  const User& actor,
                                  Timestamp at)
{
    require(actor.can(Permission::ManageLimits),
            "user " + describeUser(actor) + " may not change trading limits");
    require(newLimits.maxContractsPerMonth > 0 && newLimits.maxContractsPerContract > 0
                && newLimits.maxOrderNotional.minorUnits() > 0 && newLimits.collarFraction > 0
                && newLimits.duplicateWindow.count() >= 0
                && approval.twoApproverThreshold.minorUnits() > 0,
            "trading limits must be positive (the duplicate window zero or more)");
    const auto context = contextOf(m_workspace, "saving the trading limits of");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    const DeskLimits before = limits();
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("UPDATE trading_limits SET max_contracts_per_month = ?, "
                       "max_contracts_per_contract = ?, max_order_notional_cents = ?, "
                       "collar_fraction = ?, duplicate_window_seconds = ?, "
                       "two_approver_threshold_cents = ?, updated_by = ?, updated_at = ? "
                       "WHERE id = 1"),
        context);
    q.addBindValue(v64(newLimits.maxContractsPerMonth));
    q.addBindValue(v64(newLimits.maxContractsPerContract));
    q.addBindValue(v64(newLimits.maxOrderNotional.minorUnits()));
    q.addBindValue(newLimits.collarFraction);
    q.addBindValue(v64(newLimits.duplicateWindow.count()));
    q.addBindValue(v64(approval.twoApproverThreshold.minorUnits()));
    q.addBindValue(toQString(actor.login));
    q.addBindValue(desk::isoText(at));
    execPrepared(q, context);
    const DeskLimits after{newLimits, approval, actor.login, at};
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{actor.login,
                            "limits.update",
                            "trading_limits",
                            "1",
                            limitsAuditText(before),
                            limitsAuditText(after),
                            {}},
                at);
    tx.commit();
}

namespace {

std::string paperAuditText(const PaperBrokerSettings& s)
{
    return "seed=" + std::to_string(s.seed) + ";slippage_bps=" + std::to_string(s.slippageBps)
           + ";reject_probability=" + std::to_string(s.rejectProbability)
           + ";partial_fill_probability=" + std::to_string(s.partialFillProbability)
           + ";max_partial_fills=" + std::to_string(s.maxPartialFills);
}

} // namespace

void TradingRepository::setPaperBroker(const PaperBrokerSettings& settings,
                                       const User& actor,
                                       Timestamp at)
{
    require(actor.can(Permission::ManageLimits),
            "user " + describeUser(actor) + " may not change the paper broker");
    require(settings.slippageBps >= 0 && settings.rejectProbability >= 0
                && settings.rejectProbability <= 1 && settings.partialFillProbability >= 0
                && settings.partialFillProbability <= 1 && settings.maxPartialFills >= 2,
            "paper broker: slippage >= 0, probabilities within [0, 1] and at least 2 pieces");
    const auto context = contextOf(m_workspace, "saving the paper broker settings of");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    const PaperBrokerSettings before = paperBroker();
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE paper_broker SET seed = ?, slippage_bps = ?, "
                                              "reject_probability = ?, partial_fill_probability "
                                              "= ?, max_partial_fills = ? WHERE id = 1"),
                               context);
    // SQLite INTEGER is signed: the seed's bits are stored as int64 and read back the same.
    q.addBindValue(v64(static_cast<std::int64_t>(settings.seed)));
    q.addBindValue(settings.slippageBps);
    q.addBindValue(settings.rejectProbability);
    q.addBindValue(settings.partialFillProbability);
    q.addBindValue(settings.maxPartialFills);
    execPrepared(q, context);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{actor.login,
                            "broker.paper_settings",
                            "paper_broker",
                            "1",
                            paperAuditText(before),
                            paperAuditText(settings),
                            {}},
                at);
    tx.commit();
}

} // namespace ch::storage
