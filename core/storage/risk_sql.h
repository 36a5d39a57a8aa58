#pragma once

// Internal to core/storage: Qt SQL helpers shared by the risk repository's files
// (risk_repository.cpp, risk_run_store.cpp). Column conventions are in schema/0004_risk.sql.

#include "domain/dates.h"
#include "risk/factor_params.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "storage/conversions.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace ch::storage::risksql {

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

//! A REAL bound as is; SQLite stores NaN as NULL, which realOrNan() turns back into NaN.
inline QVariant qreal(double v)
{
    return QVariant::fromValue(v);
}

inline QVariant qoptional(const std::optional<double>& v)
{
    return v ? qreal(*v) : QVariant(QMetaType(QMetaType::Double));
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

//! A REAL column of a risk figure: NULL is the NaN that was written.
inline double realOrNan(const QSqlQuery& row, int column, const std::string& what)
{
    if (row.value(column).isNull())
        return std::numeric_limits<double>::quiet_NaN();
    return real(row, column, what);
}

inline std::optional<double> optionalReal(const QSqlQuery& row, int column, const std::string& what)
{
    if (row.value(column).isNull())
        return std::nullopt;
    return real(row, column, what);
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

//! A non-negative count column.
inline std::size_t count(const QSqlQuery& row, int column, const std::string& what)
{
    const std::int64_t i = integer(row, column, what);
    if (i < 0)
        throw StorageError(what + ": " + std::to_string(i) + " is negative");
    return static_cast<std::size_t>(i);
}

inline QString monthText(Month m)
{
    return QString::fromStdString(formatIsoMonth(m));
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

inline risk::VolumeMode
volumeModeFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = text(row, column);
    const auto m = risk::parseVolumeMode(code);
    if (!m)
        throw StorageError(what + ": unknown volume mode \"" + code + "\"");
    return *m;
}

inline risk::FactorModel
factorModelFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = text(row, column);
    risk::FactorModel m{};
    if (!risk::parseFactorModel(code, m))
        throw StorageError(what + ": unknown factor model \"" + code + "\"");
    return m;
}

inline risk::StressKind
stressKindFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = text(row, column);
    const auto k = risk::parseStressKind(code);
    if (!k)
        throw StorageError(what + ": unknown stress kind \"" + code + "\"");
    return *k;
}

} // namespace ch::storage::risksql
