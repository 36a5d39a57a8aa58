#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Annualised volatility per index (pricing::VolEstimate), with the number of daily returns it
//! rests on. DisplayRole is formatted; Qt::UserRole is the raw value.
class VolTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, AnnualVol, Observations, ColumnCount };

    explicit VolTableModel(QObject* parent = nullptr);

    //! `indices` supplies names for tooltips.
    void setVols(std::vector<pricing::VolEstimate> vols, std::vector<IndexDefinition> indices);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<pricing::VolEstimate> m_vols;
    std::vector<IndexDefinition> m_indices;
};

} // namespace ch::ui
