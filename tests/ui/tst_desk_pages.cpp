// The trading desk in the GUI: the login dialog, the desk session's actions as the logged-in user,
// the approvals page's maker-checker reason, a release whose broker reports come back to the
// GUI thread and are booked, and batch actions (submit, approve, reject, cancel many selected
// orders in one action, with core's refusals counted). Runs on a copy of the demo workspace.

#include "demo_accounts.h"
#include "storage/audit_log.h"
#include "storage/hedge_repository.h"
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
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ch;
using namespace ch::ui;

namespace {} // namespace

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
        const auto r = m_desk->logIn(login, ch::test::demoPassword(login));
        QVERIFY2(r.succeeded(), r.message.c_str());
    }

    //! A market order like demo order `like` (same contract, month and side) for `quantity`
    //! contracts. Demo orders 6 and 8 (H100) pass the pre-trade checks today in similar sizes.
    trading::OrderId draftLike(int like, ch::ContractCount quantity, const std::string& origin)
    {
        trading::OrderRequest r =
            m_desk->repository().requireOrder(trading::OrderId{like}).request();
        r.type = trading::OrderType::Market;
        r.limitPriceMicros.reset();
        r.quantity = quantity;
        return m_desk->createDraft(r, origin).id();
    }

    trading::Order order(trading::OrderId id) { return m_desk->repository().requireOrder(id); }

    //! The one report box a batch with refusals opens; its details text, then closes it.
    static QString takeBatchReport(QWidget& page)
    {
        const auto boxes = page.findChildren<QMessageBox*>(QStringLiteral("batchReport"));
        if (boxes.size() != 1)
            return QStringLiteral("%1 report boxes").arg(boxes.size());
        const QString details = boxes.front()->detailedText();
        boxes.front()->close();
        return details;
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

        dialog.setCredentials("trader", ch::test::demoPassword("trader"));
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

    // Orders are drafted as if from proposal HP-0042; "Select drafts" picks them by origin, one
    // Submit sends them all, core refuses the one over the per-month limit. The approver then
    // approves the whole queue in one action: the two-approval order stays pending with one
    // approval, and demo order 6, which this approver already approved, is refused by core.
    void submitAndApproveInBatches()
    {
        openCopy();
        logIn("trader");
        OrdersPage page(*m_session, *m_desk);
        page.setBatchChunkSize(2); // several chunks, so the batch runs through the event loop
        const auto h100 = draftLike(8, 9, "proposal HP-0042 line 1");
        const auto h100b = draftLike(8, 8, "proposal HP-0042 line 2");
        const auto large = draftLike(6, 200, "proposal HP-0042 line 3");
        const auto twice = draftLike(8, 9, "proposal HP-0042 line 4"); // the same as line 1
        const auto h100c = draftLike(6, 20, "proposal HP-0042 line 5");
        page.reload();
        using Origins = std::vector<std::pair<QString, int>>;
        QCOMPARE(page.draftOrigins(),
                 (Origins{{QStringLiteral("demo"), 1}, {QStringLiteral("proposal HP-0042"), 5}}));
        QCOMPARE(page.selectDrafts(QStringLiteral("proposal HP-0042")), 5);
        QCOMPARE(page.selectedOrders().size(), std::size_t{5});
        auto* submit = page.findChild<QPushButton*>(QStringLiteral("submitOrder"));
        QVERIFY(submit->isEnabled());
        QCOMPARE(submit->text(), QStringLiteral("Submit 5 for approval"));

        QSignalSpy submitted(&page, &OrdersPage::batchFinished);
        page.submitSelected();
        QVERIFY(page.batchRunning()); // the first chunk ran, the rest wait for the event loop
        QVERIFY(!submit->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 60000);
        const BatchResult& sent = page.lastBatch();
        QCOMPARE(sent.total, 5);
        QCOMPARE(sent.done, 4);
        QCOMPARE(sent.endedIn(trading::OrderState::PendingApproval), 4);
        QCOMPARE(sent.refusals.size(), std::size_t{1});
        QCOMPARE(sent.refusals[0].id, twice);
        // Core's duplicate check (trading/pre_trade.cpp): line 1 went first and is pending now.
        const trading::Order first = order(h100);
        const QString duplicate =
            QStringLiteral("order %1: pre-trade checks failed: possible duplicate of %2, "
                           "pending_approval, created %3, within the %4 s window")
                .arg(twice.value)
                .arg(QString::fromStdString(first.describe()),
                     QString::fromStdString(formatIsoTimestamp(first.createdAt())))
                .arg(m_desk->repository().limits().limits.duplicateWindow.count());
        QCOMPARE(sent.refusals[0].message, duplicate);
        QCOMPARE(page.batchSummary(), QStringLiteral("Submitted 4 of 5; 1 refused: ") + duplicate);
        QCOMPARE(takeBatchReport(page), duplicate);
        for (const auto id : {h100, h100b, large, h100c})
            QCOMPARE(order(id).state(), trading::OrderState::PendingApproval);
        QCOMPARE(order(twice).state(), trading::OrderState::Draft);
        QCOMPARE(order(large).requiredApprovals(), 2);
        // The blotter kept the selection; only the refused draft may still be submitted.
        QCOMPARE(page.selectedOrders().size(), std::size_t{1}); // drafts shown: the refused one
        QCOMPARE(submit->text(), QStringLiteral("Submit for approval"));

        logIn("approver");
        ApprovalsPage approvals(*m_session, *m_desk);
        approvals.setBatchChunkSize(2);
        approvals.reload();
        QCOMPARE(approvals.model()->rowCount(), 6); // demo orders 6 and 7, and the four above
        QCOMPARE(approvals.selectAll(), 6);
        auto* approve = approvals.findChild<QPushButton*>(QStringLiteral("approveOrder"));
        QVERIFY(approve->isEnabled());
        QCOMPARE(approve->text(), QStringLiteral("Approve 5"));
        const QString already =
            QStringLiteral("'approver' (approver) has already approved order 6; the second "
                           "approval must come from another approver.");
        QCOMPARE(
            approvals.findChild<QLabel*>(QStringLiteral("approvalRefusal"))->text(),
            QStringLiteral("1 of the 6 selected orders cannot be approved and will be refused by "
                           "core: ")
                + already);

        QSignalSpy approved(&approvals, &ApprovalsPage::batchFinished);
        approvals.setComment(QStringLiteral("within the hedge programme"));
        approvals.approveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(approved.count(), 1, 60000);
        const BatchResult& result = approvals.lastBatch();
        QCOMPARE(result.total, 6);
        QCOMPARE(result.done, 5);
        QCOMPARE(result.endedIn(trading::OrderState::Approved), 4);
        QCOMPARE(result.endedIn(trading::OrderState::PendingApproval), 1);
        const QString coreRefusal =
            QStringLiteral("order 6: user 'approver' (approver) has already approved it; the "
                           "second approval must come from a different approver");
        QCOMPARE(result.refusals.size(), std::size_t{1});
        QCOMPARE(result.refusals[0].id, trading::OrderId{6});
        QCOMPARE(result.refusals[0].message, coreRefusal);
        QCOMPARE(approvals.batchSummary(),
                 QStringLiteral("Approved 5 of 6 (1 still waiting for a second approver); 1 "
                                "refused: ")
                     + coreRefusal);
        QCOMPARE(takeBatchReport(approvals), coreRefusal);
        for (const auto id : {trading::OrderId{7}, h100, h100b, h100c}) {
            QCOMPARE(order(id).state(), trading::OrderState::Approved);
            QCOMPARE(order(id).approvals().back().comment,
                     std::string("within the hedge programme"));
        }
        QCOMPARE(order(large).state(), trading::OrderState::PendingApproval);
        QCOMPARE(order(large).approvals().size(), std::size_t{1});
        QCOMPARE(order(trading::OrderId{6}).approvals().size(), std::size_t{1});
        approvals.reload();
        QCOMPARE(approvals.model()->rowCount(), 2); // 6 and the large one, each 1 of 2
        QVERIFY(storage::AuditLog(m_session->workspace()).verify().intact());
    }

    // Reject needs the one comment for all; cancel leaves out selected orders it does not apply
    // to and says so.
    void rejectAndCancelInBatches()
    {
        openCopy();
        logIn("approver");
        ApprovalsPage approvals(*m_session, *m_desk);
        approvals.reload();
        QCOMPARE(approvals.selectOrders({trading::OrderId{6}, trading::OrderId{7}}), 2);
        auto* reject = approvals.findChild<QPushButton*>(QStringLiteral("rejectOrder"));
        QVERIFY(!reject->isEnabled()); // no comment yet
        approvals.rejectSelected();    // refused by the page too: nothing happens
        QCOMPARE(order(trading::OrderId{7}).state(), trading::OrderState::PendingApproval);
        approvals.setComment(QStringLiteral("outside this quarter's programme"));
        QVERIFY(reject->isEnabled());
        QCOMPARE(reject->text(), QStringLiteral("Reject 2"));
        approvals.rejectSelected(); // two orders, one chunk: done when it returns
        QVERIFY(!approvals.batchRunning());
        QCOMPARE(approvals.batchSummary(), QStringLiteral("Rejected 2 of 2"));
        QVERIFY(approvals.lastBatch().clean());
        QVERIFY(approvals.findChild<QMessageBox*>(QStringLiteral("batchReport")) == nullptr);
        for (const auto id : {trading::OrderId{6}, trading::OrderId{7}}) {
            QCOMPARE(order(id).state(), trading::OrderState::Rejected);
            QCOMPARE(order(id).record().statusText,
                     std::string("outside this quarter's programme"));
        }

        logIn("trader");
        OrdersPage page(*m_session, *m_desk);
        const auto a = draftLike(8, 9, "manual");
        const auto b = draftLike(8, 8, "manual");
        page.reload();
        // Two new drafts, the demo draft and filled demo order 1, which cannot be cancelled.
        QCOMPARE(page.selectOrders({a, b, trading::OrderId{10}, trading::OrderId{1}}), 4);
        auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelOrder"));
        QCOMPARE(cancel->text(), QStringLiteral("Cancel 3 orders…"));
        page.cancelSelected(QStringLiteral("plan revised"));
        QCOMPARE(page.batchSummary(),
                 QStringLiteral("Cancelled 3 of 3; 1 selected left out (not live orders you may "
                                "cancel)"));
        for (const auto id : {a, b, trading::OrderId{10}})
            QCOMPARE(order(id).state(), trading::OrderState::Cancelled);
        QCOMPARE(order(trading::OrderId{1}).state(), trading::OrderState::Filled);
    }

    // Logging out stops a running batch before its next order; the rest are not attempted.
    void batchStopsWhenTheUserChanges()
    {
        openCopy();
        logIn("trader");
        OrdersPage page(*m_session, *m_desk);
        page.setBatchChunkSize(1);
        const std::vector<trading::OrderId> ids{
            draftLike(8, 9, "manual"), draftLike(8, 8, "manual"), draftLike(8, 7, "manual")};
        page.reload();
        QCOMPARE(page.selectOrders(ids), 3);
        QSignalSpy finished(&page, &OrdersPage::batchFinished);
        page.submitSelected(); // the first order ran; the others wait for the event loop
        m_desk->logOut();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(page.lastBatch().done, 1);
        QCOMPARE(page.lastBatch().notAttempted, 2);
        QCOMPARE(page.batchSummary(),
                 QStringLiteral("Submitted 1 of 3; stopped: the logged-in user changed; 2 not "
                                "attempted"));
        QCOMPARE(takeBatchReport(page), QString()); // no refusals: the summary says it all
        QCOMPARE(order(ids[0]).state(), trading::OrderState::PendingApproval);
        QCOMPARE(order(ids[1]).state(), trading::OrderState::Draft);
        QCOMPARE(order(ids[2]).state(), trading::OrderState::Draft);
    }

    // A submitted proposal becomes one draft per contract month (lines sharing one are netted),
    // and the pages hear of it once, not once per draft.
    void proposalDraftsAreNettedAndAnnouncedOnce()
    {
        using namespace std::chrono;
        openCopy();
        logIn("trader");
        auto futureLine = [](const char* index, Month m, ContractCount trade) {
            hedging::ProposalLine l;
            l.month = m;
            l.exposureIndexId = index;
            l.symbol = "CHG.H100";
            l.contracts = trade;
            l.tradeContracts = trade;
            return l;
        };
        storage::StoredProposal p;
        p.proposal.id = "HP-0099";
        p.proposal.rationale = "netting check";
        p.proposal.lines = {futureLine("GPU.H100.NC", 2027y / February, 5),
                            futureLine("GPU.H200.NC", 2027y / February, 3),
                            futureLine("GPU.H100.NC", 2027y / March, 4)};
        p.status = storage::ProposalStatus::Submitted;
        QSignalSpy changed(m_desk.get(), &DeskSession::bookChanged);
        int skipped = -1;
        const auto drafts = m_desk->draftsFromProposal(p, &skipped);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(skipped, 0);
        QCOMPARE(drafts.size(), std::size_t{2});
        QCOMPARE(drafts[0].quantity(), ContractCount{8});
        QCOMPARE(drafts[0].deliveryMonth(), 2027y / February);
        QCOMPARE(m_desk->repository().origin(drafts[0].id()),
                 std::string("proposal HP-0099 lines 1,2"));
        QCOMPARE(drafts[1].quantity(), ContractCount{4});
        QCOMPARE(m_desk->repository().origin(drafts[1].id()),
                 std::string("proposal HP-0099 line 3"));
    }
};

CH_REGISTER_TEST(TestDeskPages);
#include "tst_desk_pages.moc"
