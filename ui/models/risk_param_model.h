#pragma once

#include "risk/factor_estimates.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The Risk page's "Model parameters" table: one row per risk factor with its model, the
//! parameters a run uses (the estimate from history, or the user's override, shown bold), and
//! where they come from. Parameter cells are editable: a number overrides the estimate, an empty
//! cell goes back to it. An edit is checked by core (risk::validateOverride) before it is
//! accepted; a refused edit changes nothing and emits editRejected with the reason. Saving the
//! override is the page's job (overridesEdited), through storage::RiskRepository.
//!
//! DisplayRole formats the value (4 decimals); Qt::UserRole is the raw value; EditRole the
//! override as plain text, or the value shown when there is none.
class RiskParamTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Index,
        Model,
        Observations,
        Kappa,
        Sigma,
        Jumps,
        JumpMean,
        JumpSd,
        Source,
        ColumnCount
    };

    explicit RiskParamTableModel(QObject* parent = nullptr);

    void setRows(std::vector<risk::FactorEstimate> rows);
    const std::vector<risk::FactorEstimate>& rows() const { return m_rows; }
    //! Row of `indexId`, or -1.
    int rowOf(const std::string& indexId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    //! Replaces row `row`'s overrides (Reset passes an empty override); emits overridesEdited.
    void setOverrides(int row, const risk::FactorParamOverrides& overrides);

signals:
    //! The overrides of `row` changed (rows()[row].overrides); save them.
    void overridesEdited(int row);
    //! An edit was refused; nothing changed.
    void editRejected(const QString& message);

private:
    bool isParameter(int column) const { return column >= Kappa && column <= JumpSd; }
    bool isEditable(const risk::FactorEstimate& row, int column) const;

    std::vector<risk::FactorEstimate> m_rows;
};

} // namespace ch::ui
