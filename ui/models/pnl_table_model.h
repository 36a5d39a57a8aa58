#pragma once

#include "trading/pnl_series.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The P&L series as a table, newest date first: realised, unrealised, fees, total (USD) and the
//! open positions left without a mark on that date. Read-only; Qt::UserRole gives cents.
class PnlTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Date, Realised, Unrealised, Fees, Total, Unmarked, ColumnCount };

    explicit PnlTableModel(QObject* parent = nullptr);

    void setPoints(std::vector<trading::PnlPoint> points);
    const std::vector<trading::PnlPoint>& points() const { return m_points; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<trading::PnlPoint> m_points; //!< newest first
};

} // namespace ch::ui
