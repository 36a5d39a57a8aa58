#pragma once

#include "ui/charts/chart_data.h"

#include <QWidget>

class QCustomPlot;
class QCPItemText;
class QCPItemTracer;
class QCPTextElement;
class QLabel;
class QMouseEvent;
class QStackedWidget;

namespace ch::ui {

//! Draws a ChartData with QCustomPlot: a date axis (days or delivery months, UTC), a title,
//! labelled axes, a legend below the plot when there is more than one series, and a hover read-out
//! (a tracer on the first series plus a label with the date and the price). Drag pans and the wheel
//! zooms along the date axis, the price axis follows the visible data; double-click resets.
//! When there is nothing to draw it shows a message instead. It computes nothing.
class DateValueChart : public QWidget
{
    Q_OBJECT
public:
    explicit DateValueChart(QWidget* parent = nullptr);

    void setChart(const ChartData& chart);
    //! Clears the chart and shows `message` in its place (e.g. "Select an index").
    void showMessage(const QString& message);

    //! The title shown (empty while a message is shown).
    QString title() const;
    //! Whether the plot (not a message) is visible.
    bool hasChart() const;
    //! Moves the read-out to the data point nearest `key` and returns its text ("" if none).
    QString showReadoutAt(double key);
    void hideReadout();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onMouseMove(QMouseEvent* event);
    void resetView();
    void fitValueAxisToVisibleKeys();

    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPItemTracer* m_tracer = nullptr;
    QCPItemText* m_readout = nullptr;
    ChartData m_chart;
};

} // namespace ch::ui
