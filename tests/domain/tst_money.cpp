#include "compare.h"
#include "domain/error.h"
#include "domain/money.h"
#include "domain/units.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;

class TestMoney : public QObject
{
    Q_OBJECT
private slots:
    void fromAmountRoundsHalfAwayFromZero_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<qlonglong>("cents");
        QTest::newRow("0.125 -> 13 (half up)") << 0.125 << 13LL;
        QTest::newRow("-0.125 -> -13 (half away)") << -0.125 << -13LL;
        QTest::newRow("1234.5649 -> 123456") << 1234.5649 << 123456LL;
        QTest::newRow("zero") << 0.0 << 0LL;
    }
    void fromAmountRoundsHalfAwayFromZero()
    {
        QFETCH(double, amount);
        QFETCH(qlonglong, cents);
        QCOMPARE(Money::fromAmount(Currency::Usd, amount).minorUnits(), cents);
    }
    void decimalString()
    {
        QCOMPARE(Money(Currency::Usd, -123450).toDecimalString(), std::string("-1234.50"));
        QCOMPARE(Money(Currency::Usd, 7).toDecimalString(), std::string("0.07"));
    }
    void sumsAreExact()
    {
        Money total = Money::zero();
        for (int i = 0; i < 1000; ++i)
            total += Money(Currency::Usd, 1); // 1000 × 0.01 is exactly 10.00
        QCOMPARE(total.minorUnits(), 1000LL);
    }
    void overflowThrows()
    {
        QVERIFY_THROWS_EXCEPTION(Error, Money(Currency::Usd, INT64_MAX) + Money(Currency::Usd, 1));
        QVERIFY_THROWS_EXCEPTION(Error, Money::fromAmount(Currency::Usd, 1e300));
    }
    void notionalIsExact_data()
    {
        QTest::addColumn<qlonglong>("contracts");
        QTest::addColumn<qlonglong>("units");
        QTest::addColumn<qlonglong>("priceMicros");
        QTest::addColumn<qlonglong>("cents");
        // 10 × 730 GPU-h × 2.35 USD = 17,155.00 USD
        QTest::newRow("10 H100 @ 2.35") << 10LL << 730LL << 2'350'000LL << 1'715'500LL;
        // 1 × 730 × 0.000005 = 0.00365 USD -> 0 cents; 3 × 730 × 0.000005 = 0.01095 -> 1 cent
        QTest::newRow("tiny rounds down") << 1LL << 730LL << 5LL << 0LL;
        QTest::newRow("tiny rounds half away") << 3LL << 730LL << 5LL << 1LL;
        QTest::newRow("short position") << -2LL << 1000LL << 1'250'000LL << -250'000LL;
    }
    void notionalIsExact()
    {
        QFETCH(qlonglong, contracts);
        QFETCH(qlonglong, units);
        QFETCH(qlonglong, priceMicros);
        QFETCH(qlonglong, cents);
        QCOMPARE(notional(contracts, units, priceMicros).minorUnits(), cents);
    }
    void notionalOverflowThrows()
    {
        QVERIFY_THROWS_EXCEPTION(Error, notional(INT64_MAX / 2, 730, 1'000'000'000));
    }
    void quantitiesRejectNegatives()
    {
        QVERIFY_THROWS_EXCEPTION(Error, GpuHours(-5.0));
        QCOMPARE(GpuHours(10.0).clampedMinus(GpuHours(25.0)).value(), 0.0);
        QCOMPARE(UsdPerGpuHour::fromUsd(2.35).micros(), 2'350'000LL);
        QCOMPARE(costOf(GpuHours(1000.0), UsdPerGpuHour::fromUsd(2.35)).minorUnits(), 235'000LL);
        QVERIFY_THROWS_EXCEPTION(Error, UsdPerMTok::fromUsd(-0.01));
    }
};
CH_REGISTER_TEST(TestMoney);

#include "tst_money.moc"
