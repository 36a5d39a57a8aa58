#include "ui/widgets/risk_stress_panel.h"

#include "ui/charts/risk_series.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/risk_shock_model.h"
#include "ui/models/risk_stress_model.h"
#include "ui/widgets/risk_chart_view.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

RiskStressPanel::RiskStressPanel(QWidget* parent)
    : QWidget(parent)
    , m_info(new QLabel(this))
    , m_run(new QPushButton(tr("Run stress tests"), this))
    , m_results(new RiskStressTableModel(this))
    , m_chart(new RiskChartView(this))
    , m_name(new QLineEdit(this))
    , m_shocks(new RiskShockTableModel(this))
    , m_save(new QPushButton(tr("Save scenario"), this))
{
    m_info->setWordWrap(true);
    m_run->setObjectName(QStringLiteral("riskStressRun"));
    m_resultView = makeTable(m_results, this);
    m_resultView->setObjectName(QStringLiteral("riskStressView"));
    m_resultView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shockView = makeTable(m_shocks, this);
    m_shockView->setObjectName(QStringLiteral("riskShockView"));

    auto* explain = new QLabel(tr("Each scenario moves the forward prices and recomputes the cost "
                                  "at base volumes: what happens if exactly this happens. "
                                  "Cost-at-Risk answers how bad it gets, how often."),
                               this);
    explain->setWordWrap(true);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(m_info, 1);
    top->addWidget(m_run);
    leftLayout->addLayout(top);
    leftLayout->addWidget(explain);
    auto* results = new QSplitter(Qt::Vertical, left);
    results->addWidget(m_resultView);
    results->addWidget(m_chart);
    results->setSizes({300, 400});
    results->setChildrenCollapsible(false);
    leftLayout->addWidget(results, 1);

    auto* editor = new QGroupBox(tr("Your scenario"), this);
    auto* add = new QPushButton(tr("Add shock"), editor);
    auto* remove = new QPushButton(tr("Remove shock"), editor);
    auto* hint = new QLabel(tr("A shock moves one index's forward prices from the first to the "
                               "last month, e.g. +40 or -30 (%). Shocks on the same index and "
                               "month compound. Save, then run the stress tests."),
                            editor);
    hint->setWordWrap(true);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Name:"), editor));
    nameRow->addWidget(m_name, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->addLayout(nameRow);
    editorLayout->addWidget(hint);
    editorLayout->addWidget(m_shockView, 1);
    editorLayout->addLayout(buttons);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(editor);
    split->setSizes({1100, 300}); // the results need the room; the editor has four columns
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_run, &QPushButton::clicked, this, &RiskStressPanel::runRequested);
    connect(m_save, &QPushButton::clicked, this, &RiskStressPanel::saveScenarioRequested);
    connect(add, &QPushButton::clicked, this, &RiskStressPanel::addShock);
    connect(remove, &QPushButton::clicked, this, [this] {
        m_shocks->removeShock(m_shockView->currentIndex().row());
    });
    connect(m_shocks, &RiskShockTableModel::editRejected, this, &RiskStressPanel::problem);
    showMessage(tr("No stress run yet."));
}

void RiskStressPanel::showRun(const storage::SavedStressRun& run)
{
    m_results->setResults(run.results);
    m_resultView->setColumnHidden(RiskStressTableModel::HedgedStressed, !run.hasHedge);
    m_resultView->setColumnHidden(RiskStressTableModel::HedgedChange, !run.hasHedge);
    m_chart->setChart(buildStressChart(run.results, run.hasHedge));
    const auto seconds = run.createdAt.time_since_epoch().count();
    m_info->setText(tr("Stress run %1, saved %2: cost over %3 months from %4 at base volumes%5.")
                        .arg(run.id)
                        .arg(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                        .arg(run.inputs.horizonMonths)
                        .arg(format::month(run.inputs.firstMonth),
                             run.hasHedge ? tr(", unhedged and with the workspace's hedges")
                                          : tr("; no hedges in the workspace")));
}

void RiskStressPanel::showMessage(const QString& message)
{
    m_results->setResults({});
    m_chart->showMessage(QString());
    m_info->setText(message);
}

void RiskStressPanel::setUserScenario(const std::optional<risk::UserScenarioSpec>& spec,
                                      QStringList indexIds,
                                      Month firstMonth)
{
    m_firstMonth = firstMonth;
    const risk::UserScenarioSpec s = spec.value_or(risk::UserScenarioSpec{});
    m_name->setText(toQString(s.name));
    m_shocks->setIndexIds(std::move(indexIds));
    m_shocks->setShocks(s.shocks);
}

risk::UserScenarioSpec RiskStressPanel::userScenario() const
{
    return risk::UserScenarioSpec{m_name->text().trimmed().toStdString(), m_shocks->shocks()};
}

void RiskStressPanel::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_save->setEnabled(!busy);
}

void RiskStressPanel::addShock()
{
    const QStringList& ids = m_shocks->indexIds();
    if (ids.isEmpty()) {
        emit problem(tr("The plan prices on no index yet: there is nothing to shock."));
        return;
    }
    // Start from something sensible the user then edits: +20% on the first index over the
    // plan's first three months.
    const risk::UserShock s{
        ids.front().toStdString(), m_firstMonth, addMonths(m_firstMonth, 2), 0.2};
    const int row = m_shocks->addShock(s);
    m_shockView->setCurrentIndex(m_shocks->index(row, RiskShockTableModel::Shock));
}

} // namespace ch::ui
