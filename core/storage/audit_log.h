#pragma once

#include "domain/dates.h"
#include "trading/audit.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;
class Transaction;

//! What a change records in the audit log; AuditLog adds seq, host, prevHash and hash.
//! `before`/`after` are canonical one-line texts (e.g. trading::orderAuditText), empty for a
//! creation or deletion.
struct AuditRecord
{
    std::string user;       //!< login, or "system" / "broker"
    std::string action;     //!< "order.approve", "user.create", "plan.save", ...
    std::string objectType; //!< "order", "user", "plan", ...
    std::string objectId;
    std::string before;
    std::string after;
    std::string comment;
};

//! The newest row as recorded in table audit_head (written with every append).
struct AuditHead
{
    std::int64_t lastSeq = 0;
    std::string hash; //!< trading::kGenesisHash while the log is empty

    friend bool operator==(const AuditHead&, const AuditHead&) = default;
};

//! Outcome of AuditLog::verify().
struct AuditVerification
{
    std::size_t entries = 0;
    AuditHead head;                        //!< as recorded
    std::optional<std::int64_t> brokenSeq; //!< the first seq whose link is broken
    std::string reason;                    //!< why, empty when intact

    bool intact() const { return !brokenSeq.has_value(); }
};

//! Narrows AuditLog::entries(); empty fields match everything.
struct AuditFilter
{
    std::string text;       //!< case-insensitive substring of user, action, object, before,
                            //!< after or comment
    std::string user;       //!< exact login
    std::string objectType; //!< exact
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
};

//! The workspace's append-only, hash-chained audit log (trading/audit.h; market.md §4.6 item 4).
//!
//! Responsibility: seal and store rows so that each row and the head record (audit_head) are
//! written in the transaction of the change they describe: a change and its audit entry are
//! committed together or not at all. Rows are never updated or deleted (SQL triggers refuse it);
//! verify() recomputes the chain and compares its end with audit_head, so an edited, deleted
//! (including the newest), inserted or reordered row is reported with the first broken seq.
//! The host column is the machine's host name (QSysInfo::machineHostName).
//!
//! Limitation: whoever can write the file can rebuild the whole chain and the head. Recording the
//! head hash elsewhere (`computehedge-cli audit verify` prints it; pass it back with
//! `--expect-head`) closes that gap.
class AuditLog
{
public:
    explicit AuditLog(Workspace& workspace);

    //! Appends `record` inside the caller's open transaction on this workspace (the Transaction
    //! is the proof that one is open; other repositories in core/storage pass theirs). The row
    //! and the head update roll back with the caller's change. Throws StorageError.
    trading::AuditEntry append(Transaction& tx, const AuditRecord& record, Timestamp at);
    //! Appends in a transaction of its own (for events with no other write, e.g. a refused login).
    trading::AuditEntry append(const AuditRecord& record, Timestamp at);

    //! Rows in seq order, filtered.
    std::vector<trading::AuditEntry> entries(const AuditFilter& filter = {}) const;
    std::size_t size() const;
    AuditHead head() const;
    //! Recomputes the whole chain against the head record; `expectedHeadHash`, when given, is a
    //! head recorded outside the workspace and must equal the newest row's hash too.
    AuditVerification verify(const std::optional<std::string>& expectedHeadHash = {}) const;

    //! Every row as CSV (RFC 4180; header seq,at,user,action,object_type,object_id,before,after,
    //! comment,host,prev_hash,hash), written to a temporary name and renamed into place.
    void exportCsv(const std::filesystem::path& file) const;

    //! The host name recorded in new rows.
    static std::string hostName();

private:
    trading::AuditEntry appendRow(const AuditRecord& record, Timestamp at);
    std::optional<AuditHead> readHead() const;
    Workspace& m_workspace;
};

} // namespace ch::storage
