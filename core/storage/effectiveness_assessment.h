#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "storage/designation_repository.h"
#include "trading/effectiveness.h"

#include <cstddef>
#include <optional>
#include <string>

namespace ch::storage {

//! One designated hedge with its effectiveness tests: the per-period changes
//! (effectivenessSeries), the cumulative dollar offset and the regression
//! (trading/effectiveness.h). `problem` is set instead when the tests could not run. Shared by the
//! Effectiveness page (ui::EffectivenessTableModel) and `computehedge-cli effectiveness`, so both
//! report the same numbers.
struct EffectivenessAssessment
{
    DesignatedHedge hedge;
    std::size_t periods = 0;
    std::optional<trading::DollarOffsetResult> dollarOffset;
    std::optional<trading::RegressionResult> regression;
    std::string problem;

    //! Passes the designation's method: dollar offset, regression, or both.
    bool passes() const;
};

//! Runs the tests for `hedge` on the market data as of `valuationDate` (24 monthly changes). A
//! failure (a missing index or contract) becomes `problem`, not an exception, so one bad
//! designation does not hide the others.
EffectivenessAssessment
assessEffectiveness(const DesignatedHedge& hedge, const MarketDataSet& market, Date valuationDate);

//! The designation memo followed by the latest assessment, for export.
std::string effectivenessMemo(const EffectivenessAssessment& row, Date valuationDate);

} // namespace ch::storage
