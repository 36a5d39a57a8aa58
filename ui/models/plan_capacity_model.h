#pragma once

#include "domain/plan_records.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Contracted capacity (reserved instances, committed-use blocks, pre-paid tokens), one row per
//! ContractedCapacity. Read-only: contracts are added, removed and imported as whole records.
//! DisplayRole is formatted; Qt::UserRole is the raw value (price in USD per unit, volumes in
//! the contract's unit).
class PlanCapacityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id,
        Kind,
        Covers,
        Counterparty,
        Price,
        FirstMonth,
        LastMonth,
        MonthCount,
        TotalVolume,
        TotalCost,
        ColumnCount
    };

    explicit PlanCapacityModel(QObject* parent = nullptr);

    void setContracts(std::vector<ContractedCapacity> contracts);
    const std::vector<ContractedCapacity>& contracts() const { return m_contracts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ContractedCapacity> m_contracts;
};

//! "reserved instance", "committed use", "pre-paid tokens".
QString contractKindLabel(ContractKind kind);

} // namespace ch::ui
