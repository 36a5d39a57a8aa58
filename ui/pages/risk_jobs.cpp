#include "ui/pages/risk_jobs.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace ch::ui {

QFuture<RiskRunOutcome>
startRiskRun(risk::RiskSources sources, risk::RiskBuildOptions options, risk::McConfig config)
{
    return QtConcurrent::run(
        [sources = std::move(sources), options, config](QPromise<RiskRunOutcome>& promise) {
            try {
                RiskRunOutcome out;
                out.built = risk::buildRiskInputs(sources, options);
                if (!out.built.ok()) {
                    promise.addResult(std::move(out));
                    return;
                }
                promise.setProgressRange(0, kRunProgressSteps);
                risk::RunControl control;
                control.progress = [&promise](std::size_t done, std::size_t total) {
                    const auto steps = total == 0 ? 0 : done * kRunProgressSteps / total;
                    promise.setProgressValue(static_cast<int>(steps));
                };
                control.stopRequested = [&promise] { return promise.isCanceled(); };
                out.result = risk::runCostAtRisk(out.built.inputs, config, control);
                if (out.result.cancelled)
                    return; // nothing partial is ever shown or saved
                promise.addResult(std::move(out));
            } catch (...) {
                promise.setException(std::current_exception());
            }
        });
}

QFuture<StressOutcome> startStressRun(risk::RiskSources sources,
                                      risk::RiskBuildOptions options,
                                      std::optional<risk::UserScenarioSpec> user)
{
    return QtConcurrent::run([sources = std::move(sources), options, user = std::move(user)](
                                 QPromise<StressOutcome>& promise) {
        try {
            StressOutcome out;
            out.built = risk::buildRiskInputs(sources, options);
            if (out.built.ok()) {
                const auto set = risk::stressSet(out.built.inputs,
                                                 risk::factorHistory(sources, out.built.inputs),
                                                 user,
                                                 out.issues);
                for (const risk::NamedStress& s : set) {
                    if (promise.isCanceled())
                        return;
                    out.results.push_back({s.kind,
                                           s.scenario.description,
                                           risk::runStress(out.built.inputs, s.scenario)});
                }
            }
            promise.addResult(std::move(out));
        } catch (...) {
            promise.setException(std::current_exception());
        }
    });
}

} // namespace ch::ui
