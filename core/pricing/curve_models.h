#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <vector>

namespace ch::pricing {

// The two curve models of docs/pricing.md. Forwards are expectations of the index under the
// fitted (statistical) model: there is no traded futures market to calibrate a risk premium to.

//! Mean-reversion speed bounds for GPU indices: half-life between 1 and 12 months. The daily
//! AR(1) slope of a two-year window is close to 1 and noisy, so an unclamped estimate can imply a
//! half-life of years (a random walk: the long-run level is then meaningless) or of days (a
//! spike dominating the window). The range brackets the 1-3 month half-life of market.md §3.3.
inline constexpr double kMinHalfLifeYears = 1.0 / 12.0;
inline constexpr double kMaxHalfLifeYears = 1.0;

//! The structural decline (log per year) that puts the 36-month forward `discount36m` below the
//! long-run level: −ln(1 − discount36m) / 3. Requires 0 <= discount36m < 1.
double declineFor36MonthDiscount(double discount36m);

//! Default structural decline for a GPU index, from its resource (GPU type), calibrated to the
//! Silicon Data neocloud term structure of 2026-07-19 (market.md §2.1: 36-month term rate vs
//! spot): B200/B300 −8%, H200 −10% (assumption, between B200 and H100), H100 and L40S −13%,
//! A100 −15%; any other GPU −13%. Token indices return 0 (their decline is the step model's).
double defaultDeclinePerYear(const IndexDefinition& index);

//! Fits the MeanReverting model to the business-day log prices of `series` in
//! [valuationDate − windowDays, valuationDate]: x(t) = θ(t) + y(t), θ(t) = ln L − δ t, and
//! dy = −κ y dt + σ dW. The detrended log price z = x + δ t (t in years from the valuation date)
//! is regressed on its business-day lag, z_k = a + b z_{k−1} + ε, giving κ = −252 ln b, clamped
//! to the half-life range above; the long-run level ln L = mean(z_k − b z_{k−1}) / (1 − b) (the
//! regression's own a / (1 − b) when κ is inside the range; with a clamped b it is kept inside
//! the window's range of z, as the intercept then extrapolates the window's drift);
//! σ² = Var(ε) · 2κ / (1 − b²) (exact OU discretisation). Fewer than two observations give L =
//! spot; fewer than three, or a window in which z does not vary, give κ at the 12-month half-life
//! (b is then not identified). Requires a price on or before the valuation date, windowDays >= 1
//! and declinePerYear finite.
CurveModel fitMeanReverting(const PriceSeries& series,
                            Date valuationDate,
                            int windowDays,
                            double declinePerYear);

//! Fits the StepTrend model to the whole history up to the valuation date: jumpsPerYear = number
//! of down-steps (consecutive observations with a lower price) / years of history (ACT/365),
//! meanJumpLog = mean log size of those steps. Up-steps are not counted (list prices are cut at
//! releases; a rise is a tier re-composition, not a trend). Requires a price on or before the
//! valuation date.
CurveModel fitStepTrend(const PriceSeries& series, Date valuationDate);

//! E[S(t)] under `model`, `years` after the valuation date, starting from `spotUsd`:
//! - MeanReverting: exp(ln L − δ t + (ln S0 − ln L) e^{−κ t} + σ² (1 − e^{−2κ t}) / (4κ)),
//!   the log-normal mean of the OU deviation around the declining level;
//! - StepTrend: S0 exp(λ t (e^{μ_J} − 1)), the compound-Poisson mean with cut size fixed at
//!   its mean log size μ_J.
double expectedPrice(const CurveModel& model, double spotUsd, double years);

//! The forward for a monthly-average-settled contract: the mean of expectedPrice over the given
//! fixing times (years from the valuation date of each business day in the delivery month).
double averageExpectedPrice(const CurveModel& model,
                            double spotUsd,
                            const std::vector<double>& fixingYears);

//! Business-day fixing times of `delivery` in years (ACT/365) from the valuation date.
std::vector<double> fixingYearsOf(Month delivery, Date valuationDate);

//! The forward curve of one index: model by IndexKind (GpuRental -> fitMeanReverting with
//! defaultDeclinePerYear, TokenPrice -> fitStepTrend), points for the curveMonths delivery
//! months after the valuation month, spot = last price on or before the valuation date.
//! Throws ch::Error naming the index when it has no price on or before the valuation date.
ForwardCurve buildForwardCurve(const IndexDefinition& index,
                               const PriceSeries& series,
                               Date valuationDate,
                               int curveMonths = 36,
                               int windowDays = 730);

} // namespace ch::pricing
