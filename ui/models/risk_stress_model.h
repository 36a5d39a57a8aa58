#pragma once

#include "storage/risk_repository.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Stress test results: one row per scenario with the cost at base volumes and forward prices
//! (Base), under the scenario (Stressed), the change in USD m and in percent, and the same with
//! the hedges the workspace holds. DisplayRole is formatted; Qt::UserRole is the raw value
//! (USD, or a fraction for the percentage); the tooltip describes the scenario.
class RiskStressTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Scenario,
        Kind,
        Base,
        Stressed,
        Change,
        ChangePercent,
        HedgedStressed,
        HedgedChange,
        ColumnCount
    };

    explicit RiskStressTableModel(QObject* parent = nullptr);

    void setResults(std::vector<storage::SavedStress> results);
    const std::vector<storage::SavedStress>& results() const { return m_results; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<storage::SavedStress> m_results;
};

//! "Historical replay", "Preset", "Your scenario".
QString stressKindLabel(risk::StressKind kind);

} // namespace ch::ui
