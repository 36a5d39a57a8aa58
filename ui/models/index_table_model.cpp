#include "ui/models/index_table_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

namespace ch::ui {

IndexTableModel::IndexTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void IndexTableModel::setRows(std::vector<IndexRow> rows, int curveMonths)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_curveMonths = curveMonths;
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, ForwardVsSpot, ForwardVsSpot);
}

int IndexTableModel::rowOf(const std::string& id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].index.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int IndexTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IndexTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndexTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IndexRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::UserRole:
        return raw(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= Last)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant IndexTableModel::display(const IndexRow& row, int column) const
{
    switch (column) {
    case Id:
        return toQString(row.index.id);
    case Name:
        return toQString(row.index.name);
    case UnitColumn:
        return format::unitSymbol(row.index.unit);
    case Last:
        return row.last ? format::unitPriceValue(row.last->usd, row.index.unit)
                        : format::notAvailable();
    case AnnualVol:
        return row.annualVol ? format::number(*row.annualVol * 100.0, 1) : format::notAvailable();
    case ForwardVsSpot:
        return row.forwardVsSpot ? format::signedNumber(*row.forwardVsSpot * 100.0, 1)
                                 : format::notAvailable();
    default:
        return {};
    }
}

QVariant IndexTableModel::raw(const IndexRow& row, int column) const
{
    switch (column) {
    case Id:
        return toQString(row.index.id);
    case Name:
        return toQString(row.index.name);
    case UnitColumn:
        return format::unitSymbol(row.index.unit);
    case Last:
        return row.last ? QVariant(row.last->usd) : QVariant();
    case AnnualVol:
        return row.annualVol ? QVariant(*row.annualVol) : QVariant();
    case ForwardVsSpot:
        return row.forwardVsSpot ? QVariant(*row.forwardVsSpot) : QVariant();
    default:
        return {};
    }
}

QVariant IndexTableModel::toolTip(const IndexRow& row, int column) const
{
    switch (column) {
    case Id:
    case Name:
        return toQString(row.index.description);
    case Last:
        if (!row.last)
            return tr("No observation on or before the valuation date");
        return tr("%1 on %2")
            .arg(format::unitPrice(row.last->usd, row.index.unit), format::date(row.last->date));
    case ForwardVsSpot:
        if (!row.forwardUsd || !row.forwardMonth)
            return tr("No forward curve for this index");
        return tr("Forward for delivery in %1: %2")
            .arg(format::month(*row.forwardMonth),
                 format::unitPrice(*row.forwardUsd, row.index.unit));
    default:
        return {};
    }
}

QVariant IndexTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= Last
                   ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Last:
            return tr("Last index level on or before the valuation date, in USD per unit");
        case AnnualVol:
            return tr("Annualised volatility of daily log returns (business days, scaled by "
                      "the square root of 252)");
        case ForwardVsSpot:
            return tr("Forward price for the last listed delivery month relative to the "
                      "current index level");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Index");
    case Name:
        return tr("Name");
    case UnitColumn:
        return tr("Unit");
    case Last:
        return tr("Last (USD/unit)");
    case AnnualVol:
        return tr("Vol, annual (%)");
    case ForwardVsSpot:
        return tr("%1m forward vs spot (%)").arg(m_curveMonths);
    default:
        return {};
    }
}

} // namespace ch::ui
