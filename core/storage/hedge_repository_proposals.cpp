// HedgeRepository: hedge proposals (schema/0005_hedge.sql, tables hedge_proposals and
// hedge_proposal_lines).

#include "domain/error.h"
#include "storage/audit_log.h"
#include "storage/hedge_repository.h"
#include "storage/repository_sql.h"

#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <map>

namespace ch::storage {

using namespace reposql;
using hedging::HedgeProposal;
using hedging::ProposalLine;

namespace {

constexpr const char* kProposalSource = "proposal";
constexpr const char* kIdPrefix = "HP-";

//! "HP-0001: 12 lines, buy 340 / sell 0 contracts, premium 0 USD, policy default v1": what the
//! audit log records of a proposal.
std::string proposalAuditText(const HedgeProposal& p, ProposalStatus status)
{
    ContractCount bought = 0;
    ContractCount sold = 0;
    double premium = 0.0;
    for (const ProposalLine& l : p.lines) {
        if (l.tradeContracts > 0)
            bought += l.tradeContracts;
        else
            sold -= l.tradeContracts;
        premium += l.premiumUsd;
    }
    char premiumText[64];
    std::snprintf(premiumText, sizeof premiumText, "%.2f", premium);
    return p.id + " (" + proposalStatusCode(status) + "): " + std::to_string(p.lines.size())
           + " lines, buy " + std::to_string(bought) + " / sell " + std::to_string(sold)
           + " contracts, premium " + premiumText + " USD, policy " + p.policyId + " v"
           + std::to_string(p.policyVersion) + ", valuation " + formatIsoDate(p.valuationDate);
}

std::vector<StoredProposal> readProposals(const Workspace& ws, const std::optional<std::string>& id)
{
    const auto context = contextOf(ws, "reading the hedge proposals of");
    const QSqlDatabase db = databaseOf(ws);
    const QString where = id ? QStringLiteral(" WHERE id = ?") : QString();
    auto bindId = [&](QSqlQuery& q) {
        if (id)
            q.addBindValue(toQString(*id));
    };
    std::vector<StoredProposal> out;
    std::map<std::string, std::size_t> at;
    forEachRow(db,
               QStringLiteral("SELECT id, policy_id, policy_version, created_by, created_at, "
                              "valuation_date, rationale, status, submitted_by, submitted_at "
                              "FROM hedge_proposals")
                   + where + QStringLiteral(" ORDER BY created_at, id"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   StoredProposal s;
                   HedgeProposal& p = s.proposal;
                   p.id = text(row, 0);
                   const std::string what = "hedge proposal " + p.id;
                   p.policyId = text(row, 1);
                   p.policyVersion = static_cast<int>(integer(row, 2, what));
                   p.createdBy = text(row, 3);
                   p.createdAt = timestampFromColumn(row, 4, what);
                   p.valuationDate = dateFromColumn(row.value(5), what);
                   p.rationale = text(row, 6);
                   const auto status = parseProposalStatus(text(row, 7));
                   if (!status)
                       throw StorageError(what + ": unknown status \"" + text(row, 7) + "\"");
                   s.status = *status;
                   s.submittedBy = text(row, 8);
                   if (!row.value(9).isNull())
                       s.submittedAt = timestampFromColumn(row, 9, what);
                   at[p.id] = out.size();
                   out.push_back(std::move(s));
               });
    const QString lineWhere = id ? QStringLiteral(" WHERE proposal_id = ?") : QString();
    forEachRow(
        db,
        QStringLiteral("SELECT proposal_id, month, exposure_index_id, resource, symbol, "
                       "instrument, contracts, trade_contracts, forward_usd, call_strike_usd, "
                       "put_strike_usd, premium_usd, hedged_units FROM hedge_proposal_lines")
            + lineWhere + QStringLiteral(" ORDER BY proposal_id, position"),
        context,
        bindId,
        [&](const QSqlQuery& row) {
            const std::string pid = text(row, 0);
            const std::string what = "hedge proposal " + pid + " line";
            const auto it = at.find(pid);
            if (it == at.end())
                throw StorageError(what + " belongs to no stored proposal");
            ProposalLine l;
            l.month = monthFromColumn(row, 1, what);
            l.exposureIndexId = text(row, 2);
            l.resource = text(row, 3);
            l.symbol = text(row, 4);
            const auto instrument = hedging::parseInstrumentType(text(row, 5));
            if (!instrument)
                throw StorageError(what + ": unknown instrument \"" + text(row, 5) + "\"");
            l.instrument = *instrument;
            l.contracts = integer(row, 6, what);
            l.tradeContracts = integer(row, 7, what);
            l.forwardUsd = real(row, 8, what);
            l.callStrikeUsd = real(row, 9, what);
            l.putStrikeUsd = real(row, 10, what);
            l.premiumUsd = real(row, 11, what);
            l.hedgedUnits = real(row, 12, what);
            out[it->second].proposal.lines.push_back(std::move(l));
        });
    return out;
}

bool policyVersionExists(const Workspace& ws, const std::string& policyId, int version)
{
    bool found = false;
    forEachRow(
        databaseOf(ws),
        QStringLiteral("SELECT 1 FROM hedge_policies WHERE policy_id = ? AND version = ?"),
        contextOf(ws, "reading the hedge policies of"),
        [&](QSqlQuery& q) {
            q.addBindValue(toQString(policyId));
            q.addBindValue(version);
        },
        [&](const QSqlQuery&) { found = true; });
    return found;
}

} // namespace

std::string HedgeRepository::nextProposalId() const
{
    long long highest = 0;
    forEachRow(
        databaseOf(m_workspace),
        QStringLiteral("SELECT id FROM hedge_proposals WHERE id LIKE 'HP-%'"),
        contextOf(m_workspace, "reading the hedge proposals of"),
        noBinding,
        [&](const QSqlQuery& row) {
            const std::string id = text(row, 0).substr(3);
            if (!id.empty()
                && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })
                && id.size() < 18)
                highest = std::max(highest, std::stoll(id));
        });
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%04lld", kIdPrefix, highest + 1);
    return buffer;
}

std::vector<Issue> HedgeRepository::saveProposal(const HedgeProposal& p, ProposalStatus status)
{
    const auto context = contextOf(m_workspace, "saving hedge proposal '" + p.id + "' to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    std::vector<Issue> issues = hedging::validateProposal(p);
    if (p.id.empty())
        issues.push_back(Issue{kProposalSource, 0, "id", Severity::Error, "is empty"});
    else if (!readProposals(m_workspace, p.id).empty())
        issues.push_back(Issue{kProposalSource,
                               0,
                               "id",
                               Severity::Error,
                               "\"" + p.id + "\" is already used by a saved proposal"});
    if (p.createdBy.empty())
        issues.push_back(Issue{
            kProposalSource, 0, "created by", Severity::Error, "is empty; say who proposes it"});
    if (!policyVersionExists(m_workspace, p.policyId, p.policyVersion))
        issues.push_back(Issue{kProposalSource,
                               0,
                               "policy",
                               Severity::Error,
                               "policy " + p.policyId + " version "
                                   + std::to_string(p.policyVersion)
                                   + " is not stored in this workspace; save the policy first"});
    if (std::any_of(issues.begin(), issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }))
        return issues; // rolled back: nothing written

    QSqlQuery h =
        prepareQuery(db,
                     QStringLiteral("INSERT INTO hedge_proposals (id, policy_id, "
                                    "policy_version, created_by, created_at, "
                                    "valuation_date, rationale, status, submitted_by, "
                                    "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     context);
    h.addBindValue(toQString(p.id));
    h.addBindValue(toQString(p.policyId));
    h.addBindValue(p.policyVersion);
    h.addBindValue(toQString(p.createdBy));
    h.addBindValue(timestampText(p.createdAt));
    h.addBindValue(isoText(p.valuationDate));
    h.addBindValue(toQString(p.rationale));
    h.addBindValue(QString::fromLatin1(proposalStatusCode(status)));
    const bool submitted = status == ProposalStatus::Submitted;
    h.addBindValue(submitted ? toQString(p.createdBy) : QVariant(QMetaType(QMetaType::QString)));
    h.addBindValue(submitted ? timestampText(p.createdAt)
                             : QVariant(QMetaType(QMetaType::QString)));
    execPrepared(h, context);
    QSqlQuery l = prepareQuery(
        db,
        QStringLiteral(
            "INSERT INTO hedge_proposal_lines (proposal_id, position, month, "
            "exposure_index_id, resource, symbol, instrument, contracts, "
            "trade_contracts, forward_usd, call_strike_usd, put_strike_usd, "
            "premium_usd, hedged_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const ProposalLine& x = p.lines[i];
        l.addBindValue(toQString(p.id));
        l.addBindValue(qint(static_cast<std::int64_t>(i)));
        l.addBindValue(QString::fromStdString(formatIsoMonth(x.month)));
        l.addBindValue(toQString(x.exposureIndexId));
        l.addBindValue(toQString(x.resource));
        l.addBindValue(toQString(x.symbol));
        l.addBindValue(QString::fromLatin1(hedging::instrumentTypeCode(x.instrument)));
        l.addBindValue(qint(x.contracts));
        l.addBindValue(qint(x.tradeContracts));
        l.addBindValue(x.forwardUsd);
        l.addBindValue(x.callStrikeUsd);
        l.addBindValue(x.putStrikeUsd);
        l.addBindValue(x.premiumUsd);
        l.addBindValue(x.hedgedUnits);
        execPrepared(l, context);
    }
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{p.createdBy,
                            "hedge_proposal.save",
                            "hedge_proposal",
                            p.id,
                            {},
                            proposalAuditText(p, status),
                            p.rationale},
                p.createdAt);
    tx.commit();
    return issues;
}

std::vector<StoredProposal> HedgeRepository::loadProposals() const
{
    return readProposals(m_workspace, std::nullopt);
}

std::optional<StoredProposal> HedgeRepository::proposal(const std::string& id) const
{
    std::vector<StoredProposal> found = readProposals(m_workspace, id);
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

void HedgeRepository::submitProposal(const std::string& id, const std::string& user, Timestamp at)
{
    require(!user.empty(), "submitProposal: no user");
    const auto context = contextOf(m_workspace, "submitting hedge proposal '" + id + "' in");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    const std::optional<StoredProposal> before = proposal(id);
    require(before.has_value(), "submitProposal: there is no hedge proposal \"" + id + "\"");
    require(before->status == ProposalStatus::Draft,
            "submitProposal: hedge proposal \"" + id + "\" was already submitted");
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("UPDATE hedge_proposals SET status = 'submitted', "
                                              "submitted_by = ?, submitted_at = ? WHERE id = ?"),
                               context);
    q.addBindValue(toQString(user));
    q.addBindValue(timestampText(at));
    q.addBindValue(toQString(id));
    execPrepared(q, context);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{user,
                            "hedge_proposal.submit",
                            "hedge_proposal",
                            id,
                            proposalAuditText(before->proposal, ProposalStatus::Draft),
                            proposalAuditText(before->proposal, ProposalStatus::Submitted),
                            {}},
                at);
    tx.commit();
}

} // namespace ch::storage
