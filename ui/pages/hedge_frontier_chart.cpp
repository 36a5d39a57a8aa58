#include "ui/pages/hedge_frontier_chart.h"

#include "ui/widgets/chart_frame.h"

#include <QLabel>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace ch::ui {

namespace {

// Tableau 10 colours (as the other charts): CaR blue, cost orange, markers green and red.
const QColor kCarColour(31, 119, 180);
const QColor kCostColour(255, 127, 14);
const QColor kRecommendationColour(44, 160, 44);
const QColor kTargetColour(214, 39, 40);

double maxOf(const QVector<double>& v, double floor)
{
    double m = floor;
    for (const double x : v)
        m = std::max(m, x);
    return m;
}

} // namespace

HedgeFrontierChart::HedgeFrontierChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_plotPage(new QWidget(this))
    , m_plot(new QCustomPlot(m_plotPage))
    , m_selection(new QLabel(m_plotPage))
{
    auto* plotLayout = new QVBoxLayout(m_plotPage);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(m_plot, 1);
    plotLayout->addWidget(m_selection);
    m_selection->setObjectName(QStringLiteral("frontierSelection"));
    m_selection->setWordWrap(true);
    stackPlotAndMessage(*this, *m_stack, *m_plotPage, *m_message);

    m_title = addTitleRow(*m_plot, 10);
    placeLegendBelow(*m_plot, 3);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTickLabels(true);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &HedgeFrontierChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &HedgeFrontierChart::onMousePress);
    showMessage(QString());
}

void HedgeFrontierChart::setChart(const FrontierChartData& chart)
{
    if (chart.empty()) {
        showMessage(tr("No frontier: nothing in the plan can be hedged"));
        return;
    }
    m_chart = chart;
    m_plot->clearGraphs();
    m_title->setText(chart.title);
    m_plot->xAxis->setLabel(chart.xLabel);
    m_plot->yAxis->setLabel(chart.yLabel);
    m_plot->yAxis2->setLabel(chart.y2Label);

    QCPGraph* car = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    car->setName(chart.carName);
    QPen carPen(kCarColour);
    carPen.setWidthF(2.0);
    car->setPen(carPen);
    car->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    car->setData(chart.ratios(), chart.car(), /*alreadySorted=*/true);

    QCPGraph* cost = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    cost->setName(chart.costName);
    QPen costPen(kCostColour);
    costPen.setWidthF(2.0);
    costPen.setStyle(Qt::DashLine);
    cost->setPen(costPen);
    cost->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 5));
    cost->setData(chart.ratios(), chart.cost(), /*alreadySorted=*/true);

    auto marker = [&](const FrontierChartData::Point& p,
                      const QString& name,
                      const QColor& colour,
                      QCPScatterStyle::ScatterShape shape) {
        QCPGraph* g = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setPen(QPen(colour.darker(130), 2.0));
        g->setScatterStyle(QCPScatterStyle(shape, colour.darker(130), colour, 14));
        g->setData({p.ratioPercent}, {p.car95UsdM});
    };
    marker(chart.policyTarget, chart.targetName, kTargetColour, QCPScatterStyle::ssDiamond);
    marker(chart.recommendation,
           chart.recommendationName,
           kRecommendationColour,
           QCPScatterStyle::ssStar);

    const QVector<double> overX = chart.overBudgetRatios();
    if (!overX.isEmpty()) {
        QCPGraph* over = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
        over->setName(chart.overBudgetName);
        over->setLineStyle(QCPGraph::lsNone);
        over->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::red, 1.5), Qt::NoBrush, 13));
        over->setData(overX, chart.overBudgetCar());
    }

    m_plot->legend->setVisible(true);
    m_plot->xAxis->setRange(-2.0, 102.0);
    const double carTop = std::max(
        {maxOf(chart.car(), 0.0), chart.recommendation.car95UsdM, chart.policyTarget.car95UsdM});
    m_plot->yAxis->setRange(0.0, carTop > 0.0 ? carTop * 1.1 : 1.0);
    const double costTop = maxOf(chart.cost(), 0.0);
    m_plot->yAxis2->setRange(0.0, costTop > 0.0 ? costTop * 1.1 : 1.0);
    m_plot->replot();
    m_selection->setText(
        tr("Recommended: %1. Click a point to read it.").arg(frontierReadout(chart.recommendation))
        + (chart.capNote.isEmpty() ? QString() : QLatin1Char(' ') + chart.capNote));
    m_stack->setCurrentWidget(m_plotPage);
}

void HedgeFrontierChart::showMessage(const QString& message)
{
    m_chart = FrontierChartData{};
    m_plot->clearGraphs();
    m_title->setText(QString());
    m_selection->clear();
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

QString HedgeFrontierChart::title() const
{
    return hasChart() ? m_chart.title : QString();
}

bool HedgeFrontierChart::hasChart() const
{
    return m_stack->currentWidget() == m_plotPage && !m_chart.empty();
}

QString HedgeFrontierChart::selectNearest(double ratioPercent)
{
    const FrontierChartData::Point* p = nearestFrontierPoint(m_chart, ratioPercent);
    if (p == nullptr)
        return {};
    QString text = frontierReadout(*p);
    if (p == &m_chart.recommendation)
        text = tr("Recommendation: %1").arg(text);
    else if (p == &m_chart.policyTarget)
        text = tr("Policy target: %1").arg(text);
    m_selection->setText(text);
    emit pointSelected(p->ratioPercent);
    return text;
}

QString HedgeFrontierChart::selectionText() const
{
    return m_selection->text();
}

void HedgeFrontierChart::onMouseMove(QMouseEvent* event)
{
    if (!hasChart())
        return;
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const FrontierChartData::Point* p = nearestFrontierPoint(m_chart, x);
    if (p == nullptr)
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), frontierReadout(*p), m_plot);
}

void HedgeFrontierChart::onMousePress(QMouseEvent* event)
{
    if (hasChart())
        selectNearest(m_plot->xAxis->pixelToCoord(event->position().x()));
}

} // namespace ch::ui
