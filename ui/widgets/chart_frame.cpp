#include "ui/widgets/chart_frame.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ch::ui {

void stackPlotAndMessage(QWidget& owner, QStackedWidget& stack, QWidget& plotPage, QLabel& message)
{
    auto* layout = new QVBoxLayout(&owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(&stack);
    message.setAlignment(Qt::AlignCenter);
    message.setWordWrap(true);
    stack.addWidget(&plotPage);
    stack.addWidget(&message);
}

QCPTextElement* addTitleRow(QCustomPlot& plot, int pointSize)
{
    plot.plotLayout()->insertRow(0);
    auto* title =
        new QCPTextElement(&plot, QString(), QFont(plot.font().family(), pointSize, QFont::Bold));
    plot.plotLayout()->addElement(0, 0, title);
    return title;
}

void placeLegendBelow(QCustomPlot& plot, int columns)
{
    const int row = plot.plotLayout()->rowCount();
    plot.axisRect()->insetLayout()->take(plot.legend);
    plot.plotLayout()->addElement(row, 0, plot.legend);
    // A near-zero stretch: the legend row takes the height it needs, the axis rect the rest.
    plot.plotLayout()->setRowStretchFactor(row, 0.001);
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    if (columns > 0)
        plot.legend->setWrap(columns);
    plot.legend->setBorderPen(Qt::NoPen);
}

void enableHorizontalPanZoom(QCustomPlot& plot)
{
    plot.setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot.axisRect()->setRangeDrag(Qt::Horizontal);
    plot.axisRect()->setRangeZoom(Qt::Horizontal);
}

void setUtcDateTicker(QCPAxis& axis, const QString& format, int tickCount)
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(format);
    ticker->setTickCount(tickCount);
    axis.setTicker(ticker);
}

} // namespace ch::ui
