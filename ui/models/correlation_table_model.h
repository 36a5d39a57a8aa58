#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace ch::ui {

//! Colour of a correlation cell on a diverging scale: blue at −1, white at 0, red at +1, linear in
//! between (endpoints from ColorBrewer's RdBu scheme, Brewer 2002, colorbrewer2.org). Values
//! outside [−1, 1] are clamped; NaN is light grey.
QColor correlationColour(double rho);
//! Black or white, whichever reads better on correlationColour(rho).
QColor correlationTextColour(double rho);

//! The correlation matrix of daily log returns as a coloured table (a heat map that shows the
//! numbers): rows and columns are the indices in the estimate's order; columns are headed by
//! number ("1".."n") and rows by number and id ("1  GPU.H100.NC") so the matrix fits across.
//! DisplayRole is the coefficient to two decimals, Qt::UserRole the raw double, BackgroundRole the
//! heat-map colour.
class CorrelationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit CorrelationTableModel(QObject* parent = nullptr);

    //! `indices` supplies the names for tooltips; ids missing from it are shown bare.
    void setEstimate(pricing::CorrelationEstimate estimate, std::vector<IndexDefinition> indices);
    const pricing::CorrelationEstimate& estimate() const { return m_estimate; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString nameOf(int i) const;

    pricing::CorrelationEstimate m_estimate;
    std::vector<IndexDefinition> m_indices;
};

} // namespace ch::ui
