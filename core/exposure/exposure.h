#pragma once

#include "domain/issue.h"
#include "domain/plan.h"
#include "domain/plan_records.h"
#include "exposure/basis.h"
#include "pricing/market_snapshot.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::exposure {

// Exposure: for every plan line × month × scenario, what is already priced (contracted capacity)
// and what is open to the market, valued at the forward curve. These are analytics, so every
// figure here is double USD (STYLE.md §3, as Strata's CurrencyAmount); Money appears only in the
// records they are computed from (contract prices are exact UnitRate micros, bills and budget
// amounts are Money) and only becomes Money again if a figure is booked.

//! Which price valued the open volume.
enum class PriceSource : std::uint8_t {
    Forward,          //!< the forward of the line's index (no actuals for the line)
    ForwardTimesBasis //!< forward × measured basis mean (the line has actuals)
};
const char* priceSourceCode(PriceSource s);  //!< stable: "forward", "forward_x_basis"
const char* priceSourceLabel(PriceSource s); //!< for people: "forward", "forward × basis"

//! One line × month × scenario. Volumes are in the line's unit (GPU-hours or MTok).
struct ExposureCell
{
    std::size_t lineIndex = 0; //!< position in Plan::lines()
    Month month{};
    Scenario scenario = Scenario::Base;
    double plannedVolume = 0.0;
    double contractedVolume = 0.0; //!< bound contracts + pooled capacity allocated to the line
    double openVolume = 0.0;       //!< max(planned − contracted, 0)
    double surplusVolume = 0.0;    //!< max(contracted − planned, 0)
    double forwardUsd = 0.0;       //!< forward of the line's index for the month, USD per unit
    double basisFactor = 1.0;      //!< measured basis mean, 1 without actuals
    PriceSource priceSource = PriceSource::Forward;
    double priceUsd = 0.0;          //!< forwardUsd × basisFactor
    double exposureUsd = 0.0;       //!< openVolume × priceUsd
    double contractedCostUsd = 0.0; //!< Σ contracted volume × its contract's fixed price
    double totalCostUsd = 0.0;      //!< contractedCostUsd + exposureUsd
    std::optional<double> budgetUsd;
    std::optional<double> varianceUsd; //!< totalCostUsd − budgetUsd (> 0: above budget)
};

//! Pooled capacity no plan line needed in a month and scenario: it is paid for, so its cost counts
//! in the totals, but it covers nothing.
struct UnallocatedCapacity
{
    std::string contractId;
    Resource resource;
    std::string indexId;
    Month month{};
    Scenario scenario = Scenario::Base;
    double volume = 0.0;
    double costUsd = 0.0;
};

//! Sums in USD for one scenario. Budget and variance sum over budgeted cells only.
struct CostSummary
{
    double exposureUsd = 0.0;
    double contractedCostUsd = 0.0;
    double totalCostUsd = 0.0;
    double budgetUsd = 0.0;
    double budgetedCostUsd = 0.0; //!< totalCostUsd of the budgeted cells
    double varianceUsd = 0.0;     //!< budgetedCostUsd − budgetUsd
    int budgetedCells = 0;
};
using ScenarioCosts = std::array<CostSummary, 3>; //!< indexed by Scenario (low, base, high)

//! Totals for a calendar period: a month ("2027-02"), a quarter ("2027-Q1") or a year ("2027"),
//! clipped to the plan (the first and last months say which plan months it holds).
struct PeriodTotals
{
    std::string period;
    Month first{};
    Month last{};
    ScenarioCosts costs;
};

//! Totals for one resource; volumes can be summed here because they share a unit.
struct ResourceTotals
{
    Resource resource;
    ScenarioCosts costs;
    std::array<double, 3> plannedVolume{};
    std::array<double, 3> contractedVolume{};
    std::array<double, 3> openVolume{};
    std::array<double, 3> surplusVolume{};
};

struct ExposureReport
{
    Month firstMonth{};
    int months = 0;
    std::size_t lineCount = 0;
    //! Line-major, then month, then scenario: see cell().
    std::vector<ExposureCell> cells;
    std::vector<UnallocatedCapacity> unallocated;
    std::vector<PeriodTotals> byMonth;
    std::vector<PeriodTotals> byQuarter;
    std::vector<PeriodTotals> byYear;
    std::vector<ResourceTotals> byResource; //!< resources present in the plan, allResources() order
    ScenarioCosts total;

    const ExposureCell& cell(std::size_t lineIndex, int monthIndex, Scenario s) const;
};

//! The inputs exposure needs, checked before computing: every line has a curve for its index in
//! the line's unit covering every plan month; contracts name existing lines whose resource and
//! index they match; budgets name existing lines, a price budget is in the line's unit, and a line
//! and month has at most one budget. Messages name the line, contract or budget, e.g.
//! `exposure: line "h100-train": no forward curve for GPU.H100.HS`.
std::vector<Issue> checkExposureInputs(const Plan& plan,
                                       const std::vector<ContractedCapacity>& contracts,
                                       const std::vector<BudgetEntry>& budgets,
                                       const std::vector<pricing::ForwardCurve>& curves);

//! Exposure of the plan (formulas in docs/plan-and-exposure.md, "Exposure"). Per line, month and
//! scenario: contracted = bound contracts + pooled capacity allocated in plan order (each line
//! takes what it still has open, contract by contract in the order given); open and surplus as in
//! ExposureCell; price = forward × basis mean when the line's basis is measured, else the forward.
//! Throws ch::Error with the first problem when checkExposureInputs() finds an error.
ExposureReport computeExposure(const Plan& plan,
                               const std::vector<ContractedCapacity>& contracts,
                               const BasisReport& basis,
                               const std::vector<BudgetEntry>& budgets,
                               const std::vector<pricing::ForwardCurve>& curves);

} // namespace ch::exposure
