#pragma once

#include "ui/pages/pnl_series.h"

#include <QWidget>

class QCustomPlot;
class QCPTextElement;
class QLabel;
class QStackedWidget;

namespace ch::ui {

//! Draws a PnlChartData with QCustomPlot: a date axis (UTC days), a USD value axis with a zero
//! line, the title and a legend below the plot. It computes nothing; with no data it shows a
//! message instead.
class PnlChart : public QWidget
{
    Q_OBJECT
public:
    explicit PnlChart(QWidget* parent = nullptr);

    void setChart(const PnlChartData& chart);
    void showMessage(const QString& message);
    bool hasChart() const;
    QString title() const;
    int graphCount() const;

private:
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
};

} // namespace ch::ui
