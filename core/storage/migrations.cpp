#include "storage/migrations.h"

#include "storage/conversions.h"
#include "storage/sql_script.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace ch::storage {

std::vector<Migration> embeddedMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    const QStringList names = QDir(QStringLiteral(":/schema")).entryList(QDir::Files, QDir::Name);
    std::vector<Migration> out;
    for (const QString& name : names) {
        const auto match = pattern.match(name);
        require(match.hasMatch(),
                "schema resource '" + toStd(name) + "' is not named NNNN_name.sql");
        const int version = match.captured(1).toInt();
        require(version == static_cast<int>(out.size()) + 1,
                "schema resource '" + toStd(name) + "' should be number "
                    + std::to_string(out.size() + 1) + " (migrations are numbered without gaps)");
        out.push_back({version, QStringLiteral(":/schema/") + name, name});
    }
    require(!out.empty(), "no schema migrations are embedded under :/schema");
    return out;
}

void runMigrations(const QSqlDatabase& db,
                   int fromVersion,
                   int toVersion,
                   const SqlContext& context)
{
    const auto migrations = embeddedMigrations();
    for (const Migration& m : migrations) {
        if (m.version <= fromVersion || m.version > toVersion)
            continue;
        QFile file(m.resource);
        require(file.open(QIODevice::ReadOnly), "cannot read " + toStd(m.resource));
        const QByteArray script = file.readAll();
        const SqlContext step{context.operation + " (schema " + std::to_string(m.version) + ", "
                                  + toStd(m.fileName) + ")",
                              context.file};
        Transaction tx(db, step);
        for (const std::string& statement : splitSqlScript(
                 std::string_view(script.constData(), static_cast<std::size_t>(script.size()))))
            execStatement(db, toQString(statement), step);
        execStatement(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version), step);
        tx.commit();
    }
}

} // namespace ch::storage
