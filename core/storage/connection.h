#pragma once

// Internal to core/storage: one named Qt SQL connection to one SQLite file.

#include <QSqlDatabase>
#include <QString>

#include <filesystem>
#include <string>

namespace ch::storage {

//! Owns a uniquely named QSqlDatabase connection (never Qt's default one): it is removed from Qt's
//! registry on destruction, so two workspaces, or the same file opened twice, never share state.
//! ReadWrite connections run `PRAGMA wal_checkpoint(TRUNCATE)` before closing, so a cleanly closed
//! workspace is a single file again.
class Connection
{
public:
    enum class Mode {
        ReadOnly, //!< SQLITE_OPEN_READONLY: the main file is never written
        ReadWrite
    };

    //! Opens `file`; throws StorageError "<operation>: …" when SQLite refuses.
    Connection(const std::filesystem::path& file, Mode mode, const std::string& operation);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    QSqlDatabase database() const;
    const QString& name() const { return m_name; }
    const std::filesystem::path& file() const { return m_file; }

private:
    QString m_name;
    std::filesystem::path m_file;
    Mode m_mode;
};

} // namespace ch::storage
