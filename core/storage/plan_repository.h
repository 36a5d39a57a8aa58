#pragma once

#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"
#include "domain/plan_records.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

//! Everything the Plan and Exposure pages edit, saved and loaded as one value: the plan (lines,
//! cells, helpers), contracted capacity, bills already paid and the budget.
struct PlanBook
{
    Plan plan;
    std::vector<ContractedCapacity> contracts;
    std::vector<ActualBill> actuals;
    std::vector<BudgetEntry> budget;

    friend bool operator==(const PlanBook&, const PlanBook&) = default;
};

//! Problems that would make a book inconsistent: a contract bound to a line the plan does not
//! have (or whose resource or index differs from the line's), a budget on an unknown line, a
//! price budget in another unit than its line, two budgets for one line and month. Issues have
//! source `source` and line 0, e.g.
//! `plan.csv: contract "res-h100": line "h100-a" is not in the plan; expected ...`.
std::vector<Issue> checkBookReferences(const PlanBook& book, const std::string& source);

//! Outcome of importing plan.csv, contracts.csv or actuals.csv (all or nothing).
struct PlanImportReport
{
    std::string sourceName;   //!< file name as shown to the user
    std::size_t imported = 0; //!< plan lines, contracts or bills read from the file
    std::size_t replaced = 0; //!< plan: lines the old plan had; contracts, bills: same-key rows
    std::size_t added = 0;    //!< contracts, bills: new keys (plan: equal to imported)
    std::size_t budgetDropped = 0; //!< plan: budget entries of lines the file no longer has
    std::vector<Issue> issues;     //!< every problem, sorted by line
    bool applied = false;          //!< false when any issue is an error: nothing was written
};

//! The plan aggregate of a workspace (tables of schema/0002_plan.sql): load() reads it whole,
//! save() replaces it whole in one BEGIN IMMEDIATE transaction (a plan of 50 lines × 36 months
//! is a few thousand rows, so replace-all is simpler than diffing and still fast). Reads return
//! exactly the values written (volumes are REAL, so doubles round-trip bit for bit; prices are
//! INTEGER micro-USD and amounts INTEGER cents).
//!
//! Imports parse the file in core (exposure/plan_csv.h, records_csv.h), check it against the rest
//! of the book, and write nothing when any issue is an error.
class PlanRepository
{
public:
    explicit PlanRepository(Workspace& workspace);

    //! The stored book; a workspace without a saved plan gives an empty Plan() (0 months) and
    //! whatever records it holds.
    PlanBook load() const;
    //! Whether a plan (its months) has been saved.
    bool hasPlan() const;
    //! Replaces the stored book with `book` in one transaction. Throws ch::Error when the book's
    //! references are inconsistent (checkBookReferences), StorageError when SQLite fails; either
    //! way nothing changes.
    void save(const PlanBook& book);

    //! The first month of a new plan: the stored plan's, otherwise the month after the reference
    //! dataset's valuation date; nullopt when the workspace has neither.
    std::optional<Month> planFirstMonth() const;
    //! The stored plan, or an empty plan of 36 months from planFirstMonth(); Plan() when there is
    //! no first month either.
    Plan planOrEmpty() const;

    //! plan.csv replaces the plan's lines (helpers are not in the file: their lines come back as
    //! manual lines). The months are the stored plan's, or 36 from planFirstMonth(). Contracts
    //! bound to a line the file drops are errors; budget entries of such lines are dropped
    //! (counted in budgetDropped, with a warning).
    PlanImportReport importPlanCsv(const std::filesystem::path& file);
    //! contracts.csv: each contract in the file replaces the stored one with the same id or is
    //! appended.
    PlanImportReport importContractsCsv(const std::filesystem::path& file);
    //! actuals.csv: each bill replaces the stored bill for the same month, provider and resource
    //! or is appended.
    PlanImportReport importActualsCsv(const std::filesystem::path& file);

    //! Writes the stored plan / contracts / bills in the import format to `file` (atomically:
    //! a temporary file renamed into place). Throws StorageError when the file cannot be written.
    void exportPlanCsv(const std::filesystem::path& file) const;
    void exportContractsCsv(const std::filesystem::path& file) const;
    void exportActualsCsv(const std::filesystem::path& file) const;

private:
    //! The shared body of importContractsCsv and importActualsCsv (plan_import.cpp).
    template <class Parse, class Records, class Key>
    PlanImportReport
    importRecords(const std::filesystem::path& file, Parse parse, Records records, Key key);

    Workspace& m_workspace;
};

//! The demo workspace's plan step (called from seedDemoContent): exposure::demoPlan and its
//! contracts, bills and budget, with the first plan month after the dataset's valuation date.
void seedDemoPlan(Workspace& workspace, const MarketDataSet& market);

} // namespace ch::storage
