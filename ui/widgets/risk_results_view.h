#pragma once

#include "storage/risk_repository.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace ch::ui {

class RiskChartView;
class RiskSummaryTableModel;

//! The Cost-at-Risk results of one saved run: what was run (time, seed, paths, horizon, inputs),
//! the summary table for the horizon, each quarter and month, and three charts (histogram of the
//! total cost with P50/P95/P99, the monthly fan against the budget, each index's contribution to
//! CaR95). "Show with hedges" switches the charts to the hedged book when the run had hedges.
//! A picker lists the saved runs; choosing one emits runChosen.
class RiskResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit RiskResultsView(QWidget* parent = nullptr);

    void setRunList(const std::vector<storage::RiskRunEntry>& runs, std::int64_t current);
    void showRun(const storage::SavedRiskRun& run);
    void showMessage(const QString& message);

    const std::optional<storage::SavedRiskRun>& run() const { return m_run; }
    RiskSummaryTableModel* summaryModel() const { return m_summary; }
    RiskChartView* histogramChart() const { return m_histogram; }
    RiskChartView* fanChart() const { return m_fan; }
    RiskChartView* contributionChart() const { return m_contributions; }
    QCheckBox* hedgedToggle() const { return m_hedged; }
    QString runDescription() const;

signals:
    void runChosen(std::int64_t id);

private:
    void drawCharts();

    QComboBox* m_runs = nullptr;
    QLabel* m_info = nullptr;
    QCheckBox* m_hedged = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    RiskSummaryTableModel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    RiskChartView* m_histogram = nullptr;
    RiskChartView* m_fan = nullptr;
    RiskChartView* m_contributions = nullptr;
    std::optional<storage::SavedRiskRun> m_run;
};

} // namespace ch::ui
