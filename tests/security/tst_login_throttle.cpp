#include "security/login_throttle.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::security;
using namespace std::chrono_literals;

namespace {

Timestamp at(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

LoginAttempts failTimes(int n, Timestamp when)
{
    LoginAttempts a;
    for (int i = 0; i < n; ++i)
        a = recordFailedLogin(a, when);
    return a;
}

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT
private slots:
    void delayDoublesAfterFreeAttemptsAndIsCapped_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qlonglong>("seconds");
        // Default policy: 3 free failures, then 1 s doubling, capped at 15 min = 900 s.
        QTest::newRow("0") << 0 << 0LL;
        QTest::newRow("3 free") << 3 << 0LL;
        QTest::newRow("4th: base") << 4 << 1LL;
        QTest::newRow("5th: 2 s") << 5 << 2LL;
        QTest::newRow("6th: 4 s") << 6 << 4LL;
        QTest::newRow("13th: 512 s") << 13 << 512LL;
        QTest::newRow("14th: 1024 capped at 900") << 14 << 900LL;
        QTest::newRow("1000th: capped") << 1000 << 900LL;
    }
    void delayDoublesAfterFreeAttemptsAndIsCapped()
    {
        QFETCH(int, failures);
        QFETCH(qlonglong, seconds);
        QCOMPARE(static_cast<qlonglong>(backoffDelay(failures).count()), seconds);
    }

    void refusesUntilTheBackoffHasPassed()
    {
        const Timestamp t = at("2026-10-05T14:03:00Z");
        QVERIFY(checkLoginAllowed(failTimes(3, t), t).allowed);
        const LoginAttempts five = failTimes(5, t);
        QCOMPARE(five.consecutiveFailures, 5);
        const LoginDecision d = checkLoginAllowed(five, t + 1s);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfter.count(), 1LL);
        QCOMPARE(d.message,
                 std::string("5 failed logins; try again in 1 s (at 2026-10-05T14:03:02Z)"));
        QVERIFY(checkLoginAllowed(five, t + 2s).allowed);
    }

    void successClearsAndOldStreaksAreForgotten()
    {
        const Timestamp t = at("2026-10-05T14:03:00Z");
        const LoginAttempts many = failTimes(10, t);
        QVERIFY(!checkLoginAllowed(many, t + 60s).allowed);
        QVERIFY(checkLoginAllowed(many, t + 24h).allowed);
        QCOMPARE(recordFailedLogin(many, t + 24h).consecutiveFailures, 1);
        QCOMPARE(recordFailedLogin(many, t + 1h).consecutiveFailures, 11);
        QCOMPARE(recordSuccessfulLogin(), LoginAttempts{});
        QVERIFY(checkLoginAllowed(recordSuccessfulLogin(), t).allowed);
    }
};

CH_REGISTER_TEST(TestLoginThrottle);
#include "tst_login_throttle.moc"
