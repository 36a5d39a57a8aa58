#include "ui/widgets/date_value_chart.h"

#include "ui/widgets/chart_frame.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QStackedWidget>
#include <qcustomplot.h>

#include <algorithm>
#include <limits>

namespace ch::ui {

namespace {

// Tableau 10's first colours: distinct for the usual colour-vision deficiencies.
const QColor kSeriesColours[] = {QColor(31, 119, 180),
                                 QColor(90, 90, 90),
                                 QColor(255, 127, 14),
                                 QColor(44, 160, 44),
                                 QColor(214, 39, 40)};

QPen penFor(std::size_t i, ChartSeries::Style style)
{
    QPen pen(kSeriesColours[i % std::size(kSeriesColours)]);
    pen.setWidthF(style == ChartSeries::Style::Dashed ? 1.5 : 2.0);
    if (style == ChartSeries::Style::Dashed)
        pen.setStyle(Qt::DashLine);
    return pen;
}

} // namespace

DateValueChart::DateValueChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    stackPlotAndMessage(*this, *m_stack, *m_plot, *m_message);

    enableHorizontalPanZoom(*m_plot);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_plot->setToolTip(tr("Drag to pan, scroll to zoom, double-click to show everything"));

    m_title = addTitleRow(*m_plot, 11);
    placeLegendBelow(*m_plot);

    m_tracer = new QCPItemTracer(m_plot);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(8);
    m_tracer->setPen(QPen(Qt::black));
    m_tracer->setBrush(Qt::white);
    m_tracer->setInterpolating(false); // snap to an observation, never invent a price
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(0.01, 0.02);
    m_readout->setPadding(QMargins(6, 3, 6, 3));
    m_readout->setPen(QPen(QColor(160, 160, 160)));
    m_readout->setBrush(QColor(255, 255, 255, 230));
    hideReadout();

    connect(m_plot, &QCustomPlot::mouseMove, this, &DateValueChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        fitValueAxisToVisibleKeys();
    });

    showMessage(QString());
}

void DateValueChart::setChart(const ChartData& chart)
{
    if (chart.empty()) {
        showMessage(tr("No data to chart"));
        return;
    }
    m_chart = chart;
    m_plot->clearGraphs();
    hideReadout();
    m_title->setText(chart.title);

    // Keys are UTC midnights.
    setUtcDateTicker(*m_plot->xAxis,
                     chart.keyKind == ChartData::KeyKind::Day ? QStringLiteral("yyyy-MM-dd")
                                                              : QStringLiteral("yyyy-MM"),
                     6);
    m_plot->xAxis->setLabel(chart.xLabel);
    m_plot->yAxis->setLabel(chart.yLabel);

    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const ChartSeries& s = chart.series[i];
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(s.name);
        graph->setData(s.keys, s.values, /*alreadySorted=*/true);
        graph->setPen(penFor(i, s.style));
        graph->setLineStyle(s.style == ChartSeries::Style::Step ? QCPGraph::lsStepLeft
                                                                : QCPGraph::lsLine);
        if (chart.keyKind == ChartData::KeyKind::Month && s.style != ChartSeries::Style::Dashed)
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    }
    m_tracer->setGraph(m_plot->graph(0));
    m_plot->legend->setVisible(chart.needsLegend());
    resetView();
    m_stack->setCurrentWidget(m_plot);
}

void DateValueChart::showMessage(const QString& message)
{
    m_chart = ChartData{};
    m_tracer->setGraph(nullptr);
    m_plot->clearGraphs();
    m_title->setText(QString());
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

QString DateValueChart::title() const
{
    return hasChart() ? m_title->text() : QString();
}

bool DateValueChart::hasChart() const
{
    return m_stack->currentWidget() == m_plot;
}

void DateValueChart::resetView()
{
    if (m_plot->graphCount() == 0)
        return;
    m_plot->rescaleAxes();
    fitValueAxisToVisibleKeys();
    m_plot->replot();
}

void DateValueChart::fitValueAxisToVisibleKeys()
{
    // Keep the price axis on the data in view, with a 5% margin, as the user pans and zooms.
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange r =
            m_plot->graph(i)->getValueRange(found, QCP::sdBoth, m_plot->xAxis->range());
        if (found) {
            low = std::min(low, r.lower);
            high = std::max(high, r.upper);
        }
    }
    if (low > high)
        return;
    const double margin = std::max((high - low) * 0.05, std::abs(high) * 0.01);
    m_plot->yAxis->setRange(low - margin, high + margin);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString DateValueChart::showReadoutAt(double key)
{
    if (m_plot->graphCount() == 0 || m_plot->graph(0)->data()->isEmpty())
        return {};
    m_tracer->setGraphKey(key);
    m_tracer->updatePosition();
    const QString text = formatReadout(
        m_chart.keyKind, m_chart.unit, m_tracer->position->key(), m_tracer->position->value());
    m_readout->setText(text);
    m_tracer->setVisible(true);
    m_readout->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return text;
}

void DateValueChart::hideReadout()
{
    m_tracer->setVisible(false);
    m_readout->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DateValueChart::onMouseMove(QMouseEvent* event)
{
    if (!m_plot->axisRect()->rect().contains(event->position().toPoint())) {
        hideReadout();
        return;
    }
    showReadoutAt(m_plot->xAxis->pixelToCoord(event->position().x()));
}

bool DateValueChart::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hideReadout();
    return QWidget::eventFilter(watched, event);
}

} // namespace ch::ui
