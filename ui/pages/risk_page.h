#pragma once

#include "ui/page.h"
#include "ui/pages/risk_jobs.h"

#include <QFutureWatcher>

#include <optional>
#include <string>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace ch::ui {

class ReferenceBanner;
class RiskParamsPanel;
class RiskResultsView;
class RiskRunSettings;
class RiskStressPanel;

//! The Risk page: Monte Carlo Cost-at-Risk of the plan's compute bill and stress scenarios.
//!
//! Responsibility: read the workspace's risk sources (storage::loadRiskSources) on the GUI
//! thread, hand value copies to background jobs (risk_jobs.h) that build the inputs and run the
//! engine, and save finished results through storage::RiskRepository. A run shows progress and
//! can be cancelled (QFuture::cancel; the engine stops at its next block); a cancelled run saves
//! nothing. On open the page shows the last saved run and stress run. Parameter overrides are
//! saved as they are edited. It computes nothing itself.
class RiskPage : public Page
{
    Q_OBJECT
public:
    explicit RiskPage(WorkspaceSession& session, QWidget* parent = nullptr);
    ~RiskPage() override;

    //! "run" (a run's results; runs one of 20,000 paths and waits when none is saved), "stress"
    //! (runs the stress tests and waits when none are saved), "parameters".
    QStringList views() const override;
    void showView(const QString& view) override;

    //! Starts a Monte Carlo run with the current settings (ignored while one runs).
    void startRun();
    //! Asks a running Monte Carlo run to stop; runFinished(false) follows.
    void cancelRun();
    void startStress();
    bool isRunning() const { return m_running; }
    //! Blocks until the current run (if any) has finished and its result is handled.
    void waitForRun();
    void waitForStress();

    RiskRunSettings* settings() const { return m_settings; }
    RiskResultsView* results() const { return m_results; }
    RiskStressPanel* stressPanel() const { return m_stress; }
    RiskParamsPanel* paramsPanel() const { return m_params; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* statusLabel() const { return m_status; }

signals:
    //! A run ended: `saved` when its result was saved (false: cancelled, refused or failed).
    void runFinished(bool saved);
    void stressFinished(bool saved);

private:
    void refresh();
    void refreshParameters(const risk::RiskSources& sources);
    void showSavedRun(std::optional<std::int64_t> id);
    void finishRun();
    void finishStress();
    void setRunning(bool running);
    void setStatus(const QString& text, bool problem = false);
    std::optional<risk::RiskSources> loadSources();
    void saveOverride(int row);
    void resetAllOverrides();
    void saveUserScenario();

    ReferenceBanner* m_banner = nullptr;
    RiskRunSettings* m_settings = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    RiskResultsView* m_results = nullptr;
    RiskStressPanel* m_stress = nullptr;
    RiskParamsPanel* m_params = nullptr;

    QFutureWatcher<RiskRunOutcome> m_runWatcher;
    QFutureWatcher<StressOutcome> m_stressWatcher;
    bool m_running = false;
    bool m_stressing = false;
    risk::McConfig m_runConfig;             //!< of the run in progress
    risk::RiskBuildOptions m_runOptions;    //!< of the run in progress
    Date m_runValuation{};                  //!< of the run in progress
    std::string m_runHedges;                //!< of the run in progress
    risk::RiskBuildOptions m_stressOptions; //!< of the stress run in progress
    Date m_stressValuation{};               //!< of the stress run in progress
    std::string m_stressHedges;             //!< of the stress run in progress
};

} // namespace ch::ui
