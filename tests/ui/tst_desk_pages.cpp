// The trading desk in the GUI: the login dialog, the desk session's actions as the logged-in user,
// the approvals page's maker-checker reason, and a release whose broker reports come back to the
// GUI thread and are booked. Runs on a copy of the demo workspace.

#include "storage/audit_log.h"
#include "storage/desk_demo.h"
#include "storage/trading_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/desk_session.h"
#include "ui/login_dialog.h"
#include "ui/models/orders_table_model.h"
#include "ui/pages/approvals_page.h"
#include "ui/pages/audit_page.h"
#include "ui/pages/orders_page.h"
#include "ui/workspace_session.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ch;
using namespace ch::ui;

namespace {

const char* passwordOf(const char* login)
{
    for (const auto& a : storage::kDemoAccounts)
        if (std::string(a.login) == login)
            return a.password;
    return "";
}

} // namespace

class TestDeskPages : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_template; //!< a demo workspace created once and copied per test
    int m_copies = 0;

    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<DeskSession> m_desk;

    void openCopy()
    {
        const QString file = m_dir.filePath(QStringLiteral("desk-%1.chw").arg(++m_copies));
        QVERIFY(QFile::copy(m_template, file));
        m_session = std::make_unique<WorkspaceSession>();
        m_desk = std::make_unique<DeskSession>(*m_session);
        m_session->openWorkspace(file);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->market() != nullptr, 60000);
        QVERIFY(m_desk->brokerRunning());
    }

    void logIn(const char* login)
    {
        const auto r = m_desk->logIn(login, passwordOf(login));
        QVERIFY2(r.succeeded(), r.message.c_str());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath("template.chw");
        storage::Workspace::createDemo(toPath(m_template));
    }

    void cleanup()
    {
        m_desk.reset(); // stops the broker before the workspace goes
        m_session.reset();
    }

    void loginDialogRefusesAWrongPassword()
    {
        openCopy();
        LoginDialog dialog(m_session->workspace());
        QSignalSpy finished(&dialog, &LoginDialog::attemptFinished);
        QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
        dialog.setCredentials("trader", "not-the-password");
        dialog.attemptLogin();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished[0][0].toBool(), false);
        QCOMPARE(loggedIn.count(), 0);
        QVERIFY(!dialog.hasUser());
        QCOMPARE(dialog.message(), QStringLiteral("wrong login or password"));
        const auto last = storage::AuditLog(m_session->workspace()).entries().back();
        QCOMPARE(last.action, std::string("user.login_failed"));
        QCOMPARE(last.user, std::string("trader"));

        dialog.setCredentials("trader", passwordOf("trader"));
        dialog.attemptLogin();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished[1][0].toBool(), true);
        QCOMPARE(loggedIn.count(), 1);
        QCOMPARE(dialog.user().login, std::string("trader"));
    }

    void pagesStayEmptyUntilLogin()
    {
        openCopy();
        AuditPage audit(*m_session, *m_desk);
        QVERIFY(!audit.isContentShown());
        QVERIFY(audit.placeholderText().startsWith("Log in to see the trading desk"));
        logIn("trader");
        // Traders may not read the audit log.
        QVERIFY(!audit.isContentShown());
        QCOMPARE(audit.placeholderText(),
                 QStringLiteral("Your role (trader) may not see this page."));
        logIn("approver");
        QVERIFY(audit.isContentShown());
        audit.verifyChain();
        QVERIFY(audit.verificationText().startsWith("Chain intact: "));
    }

    void makerSeesWhyTheyCannotApprove()
    {
        openCopy();
        logIn("trader");
        ApprovalsPage page(*m_session, *m_desk);
        page.reload();
        QCOMPARE(page.model()->rowCount(), 2); // the demo's two pending orders
        QVERIFY(page.selectOrder(trading::OrderId{7}));
        QCOMPARE(page.refusalReason(),
                 QStringLiteral("'trader' (trader) may not approve or reject orders: only "
                                "approvers may."));
        logIn("approver");
        page.reload();
        QVERIFY(page.selectOrder(trading::OrderId{6}));
        // Demo order 6 needs two approvals and 'approver' gave the first.
        QCOMPARE(page.refusalReason(),
                 QStringLiteral("'approver' (approver) has already approved order 6; the second "
                                "approval must come from another approver."));
        QVERIFY(page.selectOrder(trading::OrderId{7}));
        QCOMPARE(page.refusalReason(), QString());
        page.approveSelected();
        QCOMPARE(m_desk->repository().requireOrder(trading::OrderId{7}).state(),
                 trading::OrderState::Approved);
        page.reload(); // a hidden page refreshes when shown; this one is never shown
        QCOMPARE(page.model()->rowCount(), 1);
    }

    void releasedOrderIsFilledThroughTheGuiThread()
    {
        openCopy();
        logIn("trader");
        OrdersPage page(*m_session, *m_desk);
        page.reload();
        // Demo order 8 is approved: buy 10 CHG.H100 at a limit at the reference price.
        QVERIFY(page.selectOrder(trading::OrderId{8}));
        page.releaseSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->repository().requireOrder(trading::OrderId{8}).state(),
                                  trading::OrderState::Filled,
                                  30000);
        QVERIFY(m_desk->reportsApplied() >= 1);
        const storage::BookCheck check = m_desk->repository().checkBook();
        QVERIFY(check.consistent());
        QCOMPARE(check.pendingReports, std::size_t{0});
        // The blotter caught up (bookChanged refreshes a visible page; reload for a hidden one).
        page.reload();
        const int row = page.model()->rowOf(trading::OrderId{8});
        QVERIFY(row >= 0);
        QCOMPARE(page.model()->index(row, OrdersTableModel::State).data().toString(),
                 QStringLiteral("filled"));
        QVERIFY(storage::AuditLog(m_session->workspace()).verify().intact());
    }

    void desksActionsAreRefusedByCoreForTheWrongRole()
    {
        openCopy();
        logIn("approver");
        trading::OrderRequest r;
        r.symbol = "CHG.H100";
        r.deliveryMonth = std::chrono::year{2027} / std::chrono::February;
        r.quantity = 1;
        QVERIFY_THROWS_EXCEPTION(ch::Error, m_desk->createDraft(r, "manual"));
        m_desk->logOut();
        QVERIFY_THROWS_EXCEPTION(ch::Error, m_desk->approve(trading::OrderId{7}, QString()));
    }
};

CH_REGISTER_TEST(TestDeskPages);
#include "tst_desk_pages.moc"
