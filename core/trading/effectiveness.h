#pragma once

#include "domain/dates.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::trading {

// Hedge effectiveness tests as commonly applied under ASC 815 (shared/reference/market.md §4.5;
// Deloitte DART 2.5, PwC Viewpoint 9.11). Inputs are per-period value changes in USD, both from
// the company's point of view: a rise in the cost of a forecast GPU purchase is a negative change
// of the hedged item, and the long future's gain a positive change of the derivative, so an
// effective hedge shows changes of opposite sign.

inline constexpr double kDollarOffsetLow = 0.80;
inline constexpr double kDollarOffsetHigh = 1.25;
inline constexpr double kMinRSquared = 0.80;
inline constexpr double kSlopeLow = -1.25;
inline constexpr double kSlopeHigh = -0.80;

struct DollarOffsetResult
{
    double cumulativeHedgedChange = 0.0;     //!< Σ ΔH, USD
    double cumulativeDerivativeChange = 0.0; //!< Σ ΔD, USD
    std::optional<double> ratio;             //!< |Σ ΔD / Σ ΔH|; empty when ΣΔH is zero
    bool offsetting = false;                 //!< the cumulative changes have opposite signs
    bool smallDenominator = false;           //!< |Σ ΔH| <= the floor: the ratio is not meaningful
    bool pass = false;                       //!< offsetting, not small, ratio within 80%–125%
    std::string explanation;
};

//! Cumulative dollar offset: the ratio of the derivative's cumulative change to the hedged item's,
//! in absolute value, passes within 80%–125% when the changes offset (opposite signs). When the
//! hedged item barely moved (|Σ ΔH| <= smallDenominatorFloorUsd) the ratio swings wildly, so the
//! result is flagged and does not pass; use the regression test then. Throws ch::Error for vectors
//! of different lengths, an empty vector or a negative floor.
DollarOffsetResult dollarOffsetTest(const std::vector<double>& hedgedChanges,
                                    const std::vector<double>& derivativeChanges,
                                    double smallDenominatorFloorUsd);

struct RegressionResult
{
    std::size_t observations = 0;
    double slope = 0.0;         //!< b in ΔD = a + b·ΔH (ordinary least squares)
    double intercept = 0.0;     //!< a, USD
    double rSquared = 0.0;      //!< Sxy² / (Sxx·Syy)
    double slopeStdError = 0.0; //!< sqrt(SSE / (n−2) / Sxx)
    double slopeTStat = 0.0;    //!< slope / slopeStdError (infinite for a perfect fit)
    //! The hedged-item changes hardly vary (Sxx ≈ 0) or n < 3: no slope can be estimated.
    bool degenerate = false;
    bool pass = false; //!< R² >= 0.80 and −1.25 <= slope <= −0.80, not degenerate
    std::string explanation;
};

//! Regression of derivative changes on hedged-item changes. Throws ch::Error for vectors of
//! different lengths or non-finite values.
RegressionResult regressionTest(const std::vector<double>& hedgedChanges,
                                const std::vector<double>& derivativeChanges);

enum class EffectivenessMethod : std::uint8_t {
    DollarOffset,
    Regression,
    DollarOffsetAndRegression
};
//! "dollar_offset", "regression", "dollar_offset_and_regression"
const char* effectivenessMethodCode(EffectivenessMethod m);

//! What is documented at inception (market.md §4.5 "Product outputs").
struct HedgeDesignation
{
    std::string reference; //!< e.g. "HR-2026-004"
    Date designationDate{};
    std::string
        hedgedItem; //!< e.g. "Forecast H100 on-demand purchases, 2027-Q1, 5,000 GPU-h/month"
    std::string hedgingInstrument; //!< e.g. "Long CHG.H100 2027-01..03 futures, 7 contracts/month"
    std::string riskHedged;  //!< e.g. "Variability of cash flows from changes in the H100 index"
    double hedgeRatio = 1.0; //!< hedging instrument quantity / hedged item quantity
    EffectivenessMethod method = EffectivenessMethod::DollarOffsetAndRegression;
    std::string assessmentFrequency = "quarterly"; //!< ASC 815: at least quarterly
    std::string preparedBy;
};

//! The designation memo as plain text, one "Field: value" line each, plus the pass criteria of the
//! chosen method. Throws ch::Error if hedged item, instrument or risk is empty or the ratio <= 0.
std::string designationMemo(const HedgeDesignation& designation);

} // namespace ch::trading
