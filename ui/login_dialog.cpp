#include "ui/login_dialog.h"

#include "security/password.h"
#include "storage/demo_content.h"
#include "storage/desk_demo.h"
#include "ui/desk_session.h"
#include "ui/guard.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ch::ui {

LoginDialog::LoginDialog(storage::Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to the trading desk"));
    m_login->setObjectName(QStringLiteral("login"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* intro = new QLabel(
        tr("Workspace <b>%1</b>. Orders, approvals and the audit log are recorded under your "
           "name.")
            .arg(QString::fromStdString(workspace.path().filename().string()).toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Login"), m_login);
    form->addRow(tr("Password"), m_password);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_logIn = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_logIn->setDefault(true);
    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::attemptLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    // The demo workspace's accounts are published; say so where they are needed.
    const auto origin = workspace.setting(storage::kSettingOrigin);
    if (origin && origin->rfind("demo", 0) == 0) {
        QStringList accounts;
        for (const auto& a : storage::kDemoAccounts)
            accounts << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(a.login),
                                                      QString::fromLatin1(a.password));
        auto* hint =
            new QLabel(tr("Demo accounts: %1.").arg(accounts.join(QStringLiteral(", "))), this);
        hint->setObjectName(QStringLiteral("demoAccounts"));
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(&m_watcher, &QFutureWatcher<bool>::finished, this, &LoginDialog::finishAttempt);
}

LoginDialog::~LoginDialog()
{
    // The worker only reads its own copies; wait so the watcher never outlives a running check.
    m_watcher.waitForFinished();
}

void LoginDialog::done(int result)
{
    disconnect(&m_watcher, nullptr, this, nullptr);
    QDialog::done(result);
}

QString LoginDialog::message() const
{
    return m_message->text();
}

void LoginDialog::setCredentials(const QString& login, const QString& password)
{
    m_login->setText(login);
    m_password->setText(password);
}

void LoginDialog::setChecking(bool checking)
{
    m_login->setEnabled(!checking);
    m_password->setEnabled(!checking);
    m_logIn->setEnabled(!checking);
    if (checking)
        m_message->setText(tr("Checking the password…"));
}

void LoginDialog::showRefusal(const QString& message)
{
    m_message->setText(message);
    m_password->clear();
    m_password->setFocus();
}

void LoginDialog::attemptLogin()
{
    if (isChecking())
        return;
    const std::string login = m_login->text().trimmed().toStdString();
    const bool ok = guard(this, tr("Log in"), [&] {
        storage::LoginResult refusal;
        m_pending = storage::UserRepository(m_workspace).beginLogin(login, deskNow(), refusal);
        if (!m_pending) {
            showRefusal(QString::fromStdString(refusal.message));
            return;
        }
        setChecking(true);
        // Copies only: the worker never touches the workspace or a widget.
        const std::string password = m_password->text().toStdString();
        const std::string stored = m_pending->passwordHash;
        m_watcher.setFuture(QtConcurrent::run(
            [password, stored] { return security::verifyPassword(password, stored); }));
    });
    if (!ok || !m_pending) {
        emit attemptRecorded();
        emit attemptFinished(false);
    }
}

void LoginDialog::finishAttempt()
{
    setChecking(false);
    bool succeeded = false;
    guard(this, tr("Log in"), [&] {
        const bool matched = m_watcher.future().result(); // rethrows a corrupt verifier
        const storage::LoginResult r =
            storage::UserRepository(m_workspace).finishLogin(*m_pending, matched, deskNow());
        if (r.succeeded()) {
            m_user = r.user;
            succeeded = true;
            m_message->clear();
        } else {
            showRefusal(QString::fromStdString(r.message));
        }
    });
    m_pending.reset();
    emit attemptRecorded();
    emit attemptFinished(succeeded);
    if (succeeded) {
        emit loggedIn();
        accept();
    }
}

} // namespace ch::ui
