#pragma once

#include "risk/risk_inputs.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ch::risk::detail {

// The Monte Carlo model compiled from RiskInputs into flat tables the kernel reads: per-month
// decay, step volatility, Poisson tables and drift corrections per factor; the Cholesky factor
// of the (repaired) correlation; per factor and month the affine sum of its deterministic cells
// and futures, and the uncertain-volume cells and options one by one; Beta-PERT volume tables.
// Internal to ch::risk (not installed for other modules).

//! Monthly time step in years.
inline constexpr double kStepYears = 1.0 / 12.0;

struct CompiledFactor
{
    FactorModel model = FactorModel::MeanRevertingJump;
    double decay = 1.0;  //!< e^{−κΔ}: the share of today's deviation left after one month
    double stepSd = 0.0; //!< sd of one month's diffusion increment (exact OU discretisation)
    int dim = -1;        //!< row in the correlated normals, −1 when stepSd == 0
    int jumpSlot = -1;   //!< index among factors with jumps, −1 without jumps
    double jumpMean = 0.0;
    double jumpSd = 0.0;
    //! The Poisson CDF on the scale of a 32-bit word w: N = #{j : w >= jumpThreshold[j]}, with
    //! jumpThreshold[j] = round(2^32 · P(N <= j)) while that is below 2^32 (the tail beyond the
    //! last entry, below 2^-33, counts as the last entry).
    std::vector<std::uint32_t> jumpThreshold;
    std::vector<double> forward; //!< F_t per month, USD
    std::vector<float> drift; //!< m_t = ln E[e^{Y_t}] per month, so E[F_t·e^{Y_t − m_t}] = F_t
};

struct CompiledCell
{
    std::size_t factor = 0;
    double lowVolume = 0.0;
    double rangeVolume = 0.0; //!< high − low
    double priceSlope = 0.0; //!< multiplier × F_t: the cell's unit price is priceSlope·e + spread
    double spreadUsd = 0.0;
    int table = -1;         //!< volume table
    std::size_t epsRow = 0; //!< this cell's idiosyncratic normal among the month's normals
};

struct CompiledOption
{
    std::size_t factor = 0;
    double sign = 1.0;    //!< +1 call, −1 put
    double forward = 0.0; //!< F_t: the settlement price is F_t·e
    double strikeUsd = 0.0;
    double units = 0.0;       //!< units per contract × signed contracts
    double premiumCash = 0.0; //!< premium × units (paid, subtracted from the payoff)
};

//! What one factor's month adds to the paths, with e = e^{Y_t − m_t} the price relative to the
//! forward. Deterministic-volume cells and futures are affine in e, so however many of them a
//! factor has in a month, they collapse into one slope and one constant:
//!   cost = Σ volume × (multiplier × F_t·e + spread) = costSlope·e + costConst
//!   payoff = Σ units × (F_t·e − strike) = paySlope·e + payConst.
struct FactorMonth
{
    double costSlope = 0.0;
    double costConst = 0.0;
    double paySlope = 0.0;
    double payConst = 0.0;
    bool hasCost = false;    //!< any deterministic-volume cell
    bool hasPay = false;     //!< any future
    bool needsPrice = false; //!< an uncertain-volume cell or an option reads e per lane
};

//! Standardised Beta-PERT quantile as a function of a standard normal z: G(z) = Q(Φ(z)), tabulated
//! on a uniform grid of z and interpolated linearly (avoids Φ and an incomplete-beta inversion per
//! cell and path). Volume = low + range × G(z).
struct VolumeTable
{
    double modeShare = 0.0; //!< (mode − low) / (high − low), the table's key
    std::vector<double> values;
};

inline constexpr double kVolumeTableZ = 7.0; //!< grid covers z in [−7, 7]
inline constexpr std::size_t kVolumeTableSteps = 1024;

struct CompiledModel
{
    int horizon = 0;
    int quarters = 0;
    std::size_t factors = 0;
    std::size_t dims = 0; //!< correlated normals per month (diffusive factors + demand)
    int demandDim = -1;   //!< row of the demand shock, −1 without volume uncertainty
    std::size_t jumpFactors = 0;
    std::vector<double> cholesky; //!< dims × dims, lower triangular, row-major
    //! The Cholesky factor in single precision with each factor's row scaled by its stepSd, so
    //! that row d of L·z is directly that factor's monthly diffusion increment (the demand row,
    //! if any, is unscaled).
    std::vector<float> scaledCholesky;
    bool correlationRepaired = false;
    double repairFrobenius = 0.0;
    std::vector<CompiledFactor> factor;
    std::vector<std::vector<FactorMonth>> factorMonths;  //!< [month][factor]
    std::vector<std::vector<CompiledCell>> cellsByMonth; //!< the uncertain-volume cells
    std::vector<std::size_t> uncertainCellsByMonth;      //!< idiosyncratic normals per month
    std::vector<std::vector<CompiledOption>> optionsByMonth;
    std::vector<double> fixedCostByMonth; //!< contracted volume × fixed price, USD
    std::vector<VolumeTable> tables;
    double demandLoading = 0.0; //!< √ρd
    double idioLoading = 1.0;   //!< √(1 − ρd)
    bool hasHedge = false;

    //! Normals drawn per path and month: dims + the month's uncertain cells.
    std::size_t normalsForMonth(int month) const;
    std::size_t maxNormalsPerMonth() const;
    //! xoshiro256** outputs per path and month: one per pair of normals (Box–Muller), then one
    //! 32-bit half per factor with jumps (its count and, through the position of the word inside
    //! the count's interval, the size).
    std::size_t normalOutputs(int month) const { return (normalsForMonth(month) + 1) / 2; }
    std::size_t outputsForMonth(int month) const
    {
        return normalOutputs(month) + (jumpFactors + 1) / 2;
    }
    std::size_t maxOutputsPerMonth() const
    {
        return (maxNormalsPerMonth() + 1) / 2 + (jumpFactors + 1) / 2;
    }
    //! Cost quantities per side: the horizon, each quarter, each month.
    std::size_t quantitiesPerSide() const
    {
        return 1 + static_cast<std::size_t>(quarters) + static_cast<std::size_t>(horizon);
    }
    std::size_t quarterQuantity(int q) const { return 1 + static_cast<std::size_t>(q); }
    std::size_t monthQuantity(int m) const
    {
        return 1 + static_cast<std::size_t>(quarters) + static_cast<std::size_t>(m);
    }
};

//! Checks the inputs (validateRiskInputs) and compiles them.
CompiledModel compileModel(const RiskInputs& in);

//! The lower Cholesky factor of `corr`. When `corr` is not positive definite, its eigenvalues
//! are clipped at 1e-10 and the diagonal rescaled to one (the eigenvalue-clipping repair of
//! Rebonato & Jäckel 1999) first; `repaired` and the Frobenius distance report it.
Eigen::MatrixXd choleskyWithRepair(const Eigen::MatrixXd& corr, bool& repaired, double& frobenius);

} // namespace ch::risk::detail
