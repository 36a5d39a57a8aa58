#pragma once

#include "risk/cost_at_risk.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The Cost-at-Risk summary: the horizon, each quarter and each month, one row per period and
//! book (unhedged, and "with hedges" under it when the run had hedge instruments). Columns are
//! the distribution's statistics in USD m with their Monte Carlo standard error ("12.345 ±
//! 0.004"). DisplayRole is formatted; Qt::UserRole is the raw value in USD; the tooltip gives
//! the value and standard error in USD.
class RiskSummaryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Period, Book, Expected, P50, P95, P99, Car95, Car99, Es95, Es99, ColumnCount };

    explicit RiskSummaryTableModel(QObject* parent = nullptr);

    //! Shows `report` (a copy is kept). Hedged rows appear when report.hasHedge.
    void setReport(const risk::CostAtRiskReport& report);
    void clear();

    //! The estimate behind a statistics cell; nullptr for Period and Book.
    const risk::Estimate* estimateAt(int row, int column) const;
    //! Whether `row` is a hedged row.
    bool isHedgedRow(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString period;
        const risk::PeriodRisk* risk = nullptr;
        bool hedged = false;
        bool horizon = false;
    };
    risk::CostAtRiskReport m_report;
    std::vector<Row> m_rows;
};

} // namespace ch::ui
