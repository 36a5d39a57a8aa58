#include "ui/desk_session.h"

#include "domain/error.h"
#include "pricing/calendar.h"
#include "security/password.h"
#include "storage/proposal_orders.h"
#include "storage/user_repository.h"
#include "ui/guard.h"
#include "ui/login_dialog.h"
#include "ui/workspace_session.h"

#include <QMetaObject>
#include <QWidget>

#include <chrono>

namespace ch::ui {

namespace {

broker::PaperBrokerConfig paperConfig(const storage::PaperBrokerSettings& s)
{
    return broker::PaperBrokerConfig{
        s.seed, s.slippageBps, s.rejectProbability, s.partialFillProbability, s.maxPartialFills};
}

//! The order as the broker first saw it (state sent, nothing filled), for a replay.
trading::Order asReleased(const trading::Order& o)
{
    trading::OrderRecord r = o.record();
    r.state = trading::OrderState::Sent;
    r.filledQty = 0;
    r.statusText.clear();
    return trading::Order::fromRecord(std::move(r));
}

} // namespace

Timestamp deskNow()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

DeskSession::DeskSession(WorkspaceSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_session, &WorkspaceSession::workspaceOpened, this, &DeskSession::onWorkspaceOpened);
    connect(&m_session, &WorkspaceSession::workspaceClosed, this, &DeskSession::onWorkspaceClosed);
    connect(
        &m_session, &WorkspaceSession::marketDataChanged, this, &DeskSession::onMarketDataChanged);
    connect(&m_session, &WorkspaceSession::planChanged, this, [this] { m_bandsStale = true; });
}

DeskSession::~DeskSession()
{
    stopBroker();
}

bool DeskSession::isOpen() const
{
    return m_session.isOpen();
}

bool DeskSession::hasUsers() const
{
    return isOpen() && storage::UserRepository(m_session.workspace()).hasUsers();
}

const trading::User& DeskSession::requireUser(const std::string& what) const
{
    require(m_user.has_value(), "log in first to " + what);
    return *m_user;
}

void DeskSession::setUser(const trading::User& user)
{
    m_user = user;
    emit userChanged();
    emit bookChanged(); // the audit log has the login
}

void DeskSession::logOut()
{
    if (!m_user)
        return;
    m_user.reset();
    emit userChanged();
}

storage::LoginResult DeskSession::logIn(const std::string& login, const std::string& password)
{
    storage::UserRepository users(m_session.workspace());
    storage::LoginResult refusal;
    const auto credentials = users.beginLogin(login, deskNow(), refusal);
    if (!credentials) {
        emit bookChanged();
        return refusal;
    }
    const bool matched = security::verifyPassword(password, credentials->passwordHash);
    const storage::LoginResult result = users.finishLogin(*credentials, matched, deskNow());
    if (result.succeeded())
        setUser(*result.user);
    else
        emit bookChanged();
    return result;
}

void DeskSession::requestLogin(QWidget* parent)
{
    if (!isOpen())
        return;
    if (parent == nullptr)
        parent = qobject_cast<QWidget*>(this->parent());
    if (m_loginDialog)
        m_loginDialog->close();
    auto* dialog = new LoginDialog(m_session.workspace(), parent);
    m_loginDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::loggedIn, this, [this, dialog] { setUser(dialog->user()); });
    connect(dialog, &LoginDialog::attemptRecorded, this, &DeskSession::bookChanged);
    dialog->open(); // window-modal, without a nested event loop
}

storage::TradingRepository DeskSession::repository() const
{
    return storage::TradingRepository(m_session.workspace());
}

std::map<std::int64_t, QString> DeskSession::logins() const
{
    std::map<std::int64_t, QString> out;
    for (const auto& u : storage::UserRepository(m_session.workspace()).users())
        out[u.id.value] = QString::fromStdString(u.login);
    return out;
}

void DeskSession::onWorkspaceOpened()
{
    if (m_loginDialog)
        m_loginDialog->close(); // it was asking for another workspace
    m_user.reset();
    emit userChanged();
    emit bookChanged();
    m_loginOffered = false;
    if (hasUsers() && qEnvironmentVariableIsSet("CH_USER")
        && qEnvironmentVariableIsSet("CH_PASSWORD"))
        loginFromEnvironment();
}

void DeskSession::offerLogin(QWidget* parent)
{
    // Once per opened workspace: closing the dialog leaves the "Log in" button on every desk page.
    if (m_loginOffered || m_user || !hasUsers())
        return;
    m_loginOffered = true;
    requestLogin(parent);
}

void DeskSession::loginFromEnvironment()
{
    const std::string login = qEnvironmentVariable("CH_USER").toStdString();
    const std::string password = qEnvironmentVariable("CH_PASSWORD").toStdString();
    guard(nullptr, tr("Log in"), [&] {
        const auto result = logIn(login, password);
        if (!result.succeeded())
            throw Error("CH_USER " + login + ": " + result.message);
    });
}

void DeskSession::onWorkspaceClosed()
{
    m_bandsStale = true;
    if (m_loginDialog)
        m_loginDialog->close(); // it refers to the workspace going away
    stopBroker();
    m_market.reset();
    m_user.reset();
    emit userChanged();
    emit bookChanged();
}

void DeskSession::onMarketDataChanged()
{
    stopBroker();
    m_market.reset();
    m_bandsStale = true;
    if (!isOpen() || !m_session.hasMarketData()) {
        emit bookChanged();
        return;
    }
    m_market =
        std::make_shared<const storage::DeskMarket>(m_session.marketData(), m_session.snapshot());
    guard(
        qobject_cast<QWidget*>(parent()), tr("Start the paper broker"), [this] { startBroker(); });
    emit bookChanged();
}

void DeskSession::startBroker()
{
    storage::TradingRepository repo = repository();
    auto market = m_market;
    // The price provider runs on the broker thread and reads only the immutable market view; the
    // sink only posts to this object's thread. QPointer-free: stopBroker() runs before this
    // object goes, and stop() returns only when no report can be delivered any more.
    m_broker = std::make_unique<broker::PaperBroker>(
        paperConfig(repo.paperBroker()),
        [market](const std::string& symbol, Month month) {
            return market->referencePriceMicros(symbol, month);
        },
        [this](const trading::ExecutionReport& report) {
            QMetaObject::invokeMethod(
                this, [this, report] { applyReport(report); }, Qt::QueuedConnection);
        });
    m_reportsApplied = 0;
    // Reconcile: book what was received, expire what ran out of time, replay the rest.
    repo.processInbox(deskNow());
    repo.expireStale(
        Date{std::chrono::floor<std::chrono::days>(deskNow())},
        [](Month m) { return pricing::lastBusinessDay(m); },
        deskNow());
    for (const trading::Order& o : repo.ordersAtBroker())
        m_broker->submit(asReleased(o));
}

void DeskSession::stopBroker()
{
    if (!m_broker)
        return;
    m_broker->stop();
    m_broker.reset();
}

void DeskSession::applyReport(const trading::ExecutionReport& report)
{
    if (!isOpen())
        return;
    guard(qobject_cast<QWidget*>(parent()), tr("Book a broker report"), [&] {
        storage::TradingRepository repo = repository();
        repo.recordReport(report, deskNow());
        for (const auto& p : repo.processInbox(deskNow())) {
            if (p.outcome == trading::ApplyOutcome::Applied)
                ++m_reportsApplied;
            if (p.outcome == trading::ApplyOutcome::Anomaly)
                emit brokerMessage(tr("Broker exception: %1").arg(QString::fromStdString(p.note)));
        }
    });
    emit bookChanged();
}

trading::Order DeskSession::createDraft(const trading::OrderRequest& request,
                                        const std::string& origin)
{
    const trading::Order draft = storeDraft(request, origin);
    emit bookChanged();
    return draft;
}

trading::Order DeskSession::storeDraft(const trading::OrderRequest& request,
                                       const std::string& origin)
{
    const trading::User& maker = requireUser("create orders");
    require(m_market != nullptr, "the market data is still loading");
    const auto reference = m_market->referencePriceMicros(request.symbol, request.deliveryMonth);
    require(reference.has_value(),
            "no reference price for " + request.symbol + " " + formatIsoMonth(request.deliveryMonth)
                + " as of " + formatIsoDate(m_market->valuationDate()));
    return repository().createDraft(
        request, m_market->spec(request.symbol), *reference, maker, deskNow(), origin);
}

const storage::DeskBands& DeskSession::hedgeBands() const
{
    if (!isOpen() || m_market == nullptr) {
        m_bands = {};
        m_bandIssues.clear();
        m_bandPolicy.reset();
        m_bandsStale = true;
        return m_bands;
    }
    // Saving a policy (Hedge page, CLI) emits nothing here; its key is one small read.
    std::optional<std::pair<std::string, int>> policy;
    const auto policies = storage::HedgeRepository(m_session.workspace()).currentPolicies();
    if (!policies.empty())
        policy.emplace(policies.front().id, policies.front().version);
    if (m_bandsStale || policy != m_bandPolicy) {
        std::vector<Issue> issues;
        m_bands = storage::planDeskBands(m_session.workspace(), *m_market, issues);
        m_bandIssues = std::move(issues);
        m_bandPolicy = policy;
        m_bandsStale = false;
    }
    return m_bands;
}

storage::PreTradeInputs DeskSession::preTradeInputs(const std::string& symbol, Month month) const
{
    return m_market->preTradeInputs(symbol, month, hedgeBands().source());
}

trading::PreTradeReport DeskSession::preview(const trading::Order& order) const
{
    require(m_market != nullptr, "the market data is still loading");
    return repository().preTradeChecks(order,
                                       m_market->spec(order.symbol()),
                                       preTradeInputs(order.symbol(), order.deliveryMonth()));
}

trading::Order DeskSession::submit(trading::OrderId id)
{
    const trading::User& maker = requireUser("submit orders");
    require(m_market != nullptr, "the market data is still loading");
    storage::TradingRepository repo = repository();
    const trading::Order draft = repo.requireOrder(id);
    const trading::Order o = repo.submit(id,
                                         maker,
                                         deskNow(),
                                         m_market->spec(draft.symbol()),
                                         preTradeInputs(draft.symbol(), draft.deliveryMonth()));
    emit bookChanged();
    return o;
}

trading::Order DeskSession::approve(trading::OrderId id, const QString& comment)
{
    const trading::Order o =
        repository().approve(id, requireUser("approve orders"), deskNow(), comment.toStdString());
    emit bookChanged();
    return o;
}

trading::Order DeskSession::reject(trading::OrderId id, const QString& reason)
{
    const trading::Order o =
        repository().reject(id, requireUser("reject orders"), deskNow(), reason.toStdString());
    emit bookChanged();
    return o;
}

trading::Order DeskSession::release(trading::OrderId id)
{
    const trading::User& actor = requireUser("release orders");
    require(m_broker != nullptr, "the paper broker is not running (no market data loaded)");
    const trading::Order sent = repository().release(id, actor, deskNow());
    emit bookChanged();
    m_broker->submit(sent);
    return sent;
}

trading::Order DeskSession::cancel(trading::OrderId id, const QString& reason)
{
    const trading::User& actor = requireUser("cancel orders");
    storage::TradingRepository repo = repository();
    const trading::Order o = repo.requireOrder(id);
    if (o.state() == trading::OrderState::Sent
        || o.state() == trading::OrderState::PartiallyFilled) {
        require(actor.can(trading::Permission::CancelOrder),
                "user " + trading::describeUser(actor) + " may not cancel orders");
        require(m_broker != nullptr, "the paper broker is not running");
        m_broker->cancel(id); // the broker's Cancelled report is booked when it arrives
        return o;
    }
    const trading::Order cancelled = repo.cancel(id, actor, deskNow(), reason.toStdString());
    emit bookChanged();
    return cancelled;
}

std::vector<trading::Order> DeskSession::draftsFromProposal(const storage::StoredProposal& stored,
                                                            int* skipped)
{
    requireUser("create orders");
    int options = 0;
    std::vector<trading::Order> out;
    // One bookChanged for the whole proposal, also when a draft fails midway (the ones stored
    // before it stay): the pages reload once instead of once per order.
    try {
        for (const auto& ticket : storage::ticketsFromProposal(stored, options))
            out.push_back(storeDraft(ticket.request, ticket.origin));
    } catch (...) {
        if (!out.empty())
            emit bookChanged();
        throw;
    }
    if (!out.empty())
        emit bookChanged();
    if (skipped != nullptr)
        *skipped = options;
    return out;
}

std::size_t DeskSession::markBook()
{
    const trading::User& actor = requireUser("mark the book");
    require(m_market != nullptr, "the market data is still loading");
    storage::TradingRepository repo = repository();
    const Date today{std::chrono::floor<std::chrono::days>(deskNow())};
    const auto marks = m_market->marksFor(repo.positions(), today);
    repo.recordMarks(marks,
                     "reference forward curves as of " + formatIsoDate(m_market->valuationDate()),
                     actor.login,
                     deskNow());
    emit bookChanged();
    return marks.size();
}

} // namespace ch::ui
