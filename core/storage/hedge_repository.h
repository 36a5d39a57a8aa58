#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "hedging/policy.h"
#include "hedging/positions.h"
#include "hedging/proposal.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::storage {

class Workspace;

// Hedge policies and hedge proposals kept in the workspace (schema/0005_hedge.sql; docs/hedging.md,
// "Using it").

//! Where a saved proposal stands. A draft is kept for later; a submitted proposal is ready for the
//! trading desk to turn into orders (it is no longer edited). Stable codes "draft", "submitted".
enum class ProposalStatus : std::uint8_t { Draft, Submitted };
const char* proposalStatusCode(ProposalStatus s);
std::optional<ProposalStatus> parseProposalStatus(std::string_view code);

//! A proposal as stored, with its status and who submitted it.
struct StoredProposal
{
    hedging::HedgeProposal proposal;
    ProposalStatus status = ProposalStatus::Draft;
    std::string submittedBy;              //!< empty while a draft
    std::optional<Timestamp> submittedAt; //!< nullopt while a draft

    friend bool operator==(const StoredProposal&, const StoredProposal&) = default;
};

//! The hedge tables of a workspace.
//!
//! Policies are versioned: every saved edit is a new row (policy id, version + 1, author, time),
//! never an update, so the history is the rows themselves and a proposal can always name the
//! version it was built under. The current version of a policy is its highest version. Each write
//! is one BEGIN IMMEDIATE transaction together with its audit entry (AuditLog, action
//! "hedge_policy.save" / "hedge_proposal.save" / "hedge_proposal.submit"); a failure throws
//! StorageError and leaves the workspace as it was. Reads return exactly the values written
//! (ratios and USD are REAL, so doubles round-trip bit for bit).
class HedgeRepository
{
public:
    explicit HedgeRepository(Workspace& workspace);

    //! Every stored version of every policy, by policy id then version.
    std::vector<hedging::HedgePolicy> loadPolicies() const;
    //! The current (highest) version of each policy, by policy id.
    std::vector<hedging::HedgePolicy> currentPolicies() const;
    //! The current version of the policy whose current version is called `name`; when none is,
    //! the current version of the policy with id `name`; nullopt when neither exists.
    std::optional<hedging::HedgePolicy> currentPolicy(const std::string& name) const;
    //! Every version of the policy `policyId`, oldest first (empty when unknown).
    std::vector<hedging::HedgePolicy> policyHistory(const std::string& policyId) const;

    //! Saves `edited` as the next version of the policy `edited.id` (version 1 for a new id), by
    //! `author` at `at`. The policy is checked first with hedging::validatePolicy against the
    //! workspace's contracts; an empty author, a name already used by another policy, or an
    //! error of any kind is refused and nothing is written (the issues say why, naming the field:
    //! `policy: bucket 2 (4–12 months): max 30% is below min 50%`). A policy equal to the current
    //! version in everything but version, author and time is not saved again (a warning says so).
    //! The value is the version saved, or the current one (or `edited`) when nothing was written.
    Parsed<hedging::HedgePolicy>
    savePolicyVersion(const hedging::HedgePolicy& edited, const std::string& author, Timestamp at);

    //! "HP-0001", "HP-0002", ...: one above the highest numbered proposal id stored.
    std::string nextProposalId() const;
    //! Saves a new proposal with `status`. Refused with Issues (nothing written): the problems of
    //! hedging::validateProposal, a policy version the workspace does not hold (source "proposal",
    //! field "policy"), an id already used (field "id").
    std::vector<Issue> saveProposal(const hedging::HedgeProposal& proposal, ProposalStatus status);
    //! Every proposal with its lines, by creation time then id.
    std::vector<StoredProposal> loadProposals() const;
    std::optional<StoredProposal> proposal(const std::string& id) const;
    //! Marks a draft as submitted by `user` at `at`. Throws ch::Error when the proposal does not
    //! exist or was already submitted.
    void submitProposal(const std::string& id, const std::string& user, Timestamp at);

private:
    Workspace& m_workspace;
};

//! The open trading positions (not settled, non-zero) as the hedging module sees them: futures by
//! symbol and delivery month, signed contracts (trading::Position::netQty).
std::vector<hedging::ExistingPosition> loadExistingPositions(Workspace& workspace);

//! The demo workspace's hedge policy: hedging::defaultPolicy named kDemoPolicyName, authored by
//! "admin" at 00:00 UTC of the dataset's valuation date (called from seedDemoContent).
void seedDemoHedgePolicy(Workspace& workspace, const MarketDataSet& market);
inline constexpr const char* kDemoPolicyName = "Default layered policy";

//! One line of canonical text for the audit log: id, version, name, buckets, rules, limits,
//! budget, scenario, rounding and strikes, e.g. `default v2 "Default layered policy": buckets
//! 0-3 60/75/90%, 4-12 30/50/70%, 13-36 0/25/40%; rules *: future on any; ...`.
std::string policyAuditText(const hedging::HedgePolicy& policy);

} // namespace ch::storage
