#pragma once

#include <vector>

namespace ch::pricing {

// Black (1976), "The pricing of commodity contracts", J. Financial Economics 3, 167–179: a
// European option on a futures price F that is log-normal with volatility σ and no drift under
// the pricing measure, premium paid at inception and discounted at the continuous rate r:
//   call = e^{−rT} (F N(d1) − K N(d2)),  put = e^{−rT} (K N(−d2) − F N(−d1)),
//   d1 = (ln(F/K) + σ²T/2) / (σ√T),  d2 = d1 − σ√T.
// Greeks follow Haug (2007), "The Complete Guide to Option Pricing Formulas", 2nd ed., ch. 1
// (Black-76) and ch. 2 (greeks). Units: prices in the futures' quotation (USD per GPU-hour or per
// 1M tokens), σ per sqrt(year), T in years, r continuously compounded per year.

enum class OptionType { Call, Put };

//! Inputs of one Black-76 valuation. Preconditions (checked, ch::Error): F > 0, K > 0, σ >= 0,
//! T >= 0, all finite.
struct Black76Inputs
{
    OptionType type = OptionType::Call;
    double forward = 0.0;       //!< futures price F
    double strike = 0.0;        //!< K
    double volAnnual = 0.0;     //!< σ
    double yearsToExpiry = 0.0; //!< T
    double rate = 0.0;          //!< r
};

//! Price and sensitivities. delta = ∂V/∂F, gamma = ∂²V/∂F², vega = ∂V/∂σ (per 1.00 of vol, i.e.
//! divide by 100 for one vol point), theta = ∂V/∂t = −∂V/∂T (per year of calendar time).
struct Black76Result
{
    double price = 0.0;
    double delta = 0.0;
    double gamma = 0.0;
    double vega = 0.0;
    double theta = 0.0;
};

//! Standard normal CDF, 0.5 erfc(−x/√2) (accurate in both tails, unlike 1 + erf).
double normalCdf(double x);
//! Standard normal density.
double normalPdf(double x);

//! Black-76 premium. When σ√T = 0 (zero vol or expiry now) it is the discounted intrinsic value
//! e^{−rT} max(±(F − K), 0), the limit of the formula.
double black76Price(const Black76Inputs& in);

//! Premium and greeks. In the σ√T = 0 limit: delta = ±e^{−rT} in the money, 0 out of the money
//! and ±e^{−rT}/2 at the money (the average of the one-sided limits); gamma = vega = 0; theta =
//! r × price.
Black76Result black76(const Black76Inputs& in);

//! Effective volatility for an option on a monthly-average-settled future (the CME-style
//! contract settles on the arithmetic mean of the daily index over the business days of the
//! delivery month). The futures price at the option's expiry T is
//!   F_T = (1/n) Σ_i S_i(min(t_i, T)),
//! where each daily forward S_i is driftless log-normal with vol σ until it fixes at t_i. Its
//! second moment is E[F_T²] = F² (1/n²) Σ_i Σ_j exp(σ² min(t_i, t_j, T)) (fixings already past,
//! t_i <= 0, contribute no variance). Matching a log-normal to the first two moments (Turnbull &
//! Wakeman 1991, JFQA 26(3) 377–389; Levy 1992 for discrete fixings; Haug 2007 ch. 4) gives
//!   σ_eff² = ln(E[F_T²] / F²) / T.
//! So σ_eff = σ when the option expires before the first fixing, and falls towards σ/√3 for an
//! option expiring at the end of a window that starts now. Use it as volAnnual in black76().
//! Requires σ >= 0, T >= 0, finite fixing times and at least one fixing. At T = 0 it returns the
//! T → 0 limit σ·m/n, m being the number of fixings still ahead (t_i > 0); the premium is then
//! intrinsic whatever the vol.
double averageSettlementVol(double volAnnual,
                            const std::vector<double>& fixingYears,
                            double yearsToExpiry);

} // namespace ch::pricing
