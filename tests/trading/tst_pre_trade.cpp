#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/pre_trade.h"

#include <QTest>

using namespace ch;
using namespace ch::trading;
using namespace std::chrono;

namespace {

//! Last weekday of the month; the CHG contracts' last trading day ignoring holidays.
Date lastWeekday(Month m)
{
    sys_days d{lastDay(m)};
    while (weekday{d} == Saturday || weekday{d} == Sunday)
        d -= days{1};
    return Date{d};
}

//! Every check passes: buy 10 @ 2.35 (ref 2.30, 2.2% away), position 5 -> 15 of 20 contracts'
//! exposure (75% in a 60%-90% band), limits 50 / 100 contracts and 100,000.00 USD.
PreTradeContext cleanContext()
{
    PreTradeContext c;
    c.valuationDate = year{2026} / October / 5;
    c.spec = ch::test::h100Spec();
    c.lastTradingDay = lastWeekday;
    c.referencePriceMicros = 2'300'000;
    c.positionInMonth = 5;
    c.grossPositionAllMonths = 30;
    c.band = HedgeBandInput{20 * 730.0, 0.60, 0.90};
    c.limits.maxContractsPerMonth = 50;
    c.limits.maxContractsPerContract = 100;
    c.limits.maxOrderNotional = Money(Currency::Usd, 10'000'000);
    return c;
}

Order sellOrder(ContractCount qty)
{
    OrderRequest r = ch::test::standardRequest();
    r.side = Side::Sell;
    r.quantity = qty;
    return ch::test::draftOrder(7, r);
}

} // namespace

class TestPreTrade : public QObject
{
    Q_OBJECT
private slots:
    void cleanOrderPasses()
    {
        const auto report = runPreTradeChecks(ch::test::draftOrder(), cleanContext());
        QVERIFY(report.passed());
        QCOMPARE(report.findings.size(), std::size_t{0});
        QCOMPARE(report.orderId, OrderId{7});
    }

    void policyBand()
    {
        auto c = cleanContext();
        c.positionInMonth = 10; // 10 + 10 = 20 contracts = 100% of exposure
        auto f = checkPolicyBand(ch::test::draftOrder(), c);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("hedge ratio after the trade would be 100.0% of the 2026-12 exposure, "
                             "above the policy band 60.0% to 90.0%"));

        c.positionInMonth = -5; // -25% -> +25%: still below, but closer
        f = checkPolicyBand(ch::test::draftOrder(), c);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(f->message,
                 std::string("hedge ratio after the trade would be 25.0% of the 2026-12 exposure, "
                             "below the policy band 60.0% to 90.0% (moves toward it from -25.0%)"));

        c.positionInMonth = 14; // 70% -> 20% by selling 10: leaves the band downward
        f = checkPolicyBand(sellOrder(10), c);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("hedge ratio after the trade would be 20.0% of the 2026-12 exposure, "
                             "below the policy band 60.0% to 90.0%"));

        c.positionInMonth = 24; // 120% -> 95% by selling 5: over, but reduced
        f = checkPolicyBand(sellOrder(5), c);
        QCOMPARE(f->severity, Severity::Warning);

        c.band.exposureUnits = 0.0;
        c.positionInMonth = 0;
        f = checkPolicyBand(ch::test::draftOrder(), c);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("no 2026-12 exposure to hedge, yet the position would be "
                             "10 contracts after the trade"));
        c.positionInMonth = 10;
        QVERIFY(!checkPolicyBand(sellOrder(10), c)); // flat again
    }

    void monthAndContractLimits()
    {
        auto c = cleanContext();
        c.limits.maxContractsPerMonth = 12;
        auto report = runPreTradeChecks(ch::test::draftOrder(), c);
        const auto* f = report.find(PreTradeCheck::MonthLimit);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("the CHG.H100 2026-12 position would be 15 contracts after "
                             "the trade, above the per-month limit of 12"));
        QVERIFY(!report.passed());

        c.positionInMonth = 20; // over the limit already; selling 5 reduces it
        c.grossPositionAllMonths = 45;
        const auto reduce = checkMonthLimit(sellOrder(5), c);
        QCOMPARE(reduce->severity, Severity::Warning);
        QCOMPARE(reduce->message,
                 std::string("the CHG.H100 2026-12 position would be 15 contracts "
                             "after the trade, above the per-month limit of 12 "
                             "(the trade reduces it from 20)"));

        c = cleanContext();
        c.grossPositionAllMonths = 95; // includes this month's 5
        const auto gross = checkContractLimit(ch::test::draftOrder(), c);
        QCOMPARE(gross->severity, Severity::Error);
        QCOMPARE(gross->message,
                 std::string("the gross CHG.H100 position over all months would be "
                             "105 contracts after the trade, above the "
                             "per-contract limit of 100"));
        c.grossPositionAllMonths = 90;
        QVERIFY(!checkContractLimit(ch::test::draftOrder(), c)); // exactly 100
    }

    void notionalLimit()
    {
        auto c = cleanContext();
        c.limits.maxOrderNotional = Money(Currency::Usd, 1'000'000);
        const auto f = checkNotionalLimit(ch::test::draftOrder(), c);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("order notional 17155.00 USD is above the order limit of "
                             "10000.00 USD"));
        c.limits.maxOrderNotional = Money(Currency::Usd, 1'715'500);
        QVERIFY(!checkNotionalLimit(ch::test::draftOrder(), c));
    }

    void listedMonth()
    {
        auto c = cleanContext();
        OrderRequest r = ch::test::standardRequest();
        r.deliveryMonth = year{2026} / September;
        auto f = checkListedMonth(ch::test::draftOrder(7, r), c);
        QCOMPARE(f->message,
                 std::string("CHG.H100 2026-09 has expired: its last trading day was "
                             "2026-09-30 (valuation date 2026-10-05)"));

        // 2026-10-31 is a Saturday: October's last trading day (Friday 30th) has passed, so the
        // front month is November and 36 months run to 2029-10.
        c.valuationDate = year{2026} / October / 31;
        r.deliveryMonth = year{2026} / October;
        f = checkListedMonth(ch::test::draftOrder(7, r), c);
        QCOMPARE(f->message,
                 std::string("CHG.H100 2026-10 has expired: its last trading day was "
                             "2026-10-30 (valuation date 2026-10-31)"));
        r.deliveryMonth = year{2029} / October;
        QVERIFY(!checkListedMonth(ch::test::draftOrder(7, r), c));
        r.deliveryMonth = year{2029} / November;
        f = checkListedMonth(ch::test::draftOrder(7, r), c);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("CHG.H100 2029-11 is not listed: listed months are "
                             "2026-11 to 2029-10"));

        c.valuationDate = year{2026} / October / 5;
        r.deliveryMonth = year{2029} / September;
        QVERIFY(!checkListedMonth(ch::test::draftOrder(7, r), c));
        r.deliveryMonth = year{2029} / October;
        QCOMPARE(
            checkListedMonth(ch::test::draftOrder(7, r), c)->message,
            std::string("CHG.H100 2029-10 is not listed: listed months are 2026-10 to 2029-09"));
    }

    void priceCollar()
    {
        auto c = cleanContext();
        OrderRequest r = ch::test::standardRequest();
        r.limitPriceMicros = 2'600'000; // 13.0% above 2.30
        auto f = checkPriceCollar(ch::test::draftOrder(7, r), c);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("limit price 2.60 USD is 13.0% above the reference 2.30 USD, "
                             "outside the collar of +/-10.0%"));
        r.limitPriceMicros = 2'000'000; // 13.0% below
        QCOMPARE(checkPriceCollar(ch::test::draftOrder(7, r), c)->message,
                 std::string("limit price 2.00 USD is 13.0% below the reference 2.30 USD, outside "
                             "the collar of +/-10.0%"));
        c.referencePriceMicros = 2'000'000;
        r.limitPriceMicros = 2'200'000; // exactly +10%
        QVERIFY(!checkPriceCollar(ch::test::draftOrder(7, r), c));
        r.type = OrderType::Market;
        r.limitPriceMicros.reset();
        c.referencePriceMicros = 2'300'000;
        QVERIFY(!checkPriceCollar(ch::test::draftOrder(7, r), c));
        c.referencePriceMicros = 0;
        QCOMPARE(checkPriceCollar(ch::test::draftOrder(), c)->message,
                 std::string("no reference price for CHG.H100 2026-12; the limit price cannot be "
                             "checked against the collar"));
    }

    void duplicateWithinWindow()
    {
        auto c = cleanContext();
        const Order mine = ch::test::draftOrder(7);
        const Order twoMinutesBefore = ch::test::draftOrder(
            41, ch::test::standardRequest(), ch::test::ts("2026-10-05T13:58:00Z"));
        const ch::test::Desk d;
        const Order pending41 = submitForApproval(twoMinutesBefore,
                                                  d.tina,
                                                  ch::test::ts("2026-10-05T13:58:10Z"),
                                                  ch::test::cleanReport(twoMinutesBefore),
                                                  {})
                                    .order;
        c.recentOrders = {mine, pending41};
        const auto f = checkDuplicate(mine, c);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(
            f->message,
            std::string("possible duplicate of order 41 (buy 10 CHG.H100 2026-12 limit 2.35), "
                        "pending_approval, created 2026-10-05T13:58:00Z, within the 300 s window"));

        c.limits.duplicateWindow = seconds{60};
        QVERIFY(!checkDuplicate(mine, c)); // 120 s apart
        c.limits.duplicateWindow = seconds{300};
        c.recentOrders = {
            cancel(pending41, d.tina, ch::test::ts("2026-10-05T13:59:00Z"), "x").order};
        QVERIFY(!checkDuplicate(mine, c)); // a cancelled order cannot execute twice
        OrderRequest other = ch::test::standardRequest();
        other.quantity = 11;
        const Order eleven = ch::test::draftOrder(42, other, ch::test::ts("2026-10-05T13:59:00Z"));
        c.recentOrders = {submitForApproval(eleven,
                                            d.tina,
                                            ch::test::ts("2026-10-05T13:59:00Z"),
                                            ch::test::cleanReport(eleven),
                                            {})
                              .order};
        QVERIFY(!checkDuplicate(mine, c));
    }

    void reportSummarisesErrors()
    {
        auto c = cleanContext();
        c.limits.maxOrderNotional = Money(Currency::Usd, 1'000'000);
        c.referencePriceMicros = 2'000'000; // 2.35 is 17.5% above
        const auto report = runPreTradeChecks(ch::test::draftOrder(), c);
        QCOMPARE(report.findings.size(), std::size_t{2});
        QCOMPARE(report.findings[0].check, PreTradeCheck::NotionalLimit);
        QCOMPARE(report.findings[1].check, PreTradeCheck::PriceCollar);
        QCOMPARE(
            report.errorSummary(),
            std::string("order notional 17155.00 USD is above the order limit of 10000.00 USD; "
                        "limit price 2.35 USD is 17.5% above the reference 2.00 USD, outside "
                        "the collar of +/-10.0%"));
        QCOMPARE(std::string(preTradeCheckCode(PreTradeCheck::PriceCollar)),
                 std::string("price_collar"));
    }
};

CH_REGISTER_TEST(TestPreTrade);
#include "tst_pre_trade.moc"
