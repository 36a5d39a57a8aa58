#pragma once

#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "storage/risk_repository.h"

#include <QFuture>

#include <optional>
#include <vector>

namespace ch::ui {

// The Risk page's background jobs (STYLE.md §6): QtConcurrent::run in promise mode on value
// copies taken on the GUI thread. Workers never touch widgets or the workspace; the page saves
// the results on the GUI thread when the future finishes.

//! What a Monte Carlo job hands back: the inputs it built and the run. When the inputs have
//! errors there is no run (result.report is empty); see built.issues.
struct RiskRunOutcome
{
    risk::BuiltRiskInputs built;
    risk::CostAtRisk result;
};

//! Progress of a run goes from 0 to kRunProgressSteps (per mille of the paths).
inline constexpr int kRunProgressSteps = 1000;

//! Builds the inputs and runs the Monte Carlo on a worker thread. Progress is reported in
//! per-mille steps of the paths; QFuture::cancel() makes the engine stop at its next block (its
//! stopRequested is the promise's isCanceled()), and a cancelled job reports no result. An
//! exception in the worker is passed on through the future (QPromise::setException).
QFuture<RiskRunOutcome>
startRiskRun(risk::RiskSources sources, risk::RiskBuildOptions options, risk::McConfig config);

struct StressOutcome
{
    risk::BuiltRiskInputs built;
    std::vector<storage::SavedStress> results; //!< empty when the inputs have errors
    std::vector<Issue> issues;                 //!< warnings about the user's scenario
};

//! Builds the inputs and evaluates every stress scenario (risk::stressSet) on a worker thread.
QFuture<StressOutcome> startStressRun(risk::RiskSources sources,
                                      risk::RiskBuildOptions options,
                                      std::optional<risk::UserScenarioSpec> user);

} // namespace ch::ui
