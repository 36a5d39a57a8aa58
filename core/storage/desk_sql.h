#pragma once

// Internal to core/storage: helpers shared by the trading desk repositories (audit log, users,
// orders and fills, designations), on top of the shared ones in repository_sql.h. Qt stays here
// and in the .cpp files.

#include "domain/dates.h"
#include "domain/error.h"
#include "storage/conversions.h"
#include "storage/repository_sql.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <string>

namespace ch::storage::desk {

using reposql::contextOf;
using reposql::databaseOf;

//! As reposql::forEachRow, and a domain Error raised while mapping a row (a stored value the
//! domain refuses, e.g. an order that breaks an invariant) is workspace damage too, reported with
//! the operation's name.
template <class OnRow>
void forEachRow(QSqlQuery& q, const SqlContext& context, OnRow onRow)
{
    reposql::forEachRow(q, context, [&onRow](QSqlQuery& row) {
        try {
            onRow(row);
        } catch (const Error& e) {
            throw StorageError(e.what());
        }
    });
}

//! An int64 as a QVariant SQLite binds as INTEGER (std::int64_t is `long` here, which Qt's
//! SQLite driver would bind as text).
inline QVariant v64(std::int64_t x)
{
    return QVariant(static_cast<qlonglong>(x));
}

inline QString isoText(Timestamp t)
{
    return QString::fromStdString(formatIsoTimestamp(t));
}

inline QString isoText(Month m)
{
    return QString::fromStdString(formatIsoMonth(m));
}

inline Timestamp timestampFromColumn(const QVariant& v, const std::string& what)
{
    const std::string text = v.toString().toStdString();
    const auto t = parseIsoTimestamp(text);
    if (!t)
        throw StorageError(what + ": \"" + text
                           + "\" is not an ISO UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)");
    return *t;
}

inline std::optional<Timestamp> optionalTimestamp(const QVariant& v, const std::string& what)
{
    if (v.isNull())
        return std::nullopt;
    return timestampFromColumn(v, what);
}

inline Month monthFromColumn(const QVariant& v, const std::string& what)
{
    const std::string text = v.toString().toStdString();
    const auto m = parseIsoMonth(text);
    if (!m)
        throw StorageError(what + ": \"" + text + "\" is not an ISO month (YYYY-MM)");
    return *m;
}

inline std::int64_t int64Of(const QVariant& v)
{
    return v.toLongLong();
}

//! NULL for an absent value.
inline QVariant nullable64(const std::optional<std::int64_t>& v)
{
    return v ? v64(*v) : QVariant();
}

//! Last row id inserted on the workspace's connection.
inline std::int64_t lastInsertId(const QSqlQuery& q)
{
    return q.lastInsertId().toLongLong();
}

} // namespace ch::storage::desk
