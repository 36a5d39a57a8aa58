#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace std::chrono;

class TestDates : public QObject
{
    Q_OBJECT
private slots:
    void parseMonth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << "2026-03" << true;
        QTest::newRow("one-digit month") << "2026-3" << false;
        QTest::newRow("month 13") << "2026-13" << false;
        QTest::newRow("month 00") << "2026-00" << false;
        QTest::newRow("trailing") << "2026-03x" << false;
        QTest::newRow("empty") << "" << false;
    }
    void parseMonth()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto m = parseIsoMonth(text.toStdString());
        QCOMPARE(m.has_value(), valid);
        if (m)
            QCOMPARE(QString::fromStdString(formatIsoMonth(*m)), text);
    }
    void parseDate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << "2026-10-30" << true;
        QTest::newRow("leap day") << "2024-02-29" << true;
        QTest::newRow("not leap") << "2026-02-29" << false;
        QTest::newRow("Feb 30") << "2026-02-30" << false;
        QTest::newRow("slashes") << "2026/10/30" << false;
        QTest::newRow("US order") << "10-30-2026" << false;
    }
    void parseDate()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto d = parseIsoDate(text.toStdString());
        QCOMPARE(d.has_value(), valid);
        if (d)
            QCOMPARE(QString::fromStdString(formatIsoDate(*d)), text);
    }
    void timestampsRoundTrip()
    {
        const auto t = parseIsoTimestamp("2026-03-31T14:05:09Z");
        QVERIFY(t.has_value());
        QCOMPARE(formatIsoTimestamp(*t), std::string("2026-03-31T14:05:09Z"));
        QVERIFY(!parseIsoTimestamp("2026-03-31T24:00:00Z"));
        QVERIFY(!parseIsoTimestamp("2026-03-31 14:05:09"));
    }
    void monthArithmetic()
    {
        const Month oct = 2026y / October;
        QCOMPARE(monthsBetween(oct, 2029y / September), 35);
        QCOMPARE(addMonths(oct, 3), 2027y / January);
        QCOMPARE(daysInMonth(2024y / February), 29);
        QCOMPARE(daysInMonth(2026y / February), 28);
        QCOMPARE(lastDay(2026y / April), Date{2026y / April / 30d});
        QCOMPARE(dateFromDaysSinceEpoch(daysSinceEpoch(2026y / October / 30d)),
                 Date{2026y / October / 30d});
    }
    void issueFormat()
    {
        Issue i{"plan.csv", 14, "gpu_hours", Severity::Error, "\"-5\" is negative"};
        QCOMPARE(i.toString(), std::string("plan.csv:14: gpu_hours: \"-5\" is negative"));
        Issue whole{"prices.csv", 0, "", Severity::Error, "the file is empty"};
        QCOMPARE(whole.toString(), std::string("prices.csv: the file is empty"));
    }
    void seriesLookup()
    {
        PriceSeries s{"X", {{2026y / October / 1d, 1.0}, {2026y / October / 5d, 2.0}}};
        QCOMPARE(s.lastOnOrBefore(2026y / October / 3d)->usd, 1.0);
        QVERIFY(!s.lastOnOrBefore(2026y / September / 30d));
        QCOMPARE(s.slice(2026y / October / 2d, std::nullopt).points.size(), std::size_t{1});
    }
};
CH_REGISTER_TEST(TestDates);

#include "tst_dates.moc"
