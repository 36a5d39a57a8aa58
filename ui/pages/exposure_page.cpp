#include "ui/pages/exposure_page.h"

#include "domain/plan_text.h"
#include "ui/charts/exposure_series.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/exposure_table_models.h"
#include "ui/plan_session.h"
#include "ui/widgets/exposure_bar_chart.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

const QString kQuarterView = QStringLiteral("by-quarter");
const QString kDetailView = QStringLiteral("detail");

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

Scenario scenarioOf(const QComboBox* box)
{
    return static_cast<Scenario>(box->currentData().toInt());
}

QString csvField(const std::string& text)
{
    const QString q = toQString(text);
    if (!q.contains(QLatin1Char(',')) && !q.contains(QLatin1Char('"')))
        return q;
    return QLatin1Char('"') + QString(q).replace(QStringLiteral("\""), QStringLiteral("\"\""))
           + QLatin1Char('"');
}

QString exact(double v)
{
    return toQString(formatShortest(v));
}

QString exact(const std::optional<double>& v)
{
    return v ? exact(*v) : QString();
}

} // namespace

ExposurePage::ExposurePage(WorkspaceSession& session, PlanSession& plan, QWidget* parent)
    : Page(session, parent)
    , m_plan(plan)
    , m_banner(new ReferenceBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_problems(new QLabel(this))
    , m_scenario(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_resource(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_cells(new ExposureCellModel(this))
    , m_periods(new ExposurePeriodModel(this))
{
    setObjectName(QStringLiteral("exposurePage"));
    m_problems->setAlignment(Qt::AlignCenter);
    m_problems->setWordWrap(true);
    m_stack->addWidget(buildContent());
    m_stack->addWidget(m_problems);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    connect(&plan, &PlanSession::bookChanged, this, &ExposurePage::refresh);
    refresh();
}

QWidget* ExposurePage::buildContent()
{
    for (const Scenario s : kScenarios)
        m_scenario->addItem(scenarioLabel(s), static_cast<int>(s));
    m_scenario->setCurrentIndex(1);
    m_period->addItem(tr("Month"), static_cast<int>(ExposurePeriodModel::Period::Month));
    m_period->addItem(tr("Quarter"), static_cast<int>(ExposurePeriodModel::Period::Quarter));
    m_period->addItem(tr("Year"), static_cast<int>(ExposurePeriodModel::Period::Year));
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, &ExposurePage::exportCsv);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, &ExposurePage::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        m_periods->setPeriod(
            static_cast<ExposurePeriodModel::Period>(m_period->currentData().toInt()));
    });
    connect(m_resource, &QComboBox::currentIndexChanged, this, [this] {
        const auto r = parseResource(m_resource->currentData().toString().toStdString());
        m_cells->setResourceFilter(r);
    });
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Scenario:"), this));
    controls->addWidget(m_scenario);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Totals by:"), this));
    controls->addWidget(m_period);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Detail for:"), this));
    controls->addWidget(m_resource);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    m_summary->setWordWrap(true);

    m_exposureChart = new ExposureBarChart(this);
    m_exposureChart->setObjectName(QStringLiteral("exposureChart"));
    m_budgetChart = new ExposureBarChart(this);
    m_budgetChart->setObjectName(QStringLiteral("budgetChart"));
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_exposureChart);
    charts->addWidget(m_budgetChart);
    charts->setSizes({620, 480});

    m_periodView = makeTable(m_periods, this);
    m_periodView->setObjectName(QStringLiteral("periodView"));
    m_cellView = makeTable(m_cells, this);
    m_cellView->setObjectName(QStringLiteral("cellView"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_periodView, tr("Totals by period"));
    m_tabs->addTab(m_cellView, tr("By plan line and month"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(charts);
    splitter->addWidget(m_tabs);
    splitter->setSizes({430, 400});
    splitter->setChildrenCollapsible(false);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    return content;
}

QStringList ExposurePage::views() const
{
    return {kQuarterView, kDetailView};
}

void ExposurePage::showView(const QString& view)
{
    if (view == kQuarterView) {
        m_period->setCurrentIndex(1);
        m_tabs->setCurrentWidget(m_periodView);
    } else if (view == kDetailView) {
        m_tabs->setCurrentWidget(m_cellView);
    }
}

QString ExposurePage::problemText() const
{
    return m_stack->currentWidget() == m_problems ? m_problems->text() : QString();
}

void ExposurePage::refresh()
{
    const ExposureState& state = m_plan.exposure();
    const MarketDataSet& market = session().marketData();
    m_banner->setDatasetDetails(
        session().hasMarketData()
            ? tr("Dataset %1, valuation date %2.")
                  .arg(toQString(market.info.version), format::date(market.info.valuationDate))
            : QString());
    const Scenario s = scenarioOf(m_scenario);
    const Plan& plan = m_plan.plan();

    // The resource filter lists the resources of the plan, keeping the user's choice.
    const QString chosen = m_resource->currentData().toString();
    m_resource->blockSignals(true);
    m_resource->clear();
    m_resource->addItem(tr("All resources"), QString());
    for (const Resource& r : allResources())
        if (std::any_of(plan.lines().begin(), plan.lines().end(), [&](const PlanLine& l) {
                return l.resource() == r;
            }))
            m_resource->addItem(toQString(r.code()), toQString(r.code()));
    m_resource->setCurrentIndex(std::max(0, m_resource->findData(chosen)));
    m_resource->blockSignals(false);

    m_cells->setScenario(s);
    m_cells->setResourceFilter(parseResource(m_resource->currentData().toString().toStdString()));
    m_cells->setReport(plan, state.report);
    m_periods->setScenario(s);
    m_periods->setReport(state.report);
    if (!state.report) {
        QStringList lines;
        for (const Issue& i : state.problems)
            lines << toQString(i.toString()).toHtmlEscaped();
        m_problems->setText(tr("<p><b>No exposure to show.</b></p><p>%1</p>")
                                .arg(lines.join(QStringLiteral("<br>"))));
        m_exposureChart->showMessage(QString());
        m_budgetChart->showMessage(QString());
        m_stack->setCurrentWidget(m_problems);
        return;
    }
    const exposure::ExposureReport& report = *state.report;
    const exposure::CostSummary& total = report.total[static_cast<std::size_t>(s)];
    QString summary =
        tr("%1 scenario, %2 to %3: open exposure <b>%4</b>, contracted cost %5, expected cost "
           "%6.")
            .arg(scenarioLabel(s),
                 format::month(report.firstMonth),
                 format::month(addMonths(report.firstMonth, report.months - 1)),
                 format::currencyCompact(total.exposureUsd),
                 format::currencyCompact(total.contractedCostUsd),
                 format::currencyCompact(total.totalCostUsd));
    if (total.budgetedCells > 0)
        summary += QLatin1Char(' ')
                   + tr("Budgeted cells: budget %1, expected %2, variance %3 (%4).")
                         .arg(format::currencyCompact(total.budgetUsd),
                              format::currencyCompact(total.budgetedCostUsd),
                              format::currencyCompact(total.varianceUsd),
                              total.varianceUsd > 0 ? tr("above budget") : tr("within budget"));
    m_summary->setText(summary);
    m_exposureChart->setChart(buildExposureByResourceChart(plan, report, s, state.asOf));
    const MonthlyChartData budget = buildBudgetChart(report, s, state.asOf);
    if (budget.empty())
        m_budgetChart->showMessage(tr("No budget entered: add one on the Plan page, Budget tab."));
    else
        m_budgetChart->setChart(budget);
    m_stack->setCurrentIndex(0);
}

QString ExposurePage::exposureCsv() const
{
    QString out = QStringLiteral(
        "month,line_id,resource,index,scenario,planned,contracted,open,surplus,"
        "forward_usd_per_unit,basis_factor,price_source,price_usd_per_unit,exposure_usd,"
        "contracted_cost_usd,total_cost_usd,budget_usd,variance_usd\n");
    const Plan& plan = m_plan.plan();
    for (int row = 0; row < m_cells->rowCount(); ++row) {
        const exposure::ExposureCell& c = m_cells->cellAt(row);
        const PlanLine& line = plan.lines()[c.lineIndex];
        const QStringList fields{format::month(c.month),
                                 csvField(line.id()),
                                 toQString(line.resource().code()),
                                 csvField(line.indexId()),
                                 QString::fromLatin1(scenarioCode(c.scenario)),
                                 exact(c.plannedVolume),
                                 exact(c.contractedVolume),
                                 exact(c.openVolume),
                                 exact(c.surplusVolume),
                                 exact(c.forwardUsd),
                                 exact(c.basisFactor),
                                 QString::fromLatin1(exposure::priceSourceCode(c.priceSource)),
                                 exact(c.priceUsd),
                                 exact(c.exposureUsd),
                                 exact(c.contractedCostUsd),
                                 exact(c.totalCostUsd),
                                 exact(c.budgetUsd),
                                 exact(c.varianceUsd)};
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

void ExposurePage::exportCsv()
{
    const QString file = QFileDialog::getSaveFileName(this,
                                                      tr("Export exposure"),
                                                      QStringLiteral("exposure.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (file.isEmpty())
        return;
    guard(this, tr("Export exposure"), [&] {
        QSaveFile out(file);
        const QByteArray bytes = exposureCsv().toUtf8();
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            throw StorageError("writing " + file.toStdString() + ": "
                               + out.errorString().toStdString());
    });
}

} // namespace ch::ui
