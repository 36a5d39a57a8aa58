#include "domain/error.h"
#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/order_lifecycle.h"
#include "trading/users.h"

#include <QTest>

#include <functional>

using namespace ch;
using namespace ch::trading;
using ch::test::Desk;
using S = OrderState;

namespace {

const Timestamp kT = ch::test::ts("2026-10-05T14:30:00Z");

//! The message of the ch::Error `f` throws, or "no exception".
std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "no exception";
}

Order pendingOneApproval()
{
    const Desk d;
    const Order o = ch::test::draftOrder();
    return submitForApproval(o, d.tina, kT, ch::test::cleanReport(o), ApprovalPolicy{}).order;
}

} // namespace

class TestMakerChecker : public QObject
{
    Q_OBJECT
private slots:
    void permissionTable()
    {
        using P = Permission;
        struct Row
        {
            Role role;
            std::vector<P> granted;
        };
        const std::vector<Row> rows{
            {Role::Viewer, {P::ViewBook}},
            {Role::Trader, {P::ViewBook, P::CreateOrder, P::CancelOrder, P::ReleaseOrder}},
            {Role::Approver, {P::ViewBook, P::ViewAudit, P::ApproveOrder, P::ReleaseOrder}},
            {Role::Admin,
             {P::ViewBook, P::ViewAudit, P::CancelOrder, P::ManageUsers, P::ManageLimits}},
        };
        for (const Row& row : rows)
            for (int p = 0; p <= static_cast<int>(P::ManageLimits); ++p) {
                const auto perm = static_cast<P>(p);
                const bool expected =
                    std::find(row.granted.begin(), row.granted.end(), perm) != row.granted.end();
                QVERIFY2(hasPermission(row.role, perm) == expected,
                         (std::string(roleCode(row.role)) + " / " + permissionCode(perm)).c_str());
            }
        User inactive = ch::test::makeUser(9, "ivan", Role::Approver);
        inactive.active = false;
        QVERIFY(!inactive.can(Permission::ViewBook));
        for (auto r : {Role::Admin, Role::Trader, Role::Approver, Role::Viewer})
            QCOMPARE(parseRoleCode(roleCode(r)), std::optional<Role>(r));
    }

    void oneApprovalAtOrBelowThreshold()
    {
        const Desk d;
        // The threshold is strict: exactly 17,155.00 USD still needs one approval.
        QCOMPARE(requiredApprovalsFor(Money(Currency::Usd, 1'715'500),
                                      ApprovalPolicy{Money(Currency::Usd, 1'715'500)}),
                 1);
        QCOMPARE(requiredApprovalsFor(Money(Currency::Usd, 1'715'501),
                                      ApprovalPolicy{Money(Currency::Usd, 1'715'500)}),
                 2);
        const Order pending = pendingOneApproval();
        QCOMPARE(pending.requiredApprovals(), 1);
        const auto t = approve(pending, d.anna, kT, "within mandate");
        QCOMPARE(t.order.state(), S::Approved);
        QCOMPARE(t.order.approvals().size(), std::size_t{1});
        QCOMPARE(t.order.approvals()[0], (Approval{d.anna.id, kT, "within mandate"}));
        QCOMPARE(t.event.comment, std::string("approval 1 of 1: within mandate"));
    }

    void makerCannotApproveOwnOrder()
    {
        // Tina made the order as a trader and was later given the approver role: the user id, not
        // the role, enforces four eyes.
        const Order pending = pendingOneApproval();
        const User promoted = ch::test::makeUser(1, "tina", Role::Approver);
        QCOMPARE(errorOf([&] { approve(pending, promoted, kT); }),
                 std::string("order 7: user 'tina' (approver) is the maker and cannot approve it "
                             "(maker-checker)"));
        QCOMPARE(errorOf([&] { reject(pending, promoted, kT, "oops"); }),
                 std::string("order 7: user 'tina' (approver) is the maker; withdraw the order "
                             "with cancel instead"));
    }

    void onlyApproversApprove_data()
    {
        QTest::addColumn<int>("who");
        QTest::addColumn<QString>("message");
        QTest::newRow("viewer") << 5 << "order 7: user 'victor' (viewer) may not approve orders";
        QTest::newRow("trader (not the maker)")
            << 2 << "order 7: user 'tom' (trader) may not approve orders";
        QTest::newRow("trader (the maker)")
            << 1 << "order 7: user 'tina' (trader) may not approve orders";
        QTest::newRow("admin") << 6 << "order 7: user 'ada' (admin) may not approve orders";
    }
    void onlyApproversApprove()
    {
        QFETCH(int, who);
        QFETCH(QString, message);
        const Desk d;
        const std::vector<User> users{d.tina, d.tom, d.anna, d.bert, d.victor, d.ada};
        const User& u = users.at(static_cast<std::size_t>(who - 1));
        QCOMPARE(errorOf([&] { approve(pendingOneApproval(), u, kT); }), message.toStdString());
    }

    void deactivatedApproverIsRefused()
    {
        User anna = Desk{}.anna;
        anna.active = false;
        QCOMPARE(errorOf([&] { approve(pendingOneApproval(), anna, kT); }),
                 std::string("order 7: user 'anna' (approver) is deactivated"));
    }

    void twoDistinctApproversAboveThreshold()
    {
        const Desk d;
        const Order pending = ch::test::orderIn(S::PendingApproval); // 17,155 > 10,000
        QCOMPARE(pending.requiredApprovals(), 2);
        const auto first = approve(pending, d.anna, kT);
        QCOMPARE(first.order.state(), S::PendingApproval);
        QCOMPARE(first.event.from, S::PendingApproval);
        QCOMPARE(first.event.to, S::PendingApproval);
        QCOMPARE(first.event.comment, std::string("approval 1 of 2"));
        QCOMPARE(errorOf([&] { approve(first.order, d.anna, kT); }),
                 std::string("order 7: user 'anna' (approver) has already approved it; the "
                             "second approval must come from a different approver"));
        QCOMPARE(errorOf([&] { release(first.order, d.tina, kT); }),
                 std::string("order 7: transition from pending_approval to sent is not allowed"));
        const Timestamp later = ch::test::ts("2026-10-05T15:45:00Z");
        const auto second = approve(first.order, d.bert, later);
        QCOMPARE(second.order.state(), S::Approved);
        QCOMPARE(second.order.approvals(),
                 (std::vector<Approval>{{d.anna.id, kT, ""}, {d.bert.id, later, ""}}));
        QCOMPARE(second.event.actor, std::optional<UserId>(d.bert.id));
    }

    void submissionRules()
    {
        const Desk d;
        const Order draft = ch::test::draftOrder();
        QCOMPARE(
            errorOf([&] { submitForApproval(draft, d.tom, kT, ch::test::cleanReport(draft), {}); }),
            std::string("order 7: only the maker may submit it, not 'tom' (trader)"));
        QCOMPARE(errorOf([&] {
                     submitForApproval(draft, d.anna, kT, ch::test::cleanReport(draft), {});
                 }),
                 std::string("order 7: user 'anna' (approver) may not submit orders"));
        PreTradeReport failed{draft.id(),
                              {{PreTradeCheck::NotionalLimit, Severity::Error, "too big"},
                               {PreTradeCheck::PolicyBand, Severity::Warning, "below band"},
                               {PreTradeCheck::Duplicate, Severity::Error, "dup of 6"}}};
        QCOMPARE(errorOf([&] { submitForApproval(draft, d.tina, kT, failed, {}); }),
                 std::string("order 7: pre-trade checks failed: too big; dup of 6"));
        PreTradeReport warningOnly{draft.id(),
                                   {{PreTradeCheck::PolicyBand, Severity::Warning, "below band"}}};
        QCOMPARE(submitForApproval(draft, d.tina, kT, warningOnly, {}).order.state(),
                 S::PendingApproval);
        QCOMPARE(errorOf([&] {
                     submitForApproval(draft, d.tina, kT, PreTradeReport{OrderId{6}, {}}, {});
                 }),
                 std::string("order 7: the pre-trade report is for order 6"));
    }

    void rejectionAndRelease()
    {
        const Desk d;
        const Order pending = pendingOneApproval();
        QCOMPARE(errorOf([&] { reject(pending, d.anna, kT, ""); }),
                 std::string("order 7: a rejection needs a reason"));
        QCOMPARE(errorOf([&] { reject(pending, d.victor, kT, "no"); }),
                 std::string("order 7: user 'victor' (viewer) may not reject orders"));
        const auto rejected = reject(pending, d.anna, kT, "outside mandate");
        QCOMPARE(rejected.order.statusText(), std::string("outside mandate"));
        QCOMPARE(rejected.event.action, OrderAction::Reject);

        const Order approved = approve(pending, d.anna, kT).order;
        QCOMPARE(errorOf([&] { release(approved, d.victor, kT); }),
                 std::string("order 7: user 'victor' (viewer) may not release orders"));
        QCOMPARE(release(approved, d.anna, kT).order.state(), S::Sent);
    }

    void cancellationRules()
    {
        const Desk d;
        const Order pending = pendingOneApproval();
        QCOMPARE(errorOf([&] { cancel(pending, d.tom, kT, "not mine"); }),
                 std::string("order 7: user 'tom' (trader) may cancel only their own orders"));
        QCOMPARE(errorOf([&] { cancel(pending, d.anna, kT, "x"); }),
                 std::string("order 7: user 'anna' (approver) may not cancel orders"));
        QCOMPARE(cancel(pending, d.tina, kT, "withdrawn").order.state(), S::Cancelled);
        QCOMPARE(cancel(pending, d.ada, kT, "kill switch").order.statusText(),
                 std::string("kill switch"));
        QCOMPARE(errorOf([&] { cancel(ch::test::orderIn(S::Sent), d.tina, kT, "x"); }),
                 std::string("order 7: it is at the broker (sent); cancel it through the broker "
                             "and apply the broker's report"));
    }

    void ticketValidation_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("issue");
        QTest::newRow("zero quantity")
            << 0 << "order: quantity: 0 contracts; the quantity must be at least 1";
        QTest::newRow("limit without price")
            << 1 << "order: limit_price: a limit order needs a limit price";
        QTest::newRow("off the tick grid")
            << 2 << "order: limit_price: 2.355 USD is not a multiple of the tick 0.01 USD";
        QTest::newRow("market with price")
            << 3 << "order: limit_price: a market order takes no limit price";
        QTest::newRow("gtd without date")
            << 4 << "order: good_till_date: a good-till-date order needs a valid date";
        QTest::newRow("other contract")
            << 5 << "order: symbol: \"CHG.B200\" does not match the contract CHG.H100";
        QTest::newRow("date on a day order") << 6
                                             << "order: good_till_date: only good-till-date orders "
                                                "take a date (time in force is day)";
    }
    void ticketValidation()
    {
        QFETCH(int, variant);
        QFETCH(QString, issue);
        OrderRequest r = ch::test::standardRequest();
        switch (variant) {
        case 0:
            r.quantity = 0;
            break;
        case 1:
            r.limitPriceMicros.reset();
            break;
        case 2:
            r.limitPriceMicros = 2'355'000;
            break;
        case 3:
            r.type = OrderType::Market;
            break;
        case 4:
            r.timeInForce = TimeInForce::GoodTillDate;
            break;
        case 5:
            r.symbol = "CHG.B200";
            break;
        case 6:
            r.timeInForce = TimeInForce::Day;
            r.goodTillDate = std::chrono::year{2026} / std::chrono::October / 9;
            break;
        }
        const auto issues = checkOrderRequest(r, ch::test::h100Spec());
        QCOMPARE(issues.size(), std::size_t{1});
        QCOMPARE(issues.front().toString(), issue.toStdString());
        QCOMPARE(errorOf([&] { ch::test::draftOrder(7, r); }), "order 7: " + issue.toStdString());
    }

    void draftComputesNotional()
    {
        const Order limit = ch::test::draftOrder();
        QCOMPARE(limit.notional(), Money(Currency::Usd, 1'715'500)); // 10 × 730 × 2.35
        QCOMPARE(limit.describe(), std::string("order 7 (buy 10 CHG.H100 2026-12 limit 2.35)"));
        OrderRequest m = ch::test::standardRequest();
        m.type = OrderType::Market;
        m.limitPriceMicros.reset();
        // Market orders use the reference price 2.30: 10 × 730 × 2.30 = 16,790.00.
        QCOMPARE(ch::test::draftOrder(8, m).notional(), Money(Currency::Usd, 1'679'000));
    }

    void recordInvariants()
    {
        OrderRecord r = ch::test::orderIn(S::PartiallyFilled).record();
        OrderRecord over = r;
        over.filledQty = 11;
        QCOMPARE(errorOf([&] { Order::fromRecord(over); }),
                 std::string("order 7: filled 11 is outside 0..10"));
        OrderRecord makerApproves = r;
        makerApproves.approvals[0].approver = r.maker;
        QCOMPARE(errorOf([&] { Order::fromRecord(makerApproves); }),
                 std::string("order 7: the maker cannot be an approver"));
        OrderRecord wrongNotional = r;
        wrongNotional.notional = Money(Currency::Usd, 1);
        QCOMPARE(errorOf([&] { Order::fromRecord(wrongNotional); }),
                 std::string("order 7: notional 0.01 USD does not match quantity x units x price"));
        QCOMPARE(Order::fromRecord(r).record(), r);
        QCOMPARE(orderAuditText(Order::fromRecord(r)),
                 std::string("id=7;symbol=CHG.H100;month=2026-12;side=buy;qty=10;type=limit;"
                             "limit=2.35;tif=gtc;gtd=;notional=17155.00;maker=1;"
                             "state=partially_filled;required_approvals=2;approvers=3,4;filled=4;"
                             "status="));
    }
};

CH_REGISTER_TEST(TestMakerChecker);
#include "tst_maker_checker.moc"
