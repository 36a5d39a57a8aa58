#include "ui/models/pnl_table_model.h"

#include "ui/format.h"

#include <QColor>

#include <algorithm>

namespace ch::ui {

PnlTableModel::PnlTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PnlTableModel::setPoints(std::vector<trading::PnlPoint> points)
{
    beginResetModel();
    m_points = std::move(points);
    std::reverse(m_points.begin(), m_points.end());
    endResetModel();
}

int PnlTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_points.size());
}

int PnlTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PnlTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const trading::PnlPoint& p = m_points[static_cast<std::size_t>(index.row())];
    const Money amounts[] = {Money(), p.realised, p.unrealised, p.fees, p.total()};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Date)
            return format::date(p.date);
        if (index.column() == Unmarked)
            return p.unmarkedPositions == 0 ? QString() : QString::number(p.unmarkedPositions);
        return format::money(amounts[index.column()]);
    case Qt::UserRole:
        if (index.column() == Date)
            return format::date(p.date);
        if (index.column() == Unmarked)
            return p.unmarkedPositions;
        return static_cast<qlonglong>(amounts[index.column()].minorUnits());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == Date ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() != Date && index.column() != Unmarked && index.column() != Fees
            && amounts[index.column()].minorUnits() < 0)
            return QColor(176, 0, 32);
        return {};
    default:
        return {};
    }
}

QVariant PnlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Mark date");
    case Realised:
        return tr("Realised (USD)");
    case Unrealised:
        return tr("Unrealised (USD)");
    case Fees:
        return tr("Fees (USD)");
    case Total:
        return tr("Total (USD)");
    case Unmarked:
        return tr("Unmarked positions");
    default:
        return {};
    }
}

} // namespace ch::ui
