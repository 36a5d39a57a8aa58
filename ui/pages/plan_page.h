#pragma once

#include "domain/plan.h"
#include "ui/page.h"

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolBar;

namespace ch::ui {

class PlanActualsTab;
class PlanBudgetTab;
class PlanContractsTab;
class PlanGridModel;
class PlanSession;

//! The Plan page: the consumption plan as a grid (lines × months of one volume field, with
//! totals) and the records next to it in tabs (contracted capacity, actuals & basis, budget).
//! Every edit — a typed cell, paste, fill right, a line added or removed, a helper applied or
//! converted, a contract, a budget cell, an import — is one undoable command saved to the
//! workspace at once (PlanSession), so the workspace is always the book of record.
//! Numbers are computed in core; the page only formats and routes actions through guard().
class PlanPage : public Page
{
    Q_OBJECT
public:
    PlanPage(WorkspaceSession& session, PlanSession& plan, QWidget* parent = nullptr);

    QStringList views() const override;
    void showView(const QString& view) override;

    PlanGridModel* gridModel() const { return m_grid; }
    QTableView* gridView() const { return m_gridView; }
    PlanContractsTab* contractsTab() const { return m_contracts; }
    PlanActualsTab* actualsTab() const { return m_actuals; }
    PlanBudgetTab* budgetTab() const { return m_budget; }
    //! The message area's text (the last refused edit, helper warnings, ...).
    QString message() const;

    // The toolbar's actions, public for tests and the screenshot mode.
    void undo();
    void redo();
    void copySelection();
    void pasteClipboard();
    void fillRight();
    void addLine();
    void removeLine();
    void addTrainingRun();
    void addInferenceService();
    //! Opens the helper dialog of the selected generated line.
    void editHelper();
    void convertToManual();

private:
    QWidget* buildGrid();
    void createActions(QToolBar* bar);
    void refresh();
    void updateActions();
    void setMessage(const QString& text, bool problem);
    bool commitPlan(const QString& text, const Plan& after);
    //! The line of the current grid row, or nullptr.
    const PlanLine* currentLine() const;

    PlanSession& m_plan;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    PlanGridModel* m_grid = nullptr;
    QTableView* m_gridView = nullptr;
    QComboBox* m_field = nullptr;
    PlanContractsTab* m_contracts = nullptr;
    PlanActualsTab* m_actuals = nullptr;
    PlanBudgetTab* m_budget = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_paste = nullptr;
    QAction* m_fill = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_editHelper = nullptr;
    QAction* m_convert = nullptr;
};

} // namespace ch::ui
