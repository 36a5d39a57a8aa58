#include "risk/mc_model.h"

#include "domain/error.h"
#include "risk/distributions.h"

#include <algorithm>
#include <cmath>

namespace ch::risk::detail {

namespace {

// Poisson CDF for one month, truncated where the tail falls below the resolution of a 52-bit
// uniform (2^-53).
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

// The jump count table of a factor on the 32-bit word scale (mc_model.h): inversion of the
// Poisson CDF. A word w uniform on [0, 2^32) gives N = #{j : w >= T_j}; given N = n, w is uniform
// on [T_{n−1}, T_n) whatever n is, so (w − T_{n−1} + ½) / (T_n − T_{n−1}) is a uniform
// independent of N, which the kernel turns into the normal of the jump size (mc_jumps.cpp).
// Stopping where 2^32·P(N <= j) rounds to 2^32 lumps the counts beyond (probability below
// 2^-33) into the last one.
void jumpTables(CompiledFactor& f, double meanCount)
{
    constexpr double kWords = 0x1p32;
    for (double c : poissonCdf(meanCount)) {
        const double t = std::round(c * kWords);
        if (t >= kWords)
            break;
        f.jumpThreshold.push_back(static_cast<std::uint32_t>(t));
    }
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
        jumpTables(f, jumpMeanCount);
    }
    f.forward.assign(rf.forwardUsd.begin(), rf.forwardUsd.begin() + horizon);
    f.drift.resize(static_cast<std::size_t>(horizon));
    for (int t = 0; t < horizon; ++t)
        f.drift[static_cast<std::size_t>(t)] = static_cast<float>(logMgf(f, jumpMeanCount, t + 1));
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
        if (!f.jumpThreshold.empty())
            f.jumpSlot = static_cast<int>(m.jumpFactors++);
        m.factor.push_back(std::move(f));
    }

    // Cells: deterministic volumes fold into their factor's month (FactorMonth); uncertain ones
    // are kept one by one and need the demand factor unless ρd = 0 (then only ε is used).
    m.factorMonths.assign(months, std::vector<FactorMonth>(m.factors));
    m.cellsByMonth.assign(months, {});
    m.uncertainCellsByMonth.assign(months, 0);
    m.fixedCostByMonth.assign(months, 0.0);
    bool anyUncertain = false;
    for (const ExposureCell& c : in.cells) {
        const auto t = static_cast<std::size_t>(c.monthOffset);
        m.fixedCostByMonth[t] += c.contractedVolume * c.contractedPriceUsd;
        const double forward = m.factor[c.factor].forward[t];
        FactorMonth& fm = m.factorMonths[t][c.factor];
        if (!(c.highVolume > c.lowVolume)) {
            fm.costSlope += c.baseVolume * c.priceMultiplier * forward;
            fm.costConst += c.baseVolume * c.spreadUsd;
            fm.hasCost = true;
            continue;
        }
        anyUncertain = true;
        fm.needsPrice = true;
        CompiledCell cc;
        cc.factor = c.factor;
        cc.lowVolume = c.lowVolume;
        cc.rangeVolume = c.highVolume - c.lowVolume;
        cc.priceSlope = c.priceMultiplier * forward;
        cc.spreadUsd = c.spreadUsd;
        cc.table = tableFor(m.tables, (c.baseVolume - c.lowVolume) / cc.rangeVolume);
        cc.epsRow = m.uncertainCellsByMonth[t]++;
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

    // Each factor's row of L scaled by its monthly sd gives its diffusion increment directly.
    m.scaledCholesky.assign(m.cholesky.size(), 0.0F);
    for (std::size_t r = 0; r < m.dims; ++r) {
        double scale = 1.0; // the demand row
        for (const CompiledFactor& f : m.factor)
            if (f.dim == static_cast<int>(r))
                scale = f.stepSd;
        for (std::size_t c = 0; c <= r; ++c)
            m.scaledCholesky[r * m.dims + c] =
                static_cast<float>(scale * m.cholesky[r * m.dims + c]);
    }

    m.optionsByMonth.assign(months, {});
    for (const HedgeInstrument& h : in.instruments) {
        const auto t = static_cast<std::size_t>(h.monthOffset);
        const double units = h.unitsPerContract * h.contracts;
        const double forward = m.factor[h.factor].forward[t];
        m.hasHedge = true;
        if (h.kind == InstrumentKind::Future) {
            FactorMonth& fm = m.factorMonths[t][h.factor];
            fm.paySlope += units * forward;
            fm.payConst -= units * h.strikeUsd;
            fm.hasPay = true;
            continue;
        }
        CompiledOption o;
        o.factor = h.factor;
        o.sign = h.kind == InstrumentKind::Call ? 1.0 : -1.0;
        o.forward = forward;
        o.strikeUsd = h.strikeUsd;
        o.units = units;
        o.premiumCash = h.premiumUsd * units;
        m.optionsByMonth[t].push_back(o);
        m.factorMonths[t][h.factor].needsPrice = true;
    }
    return m;
}

} // namespace ch::risk::detail
