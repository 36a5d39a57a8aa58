#pragma once

#include "storage/user_repository.h"
#include "storage/workspace.h"
#include "trading/users.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ch::ui {

//! Asks for a login and password and checks them against the workspace's users.
//!
//! The slow part, the scrypt check (~0.3 s, 128 MiB), runs on a worker thread through
//! QtConcurrent; the dialog stays responsive and shows that it is checking. Before it, the
//! repository refuses unknown, deactivated and throttled logins (exponential backoff after three
//! failures); after it, success or failure is recorded. Every attempt is audited by
//! storage::UserRepository. Failures say "wrong login or password" without telling which.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(storage::Workspace& workspace, QWidget* parent = nullptr);
    ~LoginDialog() override;

    //! The user who logged in; valid after loggedIn().
    const trading::User& user() const { return *m_user; }
    bool hasUser() const { return m_user.has_value(); }
    //! The last refusal shown ("" before any).
    QString message() const;
    bool isChecking() const { return m_watcher.isRunning(); }
    void setCredentials(const QString& login, const QString& password);

    //! Checks the entered login (the Log in button).
    void attemptLogin();

    //! Closing stops listening to a running check, so nothing touches the workspace afterwards.
    void done(int result) override;

signals:
    void loggedIn();
    //! An attempt was written to the audit log (refused or checked).
    void attemptRecorded();
    void attemptFinished(bool succeeded);

private:
    void finishAttempt();
    void showRefusal(const QString& message);
    void setChecking(bool checking);

    storage::Workspace& m_workspace;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_logIn = nullptr;
    QFutureWatcher<bool> m_watcher;
    std::optional<storage::StoredCredentials> m_pending;
    std::optional<trading::User> m_user;
};

} // namespace ch::ui
