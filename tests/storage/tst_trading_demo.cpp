#include "compare.h"
#include "storage/designation_repository.h"
#include "storage/desk_demo.h"
#include "test_registry.h"
#include "trading/effectiveness.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace ch::trading;

//! The demo desk seeded by Workspace::createDemo: documented accounts, a consistent book, an
//! intact audit chain and designations whose effectiveness follows from their construction.
class TestTradingDemo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws.emplace(Workspace::createDemo(pathOf(m_dir.filePath("demo.chw"))));
    }
    void cleanupTestCase() { m_ws.reset(); }

    void documentedAccountsLogIn()
    {
        UserRepository users(*m_ws);
        QCOMPARE(users.users().size(), kDemoAccounts.size());
        // One real scrypt check at the default cost (the others are the same code path).
        const auto& approver = kDemoAccounts[2];
        const LoginResult r =
            users.logIn(approver.login, approver.password, ts("2026-11-02T09:00:00Z"));
        QVERIFY(r.succeeded());
        QCOMPARE(r.user->role, Role::Approver);
        QVERIFY(users.credentials("admin")->passwordHash.starts_with("scrypt$17$8$1$"));
    }

    void bookIsConsistent()
    {
        TradingRepository repo(*m_ws);
        std::map<OrderState, int> states;
        for (const Order& o : repo.orders())
            ++states[o.state()];
        const std::map<OrderState, int> expected{{OrderState::Draft, 1},
                                                 {OrderState::PendingApproval, 2},
                                                 {OrderState::Approved, 1},
                                                 {OrderState::Sent, 1},
                                                 {OrderState::Filled, 4},
                                                 {OrderState::Rejected, 1}};
        QCOMPARE(states, expected);
        const BookCheck check = repo.checkBook();
        QVERIFY(check.consistent());
        QCOMPARE(check.pendingReports, std::size_t{0});
        QCOMPARE(check.fills, std::size_t{5});
        // 20 bought and 5 sold in December, 15 in January, 10 B200 in December.
        std::map<std::string, ContractCount> net;
        for (const auto& p : repo.positions())
            net[p.symbol + " " + formatIsoMonth(p.deliveryMonth)] = p.netQty;
        const std::map<std::string, ContractCount> expectedNet{
            {"CHG.B200 2026-12", 10}, {"CHG.H100 2026-12", 15}, {"CHG.H100 2027-01", 15}};
        QCOMPARE(net, expectedNet);
        QVERIFY(!repo.marks().empty());
        QVERIFY(AuditLog(*m_ws).verify().intact());
    }

    void sameIndexDesignationIsPerfectlyEffective()
    {
        // HR-2026-001: 20 contracts × 730 GPU-h against 14,600 GPU-h on the same index, so
        // ΔD = −ΔH exactly: slope −1, R² 1, dollar offset 100%.
        const auto designations = DesignationRepository(*m_ws).designations();
        QCOMPARE(designations.size(), std::size_t{3});
        const DesignatedHedge& h = designations.front();
        QCOMPARE(h.designation.reference, std::string("HR-2026-001"));
        const MarketDataSet market = MarketDataRepository(*m_ws).loadAll();
        const EffectivenessSeries s = effectivenessSeries(h, market, market.info.valuationDate);
        QCOMPARE(s.periods.size(), std::size_t{24});
        const RegressionResult r = regressionTest(s.hedgedChangesUsd, s.derivativeChangesUsd);
        CH_COMPARE_NEAR(r.slope, -1.0, 1e-9);
        CH_COMPARE_NEAR(r.rSquared, 1.0, 1e-9);
        QVERIFY(r.pass);
        const DollarOffsetResult d =
            dollarOffsetTest(s.hedgedChangesUsd, s.derivativeChangesUsd, dollarOffsetFloorUsd(s));
        QVERIFY(d.ratio.has_value());
        CH_COMPARE_NEAR(*d.ratio, 1.0, 1e-9);
    }
};

CH_REGISTER_TEST(TestTradingDemo);
#include "tst_trading_demo.moc"
