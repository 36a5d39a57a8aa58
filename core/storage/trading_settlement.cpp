// Cash settlement of expired positions (trading_settlement.h; schema/0006_settlement.sql).

#include "storage/trading_settlement.h"

#include "pricing/calendar.h"
#include "storage/audit_log.h"
#include "storage/desk_sql.h"
#include "storage/trading_rows.h"
#include "trading/order.h"

#include <algorithm>
#include <cmath>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;
using namespace trading;

namespace {

std::string monthName(const std::string& symbol, Month m)
{
    return symbol + " " + formatIsoMonth(m);
}

//! The final settlement price of `month` on index `indexId`, or why there is none.
struct FinalPrice
{
    std::int64_t micros = 0;
    std::size_t fixings = 0;
    std::string problem; //!< empty when the price exists
};

//! The fixing of `series` on `d` (the series is sorted by date, one point per date), or null.
const DailyPrice* fixingOn(const PriceSeries* series, Date d)
{
    if (series == nullptr)
        return nullptr;
    const auto it = std::lower_bound(series->points.begin(),
                                     series->points.end(),
                                     d,
                                     [](const DailyPrice& p, Date date) { return p.date < date; });
    return it != series->points.end() && it->date == d ? &*it : nullptr;
}

//! market.md §1.5: the arithmetic mean of the daily index over the contract month's business days.
//! Each fixing (USD per unit, a double with at most six decimals in the dataset) is rounded half
//! away from zero to micros first, so the average is taken over exact integers.
FinalPrice finalPrice(const MarketDataSet& market, const std::string& indexId, Month month)
{
    const PriceSeries* series = market.findSeries(indexId);
    std::vector<std::int64_t> fixings;
    for (const Date d : pricing::businessDaysOf(month)) {
        const DailyPrice* p = fixingOn(series, d);
        if (p == nullptr)
            return FinalPrice{0, 0, "no fixing of " + indexId + " on " + formatIsoDate(d)};
        fixings.push_back(static_cast<std::int64_t>(std::llround(p->usd * 1e6)));
    }
    return FinalPrice{monthlyAverageMicros(fixings), fixings.size(), {}};
}

std::string settlementAuditText(const Settlement& s)
{
    return "final_price=" + formatPriceMicros(s.finalPriceMicros) + ";settled_qty="
           + std::to_string(s.settledQty) + ";settlement_realised=" + s.realised.toDecimalString()
           + ";settlement_fee=" + s.fee.toDecimalString() + ";index=" + s.indexId + ";fixings="
           + std::to_string(s.fixings) + ";last_trading_day=" + formatIsoDate(s.lastTradingDay);
}

void insertSettlement(const QSqlDatabase& db, const SqlContext& context, const Settlement& s)
{
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT INTO settlements (symbol, delivery_month, last_trading_day, "
                       "index_id, fixings, final_price_micros, settled_qty, "
                       "fee_per_contract_cents, realised_cents, fee_cents, settled_by, "
                       "settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    q.addBindValue(toQString(s.symbol));
    q.addBindValue(desk::isoText(s.deliveryMonth));
    q.addBindValue(toQString(formatIsoDate(s.lastTradingDay)));
    q.addBindValue(toQString(s.indexId));
    q.addBindValue(v64(static_cast<std::int64_t>(s.fixings)));
    q.addBindValue(v64(s.finalPriceMicros));
    q.addBindValue(v64(s.settledQty));
    q.addBindValue(v64(s.feePerContractCents));
    q.addBindValue(v64(s.realised.minorUnits()));
    q.addBindValue(v64(s.fee.minorUnits()));
    q.addBindValue(toQString(s.settledBy));
    q.addBindValue(desk::isoText(s.settledAt));
    execPrepared(q, context);
}

} // namespace

SettlementEvent Settlement::event() const
{
    return SettlementEvent{
        lastTradingDay, symbol, deliveryMonth, finalPriceMicros, feePerContractCents};
}

SettlementRun settleExpiredPositions(
    Workspace& workspace, const MarketDataSet& market, Date asOf, const User& actor, Timestamp at)
{
    // Settling books what the exchange does with the desk's contracts, so it belongs to the roles
    // that send orders to it (release_order), not to the viewer or the admin (users.h).
    require(actor.can(Permission::ReleaseOrder),
            "user " + describeUser(actor) + " may not settle positions");
    const auto context = contextOf(workspace, "settling expired positions in");
    const QSqlDatabase db = databaseOf(workspace);
    Transaction tx(db, context);
    AuditLog audit(workspace);
    SettlementRun run;
    // Re-read inside BEGIN IMMEDIATE: a position settled by another writer is seen as settled.
    for (const Position& p : rows::loadPositions(db, context)) {
        if (p.settled || p.netQty == 0)
            continue;
        const Date lastTradingDay = pricing::lastBusinessDay(p.deliveryMonth);
        if (!(lastTradingDay < asOf))
            continue;
        const std::string name = monthName(p.symbol, p.deliveryMonth);
        const ContractSpec* spec = market.findContract(p.symbol);
        if (spec == nullptr) {
            run.notSettled.push_back(name + ": contract " + p.symbol
                                     + " is not in the workspace's market data; not settled");
            continue;
        }
        const FinalPrice price = finalPrice(market, spec->underlyingIndex, p.deliveryMonth);
        if (!price.problem.empty()) {
            run.notSettled.push_back(name + ": " + price.problem + "; not settled");
            continue;
        }
        const SettlementResult r = cashSettle(p, price.micros, spec->feePerSideCents);
        Settlement s;
        s.symbol = p.symbol;
        s.deliveryMonth = p.deliveryMonth;
        s.lastTradingDay = lastTradingDay;
        s.indexId = spec->underlyingIndex;
        s.fixings = price.fixings;
        s.finalPriceMicros = price.micros;
        s.settledQty = r.settledQty;
        s.feePerContractCents = spec->feePerSideCents;
        s.realised = r.realised;
        s.fee = r.fee;
        s.settledBy = actor.login;
        s.settledAt = at;
        rows::upsertPosition(db, context, r.position);
        insertSettlement(db, context, s);
        audit.append(tx,
                     AuditRecord{actor.login,
                                 "position.settle",
                                 "position",
                                 name,
                                 rows::positionAuditText(p),
                                 rows::positionAuditText(r.position) + ";" + settlementAuditText(s),
                                 "cash settlement at the average of " + std::to_string(s.fixings)
                                     + " business-day fixings of " + s.indexId + " over "
                                     + formatIsoMonth(s.deliveryMonth)},
                     at);
        run.settled.push_back(std::move(s));
    }
    if (!run.settled.empty())
        tx.commit(); // otherwise nothing was written and the transaction rolls back
    return run;
}

std::vector<Settlement> settlements(Workspace& workspace)
{
    const auto context = contextOf(workspace, "reading settlements of");
    QSqlQuery q = prepareQuery(
        databaseOf(workspace),
        QStringLiteral("SELECT symbol, delivery_month, last_trading_day, index_id, fixings, "
                       "final_price_micros, settled_qty, fee_per_contract_cents, realised_cents, "
                       "fee_cents, settled_by, settled_at FROM settlements ORDER BY symbol, "
                       "delivery_month"),
        context);
    q.setForwardOnly(true);
    std::vector<Settlement> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        Settlement s;
        s.symbol = toStd(row.value(0).toString());
        const std::string what = "settlement of " + s.symbol;
        s.deliveryMonth = desk::monthFromColumn(row.value(1), what);
        s.lastTradingDay = dateFromColumn(row.value(2), what);
        s.indexId = toStd(row.value(3).toString());
        s.fixings = static_cast<std::size_t>(row.value(4).toLongLong());
        s.finalPriceMicros = row.value(5).toLongLong();
        s.settledQty = row.value(6).toLongLong();
        s.feePerContractCents = row.value(7).toLongLong();
        s.realised = Money(Currency::Usd, row.value(8).toLongLong());
        s.fee = Money(Currency::Usd, row.value(9).toLongLong());
        s.settledBy = toStd(row.value(10).toString());
        s.settledAt = desk::timestampFromColumn(row.value(11), what);
        out.push_back(std::move(s));
    });
    return out;
}

std::vector<SettlementEvent> settlementEvents(Workspace& workspace)
{
    std::vector<SettlementEvent> out;
    for (const Settlement& s : settlements(workspace))
        out.push_back(s.event());
    return out;
}

} // namespace ch::storage
