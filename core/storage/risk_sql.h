#pragma once

// Internal to core/storage: the Qt SQL helpers specific to the risk repository's files
// (risk_repository.cpp, risk_run_store.cpp), on top of the shared ones in repository_sql.h.
// Column conventions are in schema/0004_risk.sql.

#include "domain/dates.h"
#include "risk/factor_params.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "storage/conversions.h"
#include "storage/repository_sql.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace ch::storage::risksql {

//! A REAL bound as is; SQLite stores NaN as NULL, which realOrNan() turns back into NaN.
inline QVariant qreal(double v)
{
    return QVariant::fromValue(v);
}

inline QVariant qoptional(const std::optional<double>& v)
{
    return v ? qreal(*v) : QVariant(QMetaType(QMetaType::Double));
}

//! A REAL column of a risk figure: NULL is the NaN that was written.
inline double realOrNan(const QSqlQuery& row, int column, const std::string& what)
{
    if (row.value(column).isNull())
        return std::numeric_limits<double>::quiet_NaN();
    return reposql::real(row, column, what);
}

inline std::optional<double> optionalReal(const QSqlQuery& row, int column, const std::string& what)
{
    if (row.value(column).isNull())
        return std::nullopt;
    return reposql::real(row, column, what);
}

//! A non-negative count column.
inline std::size_t count(const QSqlQuery& row, int column, const std::string& what)
{
    const std::int64_t i = reposql::integer(row, column, what);
    if (i < 0)
        throw StorageError(what + ": " + std::to_string(i) + " is negative");
    return static_cast<std::size_t>(i);
}

inline QString monthText(Month m)
{
    return QString::fromStdString(formatIsoMonth(m));
}

inline risk::VolumeMode
volumeModeFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = reposql::text(row, column);
    const auto m = risk::parseVolumeMode(code);
    if (!m)
        throw StorageError(what + ": unknown volume mode \"" + code + "\"");
    return *m;
}

inline risk::FactorModel
factorModelFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = reposql::text(row, column);
    risk::FactorModel m{};
    if (!risk::parseFactorModel(code, m))
        throw StorageError(what + ": unknown factor model \"" + code + "\"");
    return m;
}

inline risk::StressKind
stressKindFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    const std::string code = reposql::text(row, column);
    const auto k = risk::parseStressKind(code);
    if (!k)
        throw StorageError(what + ": unknown stress kind \"" + code + "\"");
    return *k;
}

} // namespace ch::storage::risksql
