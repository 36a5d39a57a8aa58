#pragma once

#include "domain/dates.h"

#include <QDate>
#include <QFile>
#include <QString>

#include <filesystem>
#include <string>

// Conversions between core's std types and Qt's, in one place (STYLE.md §1: core is std-only, so
// the boundary code lives in ui).
namespace ch::ui {

inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

inline QDate toQDate(Date d)
{
    return QDate(static_cast<int>(d.year()),
                 static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

//! A file name from a dialog as a filesystem path, in the local 8-bit file-name encoding Qt uses.
inline std::filesystem::path toPath(const QString& file)
{
    return std::filesystem::path(QFile::encodeName(file).toStdString());
}

inline QString fromPath(const std::filesystem::path& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

} // namespace ch::ui
