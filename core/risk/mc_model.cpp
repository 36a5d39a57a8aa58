#include "risk/mc_model.h"

#include "domain/error.h"
#include "risk/distributions.h"

#include <algorithm>
#include <cmath>

namespace ch::risk::detail {

namespace {

// Poisson CDF for one month, truncated where the tail falls below the resolution of a 52-bit
// uniform (2^-53): the counting loop in the kernel then never needs more entries.
std::vector<double> poissonCdf(double mean)
{
    std::vector<double> cdf;
    double pmf = std::exp(-mean);
    double cum = pmf;
    cdf.push_back(cum);
    for (int j = 1; j < 200 && 1.0 - cum > 0x1p-53; ++j) {
        pmf *= mean / j;
        cum += pmf;
        cdf.push_back(std::min(cum, 1.0));
    }
    return cdf;
}

// ln E[e^{Y_t}] after t months for Y_t = Σ_{k=1..t} a^{t−k} (s ε_k + J_k), ε standard normal and
// J_k compound Poisson with N(μ, σJ²) sizes: each term contributes ½ c² s² (Gaussian MGF) plus
// λΔ (e^{cμ + ½c²σJ²} − 1) (compound Poisson MGF), c = a^{t−k}.
double logMgf(const CompiledFactor& f, double jumpMeanCount, int t)
{
    double sum = 0.0;
    double c = 1.0;
    for (int k = 0; k < t; ++k) {
        sum += 0.5 * c * c * f.stepSd * f.stepSd;
        if (jumpMeanCount > 0.0)
            sum += jumpMeanCount
                   * (std::exp(c * f.jumpMean + 0.5 * c * c * f.jumpSd * f.jumpSd) - 1.0);
        c *= f.decay;
    }
    return sum;
}

CompiledFactor compileFactor(const RiskFactor& rf, int horizon)
{
    CompiledFactor f;
    f.model = rf.model;
    const FactorParams& p = rf.params;
    const double kappa = rf.model == FactorModel::MeanRevertingJump ? p.kappaPerYear : 0.0;
    f.decay = std::exp(-kappa * kStepYears);
    // Exact OU transition variance σ²(1 − e^{−2κΔ}) / (2κ); σ²Δ in the limit κ → 0.
    f.stepSd =
        kappa > 1e-12
            ? p.sigmaAnnual * std::sqrt(-std::expm1(-2.0 * kappa * kStepYears) / (2.0 * kappa))
            : p.sigmaAnnual * std::sqrt(kStepYears);
    const double jumpMeanCount = p.jumpsPerYear * kStepYears;
    if (jumpMeanCount > 0.0) {
        f.jumpMean = p.jumpMeanLog;
        f.jumpSd = p.jumpSdLog;
        f.poissonCdf = poissonCdf(jumpMeanCount);
    }
    f.shift.resize(static_cast<std::size_t>(horizon));
    for (int t = 0; t < horizon; ++t)
        f.shift[static_cast<std::size_t>(t)] =
            std::log(rf.forwardUsd[static_cast<std::size_t>(t)]) - logMgf(f, jumpMeanCount, t + 1);
    return f;
}

VolumeTable buildVolumeTable(double modeShare)
{
    VolumeTable t;
    t.modeShare = modeShare;
    const BetaPert pert(0.0, modeShare, 1.0);
    t.values.resize(kVolumeTableSteps + 1);
    const double dz = 2.0 * kVolumeTableZ / static_cast<double>(kVolumeTableSteps);
    for (std::size_t i = 0; i <= kVolumeTableSteps; ++i) {
        const double z = -kVolumeTableZ + dz * static_cast<double>(i);
        t.values[i] = pert.quantile(normalCdf(z));
    }
    return t;
}

int tableFor(std::vector<VolumeTable>& tables, double modeShare)
{
    // Plans often derive low and high as fixed percentages of base, so many cells share a mode
    // share up to rounding; one table serves them all.
    for (std::size_t i = 0; i < tables.size(); ++i)
        if (std::fabs(tables[i].modeShare - modeShare) <= 1e-12)
            return static_cast<int>(i);
    tables.push_back(buildVolumeTable(modeShare));
    return static_cast<int>(tables.size() - 1);
}

} // namespace

Eigen::MatrixXd choleskyWithRepair(const Eigen::MatrixXd& corr, bool& repaired, double& frobenius)
{
    repaired = false;
    frobenius = 0.0;
    if (corr.rows() == 0)
        return corr;
    Eigen::LLT<Eigen::MatrixXd> llt(corr);
    if (llt.info() == Eigen::Success)
        return llt.matrixL();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(corr);
    const Eigen::VectorXd clipped = eig.eigenvalues().cwiseMax(1e-10);
    Eigen::MatrixXd fixed =
        eig.eigenvectors() * clipped.asDiagonal() * eig.eigenvectors().transpose();
    const Eigen::VectorXd scale = fixed.diagonal().cwiseSqrt().cwiseInverse();
    fixed = scale.asDiagonal() * fixed * scale.asDiagonal();
    fixed.diagonal().setOnes();
    repaired = true;
    frobenius = (fixed - corr).norm();
    Eigen::LLT<Eigen::MatrixXd> again(fixed);
    require(again.info() == Eigen::Success, "correlation repair did not give a PD matrix");
    return again.matrixL();
}

std::size_t CompiledModel::normalsForMonth(int month) const
{
    return dims + uncertainCellsByMonth[static_cast<std::size_t>(month)];
}

std::size_t CompiledModel::maxNormalsPerMonth() const
{
    std::size_t m = 0;
    for (int t = 0; t < horizon; ++t)
        m = std::max(m, normalsForMonth(t));
    return m;
}

CompiledModel compileModel(const RiskInputs& in)
{
    validateRiskInputs(in);
    CompiledModel m;
    m.horizon = in.horizonMonths;
    m.quarters = (in.horizonMonths + 2) / 3;
    m.factors = in.factors.size();
    const auto months = static_cast<std::size_t>(m.horizon);

    std::vector<Eigen::Index> diffusive;
    for (std::size_t i = 0; i < in.factors.size(); ++i) {
        CompiledFactor f = compileFactor(in.factors[i], m.horizon);
        if (f.stepSd > 0.0) {
            f.dim = static_cast<int>(diffusive.size());
            diffusive.push_back(static_cast<Eigen::Index>(i));
        }
        if (!f.poissonCdf.empty())
            f.jumpSlot = static_cast<int>(m.jumpFactors++);
        m.factor.push_back(std::move(f));
    }

    // Cells: uncertain volumes need the demand factor unless ρd = 0 (then only ε is used).
    m.cellsByMonth.assign(months, {});
    m.uncertainCellsByMonth.assign(months, 0);
    m.fixedCostByMonth.assign(months, 0.0);
    bool anyUncertain = false;
    for (const ExposureCell& c : in.cells) {
        const auto t = static_cast<std::size_t>(c.monthOffset);
        m.fixedCostByMonth[t] += c.contractedVolume * c.contractedPriceUsd;
        CompiledCell cc;
        cc.factor = c.factor;
        cc.multiplier = c.priceMultiplier;
        cc.spreadUsd = c.spreadUsd;
        cc.volume = c.baseVolume;
        if (c.highVolume > c.lowVolume) {
            anyUncertain = true;
            cc.lowVolume = c.lowVolume;
            cc.rangeVolume = c.highVolume - c.lowVolume;
            cc.table = tableFor(m.tables, (c.baseVolume - c.lowVolume) / cc.rangeVolume);
            cc.epsRow = m.uncertainCellsByMonth[t]++;
        }
        m.cellsByMonth[t].push_back(cc);
    }
    const double rhoD = in.demand.volumeCorrelation;
    m.demandLoading = std::sqrt(rhoD);
    m.idioLoading = std::sqrt(1.0 - rhoD);
    const bool needDemand = anyUncertain && rhoD > 0.0;
    if (!anyUncertain || rhoD >= 1.0)
        std::fill(m.uncertainCellsByMonth.begin(), m.uncertainCellsByMonth.end(), 0);

    const auto nd = static_cast<Eigen::Index>(diffusive.size());
    const Eigen::Index dims = nd + (needDemand ? 1 : 0);
    Eigen::MatrixXd corr = Eigen::MatrixXd::Identity(dims, dims);
    for (Eigen::Index r = 0; r < nd; ++r)
        for (Eigen::Index c = 0; c < nd; ++c)
            corr(r, c) = r == c ? 1.0
                                : in.correlation(diffusive[static_cast<std::size_t>(r)],
                                                 diffusive[static_cast<std::size_t>(c)]);
    if (needDemand) {
        m.demandDim = static_cast<int>(nd);
        for (Eigen::Index r = 0; r < nd; ++r) {
            corr(r, nd) = in.demand.priceVolumeCorrelation;
            corr(nd, r) = in.demand.priceVolumeCorrelation;
        }
    }
    const Eigen::MatrixXd chol = choleskyWithRepair(corr, m.correlationRepaired, m.repairFrobenius);
    m.dims = static_cast<std::size_t>(dims);
    m.cholesky.assign(m.dims * m.dims, 0.0);
    for (Eigen::Index r = 0; r < dims; ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            m.cholesky[static_cast<std::size_t>(r * dims + c)] = chol(r, c);

    m.instrumentsByMonth.assign(months, {});
    for (const HedgeInstrument& h : in.instruments) {
        CompiledInstrument ci;
        ci.kind = h.kind;
        ci.factor = h.factor;
        ci.strikeUsd = h.strikeUsd;
        ci.units = h.unitsPerContract * h.contracts;
        ci.premiumCash = h.premiumUsd * ci.units;
        m.instrumentsByMonth[static_cast<std::size_t>(h.monthOffset)].push_back(ci);
        m.hasHedge = true;
    }
    return m;
}

} // namespace ch::risk::detail
