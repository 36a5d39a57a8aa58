#pragma once

#include "domain/dates.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::trading {

//! One row of the append-only audit log (market.md §4.6 item 4): who, what (before/after), when
//! (UTC), why (comment) and from which host. Rows are chained: each stores the hash of the row
//! before it, and its own hash covers its content and that link, so editing, deleting or
//! reordering rows breaks the chain.
struct AuditEntry
{
    std::int64_t seq = 0; //!< 1, 2, 3, ... without gaps
    Timestamp at;
    std::string user;       //!< login, or "system" / "broker"
    std::string action;     //!< e.g. "order.approve", "user.create", "fix.execution_report"
    std::string objectType; //!< e.g. "order"
    std::string objectId;   //!< e.g. "7"
    std::string before;     //!< canonical text before the change (empty for a creation)
    std::string after;      //!< canonical text after the change
    std::string comment;
    std::string host;
    std::string prevHash; //!< hash of the previous row; kGenesisHash for the first
    std::string hash;     //!< SHA-256 hex of canonicalAuditText(*this)

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

//! prevHash of the first row: 64 zeros.
extern const std::string kGenesisHash;

//! The bytes that are hashed: every field but `hash`, each written as "<name>=<byte
//! length>:<value>\n" so no choice of field contents can make two different rows serialise alike.
std::string canonicalAuditText(const AuditEntry& entry);
//! SHA-256 hex of canonicalAuditText(entry).
std::string computeAuditHash(const AuditEntry& entry);

//! Seals a new row after `previous` (nullptr for the first): sets seq, prevHash and hash.
AuditEntry appendAuditEntry(const AuditEntry* previous, AuditEntry entry);

struct ChainBreak
{
    std::size_t index = 0; //!< position in the vector of the first row that fails
    std::string reason;

    friend bool operator==(const ChainBreak&, const ChainBreak&) = default;
};

//! Verifies a chain read in seq order. Returns the first broken link, or nothing when intact:
//!  - "seq 5 follows seq 3: rows are missing or reordered" (a deleted or moved row),
//!  - "prevHash does not match the hash of seq 4" (a row removed or replaced before it),
//!  - "hash mismatch: the row was edited after it was written".
//! Deleting the newest rows leaves a valid shorter chain; pass the head hash kept elsewhere
//! (e.g. in settings) as `expectedHeadHash` to catch that too.
std::optional<ChainBreak> verifyChain(const std::vector<AuditEntry>& entries,
                                      const std::optional<std::string>& expectedHeadHash = {});

} // namespace ch::trading
