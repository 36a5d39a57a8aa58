#include "domain/error.h"
#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/fill_applier.h"
#include "trading/order_lifecycle.h"

#include <QTest>

#include <set>

using namespace ch;
using namespace ch::trading;
using ch::test::Desk;
using S = OrderState;

Q_DECLARE_METATYPE(ch::trading::OrderState)

namespace {

const Timestamp kT = ch::test::ts("2026-10-05T14:30:00Z");

OrderTransition fromApplication(const ExecutionApplication& a)
{
    require(a.outcome == ApplyOutcome::Applied && a.event.has_value(),
            "expected an applied report with an event, got "
                + std::string(applyOutcomeCode(a.outcome)) + ": " + a.note);
    return OrderTransition{a.order, *a.event};
}

OrderTransition generic(const Order& o, S to)
{
    OrderRecord r = o.record();
    r.state = to;
    return transitionOrder(o, r, OrderAction::Fill, std::nullopt, kT, {});
}

//! Drives `o` to `to` with the function a user, the system or the broker would use.
OrderTransition advance(const Order& o, S to)
{
    const Desk d;
    const bool atBroker = o.state() == S::Sent || o.state() == S::PartiallyFilled;
    switch (to) {
    case S::Draft:
        return generic(o, to);
    case S::PendingApproval:
        if (o.state() == S::PendingApproval)
            return approve(o, d.anna, kT); // first of two approvals
        return submitForApproval(
            o, d.tina, kT, ch::test::cleanReport(o), ch::test::twoApproverPolicy());
    case S::Approved:
        if (o.state() == S::PendingApproval)
            return approve(approve(o, d.anna, kT).order, d.bert, kT);
        return approve(o, d.bert, kT);
    case S::Sent:
        return release(o, d.tina, kT);
    case S::PartiallyFilled:
    case S::Filled: {
        if (!atBroker)
            return generic(o, to);
        const ContractCount last = to == S::Filled ? o.leavesQty() : 1;
        const auto type = to == S::Filled ? ExecType::Fill : ExecType::PartialFill;
        return fromApplication(applyExecutionReport(
            o, {}, ch::test::execReport(o, "F9", type, last, o.filledQty() + last), 800));
    }
    case S::Rejected:
        if (o.state() == S::Sent)
            return fromApplication(applyExecutionReport(
                o, {}, ch::test::execReport(o, "R9", ExecType::Rejected, 0, 0), 800));
        return reject(o, d.anna, kT, "no");
    case S::Cancelled:
        if (atBroker)
            return fromApplication(applyExecutionReport(
                o, {}, ch::test::execReport(o, "C9", ExecType::Cancelled, 0, o.filledQty()), 800));
        return cancel(o, d.tina, kT, "withdrawn");
    case S::Expired:
        return expire(o, kT, "time in force ended");
    }
    throw Error("unreachable");
}

const std::set<std::pair<S, S>>& expectedAllowed()
{
    // Written out independently of the implementation's table (docs/trading-controls.md).
    static const std::set<std::pair<S, S>> t{
        {S::Draft, S::PendingApproval},
        {S::Draft, S::Cancelled},
        {S::PendingApproval, S::PendingApproval},
        {S::PendingApproval, S::Approved},
        {S::PendingApproval, S::Rejected},
        {S::PendingApproval, S::Cancelled},
        {S::PendingApproval, S::Expired},
        {S::Approved, S::Sent},
        {S::Approved, S::Cancelled},
        {S::Approved, S::Expired},
        {S::Sent, S::PartiallyFilled},
        {S::Sent, S::Filled},
        {S::Sent, S::Rejected},
        {S::Sent, S::Cancelled},
        {S::Sent, S::Expired},
        {S::PartiallyFilled, S::PartiallyFilled},
        {S::PartiallyFilled, S::Filled},
        {S::PartiallyFilled, S::Cancelled},
        {S::PartiallyFilled, S::Expired},
    };
    return t;
}

} // namespace

class TestOrderState : public QObject
{
    Q_OBJECT
private slots:
    void tableMatchesTheDocumentedOne()
    {
        const auto& table = allowedTransitions();
        const std::set<std::pair<S, S>> actual(table.begin(), table.end());
        QCOMPARE(actual, expectedAllowed());
        QCOMPARE(table.size(), expectedAllowed().size());
    }

    void everyPair_data()
    {
        QTest::addColumn<OrderState>("from");
        QTest::addColumn<OrderState>("to");
        QTest::addColumn<bool>("allowed");
        for (int f = 0; f < kOrderStateCount; ++f)
            for (int t = 0; t < kOrderStateCount; ++t) {
                const auto from = static_cast<S>(f);
                const auto to = static_cast<S>(t);
                const bool allowed = expectedAllowed().count({from, to}) > 0;
                const std::string name = std::string(orderStateCode(from)) + " -> "
                                         + orderStateCode(to) + (allowed ? "" : " (refused)");
                QTest::newRow(name.c_str()) << from << to << allowed;
            }
    }
    void everyPair()
    {
        QFETCH(OrderState, from);
        QFETCH(OrderState, to);
        QFETCH(bool, allowed);
        const Order o = ch::test::orderIn(from);
        QCOMPARE(o.state(), from);
        QCOMPARE(isAllowedTransition(from, to), allowed);
        if (allowed) {
            const OrderTransition t = advance(o, to);
            QCOMPARE(t.order.state(), to);
            QCOMPARE(t.event.to, to);
            QCOMPARE(t.event.orderId, o.id());
            // The two-approval path records its first step separately; its event starts pending.
            QCOMPARE(t.event.from, from);
        } else {
            const std::string expected = "order 7: transition from "
                                         + std::string(orderStateCode(from)) + " to "
                                         + orderStateCode(to) + " is not allowed";
            try {
                advance(o, to);
                QFAIL("the transition should have been refused");
            } catch (const Error& e) {
                QCOMPARE(std::string(e.what()), expected);
            }
            QVERIFY_THROWS_EXCEPTION(Error, requireTransition(o.id(), from, to));
        }
    }

    void eventsRecordActionActorAndComment()
    {
        const Desk d;
        const Order draft = ch::test::draftOrder();
        const auto sub = submitForApproval(
            draft, d.tina, kT, ch::test::cleanReport(draft), ch::test::twoApproverPolicy());
        QCOMPARE(sub.event.action, OrderAction::Submit);
        QCOMPARE(sub.event.actor, std::optional<UserId>(d.tina.id));
        QCOMPARE(sub.event.at, kT);
        QCOMPARE(sub.event.comment, std::string("notional 17155.00 USD needs 2 approvals"));
        QCOMPARE(sub.order.requiredApprovals(), 2);
        const auto exp = expire(sub.order, kT, "day order not approved by the close");
        QCOMPARE(exp.event.action, OrderAction::Expire);
        QCOMPARE(exp.event.actor, std::optional<UserId>());
        QCOMPARE(exp.order.statusText(), std::string("day order not approved by the close"));
    }

    void codesRoundTrip()
    {
        for (int i = 0; i < kOrderStateCount; ++i) {
            const auto s = static_cast<S>(i);
            QCOMPARE(parseOrderStateCode(orderStateCode(s)), std::optional<S>(s));
        }
        QCOMPARE(std::string(orderStateCode(S::PendingApproval)), std::string("pending_approval"));
        QCOMPARE(std::string(orderStateCode(S::PartiallyFilled)), std::string("partially_filled"));
        for (int i = 0; i <= static_cast<int>(OrderAction::BrokerCancel); ++i) {
            const auto a = static_cast<OrderAction>(i);
            QCOMPARE(parseOrderActionCode(orderActionCode(a)), std::optional<OrderAction>(a));
        }
        for (auto s : {Side::Buy, Side::Sell})
            QCOMPARE(parseSideCode(sideCode(s)), std::optional<Side>(s));
        for (auto t : {OrderType::Market, OrderType::Limit})
            QCOMPARE(parseOrderTypeCode(orderTypeCode(t)), std::optional<OrderType>(t));
        for (auto t : {TimeInForce::Day, TimeInForce::GoodTillCancel, TimeInForce::GoodTillDate})
            QCOMPARE(parseTimeInForceCode(timeInForceCode(t)), std::optional<TimeInForce>(t));
        for (int i = 0; i <= static_cast<int>(ExecType::CancelRejected); ++i) {
            const auto e = static_cast<ExecType>(i);
            QCOMPARE(parseExecTypeCode(execTypeCode(e)), std::optional<ExecType>(e));
        }
        QCOMPARE(parseOrderStateCode("Filled"), std::optional<S>());
        QCOMPARE(parseSideCode(""), std::optional<Side>());
    }

    void timeInForce()
    {
        using namespace std::chrono;
        const Date ltd = year{2026} / December / 31;
        const Order gtc = ch::test::orderIn(S::Sent);
        QVERIFY(!isPastTimeInForce(gtc, year{2026} / December / 31, ltd));
        QVERIFY(isPastTimeInForce(gtc, year{2027} / January / 1, ltd));

        auto req = ch::test::standardRequest();
        req.timeInForce = TimeInForce::Day;
        const Desk d;
        Order day = ch::test::draftOrder(8, req, ch::test::ts("2026-10-05T23:59:59Z"));
        QVERIFY(!isPastTimeInForce(day, year{2026} / October / 6, ltd)); // drafts never expire
        day = submitForApproval(day, d.tina, kT, ch::test::cleanReport(day), {}).order;
        QVERIFY(!isPastTimeInForce(day, year{2026} / October / 5, ltd));
        QVERIFY(isPastTimeInForce(day, year{2026} / October / 6, ltd));

        req.timeInForce = TimeInForce::GoodTillDate;
        req.goodTillDate = year{2026} / October / 9;
        Order gtd = ch::test::draftOrder(9, req);
        gtd = submitForApproval(gtd, d.tina, kT, ch::test::cleanReport(gtd), {}).order;
        QVERIFY(!isPastTimeInForce(gtd, year{2026} / October / 9, ltd));
        QVERIFY(isPastTimeInForce(gtd, year{2026} / October / 10, ltd));
        QVERIFY(!isPastTimeInForce(ch::test::orderIn(S::Filled), year{2027} / June / 1, ltd));
    }
};

CH_REGISTER_TEST(TestOrderState);
#include "tst_order_state.moc"
