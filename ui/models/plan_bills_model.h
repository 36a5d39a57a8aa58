#pragma once

#include "domain/plan_records.h"
#include "exposure/basis.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Bills already paid next to the index they are compared with, one row per bill: the effective
//! price paid (amount ÷ quantity) and the index's business-day monthly average for the month
//! (exposure::compareBills). DisplayRole is formatted; Qt::UserRole is the raw value.
class PlanBillsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MonthColumn,
        Provider,
        ResourceColumn,
        Quantity,
        Amount,
        Paid,
        Index,
        IndexAverage,
        Ratio,
        ColumnCount
    };

    explicit PlanBillsModel(QObject* parent = nullptr);

    //! `comparisons` must be compareBills(bills, ...) for the same bills.
    void setBills(std::vector<ActualBill> bills, std::vector<exposure::BillComparison> comparisons);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ActualBill> m_bills;
    std::vector<exposure::BillComparison> m_comparisons;
};

//! The measured basis of every plan line (exposure::measureBasis): months with bills, mean and
//! standard deviation of paid ÷ index, and the price exposure uses for the line.
class PlanBasisModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, ResourceColumn, Index, Months, Mean, StdDev, PriceUsed, ColumnCount };

    explicit PlanBasisModel(QObject* parent = nullptr);

    void setBasis(std::vector<exposure::BasisEstimate> lines);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<exposure::BasisEstimate> m_lines;
};

//! "forward" or "forward × basis 1.07": the price a line's open volume is valued at.
QString priceUsedLabel(const exposure::BasisEstimate& basis);

} // namespace ch::ui
