#pragma once

#include "broker/paper_broker.h"
#include "storage/desk_bands.h"
#include "storage/desk_market.h"
#include "storage/hedge_repository.h"
#include "storage/trading_repository.h"
#include "storage/user_repository.h"
#include "trading/execution_report.h"
#include "trading/order.h"
#include "trading/users.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QWidget;

namespace ch::ui {

class LoginDialog;
class WorkspaceSession;

//! The trading desk of the open workspace, shared by the Orders, Approvals, Positions, P&L,
//! Effectiveness and Audit pages.
//!
//! Responsibility: who is logged in (the desk pages ask for a login when first shown for a
//! workspace with users and show nothing until then; every action runs as that user, and core
//! refuses what the role may not do), the desk's market
//! view (storage::DeskMarket over the session's market data), the order actions through
//! storage::TradingRepository, and the paper broker. The broker runs on its own thread; each
//! report comes back to the GUI thread with QMetaObject::invokeMethod(..., Qt::QueuedConnection)
//! and is persisted there (inbox, then processInbox), because the workspace connection belongs to
//! the GUI thread. When the broker starts (market data loaded) the desk reconciles: reports
//! received but not applied are applied and orders still at the broker are replayed.
//!
//! For unattended runs (screenshots, scripted demos) the environment variables CH_USER and
//! CH_PASSWORD log in without the dialog; the password is checked and the login audited as usual.
//!
//! Methods that act throw (ch::Error for refusals, StorageError): call them through guard().
class DeskSession : public QObject
{
    Q_OBJECT
public:
    explicit DeskSession(WorkspaceSession& session, QObject* parent = nullptr);
    ~DeskSession() override;

    WorkspaceSession& workspaceSession() const { return m_session; }
    //! A workspace is open.
    bool isOpen() const;
    bool hasUsers() const;
    const std::optional<trading::User>& user() const { return m_user; }
    //! The logged-in user, or ch::Error "log in first to <what>".
    const trading::User& requireUser(const std::string& what) const;
    //! Sets the user after a login checked elsewhere (LoginDialog).
    void setUser(const trading::User& user);
    void logOut();
    //! Checks the password on the calling thread (about 0.3 s of scrypt) and logs in; the result
    //! says why not. For automation and tests; the dialog checks on a worker thread.
    storage::LoginResult logIn(const std::string& login, const std::string& password);
    //! Opens the login dialog (window-modal, no nested event loop) over `parent`, or over the
    //! desk's parent window.
    void requestLogin(QWidget* parent = nullptr);
    //! requestLogin() the first time a desk page is shown after a workspace with users opened
    //! and nobody is logged in; later the pages' "Log in" button asks.
    void offerLogin(QWidget* parent);

    //! The market view; null until market data is loaded.
    std::shared_ptr<const storage::DeskMarket> market() const { return m_market; }
    storage::TradingRepository repository() const;
    //! The policy bands the pre-trade checks use (storage::planDeskBands), built on first use
    //! after the market data loaded, the plan changed (WorkspaceSession::planChanged) or the
    //! first stored hedge policy changed (its id and version are compared on every call, since
    //! saving a policy emits no signal). Empty bands without market data.
    const storage::DeskBands& hedgeBands() const;
    //! Why the bands are empty, if they are (warnings of the last build).
    const std::vector<Issue>& hedgeBandIssues() const { return m_bandIssues; }
    //! Login by user id, for naming makers and approvers.
    std::map<std::int64_t, QString> logins() const;

    // Order actions as the logged-in user.
    trading::Order createDraft(const trading::OrderRequest& request, const std::string& origin);
    trading::PreTradeReport preview(const trading::Order& order) const;
    trading::Order submit(trading::OrderId id);
    trading::Order approve(trading::OrderId id, const QString& comment);
    trading::Order reject(trading::OrderId id, const QString& reason);
    //! Stores the release, then hands the order to the paper broker.
    trading::Order release(trading::OrderId id);
    //! Before the broker: cancels in the workspace. At the broker: asks the broker, whose report
    //! cancels it (returns the order unchanged meanwhile).
    trading::Order cancel(trading::OrderId id, const QString& reason);
    //! Drafts the market orders of a submitted proposal (storage::ticketsFromProposal: one per
    //! contract month with the net trade of its futures lines, origin "proposal <id> line <n>" or
    //! "... lines <n>,<m>"). Option lines are skipped: the desk trades futures; `skipped` counts
    //! them.
    std::vector<trading::Order> draftsFromProposal(const storage::StoredProposal& proposal,
                                                   int* skipped = nullptr);
    //! Stores marks for every open position at the reference curve, dated today (UTC).
    std::size_t markBook();

    bool brokerRunning() const { return m_broker != nullptr; }
    //! Reports received and applied since the broker started (for the status line and tests).
    std::size_t reportsApplied() const { return m_reportsApplied; }

signals:
    void userChanged();
    //! Orders, fills, positions, marks or the audit log changed.
    void bookChanged();
    //! A broker exception (anomaly) or failure, for people.
    void brokerMessage(const QString& message);

private:
    void onWorkspaceOpened();
    void onWorkspaceClosed();
    void onMarketDataChanged();
    //! The pre-trade inputs of a contract month, with the current policy band.
    storage::PreTradeInputs preTradeInputs(const std::string& symbol, Month month) const;
    void startBroker();
    void stopBroker();
    void applyReport(const trading::ExecutionReport& report);
    //! createDraft without the bookChanged signal (callers that store many emit once).
    trading::Order storeDraft(const trading::OrderRequest& request, const std::string& origin);
    void loginFromEnvironment();

    WorkspaceSession& m_session;
    std::optional<trading::User> m_user;
    std::shared_ptr<const storage::DeskMarket> m_market;
    std::unique_ptr<broker::PaperBroker> m_broker;
    std::size_t m_reportsApplied = 0;
    bool m_loginOffered = false;
    QPointer<LoginDialog> m_loginDialog; //!< closed when its workspace closes
    // The band cache (hedgeBands()): rebuilt when stale or when the policy key changed.
    mutable storage::DeskBands m_bands;
    mutable std::vector<Issue> m_bandIssues;
    mutable std::optional<std::pair<std::string, int>> m_bandPolicy; //!< id, version built from
    mutable bool m_bandsStale = true;
};

//! UTC now, whole seconds.
Timestamp deskNow();

} // namespace ch::ui
