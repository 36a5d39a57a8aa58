#pragma once

#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"
#include "domain/plan_records.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::exposure {

// Measured basis: how the prices the company actually pays relate to the reference index it
// hedges with. Analytics, so double USD; the bills themselves are Money (plan_records.h).

//! The index's monthly average: the arithmetic mean of its observations on the US business days of
//! `m` (pricing::businessDayPrices), the same average CME-style monthly futures settle on
//! (shared/reference/market.md §1.1). nullopt when the series has no business-day point in `m`.
std::optional<double> indexMonthlyAverage(const PriceSeries& series, Month m);

//! One bill next to the index it is compared with (the Actuals page).
struct BillComparison
{
    std::size_t billIndex = 0;   //!< position in the bills passed in
    std::string indexId;         //!< the resource's default index
    double paidUsdPerUnit = 0.0; //!< amount ÷ quantity
    std::optional<double> indexAverageUsd;
    std::optional<double> ratio; //!< paid ÷ index average, when the average exists
};
std::vector<BillComparison> compareBills(const std::vector<ActualBill>& bills,
                                         const std::vector<PriceSeries>& history);

//! One month of a line's basis: all bills for the line's resource in the month pooled together.
struct BasisObservation
{
    Month month{};
    double quantity = 0.0;       //!< units billed in the month (all providers)
    double paidUsd = 0.0;        //!< USD billed in the month
    double paidUsdPerUnit = 0.0; //!< paidUsd ÷ quantity (volume-weighted across providers)
    double indexAverageUsd = 0.0;
    double ratio = 0.0; //!< paidUsdPerUnit ÷ indexAverageUsd
};

//! The measured basis of one plan line against the line's own index:
//! mean = (1/n) Σ ratio_m and stdDev = sqrt(Σ (ratio_m − mean)² / (n − 1)) over the n months with
//! bills and an index average (each month weighs the same). With no such month the basis is
//! unmeasured: mean 1, stdDev 0, and exposure prices the line at the plain forward. With one month
//! stdDev is 0 (a spread needs two points); `observations.size()` says how much evidence there is.
struct BasisEstimate
{
    std::string lineId;
    Resource resource;
    std::string indexId;
    std::vector<BasisObservation> observations;
    double mean = 1.0;
    double stdDev = 0.0;

    bool isMeasured() const { return !observations.empty(); }
};

struct BasisReport
{
    std::vector<BasisEstimate> lines; //!< one per plan line, in plan order
    std::vector<Issue> warnings;      //!< bill months left out for want of index prices
    const BasisEstimate* find(std::string_view lineId) const;
};

//! The basis of every plan line from the bills for its resource, against its index's history.
//! A month with bills but no index average is left out with a warning naming it.
BasisReport measureBasis(const Plan& plan,
                         const std::vector<ActualBill>& bills,
                         const std::vector<PriceSeries>& history);

} // namespace ch::exposure
