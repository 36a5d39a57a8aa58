#include "ui/models/plan_capacity_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <algorithm>
#include <numeric>

namespace ch::ui {

namespace {

double totalVolume(const ContractedCapacity& c)
{
    return std::accumulate(c.quantities().begin(), c.quantities().end(), 0.0);
}

//! The contract's cost over all its months, from the exact per-month Money of core.
Money totalCost(const ContractedCapacity& c)
{
    Money sum = Money::zero();
    for (std::size_t i = 0; i < c.quantities().size(); ++i)
        sum += c.cost(addMonths(c.firstMonth(), static_cast<int>(i)));
    return sum;
}

} // namespace

QString contractKindLabel(ContractKind kind)
{
    switch (kind) {
    case ContractKind::ReservedInstance:
        return PlanCapacityModel::tr("reserved instance");
    case ContractKind::CommittedUse:
        return PlanCapacityModel::tr("committed use");
    case ContractKind::PrepaidTokens:
        return PlanCapacityModel::tr("pre-paid tokens");
    }
    return {};
}

PlanCapacityModel::PlanCapacityModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PlanCapacityModel::setContracts(std::vector<ContractedCapacity> contracts)
{
    beginResetModel();
    m_contracts = std::move(contracts);
    endResetModel();
}

int PlanCapacityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_contracts.size());
}

int PlanCapacityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanCapacityModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ContractedCapacity& c = m_contracts[static_cast<std::size_t>(index.row())];
    const Unit unit = c.resource().unit();
    const int col = index.column();
    if (role == Qt::TextAlignmentRole)
        return col >= Price && col != FirstMonth && col != LastMonth
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Id:
            return toQString(c.id());
        case Kind:
            return contractKindLabel(c.kind());
        case Covers:
            return c.isPooled() ? tr("pool: %1 on %2")
                                      .arg(toQString(c.resource().code()), toQString(c.indexId()))
                                : tr("line %1").arg(toQString(c.lineId()));
        case Counterparty:
            return toQString(c.counterparty());
        case Price:
            return format::unitPrice(c.price().usd(), unit);
        case FirstMonth:
            return format::month(c.firstMonth());
        case LastMonth:
            return format::month(c.lastMonth());
        case MonthCount:
            return format::integer(static_cast<std::int64_t>(c.quantities().size()));
        case TotalVolume:
            return format::volume(totalVolume(c), unit);
        case TotalCost:
            return format::money(totalCost(c));
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (col) {
        case Price:
            return c.price().usd();
        case MonthCount:
            return static_cast<qlonglong>(c.quantities().size());
        case TotalVolume:
            return totalVolume(c);
        case TotalCost:
            return totalCost(c).toAmount();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant PlanCapacityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Contract");
    case Kind:
        return tr("Kind");
    case Covers:
        return tr("Covers");
    case Counterparty:
        return tr("Counterparty");
    case Price:
        return tr("Fixed price");
    case FirstMonth:
        return tr("First month");
    case LastMonth:
        return tr("Last month");
    case MonthCount:
        return tr("Months");
    case TotalVolume:
        return tr("Total volume");
    case TotalCost:
        return tr("Total cost (USD)");
    default:
        return {};
    }
}

} // namespace ch::ui
