#pragma once

#include "domain/plan.h"
#include "domain/plan_records.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace ch::ui {

//! The budget grid: one row per plan line, one column per plan month. A cell holds nothing, a
//! budget price per unit ("2.60" in USD per the line's unit; the budget is then price × planned
//! volume) or a fixed amount ("USD 85,000"). Typing "2.6" sets a price, "USD 85000" an amount,
//! and an empty text removes the budget. Prices are exact micro-USD and amounts exact cents
//! (parsed with core's parseFixedDecimal); bad text is refused with the reason (editRejected and
//! the cell's tooltip). Edits go through the commit function, like PlanGridModel's.
class PlanBudgetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Commit = std::function<bool(const QString& text, std::vector<BudgetEntry> after)>;

    explicit PlanBudgetModel(QObject* parent = nullptr);

    void setBudget(const Plan& plan, std::vector<BudgetEntry> budget);
    const std::vector<BudgetEntry>& budget() const { return m_budget; }
    void setCommit(Commit commit) { m_commit = std::move(commit); }

    //! The budget for (row, column), or nullptr.
    const BudgetEntry* entryAt(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRejected(const QString& message);

private:
    Plan m_plan;
    std::vector<BudgetEntry> m_budget;
    Commit m_commit;
    QString m_rejection;
    QPersistentModelIndex m_rejected;
};

} // namespace ch::ui
