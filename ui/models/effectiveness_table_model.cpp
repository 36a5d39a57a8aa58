#include "ui/models/effectiveness_table_model.h"

#include "ui/format.h"

#include <QColor>

namespace ch::ui {

EffectivenessTableModel::EffectivenessTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void EffectivenessTableModel::setRows(std::vector<EffectivenessRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int EffectivenessTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EffectivenessTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EffectivenessTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EffectivenessRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::UserRole:
        switch (index.column()) {
        case DollarOffset:
            return row.dollarOffset && row.dollarOffset->ratio ? QVariant(*row.dollarOffset->ratio)
                                                               : QVariant();
        case Slope:
            return row.regression ? QVariant(row.regression->slope) : QVariant();
        case RSquared:
            return row.regression ? QVariant(row.regression->rSquared) : QVariant();
        case Result:
            return row.passes();
        default:
            return display(row, index.column());
        }
    case Qt::BackgroundRole:
        if (index.column() == Result)
            return row.passes() ? QColor(200, 237, 204) : QColor(248, 200, 200);
        return {};
    case Qt::ForegroundRole:
        return index.column() == Result ? QVariant(QColor(Qt::black)) : QVariant();
    case Qt::ToolTipRole:
        if (!row.problem.empty())
            return QString::fromStdString(row.problem);
        if (index.column() == DollarOffset && row.dollarOffset)
            return QString::fromStdString(row.dollarOffset->explanation);
        if ((index.column() == Slope || index.column() == RSquared) && row.regression)
            return QString::fromStdString(row.regression->explanation);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((index.column() >= Periods && index.column() <= RSquared ? Qt::AlignRight
                                                                                   : Qt::AlignLeft)
                          | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant EffectivenessTableModel::display(const EffectivenessRow& row, int column) const
{
    const auto& d = row.hedge.designation;
    switch (column) {
    case Reference:
        return QString::fromStdString(d.reference);
    case HedgedItem:
        return QString::fromStdString(d.hedgedItem);
    case Instrument:
        return QString::fromStdString(d.hedgingInstrument);
    case Periods:
        return QString::number(row.periods);
    case DollarOffset:
        if (!row.dollarOffset || !row.dollarOffset->ratio)
            return format::notAvailable();
        return format::percent(*row.dollarOffset->ratio, 1);
    case Slope:
        return row.regression ? format::number(row.regression->slope, 3) : format::notAvailable();
    case RSquared:
        return row.regression ? format::number(row.regression->rSquared, 3)
                              : format::notAvailable();
    case Method:
        return QString::fromLatin1(trading::effectivenessMethodCode(d.method)).replace('_', ' ');
    case Result:
        return row.problem.empty() ? (row.passes() ? tr("pass") : tr("fail")) : tr("not assessed");
    default:
        return {};
    }
}

QVariant
EffectivenessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference:
        return tr("Designation");
    case HedgedItem:
        return tr("Hedged item");
    case Instrument:
        return tr("Hedging instrument");
    case Periods:
        return tr("Months");
    case DollarOffset:
        return tr("Dollar offset (80–125%)");
    case Slope:
        return tr("Slope (−1.25 to −0.80)");
    case RSquared:
        return tr("R² (≥ 0.80)");
    case Method:
        return tr("Method");
    case Result:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace ch::ui
