#include "ui/models/orders_table_model.h"

#include "ui/format.h"

namespace ch::ui {

using trading::Order;
using trading::OrderState;

namespace {

bool isNumeric(int column)
{
    return column == OrdersTableModel::Id || column == OrdersTableModel::Quantity
           || column == OrdersTableModel::Limit || column == OrdersTableModel::Notional
           || column == OrdersTableModel::Filled || column == OrdersTableModel::Approvals;
}

} // namespace

OrdersTableModel::OrdersTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void OrdersTableModel::setOrders(std::vector<Order> orders, std::map<std::int64_t, QString> logins)
{
    beginResetModel();
    m_orders = std::move(orders);
    m_logins = std::move(logins);
    endResetModel();
}

const Order* OrdersTableModel::orderAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_orders[static_cast<std::size_t>(row)];
}

int OrdersTableModel::rowOf(trading::OrderId id) const
{
    for (std::size_t i = 0; i < m_orders.size(); ++i)
        if (m_orders[i].id() == id)
            return static_cast<int>(i);
    return -1;
}

QColor OrdersTableModel::statusColour(OrderState s)
{
    switch (s) {
    case OrderState::PendingApproval:
        return QColor(255, 236, 179); // amber: waits for a checker
    case OrderState::Approved:
        return QColor(207, 226, 255); // light blue: ready to release
    case OrderState::Sent:
    case OrderState::PartiallyFilled:
        return QColor(179, 212, 252); // blue: working at the broker
    case OrderState::Filled:
        return QColor(200, 237, 204); // green
    case OrderState::Rejected:
        return QColor(248, 200, 200); // red
    case OrderState::Draft:
    case OrderState::Cancelled:
    case OrderState::Expired:
        return QColor(232, 232, 232); // grey: not (or no longer) live
    }
    return QColor(Qt::white);
}

QString OrdersTableModel::stateLabel(OrderState s)
{
    switch (s) {
    case OrderState::Draft:
        return tr("draft");
    case OrderState::PendingApproval:
        return tr("pending approval");
    case OrderState::Approved:
        return tr("approved");
    case OrderState::Sent:
        return tr("sent");
    case OrderState::PartiallyFilled:
        return tr("partially filled");
    case OrderState::Filled:
        return tr("filled");
    case OrderState::Rejected:
        return tr("rejected");
    case OrderState::Cancelled:
        return tr("cancelled");
    case OrderState::Expired:
        return tr("expired");
    }
    return {};
}

int OrdersTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_orders.size());
}

int OrdersTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrdersTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order& o = m_orders[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(o, index.column());
    case Qt::UserRole:
        return raw(o, index.column());
    case Qt::BackgroundRole:
        return statusColour(o.state());
    case Qt::ForegroundRole:
        return QColor(Qt::black); // the tints are light; keep text dark whatever the theme
    case Qt::ToolTipRole:
        if (index.column() == Status || index.column() == State)
            return o.statusText().empty() ? stateLabel(o.state())
                                          : QString::fromStdString(o.statusText());
        if (index.column() == Contract)
            return QString::fromStdString(o.request().comment);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant OrdersTableModel::display(const Order& o, int column) const
{
    switch (column) {
    case Id:
        return QString::number(o.id().value);
    case Created:
        return QString::fromStdString(formatIsoTimestamp(o.createdAt()))
            .replace(QLatin1Char('T'), QLatin1Char(' '))
            .remove(QLatin1Char('Z'));
    case Contract:
        return QString::fromStdString(o.symbol());
    case Month:
        return format::month(o.deliveryMonth());
    case Side:
        return o.side() == trading::Side::Buy ? tr("buy") : tr("sell");
    case Quantity:
        return format::integer(o.quantity());
    case Type:
        return o.type() == trading::OrderType::Market ? tr("market") : tr("limit");
    case Limit:
        // Exact micros: a 0.005 tick must not be rounded to cents.
        return o.limitPriceMicros()
                   ? QString::fromStdString(trading::formatPriceMicros(*o.limitPriceMicros()))
                   : QString();
    case TimeInForce:
        return QString::fromLatin1(trading::timeInForceCode(o.timeInForce()));
    case Notional:
        return format::money(o.notional());
    case State:
        return stateLabel(o.state());
    case Approvals:
        return o.requiredApprovals() == 0
                   ? QString()
                   : QStringLiteral("%1 / %2").arg(o.approvals().size()).arg(o.requiredApprovals());
    case Filled:
        return format::integer(o.filledQty());
    case Maker: {
        const auto it = m_logins.find(o.maker().value);
        return it == m_logins.end() ? QString::number(o.maker().value) : it->second;
    }
    case Status:
        return QString::fromStdString(o.statusText());
    default:
        return {};
    }
}

QVariant OrdersTableModel::raw(const Order& o, int column) const
{
    switch (column) {
    case Id:
        return static_cast<qlonglong>(o.id().value);
    case Created:
        return static_cast<qlonglong>(o.createdAt().time_since_epoch().count());
    case Quantity:
        return static_cast<qlonglong>(o.quantity());
    case Limit:
        return o.limitPriceMicros() ? QVariant(static_cast<qlonglong>(*o.limitPriceMicros()))
                                    : QVariant();
    case Notional:
        return static_cast<qlonglong>(o.notional().minorUnits());
    case State:
        return QString::fromLatin1(trading::orderStateCode(o.state()));
    case Approvals:
        return static_cast<qlonglong>(o.approvals().size());
    case Filled:
        return static_cast<qlonglong>(o.filledQty());
    default:
        return display(o, column);
    }
}

QVariant OrdersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("ID");
    case Created:
        return tr("Created (UTC)");
    case Contract:
        return tr("Contract");
    case Month:
        return tr("Month");
    case Side:
        return tr("Side");
    case Quantity:
        return tr("Qty (contracts)");
    case Type:
        return tr("Type");
    case Limit:
        return tr("Limit (USD/unit)");
    case TimeInForce:
        return tr("TIF");
    case Notional:
        return tr("Notional (USD)");
    case State:
        return tr("State");
    case Approvals:
        return tr("Approvals");
    case Filled:
        return tr("Filled");
    case Maker:
        return tr("Maker");
    case Status:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace ch::ui
