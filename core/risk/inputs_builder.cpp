#include "risk/inputs_builder.h"

#include "domain/error.h"
#include "exposure/basis.h"
#include "exposure/exposure.h"
#include "risk/inputs_digest.h"

#include <algorithm>
#include <cmath>

namespace ch::risk {

namespace {

constexpr const char* kSource = "risk";

class IssueList
{
public:
    explicit IssueList(std::vector<Issue>& out)
        : m_out(out)
    {}
    void error(const std::string& field, const std::string& message)
    {
        m_out.push_back(Issue{kSource, 0, field, Severity::Error, message});
    }
    void warning(const std::string& field, const std::string& message)
    {
        m_out.push_back(Issue{kSource, 0, field, Severity::Warning, message});
    }

private:
    std::vector<Issue>& m_out;
};

bool hasErrors(const std::vector<Issue>& issues)
{
    return std::any_of(
        issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::Error; });
}

void addUnique(std::vector<std::string>& ids, const std::string& id)
{
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
}

std::size_t positionOf(const std::vector<std::string>& ids, const std::string& id)
{
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

//! The scenario whose contracted allocation and deterministic figures the run uses. Capacity
//! costs the same in every scenario (only its allocation between lines moves), so base is exact
//! for the total and a fair split for uncertain volumes.
Scenario anchorScenario(VolumeMode m)
{
    switch (m) {
    case VolumeMode::Low:
        return Scenario::Low;
    case VolumeMode::High:
        return Scenario::High;
    case VolumeMode::Uncertain:
    case VolumeMode::Base:
        return Scenario::Base;
    }
    return Scenario::Base;
}

//! Correlation of `ids` from the snapshot's matrix, symmetrised from its upper triangle with an
//! exact unit diagonal (validateRiskInputs checks both bit for bit). A principal sub-matrix of a
//! positive semi-definite matrix is positive semi-definite, so no repair is needed here.
std::optional<Eigen::MatrixXd> subCorrelation(const pricing::CorrelationEstimate& c,
                                              const std::vector<std::string>& ids,
                                              IssueList& issues)
{
    std::vector<Eigen::Index> at;
    for (const std::string& id : ids) {
        const auto it = std::find(c.indexIds.begin(), c.indexIds.end(), id);
        if (it == c.indexIds.end()) {
            issues.error("correlation", id + " has no correlation estimate in the market snapshot");
            return std::nullopt;
        }
        at.push_back(static_cast<Eigen::Index>(it - c.indexIds.begin()));
    }
    const auto k = static_cast<Eigen::Index>(ids.size());
    Eigen::MatrixXd m = Eigen::MatrixXd::Identity(k, k);
    for (Eigen::Index r = 0; r < k; ++r)
        for (Eigen::Index col = r + 1; col < k; ++col) {
            const Eigen::Index a =
                std::min(at[static_cast<std::size_t>(r)], at[static_cast<std::size_t>(col)]);
            const Eigen::Index b =
                std::max(at[static_cast<std::size_t>(r)], at[static_cast<std::size_t>(col)]);
            m(r, col) = m(col, r) = std::clamp(c.matrix(a, b), -1.0, 1.0);
        }
    return m;
}

std::optional<HedgeInstrument> convertInstrument(const HeldInstrument& h,
                                                 const std::vector<std::string>& factorIds,
                                                 Month first,
                                                 int horizon,
                                                 IssueList& issues)
{
    const std::string what = h.label.empty() ? h.indexId + " " + formatIsoMonth(h.month) : h.label;
    const int offset = monthsBetween(first, h.month);
    if (offset < 0 || offset >= horizon) {
        issues.warning("instruments",
                       what + ": delivery " + formatIsoMonth(h.month) + " is outside the run's "
                           + std::to_string(horizon) + "-month horizon from "
                           + formatIsoMonth(first) + "; left out");
        return std::nullopt;
    }
    if (h.contracts == 0.0)
        return std::nullopt;
    HedgeInstrument out;
    out.kind = h.kind;
    out.factor = positionOf(factorIds, h.indexId);
    out.monthOffset = offset;
    out.strikeUsd = h.strikeUsd;
    out.unitsPerContract = h.unitsPerContract;
    out.contracts = h.contracts;
    out.premiumUsd = h.kind == InstrumentKind::Future ? 0.0 : h.premiumUsd;
    out.label = what;
    return out;
}

} // namespace

const char* volumeModeCode(VolumeMode m)
{
    switch (m) {
    case VolumeMode::Uncertain:
        return "uncertain";
    case VolumeMode::Low:
        return "low";
    case VolumeMode::Base:
        return "base";
    case VolumeMode::High:
        return "high";
    }
    return "uncertain";
}

std::optional<VolumeMode> parseVolumeMode(std::string_view code)
{
    for (VolumeMode m :
         {VolumeMode::Uncertain, VolumeMode::Low, VolumeMode::Base, VolumeMode::High})
        if (code == volumeModeCode(m))
            return m;
    return std::nullopt;
}

bool BuiltRiskInputs::ok() const
{
    return !hasErrors(issues);
}

BuiltRiskInputs buildRiskInputs(const RiskSources& src, const RiskBuildOptions& options)
{
    BuiltRiskInputs out;
    IssueList issues(out.issues);
    const Plan& plan = src.plan;
    if (plan.months() == 0 || plan.lines().empty()) {
        issues.error("plan",
                     "the workspace has no plan lines; enter a plan before running Cost-at-Risk");
        return out;
    }
    const int horizon = options.horizonMonths == 0 ? plan.months() : options.horizonMonths;
    if (horizon < 1 || horizon > plan.months()) {
        issues.error("horizon",
                     "a horizon of " + std::to_string(options.horizonMonths)
                         + " months is outside the plan; expected 1 to "
                         + std::to_string(plan.months()));
        return out;
    }
    for (Issue issue :
         exposure::checkExposureInputs(plan, src.contracts, src.budget, src.snapshot.curves))
        out.issues.push_back(std::move(issue));
    if (!out.ok())
        return out;

    const exposure::BasisReport basis =
        exposure::measureBasis(plan, src.actuals, src.market.series);
    for (const Issue& w : basis.warnings)
        out.issues.push_back(Issue{w.source, w.line, w.field, Severity::Warning, w.message});
    const exposure::ExposureReport report =
        exposure::computeExposure(plan, src.contracts, basis, src.budget, src.snapshot.curves);
    const Scenario anchor = anchorScenario(options.volumes);

    // Factors: plan indices in plan order, then extra, capacity and instrument indices.
    std::vector<std::string> ids;
    for (const PlanLine& line : plan.lines())
        addUnique(ids, line.indexId());
    for (const std::string& id : options.extraIndexIds)
        addUnique(ids, id);
    std::vector<const exposure::UnallocatedCapacity*> unallocated;
    for (const exposure::UnallocatedCapacity& u : report.unallocated)
        if (u.scenario == anchor && monthsBetween(plan.firstMonth(), u.month) < horizon) {
            if (src.snapshot.findCurve(u.indexId) == nullptr) {
                issues.error("contracts",
                             "contract \"" + u.contractId + "\" is priced on " + u.indexId
                                 + ", which has no forward curve; its unused capacity cannot be "
                                   "costed");
                continue;
            }
            addUnique(ids, u.indexId);
            unallocated.push_back(&u);
        }
    std::vector<const HeldInstrument*> held;
    for (const HeldInstrument& h : src.instruments) {
        if (src.snapshot.findCurve(h.indexId) == nullptr) {
            issues.warning("instruments",
                           (h.label.empty() ? h.indexId : h.label) + ": index " + h.indexId
                               + " has no forward curve in this workspace; left out");
            continue;
        }
        addUnique(ids, h.indexId);
        held.push_back(&h);
    }

    RiskInputs& in = out.inputs;
    in.firstMonth = plan.firstMonth();
    in.horizonMonths = horizon;
    in.demand = options.demand;
    out.factors = estimateFactors(
        src.market, ids, src.snapshot.valuationDate, src.overrides, options.estimationWindowDays);
    for (const FactorEstimate& e : out.factors) {
        RiskFactor f;
        f.indexId = e.indexId;
        f.resource = e.resource;
        f.model = e.model;
        if (!e.effective)
            issues.error("parameters", e.indexId + ": " + e.problem);
        else
            f.params = *e.effective;
        const pricing::ForwardCurve* curve = src.snapshot.findCurve(e.indexId);
        try {
            require(curve != nullptr, "no forward curve");
            for (int m = 0; m < horizon; ++m)
                f.forwardUsd.push_back(curve->forward(addMonths(in.firstMonth, m)));
        } catch (const Error& err) {
            issues.error("forward", e.indexId + ": " + err.what());
        }
        in.factors.push_back(std::move(f));
    }
    if (auto corr = subCorrelation(src.snapshot.correlation, ids, issues))
        in.correlation = std::move(*corr);

    for (std::size_t l = 0; l < plan.lines().size(); ++l) {
        const std::size_t factor = positionOf(ids, plan.lines()[l].indexId());
        for (int m = 0; m < horizon; ++m) {
            const exposure::ExposureCell& a = report.cell(l, m, anchor);
            ExposureCell c;
            c.factor = factor;
            c.monthOffset = m;
            if (options.volumes == VolumeMode::Uncertain) {
                c.baseVolume = a.openVolume;
                // Open volume rises with planned volume in every allocation; min/max only guard
                // the ordering validateRiskInputs requires against rounding in the subtraction.
                c.lowVolume = std::min(report.cell(l, m, Scenario::Low).openVolume, c.baseVolume);
                c.highVolume = std::max(report.cell(l, m, Scenario::High).openVolume, c.baseVolume);
            } else {
                c.lowVolume = c.baseVolume = c.highVolume = a.openVolume;
            }
            c.priceMultiplier = a.basisFactor;
            c.contractedVolume = a.contractedVolume;
            c.contractedPriceUsd =
                a.contractedVolume > 0.0 ? a.contractedCostUsd / a.contractedVolume : 0.0;
            if (c.highVolume == 0.0 && c.contractedVolume == 0.0)
                continue;
            if (!(a.basisFactor > 0.0)) {
                issues.error("basis",
                             plan.lines()[l].cellLabel(a.month) + ": the measured basis is "
                                 + std::to_string(a.basisFactor)
                                 + "; bills must cost more than zero");
                continue;
            }
            in.cells.push_back(c);
        }
    }
    for (const exposure::UnallocatedCapacity* u : unallocated) {
        ExposureCell c;
        c.factor = positionOf(ids, u->indexId);
        c.monthOffset = monthsBetween(in.firstMonth, u->month);
        c.contractedVolume = u->volume;
        c.contractedPriceUsd = u->costUsd / u->volume;
        in.cells.push_back(c);
    }
    for (const HeldInstrument* h : held)
        if (auto i = convertInstrument(*h, ids, in.firstMonth, horizon, issues))
            in.instruments.push_back(std::move(*i));

    for (int m = 0; m < horizon; ++m) {
        const exposure::CostSummary& s =
            report.byMonth[static_cast<std::size_t>(m)].costs[static_cast<std::size_t>(anchor)];
        out.forwardCostUsd.push_back(s.totalCostUsd);
        out.budgetUsd.push_back(s.budgetedCells > 0 ? std::optional<double>(s.budgetUsd)
                                                    : std::nullopt);
    }
    if (!out.ok())
        return out;
    try {
        validateRiskInputs(in);
    } catch (const Error& e) {
        issues.error("inputs", e.what());
        return out;
    }
    out.digest = riskInputsDigest(in);
    return out;
}

std::vector<PriceSeries> factorHistory(const RiskSources& sources, const RiskInputs& inputs)
{
    std::vector<PriceSeries> out;
    for (const RiskFactor& f : inputs.factors)
        if (const PriceSeries* s = sources.market.findSeries(f.indexId))
            out.push_back(s->slice(std::nullopt, sources.snapshot.valuationDate));
    return out;
}

} // namespace ch::risk
