#include "storage/audit_log.h"

#include "storage/desk_sql.h"

#include <QFile>
#include <QSaveFile>
#include <QSysInfo>

#include <algorithm>
#include <cctype>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;

namespace {

const QString kSelectEntries = QStringLiteral(
    "SELECT seq, at, user, action, object_type, object_id, before, after, comment, host, "
    "prev_hash, hash FROM audit_log ORDER BY seq");

trading::AuditEntry entryFromRow(const QSqlQuery& q)
{
    trading::AuditEntry e;
    e.seq = q.value(0).toLongLong();
    const std::string what = "audit row " + std::to_string(e.seq);
    e.at = desk::timestampFromColumn(q.value(1), what);
    e.user = toStd(q.value(2).toString());
    e.action = toStd(q.value(3).toString());
    e.objectType = toStd(q.value(4).toString());
    e.objectId = toStd(q.value(5).toString());
    e.before = toStd(q.value(6).toString());
    e.after = toStd(q.value(7).toString());
    e.comment = toStd(q.value(8).toString());
    e.host = toStd(q.value(9).toString());
    e.prevHash = toStd(q.value(10).toString());
    e.hash = toStd(q.value(11).toString());
    return e;
}

std::string lowered(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return s;
}

bool matches(const trading::AuditEntry& e, const AuditFilter& f, const std::string& needle)
{
    if (!f.user.empty() && e.user != f.user)
        return false;
    if (!f.objectType.empty() && e.objectType != f.objectType)
        return false;
    if (f.from && e.at < *f.from)
        return false;
    if (f.to && e.at > *f.to)
        return false;
    if (needle.empty())
        return true;
    for (const std::string* field :
         {&e.user, &e.action, &e.objectType, &e.objectId, &e.before, &e.after, &e.comment})
        if (lowered(*field).find(needle) != std::string::npos)
            return true;
    return false;
}

//! RFC 4180: quote every field, double the quotes inside.
QByteArray csvField(const std::string& s)
{
    QByteArray out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

AuditLog::AuditLog(Workspace& workspace)
    : m_workspace(workspace)
{}

std::string AuditLog::hostName()
{
    const std::string host = toStd(QSysInfo::machineHostName());
    return host.empty() ? std::string("unknown-host") : host;
}

trading::AuditEntry AuditLog::append(Transaction&, const AuditRecord& record, Timestamp at)
{
    return appendRow(record, at);
}

trading::AuditEntry AuditLog::append(const AuditRecord& record, Timestamp at)
{
    Transaction tx(databaseOf(m_workspace),
                   contextOf(m_workspace, "recording '" + record.action + "' in the audit log of"));
    trading::AuditEntry e = appendRow(record, at);
    tx.commit();
    return e;
}

trading::AuditEntry AuditLog::appendRow(const AuditRecord& record, Timestamp at)
{
    const auto context =
        contextOf(m_workspace, "recording '" + record.action + "' in the audit log of");
    const QSqlDatabase db = databaseOf(m_workspace);
    // The head is read inside the caller's BEGIN IMMEDIATE transaction, which holds the write
    // lock, so no other writer can append between this read and the insert.
    const AuditHead previous = head();
    trading::AuditEntry draft;
    draft.at = at;
    draft.user = record.user;
    draft.action = record.action;
    draft.objectType = record.objectType;
    draft.objectId = record.objectId;
    draft.before = record.before;
    draft.after = record.after;
    draft.comment = record.comment;
    draft.host = hostName();
    trading::AuditEntry sealed;
    if (previous.lastSeq == 0) {
        sealed = trading::appendAuditEntry(nullptr, std::move(draft));
    } else {
        trading::AuditEntry last; // appendAuditEntry reads only seq and hash of the previous row
        last.seq = previous.lastSeq;
        last.hash = previous.hash;
        sealed = trading::appendAuditEntry(&last, std::move(draft));
    }

    QSqlQuery insert = prepareQuery(
        db,
        QStringLiteral("INSERT INTO audit_log (seq, at, user, action, object_type, object_id, "
                       "before, after, comment, host, prev_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    insert.addBindValue(v64(sealed.seq));
    insert.addBindValue(desk::isoText(sealed.at));
    for (const std::string* s : {&sealed.user,
                                 &sealed.action,
                                 &sealed.objectType,
                                 &sealed.objectId,
                                 &sealed.before,
                                 &sealed.after,
                                 &sealed.comment,
                                 &sealed.host,
                                 &sealed.prevHash,
                                 &sealed.hash})
        insert.addBindValue(toQString(*s));
    execPrepared(insert, context);

    QSqlQuery updateHead = prepareQuery(
        db, QStringLiteral("UPDATE audit_head SET last_seq = ?, hash = ? WHERE id = 1"), context);
    updateHead.addBindValue(v64(sealed.seq));
    updateHead.addBindValue(toQString(sealed.hash));
    execPrepared(updateHead, context);
    if (updateHead.numRowsAffected() != 1)
        throw StorageError(context.operation + ": the audit head record is missing");
    return sealed;
}

std::optional<AuditHead> AuditLog::readHead() const
{
    const auto context = contextOf(m_workspace, "reading the audit head of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace),
                               QStringLiteral("SELECT last_seq, hash FROM audit_head WHERE id = 1"),
                               context);
    std::optional<AuditHead> h;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        h = AuditHead{row.value(0).toLongLong(), toStd(row.value(1).toString())};
    });
    return h;
}

AuditHead AuditLog::head() const
{
    if (auto h = readHead())
        return *h;
    throw StorageError(contextOf(m_workspace, "reading the audit head of").operation
                       + ": the audit head record is missing");
}

std::size_t AuditLog::size() const
{
    const auto context = contextOf(m_workspace, "counting the audit log of");
    return static_cast<std::size_t>(queryValue(databaseOf(m_workspace),
                                               QStringLiteral("SELECT count(*) FROM audit_log"),
                                               context)
                                        .toLongLong());
}

std::vector<trading::AuditEntry> AuditLog::entries(const AuditFilter& filter) const
{
    const auto context = contextOf(m_workspace, "reading the audit log of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), kSelectEntries, context);
    q.setForwardOnly(true);
    const std::string needle = lowered(filter.text);
    std::vector<trading::AuditEntry> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        trading::AuditEntry e = entryFromRow(row);
        if (matches(e, filter, needle))
            out.push_back(std::move(e));
    });
    return out;
}

AuditVerification AuditLog::verify(const std::optional<std::string>& expectedHeadHash) const
{
    AuditVerification v;
    const std::vector<trading::AuditEntry> rows = entries();
    v.entries = rows.size();
    const std::optional<AuditHead> recorded = readHead();
    if (!recorded) {
        v.brokenSeq = rows.empty() ? 1 : rows.back().seq;
        v.reason = "the audit head record is missing, so rows removed from the end cannot be "
                   "ruled out";
        return v;
    }
    v.head = *recorded;
    if (auto broken = trading::verifyChain(rows, v.head.hash)) {
        v.brokenSeq = broken->index < rows.size() ? rows[broken->index].seq
                                                  : (rows.empty() ? 1 : rows.back().seq + 1);
        v.reason = broken->reason;
        if (broken->index == rows.size())
            v.reason += " (the head records seq " + std::to_string(v.head.lastSeq)
                        + ", the newest row is seq "
                        + std::to_string(rows.empty() ? 0 : rows.back().seq) + ")";
        return v;
    }
    const std::int64_t newest = rows.empty() ? 0 : rows.back().seq;
    if (v.head.lastSeq != newest) {
        v.brokenSeq = newest + 1;
        v.reason = "the head records seq " + std::to_string(v.head.lastSeq)
                   + " but the newest row is seq " + std::to_string(newest);
        return v;
    }
    if (expectedHeadHash && *expectedHeadHash != v.head.hash) {
        v.brokenSeq = newest;
        v.reason = "the newest row's hash " + v.head.hash + " differs from the expected head "
                   + *expectedHeadHash
                   + ": the log was rewritten or is not the one the head was taken from";
    }
    return v;
}

void AuditLog::exportCsv(const std::filesystem::path& file) const
{
    const std::string operation = "exporting the audit log to '" + displayName(file) + "'";
    const std::vector<trading::AuditEntry> rows = entries();
    // QSaveFile writes to a temporary file and renames it on commit(): a failure never leaves a
    // half-written export under the name.
    QSaveFile out(toQString(file));
    if (!out.open(QIODevice::WriteOnly))
        throw StorageError(operation + ": " + toStd(out.errorString()));
    QByteArray text = "seq,at,user,action,object_type,object_id,before,after,comment,host,"
                      "prev_hash,hash\r\n";
    for (const auto& e : rows) {
        text += QByteArray::number(static_cast<qlonglong>(e.seq)) + ','
                + csvField(formatIsoTimestamp(e.at)) + ',' + csvField(e.user) + ','
                + csvField(e.action) + ',' + csvField(e.objectType) + ',' + csvField(e.objectId)
                + ',' + csvField(e.before) + ',' + csvField(e.after) + ',' + csvField(e.comment)
                + ',' + csvField(e.host) + ',' + csvField(e.prevHash) + ',' + csvField(e.hash)
                + "\r\n";
    }
    if (out.write(text) != text.size() || !out.commit())
        throw StorageError(operation + ": " + toStd(out.errorString()));
}

} // namespace ch::storage
