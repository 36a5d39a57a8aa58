#include "storage/user_repository.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace ch::trading;
using namespace std::chrono_literals;

//! Users, passwords and logins through UserRepository.
class TestTradingUsers : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file() const { return pathOf(m_dir->filePath("users.chw")); }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void hashParametersAreStoredWithTheVerifier()
    {
        Desk d = Desk::create(file());
        const auto c = UserRepository(d.ws).credentials("trader");
        QVERIFY(c.has_value());
        QVERIFY(c->passwordHash.starts_with("scrypt$10$8$1$"));
        const auto parsed = security::parsePasswordHash(c->passwordHash);
        QVERIFY(!parsed.hasErrors());
        QCOMPARE(parsed.value.params, kCheapScrypt);
        QCOMPARE(parsed.value.salt.size(), security::kSaltBytes);
        // The verifier never reaches the audit log.
        for (const auto& e : AuditLog(d.ws).entries())
            QVERIFY(e.after.find(c->passwordHash) == std::string::npos);
    }

    void rightPasswordLogsIn()
    {
        Desk d = Desk::create(file());
        UserRepository users(d.ws);
        const LoginResult r = users.logIn("trader", "trader-password", ts("2026-10-30T10:00:00Z"));
        QVERIFY(r.succeeded());
        QCOMPARE(r.user->login, std::string("trader"));
        QCOMPARE(AuditLog(d.ws).entries().back().action, std::string("user.login"));
    }

    void wrongPasswordIsRefusedAndThrottled()
    {
        Desk d = Desk::create(file());
        UserRepository users(d.ws);
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        for (int i = 1; i <= 3; ++i) {
            const LoginResult r = users.logIn("trader", "guess", t);
            QCOMPARE(r.outcome, LoginResult::Outcome::WrongPassword);
            QCOMPARE(r.message, std::string("wrong login or password"));
            QVERIFY(!r.user);
        }
        QCOMPARE(users.credentials("trader")->attempts.consecutiveFailures, 3);
        const auto last = AuditLog(d.ws).entries().back();
        QCOMPARE(last.action, std::string("user.login_failed"));
        QCOMPARE(last.comment, std::string("wrong password (failure 3 in a row)"));
        // Three failures are free; the fourth earns a 1 s wait (login_throttle.h).
        QCOMPARE(users.logIn("trader", "guess", t).outcome, LoginResult::Outcome::WrongPassword);
        const LoginResult throttled = users.logIn("trader", "trader-password", t);
        QCOMPARE(throttled.outcome, LoginResult::Outcome::Throttled);
        QCOMPARE(AuditLog(d.ws).entries().back().action, std::string("user.login_throttled"));
        // After the wait the right password works and clears the streak.
        QVERIFY(users.logIn("trader", "trader-password", t + 2s).succeeded());
        QCOMPARE(users.credentials("trader")->attempts.consecutiveFailures, 0);
    }

    void unknownAndInactiveLoginsAreRefused()
    {
        Desk d = Desk::create(file());
        UserRepository users(d.ws);
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const LoginResult unknown = users.logIn("nobody", "whatever-pass", t);
        QCOMPARE(unknown.outcome, LoginResult::Outcome::UnknownUser);
        QCOMPARE(unknown.message, std::string("wrong login or password"));
        users.setActive(d.viewer.id, false, d.admin, t);
        const LoginResult inactive = users.logIn("viewer", "viewer-password", t);
        QCOMPARE(inactive.outcome, LoginResult::Outcome::Inactive);
        QCOMPARE(inactive.message, std::string("the account 'viewer' is deactivated"));
    }

    void onlyTheFirstAccountIsABootstrapAdmin()
    {
        Workspace ws = Workspace::create(file());
        UserRepository users(ws);
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const std::string hash = security::hashPassword("long-enough-pw", kCheapScrypt);
        QCOMPARE(errorOf([&] {
                     users.add(NewUser{"tina", "Tina", Role::Trader}, hash, std::nullopt, t);
                 }),
                 QStringLiteral("the first account of a workspace must be an admin, not trader"));
        const User admin = users.add(NewUser{"ada", "Ada", Role::Admin}, hash, std::nullopt, t);
        QCOMPARE(errorOf([&] {
                     users.add(NewUser{"eve", "Eve", Role::Admin}, hash, std::nullopt, t);
                 }),
                 QStringLiteral("adding user 'eve': only the first account of a workspace can be "
                                "created without an administrator logging in"));
        const User tina = users.add(NewUser{"tina", "Tina", Role::Trader}, hash, admin, t);
        QCOMPARE(errorOf([&] {
                     users.add(NewUser{"tom", "Tom", Role::Trader}, hash, tina, t);
                 }),
                 QStringLiteral("user 'tina' (trader) may not add users (needs the manage_users "
                                "permission)"));
        QCOMPARE(storageErrorOf([&] {
                     users.add(NewUser{"tina", "Tina 2", Role::Trader}, hash, admin, t);
                 }).contains("UNIQUE constraint failed: users.login"),
                 true);
        QCOMPARE(users.users().size(), std::size_t{2});
        QCOMPARE(errorOf([&] { users.setRole(admin.id, Role::Trader, admin, t); }),
                 QStringLiteral("user 'ada' (admin) cannot change their own role"));
    }

    void inputRules()
    {
        QCOMPARE(
            passwordProblem("ada", "short"),
            std::optional<std::string>("a password needs at least 10 characters (this one has 5)"));
        QCOMPARE(passwordProblem("adalovelace", "adalovelace"),
                 std::optional<std::string>("the password must not be the login"));
        QVERIFY(!passwordProblem("ada", "long-enough-pw"));
        QCOMPARE(loginProblem("Ada"),
                 std::optional<std::string>(
                     "a login uses only a-z, 0-9, '.', '_' and '-'; \"Ada\" contains 'A'"));
        QVERIFY(!loginProblem("ada.l"));
    }
};

CH_REGISTER_TEST(TestTradingUsers);
#include "tst_trading_users.moc"
