#pragma once

#include "domain/market.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Specifications of the simulated futures contracts (every symbol is simulated, "SIM"), one row
//! per ContractSpec, headed by its symbol. DisplayRole is formatted; Qt::UserRole is the raw value.
//! The Market page shows it transposed (QTransposeProxyModel) as a spec sheet, one column per
//! contract, so the long settlement rules get room to wrap.
class ContractTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Symbol,
        Style,
        Underlying,
        UnitColumn,
        ContractSize,
        Tick,
        MonthsListed,
        InitialMargin,
        FeePerSide,
        LastTrading,
        Settlement,
        ColumnCount
    };

    explicit ContractTableModel(QObject* parent = nullptr);

    void setContracts(std::vector<ContractSpec> contracts);
    const std::vector<ContractSpec>& contracts() const { return m_contracts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ContractSpec& spec, int column) const;
    QVariant raw(const ContractSpec& spec, int column) const;

    std::vector<ContractSpec> m_contracts;
};

} // namespace ch::ui
