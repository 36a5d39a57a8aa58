#include "test_registry.h"
#include "ui/format.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ch;
namespace format = ch::ui::format;

class TestFormat : public QObject
{
    Q_OBJECT
private slots:
    void currency_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<QString>("expected");
        QTest::newRow("millions, separators") << 1234567.0 << "USD 1,234,567";
        QTest::newRow("rounds half away from zero") << 1234567.5 << "USD 1,234,568";
        QTest::newRow("small") << 5.0 << "USD 5";
        QTest::newRow("negative") << -98765.4 << "USD -98,765";
        QTest::newRow("tiny negative is zero") << -0.2 << "USD 0";
        QTest::newRow("NaN") << std::nan("") << "n/a";
    }
    void currency()
    {
        QFETCH(double, amount);
        QFETCH(QString, expected);
        QCOMPARE(format::currency(amount), expected);
    }

    void money_data()
    {
        QTest::addColumn<qlonglong>("cents");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cents kept") << 123456789LL << "USD 1,234,567.89";
        QTest::newRow("one cent") << 1LL << "USD 0.01";
        QTest::newRow("negative") << -150LL << "USD -1.50";
        QTest::newRow("zero") << 0LL << "USD 0.00";
        QTest::newRow("int64 min, no overflow")
            << std::numeric_limits<qlonglong>::min() << "USD -92,233,720,368,547,758.08";
    }
    void money()
    {
        QFETCH(qlonglong, cents);
        QFETCH(QString, expected);
        QCOMPARE(format::money(Money(Currency::Usd, cents)), expected);
    }

    void currencyCompact_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<QString>("expected");
        QTest::newRow("below a thousand") << 950.0 << "USD 950";
        QTest::newRow("rounds to a thousand") << 999.6 << "USD 1.0k";
        QTest::newRow("thousands") << 12345.0 << "USD 12.3k";
        QTest::newRow("millions") << 12345678.0 << "USD 12.3m";
        QTest::newRow("billions") << 1234567890.0 << "USD 1.2bn";
        QTest::newRow("rounds up into the next scale") << 999960.0 << "USD 1.0m";
        QTest::newRow("negative millions") << -2500000.0 << "USD -2.5m";
        QTest::newRow("thousands of billions keep separators") << 1.5e12 << "USD 1,500.0bn";
    }
    void currencyCompact()
    {
        QFETCH(double, amount);
        QFETCH(QString, expected);
        QCOMPARE(format::currencyCompact(amount), expected);
    }

    void unitPrice_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GPU two decimals") << 2.81 << int(Unit::GpuHour) << "2.81 USD/GPU-h";
        QTest::newRow("GPU rounds") << 2.805001 << int(Unit::GpuHour) << "2.81 USD/GPU-h";
        QTest::newRow("GPU thousands") << 1234.5 << int(Unit::GpuHour) << "1,234.50 USD/GPU-h";
        QTest::newRow("token frontier") << 15.0 << int(Unit::MTok) << "15.00 USD/MTok";
        QTest::newRow("token 3 significant") << 0.15 << int(Unit::MTok) << "0.150 USD/MTok";
        QTest::newRow("token fraction of a cent") << 0.0375 << int(Unit::MTok) << "0.0375 USD/MTok";
        QTest::newRow("token capped at micro-USD")
            << 0.0000012 << int(Unit::MTok) << "0.000001 USD/MTok";
    }
    void unitPrice()
    {
        QFETCH(double, usd);
        QFETCH(int, unit);
        QFETCH(QString, expected);
        QCOMPARE(format::unitPrice(usd, static_cast<Unit>(unit)), expected);
    }

    void unitPriceMicros()
    {
        QCOMPARE(format::unitPriceMicros(2'350'000, Unit::GpuHour), QString("2.35 USD/GPU-h"));
        QCOMPARE(format::unitPriceMicros(10'000, Unit::GpuHour), QString("0.01 USD/GPU-h"));
        QCOMPARE(format::unitPriceMicros(10'000, Unit::MTok), QString("0.01 USD/MTok"));
        QCOMPARE(format::unitPriceMicros(5'000, Unit::GpuHour), QString("0.005 USD/GPU-h"));
        QCOMPARE(format::unitPriceMicros(37'500, Unit::MTok), QString("0.0375 USD/MTok"));
        QCOMPARE(format::unitPriceMicros(1, Unit::MTok), QString("0.000001 USD/MTok"));
        QCOMPARE(format::unitPriceMicros(-20'000, Unit::GpuHour), QString("-0.02 USD/GPU-h"));
        QCOMPARE(format::units(1000, Unit::MTok), QString("1,000 MTok"));
        QCOMPARE(format::unitPriceValue(0.075, Unit::MTok), QString("0.0750"));
    }

    void volume_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GPU-hours whole") << 1234567.4 << int(Unit::GpuHour) << "1,234,567 GPU-h";
        QTest::newRow("contract size") << 730.0 << int(Unit::GpuHour) << "730 GPU-h";
        QTest::newRow("tokens one decimal") << 12.5 << int(Unit::MTok) << "12.5 MTok";
        QTest::newRow("tokens thousands") << 1000.0 << int(Unit::MTok) << "1,000.0 MTok";
    }
    void volume()
    {
        QFETCH(double, amount);
        QFETCH(int, unit);
        QFETCH(QString, expected);
        QCOMPARE(format::volume(amount, static_cast<Unit>(unit)), expected);
    }

    void percent_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("withSign");
        QTest::newRow("positive") << 0.125 << "12.5%"
                                  << "+12.5%";
        QTest::newRow("negative") << -0.03 << "-3.0%"
                                  << "-3.0%";
        QTest::newRow("zero") << 0.0 << "0.0%"
                              << "0.0%";
        QTest::newRow("rounds to zero, no sign") << -0.0004 << "0.0%"
                                                 << "0.0%";
        QTest::newRow("large") << 12.345 << "1,234.5%"
                               << "+1,234.5%";
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << "n/a"
                                  << "n/a";
    }
    void percent()
    {
        QFETCH(double, fraction);
        QFETCH(QString, plain);
        QFETCH(QString, withSign);
        QCOMPARE(format::percent(fraction), plain);
        QCOMPARE(format::signedPercent(fraction), withSign);
    }

    void numbers()
    {
        QCOMPARE(format::number(1234567.891, 2), QString("1,234,567.89"));
        QCOMPARE(format::integer(-1234567), QString("-1,234,567"));
        QCOMPARE(format::signedNumber(4.26, 1), QString("+4.3"));
        QCOMPARE(format::correlation(0.8549), QString("0.85"));
        QCOMPARE(format::correlation(-0.126), QString("-0.13"));
    }

    void dates()
    {
        using namespace std::chrono;
        QCOMPARE(format::date(2026y / October / 30d), QString("2026-10-30"));
        QCOMPARE(format::month(2027y / January), QString("2027-01"));
    }

    void unitLabels()
    {
        // The axis labels match core's wording (translated copies of it).
        QCOMPARE(format::unitPriceLabel(Unit::GpuHour),
                 QString::fromLatin1(ch::unitPriceLabel(Unit::GpuHour)));
        QCOMPARE(format::unitPriceLabel(Unit::MTok),
                 QString::fromLatin1(ch::unitPriceLabel(Unit::MTok)));
        QCOMPARE(format::unitSymbol(Unit::MTok), QString("MTok"));
    }
};

CH_REGISTER_TEST(TestFormat);
#include "tst_format.moc"
