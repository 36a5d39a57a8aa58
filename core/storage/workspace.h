#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace ch::storage {

//! PRAGMA application_id of every ComputeHedge workspace ("CHW1"), so any other SQLite file is
//! refused by name.
inline constexpr std::int32_t kApplicationId = 0x43485731;

//! What open() did to bring an older file up to date.
struct MigrationReport
{
    int fromVersion = 0;
    int toVersion = 0;
    std::filesystem::path backup; //!< "<name>.v<old>.bak", empty when nothing was migrated
};

//! One workspace file (*.chw): the book of record. A SQLite database opened on its own named Qt SQL
//! connection with foreign keys on, WAL journal and synchronous=FULL; its schema is created and
//! upgraded by numbered migrations (resources in core/storage/schema/NNNN_*.sql) tracked with
//! PRAGMA user_version.
//!
//! Invariants: an open Workspace has passed quick_check, carries kApplicationId and the latest
//! schema version. Opening a file that is not a workspace, is truncated or corrupt, or comes from a
//! newer version throws StorageError with a message for people and leaves the file byte-identical.
//! Every repository write runs in one transaction: a crash leaves the last committed state.
//! A Workspace belongs to the thread that opened it (a QSqlDatabase connection does).
class Workspace
{
public:
    //! Creates a new, empty workspace (latest schema, no market data). Refuses an existing file.
    static Workspace create(const std::filesystem::path& file);
    //! Opens an existing workspace, migrating an older schema after copying it to a .bak file.
    static Workspace open(const std::filesystem::path& file);
    //! Creates a new workspace holding the embedded reference market data (indices, history,
    //! contracts, events) and nothing else: what File → New gives a user. Refuses an existing
    //! file; a failure leaves no file behind.
    static Workspace createWithReferenceData(const std::filesystem::path& file);
    //! Creates the demo workspace at `file`: the reference data plus demo content (plan, policy,
    //! users). Refuses an existing file; a failure leaves no file behind.
    static Workspace createDemo(const std::filesystem::path& file);
    //! The schema version this build writes.
    static int latestSchemaVersion();
    //! For migration tests only: creates a workspace file whose schema stops at `version`
    //! (0 = an empty database stamped with kApplicationId) and closes it again, so that open()
    //! can be tested from every past version. Refuses an existing file.
    static void createAtVersionForTesting(const std::filesystem::path& file, int version);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::filesystem::path& path() const;
    int schemaVersion() const;
    const MigrationReport& migration() const;

    //! A consistent copy of the open workspace at `target` (VACUUM INTO a temporary name in the
    //! target folder, then rename). Refuses to overwrite unless `overwrite`.
    void saveCopyAs(const std::filesystem::path& target, bool overwrite = false) const;

    //! Workspace-level settings (key/value), e.g. the user's chosen volume scenario.
    std::optional<std::string> setting(const std::string& key) const;
    void setSetting(const std::string& key, const std::string& value);

    //! Name of the Qt SQL connection; for repositories inside core/storage only.
    const std::string& connectionName() const;

private:
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    static std::unique_ptr<Impl> createAtVersion(const std::filesystem::path& file, int version);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ch::storage
