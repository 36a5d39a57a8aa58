#pragma once

#include "risk/stress_set.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace ch::ui {

//! The editor of the user's stress scenario: one row per shock (index, first and last delivery
//! month, relative move in percent). Edits are parsed here and checked by core
//! (risk::checkUserShock); a refused edit changes nothing and emits editRejected with the
//! reason. The index must be one of indexIds() (the factors the plan prices on).
class RiskShockTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Index, From, To, Shock, ColumnCount };

    explicit RiskShockTableModel(QObject* parent = nullptr);

    void setShocks(std::vector<risk::UserShock> shocks);
    const std::vector<risk::UserShock>& shocks() const { return m_shocks; }
    void setIndexIds(QStringList ids) { m_indexIds = std::move(ids); }
    const QStringList& indexIds() const { return m_indexIds; }

    //! Appends a shock (already valid) and returns its row.
    int addShock(const risk::UserShock& shock);
    void removeShock(int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void shocksEdited();
    void editRejected(const QString& message);

private:
    std::vector<risk::UserShock> m_shocks;
    QStringList m_indexIds;
};

} // namespace ch::ui
