#include "desk_tour.h"

#include "storage/designation_draft.h"
#include "storage/designation_repository.h"
#include "storage/hedge_repository.h"
#include "storage/trading_repository.h"
#include "ui/desk_session.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/page.h"
#include "ui/pages/hedge_page.h"
#include "ui/workspace_session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace ch::app {

namespace {

using trading::OrderState;

// The demo workspace's published accounts (docs/trading-controls.md, "Demo accounts").
struct DemoAccount
{
    const char* login;
    const char* password;
};
constexpr DemoAccount kTrader{"trader", "trader-demo-2026"};
constexpr DemoAccount kApprover{"approver", "approver-demo-2026"};
constexpr DemoAccount kApprover2{"approver2", "approver2-demo-2026"};
constexpr DemoAccount kAdmin{"admin", "admin-demo-2026"};

bool logIn(ui::DeskSession& desk, const DemoAccount& account)
{
    const storage::LoginResult r = desk.logIn(account.login, account.password);
    if (!r.succeeded())
        std::fprintf(stderr,
                     "computehedge: error: screenshot tour: log in as %s: %s\n",
                     account.login,
                     r.message.c_str());
    return r.succeeded();
}

std::vector<trading::Order> ordersIn(const ui::DeskSession& desk, OrderState state)
{
    std::vector<trading::Order> out;
    for (const trading::Order& o : desk.repository().orders())
        if (o.state() == state)
            out.push_back(o);
    return out;
}

// Runs `action` on each order and counts core's refusals (pre-trade checks, maker-checker): a
// refusal is a result worth showing, not a failure of the tour.
template <typename Action>
int actOnEach(const std::vector<trading::Order>& orders, const char* what, Action action)
{
    int refused = 0;
    for (const trading::Order& o : orders) {
        try {
            action(o);
        } catch (const std::exception& e) {
            if (refused++ < 3)
                std::printf("computehedge: %s order %lld refused: %s\n",
                            what,
                            static_cast<long long>(o.id().value),
                            e.what());
        }
    }
    std::printf("computehedge: %s %zu orders, %d refused\n", what, orders.size(), refused);
    return refused;
}

// Lets the paper broker's reports (queued to this thread) arrive until no order is waiting at
// the broker, or 20 s passed (a resting limit order may stay).
void waitForFills(ui::DeskSession& desk)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (ordersIn(desk, OrderState::Sent).empty()
            && ordersIn(desk, OrderState::PartiallyFilled).empty())
            return;
        QThread::msleep(20);
    }
}

bool saveProposal(ui::MainWindow& window, ui::WorkspaceSession& session, std::string& id)
{
    auto* hedge = qobject_cast<ui::HedgePage*>(window.page(QStringLiteral("hedge")));
    if (hedge == nullptr)
        return false;
    const std::vector<Issue> issues = hedge->saveProposal(
        QStringLiteral("admin"),
        QStringLiteral("Layered hedge of the plan under the default policy: near months at the "
                       "band maximum, 4-12 months at 70%, later months at 40%."),
        true);
    if (!issues.empty()) {
        std::fprintf(stderr,
                     "computehedge: error: screenshot tour: the proposal was refused: %s\n",
                     issues.front().message.c_str());
        return false;
    }
    const auto proposals = storage::HedgeRepository(session.workspace()).loadProposals();
    if (proposals.empty())
        return false;
    id = proposals.back().proposal.id;
    return true;
}

void designateH100(ui::WorkspaceSession& session,
                   const storage::StoredProposal& proposal,
                   const trading::User& admin)
{
    const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    const storage::DesignationDraft draft = storage::draftDesignation(
        session.workspace(), proposal, "GPU.H100.NC", "CHG.H100", admin.displayName, today);
    storage::DesignationRepository(session.workspace()).add(draft.hedge, admin, ui::deskNow());
    std::printf("computehedge: designated %s (%s)\n",
                draft.hedge.designation.reference.c_str(),
                draft.hedge.designation.hedgedItem.c_str());
}

} // namespace

bool runDeskTour(ui::MainWindow& window, ui::WorkspaceSession& session, const SaveShot& save)
{
    ui::DeskSession& desk = window.deskSession();
    auto show = [&](const char* page, const char* name) {
        window.showPage(QString::fromLatin1(page));
        return save(window, QString::fromLatin1(name));
    };
    try {
        std::string proposalId;
        if (!saveProposal(window, session, proposalId))
            return false;
        window.showPage(QStringLiteral("hedge"));
        window.page(QStringLiteral("hedge"))->showView(QStringLiteral("proposals"));
        bool ok = save(window, QStringLiteral("hedge-proposals"));

        ui::LoginDialog login(session.workspace(), &window);
        login.setCredentials(QString::fromLatin1(kTrader.login),
                             QString::fromLatin1(kTrader.password));
        login.show();
        ok = save(login, QStringLiteral("login")) && ok;
        login.close();

        // The trader turns the proposal into orders and submits them.
        if (!logIn(desk, kTrader))
            return false;
        const auto stored = storage::HedgeRepository(session.workspace()).proposal(proposalId);
        int options = 0;
        const auto drafts = desk.draftsFromProposal(*stored, &options);
        std::printf("computehedge: %zu draft orders from %s (%d option lines skipped)\n",
                    drafts.size(),
                    proposalId.c_str(),
                    options);
        actOnEach(drafts, "submitted", [&](const trading::Order& o) { desk.submit(o.id()); });
        ok = show("orders", "orders-submitted") && ok;

        // The checkers: every approver approves what waits; above the threshold a second one.
        if (!logIn(desk, kApprover))
            return false;
        ok = show("approvals", "approvals") && ok;
        actOnEach(ordersIn(desk, OrderState::PendingApproval), "approved", [&](const auto& o) {
            desk.approve(o.id(), QStringLiteral("Within policy; proposal reviewed"));
        });
        if (!logIn(desk, kApprover2))
            return false;
        actOnEach(
            ordersIn(desk, OrderState::PendingApproval), "second-approved", [&](const auto& o) {
                desk.approve(o.id(), QStringLiteral("Second approval above the threshold"));
            });

        // The trader releases the approved orders to the paper broker; the fills come back.
        if (!logIn(desk, kTrader))
            return false;
        actOnEach(ordersIn(desk, OrderState::Approved), "released", [&](const auto& o) {
            desk.release(o.id());
        });
        waitForFills(desk);
        std::printf("computehedge: %zu marks stored\n", desk.markBook());
        ok = show("orders", "orders") && ok;
        ok = show("positions", "positions") && ok;
        ok = show("pnl", "pnl") && ok;

        // The admin designates the executed H100 leg of the proposal as a hedge relationship, as
        // the Effectiveness page's "Designate hedge..." dialog does.
        if (!logIn(desk, kAdmin))
            return false;
        designateH100(session, *stored, *desk.user());
        ok = show("effectiveness", "effectiveness") && ok;
        ok = show("audit", "audit") && ok;
        return ok;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "computehedge: error: screenshot tour: %s\n", e.what());
        return false;
    }
}

} // namespace ch::app
