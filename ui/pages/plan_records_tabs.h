#pragma once

#include "storage/plan_repository.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ch::ui {

class PlanBasisModel;
class PlanBillsModel;
class PlanBudgetModel;
class PlanCapacityModel;
class PlanSession;

//! Saves `after` as one undoable edit through the guard (a dialog on failure); true when saved.
bool applyBookEdit(QWidget* parent,
                   PlanSession& plan,
                   const QString& text,
                   storage::PlanBook after);
//! Asks for a file name and writes `what` ("plan", "contracts", "actuals") in its import format
//! through PlanRepository, via the guard.
void exportBookCsv(QWidget* parent, PlanSession& plan, const QString& what);

//! Plan page, "Contracted capacity" tab: the contracts table with Add…, Remove, Import… and
//! Export….
class PlanContractsTab : public QWidget
{
    Q_OBJECT
public:
    explicit PlanContractsTab(PlanSession& plan, QWidget* parent = nullptr);
    PlanCapacityModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    //! Removes the selected contract as one undoable edit.
    void removeSelected();

private:
    void refresh();
    void addContract();

    PlanSession& m_plan;
    PlanCapacityModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_remove = nullptr;
};

//! Plan page, "Actuals & basis" tab: each bill's effective price next to the index's monthly
//! average, and the measured basis (mean and standard deviation of paid ÷ index) of every line,
//! with Import… and Export… for actuals.csv.
class PlanActualsTab : public QWidget
{
    Q_OBJECT
public:
    explicit PlanActualsTab(PlanSession& plan, QWidget* parent = nullptr);
    PlanBillsModel* billsModel() const { return m_bills; }
    PlanBasisModel* basisModel() const { return m_basis; }

private:
    void refresh();

    PlanSession& m_plan;
    PlanBillsModel* m_bills = nullptr;
    PlanBasisModel* m_basis = nullptr;
    QLabel* m_warnings = nullptr;
};

//! Plan page, "Budget" tab: a budget price per unit or a fixed amount per line and month.
class PlanBudgetTab : public QWidget
{
    Q_OBJECT
public:
    explicit PlanBudgetTab(PlanSession& plan, QWidget* parent = nullptr);
    PlanBudgetModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    void messageChanged(const QString& message);

private:
    void refresh();

    PlanSession& m_plan;
    PlanBudgetModel* m_model = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace ch::ui
