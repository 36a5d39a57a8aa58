#include "ui/models/vol_table_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <algorithm>

namespace ch::ui {

VolTableModel::VolTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void VolTableModel::setVols(std::vector<pricing::VolEstimate> vols,
                            std::vector<IndexDefinition> indices)
{
    beginResetModel();
    m_vols = std::move(vols);
    m_indices = std::move(indices);
    endResetModel();
}

int VolTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_vols.size());
}

int VolTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const pricing::VolEstimate& vol = m_vols[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == Id)
            return toQString(vol.indexId);
        if (column == AnnualVol)
            return format::number(vol.annualVol * 100.0, 1);
        return format::integer(static_cast<std::int64_t>(vol.observations));
    case Qt::UserRole:
        if (column == Id)
            return toQString(vol.indexId);
        if (column == AnnualVol)
            return vol.annualVol;
        return QVariant::fromValue<qulonglong>(vol.observations);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column == Id ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::ToolTipRole: {
        const auto it = std::find_if(m_indices.begin(),
                                     m_indices.end(),
                                     [&](const IndexDefinition& d) { return d.id == vol.indexId; });
        return it == m_indices.end() ? QVariant() : QVariant(toQString(it->name));
    }
    default:
        return {};
    }
}

QVariant VolTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::Alignment((section == Id ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Index");
    case AnnualVol:
        return tr("Vol, annual (%)");
    case Observations:
        return tr("Returns");
    default:
        return {};
    }
}

} // namespace ch::ui
