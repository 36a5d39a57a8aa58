#pragma once

// Internal to core/storage: the Qt SQL helpers every repository on a Workspace shares (plan,
// market data, risk, hedge and the trading desk): its connection, the SqlContext that names it in
// errors, row iteration that reports workspace damage, and the column readers. A repository's
// own header (risk_sql.h, desk_sql.h) adds only what is specific to its tables.

#include "domain/dates.h"
#include "domain/error.h"
#include "storage/conversions.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <string>

namespace ch::storage::reposql {

//! The workspace's own connection (opened by Workspace; never opened here).
inline QSqlDatabase databaseOf(const Workspace& ws)
{
    return QSqlDatabase::database(toQString(ws.connectionName()), false);
}

//! "<action> workspace 'q3.chw'", e.g. contextOf(ws, "approving order 7 in").
inline SqlContext contextOf(const Workspace& ws, const std::string& action)
{
    return SqlContext{action + " workspace '" + displayName(ws.path()) + "'", ws.path()};
}

//! Executes a prepared SELECT and hands each row to `onRow`; damage found while mapping a row
//! (a StorageError: a value that does not map back to the domain) is reported with the
//! operation and the workspace's name, and a failure while stepping is reported too.
template <class OnRow>
void forEachRow(QSqlQuery& q, const SqlContext& context, OnRow onRow)
{
    execPrepared(q, context);
    try {
        while (q.next())
            onRow(q);
    } catch (const StorageError& e) {
        throw StorageError(context.operation + ": " + e.what());
    }
    if (q.lastError().isValid())
        context.fail(q.lastError());
}

//! Prepares `sql` forward-only, applies `bind` and runs it as forEachRow(q, context, onRow).
template <class Bind, class OnRow>
void forEachRow(
    const QSqlDatabase& db, const QString& sql, const SqlContext& context, Bind bind, OnRow onRow)
{
    QSqlQuery q = prepareQuery(db, sql, context);
    q.setForwardOnly(true);
    bind(q);
    forEachRow(q, context, onRow);
}

inline void noBinding(QSqlQuery&) {}

//! A statement without parameters.
template <class OnRow>
void forEachRow(const QSqlDatabase& db, const QString& sql, const SqlContext& context, OnRow onRow)
{
    forEachRow(db, sql, context, noBinding, onRow);
}

//! An int64 as a QVariant SQLite binds as INTEGER (std::int64_t is `long` here, which Qt's
//! SQLite driver would bind as text).
inline QVariant qint(std::int64_t v)
{
    return QVariant::fromValue(static_cast<qlonglong>(v));
}

inline std::string text(const QSqlQuery& row, int column)
{
    return toStd(row.value(column).toString());
}

//! A REAL column that must hold a number.
inline double real(const QSqlQuery& row, int column, const std::string& what)
{
    const QVariant v = row.value(column);
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (v.isNull() || !ok)
        throw StorageError(what + ": \"" + toStd(v.toString()) + "\" is not a number");
    return d;
}

inline std::int64_t integer(const QSqlQuery& row, int column, const std::string& what)
{
    const QVariant v = row.value(column);
    bool ok = false;
    const qlonglong i = v.toLongLong(&ok);
    if (v.isNull() || !ok)
        throw StorageError(what + ": \"" + toStd(v.toString()) + "\" is not an integer");
    return i;
}

inline Month monthFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string t = text(row, column);
    const auto m = parseIsoMonth(t);
    if (!m)
        throw StorageError(what + ": \"" + t + "\" is not an ISO month (YYYY-MM)");
    return *m;
}

inline QString timestampText(Timestamp t)
{
    return QString::fromStdString(formatIsoTimestamp(t));
}

inline Timestamp timestampFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string t = text(row, column);
    const auto ts = parseIsoTimestamp(t);
    if (!ts)
        throw StorageError(what + ": \"" + t + "\" is not an ISO UTC timestamp");
    return *ts;
}

} // namespace ch::storage::reposql
