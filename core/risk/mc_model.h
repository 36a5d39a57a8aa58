#pragma once

#include "risk/risk_inputs.h"

#include <cstddef>
#include <vector>

namespace ch::risk::detail {

// The Monte Carlo model compiled from RiskInputs into flat tables the kernel reads: per-month
// decay, step volatility, Poisson tables and drift corrections per factor; the Cholesky factor
// of the (repaired) correlation; cells and instruments grouped by month; Beta-PERT volume tables.
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
    std::vector<double> poissonCdf; //!< P(N <= j) per month, j = 0..size−1
    std::vector<double> shift;      //!< ln F_t − ln E[e^{Y_t}] per month, so E[price] = forward
};

struct CompiledCell
{
    std::size_t factor = 0;
    double multiplier = 1.0;
    double spreadUsd = 0.0;
    double volume = 0.0; //!< the volume when deterministic (low == high)
    double lowVolume = 0.0;
    double rangeVolume = 0.0; //!< high − low
    int table = -1;           //!< volume table, −1 for a deterministic volume
    std::size_t epsRow = 0;   //!< this cell's idiosyncratic normal among the month's normals
};

struct CompiledInstrument
{
    InstrumentKind kind = InstrumentKind::Future;
    std::size_t factor = 0;
    double strikeUsd = 0.0;
    double units = 0.0;       //!< units per contract × signed contracts
    double premiumCash = 0.0; //!< premium × units (paid, subtracted from the payoff)
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
    bool correlationRepaired = false;
    double repairFrobenius = 0.0;
    std::vector<CompiledFactor> factor;
    std::vector<std::vector<CompiledCell>> cellsByMonth;
    std::vector<std::size_t> uncertainCellsByMonth;
    std::vector<std::vector<CompiledInstrument>> instrumentsByMonth;
    std::vector<double> fixedCostByMonth; //!< contracted volume × fixed price, USD
    std::vector<VolumeTable> tables;
    double demandLoading = 0.0; //!< √ρd
    double idioLoading = 1.0;   //!< √(1 − ρd)
    bool hasHedge = false;

    //! Normals drawn per path and month: dims + the month's uncertain cells. Jump sizes draw
    //! theirs only on the lanes that jump (mc_kernel.cpp, drawJumps).
    std::size_t normalsForMonth(int month) const;
    std::size_t maxNormalsPerMonth() const;
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
