#include "trading/audit.h"

#include "security/sha256.h"

namespace ch::trading {

const std::string kGenesisHash(64, '0');

namespace {

void field(std::string& out, const char* name, const std::string& value)
{
    out += name;
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

} // namespace

std::string canonicalAuditText(const AuditEntry& e)
{
    std::string out = "ch-audit-v1\n";
    field(out, "seq", std::to_string(e.seq));
    field(out, "at", formatIsoTimestamp(e.at));
    field(out, "user", e.user);
    field(out, "action", e.action);
    field(out, "object_type", e.objectType);
    field(out, "object_id", e.objectId);
    field(out, "before", e.before);
    field(out, "after", e.after);
    field(out, "comment", e.comment);
    field(out, "host", e.host);
    field(out, "prev_hash", e.prevHash);
    return out;
}

std::string computeAuditHash(const AuditEntry& e)
{
    return security::sha256Hex(canonicalAuditText(e));
}

AuditEntry appendAuditEntry(const AuditEntry* previous, AuditEntry entry)
{
    entry.seq = previous ? previous->seq + 1 : 1;
    entry.prevHash = previous ? previous->hash : kGenesisHash;
    entry.hash = computeAuditHash(entry);
    return entry;
}

std::optional<ChainBreak> verifyChain(const std::vector<AuditEntry>& entries,
                                      const std::optional<std::string>& expectedHeadHash)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries[i];
        const std::int64_t expectedSeq = i == 0 ? 1 : entries[i - 1].seq + 1;
        if (e.seq != expectedSeq)
            return ChainBreak{i,
                              i == 0 ? "the chain starts at seq " + std::to_string(e.seq)
                                           + ", not 1: rows are missing or reordered"
                                     : "seq " + std::to_string(e.seq) + " follows seq "
                                           + std::to_string(entries[i - 1].seq)
                                           + ": rows are missing or reordered"};
        const std::string& expectedPrev = i == 0 ? kGenesisHash : entries[i - 1].hash;
        if (e.prevHash != expectedPrev)
            return ChainBreak{i,
                              i == 0 ? std::string("prevHash of the first row is not the genesis "
                                                   "hash")
                                     : "prevHash does not match the hash of seq "
                                           + std::to_string(entries[i - 1].seq)};
        if (computeAuditHash(e) != e.hash)
            return ChainBreak{i, "hash mismatch: the row was edited after it was written"};
    }
    if (expectedHeadHash) {
        const std::string head = entries.empty() ? kGenesisHash : entries.back().hash;
        if (head != *expectedHeadHash)
            return ChainBreak{entries.size(),
                              "the last row's hash does not match the recorded head: rows "
                              "were removed from the end"};
    }
    return std::nullopt;
}

} // namespace ch::trading
