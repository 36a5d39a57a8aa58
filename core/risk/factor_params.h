#pragma once

#include <optional>
#include <string>

namespace ch::risk {

//! How a reference index moves in the Monte Carlo (docs/risk.md §3).
enum class FactorModel : unsigned char {
    //! GPU rental indices: the log price deviates from the forward curve as an Ornstein-Uhlenbeck
    //! process (mean reversion towards the forward) plus compound Poisson jumps.
    MeanRevertingJump,
    //! Token tiers: list prices fall in steps at model releases (compound Poisson cuts) on top of
    //! the drift already in the forward curve; an optional diffusion (usually zero).
    TokenCuts
};

const char* factorModelCode(FactorModel m); //!< stable code: "mr_jump", "token_cuts"
bool parseFactorModel(const std::string& code, FactorModel& out);

//! Parameters of one risk factor, all annualised and in log-price terms. One plain struct serves
//! both models; a TokenCuts factor must have kappaPerYear == 0. Estimated from history
//! (estimation.h), shown in a table and overridable by the user (FactorParamOverrides).
struct FactorParams
{
    double kappaPerYear = 0.0; //!< mean-reversion speed; half-life = ln 2 / kappa years
    double sigmaAnnual = 0.0;  //!< diffusion volatility of the log price, per sqrt(year)
    double jumpsPerYear = 0.0; //!< Poisson intensity of jumps (GPU spikes, token price cuts)
    double jumpMeanLog = 0.0;  //!< mean of the log jump size (negative for price cuts)
    double jumpSdLog = 0.0;    //!< standard deviation of the log jump size

    friend bool operator==(const FactorParams&, const FactorParams&) = default;
};

//! A user's override of some parameters; unset fields keep the estimated value. Stored as is in
//! the workspace (0003_risk.sql), so the estimate can be refreshed under the override.
struct FactorParamOverrides
{
    std::optional<double> kappaPerYear;
    std::optional<double> sigmaAnnual;
    std::optional<double> jumpsPerYear;
    std::optional<double> jumpMeanLog;
    std::optional<double> jumpSdLog;

    bool empty() const;
    friend bool operator==(const FactorParamOverrides&, const FactorParamOverrides&) = default;
};

//! `estimated` with every set field of `overrides` replacing the estimate. The result is checked
//! with validateFactorParams, so a bad override throws ch::Error naming the field.
FactorParams
withOverrides(const FactorParams& estimated, const FactorParamOverrides& overrides, FactorModel m);

//! Throws ch::Error unless every parameter is finite, kappa, sigma, intensity and jump sd are
//! non-negative, the intensity is at most 120 per year, and a TokenCuts factor has kappa == 0.
//! `what` names the factor in the message ("GPU.H100.NC").
void validateFactorParams(const FactorParams& p, FactorModel m, const std::string& what);

} // namespace ch::risk
