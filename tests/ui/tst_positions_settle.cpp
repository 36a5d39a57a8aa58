// The Positions page's "Settle expired": as the logged-in user it cash-settles the expired
// positions (storage::settleExpiredPositions), names them in its summary line with the price
// storage recorded, shows them as settled and audits the settlement; a viewer-like role is
// refused with the button's reason. Runs on a copy of the demo workspace with one expired
// position booked through the path every fill takes.

#include "demo_accounts.h"
#include "pricing/calendar.h"
#include "storage/audit_log.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/trading_settlement.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/desk_session.h"
#include "ui/models/positions_table_model.h"
#include "ui/pages/positions_page.h"
#include "ui/workspace_session.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

namespace {

// June 2025 is in the reference history and expired whatever day the test runs.
constexpr Month kExpired = 2025y / June;

// Buys 15 CHG.H100 June 2025 at 2.40 through draft, submit, approve, release, broker report.
void bookExpiredPosition(const QString& file)
{
    using namespace ch::trading;
    storage::Workspace ws = storage::Workspace::open(toPath(file));
    const MarketDataSet market = storage::MarketDataRepository(ws).loadAll();
    const ContractSpec spec = *market.findContract("CHG.H100");
    const storage::UserRepository users(ws);
    const User trader = *users.findByLogin("trader");
    const User approver = *users.findByLogin("approver");
    OrderRequest r;
    r.symbol = "CHG.H100";
    r.deliveryMonth = kExpired;
    r.side = Side::Buy;
    r.quantity = 15;
    r.type = OrderType::Limit;
    r.limitPriceMicros = 2'400'000;
    r.timeInForce = TimeInForce::GoodTillCancel;
    const Date tradeDate = 2025y / May / 12d;
    const storage::PreTradeInputs inputs{
        tradeDate, [](Month m) { return pricing::lastBusinessDay(m); }, 2'400'000, {}};
    storage::TradingRepository repo(ws);
    const Timestamp t = sys_days{tradeDate} + 14h;
    const Order o = repo.createDraft(r, spec, 2'400'000, trader, t);
    repo.submit(o.id(), trader, t + 1min, spec, inputs);
    repo.approve(o.id(), approver, t + 2min, "ok");
    repo.release(o.id(), trader, t + 3min);
    QVERIFY(repo.recordReport(
        ExecutionReport{"SETTLE-1", o.id(), ExecType::Fill, 15, 2'400'000, 15, 0, t + 4min, {}},
        t + 4min));
    QCOMPARE(repo.processInbox(t + 5min).size(), std::size_t{1});
}

} // namespace

class TestPositionsSettle : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<DeskSession> m_desk;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath("settle.chw");
        storage::Workspace::createDemo(toPath(file));
        bookExpiredPosition(file);
        m_session = std::make_unique<WorkspaceSession>();
        m_desk = std::make_unique<DeskSession>(*m_session);
        m_session->openWorkspace(file);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->market() != nullptr, 60000);
    }

    void cleanupTestCase()
    {
        m_desk.reset(); // stops the broker before the workspace goes
        m_session.reset();
    }

    void adminMayNotSettle()
    {
        QVERIFY(m_desk->logIn("admin", ch::test::demoPassword("admin")).succeeded());
        PositionsPage page(*m_session, *m_desk);
        page.show();
        auto* button = page.findChild<QPushButton*>(QStringLiteral("settleExpired"));
        QVERIFY(button != nullptr);
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(),
                 QStringLiteral("Only traders and approvers settle positions (release_order); "
                                "'admin' (admin) may not"));
    }

    void traderSettlesTheExpiredPosition()
    {
        QVERIFY(m_desk->logIn("trader", ch::test::demoPassword("trader")).succeeded());
        PositionsPage page(*m_session, *m_desk);
        page.show();
        const QString summary = page.settleExpired();

        storage::Workspace& ws = m_session->workspace();
        const auto stored = storage::settlements(ws);
        QCOMPARE(stored.size(), std::size_t{1});
        const storage::Settlement& s = stored.front();
        QCOMPARE(s.deliveryMonth, kExpired);
        QCOMPARE(s.settledQty, ContractCount{15});
        QCOMPARE(s.settledBy, std::string("trader"));
        // Realised = (final − 2.40) × 15 contracts × 730 GPU-h, to the cent.
        const double realisedUsd =
            (static_cast<double>(s.finalPriceMicros) - 2'400'000.0) * 15.0 * 730.0 / 1e6;
        QCOMPARE(s.realised.minorUnits(), std::llround(realisedUsd * 100.0));
        QVERIFY2(summary.startsWith(QStringLiteral("Settled 1 position: CHG.H100 2025-06 15 "
                                                   "contracts at ")),
                 qPrintable(summary));
        QCOMPARE(page.settleSummary(), summary);

        // The table shows it settled, flat.
        const PositionsTableModel& model = *page.model();
        bool found = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, PositionsTableModel::Month).data().toString() != "2025-06")
                continue;
            found = true;
            QCOMPARE(model.index(row, PositionsTableModel::Status).data().toString(),
                     QStringLiteral("Settled"));
        }
        QVERIFY(found);

        // Audited, and a second run settles nothing.
        bool audited = false;
        for (const auto& e : storage::AuditLog(ws).entries())
            audited = audited || e.action == "position.settle";
        QVERIFY(audited);
        QVERIFY(!page.settleExpired().startsWith(QStringLiteral("Settled 1")));
        QCOMPARE(storage::settlements(ws).size(), std::size_t{1});
    }
};

CH_REGISTER_TEST(TestPositionsSettle);
#include "tst_positions_settle.moc"
