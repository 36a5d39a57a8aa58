#include "storage/hedge_repository.h"

#include "domain/error.h"
#include "storage/audit_log.h"
#include "storage/market_data_repository.h"
#include "storage/repository_sql.h"
#include "storage/trading_repository.h"

#include <QSqlQuery>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

namespace ch::storage {

using namespace reposql;
using hedging::HedgePolicy;

namespace {

constexpr const char* kPolicySource = "policy";

Issue policyError(std::string field, std::string message)
{
    return Issue{kPolicySource, 0, std::move(field), Severity::Error, std::move(message)};
}

std::string joinCodes(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& s : items) {
        if (!out.empty())
            out += ',';
        out += s;
    }
    return out;
}

std::vector<std::string> splitCodes(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::size_t end = comma == std::string::npos ? text.size() : comma;
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string instrumentCodes(const hedging::ResourceRule& r)
{
    std::vector<std::string> codes;
    for (const hedging::HedgeInstrumentType t : r.instruments)
        codes.push_back(hedging::instrumentTypeCode(t));
    return joinCodes(codes);
}

// Whole percent without trailing zeros, for the compact bucket text ("60/75/90%").
std::string percentNumber(double ratio)
{
    std::string s = hedging::formatPercent(ratio);
    if (!s.empty() && s.back() == '%')
        s.pop_back();
    return s;
}

//! The policy without its version stamp, to tell an edit from a re-save of the same content.
HedgePolicy contentOf(HedgePolicy p)
{
    p.version = 0;
    p.author.clear();
    p.savedAt = Timestamp{};
    return p;
}

//! Reads every version (all policies, or one id), children included, ordered by id and version.
std::vector<HedgePolicy> readPolicies(const Workspace& ws, const std::optional<std::string>& id)
{
    const auto context = contextOf(ws, "reading the hedge policies of");
    const QSqlDatabase db = databaseOf(ws);
    const QString where = id ? QStringLiteral(" WHERE policy_id = ?") : QString();
    auto bindId = [&](QSqlQuery& q) {
        if (id)
            q.addBindValue(toQString(*id));
    };
    std::vector<HedgePolicy> out;
    std::map<std::pair<std::string, int>, std::size_t> at;
    forEachRow(db,
               QStringLiteral("SELECT policy_id, version, name, author, saved_at, "
                              "max_contracts_per_month, max_contracts_per_contract_month, "
                              "max_premium_usd, volume_scenario, rounding, call_strike_fraction, "
                              "put_strike_fraction FROM hedge_policies")
                   + where + QStringLiteral(" ORDER BY policy_id, version"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   HedgePolicy p;
                   p.id = text(row, 0);
                   p.version = static_cast<int>(integer(row, 1, "hedge policy " + p.id));
                   const std::string what =
                       "hedge policy " + p.id + " version " + std::to_string(p.version);
                   p.name = text(row, 2);
                   p.author = text(row, 3);
                   p.savedAt = timestampFromColumn(row, 4, what);
                   p.maxContractsPerMonth = integer(row, 5, what);
                   p.maxContractsPerContractMonth = integer(row, 6, what);
                   p.maxPremiumUsd = real(row, 7, what);
                   const auto scenario = parseScenario(text(row, 8));
                   if (!scenario)
                       throw StorageError(what + ": unknown volume scenario \"" + text(row, 8)
                                          + "\"");
                   p.volumeScenario = *scenario;
                   const auto rounding = hedging::parseRoundingPolicy(text(row, 9));
                   if (!rounding)
                       throw StorageError(what + ": unknown rounding \"" + text(row, 9) + "\"");
                   p.rounding = *rounding;
                   p.strikes.callStrikeFraction = real(row, 10, what);
                   p.strikes.putStrikeFraction = real(row, 11, what);
                   p.buckets.clear();
                   p.rules.clear();
                   at[{p.id, p.version}] = out.size();
                   out.push_back(std::move(p));
               });
    auto owner = [&](const QSqlQuery& row, const std::string& table) -> HedgePolicy& {
        const std::string pid = text(row, 0);
        const int version = static_cast<int>(integer(row, 1, table + " of " + pid));
        const auto it = at.find({pid, version});
        if (it == at.end())
            throw StorageError(table + " of " + pid + " version " + std::to_string(version)
                               + " belongs to no stored policy");
        return out[it->second];
    };
    forEachRow(db,
               QStringLiteral("SELECT policy_id, version, from_month, to_month, min_ratio, "
                              "target_ratio, max_ratio FROM hedge_policy_buckets")
                   + where + QStringLiteral(" ORDER BY policy_id, version, position"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   HedgePolicy& p = owner(row, "hedge policy bucket");
                   const std::string what = "hedge policy " + p.id + " bucket";
                   p.buckets.push_back({static_cast<int>(integer(row, 2, what)),
                                        static_cast<int>(integer(row, 3, what)),
                                        real(row, 4, what),
                                        real(row, 5, what),
                                        real(row, 6, what)});
               });
    forEachRow(db,
               QStringLiteral("SELECT policy_id, version, resource, instruments, symbols "
                              "FROM hedge_policy_rules")
                   + where + QStringLiteral(" ORDER BY policy_id, version, position"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   HedgePolicy& p = owner(row, "hedge policy rule");
                   hedging::ResourceRule rule;
                   rule.resource = text(row, 2);
                   for (const std::string& code : splitCodes(text(row, 3))) {
                       const auto t = hedging::parseInstrumentType(code);
                       if (!t)
                           throw StorageError("hedge policy " + p.id + " rule " + rule.resource
                                              + ": unknown instrument \"" + code + "\"");
                       rule.instruments.push_back(*t);
                   }
                   rule.symbols = splitCodes(text(row, 4));
                   p.rules.push_back(std::move(rule));
               });
    return out;
}

std::vector<HedgePolicy> currentOf(std::vector<HedgePolicy> all)
{
    // Rows come ordered by id then version, so the last of each id is its current version.
    std::vector<HedgePolicy> out;
    for (HedgePolicy& p : all) {
        if (!out.empty() && out.back().id == p.id)
            out.back() = std::move(p);
        else
            out.push_back(std::move(p));
    }
    return out;
}

void insertPolicy(const QSqlDatabase& db, const SqlContext& context, const HedgePolicy& p)
{
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT INTO hedge_policies (policy_id, version, name, author, saved_at, "
                       "max_contracts_per_month, max_contracts_per_contract_month, "
                       "max_premium_usd, volume_scenario, rounding, call_strike_fraction, "
                       "put_strike_fraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    q.addBindValue(toQString(p.id));
    q.addBindValue(p.version);
    q.addBindValue(toQString(p.name));
    q.addBindValue(toQString(p.author));
    q.addBindValue(timestampText(p.savedAt));
    q.addBindValue(qint(p.maxContractsPerMonth));
    q.addBindValue(qint(p.maxContractsPerContractMonth));
    q.addBindValue(p.maxPremiumUsd);
    q.addBindValue(QString::fromLatin1(scenarioCode(p.volumeScenario)));
    q.addBindValue(QString::fromLatin1(hedging::roundingPolicyCode(p.rounding)));
    q.addBindValue(p.strikes.callStrikeFraction);
    q.addBindValue(p.strikes.putStrikeFraction);
    execPrepared(q, context);
    QSqlQuery b = prepareQuery(
        db,
        QStringLiteral("INSERT INTO hedge_policy_buckets (policy_id, version, position, "
                       "from_month, to_month, min_ratio, target_ratio, max_ratio) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    for (std::size_t i = 0; i < p.buckets.size(); ++i) {
        const hedging::TenorBucket& k = p.buckets[i];
        b.addBindValue(toQString(p.id));
        b.addBindValue(p.version);
        b.addBindValue(qint(static_cast<std::int64_t>(i)));
        b.addBindValue(k.fromMonth);
        b.addBindValue(k.toMonth);
        b.addBindValue(k.minRatio);
        b.addBindValue(k.targetRatio);
        b.addBindValue(k.maxRatio);
        execPrepared(b, context);
    }
    QSqlQuery r = prepareQuery(db,
                               QStringLiteral("INSERT INTO hedge_policy_rules (policy_id, version, "
                                              "position, resource, instruments, symbols) "
                                              "VALUES (?, ?, ?, ?, ?, ?)"),
                               context);
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        r.addBindValue(toQString(p.id));
        r.addBindValue(p.version);
        r.addBindValue(qint(static_cast<std::int64_t>(i)));
        r.addBindValue(toQString(p.rules[i].resource));
        r.addBindValue(toQString(instrumentCodes(p.rules[i])));
        r.addBindValue(toQString(joinCodes(p.rules[i].symbols)));
        execPrepared(r, context);
    }
}

//! Problems validatePolicy does not know about: storage needs an author and comma-free lists.
void checkStorable(const HedgePolicy& p, const std::string& author, std::vector<Issue>& issues)
{
    if (author.empty())
        issues.push_back(policyError("author", "is empty; say who saves this version"));
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        for (const std::string& s : p.rules[i].symbols)
            if (s.empty() || s.find(',') != std::string::npos)
                issues.push_back(
                    policyError("rule " + std::to_string(i + 1) + " (" + p.rules[i].resource + ")",
                                "contract \"" + s + "\" is not a contract symbol"));
}

} // namespace

const char* proposalStatusCode(ProposalStatus s)
{
    return s == ProposalStatus::Submitted ? "submitted" : "draft";
}

std::optional<ProposalStatus> parseProposalStatus(std::string_view code)
{
    if (code == "draft")
        return ProposalStatus::Draft;
    if (code == "submitted")
        return ProposalStatus::Submitted;
    return std::nullopt;
}

std::string policyAuditText(const HedgePolicy& p)
{
    std::ostringstream out;
    out << p.id << " v" << p.version << " \"" << p.name << "\": buckets ";
    for (std::size_t i = 0; i < p.buckets.size(); ++i) {
        const hedging::TenorBucket& b = p.buckets[i];
        out << (i ? ", " : "") << b.fromMonth << '-' << b.toMonth << ' '
            << percentNumber(b.minRatio) << '/' << percentNumber(b.targetRatio) << '/'
            << percentNumber(b.maxRatio) << '%';
    }
    out << "; rules ";
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const hedging::ResourceRule& r = p.rules[i];
        out << (i ? ", " : "") << r.resource << ": " << instrumentCodes(p.rules[i]) << " on "
            << (r.symbols.empty() ? std::string("any") : joinCodes(r.symbols));
    }
    out << "; limits " << p.maxContractsPerMonth << "/month " << p.maxContractsPerContractMonth
        << "/contract-month; premium budget " << p.maxPremiumUsd << " USD; scenario "
        << scenarioCode(p.volumeScenario) << "; rounding "
        << hedging::roundingPolicyCode(p.rounding) << "; strikes call "
        << hedging::formatPercent(p.strikes.callStrikeFraction) << " put "
        << hedging::formatPercent(p.strikes.putStrikeFraction);
    return out.str();
}

HedgeRepository::HedgeRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

std::vector<HedgePolicy> HedgeRepository::loadPolicies() const
{
    return readPolicies(m_workspace, std::nullopt);
}

std::vector<HedgePolicy> HedgeRepository::currentPolicies() const
{
    return currentOf(loadPolicies());
}

std::optional<HedgePolicy> HedgeRepository::currentPolicy(const std::string& name) const
{
    const std::vector<HedgePolicy> current = currentPolicies();
    for (const HedgePolicy& p : current)
        if (p.name == name)
            return p;
    for (const HedgePolicy& p : current)
        if (p.id == name)
            return p;
    return std::nullopt;
}

std::vector<HedgePolicy> HedgeRepository::policyHistory(const std::string& policyId) const
{
    return readPolicies(m_workspace, policyId);
}

Parsed<HedgePolicy> HedgeRepository::savePolicyVersion(const HedgePolicy& edited,
                                                       const std::string& author,
                                                       Timestamp at)
{
    const auto context = contextOf(m_workspace, "saving hedge policy '" + edited.name + "' to");
    const std::vector<ContractSpec> contracts = MarketDataRepository(m_workspace).contracts();
    const QSqlDatabase db = databaseOf(m_workspace);
    // The write lock is taken before the current version is read, so two users saving at once get
    // versions N + 1 and N + 2, never two N + 1.
    Transaction tx(db, context);
    const std::vector<HedgePolicy> current = currentOf(readPolicies(m_workspace, std::nullopt));
    const auto previous = std::find_if(
        current.begin(), current.end(), [&](const HedgePolicy& p) { return p.id == edited.id; });

    Parsed<HedgePolicy> out;
    HedgePolicy next = edited;
    next.version = previous == current.end() ? 1 : previous->version + 1;
    next.author = author;
    next.savedAt = at;
    out.issues = hedging::validatePolicy(next, &contracts);
    checkStorable(next, author, out.issues);
    for (const HedgePolicy& other : current)
        if (other.id != edited.id && other.name == edited.name)
            out.issues.push_back(policyError(
                "name", "\"" + edited.name + "\" is already the name of policy " + other.id));
    if (out.hasErrors()) {
        out.value = previous == current.end() ? edited : *previous;
        return out; // the transaction rolls back: nothing was written
    }
    if (previous != current.end() && contentOf(*previous) == contentOf(next)) {
        out.issues.push_back(Issue{kPolicySource,
                                   0,
                                   "version",
                                   Severity::Warning,
                                   "nothing changed since version "
                                       + std::to_string(previous->version)
                                       + "; no new version was saved"});
        out.value = *previous;
        return out;
    }
    insertPolicy(db, context, next);
    AuditLog(m_workspace)
        .append(tx,
                AuditRecord{author,
                            "hedge_policy.save",
                            "hedge_policy",
                            next.id + " v" + std::to_string(next.version),
                            previous == current.end() ? std::string() : policyAuditText(*previous),
                            policyAuditText(next),
                            {}},
                at);
    tx.commit();
    out.value = std::move(next);
    return out;
}

std::vector<hedging::ExistingPosition> loadExistingPositions(Workspace& workspace)
{
    std::vector<hedging::ExistingPosition> out;
    for (const trading::Position& p : TradingRepository(workspace).positions()) {
        if (p.settled || p.netQty == 0)
            continue;
        hedging::ExistingPosition e;
        e.symbol = p.symbol;
        e.month = p.deliveryMonth;
        e.kind = hedging::PositionKind::Future;
        e.contracts = p.netQty;
        out.push_back(std::move(e));
    }
    return out;
}

void seedDemoHedgePolicy(Workspace& workspace, const MarketDataSet& market)
{
    const Timestamp at{std::chrono::sys_days(market.info.valuationDate)};
    HedgePolicy p = hedging::defaultPolicy("admin", at);
    p.name = kDemoPolicyName;
    const Parsed<HedgePolicy> saved = HedgeRepository(workspace).savePolicyVersion(p, "admin", at);
    require(!saved.hasErrors() && saved.value.version == 1,
            "seedDemoHedgePolicy: the default policy was refused: "
                + (saved.issues.empty() ? std::string("already stored")
                                        : saved.issues.front().toString()));
}

} // namespace ch::storage
