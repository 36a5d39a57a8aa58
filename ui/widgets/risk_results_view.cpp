#include "ui/widgets/risk_results_view.h"

#include "ui/charts/risk_series.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/risk_summary_model.h"
#include "ui/widgets/risk_chart_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

QString timestampText(Timestamp t)
{
    const auto seconds = t.time_since_epoch().count();
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString volumesText(risk::VolumeMode m)
{
    switch (m) {
    case risk::VolumeMode::Uncertain:
        return QObject::tr("uncertain volumes (low to high)");
    case risk::VolumeMode::Low:
        return QObject::tr("low-scenario volumes");
    case risk::VolumeMode::Base:
        return QObject::tr("base-scenario volumes");
    case risk::VolumeMode::High:
        return QObject::tr("high-scenario volumes");
    }
    return {};
}

} // namespace

RiskResultsView::RiskResultsView(QWidget* parent)
    : QWidget(parent)
    , m_runs(new QComboBox(this))
    , m_info(new QLabel(this))
    , m_hedged(new QCheckBox(tr("Show with hedges"), this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_summary(new RiskSummaryTableModel(this))
    , m_table(new QTableView(this))
    , m_histogram(new RiskChartView(this))
    , m_fan(new RiskChartView(this))
    , m_contributions(new RiskChartView(this))
{
    m_runs->setObjectName(QStringLiteral("riskRunPicker"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hedged->setToolTip(tr("Draw the charts for the cost net of the hedges' payoffs"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("riskSummaryView"));
    m_table->setModel(m_summary);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);

    m_histogram->setObjectName(QStringLiteral("riskHistogram"));
    m_fan->setObjectName(QStringLiteral("riskFan"));
    m_contributions->setObjectName(QStringLiteral("riskContributions"));
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_histogram);
    charts->addWidget(m_fan);
    charts->addWidget(m_contributions);
    charts->setChildrenCollapsible(false);
    charts->setSizes({1000, 1000, 1000}); // three charts of equal width (proportions)

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setSizes({260, 420});
    split->setChildrenCollapsible(false);
    m_stack->addWidget(split);
    m_stack->addWidget(m_message);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Saved run:"), this));
    header->addWidget(m_runs);
    header->addWidget(m_info, 1);
    header->addWidget(m_hedged);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_hedged, &QCheckBox::toggled, this, [this] { drawCharts(); });
    connect(m_runs, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        emit runChosen(m_runs->itemData(i).toLongLong());
    });
    showMessage(QString());
}

void RiskResultsView::setRunList(const std::vector<storage::RiskRunEntry>& runs,
                                 std::int64_t current)
{
    m_runs->clear();
    for (const storage::RiskRunEntry& e : runs)
        m_runs->addItem(tr("#%1, %2").arg(e.id).arg(timestampText(e.createdAt)),
                        QVariant::fromValue<qlonglong>(e.id));
    m_runs->setCurrentIndex(m_runs->findData(QVariant::fromValue<qlonglong>(current)));
    m_runs->setEnabled(!runs.empty());
}

void RiskResultsView::showRun(const storage::SavedRiskRun& run)
{
    m_run = run;
    m_summary->setReport(run.report);
    m_hedged->setEnabled(run.report.hasHedge);
    if (!run.report.hasHedge)
        m_hedged->setChecked(false);
    m_info->setText(runDescription());
    drawCharts();
    m_stack->setCurrentIndex(0);
}

QString RiskResultsView::runDescription() const
{
    if (!m_run)
        return {};
    const storage::SavedRiskRun& run = *m_run;
    const risk::CostAtRiskReport& r = run.report;
    QString text = tr("Saved %1 · seed %2 · %3 paths · %4 months from %5 · %6 · inputs %7")
                       .arg(timestampText(run.createdAt))
                       .arg(run.config.seed)
                       .arg(format::integer(static_cast<std::int64_t>(run.config.paths)))
                       .arg(run.inputs.horizonMonths)
                       .arg(format::month(run.inputs.firstMonth),
                            volumesText(run.inputs.volumes),
                            toQString(run.inputs.digest));
    if (r.hasHedge) {
        const double before = r.horizon.unhedged.car95.value;
        text += QLatin1Char('\n')
                + tr("Hedges (%1, %2 instruments) change CaR95 from %3 to %4: a reduction of "
                     "%5 (%6).")
                      .arg(toQString(run.inputs.hedges))
                      .arg(run.inputs.instrumentCount)
                      .arg(format::currencyCompact(before),
                           format::currencyCompact(r.horizon.hedged.car95.value),
                           format::currencyCompact(r.car95ReductionUsd),
                           format::percent(before != 0.0 ? r.car95ReductionUsd / before : 0.0));
    } else {
        text += QLatin1Char('\n')
                + tr("No hedge positions or proposals in the workspace: unhedged figures only.");
    }
    return text;
}

void RiskResultsView::showMessage(const QString& message)
{
    m_run.reset();
    m_summary->clear();
    m_info->clear();
    m_hedged->setEnabled(false);
    m_histogram->showMessage(QString());
    m_fan->showMessage(QString());
    m_contributions->showMessage(QString());
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void RiskResultsView::drawCharts()
{
    if (!m_run)
        return;
    const bool hedged = m_hedged->isChecked() && m_run->report.hasHedge;
    m_histogram->setChart(buildCostHistogram(m_run->report, hedged));
    m_fan->setChart(buildMonthlyFan(m_run->report, hedged, m_run->inputs.budgetUsd));
    m_contributions->setChart(buildContributionChart(m_run->report, hedged));
}

} // namespace ch::ui
