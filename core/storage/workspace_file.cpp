#include "storage/workspace_file.h"

#include "storage/connection.h"
#include "storage/conversions.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <cstdio>
#include <system_error>

namespace ch::storage {

namespace {

std::filesystem::path withSuffix(const std::filesystem::path& file, const std::string& suffix)
{
    std::filesystem::path p = file;
    p += suffix;
    return p;
}

std::string hex32(std::int32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
    return buf;
}

//! Honours the read-only mark on a file or folder even for an administrator, whom access(2)
//! would let write anyway: the user set it, so we do not write there.
bool isMarkedWritable(const QFileInfo& info)
{
    constexpr auto anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite) != 0;
}

//! A read-only connection to a WAL-mode file still creates the -wal and -shm sidecars (and cannot
//! remove them on close). This guard notes which sidecars existed before and, once the
//! connection is gone, removes the ones it created, so a refused file is left exactly as found.
class SidecarGuard
{
public:
    explicit SidecarGuard(const std::filesystem::path& file)
        : m_wal(withSuffix(file, "-wal"))
        , m_shm(withSuffix(file, "-shm"))
        , m_walExisted(std::filesystem::exists(m_wal))
        , m_shmExisted(std::filesystem::exists(m_shm))
    {}
    ~SidecarGuard()
    {
        std::error_code ec;
        // A -wal with content was not made by a read-only connection: another process is using
        // the workspace, and its sidecars must stay.
        if (!m_walExisted && std::filesystem::exists(m_wal, ec)) {
            if (std::filesystem::file_size(m_wal, ec) != 0 || ec)
                return;
            std::filesystem::remove(m_wal, ec);
        }
        if (!m_shmExisted)
            std::filesystem::remove(m_shm, ec);
    }
    SidecarGuard(const SidecarGuard&) = delete;
    SidecarGuard& operator=(const SidecarGuard&) = delete;

    //! True when committed transactions may still sit in the log, so the main file alone is not
    //! a consistent copy.
    bool walHasContent() const
    {
        std::error_code ec;
        return m_walExisted && std::filesystem::file_size(m_wal, ec) > 0 && !ec;
    }

private:
    std::filesystem::path m_wal;
    std::filesystem::path m_shm;
    bool m_walExisted;
    bool m_shmExisted;
};

void checkReadableSqliteFile(const std::filesystem::path& file, const std::string& operation)
{
    const QFileInfo info(toQString(file));
    if (!info.exists())
        throw StorageError(operation + ": the file does not exist (" + file.string() + ")");
    if (info.isDir())
        throw StorageError(operation + ": '" + file.string()
                           + "' is a folder, not a workspace file");
    QFile f(toQString(file));
    if (!f.open(QIODevice::ReadOnly))
        throw StorageError(operation + ": cannot read the file (" + toStd(f.errorString()) + ")");
    const QByteArray header = f.read(16);
    if (header.isEmpty() && f.atEnd())
        throw StorageError(operation + ": not a ComputeHedge workspace (the file is empty)");
    // Every SQLite 3 database starts with these 16 bytes (sqlite.org/fileformat.html §1.3).
    static const QByteArray kSqliteMagic("SQLite format 3\0", 16);
    if (header != kSqliteMagic)
        throw StorageError(operation
                           + ": not a ComputeHedge workspace (the file is not a SQLite database)");
}

void checkQuickCheck(const QSqlDatabase& db, const SqlContext& context)
{
    // quick_check returns exactly one row "ok" for a healthy file and diagnostic rows otherwise
    // (reliability.md §5); a failing exec is damage too.
    QSqlQuery q = execStatement(db, QStringLiteral("PRAGMA quick_check"), context);
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString();
    if (q.lastError().isValid())
        context.fail(q.lastError());
    if (rows == QStringList{QStringLiteral("ok")})
        return;
    // quick_check's rows contain line breaks; the message stays on one line.
    QStringList shown = rows.mid(0, 3);
    if (rows.size() > 3)
        shown << QStringLiteral("… (%1 more)").arg(rows.size() - 3);
    for (QString& row : shown)
        row.replace(QLatin1Char('\n'), QLatin1String("; "));
    throw StorageError(context.operation
                       + ": the workspace is damaged; restore it from a backup copy. Details: "
                       + context.file.string() + ": quick_check: "
                       + toStd(rows.isEmpty() ? QStringLiteral("no result") : shown.join("; ")));
}

void checkWritable(const std::filesystem::path& file, const std::string& operation)
{
    if (!isMarkedWritable(QFileInfo(toQString(file))))
        throw StorageError(operation
                           + ": the file is read-only; make it writable or copy it to a folder you "
                             "can write to");
    const std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
    if (!isMarkedWritable(QFileInfo(toQString(folder))))
        throw StorageError(operation + ": the folder '" + folder.string()
                           + "' is read-only; ComputeHedge keeps a write-ahead log next to the "
                             "workspace, so copy it to a folder you can write to");
}

std::filesystem::path freeBackupName(const std::filesystem::path& file, int oldVersion)
{
    const std::string base = ".v" + std::to_string(oldVersion);
    std::filesystem::path candidate = withSuffix(file, base + ".bak");
    for (int n = 2; std::filesystem::exists(candidate); ++n)
        candidate = withSuffix(file, base + "-" + std::to_string(n) + ".bak");
    return candidate;
}

std::filesystem::path
backUp(const QSqlDatabase& db, const std::filesystem::path& file, int oldVersion, bool viaSqlite)
{
    const std::filesystem::path backup = freeBackupName(file, oldVersion);
    const SqlContext context{"backing up workspace '" + displayName(file) + "' to '"
                                 + displayName(backup) + "' before upgrading it",
                             file};
    if (viaSqlite) {
        // Committed transactions still in the -wal file: only SQLite sees the consistent state.
        QSqlQuery q = prepareQuery(db, QStringLiteral("VACUUM INTO ?"), context);
        q.addBindValue(toQString(backup));
        execPrepared(q, context);
        return backup;
    }
    QFile source(toQString(file));
    if (!source.copy(toQString(backup)))
        throw StorageError(context.operation + ": " + toStd(source.errorString()));
    return backup;
}

} // namespace

std::string openOperation(const std::filesystem::path& file)
{
    return "cannot open workspace '" + displayName(file) + "'";
}

ValidatedFile validateWorkspaceFile(const std::filesystem::path& file, int latestVersion)
{
    const std::string operation = openOperation(file);
    checkReadableSqliteFile(file, operation);

    const SidecarGuard sidecars(file);
    const Connection connection(file, Connection::Mode::ReadOnly, operation);
    const QSqlDatabase db = connection.database();
    const SqlContext context{operation, file};

    checkQuickCheck(db, context);
    const auto applicationId =
        static_cast<std::int32_t>(queryValue(db, "PRAGMA application_id", context).toInt());
    if (applicationId != kApplicationId)
        throw StorageError(operation + ": not a ComputeHedge workspace (application_id "
                           + hex32(applicationId) + ", expected " + hex32(kApplicationId) + ")");
    ValidatedFile out;
    out.userVersion = queryValue(db, "PRAGMA user_version", context).toInt();
    if (out.userVersion > latestVersion)
        throw StorageError(operation
                           + ": it was created by a newer version of ComputeHedge (schema "
                           + std::to_string(out.userVersion) + "; this build reads up to "
                           + std::to_string(latestVersion) + ")");
    if (out.userVersion < 0)
        throw StorageError(operation + ": not a ComputeHedge workspace (schema version "
                           + std::to_string(out.userVersion) + ")");
    checkWritable(file, operation);
    if (out.userVersion < latestVersion)
        out.backup = backUp(db, file, out.userVersion, sidecars.walHasContent());
    return out;
}

void createEmptyWorkspaceFile(const std::filesystem::path& file)
{
    const std::string operation = "cannot create workspace '" + displayName(file) + "'";
    const QFileInfo info(toQString(file));
    if (info.exists() || info.isSymLink())
        throw StorageError(operation + ": a file with that name already exists");
    const std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
    const QFileInfo folderInfo(toQString(folder));
    if (!folderInfo.isDir())
        throw StorageError(operation + ": the folder '" + folder.string() + "' does not exist");
    if (!isMarkedWritable(folderInfo))
        throw StorageError(operation + ": the folder '" + folder.string() + "' is read-only");
    QFile f(toQString(file));
    // NewOnly is O_EXCL: if another process created the file since the check, this fails.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw StorageError(operation + ": " + toStd(f.errorString()));
}

void removeWorkspaceFiles(const std::filesystem::path& file)
{
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(withSuffix(file, "-wal"), ec);
    std::filesystem::remove(withSuffix(file, "-shm"), ec);
}

} // namespace ch::storage
