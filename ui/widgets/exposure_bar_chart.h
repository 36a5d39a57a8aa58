#pragma once

#include "ui/charts/exposure_series.h"

#include <QWidget>

class QCustomPlot;
class QCPTextElement;
class QLabel;
class QMouseEvent;
class QStackedWidget;

namespace ch::ui {

//! Draws a MonthlyChartData with QCustomPlot: stacked bars (one colour per series, the first at
//! the bottom) and/or lines over delivery months on a date axis ("2027-02"), a title, labelled
//! axes and a legend under the plot when there is more than one series. Hovering a month shows
//! its values. It computes nothing; with nothing to draw it shows a message instead.
class ExposureBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit ExposureBarChart(QWidget* parent = nullptr);

    void setChart(const MonthlyChartData& chart);
    void showMessage(const QString& message);

    QString title() const;
    bool hasChart() const;
    //! The hover text for the month at `index` ("2027-02: H100 1.2, ... (USD m)"), "" outside.
    QString readoutAt(int monthIndex) const;

private:
    void onMouseMove(QMouseEvent* event);

    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    MonthlyChartData m_chart;
};

} // namespace ch::ui
