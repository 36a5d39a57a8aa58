// `computehedge-cli users list|add`: the people who can log in (storage::UserRepository).

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "security/password.h"
#include "storage/user_repository.h"
#include "text_table.h"

namespace ch::cli {
namespace {

int listUsers(Context& ctx, const Arguments&)
{
    const auto users = storage::UserRepository(ctx.workspace()).users();
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& u : users)
            list.append(QJsonObject{{"id", static_cast<qint64>(u.id.value)},
                                    {"login", qstr(u.login)},
                                    {"display_name", qstr(u.displayName)},
                                    {"role", trading::roleCode(u.role)},
                                    {"active", u.active}});
        ctx.printJson(QJsonObject{{"users", list}});
        return 0;
    }
    TextTable t({{"Login"}, {"Name"}, {"Role"}, {"Active"}});
    for (const auto& u : users)
        t.addRow({u.login, u.displayName, trading::roleCode(u.role), u.active ? "yes" : "no"});
    ctx.out() << t.render();
    return 0;
}

int addUser(Context& ctx, const Arguments& args)
{
    const std::string login = *args.positional("LOGIN");
    if (auto problem = storage::loginProblem(login))
        throw UserError("LOGIN: " + *problem);
    const std::string roleText = *args.value("--role");
    const auto role = trading::parseRoleCode(roleText);
    if (!role)
        throw UserError("--role: \"" + roleText
                        + "\" is not a role; expected admin, trader, approver or viewer");
    std::string password;
    if (auto given = args.value("--new-password")) {
        password = *given;
    } else {
        password = qgetenv("CH_NEW_PASSWORD").toStdString();
        if (password.empty())
            throw UserError("--new-password: missing; pass it or set CH_NEW_PASSWORD");
    }
    if (auto problem = storage::passwordProblem(login, password))
        throw UserError("--new-password: " + *problem);

    storage::UserRepository users(ctx.workspace());
    std::optional<trading::User> actor;
    if (users.hasUsers()) {
        if (!args.value("--user"))
            throw UserError("--user: an administrator must log in to add users");
        actor = authenticate(ctx, args);
    }
    // scrypt at the default cost (N = 2^17, r = 8, p = 1): ~0.3 s and 128 MiB.
    const trading::User created = users.add(storage::NewUser{login, *args.value("--name"), *role},
                                            security::hashPassword(password),
                                            actor,
                                            deskNow());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"id", static_cast<qint64>(created.id.value)},
                                  {"login", qstr(created.login)},
                                  {"role", trading::roleCode(created.role)}});
        return 0;
    }
    ctx.out() << "Added " << storage::userLabel(created) << "\n";
    return 0;
}

CH_CLI_GROUP({.name = "users", .summary = "who can log in to the trading desk"});
CH_CLI_COMMAND({.group = "users", .name = "list", .summary = "every account", .run = &listUsers});
CH_CLI_COMMAND(
    {.group = "users",
     .name = "add",
     .summary = "add an account (an admin logs in; the first account needs no login)",
     .positionals = {{"LOGIN", "2-32 characters of a-z, 0-9, '.', '_', '-'"}},
     .options = {{"--name", "NAME", "display name", true},
                 {"--role", "ROLE", "admin, trader, approver or viewer", true},
                 {"--new-password",
                  "PASSWORD",
                  "default: the environment variable CH_NEW_PASSWORD"},
                 {"--user", "LOGIN", "the administrator adding the account"},
                 {"--password", "PASSWORD", "the administrator's password; default: CH_PASSWORD"}},
     .description = "The password is stored as a scrypt verifier with its parameters "
                    "(N = 2^17, r = 8, p = 1). The first account of a workspace without users "
                    "must be an admin and is created without logging in.",
     .run = &refusalsAreUserErrors<&addUser>});

} // namespace
} // namespace ch::cli
