#pragma once

// Internal to core/storage: Qt SQL helpers that turn every failed exec()/commit() into a
// StorageError naming the operation and the workspace, with SQLite's own text (STYLE.md §4).

#include "domain/error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <filesystem>
#include <string>

namespace ch::storage {

//! The user-facing explanation of a SQLite result code (primary or extended), following
//! reliability.md §5; empty when there is nothing better to say than SQLite's own text.
std::string sqliteHint(int nativeCode);

//! "<operation>: <hint>. Details: <file>: <SQLite text> (SQLite code N)", or without the hint part
//! "<operation>: <SQLite text> (SQLite code N)" when the code has no hint.
std::string failureMessage(const std::string& operation,
                           const std::filesystem::path& file,
                           const QSqlError& error);

//! What a statement is for, so that a failure can be reported: "importing prices.csv into
//! workspace 'q3.chw'" plus the file (for the details section).
struct SqlContext
{
    std::string operation;
    std::filesystem::path file;

    [[noreturn]] void fail(const QSqlError& error) const;
};

//! Prepares `sql` on `db`; throws StorageError on failure.
QSqlQuery prepareQuery(const QSqlDatabase& db, const QString& sql, const SqlContext& context);
//! Executes a prepared query; throws StorageError on failure.
void execPrepared(QSqlQuery& query, const SqlContext& context);
//! Executes one statement without parameters (pragmas, DDL); throws StorageError on failure.
QSqlQuery execStatement(const QSqlDatabase& db, const QString& sql, const SqlContext& context);
//! Runs a single-value statement such as `PRAGMA user_version` and returns the first column of the
//! first row; throws StorageError when it fails or returns no row.
QVariant queryValue(const QSqlDatabase& db, const QString& sql, const SqlContext& context);

//! One write transaction: `BEGIN IMMEDIATE` on construction (takes the write lock up front, so a
//! reader that later writes never meets SQLITE_BUSY on lock upgrade), ROLLBACK on destruction
//! unless commit() succeeded. commit() checks the result and throws StorageError on failure.
class Transaction
{
public:
    Transaction(const QSqlDatabase& db, SqlContext context);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    const SqlContext& context() const { return m_context; }

private:
    QSqlDatabase m_db;
    SqlContext m_context;
    bool m_open = false;
};

} // namespace ch::storage
