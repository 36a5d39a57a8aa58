#include "ui/widgets/risk_chart_view.h"

#include "ui/widgets/chart_frame.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ch::ui {

namespace {

// Tableau 10 (distinct for the common colour-vision deficiencies): blue for the distribution,
// grey, orange and red for P50, P95 and P99, green for the budget.
const QColor kBlue(31, 119, 180);
const QColor kGrey(90, 90, 90);
const QColor kOrange(255, 127, 14);
const QColor kRed(214, 39, 40);
const QColor kGreen(44, 160, 44);

QColor markerColour(std::size_t i)
{
    const QColor colours[] = {kGrey, kOrange, kRed};
    return colours[i % std::size(colours)];
}

//! Widens [lo, hi] by `share` on both sides (a flat range by 1% of its level).
QCPRange padded(double lo, double hi, double share)
{
    const double span = hi > lo ? hi - lo : std::max(std::fabs(hi) * 0.02, 1e-6);
    return QCPRange(lo - span * share, hi + span * share);
}

} // namespace

RiskChartView::RiskChartView(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_title(new QLabel(this))
{
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_plot);
    m_stack->addWidget(m_message);

    // Two legend entries a row keep the legend narrower than the plot.
    placeLegendBelow(*m_plot, 2);
    showMessage(QString());
}

void RiskChartView::setChart(const RiskChartData& chart)
{
    if (chart.empty()) {
        showMessage(tr("No data to chart"));
        return;
    }
    m_chart = chart;
    m_plot->clearPlottables();
    for (QCPBarsGroup* old : m_plot->findChildren<QCPBarsGroup*>())
        delete old; // its bars went with clearPlottables()
    m_title->setText(chart.title);
    m_title->setVisible(true);
    const bool horizontal = chart.axis == RiskChartData::Axis::Category;
    m_plot->xAxis->setLabel(chart.xLabel);
    m_plot->yAxis->setLabel(chart.yLabel);
    m_plot->yAxis->setRangeReversed(horizontal); // the first category on top
    if (!horizontal)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    switch (chart.axis) {
    case RiskChartData::Axis::Month: {
        setUtcDateTicker(*m_plot->xAxis, QStringLiteral("yyyy-MM"), 4);
        break;
    }
    case RiskChartData::Axis::Category: {
        // Horizontal bars: the categories go down the value axis's partner, the left axis.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < chart.categories.size(); ++i)
            ticker->addTick(i + 1, chart.categories[i]);
        m_plot->yAxis->setTicker(ticker);
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->xAxis->setLabel(chart.yLabel);
        m_plot->yAxis->setLabel(chart.xLabel);
        break;
    }
    case RiskChartData::Axis::Cost:
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        break;
    }

    double xLo = std::numeric_limits<double>::max();
    double xHi = std::numeric_limits<double>::lowest();
    double yLo = 0.0;
    double yHi = 0.0;
    auto extend =
        [&](const QVector<double>& keys, const QVector<double>& values, double halfWidth) {
            for (int i = 0; i < keys.size(); ++i) {
                xLo = std::min(xLo, keys[i] - halfWidth);
                xHi = std::max(xHi, keys[i] + halfWidth);
                if (i < values.size() && std::isfinite(values[i])) {
                    yLo = std::min(yLo, values[i]);
                    yHi = std::max(yHi, values[i]);
                }
            }
        };

    // Several bar series side by side (QCPBarsGroup), one colour each.
    QCPBarsGroup* group = nullptr;
    if (chart.bars.size() > 1) {
        group = new QCPBarsGroup(m_plot);
        group->setSpacing(1.0);
    }
    const QColor barColours[] = {kBlue, kOrange};
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const auto& b = chart.bars[i];
        const QColor colour = barColours[i % std::size(barColours)];
        auto* bars = horizontal ? new QCPBars(m_plot->yAxis, m_plot->xAxis)
                                : new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(b.name);
        bars->setWidth(b.width);
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(QColor(colour.red(), colour.green(), colour.blue(), 170));
        bars->setData(b.keys, b.values, /*alreadySorted=*/true);
        if (group != nullptr)
            bars->setBarsGroup(group);
        extend(b.keys, b.values, b.width / 2.0);
    }
    int bandShade = 0;
    for (const auto& band : chart.bands) {
        // A band is two graphs with the channel between them filled; only the upper one is
        // named in the legend.
        QCPGraph* low = m_plot->addGraph();
        low->setData(band.keys, band.low, true);
        low->setPen(Qt::NoPen);
        low->removeFromLegend();
        QCPGraph* high = m_plot->addGraph();
        high->setName(band.name);
        high->setData(band.keys, band.high, true);
        high->setPen(Qt::NoPen);
        high->setBrush(QColor(kBlue.red(), kBlue.green(), kBlue.blue(), 50 + 45 * bandShade++));
        high->setChannelFillGraph(low);
        extend(band.keys, band.low, 0.0);
        extend(band.keys, band.high, 0.0);
    }
    for (const auto& line : chart.lines) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(line.name);
        graph->setData(line.keys, line.values, true);
        QPen pen(line.dashed ? kGreen : kBlue.darker(140));
        pen.setWidthF(2.0);
        if (line.dashed)
            pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        extend(line.keys, line.values, 0.0);
    }
    if (chart.axis == RiskChartData::Axis::Month)
        xHi += 20 * 86400.0; // room for the last month's point
    const QCPRange x = padded(xLo, xHi, chart.axis == RiskChartData::Axis::Cost ? 0.02 : 0.0);
    const QCPRange y(yLo < 0.0 ? yLo * 1.1 : 0.0, yHi > 0.0 ? yHi * 1.08 : 1.0);
    for (std::size_t i = 0; i < chart.markers.size(); ++i) {
        const auto& m = chart.markers[i];
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setName(m.name);
        curve->setData(QVector<double>{m.key, m.key}, QVector<double>{y.lower, y.upper});
        QPen pen(markerColour(i));
        pen.setWidthF(2.0);
        pen.setStyle(Qt::DashLine);
        curve->setPen(pen);
    }
    if (horizontal) {
        m_plot->yAxis->setRange(0.4, chart.categories.size() + 0.6);
        m_plot->xAxis->setRange(y);
    } else {
        m_plot->xAxis->setRange(x);
        m_plot->yAxis->setRange(y);
    }
    m_plot->legend->setVisible(chart.needsLegend());
    m_plot->replot();
    m_stack->setCurrentWidget(m_plot);
}

void RiskChartView::showMessage(const QString& message)
{
    m_chart = RiskChartData{};
    m_plot->clearPlottables();
    m_title->clear();
    m_title->setVisible(false);
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

QString RiskChartView::title() const
{
    return hasChart() ? m_chart.title : QString();
}

bool RiskChartView::hasChart() const
{
    return m_stack->currentWidget() == m_plot && !m_chart.empty();
}

QStringList RiskChartView::legendNames() const
{
    QStringList out;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(i)))
            out << item->plottable()->name();
    return out;
}

} // namespace ch::ui
