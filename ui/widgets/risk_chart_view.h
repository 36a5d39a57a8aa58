#pragma once

#include "ui/charts/risk_series.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace ch::ui {

//! Draws a RiskChartData with QCustomPlot: bars, shaded bands, lines (dashed for references such
//! as the budget) and vertical markers (percentiles), with a title above (a label that wraps, so
//! a long title never widens the window), labelled axes (a date axis for delivery months) and a
//! legend under the plot when there is more than one series. Category charts are drawn as
//! horizontal bars, categories down the left in order, so long names stay readable. It computes
//! nothing; with nothing to draw it shows a message instead.
class RiskChartView : public QWidget
{
    Q_OBJECT
public:
    explicit RiskChartView(QWidget* parent = nullptr);

    void setChart(const RiskChartData& chart);
    void showMessage(const QString& message);

    QString title() const;
    bool hasChart() const;
    //! Names of the series in the legend, in drawing order (for tests).
    QStringList legendNames() const;

private:
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    QLabel* m_title = nullptr;
    RiskChartData m_chart;
};

} // namespace ch::ui
