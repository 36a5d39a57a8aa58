#pragma once

// The set-up every QCustomPlot chart widget shares (ExposureBarChart, DateValueChart,
// RiskChartView, HedgeFrontierChart, PnlChart), so the charts keep one look: a bold title row
// over the axis rect, the legend in its own borderless row underneath, UTC date axes, and the
// plot or a message in one stacked widget.

class QCPAxis;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QStackedWidget;
class QString;
class QWidget;

namespace ch::ui {

//! Gives `owner` a margin-free layout holding `stack`, with `plotPage` and then `message` (centred,
//! word-wrapped) on it: a chart shows its plot or, with nothing to draw, the message instead.
void stackPlotAndMessage(QWidget& owner, QStackedWidget& stack, QWidget& plotPage, QLabel& message);

//! Inserts a row above the axis rect holding an empty bold title in the plot's font family at
//! `pointSize`, and returns it (owned by the plot).
QCPTextElement* addTitleRow(QCustomPlot& plot, int pointSize);

//! Moves the legend into a new row at the bottom of the plot layout (under the axis rect, so it
//! never hides the data), filled row by row with `columns` entries a row (0: one row) and no
//! border. Call after addTitleRow().
void placeLegendBelow(QCustomPlot& plot, int columns = 0);

//! Drag to pan and wheel to zoom, along the key (date) axis only.
void enableHorizontalPanZoom(QCustomPlot& plot);

//! Date ticks on `axis`, whose keys are seconds since 1970-01-01 00:00 UTC, labelled with
//! `format` ("yyyy-MM") in UTC, about `tickCount` of them.
void setUtcDateTicker(QCPAxis& axis, const QString& format, int tickCount);

} // namespace ch::ui
