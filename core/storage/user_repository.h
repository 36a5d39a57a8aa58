#pragma once

#include "domain/dates.h"
#include "security/login_throttle.h"
#include "trading/users.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::storage {

class Workspace;

//! The person a new account is for; the password verifier is computed by the caller
//! (security::hashPassword takes ~0.3 s, so the GUI runs it off the GUI thread).
struct NewUser
{
    std::string login;
    std::string displayName;
    trading::Role role = trading::Role::Viewer;
};

//! The stored verifier and throttle state of one user, for a login check.
struct StoredCredentials
{
    trading::User user;
    std::string passwordHash; //!< "scrypt$17$8$1$<salt>$<key>"
    security::LoginAttempts attempts;
};

//! Outcome of a login attempt. The message shown to people never says whether the login or the
//! password was wrong (the audit log does).
struct LoginResult
{
    enum class Outcome { Success, WrongPassword, UnknownUser, Inactive, Throttled };
    Outcome outcome = Outcome::WrongPassword;
    std::optional<trading::User> user; //!< set on success
    std::string message;               //!< for people; empty on success

    bool succeeded() const { return outcome == Outcome::Success; }
};

//! Problems with a new password, or nothing: at least 10 characters, not the login itself.
std::optional<std::string> passwordProblem(std::string_view login, std::string_view password);
//! Problems with a new login, or nothing: 2–32 characters of a–z, 0–9, '.', '_' or '-'.
std::optional<std::string> loginProblem(std::string_view login);

//! Users of a workspace (table users) and their logins.
//!
//! Every change is written with its audit entry in one transaction. Managing users needs the
//! manage_users permission (admins); the only exception is the first account of a workspace
//! without users, which must be an admin ("bootstrap"). Logins are checked against the stored
//! scrypt verifier, throttled by security::checkLoginAllowed, and every attempt, failed or not, is
//! audited ("user.login", "user.login_failed", "user.login_throttled").
class UserRepository
{
public:
    explicit UserRepository(Workspace& workspace);

    bool hasUsers() const;
    std::vector<trading::User> users() const; //!< by login
    std::optional<trading::User> find(trading::UserId id) const;
    std::optional<trading::User> findByLogin(std::string_view login) const;
    //! The user, or StorageError "user 7 does not exist in workspace 'x.chw'".
    trading::User require(trading::UserId id) const;

    //! Adds an account with a verifier from security::hashPassword. `actor` must hold manage_users;
    //! nullopt is accepted only for the first account, which must be an admin. Throws ch::Error
    //! for a refused actor, a malformed verifier or login, StorageError for a duplicate login.
    trading::User add(const NewUser& user,
                      const std::string& passwordHash,
                      const std::optional<trading::User>& actor,
                      Timestamp at);
    //! Activates or deactivates; an admin cannot deactivate themselves.
    trading::User
    setActive(trading::UserId id, bool active, const trading::User& actor, Timestamp at);
    trading::User
    setRole(trading::UserId id, trading::Role role, const trading::User& actor, Timestamp at);
    //! Replaces the verifier and clears the failed-login streak.
    void setPasswordHash(trading::UserId id,
                         const std::string& passwordHash,
                         const trading::User& actor,
                         Timestamp at);

    //! The verifier and throttle state for `login`, or nothing for an unknown login.
    std::optional<StoredCredentials> credentials(std::string_view login) const;

    //! Step 1 of a login, before the (slow) password check: refuses an unknown, inactive or
    //! throttled login, recording the refusal in the audit log. Returns the credentials to verify
    //! when the attempt may proceed.
    std::optional<StoredCredentials> beginLogin(std::string_view login,
                                                Timestamp now,
                                                LoginResult& refusal,
                                                const security::LoginThrottlePolicy& policy = {});
    //! Step 2, after security::verifyPassword: records success (clearing the streak) or failure
    //! (growing it, setting locked_until) with its audit entry.
    LoginResult finishLogin(const StoredCredentials& credentials,
                            bool passwordMatched,
                            Timestamp now,
                            const security::LoginThrottlePolicy& policy = {});
    //! Both steps with the password check in between (CLI, tests).
    LoginResult logIn(std::string_view login,
                      std::string_view password,
                      Timestamp now,
                      const security::LoginThrottlePolicy& policy = {});

private:
    Workspace& m_workspace;
};

//! "Ada Admin ('admin', admin)"
std::string userLabel(const trading::User& user);

} // namespace ch::storage
