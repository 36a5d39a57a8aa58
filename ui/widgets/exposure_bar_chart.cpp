#include "ui/widgets/exposure_bar_chart.h"

#include "ui/charts/chart_data.h"
#include "ui/format.h"
#include "ui/widgets/chart_frame.h"

#include <QLabel>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QToolTip>
#include <qcustomplot.h>

#include <cmath>

namespace ch::ui {

namespace {

// Tableau 10: distinct colours, readable for the common colour-vision deficiencies.
const QColor kColours[] = {QColor(31, 119, 180),
                           QColor(255, 127, 14),
                           QColor(44, 160, 44),
                           QColor(214, 39, 40),
                           QColor(148, 103, 189),
                           QColor(140, 86, 75),
                           QColor(227, 119, 194),
                           QColor(127, 127, 127),
                           QColor(188, 189, 34),
                           QColor(23, 190, 207),
                           QColor(31, 60, 120)};

constexpr double kSecondsPerDay = 86400.0;

//! Bars and points sit mid-month so a bar covers its month on the date axis.
double midMonthKey(Month m)
{
    return monthKey(m) + 14.5 * kSecondsPerDay;
}

} // namespace

ExposureBarChart::ExposureBarChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    stackPlotAndMessage(*this, *m_stack, *m_plot, *m_message);

    m_title = addTitleRow(*m_plot, 10);
    placeLegendBelow(*m_plot, 4); // keeps the chart narrow enough to sit beside another
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ExposureBarChart::onMouseMove);
    showMessage(QString());
}

void ExposureBarChart::setChart(const MonthlyChartData& chart)
{
    if (chart.empty()) {
        showMessage(tr("No data to chart"));
        return;
    }
    m_chart = chart;
    m_plot->clearPlottables();
    m_title->setText(chart.title);

    setUtcDateTicker(*m_plot->xAxis, QStringLiteral("yyyy-MM"), 8);
    m_plot->xAxis->setLabel(chart.xLabel);
    m_plot->yAxis->setLabel(chart.yLabel);

    QVector<double> keys;
    for (const Month m : chart.months)
        keys.push_back(midMonthKey(m));
    std::size_t colour = 0;
    QCPBars* below = nullptr;
    double top = 0.0;
    QVector<double> stackTop(keys.size(), 0.0);
    for (const auto& s : chart.stacks) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(s.name);
        bars->setWidth(24 * kSecondsPerDay);
        const QColor c = kColours[colour++ % std::size(kColours)];
        bars->setPen(QPen(c.darker(120)));
        bars->setBrush(c);
        bars->setData(keys, s.values, /*alreadySorted=*/true);
        if (below != nullptr)
            bars->moveAbove(below);
        below = bars;
        for (int i = 0; i < keys.size() && i < s.values.size(); ++i)
            if (std::isfinite(s.values[i]))
                stackTop[i] += s.values[i];
    }
    for (const double v : stackTop)
        top = std::max(top, v);
    for (const auto& s : chart.lines) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(s.name);
        graph->setData(keys, s.values, /*alreadySorted=*/true);
        QPen pen(kColours[colour++ % std::size(kColours)]);
        pen.setWidthF(2.0);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        for (const double v : s.values)
            if (std::isfinite(v))
                top = std::max(top, v);
    }
    m_plot->legend->setVisible(chart.needsLegend());
    m_plot->xAxis->setRange(monthKey(chart.months.front()),
                            monthKey(addMonths(chart.months.back(), 1)));
    m_plot->yAxis->setRange(0.0, top > 0.0 ? top * 1.08 : 1.0);
    m_plot->replot();
    m_stack->setCurrentWidget(m_plot);
}

void ExposureBarChart::showMessage(const QString& message)
{
    m_chart = MonthlyChartData{};
    m_plot->clearPlottables();
    m_title->setText(QString());
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

QString ExposureBarChart::title() const
{
    return hasChart() ? m_chart.title : QString();
}

bool ExposureBarChart::hasChart() const
{
    return m_stack->currentWidget() == m_plot && !m_chart.empty();
}

QString ExposureBarChart::readoutAt(int monthIndex) const
{
    if (monthIndex < 0 || monthIndex >= static_cast<int>(m_chart.months.size()))
        return {};
    QStringList parts;
    auto add = [&](const MonthlyChartData::Series& s) {
        if (monthIndex < s.values.size() && std::isfinite(s.values[monthIndex]))
            parts << QStringLiteral("%1 %2").arg(s.name, format::number(s.values[monthIndex], 1));
    };
    for (const auto& s : m_chart.stacks)
        add(s);
    for (const auto& s : m_chart.lines)
        add(s);
    return tr("%1 (%2): %3")
        .arg(format::month(m_chart.months[static_cast<std::size_t>(monthIndex)]),
             m_chart.yLabel,
             parts.join(QStringLiteral(", ")));
}

void ExposureBarChart::onMouseMove(QMouseEvent* event)
{
    if (!hasChart())
        return;
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    const Date d = dateFromKey(key);
    const int index = monthsBetween(m_chart.months.front(), Month{d.year(), d.month()});
    const QString text = readoutAt(index);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

} // namespace ch::ui
