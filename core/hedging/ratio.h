#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "exposure/basis.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::hedging {

// Minimum-variance hedge ratios from history (docs/hedging.md §2).
//
// S is the price the company pays (the exposure's index, or its own paid prices when bills
// measure a basis) and F the index a contract settles on. With r_S and r_F the log returns of
// their period averages over the same periods, the minimum-variance hedge of one unit of S is
//   β = ρ·σ_S/σ_F = Cov(r_S, r_F) / Var(r_F)          (Johnson 1960; Ederington 1979, J. Finance
//                                                      34(1) 157–170; Hull, "Options, Futures
//                                                      and Other Derivatives", §3.4)
// which is also the OLS slope of r_S on r_F, with R² = ρ² the share of S's variance the hedge
// removes. The regression residual is the basis risk left after hedging.
//
// Why log returns of averages: futures settle on the monthly average of the daily index, and a
// plan month's cost is a monthly average too, so averages are the quantities hedged; log returns
// make the estimate scale-free (an H200 at 3.50 USD and an H100 at 2.50 USD move together in
// percent, not in cents) and match the log-price risk model (docs/risk.md). Weekly averages are
// the default: enough observations from two years of history (~100 against ~24 monthly) while
// still smoothing the daily index noise that no monthly hedge needs to follow.
//
// β is an elasticity (percent per percent). The hedge in units — contract units per exposure
// unit, the h* that sizes contracts — is β × price_S / price_F, evaluated at the forwards of the
// month hedged (hedgeUnitsPerExposureUnit); for a contract on the exposure's own index it is 1.

enum class Sampling : std::uint8_t {
    Daily,  //!< business-day log returns (pricing::alignedLogReturns)
    Weekly, //!< averages over Monday–Friday weeks of the common business days
    Monthly //!< averages over calendar months (what CME-style contracts settle on)
};
const char* samplingCode(Sampling s); //!< "daily", "weekly", "monthly"
double periodsPerYear(Sampling s);    //!< 252, 52, 12

//! A price the company paid for one month: USD per unit, the basis-measured series
//! (exposure::BasisObservation::paidUsdPerUnit) that replaces the index as S when bills exist.
struct MonthlyPrice
{
    Month month{};
    double usd = 0.0;

    friend bool operator==(const MonthlyPrice&, const MonthlyPrice&) = default;
};

//! The paid prices of a plan line with measured basis: one point per observed month, the
//! volume-weighted USD per unit billed (BasisObservation::paidUsdPerUnit), in month order.
std::vector<MonthlyPrice> paidPriceSeries(const exposure::BasisEstimate& basis);

//! History window and sampling of an estimate. With paid prices the sampling is always Monthly.
struct RatioWindow
{
    Date from{};
    Date to{};
    Sampling sampling = Sampling::Weekly;
    std::size_t minObservations = 8; //!< fewer returns than this is an error, not an estimate
};

//! One regression of r_S on r_F. Vols are annualised (× sqrt(periodsPerYear)); they are vols of
//! period averages, a little below the daily index vol. `beta` is computed as ρ·σ_S/σ_F and
//! `olsSlope` as Sxy/Sxx; the two agree to rounding (tested).
struct HedgeRatioEstimate
{
    std::string exposureSeries; //!< index id, or "paid:<id>" for a paid-price series
    std::string contractIndex;
    Sampling sampling = Sampling::Weekly;
    std::size_t observations = 0; //!< returns used
    double correlation = 0.0;     //!< ρ
    double exposureVolAnnual = 0.0;
    double contractVolAnnual = 0.0;
    double beta = 0.0;     //!< ρ·σ_S/σ_F
    double olsSlope = 0.0; //!< OLS slope of r_S on r_F
    double slopeStandardError = 0.0;
    double intercept = 0.0;       //!< per period
    double rSquared = 0.0;        //!< ρ²
    double basisVolAnnual = 0.0;  //!< residual sd, annualised: the risk the hedge leaves
    double exposureLastUsd = 0.0; //!< last period average of S
    double contractLastUsd = 0.0; //!< last period average of F

    friend bool operator==(const HedgeRatioEstimate&, const HedgeRatioEstimate&) = default;
};

//! β of `exposure` on `contract` over the window. Issues (source "hedge ratio", field = the
//! exposure series): an error when fewer than window.minObservations returns overlap, a warning
//! when the contract series has no variance (β is then 0). `paid`, when given, replaces the
//! exposure index by the company's monthly paid prices; it must be sorted by month.
Parsed<HedgeRatioEstimate> estimateHedgeRatio(const PriceSeries& exposure,
                                              const PriceSeries& contract,
                                              const RatioWindow& window,
                                              const std::vector<MonthlyPrice>* paid = nullptr);

//! The same from two samples of returns (for tests and callers with their own returns): x = r_F,
//! y = r_S. Requires equal lengths and at least 3 points (ch::Error).
HedgeRatioEstimate regressReturns(const std::vector<double>& exposureReturns,
                                  const std::vector<double>& contractReturns,
                                  double periodsPerYear);

//! h* in contract units per exposure unit: β × exposurePriceUsd / contractPriceUsd. Requires
//! both prices > 0.
double hedgeUnitsPerExposureUnit(double beta, double exposurePriceUsd, double contractPriceUsd);

//! A contract considered for an exposure, with its score.
struct CandidateScore
{
    std::string symbol;
    std::string indexId;
    bool ownIndex = false; //!< settles on the exposure's own index
    std::optional<HedgeRatioEstimate> estimate;
    std::string note; //!< why it was not usable, when it was not

    friend bool operator==(const CandidateScore&, const CandidateScore&) = default;
};

//! The contract chosen to hedge one exposure index.
struct HedgeChoice
{
    std::string exposureIndexId;
    std::string symbol;
    std::string contractIndexId;
    bool crossHedge = false; //!< the contract settles on another index
    HedgeRatioEstimate ratio;
    std::vector<CandidateScore> ranking; //!< every allowed contract of the unit, best first

    friend bool operator==(const HedgeChoice&, const HedgeChoice&) = default;
};

struct HedgeChoiceResult
{
    std::optional<HedgeChoice> choice;
    std::vector<Issue> issues;
};

//! Chooses the contract for an exposure index among `contracts` allowed by `allowedSymbols`
//! (empty = all) with the exposure's unit: a contract on the exposure's own index when there is
//! one, otherwise the candidate with the highest R² (a cross hedge: H200 or L40S on CHG.H100, a
//! token tier on the nearest tier's contract). `history` must hold the series of the exposure
//! and of each candidate's index. A warning Issue names the choice when R² < 0.8 (source "hedge
//! ratio", field = the exposure index), e.g. `GPU.L40S.NC: warning: cross hedge with CHG.H100:
//! R² 0.62 is below 0.80; ...`.
HedgeChoiceResult chooseHedgeContract(const std::string& exposureIndexId,
                                      Unit exposureUnit,
                                      const std::vector<ContractSpec>& contracts,
                                      const std::vector<std::string>& allowedSymbols,
                                      const std::vector<PriceSeries>& history,
                                      const RatioWindow& window,
                                      const std::vector<MonthlyPrice>* paid = nullptr);

//! R² below this draws a warning: the hedge leaves more than 20% of the variance.
inline constexpr double kMinCrossHedgeRSquared = 0.8;

} // namespace ch::hedging
