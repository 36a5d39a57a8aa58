#pragma once

#include "ui/page.h"

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace ch::ui {

class ExposureBarChart;
class ExposureCellModel;
class ExposurePeriodModel;
class PlanSession;
class ReferenceBanner;

//! The Exposure page: for the chosen volume scenario, what the plan leaves open to the market and
//! what it costs at the forward curves (exposure::computeExposure, via PlanSession): totals by
//! month, quarter or year with the budget variance, the detail per plan line and month
//! (planned, contracted, open, surplus, forward, the price basis used, exposure), a stacked bar
//! chart of exposure by resource per month and a budget-vs-forward line chart. It refreshes on
//! every plan change (PlanSession::bookChanged), so a Plan page edit shows here at once.
//! Prices are the reference dataset's, not live quotes; the banner and chart titles say so.
class ExposurePage : public Page
{
    Q_OBJECT
public:
    ExposurePage(WorkspaceSession& session, PlanSession& plan, QWidget* parent = nullptr);

    QStringList views() const override;
    void showView(const QString& view) override;

    ExposureCellModel* cellModel() const { return m_cells; }
    ExposurePeriodModel* periodModel() const { return m_periods; }
    ExposureBarChart* exposureChart() const { return m_exposureChart; }
    ExposureBarChart* budgetChart() const { return m_budgetChart; }
    QComboBox* scenarioBox() const { return m_scenario; }
    QComboBox* periodBox() const { return m_period; }
    //! The detail table (all lines, the current scenario) as CSV with exact numbers.
    QString exposureCsv() const;
    //! Why no exposure is shown ("" when it is).
    QString problemText() const;

private:
    QWidget* buildContent();
    void refresh();
    void exportCsv();

    PlanSession& m_plan;
    ReferenceBanner* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_problems = nullptr;
    QComboBox* m_scenario = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_resource = nullptr;
    QLabel* m_summary = nullptr;
    ExposureCellModel* m_cells = nullptr;
    ExposurePeriodModel* m_periods = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_cellView = nullptr;
    QTableView* m_periodView = nullptr;
    ExposureBarChart* m_exposureChart = nullptr;
    ExposureBarChart* m_budgetChart = nullptr;
};

} // namespace ch::ui
