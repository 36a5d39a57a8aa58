#include "storage/workspace.h"

#include "storage/connection.h"
#include "storage/conversions.h"
#include "storage/migrations.h"
#include "storage/sql.h"
#include "storage/workspace_file.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>

#include <system_error>

namespace ch::storage {

struct Workspace::Impl
{
    std::filesystem::path file;
    Connection connection;
    std::string connectionName;
    int schemaVersion = 0;
    MigrationReport migration;

    Impl(const std::filesystem::path& f, const std::string& operation)
        : file(f)
        , connection(f, Connection::Mode::ReadWrite, operation)
        , connectionName(toStd(connection.name()))
    {}
};

namespace {

//! Per-connection settings, outside any transaction: foreign_keys is silently ignored inside one
//! (reliability.md §4). WAL lets readers and the writer proceed together; synchronous=FULL makes
//! every commit durable on power loss, affordable at a workspace's write rate.
void configureConnection(const QSqlDatabase& db, const SqlContext& context)
{
    execStatement(db, QStringLiteral("PRAGMA foreign_keys = ON"), context);
    if (queryValue(db, QStringLiteral("PRAGMA foreign_keys"), context).toInt() != 1)
        throw StorageError(context.operation + ": SQLite refused to enforce foreign keys");
    const QString mode =
        queryValue(db, QStringLiteral("PRAGMA journal_mode = WAL"), context).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw StorageError(context.operation
                           + ": the folder does not support SQLite's write-ahead log (journal mode "
                           + toStd(mode)
                           + "); network drives often do not. Copy the workspace to a local disk");
    execStatement(db, QStringLiteral("PRAGMA synchronous = FULL"), context);
}

int readUserVersion(const QSqlDatabase& db, const SqlContext& context)
{
    return queryValue(db, QStringLiteral("PRAGMA user_version"), context).toInt();
}

} // namespace

Workspace::Workspace(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

int Workspace::latestSchemaVersion()
{
    return static_cast<int>(embeddedMigrations().size());
}

Workspace Workspace::create(const std::filesystem::path& file)
{
    return Workspace(createAtVersion(file, latestSchemaVersion()));
}

void Workspace::createAtVersionForTesting(const std::filesystem::path& file, int version)
{
    createAtVersion(file, version); // the returned connection closes here
}

std::unique_ptr<Workspace::Impl> Workspace::createAtVersion(const std::filesystem::path& file,
                                                            int version)
{
    require(version >= 0 && version <= latestSchemaVersion(),
            "Workspace::createAtVersion: schema " + std::to_string(version) + " does not exist");
    createEmptyWorkspaceFile(file);
    const SqlContext context{"creating workspace '" + displayName(file) + "'", file};
    try {
        auto impl = std::make_unique<Impl>(file, context.operation);
        const QSqlDatabase db = impl->connection.database();
        configureConnection(db, context);
        {
            Transaction tx(db, context);
            execStatement(
                db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), context);
            tx.commit();
        }
        runMigrations(db, 0, version, context);
        impl->schemaVersion = readUserVersion(db, context);
        // A new file was not upgraded from anything: the report says "nothing migrated".
        impl->migration = MigrationReport{impl->schemaVersion, impl->schemaVersion, {}};
        return impl;
    } catch (...) {
        // The file is ours and half made: remove it rather than leave a broken workspace behind.
        removeWorkspaceFiles(file);
        throw;
    }
}

Workspace Workspace::open(const std::filesystem::path& file)
{
    const int latest = latestSchemaVersion();
    const ValidatedFile validated = validateWorkspaceFile(file, latest);

    const std::string operation = openOperation(file);
    auto impl = std::make_unique<Impl>(file, operation);
    const QSqlDatabase db = impl->connection.database();
    const SqlContext context{operation, file};
    configureConnection(db, context);

    const int found = readUserVersion(db, context);
    if (found > latest)
        throw StorageError(
            operation + ": it was created by a newer version of ComputeHedge (schema "
            + std::to_string(found) + "; this build reads up to " + std::to_string(latest) + ")");
    impl->migration = MigrationReport{found, latest, validated.backup};
    if (found < latest) {
        const SqlContext upgrade{"upgrading workspace '" + displayName(file) + "'", file};
        try {
            runMigrations(db, found, latest, upgrade);
        } catch (const StorageError& e) {
            std::string message = e.what();
            message += "; the workspace was left at schema "
                       + std::to_string(readUserVersion(db, context));
            if (!validated.backup.empty())
                message += " and a copy was saved as '" + displayName(validated.backup) + "'";
            throw StorageError(message);
        }
    }
    impl->schemaVersion = readUserVersion(db, context);
    return Workspace(std::move(impl));
}

const std::filesystem::path& Workspace::path() const
{
    return m_impl->file;
}

int Workspace::schemaVersion() const
{
    return m_impl->schemaVersion;
}

const MigrationReport& Workspace::migration() const
{
    return m_impl->migration;
}

const std::string& Workspace::connectionName() const
{
    return m_impl->connectionName;
}

void Workspace::saveCopyAs(const std::filesystem::path& target, bool overwrite) const
{
    const SqlContext context{"saving a copy of workspace '" + displayName(m_impl->file) + "' as '"
                                 + displayName(target) + "'",
                             target};
    const QFileInfo targetInfo(toQString(target));
    const QFileInfo ownInfo(toQString(m_impl->file));
    if (targetInfo.exists() && targetInfo.canonicalFilePath() == ownInfo.canonicalFilePath())
        throw StorageError(context.operation + ": that is the open workspace itself");
    if (targetInfo.exists() && !overwrite)
        throw StorageError(context.operation + ": a file with that name already exists");
    const std::filesystem::path folder = std::filesystem::absolute(target).parent_path();
    if (!QFileInfo(toQString(folder)).isDir())
        throw StorageError(context.operation + ": the folder '" + folder.string()
                           + "' does not exist");

    // VACUUM INTO writes a consistent, compacted snapshot while the workspace stays open
    // (reliability.md §4). It goes to a temporary name in the target folder and is renamed into
    // place only when complete, so a failure never leaves a half-written file under the name.
    std::filesystem::path temporary = target;
    temporary += ".tmp-" + toStd(QUuid::createUuid().toString(QUuid::WithoutBraces));
    try {
        QSqlQuery q =
            prepareQuery(m_impl->connection.database(), QStringLiteral("VACUUM INTO ?"), context);
        q.addBindValue(toQString(temporary));
        execPrepared(q, context);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    std::error_code ec;
    std::filesystem::rename(temporary, target, ec); // replaces `target` atomically on POSIX
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw StorageError(context.operation + ": " + ec.message());
    }
}

std::optional<std::string> Workspace::setting(const std::string& key) const
{
    const SqlContext context{"reading setting '" + key + "' of workspace '"
                                 + displayName(m_impl->file) + "'",
                             m_impl->file};
    QSqlQuery q = prepareQuery(m_impl->connection.database(),
                               QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                               context);
    q.addBindValue(toQString(key));
    execPrepared(q, context);
    if (!q.next()) {
        if (q.lastError().isValid())
            context.fail(q.lastError());
        return std::nullopt;
    }
    return toStd(q.value(0).toString());
}

void Workspace::setSetting(const std::string& key, const std::string& value)
{
    const SqlContext context{"saving setting '" + key + "' to workspace '"
                                 + displayName(m_impl->file) + "'",
                             m_impl->file};
    QSqlQuery q =
        prepareQuery(m_impl->connection.database(),
                     QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     context);
    q.addBindValue(toQString(key));
    q.addBindValue(toQString(value));
    execPrepared(q, context);
}

} // namespace ch::storage
