#pragma once

#include "domain/plan.h"
#include "exposure/exposure.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace ch::ui {

//! Exposure per plan line and delivery month for one scenario: exactly the ExposureCells of
//! exposure::computeExposure, line by line (plan order), month by month, optionally only the
//! lines of one resource. DisplayRole is formatted (volumes with their unit, prices in USD per
//! unit, amounts in USD); Qt::UserRole is the raw double of the cell, as core computed it.
class ExposureCellModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MonthColumn,
        Line,
        ResourceColumn,
        Planned,
        Contracted,
        Open,
        Surplus,
        Forward,
        PriceUsed,
        Price,
        Exposure,
        ContractedCost,
        TotalCost,
        Budget,
        Variance,
        ColumnCount
    };

    explicit ExposureCellModel(QObject* parent = nullptr);

    //! Shows `report` (computed for `plan`); nullopt clears the table.
    void setReport(const Plan& plan, const std::optional<exposure::ExposureReport>& report);
    void setScenario(Scenario s);
    Scenario scenario() const { return m_scenario; }
    //! Only lines of `resource`; nullopt shows every line.
    void setResourceFilter(std::optional<Resource> resource);

    //! The cell shown in `row`.
    const exposure::ExposureCell& cellAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    Plan m_plan;
    std::optional<exposure::ExposureReport> m_report;
    Scenario m_scenario = Scenario::Base;
    std::optional<Resource> m_resource;
    std::vector<const exposure::ExposureCell*> m_rows;
};

//! Totals by period (month, calendar quarter or year) for one scenario, then the total: exactly
//! the PeriodTotals of the report, with the budget variance (expected cost of the budgeted
//! cells − budget).
class ExposurePeriodModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Period { Month, Quarter, Year };
    enum Column {
        PeriodColumn,
        Exposure,
        ContractedCost,
        TotalCost,
        Budget,
        BudgetedCost,
        Variance,
        ColumnCount
    };

    explicit ExposurePeriodModel(QObject* parent = nullptr);

    void setReport(const std::optional<exposure::ExposureReport>& report);
    void setScenario(Scenario s);
    void setPeriod(Period p);
    Period period() const { return m_period; }

    //! Period rows, then one "Total" row.
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const std::vector<exposure::PeriodTotals>& periods() const;

    std::optional<exposure::ExposureReport> m_report;
    Scenario m_scenario = Scenario::Base;
    Period m_period = Period::Month;
};

} // namespace ch::ui
