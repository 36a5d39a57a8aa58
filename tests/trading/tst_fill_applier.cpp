#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/fill_applier.h"

#include <QTest>

using namespace ch;
using namespace ch::trading;
using ch::test::execReport;
using S = OrderState;

Q_DECLARE_METATYPE(ch::trading::OrderState)

namespace {

//! Applies reports in order like storage would: keeps the applied exec ids and the fills.
struct Book
{
    explicit Book(Order o)
        : order(std::move(o))
    {}

    Order order;
    std::vector<std::string> applied;
    std::vector<Fill> fills;
    std::vector<ExecutionApplication> results;

    void apply(const ExecutionReport& r)
    {
        auto a = applyExecutionReport(order, applied, r, 800);
        if (a.outcome == ApplyOutcome::Applied) {
            applied.push_back(r.execId);
            if (a.fill)
                fills.push_back(*a.fill);
        }
        order = a.order;
        results.push_back(std::move(a));
    }
    ContractCount bookedQty() const
    {
        ContractCount q = 0;
        for (const Fill& f : fills)
            q += f.quantity;
        return q;
    }
};

} // namespace

class TestFillApplier : public QObject
{
    Q_OBJECT
private slots:
    void partialThenFill()
    {
        Book b{ch::test::orderIn(S::Sent)};
        b.apply(execReport(b.order, "E1", ExecType::New, 0, 0));
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Applied);
        QVERIFY(!b.results.back().event);
        QCOMPARE(b.order.state(), S::Sent);
        b.apply(execReport(b.order, "E2", ExecType::PartialFill, 4, 4, 2'340'000));
        QCOMPARE(b.order.state(), S::PartiallyFilled);
        QCOMPARE(b.order.filledQty(), 4LL);
        const Fill& f = b.fills.back();
        QCOMPARE(f.execId, std::string("E2"));
        QCOMPARE(f.quantity, 4LL);
        QCOMPARE(f.priceMicros, 2'340'000LL);
        QCOMPARE(f.fee, Money(Currency::Usd, 3'200)); // 4 × 8.00
        QCOMPARE(f.unitsPerContract, 730LL);
        QCOMPARE(b.results.back().event->comment,
                 std::string("fill 4 @ 2.34 (exec E2, filled 4 of 10)"));
        b.apply(execReport(b.order, "E3", ExecType::Fill, 6, 10, 2'350'000));
        QCOMPARE(b.order.state(), S::Filled);
        QCOMPARE(b.bookedQty(), 10LL);
        QCOMPARE(b.results.back().event->from, S::PartiallyFilled);
        QCOMPARE(b.results.back().event->to, S::Filled);
    }

    void duplicateReportIsIgnored()
    {
        Book b{ch::test::orderIn(S::Sent)};
        const auto r = execReport(b.order, "E2", ExecType::PartialFill, 4, 4);
        b.apply(r);
        b.apply(r);
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Duplicate);
        QCOMPARE(b.results.back().note, std::string("exec id E2 was already applied"));
        QVERIFY(!b.results.back().fill);
        QCOMPARE(b.order.filledQty(), 4LL);
        QCOMPARE(b.fills.size(), std::size_t{1});
    }

    void outOfOrderReportsAddUpOnce()
    {
        // The broker sent E2 (partial 4, cum 4) then E3 (fill 6, cum 10); E3 arrives first.
        Book b{ch::test::orderIn(S::Sent)};
        b.apply(execReport(b.order, "E3", ExecType::Fill, 6, 10));
        QCOMPARE(b.order.state(), S::PartiallyFilled); // 6 of 10 booked, whatever E3 says
        QCOMPARE(b.order.filledQty(), 6LL);
        b.apply(execReport(b.order, "E3", ExecType::Fill, 6, 10)); // and a resend
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Duplicate);
        b.apply(execReport(b.order, "E2", ExecType::PartialFill, 4, 4));
        QCOMPARE(b.order.state(), S::Filled);
        QCOMPARE(b.bookedQty(), 10LL);
        b.apply(execReport(b.order, "E1", ExecType::New, 0, 0)); // a late acknowledgement
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Applied);
        QCOMPARE(b.order.state(), S::Filled);
    }

    void overfillIsAnAnomaly()
    {
        Book b{ch::test::orderIn(S::Sent)};
        b.apply(execReport(b.order, "E2", ExecType::PartialFill, 8, 8));
        b.apply(execReport(b.order, "E9", ExecType::PartialFill, 3, 10));
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Anomaly);
        QCOMPARE(b.results.back().note,
                 std::string("partial_fill report E9 for order 7 (buy 10 CHG.H100 2026-12 limit "
                             "2.35): overfill: 8 filled + 3 would exceed the order quantity 10"));
        QCOMPARE(b.order.filledQty(), 8LL);
        auto bad = execReport(b.order, "E10", ExecType::PartialFill, 1, 12);
        b.apply(bad);
        QCOMPARE(b.results.back().outcome, ApplyOutcome::Anomaly);
        QCOMPARE(b.order.filledQty(), 8LL);
    }

    void brokerRejectAndCancel()
    {
        Book rejected{ch::test::orderIn(S::Sent)};
        auto r = execReport(rejected.order, "R1", ExecType::Rejected, 0, 0);
        r.text = "insufficient margin";
        rejected.apply(r);
        QCOMPARE(rejected.order.state(), S::Rejected);
        QCOMPARE(rejected.order.statusText(), std::string("insufficient margin"));
        QCOMPARE(rejected.results.back().event->action, OrderAction::BrokerReject);
        rejected.apply(execReport(rejected.order, "R2", ExecType::Rejected, 0, 0));
        QCOMPARE(rejected.results.back().outcome, ApplyOutcome::Duplicate);
        rejected.apply(execReport(rejected.order, "F1", ExecType::PartialFill, 1, 1));
        QCOMPARE(rejected.results.back().outcome, ApplyOutcome::Anomaly);

        Book cancelled{ch::test::orderIn(S::PartiallyFilled)};
        cancelled.applied = {"X1"};
        cancelled.apply(execReport(cancelled.order, "C1", ExecType::Cancelled, 0, 6));
        QCOMPARE(cancelled.order.state(), S::Cancelled);
        QCOMPARE(cancelled.results.back().event->comment,
                 std::string("cancelled by the broker (broker cum qty 6, booked 4)"));
        // The fill the broker counted arrives after its cancel: booked, state kept.
        cancelled.apply(execReport(cancelled.order, "X3", ExecType::PartialFill, 2, 6));
        QCOMPARE(cancelled.results.back().outcome, ApplyOutcome::Applied);
        QCOMPARE(cancelled.order.state(), S::Cancelled);
        QCOMPARE(cancelled.order.filledQty(), 6LL);
        QCOMPARE(cancelled.results.back().event->from, S::Cancelled);
        QCOMPARE(cancelled.results.back().event->to, S::Cancelled);
        cancelled.apply(execReport(cancelled.order, "C2", ExecType::Cancelled, 0, 6));
        QCOMPARE(cancelled.results.back().outcome, ApplyOutcome::Duplicate);
    }

    void reportsThatDoNotFit_data()
    {
        QTest::addColumn<OrderState>("state");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("note");
        QTest::newRow("fill before release")
            << S::Approved << int(ExecType::PartialFill)
            << "partial_fill report Z for order 7 (buy 10 CHG.H100 2026-12 limit 2.35): no fill "
               "is possible in state approved";
        QTest::newRow("cancel of a filled order")
            << S::Filled << int(ExecType::Cancelled)
            << "cancelled report Z for order 7 (buy 10 CHG.H100 2026-12 limit 2.35): broker cancel "
               "in state filled";
        QTest::newRow("ack of a pending order")
            << S::PendingApproval << int(ExecType::New)
            << "new report Z for order 7 (buy 10 CHG.H100 2026-12 limit 2.35): acknowledgement in "
               "state pending_approval";
    }
    void reportsThatDoNotFit()
    {
        QFETCH(OrderState, state);
        QFETCH(int, type);
        QFETCH(QString, note);
        const Order o = ch::test::orderIn(state);
        const auto a =
            applyExecutionReport(o, {}, execReport(o, "Z", static_cast<ExecType>(type), 1, 1), 800);
        QCOMPARE(a.outcome, ApplyOutcome::Anomaly);
        QCOMPARE(a.note, note.toStdString());
        QCOMPARE(a.order, o);
        QVERIFY(!a.fill && !a.event);
    }

    void reportForAnotherOrder()
    {
        const Order o = ch::test::orderIn(S::Sent);
        auto r = execReport(o, "E1", ExecType::PartialFill, 1, 1);
        r.orderId = OrderId{8};
        const auto a = applyExecutionReport(o, {}, r, 800);
        QCOMPARE(a.outcome, ApplyOutcome::Anomaly);
        QCOMPARE(a.note,
                 std::string("partial_fill report E1 for order 7 (buy 10 CHG.H100 2026-12 "
                             "limit 2.35): the report is for order 8"));
    }
};

CH_REGISTER_TEST(TestFillApplier);
#include "tst_fill_applier.moc"
