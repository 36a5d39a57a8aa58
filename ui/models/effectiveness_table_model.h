#pragma once

#include "storage/effectiveness_assessment.h"

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

namespace ch::ui {

//! One designated hedge with its effectiveness tests, computed by core
//! (storage/effectiveness_assessment.h, shared with the CLI).
using EffectivenessRow = storage::EffectivenessAssessment;
using storage::assessEffectiveness;
using storage::effectivenessMemo;

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
