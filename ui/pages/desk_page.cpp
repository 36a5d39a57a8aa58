#include "ui/pages/desk_page.h"

#include "storage/user_repository.h"
#include "trading/users.h"
#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/workspace_session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ch::ui {

DeskPage::DeskPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : Page(session, parent)
    , m_desk(desk)
    , m_userLabel(new QLabel(this))
    , m_logInOut(new QPushButton(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
{
    m_userLabel->setObjectName(QStringLiteral("deskUser"));
    m_logInOut->setObjectName(QStringLiteral("deskLogInOut"));
    m_placeholder->setObjectName(QStringLiteral("deskPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_placeholder);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_userLabel, 1);
    bar->addWidget(m_logInOut);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_logInOut, &QPushButton::clicked, this, [this] {
        if (m_desk.user())
            m_desk.logOut();
        else
            guard(this, tr("Log in"), [this] { m_desk.requestLogin(window()); });
    });
    connect(&m_desk, &DeskSession::userChanged, this, &DeskPage::updateAccess);
    connect(&m_desk, &DeskSession::bookChanged, this, &DeskPage::bookChanged);
    updateAccess();
}

trading::Permission DeskPage::viewPermission() const
{
    return trading::Permission::ViewBook;
}

void DeskPage::setContent(QWidget* content)
{
    m_content = content;
    m_stack->addWidget(content);
    updateAccess();
}

bool DeskPage::isContentShown() const
{
    return m_content != nullptr && m_stack->currentWidget() == m_content;
}

QString DeskPage::placeholderText() const
{
    return m_placeholder->text();
}

void DeskPage::reload()
{
    m_stale = true;
    if (isContentShown()) {
        m_stale = false;
        guard(this, tr("Read the trading book"), [this] { refresh(); });
    }
}

void DeskPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (!m_desk.user() && m_desk.isOpen())
        m_desk.offerLogin(window());
    if (m_stale)
        reload();
}

void DeskPage::bookChanged()
{
    // Hidden pages catch up when they are next shown.
    m_stale = true;
    if (isVisible())
        reload();
}

void DeskPage::updateAccess()
{
    const auto& user = m_desk.user();
    QString why;
    if (!m_desk.isOpen()) {
        why = tr("Open a workspace to see the trading desk.");
    } else if (!m_desk.hasUsers()) {
        why = tr("This workspace has no users yet, so nobody can trade in it. Create the first "
                 "administrator with\n  computehedge-cli --workspace %1 users add LOGIN --name "
                 "NAME --role admin")
                  .arg(session().filePath());
    } else if (!user) {
        why = tr("Log in to see the trading desk: every order, approval and view of the audit "
                 "log is recorded under a user's name.");
    } else if (!user->can(viewPermission())) {
        why = tr("Your role (%1) may not see this page.")
                  .arg(QString::fromLatin1(trading::roleCode(user->role)));
    }
    m_userLabel->setText(
        user ? tr("Logged in as <b>%1</b>")
                   .arg(QString::fromStdString(storage::userLabel(*user)).toHtmlEscaped())
             : tr("Not logged in"));
    m_logInOut->setText(user ? tr("Log out") : tr("Log in…"));
    m_logInOut->setEnabled(m_desk.isOpen() && (user || m_desk.hasUsers()));
    m_placeholder->setText(why);
    if (!why.isEmpty() || m_content == nullptr) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_stack->setCurrentWidget(m_content);
    reload();
}

} // namespace ch::ui
