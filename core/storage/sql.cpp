#include "storage/sql.h"

#include "storage/conversions.h"

#include <QDebug>
#include <QVariant>

namespace ch::storage {

std::string sqliteHint(int nativeCode)
{
    // Extended result codes carry the primary code in their low byte (sqlite.org/rescode.html).
    switch (nativeCode & 0xff) {
    case 5: // SQLITE_BUSY
        return "the workspace is open in another ComputeHedge instance (or another program is "
               "writing to it); close it there and try again";
    case 8: // SQLITE_READONLY
        return "the workspace is in a read-only location; copy it to a folder you can write to";
    case 10: // SQLITE_IOERR
        return "the disk reported an input/output error";
    case 11: // SQLITE_CORRUPT
        return "the workspace is damaged; restore it from a backup copy";
    case 13: // SQLITE_FULL
        return "the disk is full";
    case 14: // SQLITE_CANTOPEN
        return "the file cannot be opened (check its permissions and that the folder exists)";
    case 26: // SQLITE_NOTADB
        return "not a ComputeHedge workspace (or its header is damaged)";
    default:
        return {};
    }
}

std::string failureMessage(const std::string& operation,
                           const std::filesystem::path& file,
                           const QSqlError& error)
{
    const int code = error.nativeErrorCode().toInt();
    std::string raw = toStd(error.databaseText());
    if (raw.empty())
        raw = toStd(error.driverText());
    const std::string hint = sqliteHint(code);
    const std::string codeText = " (SQLite code " + toStd(error.nativeErrorCode()) + ")";
    if (hint.empty())
        return operation + ": " + raw + codeText;
    return operation + ": " + hint + ". Details: " + file.string() + ": " + raw + codeText;
}

void SqlContext::fail(const QSqlError& error) const
{
    throw StorageError(failureMessage(operation, file, error));
}

QSqlQuery prepareQuery(const QSqlDatabase& db, const QString& sql, const SqlContext& context)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        context.fail(q.lastError());
    return q;
}

void execPrepared(QSqlQuery& query, const SqlContext& context)
{
    if (!query.exec())
        context.fail(query.lastError());
}

QSqlQuery execStatement(const QSqlDatabase& db, const QString& sql, const SqlContext& context)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        context.fail(q.lastError());
    return q;
}

QVariant queryValue(const QSqlDatabase& db, const QString& sql, const SqlContext& context)
{
    QSqlQuery q = execStatement(db, sql, context);
    if (!q.next()) {
        if (q.lastError().isValid())
            context.fail(q.lastError());
        throw StorageError(context.operation + ": " + toStd(sql) + " returned no row");
    }
    return q.value(0);
}

Transaction::Transaction(const QSqlDatabase& db, SqlContext context)
    : m_db(db)
    , m_context(std::move(context))
{
    execStatement(m_db, QStringLiteral("BEGIN IMMEDIATE"), m_context);
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    // A failed statement may already have ended the transaction (SQLITE_FULL, IOERR), in which
    // case ROLLBACK reports "no transaction is active"; either way nothing was committed.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qDebug() << "ch::storage: rollback after" << toQString(m_context.operation) << "reported"
                 << q.lastError().databaseText();
}

void Transaction::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT")))
        m_context.fail(q.lastError());
    m_open = false;
}

} // namespace ch::storage
