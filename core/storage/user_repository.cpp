#include "storage/user_repository.h"

#include "security/password.h"
#include "storage/audit_log.h"
#include "storage/desk_sql.h"

#include <algorithm>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;
using trading::User;
using trading::UserId;

namespace {

const QString kSelectUsers =
    QStringLiteral("SELECT id, login, display_name, role, active, password_hash, failed_attempts, "
                   "last_failure_at FROM users");

StoredCredentials credentialsFromRow(const QSqlQuery& q)
{
    StoredCredentials c;
    c.user.id = UserId{q.value(0).toLongLong()};
    c.user.login = toStd(q.value(1).toString());
    c.user.displayName = toStd(q.value(2).toString());
    const std::string what = "user '" + c.user.login + "'";
    const std::string role = toStd(q.value(3).toString());
    const auto parsed = trading::parseRoleCode(role);
    if (!parsed)
        throw StorageError(what + ": unknown role \"" + role + "\"");
    c.user.role = *parsed;
    c.user.active = q.value(4).toInt() != 0;
    c.passwordHash = toStd(q.value(5).toString());
    c.attempts.consecutiveFailures = q.value(6).toInt();
    c.attempts.lastFailureAt = desk::optionalTimestamp(q.value(7), what);
    return c;
}

std::vector<StoredCredentials>
selectUsers(const Workspace& ws, const QString& where, const QVariant& bound)
{
    const auto context = contextOf(ws, "reading the users of");
    QSqlQuery q = prepareQuery(
        databaseOf(ws), kSelectUsers + where + QStringLiteral(" ORDER BY login"), context);
    if (bound.isValid())
        q.addBindValue(bound);
    std::vector<StoredCredentials> out;
    desk::forEachRow(
        q, context, [&](const QSqlQuery& row) { out.push_back(credentialsFromRow(row)); });
    return out;
}

//! "role=trader;active=1;name=Tina Trader": the audited state of a user (never the verifier).
std::string userAuditText(const User& u)
{
    return "id=" + std::to_string(u.id.value) + ";login=" + u.login + ";name=" + u.displayName
           + ";role=" + trading::roleCode(u.role) + ";active=" + (u.active ? "1" : "0");
}

void requireManager(const User& actor, const std::string& what)
{
    require(actor.can(trading::Permission::ManageUsers),
            "user " + trading::describeUser(actor) + " may not " + what
                + " (needs the manage_users permission)");
}

void requireVerifier(const std::string& passwordHash)
{
    const auto parsed = security::parsePasswordHash(passwordHash);
    require(!parsed.hasErrors(),
            "the password verifier is malformed: "
                + (parsed.issues.empty() ? std::string() : parsed.issues.front().toString()));
}

} // namespace

std::optional<std::string> loginProblem(std::string_view login)
{
    if (login.size() < 2 || login.size() > 32)
        return "a login has 2 to 32 characters; \"" + std::string(login) + "\" has "
               + std::to_string(login.size());
    for (char c : login)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return "a login uses only a-z, 0-9, '.', '_' and '-'; \"" + std::string(login)
                   + "\" contains '" + std::string(1, c) + "'";
    return std::nullopt;
}

std::optional<std::string> passwordProblem(std::string_view login, std::string_view password)
{
    if (password.size() < 10)
        return "a password needs at least 10 characters (this one has "
               + std::to_string(password.size()) + ")";
    if (password == login)
        return std::string("the password must not be the login");
    return std::nullopt;
}

std::string userLabel(const User& user)
{
    return user.displayName + " ('" + user.login + "', " + trading::roleCode(user.role) + ")";
}

UserRepository::UserRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

bool UserRepository::hasUsers() const
{
    const auto context = contextOf(m_workspace, "counting the users of");
    return queryValue(
               databaseOf(m_workspace), QStringLiteral("SELECT count(*) FROM users"), context)
               .toLongLong()
           > 0;
}

std::vector<User> UserRepository::users() const
{
    std::vector<User> out;
    for (auto& c : selectUsers(m_workspace, {}, {}))
        out.push_back(std::move(c.user));
    return out;
}

std::optional<User> UserRepository::find(UserId id) const
{
    auto rows = selectUsers(m_workspace, QStringLiteral(" WHERE id = ?"), v64(id.value));
    if (rows.empty())
        return std::nullopt;
    return rows.front().user;
}

std::optional<User> UserRepository::findByLogin(std::string_view login) const
{
    if (auto c = credentials(login))
        return c->user;
    return std::nullopt;
}

User UserRepository::require(UserId id) const
{
    if (auto u = find(id))
        return *u;
    throw StorageError("user " + std::to_string(id.value) + " does not exist in workspace '"
                       + displayName(m_workspace.path()) + "'");
}

std::optional<StoredCredentials> UserRepository::credentials(std::string_view login) const
{
    auto rows =
        selectUsers(m_workspace, QStringLiteral(" WHERE login = ?"), toQString(std::string(login)));
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

User UserRepository::add(const NewUser& user,
                         const std::string& passwordHash,
                         const std::optional<User>& actor,
                         Timestamp at)
{
    if (auto problem = loginProblem(user.login))
        throw Error("cannot add user: " + *problem);
    ch::require(!user.displayName.empty(), "cannot add user '" + user.login + "': no display name");
    requireVerifier(passwordHash);
    const auto context = contextOf(m_workspace, "adding user '" + user.login + "' to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    // Checked inside the transaction (BEGIN IMMEDIATE holds the write lock), so two first
    // accounts cannot both be created as bootstrap.
    if (actor) {
        requireManager(*actor, "add users");
    } else {
        ch::require(!hasUsers(),
                    "adding user '" + user.login
                        + "': only the first account of a workspace can be created without an "
                          "administrator logging in");
        ch::require(user.role == trading::Role::Admin,
                    "the first account of a workspace must be an admin, not "
                        + std::string(trading::roleCode(user.role)));
    }
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, active, "
                       "failed_attempts, created_at) VALUES (?, ?, ?, ?, 1, 0, ?)"),
        context);
    q.addBindValue(toQString(user.login));
    q.addBindValue(toQString(user.displayName));
    q.addBindValue(QString::fromLatin1(trading::roleCode(user.role)));
    q.addBindValue(toQString(passwordHash));
    q.addBindValue(desk::isoText(at));
    execPrepared(q, context);
    User created{UserId{desk::lastInsertId(q)}, user.login, user.displayName, user.role, true};
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{actor ? actor->login : user.login,
                            "user.create",
                            "user",
                            std::to_string(created.id.value),
                            {},
                            userAuditText(created),
                            actor ? "" : "first administrator of the workspace"},
                at);
    tx.commit();
    return created;
}

namespace {

//! One audited update of a user row: `apply` returns the new value, `set` binds its SQL.
template <class Apply>
User updateUser(Workspace& ws,
                UserRepository& repo,
                UserId id,
                const User& actor,
                Timestamp at,
                const std::string& action,
                const QString& sql,
                Apply apply)
{
    requireManager(actor, action == "user.set_active" ? "change accounts" : "change roles");
    const auto context = contextOf(ws, "updating user " + std::to_string(id.value) + " in");
    const QSqlDatabase db = databaseOf(ws);
    Transaction tx(db, context);
    const User before = repo.require(id);
    const User after = apply(before);
    QSqlQuery q = prepareQuery(db, sql, context);
    q.addBindValue(after.active ? 1 : 0);
    q.addBindValue(QString::fromLatin1(trading::roleCode(after.role)));
    q.addBindValue(v64(id.value));
    execPrepared(q, context);
    AuditLog(ws).append(tx,
                        AuditRecord{actor.login,
                                    action,
                                    "user",
                                    std::to_string(id.value),
                                    userAuditText(before),
                                    userAuditText(after),
                                    {}},
                        at);
    tx.commit();
    return after;
}

const QString kUpdateUser = QStringLiteral("UPDATE users SET active = ?, role = ? WHERE id = ?");

} // namespace

User UserRepository::setActive(UserId id, bool active, const User& actor, Timestamp at)
{
    ch::require(!(id == actor.id && !active),
                "user " + trading::describeUser(actor) + " cannot deactivate their own account");
    return updateUser(
        m_workspace, *this, id, actor, at, "user.set_active", kUpdateUser, [&](User u) {
            u.active = active;
            return u;
        });
}

User UserRepository::setRole(UserId id, trading::Role role, const User& actor, Timestamp at)
{
    // A user's own role change could lock the workspace out of administration or let an admin
    // make themselves a trader and approver in turn; another admin must do it.
    ch::require(id != actor.id,
                "user " + trading::describeUser(actor) + " cannot change their own role");
    return updateUser(m_workspace, *this, id, actor, at, "user.set_role", kUpdateUser, [&](User u) {
        u.role = role;
        return u;
    });
}

void UserRepository::setPasswordHash(UserId id,
                                     const std::string& passwordHash,
                                     const User& actor,
                                     Timestamp at)
{
    if (id != actor.id)
        requireManager(actor, "reset other users' passwords");
    requireVerifier(passwordHash);
    const auto context =
        contextOf(m_workspace, "changing the password of user " + std::to_string(id.value) + " in");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    const User target = require(id);
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts "
                                              "= 0, last_failure_at = NULL, locked_until = NULL "
                                              "WHERE id = ?"),
                               context);
    q.addBindValue(toQString(passwordHash));
    q.addBindValue(v64(id.value));
    execPrepared(q, context);
    // The verifier itself is never written to the audit log; the scrypt parameters are.
    const auto parsed = security::parsePasswordHash(passwordHash);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{actor.login,
                            "user.set_password",
                            "user",
                            std::to_string(id.value),
                            {},
                            "login=" + target.login
                                + ";scrypt_log2n=" + std::to_string(parsed.value.params.log2N)
                                + ";r=" + std::to_string(parsed.value.params.r)
                                + ";p=" + std::to_string(parsed.value.params.p),
                            id == actor.id ? "own password" : "reset by an administrator"},
                at);
    tx.commit();
}

std::optional<StoredCredentials>
UserRepository::beginLogin(std::string_view login,
                           Timestamp now,
                           LoginResult& refusal,
                           const security::LoginThrottlePolicy& policy)
{
    const std::string name(login);
    const std::string generic = "wrong login or password";
    auto c = credentials(login);
    AuditLog audit(m_workspace);
    if (!c) {
        refusal = LoginResult{LoginResult::Outcome::UnknownUser, std::nullopt, generic};
        audit.append(AuditRecord{name, "user.login_failed", "user", {}, {}, {}, "unknown login"},
                     now);
        return std::nullopt;
    }
    if (!c->user.active) {
        refusal = LoginResult{LoginResult::Outcome::Inactive,
                              std::nullopt,
                              "the account '" + name + "' is deactivated"};
        audit.append(AuditRecord{name,
                                 "user.login_failed",
                                 "user",
                                 std::to_string(c->user.id.value),
                                 {},
                                 {},
                                 "account deactivated"},
                     now);
        return std::nullopt;
    }
    const security::LoginDecision decision = security::checkLoginAllowed(c->attempts, now, policy);
    if (!decision.allowed) {
        refusal = LoginResult{LoginResult::Outcome::Throttled, std::nullopt, decision.message};
        audit.append(AuditRecord{name,
                                 "user.login_throttled",
                                 "user",
                                 std::to_string(c->user.id.value),
                                 {},
                                 {},
                                 decision.message},
                     now);
        return std::nullopt;
    }
    return c;
}

LoginResult UserRepository::finishLogin(const StoredCredentials& c,
                                        bool passwordMatched,
                                        Timestamp now,
                                        const security::LoginThrottlePolicy& policy)
{
    const auto context = contextOf(m_workspace, "recording a login of '" + c.user.login + "' in");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    const std::string id = std::to_string(c.user.id.value);
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE users SET failed_attempts = ?, "
                                              "last_failure_at = ?, locked_until = ? WHERE id = ?"),
                               context);
    LoginResult result;
    std::string comment;
    if (passwordMatched) {
        q.addBindValue(0);
        q.addBindValue(QVariant());
        q.addBindValue(QVariant());
        result = LoginResult{LoginResult::Outcome::Success, c.user, {}};
    } else {
        const security::LoginAttempts next = security::recordFailedLogin(c.attempts, now, policy);
        const auto delay = security::backoffDelay(next.consecutiveFailures, policy);
        q.addBindValue(next.consecutiveFailures);
        q.addBindValue(desk::isoText(*next.lastFailureAt));
        q.addBindValue(delay.count() > 0 ? QVariant(desk::isoText(*next.lastFailureAt + delay))
                                         : QVariant());
        result = LoginResult{
            LoginResult::Outcome::WrongPassword, std::nullopt, "wrong login or password"};
        comment =
            "wrong password (failure " + std::to_string(next.consecutiveFailures) + " in a row)";
    }
    q.addBindValue(v64(c.user.id.value));
    execPrepared(q, context);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{c.user.login,
                            passwordMatched ? "user.login" : "user.login_failed",
                            "user",
                            id,
                            {},
                            {},
                            comment},
                now);
    tx.commit();
    return result;
}

LoginResult UserRepository::logIn(std::string_view login,
                                  std::string_view password,
                                  Timestamp now,
                                  const security::LoginThrottlePolicy& policy)
{
    LoginResult refusal;
    const auto c = beginLogin(login, now, refusal, policy);
    if (!c)
        return refusal;
    return finishLogin(*c, security::verifyPassword(password, c->passwordHash), now, policy);
}

} // namespace ch::storage
