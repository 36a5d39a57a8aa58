#pragma once

#include "storage/designation_repository.h"
#include "trading/effectiveness.h"

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

namespace ch::ui {

//! One designated hedge with its effectiveness tests, all computed by core: the per-period
//! changes (storage::effectivenessSeries), the cumulative dollar offset and the regression
//! (trading/effectiveness.h). `problem` is set instead when the tests could not run.
struct EffectivenessRow
{
    storage::DesignatedHedge hedge;
    std::size_t periods = 0;
    std::optional<trading::DollarOffsetResult> dollarOffset;
    std::optional<trading::RegressionResult> regression;
    std::string problem;

    //! Passes the designation's method: dollar offset, regression, or both.
    bool passes() const;
};

//! Runs the tests for `hedge` on the market data as of `valuationDate` (24 monthly changes).
EffectivenessRow assessEffectiveness(const storage::DesignatedHedge& hedge,
                                     const MarketDataSet& market,
                                     Date valuationDate);
//! The designation memo followed by the latest assessment, for export.
std::string effectivenessMemo(const EffectivenessRow& row, Date valuationDate);

//! Designated hedges and their test results, read-only.
class EffectivenessTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Reference,
        HedgedItem,
        Instrument,
        Periods,
        DollarOffset,
        Slope,
        RSquared,
        Method,
        Result,
        ColumnCount
    };

    explicit EffectivenessTableModel(QObject* parent = nullptr);

    void setRows(std::vector<EffectivenessRow> rows);
    const std::vector<EffectivenessRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const EffectivenessRow& row, int column) const;

    std::vector<EffectivenessRow> m_rows;
};

} // namespace ch::ui
