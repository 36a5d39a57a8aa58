#include "domain/error.h"
#include "pricing/calendar.h"
#include "series_builders.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::pricing;
using ch::test::isoDate;
using ch::test::isoMonth;

class TestCalendar : public QObject
{
    Q_OBJECT
private slots:
    void holidays2026()
    {
        // CME Group holiday calendar 2026 (full closures of NYMEX energy); July 4 is a Saturday.
        const std::vector<UsHoliday> expected{
            {isoDate("2026-01-01"), "New Year's Day"},
            {isoDate("2026-01-19"), "Martin Luther King Jr. Day"},
            {isoDate("2026-02-16"), "Presidents' Day"},
            {isoDate("2026-04-03"), "Good Friday"},
            {isoDate("2026-05-25"), "Memorial Day"},
            {isoDate("2026-06-19"), "Juneteenth"},
            {isoDate("2026-07-03"), "Independence Day"},
            {isoDate("2026-09-07"), "Labor Day"},
            {isoDate("2026-11-26"), "Thanksgiving"},
            {isoDate("2026-12-25"), "Christmas"},
        };
        const auto actual = usHolidays(2026);
        QCOMPARE(actual.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(formatIsoDate(actual[i].observed), formatIsoDate(expected[i].observed));
            QCOMPARE(actual[i].name, expected[i].name);
            QVERIFY(!isUsBusinessDay(expected[i].observed));
        }
    }

    void easter_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2000") << 2000 << "2000-04-23";
        QTest::newRow("2024") << 2024 << "2024-03-31";
        QTest::newRow("2025") << 2025 << "2025-04-20";
        QTest::newRow("2026") << 2026 << "2026-04-05";
        QTest::newRow("2027") << 2027 << "2027-03-28";
        QTest::newRow("latest possible, 2038") << 2038 << "2038-04-25";
        QTest::newRow("earliest possible, 2285") << 2285 << "2285-03-22";
    }
    void easter()
    {
        QFETCH(int, year);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatIsoDate(easterSunday(year))), expected);
    }

    void businessDays_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("business");
        QTest::newRow("ordinary Friday") << "2026-10-30" << true;
        QTest::newRow("Saturday") << "2026-10-31" << false;
        QTest::newRow("Sunday") << "2026-11-01" << false;
        QTest::newRow("Good Friday 2026") << "2026-04-03" << false;
        QTest::newRow("July 4 2026 (Sat) observed Fri 07-03") << "2026-07-03" << false;
        QTest::newRow("Monday after July 4 2026") << "2026-07-06" << true;
        QTest::newRow("Juneteenth 2021, before adoption") << "2021-06-18" << true;
        QTest::newRow("Juneteenth 2022 (Sun) observed Mon") << "2022-06-20" << false;
        QTest::newRow("Juneteenth 2027 (Sat) observed Fri") << "2027-06-18" << false;
        QTest::newRow("Christmas 2022 (Sun) observed Mon") << "2022-12-26" << false;
        QTest::newRow("New Year 2023 (Sun) observed Mon") << "2023-01-02" << false;
        QTest::newRow("New Year 2022 (Sat) not moved to Fri") << "2021-12-31" << true;
        QTest::newRow("New Year 2028 (Sat) not moved to Fri") << "2027-12-31" << true;
        QTest::newRow("Columbus Day is a trading day") << "2026-10-12" << true;
        QTest::newRow("Thanksgiving 2025") << "2025-11-27" << false;
        QTest::newRow("Memorial Day 2027 on the 31st") << "2027-05-31" << false;
    }
    void businessDays()
    {
        QFETCH(QString, date);
        QFETCH(bool, business);
        QCOMPARE(isUsBusinessDay(*parseIsoDate(date.toStdString())), business);
    }

    void monthsOfBusinessDays_data()
    {
        QTest::addColumn<QString>("month");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("last");
        QTest::newRow("Oct 2026, no holiday") << "2026-10" << 22 << "2026-10-30";
        QTest::newRow("Nov 2026, Thanksgiving") << "2026-11" << 20 << "2026-11-30";
        QTest::newRow("Jul 2026, observed Jul 3") << "2026-07" << 22 << "2026-07-31";
        QTest::newRow("May 2026 ends on a Sunday") << "2026-05" << 20 << "2026-05-29";
        QTest::newRow("May 2027 ends on Memorial Day") << "2027-05" << 20 << "2027-05-28";
        QTest::newRow("Dec 2027, Jan 1 2028 is a Saturday") << "2027-12" << 22 << "2027-12-31";
        QTest::newRow("Apr 2026, Good Friday") << "2026-04" << 21 << "2026-04-30";
    }
    void monthsOfBusinessDays()
    {
        QFETCH(QString, month);
        QFETCH(int, count);
        QFETCH(QString, last);
        const Month m = *parseIsoMonth(month.toStdString());
        const auto days = businessDaysOf(m);
        QCOMPARE(static_cast<int>(days.size()), count);
        QCOMPARE(QString::fromStdString(formatIsoDate(lastBusinessDay(m))), last);
        QCOMPARE(days.back(), lastBusinessDay(m));
        for (const Date& d : days) {
            QCOMPARE(monthOf(d), m);
            QVERIFY(isUsBusinessDay(d));
        }
    }

    void businessDaysBetweenMatchesPredicate()
    {
        const Date from = isoDate("2021-12-20");
        const Date to = isoDate("2028-01-10");
        const auto days = businessDaysBetween(from, to);
        std::size_t k = 0;
        for (long long d = daysSinceEpoch(from); d <= daysSinceEpoch(to); ++d) {
            const Date date = dateFromDaysSinceEpoch(d);
            if (isUsBusinessDay(date)) {
                QVERIFY(k < days.size());
                QCOMPARE(days[k], date);
                ++k;
            }
        }
        QCOMPARE(k, days.size());
        QVERIFY(businessDaysBetween(to, from).empty());
    }

    void tenors()
    {
        const Date valuation = isoDate("2026-10-30");
        QCOMPARE(valuationMonth(valuation), isoMonth("2026-10"));
        const auto months = deliveryMonths(valuation, 36);
        QCOMPARE(months.size(), std::size_t{36});
        QCOMPARE(months.front(), isoMonth("2026-11"));
        QCOMPARE(months[2], isoMonth("2027-01"));
        QCOMPARE(months.back(), isoMonth("2029-10"));
        QVERIFY(deliveryMonths(valuation, 0).empty());
        try {
            deliveryMonths(valuation, -1);
            QFAIL("expected ch::Error");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("deliveryMonths: count must be zero or more, got -1"));
        }
    }
};

CH_REGISTER_TEST(TestCalendar);
#include "tst_calendar.moc"
