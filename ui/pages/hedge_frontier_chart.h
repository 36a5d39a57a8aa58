#pragma once

#include "ui/charts/hedge_frontier_series.h"

#include <QWidget>

class QCustomPlot;
class QCPTextElement;
class QLabel;
class QMouseEvent;
class QStackedWidget;

namespace ch::ui {

//! Draws a FrontierChartData with QCustomPlot: Cost-at-Risk against the hedge ratio on the left
//! axis, the hedge cost on the right axis, the recommendation and the policy target as markers,
//! points over the premium budget ringed, a legend under the plot and the as-of date in the title.
//! Hovering shows the nearest point's figures; clicking selects it and shows them in the line
//! under the chart ("moving along the frontier"). It computes nothing.
class HedgeFrontierChart : public QWidget
{
    Q_OBJECT
public:
    explicit HedgeFrontierChart(QWidget* parent = nullptr);

    void setChart(const FrontierChartData& chart);
    void showMessage(const QString& message);

    QString title() const;
    bool hasChart() const;
    const FrontierChartData& chart() const { return m_chart; }
    //! Selects the point nearest `ratioPercent` and returns its read-out ("" without a chart).
    QString selectNearest(double ratioPercent);
    QString selectionText() const;

signals:
    void pointSelected(double ratioPercent);

private:
    void onMouseMove(QMouseEvent* event);
    void onMousePress(QMouseEvent* event);

    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_plotPage = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QLabel* m_selection = nullptr;
    FrontierChartData m_chart;
};

} // namespace ch::ui
