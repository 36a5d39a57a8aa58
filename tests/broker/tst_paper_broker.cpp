#include "../trading/order_fixtures.h"
#include "broker/paper_broker.h"
#include "broker/paper_engine.h"
#include "domain/error.h"
#include "test_registry.h"
#include "trading/fill_applier.h"
#include "trading/positions.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>

using namespace ch;
using namespace ch::broker;
using namespace ch::trading;
using namespace std::chrono_literals;

namespace {

const Timestamp kNow = ch::test::ts("2026-10-05T15:00:00Z");

Clock fixedClock()
{
    return [] { return kNow; };
}

ReferencePriceProvider flatPrice(std::int64_t micros)
{
    return [micros](const std::string&, Month) { return std::optional<std::int64_t>(micros); };
}

OrderRequest marketRequest(ContractCount qty, Side side = Side::Buy)
{
    OrderRequest r = ch::test::standardRequest();
    r.type = OrderType::Market;
    r.limitPriceMicros.reset();
    r.quantity = qty;
    r.side = side;
    return r;
}

//! `n` market orders with ids 1..n and quantities cycling through 1..50.
std::vector<Order> marketOrders(int n)
{
    std::vector<Order> out;
    for (int i = 1; i <= n; ++i)
        out.push_back(ch::test::sentOrder(i, marketRequest(1 + (i - 1) % 50)));
    return out;
}

std::map<std::int64_t, std::vector<ExecutionReport>>
byOrder(const std::vector<ExecutionReport>& reports)
{
    std::map<std::int64_t, std::vector<ExecutionReport>> out;
    for (const auto& r : reports)
        out[r.orderId.value].push_back(r);
    return out;
}

std::vector<ExecutionReport> runSynchronously(const PaperBrokerConfig& cfg,
                                              const std::vector<Order>& orders)
{
    PaperEngine engine(cfg, flatPrice(2'300'000), fixedClock());
    std::vector<ExecutionReport> all;
    for (const Order& o : orders) {
        const auto r = engine.submit(o);
        all.insert(all.end(), r.begin(), r.end());
    }
    const auto fills = engine.runUntilIdle();
    all.insert(all.end(), fills.begin(), fills.end());
    return all;
}

bool isFinal(const ExecutionReport& r)
{
    return r.type == ExecType::Fill || r.type == ExecType::Rejected
           || r.type == ExecType::Cancelled;
}

//! The sink for the threaded broker: stores reports, wakes the waiting test thread.
struct Collector
{
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<ExecutionReport> reports;

    ExecutionSink sink()
    {
        return [this](const ExecutionReport& r) {
            {
                std::lock_guard lock(mutex);
                reports.push_back(r);
            }
            cv.notify_all();
        };
    }
    //! Waits until `finals` reports are final. The deadline only guards against a hang.
    bool waitForFinals(std::size_t finals)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, 120s, [&] {
            return static_cast<std::size_t>(std::count_if(reports.begin(), reports.end(), isFinal))
                   >= finals;
        });
    }
    std::vector<ExecutionReport> snapshot()
    {
        std::lock_guard lock(mutex);
        return reports;
    }
};

} // namespace

class TestPaperBroker : public QObject
{
    Q_OBJECT
private slots:
    void partialFillsAddUpToTheOrderQuantity()
    {
        PaperBrokerConfig cfg;
        cfg.seed = 42;
        cfg.partialFillProbability = 1.0;
        cfg.maxPartialFills = 5;
        const auto orders = marketOrders(200);
        const auto grouped = byOrder(runSynchronously(cfg, orders));
        QCOMPARE(grouped.size(), orders.size());
        std::size_t moreThanTwo = 0;
        for (const Order& o : orders) {
            const auto& rs = grouped.at(o.id().value);
            QCOMPARE(rs.front().type, ExecType::New);
            QCOMPARE(rs.front().leavesQty, o.quantity());
            ContractCount sum = 0;
            ContractCount prevCum = 0;
            for (std::size_t i = 1; i < rs.size(); ++i) {
                QVERIFY(rs[i].lastQty > 0);
                sum += rs[i].lastQty;
                QCOMPARE(rs[i].cumQty, sum);
                QVERIFY(rs[i].cumQty > prevCum);
                QCOMPARE(rs[i].leavesQty, o.quantity() - sum);
                QCOMPARE(rs[i].type, i + 1 == rs.size() ? ExecType::Fill : ExecType::PartialFill);
                prevCum = rs[i].cumQty;
            }
            QCOMPARE(sum, o.quantity());
            const auto pieces = static_cast<ContractCount>(rs.size() - 1);
            QVERIFY(pieces <= std::min<ContractCount>(5, o.quantity()));
            QVERIFY(o.quantity() == 1 || pieces >= 2);
            if (pieces > 2)
                ++moreThanTwo;
        }
        QVERIFY(moreThanTwo > 0); // the split really is random, not always two halves
    }

    void rejectsHappenAtTheConfiguredRate()
    {
        PaperBrokerConfig cfg;
        cfg.seed = 7;
        cfg.rejectProbability = 0.25;
        const int n = 2000;
        const auto reports = runSynchronously(cfg, marketOrders(n));
        const auto rejects = std::count_if(reports.begin(), reports.end(), [](const auto& r) {
            return r.type == ExecType::Rejected;
        });
        // Binomial(2000, 0.25): mean 500, sd sqrt(2000 × 0.25 × 0.75) = 19.4; allow 4 sd.
        const double sd = std::sqrt(n * 0.25 * 0.75);
        QVERIFY2(std::fabs(static_cast<double>(rejects) - 500.0) <= 4.0 * sd,
                 std::to_string(rejects).c_str());
        const auto it = std::find_if(reports.begin(), reports.end(), [](const auto& r) {
            return r.type == ExecType::Rejected;
        });
        QCOMPARE(it->text, std::string("paper broker: random reject (probability 25.0%)"));
        QCOMPARE(it->leavesQty, 0LL);
    }

    void deterministicPerSeed()
    {
        PaperBrokerConfig cfg;
        cfg.seed = 2026;
        cfg.rejectProbability = 0.1;
        cfg.partialFillProbability = 0.6;
        cfg.slippageBps = 5.0;
        const auto orders = marketOrders(100);
        const auto a = runSynchronously(cfg, orders);
        QCOMPARE(runSynchronously(cfg, orders), a);
        cfg.seed = 2027;
        QVERIFY(runSynchronously(cfg, orders) != a);
        // An order's reports do not depend on the other orders submitted.
        cfg.seed = 2026;
        const auto alone = runSynchronously(cfg, {orders[41]});
        QCOMPARE(alone, byOrder(a).at(42));
    }

    void slippageIsAdverse()
    {
        PaperBrokerConfig cfg;
        cfg.slippageBps = 50.0;
        PaperEngine engine(cfg, flatPrice(2'000'000), fixedClock());
        QCOMPARE(engine.fillPrice(Side::Buy, 2'000'000), 2'010'000LL);
        QCOMPARE(engine.fillPrice(Side::Sell, 2'000'000), 1'990'000LL);
        engine.submit(ch::test::sentOrder(1, marketRequest(3, Side::Sell)));
        const auto fills = engine.runUntilIdle();
        QCOMPARE(fills.size(), std::size_t{1});
        QCOMPARE(fills[0].lastPriceMicros, 1'990'000LL);
        QCOMPARE(fills[0].execId, std::string("PB-1-2"));
        QCOMPARE(fills[0].at, kNow);
    }

    void limitOrdersRestUntilMarketableOrCancelled()
    {
        std::int64_t price = 2'400'000;
        PaperEngine engine(
            {}, [&price](const std::string&, Month) { return std::optional(price); }, fixedClock());
        const Order buy = ch::test::sentOrder(7, ch::test::standardRequest()); // limit 2.35
        QCOMPARE(engine.submit(buy).front().type, ExecType::New);
        QVERIFY(engine.step().empty());
        QCOMPARE(engine.openOrderCount(), std::size_t{1});
        price = 2'300'000;
        const auto fill = engine.step();
        QCOMPARE(fill.size(), std::size_t{1});
        QCOMPARE(fill[0].type, ExecType::Fill);
        QCOMPARE(fill[0].lastPriceMicros, 2'300'000LL);

        price = 2'400'000;
        const Order another = ch::test::sentOrder(8, ch::test::standardRequest());
        engine.submit(another);
        const auto cancelled = engine.cancel(another.id());
        QCOMPARE(cancelled.size(), std::size_t{1});
        QCOMPARE(cancelled[0].type, ExecType::Cancelled);
        QCOMPARE(cancelled[0].leavesQty, 0LL);
        QCOMPARE(cancelled[0].text, std::string("cancelled at the client's request"));
        const auto again = engine.cancel(another.id());
        QCOMPARE(again[0].type, ExecType::CancelRejected);
        QCOMPARE(again[0].text, std::string("paper broker: order 8 is not open"));
        QCOMPARE(again[0].execId, std::string("PB-CR-1"));
    }

    void refusesWithoutAReferencePrice()
    {
        PaperEngine engine(
            {},
            [](const std::string&, Month) { return std::optional<std::int64_t>(); },
            fixedClock());
        const auto r = engine.submit(ch::test::sentOrder(3, marketRequest(2)));
        QCOMPARE(r[0].type, ExecType::Rejected);
        QCOMPARE(r[0].text, std::string("paper broker: no reference price for CHG.H100 2026-12"));
    }

    void onlySentOrdersAreAccepted()
    {
        PaperEngine engine({}, flatPrice(2'300'000), fixedClock());
        QVERIFY_THROWS_EXCEPTION(Error, engine.submit(ch::test::orderIn(OrderState::Approved)));
        const Order sent = ch::test::sentOrder(5, marketRequest(1));
        engine.submit(sent);
        QVERIFY_THROWS_EXCEPTION(Error, engine.submit(sent));
    }

    void reportsApplyToExactlyTheOrderQuantity()
    {
        // Feed the fill applier each report twice and the fills in reverse: never double-counted.
        PaperBrokerConfig cfg;
        cfg.seed = 9;
        cfg.partialFillProbability = 1.0;
        cfg.maxPartialFills = 4;
        const Order order = ch::test::sentOrder(1, marketRequest(37));
        auto reports = runSynchronously(cfg, {order});
        QVERIFY(reports.size() >= 3);
        std::reverse(reports.begin() + 1, reports.end());
        Order o = order;
        std::vector<std::string> applied;
        std::vector<Fill> fills;
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& r : reports) {
                const auto a = applyExecutionReport(o, applied, r, 800);
                QVERIFY(a.outcome != ApplyOutcome::Anomaly);
                if (a.outcome == ApplyOutcome::Applied) {
                    applied.push_back(r.execId);
                    if (a.fill)
                        fills.push_back(*a.fill);
                }
                o = a.order;
            }
        QCOMPARE(o.state(), OrderState::Filled);
        QCOMPARE(o.filledQty(), 37LL);
        const auto positions = buildPositions(fills);
        QCOMPARE(positions.size(), std::size_t{1});
        QCOMPARE(positions[0].netQty, 37LL);
        QCOMPARE(positions[0].averagePriceMicros(), 2'300'000LL);
        QCOMPARE(positions[0].fees, Money(Currency::Usd, 37 * 800));
    }

    void threadedBrokerDeliversWhatTheEngineComputes()
    {
        PaperBrokerConfig cfg;
        cfg.seed = 11;
        cfg.rejectProbability = 0.2;
        cfg.partialFillProbability = 0.7;
        cfg.slippageBps = 3.0;
        const auto orders = marketOrders(30);
        Collector collector;
        PaperBroker broker(cfg, flatPrice(2'300'000), collector.sink(), fixedClock());
        for (const Order& o : orders)
            broker.submit(o);
        QVERIFY(collector.waitForFinals(orders.size()));
        broker.stop();
        QCOMPARE(byOrder(collector.snapshot()), byOrder(runSynchronously(cfg, orders)));
        QVERIFY(!broker.failure());
        try {
            broker.submit(ch::test::sentOrder(99, marketRequest(1)));
            QFAIL("submit after stop must throw");
        } catch (const BrokerError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("paper broker: cannot submit order 99 (buy 1 CHG.H100 2026-12 "
                                 "market): the broker is stopped"));
        }
    }

    void threadedCancelAndDuplicateSubmit()
    {
        Collector collector;
        PaperBroker broker({}, flatPrice(2'400'000), collector.sink(), fixedClock());
        const Order resting = ch::test::sentOrder(7, ch::test::standardRequest()); // limit 2.35
        broker.submit(resting);
        QVERIFY_THROWS_EXCEPTION(BrokerError, broker.submit(resting));
        broker.cancel(resting.id());
        QVERIFY(collector.waitForFinals(1));
        const auto reports = collector.snapshot();
        QCOMPARE(reports.size(), std::size_t{2});
        QCOMPARE(reports[0].type, ExecType::New);
        QCOMPARE(reports[1].type, ExecType::Cancelled);
    }

    void sinkFailureStopsTheBroker()
    {
        std::mutex m;
        std::condition_variable cv;
        bool called = false;
        PaperBroker broker(
            {},
            flatPrice(2'300'000),
            [&](const ExecutionReport&) {
                {
                    std::lock_guard lock(m);
                    called = true;
                }
                cv.notify_all();
                throw std::runtime_error("sink exploded");
            },
            fixedClock());
        broker.submit(ch::test::sentOrder(1, marketRequest(1)));
        {
            std::unique_lock lock(m);
            QVERIFY(cv.wait_for(lock, 120s, [&] { return called; }));
        }
        broker.stop(); // joins the worker, which has recorded the failure
        QCOMPARE(broker.failure(), std::optional<std::string>("sink exploded"));
        try {
            broker.cancel(OrderId{1});
            QFAIL("cancel after a failure must throw");
        } catch (const BrokerError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("paper broker: cannot cancel order 1: the "
                                 "broker failed: sink exploded"));
        }
    }
};

CH_REGISTER_TEST(TestPaperBroker);
#include "tst_paper_broker.moc"
