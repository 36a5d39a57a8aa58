// Cash settlement at expiry (storage/trading_settlement.h): the final price is the business-day
// average of the reference index, hand-computed below from resources/data/prices_gpu.csv.

#include "pricing/calendar.h"
#include "storage/trading_rows.h"
#include "storage/trading_settlement.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace ch::trading;
using namespace std::chrono_literals;

namespace {

Date date(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Month month(int y, unsigned m)
{
    return std::chrono::year{y} / std::chrono::month{m};
}

//! The reference dataset and one user per role (scrypt at the test cost).
struct RefDesk
{
    Workspace ws;
    User trader;
    User approver;
    User admin;
    User viewer;

    static RefDesk create(const std::filesystem::path& file)
    {
        Workspace ws = Workspace::createWithReferenceData(file);
        UserRepository users(ws);
        const Timestamp t = ts("2026-08-01T08:00:00Z");
        auto add = [&](const char* login, Role role, const std::optional<User>& by) {
            return users.add(NewUser{login, login, role},
                             security::hashPassword(std::string(login) + "-pw", kCheapScrypt),
                             by,
                             t);
        };
        const User admin = add("admin", Role::Admin, std::nullopt);
        const User trader = add("trader", Role::Trader, admin);
        const User approver = add("approver", Role::Approver, admin);
        const User viewer = add("viewer", Role::Viewer, admin);
        return RefDesk{std::move(ws), trader, approver, admin, viewer};
    }

    MarketDataSet market() { return MarketDataRepository(ws).loadAll(); }

    //! Buys (qty > 0) or sells CHG.H100 `m` at `priceMicros` through the path every fill takes:
    //! draft, submit, approve, release, broker report in the inbox, processInbox.
    void book(Month m, ContractCount qty, std::int64_t priceMicros, const char* at)
    {
        const ContractSpec spec = *market().findContract("CHG.H100");
        OrderRequest r;
        r.symbol = "CHG.H100";
        r.deliveryMonth = m;
        r.side = qty > 0 ? Side::Buy : Side::Sell;
        r.quantity = qty > 0 ? qty : -qty;
        r.type = OrderType::Limit;
        r.limitPriceMicros = priceMicros;
        r.timeInForce = TimeInForce::GoodTillCancel;
        const PreTradeInputs inputs{
            date(2026, 8, 3), [](Month x) { return pricing::lastBusinessDay(x); }, priceMicros, {}};
        TradingRepository repo(ws);
        const Timestamp t = ts(at);
        const Order o = repo.createDraft(r, spec, priceMicros, trader, t);
        repo.submit(o.id(), trader, t + 1min, spec, inputs);
        repo.approve(o.id(), approver, t + 2min, "ok");
        const Order sent = repo.release(o.id(), trader, t + 3min);
        QVERIFY(repo.recordReport(ExecutionReport{"X-" + idText(o.id()),
                                                  o.id(),
                                                  ExecType::Fill,
                                                  r.quantity,
                                                  priceMicros,
                                                  r.quantity,
                                                  0,
                                                  t + 4min,
                                                  {}},
                                  t + 4min));
        const auto processed = repo.processInbox(t + 5min);
        QCOMPARE(processed.size(), std::size_t{1});
        QCOMPARE(processed.front().outcome, ApplyOutcome::Applied);
        QCOMPARE(sent.state(), OrderState::Sent);
    }

    std::optional<Position> position(Month m)
    {
        for (const Position& p : TradingRepository(ws).positions())
            if (p.symbol == "CHG.H100" && p.deliveryMonth == m)
                return p;
        return std::nullopt;
    }
};

//! GPU.H100.NC in prices_gpu.csv on the 21 US business days of September 2026 (Labor Day, 7
//! September, is not one), in micros: sum 57,865,800 / 21 = 2,755,514.2857 -> 2,755,514.
constexpr std::int64_t kSeptemberAverage = 2'755'514;

} // namespace

class TestTradingSettlement : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file() const { return pathOf(m_dir->filePath("settle.chw")); }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void settlesAtTheBusinessDayAverage()
    {
        RefDesk d = RefDesk::create(file());
        d.book(month(2026, 9), 15, 2'700'000, "2026-08-03T10:00:00Z");
        d.book(month(2026, 12), 5, 2'700'000, "2026-08-03T11:00:00Z");
        const Position before = *d.position(month(2026, 9));
        QCOMPARE(before.fees, Money(Currency::Usd, 15 * 800));
        const Position december = *d.position(month(2026, 12));
        const std::size_t auditBefore = AuditLog(d.ws).size();

        const SettlementRun run = settleExpiredPositions(
            d.ws, d.market(), date(2026, 10, 15), d.trader, ts("2026-10-15T09:00:00Z"));
        QCOMPARE(run.notSettled, std::vector<std::string>{});
        QCOMPARE(run.settled.size(), std::size_t{1});
        const Settlement& s = run.settled.front();
        QCOMPARE(s.symbol, std::string("CHG.H100"));
        QCOMPARE(s.indexId, std::string("GPU.H100.NC"));
        QCOMPARE(s.fixings, std::size_t{21});
        QCOMPARE(s.lastTradingDay, date(2026, 9, 30));
        QCOMPARE(s.finalPriceMicros, kSeptemberAverage);
        QCOMPARE(s.settledQty, ContractCount{15});
        // (2.755514 - 2.70) x 15 contracts x 730 GPU-h = 607.8783 USD -> 607.88; fee 15 x 8.00.
        QCOMPARE(s.realised, Money(Currency::Usd, 60'788));
        QCOMPARE(s.fee, Money(Currency::Usd, 12'000));

        const Position after = *d.position(month(2026, 9));
        QVERIFY(after.settled);
        QCOMPARE(after.netQty, ContractCount{0});
        QCOMPARE(after.openCostMicros, std::int64_t{0});
        QCOMPARE(after.realisedPnl, Money(Currency::Usd, 60'788));
        QCOMPARE(after.fees, Money(Currency::Usd, 24'000));
        QCOMPARE(after.netRealisedPnl(), Money(Currency::Usd, 60'788 - 24'000));
        QCOMPARE(*d.position(month(2026, 12)), december); // not expired: untouched

        const auto entries = AuditLog(d.ws).entries();
        QCOMPARE(entries.size(), auditBefore + 1);
        const AuditEntry& e = entries.back();
        QCOMPARE(e.action, std::string("position.settle"));
        QCOMPARE(e.user, std::string("trader"));
        QCOMPARE(e.objectId, std::string("CHG.H100 2026-09"));
        QCOMPARE(e.before, rows::positionAuditText(before));
        QCOMPARE(e.after,
                 rows::positionAuditText(after)
                     + ";final_price=2.755514;settled_qty=15;settlement_realised=607.88;"
                       "settlement_fee=120.00;index=GPU.H100.NC;fixings=21;"
                       "last_trading_day=2026-09-30");
        QVERIFY(AuditLog(d.ws).verify().intact());

        // Stored, and the book check replays fills then the settlement.
        const auto stored = settlements(d.ws);
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(stored.front().finalPriceMicros, kSeptemberAverage);
        QCOMPARE(stored.front().settledBy, std::string("trader"));
        QCOMPARE(stored.front().settledAt, ts("2026-10-15T09:00:00Z"));
        QVERIFY(TradingRepository(d.ws).checkBook().consistent());

        // The P&L series books the settlement on the last trading day: realised includes it and
        // the settled month adds no unrealised P&L (the December position has no mark).
        TradingRepository repo(d.ws);
        const auto series = buildPnlSeries(repo.fills(), repo.marks(), settlementEvents(d.ws));
        QCOMPARE(series.size(), std::size_t{1});
        QCOMPARE(series.front().date, date(2026, 9, 30));
        QCOMPARE(series.front().realised, Money(Currency::Usd, 60'788));
        QCOMPARE(series.front().fees, Money(Currency::Usd, 24'000 + 5 * 800));
        QCOMPARE(series.front().unrealised, Money(Currency::Usd, 0));
        QCOMPARE(series.front().unmarkedPositions, 1);

        // Idempotent: a second run settles nothing and writes nothing.
        const SettlementRun again = settleExpiredPositions(
            d.ws, d.market(), date(2026, 10, 16), d.approver, ts("2026-10-16T09:00:00Z"));
        QVERIFY(again.settled.empty());
        QVERIFY(again.notSettled.empty());
        QCOMPARE(AuditLog(d.ws).size(), auditBefore + 1);
        QCOMPARE(*d.position(month(2026, 9)), after);
    }

    void notExpiredUntilAfterTheLastTradingDay()
    {
        RefDesk d = RefDesk::create(file());
        d.book(month(2026, 9), 3, 2'700'000, "2026-08-03T10:00:00Z");
        // 2026-09-30 is the last trading day: on it the month has not expired yet.
        const SettlementRun run = settleExpiredPositions(
            d.ws, d.market(), date(2026, 9, 30), d.trader, ts("2026-09-30T20:00:00Z"));
        QVERIFY(run.settled.empty());
        QVERIFY(run.notSettled.empty());
        QVERIFY(!d.position(month(2026, 9))->settled);
    }

    void missingFixingIsReportedAndNotSettled()
    {
        RefDesk d = RefDesk::create(file());
        d.book(month(2026, 9), 15, 2'700'000, "2026-08-03T10:00:00Z");
        d.book(month(2026, 11), -4, 2'700'000, "2026-08-03T11:00:00Z");
        const Position september = *d.position(month(2026, 9));
        const Position november = *d.position(month(2026, 11));
        // A gap in September; November is past the dataset's last date (2026-10-30).
        MarketDataSet market = d.market();
        for (auto& series : market.series)
            if (series.indexId == "GPU.H100.NC")
                std::erase_if(series.points,
                              [](const DailyPrice& p) { return p.date == date(2026, 9, 14); });
        const std::size_t auditBefore = AuditLog(d.ws).size();
        const SettlementRun run = settleExpiredPositions(
            d.ws, market, date(2026, 12, 15), d.trader, ts("2026-12-15T09:00:00Z"));
        QVERIFY(run.settled.empty());
        const std::vector<std::string> expected{
            "CHG.H100 2026-09: no fixing of GPU.H100.NC on 2026-09-14; not settled",
            "CHG.H100 2026-11: no fixing of GPU.H100.NC on 2026-11-02; not settled"};
        QCOMPARE(run.notSettled, expected);
        QCOMPARE(*d.position(month(2026, 9)), september);
        QCOMPARE(*d.position(month(2026, 11)), november);
        QVERIFY(settlements(d.ws).empty());
        QCOMPARE(AuditLog(d.ws).size(), auditBefore);

        // With the full dataset September settles; November still has no fixings.
        const SettlementRun full = settleExpiredPositions(
            d.ws, d.market(), date(2026, 12, 15), d.trader, ts("2026-12-15T09:05:00Z"));
        QCOMPARE(full.settled.size(), std::size_t{1});
        QCOMPARE(full.settled.front().deliveryMonth, month(2026, 9));
        QCOMPARE(full.notSettled,
                 std::vector<std::string>{
                     "CHG.H100 2026-11: no fixing of GPU.H100.NC on 2026-11-02; not settled"});
    }

    void onlyTheDeskMaySettle()
    {
        RefDesk d = RefDesk::create(file());
        d.book(month(2026, 9), 15, 2'700'000, "2026-08-03T10:00:00Z");
        const std::size_t auditBefore = AuditLog(d.ws).size();
        const MarketDataSet market = d.market();
        QCOMPARE(errorOf([&] {
                     settleExpiredPositions(
                         d.ws, market, date(2026, 10, 15), d.viewer, ts("2026-10-15T09:00:00Z"));
                 }),
                 QString("user 'viewer' (viewer) may not settle positions"));
        QCOMPARE(errorOf([&] {
                     settleExpiredPositions(
                         d.ws, market, date(2026, 10, 15), d.admin, ts("2026-10-15T09:00:00Z"));
                 }),
                 QString("user 'admin' (admin) may not settle positions"));
        QVERIFY(!d.position(month(2026, 9))->settled);
        QCOMPARE(AuditLog(d.ws).size(), auditBefore);
        // The approver may (release_order).
        QCOMPARE(settleExpiredPositions(
                     d.ws, market, date(2026, 10, 15), d.approver, ts("2026-10-15T09:00:00Z"))
                     .settled.size(),
                 std::size_t{1});
    }
};

CH_REGISTER_TEST(TestTradingSettlement);
#include "tst_trading_settlement.moc"
