#pragma once

#include "storage/risk_repository.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ch::ui {

class RiskChartView;
class RiskShockTableModel;
class RiskStressTableModel;

//! The Risk page's Stress tab: the results of the last stress run (every scenario's cost against
//! the base, unhedged and with hedges, as a table and a bar chart of the changes) and the editor of
//! the user's own scenario (a name and shocks per index and month range). Buttons ask the page to
//! run or save; the panel computes nothing.
class RiskStressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RiskStressPanel(QWidget* parent = nullptr);

    void showRun(const storage::SavedStressRun& run);
    void showMessage(const QString& message);
    //! The user's scenario in the editor, the indices a shock may name and the plan's first
    //! month (where a new shock starts).
    void setUserScenario(const std::optional<risk::UserScenarioSpec>& spec,
                         QStringList indexIds,
                         Month firstMonth);
    risk::UserScenarioSpec userScenario() const;
    void setBusy(bool busy);

    RiskStressTableModel* resultModel() const { return m_results; }
    RiskShockTableModel* shockModel() const { return m_shocks; }
    QPushButton* runButton() const { return m_run; }
    QLabel* infoLabel() const { return m_info; }
    RiskChartView* chart() const { return m_chart; }
    QLineEdit* nameEdit() const { return m_name; }

signals:
    void runRequested();
    void saveScenarioRequested();
    void problem(const QString& message);

private:
    void addShock();

    QLabel* m_info = nullptr;
    QPushButton* m_run = nullptr;
    RiskStressTableModel* m_results = nullptr;
    QTableView* m_resultView = nullptr;
    RiskChartView* m_chart = nullptr;
    QLineEdit* m_name = nullptr;
    RiskShockTableModel* m_shocks = nullptr;
    QTableView* m_shockView = nullptr;
    QPushButton* m_save = nullptr;
    Month m_firstMonth{};
};

} // namespace ch::ui
