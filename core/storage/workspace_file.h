#pragma once

// Internal to core/storage: the checks a file passes before a read-write connection touches it
// (reliability.md §5), so that a refused file is never written.

#include <filesystem>
#include <string>

namespace ch::storage {

//! What the read-only validation found and did.
struct ValidatedFile
{
    int userVersion = 0;
    std::filesystem::path backup; //!< the copy made because userVersion < latest; empty otherwise
};

//! "cannot open workspace 'q3.chw'"
std::string openOperation(const std::filesystem::path& file);

//! Checks, in order and without writing to `file`: it exists and is readable; its first 16 bytes
//! are the SQLite header; a read-only connection finds quick_check "ok", kApplicationId and a
//! user_version no newer than `latestVersion`; the file and its folder are writable. When the
//! schema is older than `latestVersion` it then copies the file to "<name>.v<old>.bak" (never
//! overwriting an existing backup). Sidecar -wal/-shm files created by the read-only connection
//! are removed again. Throws StorageError with a message for people on any failure.
ValidatedFile validateWorkspaceFile(const std::filesystem::path& file, int latestVersion);

//! Checks that `file` can be created (absent, folder exists and is writable) and creates it empty
//! and exclusively, so two callers cannot both create it. Throws StorageError otherwise.
void createEmptyWorkspaceFile(const std::filesystem::path& file);

//! Removes `file` and its -wal/-shm sidecars; used to undo a half-finished create().
void removeWorkspaceFiles(const std::filesystem::path& file);

} // namespace ch::storage
