#include "ui/pages/risk_page.h"

#include "storage/hedge_repository.h"
#include "storage/risk_repository.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/risk_param_model.h"
#include "ui/models/risk_stress_model.h"
#include "ui/widgets/reference_banner.h"
#include "ui/widgets/risk_params_panel.h"
#include "ui/widgets/risk_results_view.h"
#include "ui/widgets/risk_run_settings.h"
#include "ui/widgets/risk_stress_panel.h"
#include "ui/workspace_session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <chrono>

namespace ch::ui {

namespace {

const QString kRunView = QStringLiteral("run");
const QString kStressView = QStringLiteral("stress");
const QString kParametersView = QStringLiteral("parameters");

//! Paths of the run the "run" view starts when nothing is saved (screenshots): enough for
//! smooth charts, quick on any machine.
constexpr int kViewPaths = 20'000;

Timestamp now()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

//! The errors among `issues`, one per line, or "" when there is none.
QString errorText(const std::vector<Issue>& issues)
{
    QStringList lines;
    for (const Issue& i : issues)
        if (i.severity == Severity::Error)
            lines << toQString(i.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RiskPage::RiskPage(WorkspaceSession& session, QWidget* parent)
    : Page(session, parent)
    , m_banner(new ReferenceBanner(this))
    , m_settings(new RiskRunSettings(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_results(new RiskResultsView(this))
    , m_stress(new RiskStressPanel(this))
    , m_params(new RiskParamsPanel(this))
{
    setObjectName(QStringLiteral("riskPage"));
    m_run->setObjectName(QStringLiteral("riskRun"));
    m_run->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("riskCancel"));
    m_progress->setRange(0, kRunProgressSteps);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setMaximumWidth(220);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tabs->setObjectName(QStringLiteral("riskTabs"));
    m_tabs->addTab(m_results, tr("Cost-at-Risk"));
    m_tabs->addTab(m_stress, tr("Stress tests"));
    m_tabs->addTab(m_params, tr("Model parameters"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress);
    buttons->addStretch(1);
    auto* controls = new QVBoxLayout;
    controls->addLayout(buttons);
    controls->addWidget(m_status);
    auto* top = new QHBoxLayout;
    top->addWidget(m_settings);
    top->addSpacing(16);
    top->addLayout(controls, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(m_run, &QPushButton::clicked, this, &RiskPage::startRun);
    connect(m_cancel, &QPushButton::clicked, this, &RiskPage::cancelRun);
    connect(&m_runWatcher,
            &QFutureWatcher<RiskRunOutcome>::progressValueChanged,
            m_progress,
            &QProgressBar::setValue);
    connect(&m_runWatcher, &QFutureWatcher<RiskRunOutcome>::finished, this, &RiskPage::finishRun);
    connect(
        &m_stressWatcher, &QFutureWatcher<StressOutcome>::finished, this, &RiskPage::finishStress);
    connect(&session, &WorkspaceSession::workspaceOpened, this, &RiskPage::refresh);
    connect(&session, &WorkspaceSession::workspaceClosed, this, &RiskPage::refresh);
    connect(&session, &WorkspaceSession::marketDataChanged, this, &RiskPage::refresh);
    connect(&session, &WorkspaceSession::planChanged, this, &RiskPage::refresh);
    connect(
        m_params->model(), &RiskParamTableModel::overridesEdited, this, &RiskPage::saveOverride);
    connect(m_params->model(), &RiskParamTableModel::editRejected, this, [this](const QString& m) {
        setStatus(m, true);
    });
    connect(m_params, &RiskParamsPanel::resetAllRequested, this, &RiskPage::resetAllOverrides);
    connect(m_stress, &RiskStressPanel::runRequested, this, &RiskPage::startStress);
    connect(m_stress, &RiskStressPanel::saveScenarioRequested, this, &RiskPage::saveUserScenario);
    connect(m_stress, &RiskStressPanel::problem, this, [this](const QString& m) {
        setStatus(m, true);
    });
    connect(m_results, &RiskResultsView::runChosen, this, [this](std::int64_t id) {
        showSavedRun(id);
    });
    setRunning(false);
    refresh();
}

RiskPage::~RiskPage()
{
    // A run still going must not outlive the page: stop it and wait (within a block, ~ms).
    m_runWatcher.cancel();
    m_runWatcher.waitForFinished();
    m_stressWatcher.waitForFinished();
}

QStringList RiskPage::views() const
{
    return {kRunView, kStressView, kParametersView};
}

void RiskPage::showView(const QString& view)
{
    if (view == kRunView) {
        m_tabs->setCurrentWidget(m_results);
        if (!m_results->run() && session().hasMarketData() && !m_running) {
            m_settings->setPaths(kViewPaths);
            startRun();
        }
        waitForRun();
    } else if (view == kStressView) {
        m_tabs->setCurrentWidget(m_stress);
        if (m_stress->resultModel()->rowCount() == 0 && session().hasMarketData())
            startStress();
        waitForStress();
        m_tabs->setCurrentWidget(m_stress);
    } else if (view == kParametersView) {
        m_tabs->setCurrentWidget(m_params);
    }
}

std::optional<risk::RiskSources> RiskPage::loadSources()
{
    std::optional<risk::RiskSources> out;
    guard(this, tr("Read the risk inputs"), [&] {
        std::vector<Issue> issues;
        out = storage::loadRiskSources(session().workspace(),
                                       session().marketData(),
                                       session().snapshot(),
                                       issues,
                                       m_settings->proposalId());
        if (!issues.empty())
            setStatus(toQString(issues.front().toString()));
    });
    return out;
}

void RiskPage::refresh()
{
    const WorkspaceSession& s = session();
    const bool ready = s.isOpen() && s.hasMarketData();
    m_run->setEnabled(ready && !m_running);
    m_stress->runButton()->setEnabled(ready && !m_stressing);
    if (!ready) {
        m_banner->setDatasetDetails(QString());
        m_params->model()->setRows({});
        m_stress->showMessage(QString());
        const QString message =
            !s.isOpen() ? tr("No workspace is open.")
            : s.isLoading()
                ? tr("Loading market data…")
                : tr("This workspace holds no market data, so there is nothing to simulate.");
        m_results->showMessage(message);
        setStatus(QString());
        return;
    }
    m_banner->setDatasetDetails(tr("Dataset %1, valuation date %2.")
                                    .arg(toQString(s.marketData().info.version),
                                         format::date(s.marketData().info.valuationDate)));
    guard(this, tr("Read the hedge proposals"), [&] {
        std::vector<std::pair<std::string, QString>> proposals;
        for (const storage::StoredProposal& p :
             storage::HedgeRepository(session().workspace()).loadProposals())
            proposals.emplace_back(p.proposal.id,
                                   tr("proposal %1 (%2)")
                                       .arg(toQString(p.proposal.id),
                                            toQString(storage::proposalStatusCode(p.status))));
        m_settings->setProposals(proposals);
    });
    const std::optional<risk::RiskSources> sources = loadSources();
    if (!sources)
        return;
    refreshParameters(*sources);
    showSavedRun(std::nullopt);
    guard(this, tr("Read the stress tests"), [&] {
        storage::RiskRepository repo(session().workspace());
        if (const auto stress = repo.latestStressRun())
            m_stress->showRun(*stress);
        else
            m_stress->showMessage(tr("No stress run saved yet: press Run stress tests."));
        QStringList ids;
        for (const risk::FactorEstimate& f : m_params->model()->rows())
            ids << toQString(f.indexId);
        m_stress->setUserScenario(repo.userScenario(), ids, sources->plan.firstMonth());
    });
}

void RiskPage::refreshParameters(const risk::RiskSources& sources)
{
    m_settings->setPlanMonths(sources.plan.months());
    const risk::BuiltRiskInputs built = risk::buildRiskInputs(sources, m_settings->options());
    m_params->model()->setRows(built.factors);
    if (!built.factors.empty())
        m_params->setNote(
            tr("Estimated from the daily history of each index, %1 to %2. Bold values are your "
               "overrides, saved in the workspace: double-click a value to change it, clear it "
               "to go back to the estimate. Every run uses the values shown.")
                .arg(format::date(built.factors.front().from),
                     format::date(built.factors.front().to)));
    else
        m_params->setNote(QString());
    const QString errors = errorText(built.issues);
    if (!errors.isEmpty())
        setStatus(tr("The inputs cannot be run yet:\n%1").arg(errors), true);
}

void RiskPage::showSavedRun(std::optional<std::int64_t> id)
{
    guard(this, tr("Read the saved Cost-at-Risk runs"), [&] {
        storage::RiskRepository repo(session().workspace());
        const std::optional<storage::SavedRiskRun> run = id ? repo.run(*id) : repo.latestRun();
        m_results->setRunList(repo.runs(), run ? run->id : 0);
        if (!run) {
            m_results->showMessage(tr("No Cost-at-Risk run saved in this workspace yet. Check the "
                                      "settings above and press Run; the result is saved with "
                                      "its seed and paths."));
            return;
        }
        m_results->showRun(*run);
    });
}

void RiskPage::startRun()
{
    if (m_running || !session().hasMarketData())
        return;
    std::optional<risk::RiskSources> sources = loadSources();
    if (!sources)
        return;
    m_runConfig = m_settings->config();
    m_runOptions = m_settings->options();
    m_runHedges = storage::hedgeSourceLabel(m_settings->proposalId());
    m_runValuation = sources->snapshot.valuationDate;
    m_progress->setValue(0);
    setRunning(true);
    setStatus(tr("Simulating %1 paths…")
                  .arg(format::integer(static_cast<std::int64_t>(m_runConfig.paths))));
    m_runWatcher.setFuture(startRiskRun(std::move(*sources), m_runOptions, m_runConfig));
}

void RiskPage::cancelRun()
{
    if (!m_running)
        return;
    m_runWatcher.cancel();
    setStatus(tr("Cancelling…"));
}

void RiskPage::waitForRun()
{
    if (!m_running)
        return;
    m_runWatcher.waitForFinished();
    finishRun();
}

void RiskPage::finishRun()
{
    // Called by the watcher's finished signal, or directly by waitForRun (then the signal that
    // follows finds nothing to do).
    if (!m_running)
        return;
    setRunning(false);
    QFuture<RiskRunOutcome> future = m_runWatcher.future();
    if (future.resultCount() == 0) {
        // Cancelled, or the worker failed: an exception also leaves the future cancelled and
        // without a result, and waitForFinished() rethrows it (into the guard's dialog).
        if (guard(this, tr("Cost-at-Risk run"), [&] { future.waitForFinished(); }))
            setStatus(tr("Run cancelled: nothing was saved."));
        emit runFinished(false);
        return;
    }
    bool saved = false;
    guard(this, tr("Cost-at-Risk run"), [&] {
        const RiskRunOutcome out = future.result(); // rethrows a worker's exception
        if (!out.built.ok()) {
            setStatus(tr("The run was refused:\n%1").arg(errorText(out.built.issues)), true);
            return;
        }
        storage::RiskRepository repo(session().workspace());
        const auto id = repo.saveRun(
            now(),
            m_runConfig,
            storage::summarizeInputs(out.built, m_runValuation, m_runOptions.volumes, m_runHedges),
            out.result);
        if (!id) {
            setStatus(tr("Run cancelled: nothing was saved."));
            return;
        }
        showSavedRun(*id);
        saved = true;
        setStatus(tr("Run %1 saved: %2 paths, seed %3.")
                      .arg(*id)
                      .arg(format::integer(static_cast<std::int64_t>(m_runConfig.paths)))
                      .arg(m_runConfig.seed));
    });
    m_tabs->setCurrentWidget(m_results);
    emit runFinished(saved);
}

void RiskPage::startStress()
{
    if (m_stressing || !session().hasMarketData())
        return;
    std::optional<risk::RiskSources> sources = loadSources();
    if (!sources)
        return;
    std::optional<risk::UserScenarioSpec> user;
    if (!guard(this, tr("Read the user stress scenario"), [&] {
            user = storage::RiskRepository(session().workspace()).userScenario();
        }))
        return;
    m_stressOptions = m_settings->options();
    m_stressOptions.volumes = risk::VolumeMode::Base; // stresses are evaluated at base volumes
    m_stressValuation = sources->snapshot.valuationDate;
    m_stressHedges = storage::hedgeSourceLabel(m_settings->proposalId());
    m_stressing = true;
    m_stress->setBusy(true);
    setStatus(tr("Running the stress tests…"));
    m_stressWatcher.setFuture(startStressRun(std::move(*sources), m_stressOptions, user));
}

void RiskPage::waitForStress()
{
    if (!m_stressing)
        return;
    m_stressWatcher.waitForFinished();
    finishStress();
}

void RiskPage::finishStress()
{
    if (!m_stressing)
        return;
    m_stressing = false;
    m_stress->setBusy(false);
    bool saved = false;
    guard(this, tr("Stress tests"), [&] {
        const StressOutcome out = m_stressWatcher.future().result();
        if (!out.built.ok()) {
            setStatus(tr("The stress tests were refused:\n%1").arg(errorText(out.built.issues)),
                      true);
            return;
        }
        storage::SavedStressRun run;
        run.createdAt = now();
        run.inputs = storage::summarizeInputs(
            out.built, m_stressValuation, m_stressOptions.volumes, m_stressHedges);
        run.hasHedge = !out.built.inputs.instruments.empty();
        run.results = out.results;
        run.id = storage::RiskRepository(session().workspace()).saveStressRun(run);
        m_stress->showRun(run);
        saved = true;
        setStatus(out.issues.empty() ? tr("Stress run %1 saved.").arg(run.id)
                                     : toQString(out.issues.front().toString()),
                  !out.issues.empty());
    });
    emit stressFinished(saved);
}

void RiskPage::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running && session().hasMarketData());
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    m_settings->setEnabled(!running);
    m_params->setEnabled(!running);
}

void RiskPage::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void RiskPage::saveOverride(int row)
{
    const risk::FactorEstimate& r = m_params->model()->rows()[static_cast<std::size_t>(row)];
    if (guard(this, tr("Save a model parameter"), [&] {
            storage::RiskRepository(session().workspace())
                .setOverride(r.indexId, r.overrides, now());
        }))
        setStatus(r.isOverridden() ? tr("Saved your parameters for %1; the next run uses them.")
                                         .arg(toQString(r.indexId))
                                   : tr("%1 is back to its estimates.").arg(toQString(r.indexId)));
}

void RiskPage::resetAllOverrides()
{
    if (!guard(this, tr("Reset the model parameters"), [&] {
            storage::RiskRepository(session().workspace()).clearOverrides();
        }))
        return;
    if (const auto sources = loadSources())
        refreshParameters(*sources);
    setStatus(tr("Every parameter is back to its estimate."));
}

void RiskPage::saveUserScenario()
{
    const risk::UserScenarioSpec spec = m_stress->userScenario();
    if (guard(this, tr("Save your stress scenario"), [&] {
            storage::RiskRepository(session().workspace()).saveUserScenario(spec);
        }))
        setStatus(tr("Saved \"%1\" with %2 shocks; run the stress tests to see its cost.")
                      .arg(toQString(spec.name))
                      .arg(spec.shocks.size()));
}

} // namespace ch::ui
