#pragma once

// Internal to core/storage: the SQL text and the row <-> domain mapping of the plan tables
// (schema/0002_plan.sql), in one place (STYLE.md §7). Column order in each SELECT matches its
// *FromRow function and the bind order of its INSERT. A stored value that does not map back to
// the domain is workspace damage and throws StorageError naming the row.

#include "domain/plan.h"
#include "domain/plan_records.h"

#include <QSqlQuery>
#include <QString>

#include <string>

namespace ch::storage::planrows {

//! Tables in the order replace-all deletes them (children before parents).
inline constexpr const char* kTablesChildrenFirst[] = {"budget_entries",
                                                       "capacity_months",
                                                       "capacity_contracts",
                                                       "actual_bills",
                                                       "plan_cells",
                                                       "plan_lines",
                                                       "plan_helpers",
                                                       "plan_info"};

inline const QString kSelectInfo =
    QStringLiteral("SELECT first_month, months FROM plan_info WHERE id = 1");
inline const QString kInsertInfo =
    QStringLiteral("INSERT INTO plan_info (id, first_month, months) VALUES (1, ?, ?)");

inline const QString kHelperColumns = QStringLiteral(
    "id, position, kind, name, confidence, index_id, uncertainty, gpu_type, gpus, start_date, "
    "wall_clock_days, utilisation, serving, tier, tokens_per_second_per_gpu, requests_per_day, "
    "input_tokens_per_request, output_tokens_per_request, monthly_growth, start_month, months");
inline const QString kSelectHelpers = QStringLiteral("SELECT ") + kHelperColumns
                                      + QStringLiteral(" FROM plan_helpers ORDER BY position");
inline const QString kInsertHelper = QStringLiteral("INSERT INTO plan_helpers (") + kHelperColumns
                                     + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                                      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

inline const QString kSelectLines = QStringLiteral(
    "SELECT id, name, resource, index_id, unit, confidence, helper_id FROM plan_lines "
    "ORDER BY position");
inline const QString kInsertLine = QStringLiteral(
    "INSERT INTO plan_lines (id, position, name, resource, index_id, unit, confidence, helper_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

inline const QString kSelectCells = QStringLiteral(
    "SELECT line_id, month, low, base, high FROM plan_cells ORDER BY line_id, month");
inline const QString kInsertCell = QStringLiteral(
    "INSERT INTO plan_cells (line_id, month, low, base, high) VALUES (?, ?, ?, ?, ?)");

inline const QString kSelectContracts = QStringLiteral(
    "SELECT id, line_id, resource, index_id, unit, kind, counterparty, price_micros, first_month "
    "FROM capacity_contracts ORDER BY position");
inline const QString kInsertContract = QStringLiteral(
    "INSERT INTO capacity_contracts (id, position, line_id, resource, index_id, unit, kind, "
    "counterparty, price_micros, first_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
inline const QString kSelectContractMonths = QStringLiteral(
    "SELECT contract_id, month, quantity FROM capacity_months ORDER BY contract_id, month");
inline const QString kInsertContractMonth =
    QStringLiteral("INSERT INTO capacity_months (contract_id, month, quantity) VALUES (?, ?, ?)");

inline const QString kSelectBills = QStringLiteral(
    "SELECT month, provider, resource, unit, quantity, amount_cents FROM actual_bills "
    "ORDER BY position");
inline const QString kInsertBill = QStringLiteral(
    "INSERT INTO actual_bills (position, month, provider, resource, unit, quantity, amount_cents) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)");

inline const QString kSelectBudget =
    QStringLiteral("SELECT line_id, month, price_micros, unit, amount_cents FROM budget_entries "
                   "ORDER BY position");
inline const QString kInsertBudget = QStringLiteral(
    "INSERT INTO budget_entries (line_id, month, position, price_micros, unit, amount_cents) "
    "VALUES (?, ?, ?, ?, ?, ?)");

//! An ISO month column ("2027-02"); `what` names the row for the error.
Month monthFromColumn(const QVariant& v, const std::string& what);
QString monthText(Month m);

PlanHelper helperFromRow(const QSqlQuery& row);
void bindHelper(QSqlQuery& q, const PlanHelper& helper, int position);

//! A line's attributes (columns of kSelectLines); its cells are read separately.
struct LineRow
{
    std::string id;
    std::string name;
    Resource resource;
    std::string indexId;
    ConfidenceClass confidence = ConfidenceClass::Forecast;
    std::string helperId;
};
LineRow lineFromRow(const QSqlQuery& row);
void bindLine(QSqlQuery& q, const PlanLine& line, int position);
void bindCell(QSqlQuery& q, const QString& lineId, Month m, const VolumeTriple& v);
//! The (low, base, high) columns starting at `firstColumn`; `what` names the cell.
VolumeTriple cellFromRow(const QSqlQuery& row, int firstColumn, const std::string& what);

//! A contract's attributes (columns of kSelectContracts); its months are read separately.
struct ContractRow
{
    std::string id;
    std::string lineId;
    Resource resource;
    std::string indexId;
    ContractKind kind = ContractKind::ReservedInstance;
    std::string counterparty;
    UnitRate price;
    Month firstMonth{};
};
ContractRow contractFromRow(const QSqlQuery& row);
void bindContract(QSqlQuery& q, const ContractedCapacity& c, int position);

ActualBill billFromRow(const QSqlQuery& row);
void bindBill(QSqlQuery& q, const ActualBill& bill, int position);

BudgetEntry budgetFromRow(const QSqlQuery& row);
void bindBudget(QSqlQuery& q, const BudgetEntry& entry, int position);

} // namespace ch::storage::planrows
