#pragma once

// Internal to core/storage: the one place where Qt types meet domain types (STYLE.md §1, §7).
// Column conventions: money as INTEGER minor units, unit prices as INTEGER micro-USD, dates as ISO
// TEXT ("2026-03-31"), timestamps as ISO UTC TEXT ("2026-03-31T14:05:09Z"), enums as stable TEXT
// codes. A value that cannot be mapped back is workspace damage and throws StorageError.

#include "domain/dates.h"
#include "domain/error.h"
#include "domain/market.h"
#include "domain/units.h"

#include <QString>
#include <QVariant>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>

namespace ch::storage {

inline QString toQString(const std::string& s)
{
    return QString::fromStdString(s);
}

inline std::string toStd(const QString& s)
{
    return s.toStdString();
}

inline QString toQString(const std::filesystem::path& p)
{
    return QString::fromStdU16String(p.u16string());
}

inline std::filesystem::path toPath(const QString& s)
{
    return std::filesystem::path(s.toStdU16String());
}

//! "q3.chw": how messages name a workspace or an imported file.
inline std::string displayName(const std::filesystem::path& p)
{
    return p.filename().string();
}

inline QString isoText(Date d)
{
    return QString::fromStdString(formatIsoDate(d));
}

//! Reads an ISO date column; `what` names the row for the error ("prices row GPU.H100.NC").
inline Date dateFromColumn(const QVariant& v, const std::string& what)
{
    const std::string text = v.toString().toStdString();
    const auto d = parseIsoDate(text);
    if (!d)
        throw StorageError(what + ": \"" + text + "\" is not an ISO date (YYYY-MM-DD)");
    return *d;
}

//! USD per unit to integer micro-USD, half away from zero (UnitPrice's rounding).
inline std::int64_t usdToMicros(double usd)
{
    return static_cast<std::int64_t>(std::llround(usd * 1e6));
}

//! Integer micro-USD back to USD: the division is correctly rounded, so a price with at most six
//! decimals comes back as exactly the double it was written from.
inline double microsToUsd(std::int64_t micros)
{
    return static_cast<double>(micros) / 1e6;
}

inline const char* indexKindCode(IndexKind k)
{
    return k == IndexKind::GpuRental ? "gpu_rental" : "token_price";
}

inline IndexKind indexKindFromColumn(const QVariant& v, const std::string& what)
{
    const QString code = v.toString();
    if (code == QLatin1String("gpu_rental"))
        return IndexKind::GpuRental;
    if (code == QLatin1String("token_price"))
        return IndexKind::TokenPrice;
    throw StorageError(what + ": unknown index kind \"" + code.toStdString() + "\"");
}

inline Unit unitFromColumn(const QVariant& v, const std::string& what)
{
    Unit u{};
    const std::string code = v.toString().toStdString();
    if (!parseUnitCode(code, u))
        throw StorageError(what + ": unknown unit \"" + code + "\"");
    return u;
}

inline ExchangeStyle exchangeStyleFromColumn(const QVariant& v, const std::string& what)
{
    ExchangeStyle s{};
    const std::string code = v.toString().toStdString();
    if (!parseExchangeStyle(code, s))
        throw StorageError(what + ": unknown exchange style \"" + code + "\"");
    return s;
}

//! A 64-bit unsigned value (the generator seed) as decimal TEXT: SQLite INTEGER is signed.
inline QString uint64Text(std::uint64_t v)
{
    return QString::number(v);
}

inline std::uint64_t uint64FromColumn(const QVariant& v, const std::string& what)
{
    bool ok = false;
    const std::uint64_t value = v.toString().toULongLong(&ok);
    if (!ok)
        throw StorageError(what + ": \"" + v.toString().toStdString()
                           + "\" is not an unsigned 64-bit number");
    return value;
}

} // namespace ch::storage
