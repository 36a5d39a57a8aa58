#pragma once

#include "ui/models/index_rows.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The Market page's table of reference indices: one row per IndexRow. DisplayRole is formatted
//! through ui/format; Qt::UserRole is the raw value (number or text) for sorting and export.
class IndexTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Name, UnitColumn, Last, AnnualVol, ForwardVsSpot, ColumnCount };

    explicit IndexTableModel(QObject* parent = nullptr);

    //! Replaces all rows; `curveMonths` is the forward horizon named in the header.
    void setRows(std::vector<IndexRow> rows, int curveMonths);
    const std::vector<IndexRow>& rows() const { return m_rows; }
    //! The row of index `id`, or -1.
    int rowOf(const std::string& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const IndexRow& row, int column) const;
    QVariant raw(const IndexRow& row, int column) const;
    QVariant toolTip(const IndexRow& row, int column) const;

    std::vector<IndexRow> m_rows;
    int m_curveMonths = 36;
};

} // namespace ch::ui
