#pragma once

// Internal to core/storage: Qt SQL helpers shared by the hedge repository's files
// (hedge_repository.cpp, hedge_repository_proposals.cpp). Column conventions are in
// schema/0005_hedge.sql.

#include "domain/dates.h"
#include "storage/conversions.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <cstdint>
#include <string>

namespace ch::storage::hedgesql {

inline QSqlDatabase databaseOf(const Workspace& ws)
{
    return QSqlDatabase::database(toQString(ws.connectionName()), false);
}

inline SqlContext contextOf(const Workspace& ws, const std::string& action)
{
    return SqlContext{action + " workspace '" + displayName(ws.path()) + "'", ws.path()};
}

//! Runs a prepared query with `bind` applied and hands each row to `onRow`; damage found while
//! mapping a row (a StorageError) is reported with the operation and the workspace's name.
template <class Bind, class OnRow>
void forEachRow(
    const QSqlDatabase& db, const QString& sql, const SqlContext& context, Bind bind, OnRow onRow)
{
    QSqlQuery q = prepareQuery(db, sql, context);
    q.setForwardOnly(true);
    bind(q);
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

inline void noBinding(QSqlQuery&) {}

inline QVariant qint(std::int64_t v)
{
    return QVariant::fromValue(static_cast<qlonglong>(v));
}

inline std::string text(const QSqlQuery& row, int column)
{
    return toStd(row.value(column).toString());
}

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

} // namespace ch::storage::hedgesql
