#pragma once

#include "trading/order.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <map>
#include <vector>

namespace ch::ui {

//! The order blotter: one row per order (newest first as given), read-only. DisplayRole is
//! formatted through ui/format; Qt::UserRole is the raw value (ids, counts, cents, micros, state
//! codes) for sorting and filters. Rows are tinted by state (statusColour) so the blotter reads
//! at a glance; the state is also spelled out, so colour is never the only cue.
class OrdersTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id,
        Created,
        Contract,
        Month,
        Side,
        Quantity,
        Type,
        Limit,
        TimeInForce,
        Notional,
        State,
        Approvals,
        Filled,
        Maker,
        Status,
        ColumnCount
    };

    explicit OrdersTableModel(QObject* parent = nullptr);

    //! `logins` names makers by user id.
    void setOrders(std::vector<trading::Order> orders, std::map<std::int64_t, QString> logins);
    const std::vector<trading::Order>& orders() const { return m_orders; }
    //! The order shown in `row`, or nullptr.
    const trading::Order* orderAt(int row) const;
    //! The row of order `id`, or -1.
    int rowOf(trading::OrderId id) const;

    //! Background tint of a state (pending amber, approved and working blue, filled green,
    //! rejected red, draft, cancelled and expired grey).
    static QColor statusColour(trading::OrderState state);
    //! "pending approval", "partially filled", ...
    static QString stateLabel(trading::OrderState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const trading::Order& o, int column) const;
    QVariant raw(const trading::Order& o, int column) const;

    std::vector<trading::Order> m_orders;
    std::map<std::int64_t, QString> m_logins;
};

} // namespace ch::ui
