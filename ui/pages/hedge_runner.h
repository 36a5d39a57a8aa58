#pragma once

#include "hedging/hedge_risk.h"
#include "hedging/recommendation.h"
#include "hedging/workspace_inputs.h"
#include "risk/cost_at_risk.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ch::ui {

//! What a hedge computation starts from: value snapshots taken on the GUI thread, so the worker
//! owns everything it reads (STYLE.md §6).
struct HedgeRequest
{
    risk::RiskSources sources;
    hedging::HedgePolicy policy;
    std::vector<hedging::ExistingPosition> positions;
    hedging::HedgeBuildOptions options;
    risk::McConfig mc;
};

//! The outcome shown by the Hedge page. `built` and `base` are shared (immutable) so an edit run
//! reuses them without copying; `current` is the recommendation with `edits` applied (equal to
//! *base without edits); `risk` is the Monte Carlo CaR before and after `current`.
struct HedgeResult
{
    std::shared_ptr<const hedging::BuiltHedgeInputs> built;
    std::shared_ptr<const hedging::HedgeRecommendation> base;
    hedging::HedgeRecommendation current;
    std::vector<hedging::LineEdit> edits;
    std::optional<hedging::HedgeRiskReport> risk;
    risk::McConfig mc;

    bool hasRecommendation() const { return built && built->ok(); }
};

//! The full computation (build inputs, recommend with its 11-point frontier, Monte Carlo before
//! and after) and the edit computation (applyEdits, Monte Carlo), as plain functions a worker
//! runs; progress goes 0..1000 through `progress` (build and recommendation take the first 10%).
HedgeResult computeHedge(const HedgeRequest& request,
                         const risk::RunControl& control,
                         const std::function<void(int permille, const char* stage)>& progress);
HedgeResult computeHedgeEdits(const HedgeResult& previous,
                              std::vector<hedging::LineEdit> edits,
                              const risk::RunControl& control,
                              const std::function<void(int permille, const char* stage)>& progress);

//! Runs hedge computations off the GUI thread, one at a time, and keeps the latest result.
//!
//! start() cancels whatever runs and starts a full computation; edit() recomputes the current
//! result with the user's line edits. Progress arrives in ~1% steps through progressChanged; a
//! cancelled run (cancel(), or a newer start) leaves the previous result in place and emits
//! cancelled(). Worker exceptions come back as failed(action, message). Results of superseded runs
//! are dropped. Lives on the GUI thread.
class HedgeRunner : public QObject
{
    Q_OBJECT
public:
    explicit HedgeRunner(QObject* parent = nullptr);
    ~HedgeRunner() override;

    void start(HedgeRequest request);
    //! Requires a result with a recommendation (ch::Error otherwise).
    void edit(std::vector<hedging::LineEdit> edits);
    void cancel();
    //! Drops the result (workspace closed).
    void reset();

    bool isRunning() const { return m_running; }
    const std::optional<HedgeResult>& result() const { return m_result; }

signals:
    void runStarted(const QString& what);
    void progressChanged(int permille, const QString& text);
    void runFinished();
    void runCancelled();
    void runFailed(const QString& kind, const QString& message);

private:
    struct Job;
    template <class F>
    void launch(const QString& what, F work);

    std::optional<HedgeResult> m_result;
    std::uint64_t m_generation = 0;
    bool m_running = false;
    std::shared_ptr<Job> m_job;
};

} // namespace ch::ui
