#include "ui/models/order_events_model.h"

#include "ui/models/orders_table_model.h"

namespace ch::ui {

OrderEventsModel::OrderEventsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void OrderEventsModel::setEvents(std::vector<trading::OrderEvent> events,
                                 std::map<std::int64_t, QString> logins)
{
    beginResetModel();
    m_events = std::move(events);
    m_logins = std::move(logins);
    endResetModel();
}

int OrderEventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int OrderEventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderEventsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const trading::OrderEvent& e = m_events[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole && index.column() == At)
        return static_cast<qlonglong>(e.at.time_since_epoch().count());
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case At:
        return QString::fromStdString(formatIsoTimestamp(e.at))
            .replace(QLatin1Char('T'), QLatin1Char(' '))
            .remove(QLatin1Char('Z'));
    case Action:
        return QString::fromLatin1(trading::orderActionCode(e.action)).replace('_', ' ');
    case From:
        return OrdersTableModel::stateLabel(e.from);
    case To:
        return OrdersTableModel::stateLabel(e.to);
    case By: {
        if (!e.actor)
            return e.action == trading::OrderAction::Expire ? tr("system") : tr("broker");
        const auto it = m_logins.find(e.actor->value);
        return it == m_logins.end() ? QString::number(e.actor->value) : it->second;
    }
    case Comment:
        return QString::fromStdString(e.comment);
    default:
        return {};
    }
}

QVariant OrderEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At:
        return tr("At (UTC)");
    case Action:
        return tr("Action");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case By:
        return tr("By");
    case Comment:
        return tr("Comment");
    default:
        return {};
    }
}

} // namespace ch::ui
