#include "ui/pages/hedge_runner.h"

#include "domain/error.h"
#include "ui/guard.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent>

namespace ch::ui {

namespace {

// The first 10% of the progress bar is the inputs and the optimiser (a few hundred ms on the
// demo); the Monte Carlo, two runs of the configured paths, takes the rest.
constexpr int kMcStart = 100;
constexpr int kDone = 1000;

std::optional<hedging::HedgeRiskReport>
runRisk(const hedging::BuiltHedgeInputs& built,
        const hedging::HedgeRecommendation& rec,
        const risk::McConfig& mc,
        const risk::RunControl& control,
        const std::function<void(int, const char*)>& progress)
{
    progress(kMcStart, "Monte Carlo Cost-at-Risk before and after the hedge");
    risk::RunControl inner;
    inner.stopRequested = control.stopRequested;
    inner.progress = [&](std::size_t done, std::size_t total) {
        const double share =
            total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        progress(kMcStart + static_cast<int>(share * (kDone - kMcStart)),
                 "Monte Carlo Cost-at-Risk before and after the hedge");
    };
    hedging::HedgeRiskReport report = hedging::evaluateHedgeRisk(built.inputs.risk, rec, mc, inner);
    if (report.cancelled)
        return std::nullopt;
    return report;
}

} // namespace

HedgeResult computeHedge(const HedgeRequest& request,
                         const risk::RunControl& control,
                         const std::function<void(int, const char*)>& progress)
{
    HedgeResult r;
    r.mc = request.mc;
    progress(0, "Estimating hedge ratios and building the risk inputs");
    auto built = std::make_shared<hedging::BuiltHedgeInputs>(hedging::buildHedgeInputs(
        request.sources, request.policy, request.positions, request.options));
    r.built = built;
    if (!built->ok())
        return r;
    progress(kMcStart / 2, "Optimising the hedge and its frontier");
    hedging::HedgeRecommendation recommended = hedging::recommendHedge(built->inputs);
    hedging::assignLineUnits(recommended, built->exposures);
    auto rec = std::make_shared<hedging::HedgeRecommendation>(std::move(recommended));
    r.base = rec;
    r.current = *rec;
    if (control.stopRequested && control.stopRequested())
        return r;
    r.risk = runRisk(*built, r.current, request.mc, control, progress);
    progress(kDone, "Done");
    return r;
}

HedgeResult computeHedgeEdits(const HedgeResult& previous,
                              std::vector<hedging::LineEdit> edits,
                              const risk::RunControl& control,
                              const std::function<void(int, const char*)>& progress)
{
    require(previous.hasRecommendation() && previous.base != nullptr,
            "computeHedgeEdits: there is no recommendation to edit");
    HedgeResult r;
    r.built = previous.built;
    r.base = previous.base;
    r.mc = previous.mc;
    r.edits = std::move(edits);
    progress(0, "Applying the edits");
    r.current = r.edits.empty() ? *r.base : hedging::applyEdits(r.built->inputs, *r.base, r.edits);
    hedging::assignLineUnits(r.current, r.built->exposures);
    r.risk = runRisk(*r.built, r.current, r.mc, control, progress);
    progress(kDone, "Done");
    return r;
}

struct HedgeRunner::Job
{
    QFuture<HedgeResult> future;
};

HedgeRunner::HedgeRunner(QObject* parent)
    : QObject(parent)
{}

HedgeRunner::~HedgeRunner()
{
    // The worker owns copies of everything it reads, but the thread pool outlives this object:
    // stop it and wait, so no work continues for a page that is gone.
    if (m_job) {
        m_job->future.cancel();
        m_job->future.waitForFinished();
    }
}

template <class F>
void HedgeRunner::launch(const QString& what, F work)
{
    if (m_job)
        m_job->future.cancel();
    const std::uint64_t generation = ++m_generation;
    m_running = true;
    auto job = std::make_shared<Job>();
    auto* watcher = new QFutureWatcher<HedgeResult>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [=, this](int value) {
        if (generation == m_generation)
            emit progressChanged(value, watcher->progressText());
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by a newer run
        m_running = false;
        QFuture<HedgeResult> f = watcher->future();
        try {
            f.waitForFinished(); // rethrows the worker's exception (it also cancels the future)
        } catch (...) {
            const Failure failure = describeFailure(std::current_exception());
            emit runFailed(failure.kind, failure.message);
            return;
        }
        if (f.resultCount() == 0) {
            emit runCancelled();
            return;
        }
        m_result = f.result();
        emit runFinished();
    });
    job->future = QtConcurrent::run([work = std::move(work)](QPromise<HedgeResult>& promise) {
        promise.setProgressRange(0, kDone);
        risk::RunControl control;
        control.stopRequested = [&promise] { return promise.isCanceled(); };
        try {
            HedgeResult r = work(control, [&promise](int permille, const char* stage) {
                promise.setProgressValueAndText(permille, QString::fromUtf8(stage));
            });
            if (!promise.isCanceled())
                promise.addResult(std::move(r));
        } catch (...) {
            promise.setException(std::current_exception());
        }
    });
    watcher->setFuture(job->future);
    m_job = std::move(job);
    emit runStarted(what);
}

void HedgeRunner::start(HedgeRequest request)
{
    launch(tr("Recommending a hedge"),
           [request = std::move(request)](const risk::RunControl& control,
                                          const std::function<void(int, const char*)>& progress) {
               return computeHedge(request, control, progress);
           });
}

void HedgeRunner::edit(std::vector<hedging::LineEdit> edits)
{
    require(m_result && m_result->hasRecommendation(),
            "HedgeRunner::edit: there is no recommendation to edit");
    launch(tr("Recomputing the edited hedge"),
           [previous = *m_result,
            edits = std::move(edits)](const risk::RunControl& control,
                                      const std::function<void(int, const char*)>& progress) {
               return computeHedgeEdits(previous, edits, control, progress);
           });
}

void HedgeRunner::cancel()
{
    if (m_job && m_running)
        m_job->future.cancel();
}

void HedgeRunner::reset()
{
    if (m_job)
        m_job->future.cancel();
    ++m_generation;
    m_running = false;
    m_result.reset();
}

} // namespace ch::ui
