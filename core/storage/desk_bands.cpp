#include "storage/desk_bands.h"

#include "domain/error.h"
#include "hedging/workspace_inputs.h"
#include "pricing/calendar.h"
#include "storage/hedge_repository.h"
#include "storage/risk_repository.h"

#include <memory>

namespace ch::storage {

namespace {

Issue bandWarning(std::string message)
{
    return Issue{"policy band", 0, {}, Severity::Warning, std::move(message)};
}

//! "the hedge ratio is not checked before trades: <why>", the one warning of a failed build.
DeskBands noBands(std::vector<Issue>& issues, const std::string& why)
{
    issues.push_back(bandWarning("the hedge ratio is not checked before trades: " + why));
    return DeskBands{};
}

} // namespace

DeskBands::DeskBands(const hedging::HedgeRecommendation& rec,
                     const hedging::HedgePolicy& policy,
                     Date valuationDate)
    : m_buckets(policy.buckets)
    , m_valuationMonth(pricing::valuationMonth(valuationDate))
    , m_policyLabel(policy.name + " v" + std::to_string(policy.version))
{
    for (const hedging::RecommendationLine& line : rec.lines) {
        if (line.symbol.empty())
            continue; // no contract was chosen for the exposure: nothing trades for it
        const std::pair<std::string, Month> key{line.symbol, line.month};
        if (!line.instrument || !line.bucket) {
            // The contract was chosen but the line could not be set up (an option without a
            // volatility): its exposure is real but unknown to the band, so the month is left
            // unchecked rather than treated as having none.
            m_unknown.insert(key);
            continue;
        }
        require(line.hedgeRatio > 0.0 && line.exposureUnits >= 0.0,
                "DeskBands: line " + line.exposureIndexId + " " + formatIsoMonth(line.month)
                    + " has h* " + std::to_string(line.hedgeRatio) + " and exposure "
                    + std::to_string(line.exposureUnits));
        m_symbols.insert(line.symbol);
        // Lines of one month share its tenor, hence its bucket and band.
        trading::HedgeBandInput& b = m_bands[key];
        b.exposureUnits += line.exposureUnits * line.hedgeRatio;
        b.minHedgeRatio = line.minRatio;
        b.maxHedgeRatio = line.maxRatio;
    }
    for (const auto& key : m_unknown)
        m_bands.erase(key);
}

std::optional<trading::HedgeBandInput> DeskBands::band(const std::string& symbol, Month month) const
{
    const std::pair<std::string, Month> key{symbol, month};
    if (const auto it = m_bands.find(key); it != m_bands.end())
        return it->second;
    if (m_unknown.contains(key) || !m_symbols.contains(symbol))
        return std::nullopt;
    const int tenor = monthsBetween(m_valuationMonth, month);
    for (const hedging::TenorBucket& bucket : m_buckets)
        if (bucket.contains(tenor))
            return trading::HedgeBandInput{0.0, bucket.minRatio, bucket.maxRatio};
    return std::nullopt;
}

HedgeBandSource DeskBands::source() const
{
    auto bands = std::make_shared<const DeskBands>(*this);
    return [bands](const std::string& symbol, Month month) { return bands->band(symbol, month); };
}

DeskBands planDeskBands(Workspace& workspace, const DeskMarket& market, std::vector<Issue>& issues)
{
    const std::vector<hedging::HedgePolicy> policies = HedgeRepository(workspace).currentPolicies();
    if (policies.empty())
        return noBands(issues, "the workspace stores no hedge policy");
    const hedging::HedgePolicy& policy = policies.front();
    std::vector<Issue> sourceIssues;
    const risk::RiskSources sources =
        loadRiskSources(workspace, market.data(), market.snapshot(), sourceIssues);
    if (sources.plan.lines().empty())
        return noBands(issues, "the workspace has no plan exposure");
    hedging::HedgeBuildOptions options;
    options.mode = hedging::RecommendationMode::PolicyTarget;
    const hedging::BuiltHedgeInputs built = hedging::buildHedgeInputs(sources, policy, {}, options);
    if (!built.ok()) {
        std::size_t errors = 0;
        for (const Issue& i : built.issues)
            errors += i.severity == Severity::Error ? 1 : 0;
        return noBands(issues,
                       "the hedge inputs under policy \"" + policy.name + "\" have "
                           + std::to_string(errors) + " error" + (errors == 1 ? "" : "s")
                           + " (see `computehedge-cli hedge recommend`)");
    }
    const hedging::HedgeRecommendation rec = hedging::recommendHedge(built.inputs);
    return DeskBands(rec, policy, market.valuationDate());
}

HedgeBandSource
planHedgeBands(Workspace& workspace, const DeskMarket& market, std::vector<Issue>& issues)
{
    return planDeskBands(workspace, market, issues).source();
}

} // namespace ch::storage
