#include "storage/plan_repository.h"

#include "exposure/demo.h"
#include "exposure/plan_csv.h"
#include "exposure/records_csv.h"
#include "storage/conversions.h"
#include "storage/market_data_repository.h"
#include "storage/plan_rows.h"
#include "storage/repository_sql.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ch::storage {

namespace {

using reposql::contextOf;
using reposql::databaseOf;
using reposql::forEachRow;

//! The cells of every line, keyed by line id, one optional per plan month (missing cells stay
//! empty so load() can name them).
using CellTable = std::map<std::string, std::vector<std::optional<VolumeTriple>>, std::less<>>;

Plan assemblePlan(Month first,
                  int months,
                  const std::vector<planrows::LineRow>& rows,
                  CellTable& cells,
                  std::vector<PlanHelper> helpers)
{
    std::vector<PlanLine> lines;
    lines.reserve(rows.size());
    for (const auto& row : rows) {
        auto it = cells.find(row.id);
        std::vector<VolumeTriple> values(static_cast<std::size_t>(months));
        for (int i = 0; i < months; ++i) {
            const auto* cell =
                it == cells.end() ? nullptr : &it->second[static_cast<std::size_t>(i)];
            if (cell == nullptr || !cell->has_value())
                throw StorageError("plan line " + row.id + " has no cell for "
                                   + formatIsoMonth(addMonths(first, i)));
            values[static_cast<std::size_t>(i)] = **cell;
        }
        lines.emplace_back(row.id,
                           row.name,
                           row.resource,
                           row.indexId,
                           row.confidence,
                           std::move(values),
                           row.helperId);
    }
    for (const auto& [id, unused] : cells) {
        const bool known = std::any_of(
            rows.begin(), rows.end(), [&](const planrows::LineRow& r) { return r.id == id; });
        if (!known)
            throw StorageError("plan cells name unknown line " + id);
    }
    return Plan(first, months, std::move(lines), std::move(helpers));
}

std::string quotedId(const std::string& id)
{
    return "\"" + id + "\"";
}

void writeTextFile(const std::filesystem::path& file, const std::string& text)
{
    const std::string operation = "writing " + file.string();
    QSaveFile out(toQString(file));
    if (!out.open(QIODevice::WriteOnly))
        throw StorageError(operation + ": " + toStd(out.errorString()));
    const auto written = out.write(text.data(), static_cast<qint64>(text.size()));
    if (written != static_cast<qint64>(text.size()) || !out.commit())
        throw StorageError(operation + ": " + toStd(out.errorString()));
}

} // namespace

std::vector<Issue> checkBookReferences(const PlanBook& book, const std::string& source)
{
    std::vector<Issue> issues;
    auto fail = [&](const std::string& field, const std::string& message) {
        issues.push_back(Issue{source, 0, field, Severity::Error, message});
    };
    const Plan& plan = book.plan;
    std::set<std::string, std::less<>> contractIds;
    for (const auto& c : book.contracts) {
        const std::string name = "contract " + quotedId(c.id());
        if (!contractIds.insert(c.id()).second)
            fail("contract_id", name + " is given twice; expected one contract per id");
        if (c.isPooled())
            continue;
        const PlanLine* line = plan.findLine(c.lineId());
        if (line == nullptr) {
            fail("line_id",
                 name + " covers line " + quotedId(c.lineId())
                     + ", which is not in the plan; keep the line or remove the contract first");
            continue;
        }
        if (line->resource() != c.resource())
            fail("resource",
                 name + " is for " + c.resource().code() + " but line " + quotedId(line->id())
                     + " is " + line->resource().code() + "; expected the line's resource");
        else if (line->indexId() != c.indexId())
            fail("index",
                 name + " is priced on " + c.indexId() + " but line " + quotedId(line->id())
                     + " on " + line->indexId() + "; expected the line's index");
    }
    std::set<std::tuple<Month, std::string, std::string>> billKeys;
    for (const auto& b : book.actuals) {
        if (!billKeys.emplace(b.month(), b.provider(), b.resource().code()).second)
            fail("month",
                 "bill " + formatIsoMonth(b.month()) + " " + b.provider() + " "
                     + b.resource().code()
                     + " is given twice; expected one bill per month, provider and resource");
    }
    std::set<std::pair<std::string, Month>> budgetKeys;
    for (const auto& e : book.budget) {
        const std::string name =
            "budget for line " + quotedId(e.lineId()) + ", " + formatIsoMonth(e.month());
        const PlanLine* line = plan.findLine(e.lineId());
        if (line == nullptr)
            fail("line_id", name + ": the line is not in the plan");
        else if (e.rate() && e.rate()->unit() != line->unit())
            fail("price",
                 name + ": the price is per " + unitSymbol(e.rate()->unit())
                     + " but the line is in " + unitSymbol(line->unit()) + "; expected a price per "
                     + unitSymbol(line->unit()));
        if (!budgetKeys.emplace(e.lineId(), e.month()).second)
            fail("month", name + " is given twice; expected one budget per line and month");
    }
    return issues;
}

PlanRepository::PlanRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

bool PlanRepository::hasPlan() const
{
    const auto context = contextOf(m_workspace, "reading the plan of");
    return queryValue(
               databaseOf(m_workspace), QStringLiteral("SELECT count(*) FROM plan_info"), context)
               .toInt()
           > 0;
}

PlanBook PlanRepository::load() const
{
    const auto context = contextOf(m_workspace, "reading the plan of");
    const QSqlDatabase db = databaseOf(m_workspace);
    PlanBook book;

    std::optional<std::pair<Month, int>> frame;
    forEachRow(db, planrows::kSelectInfo, context, [&](const QSqlQuery& row) {
        const Month first = planrows::monthFromColumn(row.value(0), "plan_info");
        frame.emplace(first, row.value(1).toInt());
    });
    std::vector<PlanHelper> helpers;
    forEachRow(db, planrows::kSelectHelpers, context, [&](const QSqlQuery& row) {
        helpers.push_back(planrows::helperFromRow(row));
    });
    std::vector<planrows::LineRow> lineRows;
    forEachRow(db, planrows::kSelectLines, context, [&](const QSqlQuery& row) {
        lineRows.push_back(planrows::lineFromRow(row));
    });
    CellTable cells;
    if (frame) {
        const auto [first, months] = *frame;
        std::vector<std::optional<VolumeTriple>>* current = nullptr;
        QString currentId;
        forEachRow(db, planrows::kSelectCells, context, [&](const QSqlQuery& row) {
            const QString id = row.value(0).toString();
            if (current == nullptr || id != currentId) {
                currentId = id;
                current = &cells
                               .try_emplace(toStd(id),
                                            std::vector<std::optional<VolumeTriple>>(
                                                static_cast<std::size_t>(months)))
                               .first->second;
            }
            const std::string what = "plan_cells row " + toStd(id);
            const Month m = planrows::monthFromColumn(row.value(1), what);
            const int index = monthsBetween(first, m);
            if (index < 0 || index >= months)
                throw StorageError(what + ": " + formatIsoMonth(m) + " is outside the plan");
            (*current)[static_cast<std::size_t>(index)] = planrows::cellFromRow(row, 2, what);
        });
        try {
            book.plan = assemblePlan(first, months, lineRows, cells, std::move(helpers));
        } catch (const StorageError& e) {
            throw StorageError(context.operation + ": " + e.what());
        } catch (const Error& e) {
            throw StorageError(context.operation
                               + ": the stored plan is inconsistent: " + e.what());
        }
    } else if (!lineRows.empty() || !helpers.empty()) {
        throw StorageError(context.operation + ": plan lines are stored without plan months");
    }

    std::vector<planrows::ContractRow> contractRows;
    forEachRow(db, planrows::kSelectContracts, context, [&](const QSqlQuery& row) {
        contractRows.push_back(planrows::contractFromRow(row));
    });
    std::map<std::string, std::vector<std::pair<Month, double>>, std::less<>> quantities;
    forEachRow(db, planrows::kSelectContractMonths, context, [&](const QSqlQuery& row) {
        const std::string id = toStd(row.value(0).toString());
        const Month m = planrows::monthFromColumn(row.value(1), "capacity_months row " + id);
        quantities[id].emplace_back(m, row.value(2).toDouble());
    });
    for (auto& c : contractRows) {
        const auto& months = quantities[c.id];
        std::vector<double> perMonth;
        for (std::size_t i = 0; i < months.size(); ++i) {
            if (months[i].first != addMonths(c.firstMonth, static_cast<int>(i)))
                throw StorageError(context.operation + ": contract " + c.id
                                   + " has no quantity for "
                                   + formatIsoMonth(addMonths(c.firstMonth, static_cast<int>(i))));
            perMonth.push_back(months[i].second);
        }
        try {
            book.contracts.emplace_back(c.id,
                                        c.lineId,
                                        c.resource,
                                        c.indexId,
                                        c.kind,
                                        c.counterparty,
                                        c.price,
                                        c.firstMonth,
                                        std::move(perMonth));
        } catch (const Error& e) {
            throw StorageError(context.operation + ": capacity_contracts row " + c.id + ": "
                               + e.what());
        }
    }
    forEachRow(db, planrows::kSelectBills, context, [&](const QSqlQuery& row) {
        book.actuals.push_back(planrows::billFromRow(row));
    });
    forEachRow(db, planrows::kSelectBudget, context, [&](const QSqlQuery& row) {
        book.budget.push_back(planrows::budgetFromRow(row));
    });
    return book;
}

void PlanRepository::save(const PlanBook& book)
{
    const auto problems = checkBookReferences(book, "plan");
    require(problems.empty(),
            "PlanRepository::save: " + (problems.empty() ? std::string() : problems[0].toString()));
    const auto context = contextOf(m_workspace, "saving the plan to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    for (const char* table : planrows::kTablesChildrenFirst)
        execStatement(db, QStringLiteral("DELETE FROM ") + QLatin1String(table), context);

    const Plan& plan = book.plan;
    if (plan.months() > 0) {
        QSqlQuery info = prepareQuery(db, planrows::kInsertInfo, context);
        info.bindValue(0, planrows::monthText(plan.firstMonth()));
        info.bindValue(1, plan.months());
        execPrepared(info, context);
    }
    QSqlQuery helper = prepareQuery(db, planrows::kInsertHelper, context);
    int position = 0;
    for (const auto& h : plan.helpers()) {
        planrows::bindHelper(helper, h, ++position);
        execPrepared(helper, context);
    }
    QSqlQuery line = prepareQuery(db, planrows::kInsertLine, context);
    QSqlQuery cell = prepareQuery(db, planrows::kInsertCell, context);
    position = 0;
    for (const auto& l : plan.lines()) {
        planrows::bindLine(line, l, ++position);
        execPrepared(line, context);
        const QString id = toQString(l.id());
        for (int i = 0; i < plan.months(); ++i) {
            planrows::bindCell(cell, id, plan.monthAt(i), l.cells()[static_cast<std::size_t>(i)]);
            execPrepared(cell, context);
        }
    }
    QSqlQuery contract = prepareQuery(db, planrows::kInsertContract, context);
    QSqlQuery month = prepareQuery(db, planrows::kInsertContractMonth, context);
    position = 0;
    for (const auto& c : book.contracts) {
        planrows::bindContract(contract, c, ++position);
        execPrepared(contract, context);
        const QString id = toQString(c.id());
        for (std::size_t i = 0; i < c.quantities().size(); ++i) {
            month.bindValue(0, id);
            month.bindValue(1, planrows::monthText(addMonths(c.firstMonth(), static_cast<int>(i))));
            month.bindValue(2, c.quantities()[i]);
            execPrepared(month, context);
        }
    }
    QSqlQuery bill = prepareQuery(db, planrows::kInsertBill, context);
    position = 0;
    for (const auto& b : book.actuals) {
        planrows::bindBill(bill, b, ++position);
        execPrepared(bill, context);
    }
    QSqlQuery budget = prepareQuery(db, planrows::kInsertBudget, context);
    position = 0;
    for (const auto& e : book.budget) {
        planrows::bindBudget(budget, e, ++position);
        execPrepared(budget, context);
    }
    tx.commit();
}

std::optional<Month> PlanRepository::planFirstMonth() const
{
    const auto context = contextOf(m_workspace, "reading the plan of");
    std::optional<Month> first;
    forEachRow(databaseOf(m_workspace), planrows::kSelectInfo, context, [&](const QSqlQuery& row) {
        first = planrows::monthFromColumn(row.value(0), "plan_info");
    });
    if (first)
        return first;
    const DatasetInfo info = MarketDataRepository(m_workspace).datasetInfo();
    if (info.valuationDate.ok())
        return firstPlanMonth(info.valuationDate);
    return std::nullopt;
}

Plan PlanRepository::planOrEmpty() const
{
    if (hasPlan())
        return load().plan;
    const auto first = planFirstMonth();
    return first ? Plan(*first, kMaxPlanMonths) : Plan();
}

void PlanRepository::exportPlanCsv(const std::filesystem::path& file) const
{
    writeTextFile(file, exposure::writePlanCsv(load().plan));
}

void PlanRepository::exportContractsCsv(const std::filesystem::path& file) const
{
    writeTextFile(file, exposure::writeContractsCsv(load().contracts));
}

void PlanRepository::exportActualsCsv(const std::filesystem::path& file) const
{
    writeTextFile(file, exposure::writeActualsCsv(load().actuals));
}

void seedDemoPlan(Workspace& workspace, const MarketDataSet& market)
{
    const Month first = firstPlanMonth(market.info.valuationDate);
    PlanBook book;
    book.plan = exposure::demoPlan(first);
    book.contracts = exposure::demoContracts(first);
    book.actuals = exposure::demoActuals(first, market.series);
    book.budget = exposure::demoBudget(book.plan);
    PlanRepository(workspace).save(book);
}

} // namespace ch::storage
