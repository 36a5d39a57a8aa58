#include "ui/models/plan_bills_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

namespace ch::ui {

namespace {

QVariant rightAligned()
{
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

QString priceUsedLabel(const exposure::BasisEstimate& basis)
{
    if (!basis.isMeasured())
        return PlanBasisModel::tr("forward");
    return PlanBasisModel::tr("forward × basis %1").arg(format::number(basis.mean, 2));
}

PlanBillsModel::PlanBillsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PlanBillsModel::setBills(std::vector<ActualBill> bills,
                              std::vector<exposure::BillComparison> comparisons)
{
    beginResetModel();
    m_bills = std::move(bills);
    m_comparisons = std::move(comparisons);
    endResetModel();
}

int PlanBillsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_bills.size());
}

int PlanBillsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanBillsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const ActualBill& b = m_bills[row];
    const exposure::BillComparison* cmp =
        row < m_comparisons.size() ? &m_comparisons[row] : nullptr;
    const Unit unit = b.resource().unit();
    const int col = index.column();
    if (role == Qt::TextAlignmentRole)
        return col == Quantity || col == Amount || col == Paid || col == IndexAverage
                       || col == Ratio
                   ? rightAligned()
                   : QVariant();
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    switch (col) {
    case MonthColumn:
        return format::month(b.month());
    case Provider:
        return toQString(b.provider());
    case ResourceColumn:
        return toQString(b.resource().code());
    case Quantity:
        return raw ? QVariant(b.quantity().amount())
                   : QVariant(format::volume(b.quantity().amount(), unit));
    case Amount:
        return raw ? QVariant(b.amount().toAmount()) : QVariant(format::money(b.amount()));
    case Paid:
        return raw ? QVariant(b.paidUsdPerUnit())
                   : QVariant(format::unitPrice(b.paidUsdPerUnit(), unit));
    case Index:
        return cmp ? toQString(cmp->indexId) : QString();
    case IndexAverage:
        if (!cmp || !cmp->indexAverageUsd)
            return raw ? QVariant() : QVariant(format::notAvailable());
        return raw ? QVariant(*cmp->indexAverageUsd)
                   : QVariant(format::unitPrice(*cmp->indexAverageUsd, unit));
    case Ratio:
        if (!cmp || !cmp->ratio)
            return raw ? QVariant() : QVariant(format::notAvailable());
        return raw ? QVariant(*cmp->ratio) : QVariant(format::number(*cmp->ratio, 3));
    default:
        return {};
    }
}

QVariant PlanBillsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MonthColumn:
        return tr("Month");
    case Provider:
        return tr("Provider");
    case ResourceColumn:
        return tr("Resource");
    case Quantity:
        return tr("Quantity");
    case Amount:
        return tr("Amount paid");
    case Paid:
        return tr("Effective price paid");
    case Index:
        return tr("Index");
    case IndexAverage:
        return tr("Index monthly average");
    case Ratio:
        return tr("Paid ÷ index");
    default:
        return {};
    }
}

PlanBasisModel::PlanBasisModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PlanBasisModel::setBasis(std::vector<exposure::BasisEstimate> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int PlanBasisModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int PlanBasisModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanBasisModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const exposure::BasisEstimate& b = m_lines[static_cast<std::size_t>(index.row())];
    const int col = index.column();
    if (role == Qt::TextAlignmentRole)
        return col == Months || col == Mean || col == StdDev ? rightAligned() : QVariant();
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    const bool spread = b.observations.size() > 1;
    switch (col) {
    case Line:
        return toQString(b.lineId);
    case ResourceColumn:
        return toQString(b.resource.code());
    case Index:
        return toQString(b.indexId);
    case Months:
        return raw ? QVariant(static_cast<qlonglong>(b.observations.size()))
                   : QVariant(format::integer(static_cast<std::int64_t>(b.observations.size())));
    case Mean:
        if (!b.isMeasured())
            return raw ? QVariant() : QVariant(tr("unmeasured"));
        return raw ? QVariant(b.mean) : QVariant(format::number(b.mean, 3));
    case StdDev:
        if (!spread)
            return raw ? QVariant() : QVariant(format::notAvailable());
        return raw ? QVariant(b.stdDev) : QVariant(format::number(b.stdDev, 3));
    case PriceUsed:
        return priceUsedLabel(b);
    default:
        return {};
    }
}

QVariant PlanBasisModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Plan line");
    case ResourceColumn:
        return tr("Resource");
    case Index:
        return tr("Index");
    case Months:
        return tr("Months with bills");
    case Mean:
        return tr("Basis mean (paid ÷ index)");
    case StdDev:
        return tr("Basis std dev");
    case PriceUsed:
        return tr("Open volume priced at");
    default:
        return {};
    }
}

} // namespace ch::ui
