// `computehedge-cli positions settle`: the JSON equals the hand-computed settlement of a September
// 2026 position in the demo workspace, a second run settles nothing, the admin is refused, and
// `pnl series` replays the stored settlement.

#include "cli_runner.h"
#include "pricing/calendar.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/trading_settlement.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "trading/pnl_series.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace ch;
using namespace ch::test;
using namespace std::chrono_literals;

namespace {

const QStringList kTrader{"--user", "trader", "--password", "trader-demo-2026"};
const QStringList kAdmin{"--user", "admin", "--password", "admin-demo-2026"};

std::filesystem::path fsPath(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

Timestamp ts(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

//! Books a fill of 15 CHG.H100 2026-09 at 2.70 through the repository path every fill takes
//! (draft, submit, approve, release, broker report, processInbox); true when it was applied.
bool bookSeptember(storage::Workspace& ws)
{
    using namespace trading;
    storage::UserRepository users(ws);
    const User trader = *users.findByLogin("trader");
    const User approver = *users.findByLogin("approver");
    OrderRequest r;
    r.symbol = "CHG.H100";
    r.deliveryMonth = std::chrono::year{2026} / std::chrono::September;
    r.side = Side::Buy;
    r.quantity = 15;
    r.type = OrderType::Limit;
    r.limitPriceMicros = 2'700'000;
    r.timeInForce = TimeInForce::GoodTillCancel;
    const ContractSpec spec = *storage::MarketDataRepository(ws).loadAll().findContract("CHG.H100");
    const storage::PreTradeInputs inputs{
        Date{std::chrono::year{2026}, std::chrono::August, std::chrono::day{3}},
        [](Month m) { return pricing::lastBusinessDay(m); },
        2'700'000,
        {}};
    storage::TradingRepository repo(ws);
    const Timestamp t = ts("2026-08-03T10:00:00Z");
    const Order o = repo.createDraft(r, spec, 2'700'000, trader, t);
    repo.submit(o.id(), trader, t + 1min, spec, inputs);
    repo.approve(o.id(), approver, t + 2min, "ok");
    repo.release(o.id(), trader, t + 3min);
    repo.recordReport(
        ExecutionReport{"SEPT-1", o.id(), ExecType::Fill, 15, 2'700'000, 15, 0, t + 4min, {}},
        t + 4min);
    const auto processed = repo.processInbox(t + 5min);
    return processed.size() == 1 && processed.front().outcome == ApplyOutcome::Applied;
}

} // namespace

class TestCliSettle : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void settlesOnceAndPnlReplaysIt()
    {
        const QString path = m_dir.filePath("settle.chw");
        {
            storage::Workspace ws = storage::Workspace::createDemo(fsPath(path));
            QVERIFY(bookSeptember(ws));
        }
        const QStringList settle{
            "--workspace", path, "positions", "settle", "--as-of", "2026-10-15"};

        const CliRun refused = runCli(settle + kAdmin);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(errorLines(refused),
                 QStringList{QStringLiteral(
                     "computehedge-cli: error: user 'admin' (admin) may not settle positions")});

        QString problem;
        const QJsonObject out = runCliJson(settle + kTrader, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(out["as_of"].toString(), QString("2026-10-15"));
        QCOMPARE(out["not_settled"].toArray(), QJsonArray{});
        const QJsonArray settled = out["settled"].toArray();
        QCOMPARE(settled.size(), qsizetype{1});
        const QJsonObject s = settled.first().toObject();
        QCOMPARE(s["symbol"].toString(), QString("CHG.H100"));
        QCOMPARE(s["delivery_month"].toString(), QString("2026-09"));
        QCOMPARE(s["last_trading_day"].toString(), QString("2026-09-30"));
        QCOMPARE(s["index"].toString(), QString("GPU.H100.NC"));
        QCOMPARE(s["fixings"].toInteger(), 21);
        // GPU.H100.NC over the 21 business days of September 2026 (prices_gpu.csv): 57,865,800
        // micros / 21 = 2,755,514.29 -> 2,755,514; (2.755514 - 2.70) x 15 x 730 = 607.8783 USD.
        QCOMPARE(s["final_price_micros"].toInteger(), 2'755'514);
        QCOMPARE(s["settled_qty"].toInteger(), 15);
        QCOMPARE(s["realised_cents"].toInteger(), 60'788);
        QCOMPARE(s["fee_cents"].toInteger(), 15 * 800);
        QVERIFY(out.contains("disclaimer"));

        const CliRun again = runCli(settle + kTrader);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith("Nothing settled as of 2026-10-15\n"), again.out.constData());

        // The stored position is settled, and `pnl series` equals core's series with the stored
        // settlement replayed on its last trading day.
        const QJsonObject positions =
            runCliJson({"--workspace", path, "positions", "list"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        bool found = false;
        for (const auto& v : positions["positions"].toArray()) {
            const QJsonObject p = v.toObject();
            if (p["symbol"].toString() == "CHG.H100"
                && p["delivery_month"].toString() == "2026-09") {
                found = true;
                QVERIFY(p["settled"].toBool());
                QCOMPARE(p["net_qty"].toInteger(), 0);
                QCOMPARE(p["realised_cents"].toInteger(), 60'788);
                QCOMPARE(p["fees_cents"].toInteger(), 2 * 15 * 800);
            }
        }
        QVERIFY(found);

        const QJsonObject pnl = runCliJson({"--workspace", path, "pnl", "series"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        storage::Workspace ws = storage::Workspace::open(fsPath(path));
        storage::TradingRepository repo(ws);
        const auto events = storage::settlementEvents(ws);
        QCOMPARE(events.size(), std::size_t{1});
        const auto expected = trading::buildPnlSeries(repo.fills(), repo.marks(), events);
        const QJsonArray points = pnl["points"].toArray();
        QCOMPARE(points.size(), static_cast<qsizetype>(expected.size()));
        bool sawSettlementDay = false;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QJsonObject p = points[i].toObject();
            const trading::PnlPoint& e = expected[static_cast<std::size_t>(i)];
            QCOMPARE(p["date"].toString().toStdString(), formatIsoDate(e.date));
            QCOMPARE(p["realised_cents"].toInteger(), e.realised.minorUnits());
            QCOMPARE(p["unrealised_cents"].toInteger(), e.unrealised.minorUnits());
            QCOMPARE(p["fees_cents"].toInteger(), e.fees.minorUnits());
            sawSettlementDay = sawSettlementDay || p["date"].toString() == "2026-09-30";
        }
        QVERIFY(sawSettlementDay);
        QVERIFY(repo.checkBook().consistent());
    }
};

CH_REGISTER_TEST(TestCliSettle);
#include "tst_cli_settle.moc"
