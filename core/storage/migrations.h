#pragma once

// Internal to core/storage: the numbered schema scripts embedded as resources under :/schema/.

#include "storage/sql.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace ch::storage {

struct Migration
{
    int version = 0;  //!< the NNNN of NNNN_name.sql; the schema version after it ran
    QString resource; //!< ":/schema/0001_initial.sql"
    QString fileName; //!< "0001_initial.sql"
};

//! Every embedded migration, in order. Throws ch::Error when the scripts are not numbered
//! 1, 2, … N without gaps (a build defect, not a user error).
std::vector<Migration> embeddedMigrations();

//! Runs migrations (from, to] on `db`, each in its own transaction ending with
//! PRAGMA user_version = N, so a failure leaves the file at the last completed version.
void runMigrations(const QSqlDatabase& db,
                   int fromVersion,
                   int toVersion,
                   const SqlContext& context);

} // namespace ch::storage
