// `computehedge-cli audit verify|export|list`: the hash-chained audit log (storage::AuditLog).

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "storage/audit_log.h"
#include "text_table.h"

namespace ch::cli {
namespace {

int verifyAudit(Context& ctx, const Arguments& args)
{
    const storage::AuditVerification v =
        storage::AuditLog(ctx.workspace()).verify(args.value("--expect-head"));
    if (ctx.json()) {
        ctx.printJson(QJsonObject{
            {"intact", v.intact()},
            {"entries", jsonCount(v.entries)},
            {"head_seq", static_cast<qint64>(v.head.lastSeq)},
            {"head_hash", qstr(v.head.hash)},
            {"broken_seq",
             v.brokenSeq ? QJsonValue(static_cast<qint64>(*v.brokenSeq)) : QJsonValue()},
            {"reason", v.intact() ? QJsonValue() : QJsonValue(qstr(v.reason))}});
    } else if (v.intact()) {
        ctx.out() << "Audit chain intact: " << formatCount(v.entries) << " entries, head seq "
                  << v.head.lastSeq << " hash " << v.head.hash << "\n"
                  << "Keep the head hash outside the workspace and pass it to --expect-head "
                     "later to detect a rewritten log.\n";
    } else {
        ctx.out() << "Audit chain BROKEN at seq " << *v.brokenSeq << ": " << v.reason << "\n";
    }
    return v.intact() ? 0 : 1;
}

int exportAudit(Context& ctx, const Arguments& args)
{
    const std::filesystem::path file(*args.positional("FILE"));
    storage::AuditLog log(ctx.workspace());
    log.exportCsv(file);
    const std::size_t n = log.size();
    if (ctx.json())
        ctx.printJson(QJsonObject{{"file", qstr(file.string())}, {"entries", jsonCount(n)}});
    else
        ctx.out() << "Exported " << formatCount(n) << " audit entries to " << file.string() << "\n";
    return 0;
}

int listAudit(Context& ctx, const Arguments& args)
{
    storage::AuditFilter filter;
    filter.text = args.value("--text").value_or("");
    filter.user = args.value("--user").value_or("");
    filter.objectType = args.value("--object-type").value_or("");
    const auto entries = storage::AuditLog(ctx.workspace()).entries(filter);
    const std::size_t limit =
        static_cast<std::size_t>(positiveIntValue(args, "--last").value_or(50));
    const std::size_t first = entries.size() > limit ? entries.size() - limit : 0;
    if (ctx.json()) {
        QJsonArray list;
        for (std::size_t i = first; i < entries.size(); ++i) {
            const auto& e = entries[i];
            list.append(QJsonObject{{"seq", static_cast<qint64>(e.seq)},
                                    {"at", qstr(formatIsoTimestamp(e.at))},
                                    {"user", qstr(e.user)},
                                    {"action", qstr(e.action)},
                                    {"object_type", qstr(e.objectType)},
                                    {"object_id", qstr(e.objectId)},
                                    {"before", qstr(e.before)},
                                    {"after", qstr(e.after)},
                                    {"comment", qstr(e.comment)},
                                    {"host", qstr(e.host)},
                                    {"hash", qstr(e.hash)}});
        }
        ctx.printJson(QJsonObject{{"entries", list}});
        return 0;
    }
    TextTable t(
        {{"Seq", Align::Right}, {"At (UTC)"}, {"User"}, {"Action"}, {"Object"}, {"Comment"}});
    for (std::size_t i = first; i < entries.size(); ++i) {
        const auto& e = entries[i];
        t.addRow({std::to_string(e.seq),
                  formatIsoTimestamp(e.at),
                  e.user,
                  e.action,
                  e.objectType + (e.objectId.empty() ? "" : " " + e.objectId),
                  e.comment.size() > 80 ? e.comment.substr(0, 77) + "..." : e.comment});
    }
    ctx.out() << t.render();
    return 0;
}

CH_CLI_GROUP({.name = "audit", .summary = "verify, list and export the audit log"});
CH_CLI_COMMAND(
    {.group = "audit",
     .name = "verify",
     .summary = "recompute the hash chain; exit 1 at the first broken link",
     .options = {{"--expect-head", "HASH", "a head hash recorded earlier"}},
     .description = "Recomputes every row's SHA-256 and link and compares the newest row with "
                    "the head record written with each append. An edited, deleted (also the "
                    "newest), inserted or reordered row is reported with its seq and the reason; "
                    "the exit code is then 1. JSON: intact, entries, head_seq, head_hash, "
                    "broken_seq, reason.",
     .run = &verifyAudit});
CH_CLI_COMMAND({.group = "audit",
                .name = "export",
                .summary = "write every audit row to a CSV file for auditors",
                .positionals = {{"FILE", "CSV file to write (replaced)"}},
                .run = &exportAudit});
CH_CLI_COMMAND({.group = "audit",
                .name = "list",
                .summary = "the newest audit rows, filtered",
                .options = {{"--text", "TEXT", "substring of any field (case-insensitive)"},
                            {"--user", "LOGIN", "only this user's rows"},
                            {"--object-type", "TYPE", "order, user, marks, ..."},
                            {"--last", "N", "how many of the newest matches (default 50)"}},
                .run = &listAudit});

} // namespace
} // namespace ch::cli
