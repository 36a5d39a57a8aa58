#include "ui/models/plan_budget_model.h"

#include "domain/plan_text.h"
#include "ui/conversions.h"
#include "ui/format.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace ch::ui {

namespace {

const QString kAmountPrefix = QStringLiteral("USD");

} // namespace

PlanBudgetModel::PlanBudgetModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PlanBudgetModel::setBudget(const Plan& plan, std::vector<BudgetEntry> budget)
{
    beginResetModel();
    m_plan = plan;
    m_budget = std::move(budget);
    m_rejection.clear();
    m_rejected = QPersistentModelIndex();
    endResetModel();
}

const BudgetEntry* PlanBudgetModel::entryAt(int row, int column) const
{
    if (row < 0 || row >= static_cast<int>(m_plan.lines().size()) || column < 0
        || column >= m_plan.months())
        return nullptr;
    const std::string& id = m_plan.lines()[static_cast<std::size_t>(row)].id();
    const Month m = m_plan.monthAt(column);
    const auto it = std::find_if(m_budget.begin(), m_budget.end(), [&](const BudgetEntry& e) {
        return e.month() == m && e.lineId() == id;
    });
    return it == m_budget.end() ? nullptr : &*it;
}

int PlanBudgetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_plan.lines().size());
}

int PlanBudgetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_plan.months();
}

QVariant PlanBudgetModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const BudgetEntry* e = entryAt(index.row(), index.column());
    const Unit unit = m_plan.lines()[static_cast<std::size_t>(index.row())].unit();
    if (role == Qt::ToolTipRole) {
        if (m_rejected.isValid() && m_rejected == index)
            return m_rejection;
        return tr("Type a price per %1 (e.g. 2.6), an amount (e.g. USD 85000), or clear the "
                  "cell to remove the budget.")
            .arg(format::unitSymbol(unit));
    }
    if (role == Qt::BackgroundRole && m_rejected.isValid() && m_rejected == index)
        return QBrush(QColor(255, 228, 225));
    if (e == nullptr)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (const auto rate = e->rate())
            return format::unitPrice(rate->usd(), unit);
        return tr("%1 fixed").arg(format::money(*e->fixedAmount()));
    case Qt::EditRole:
        if (const auto rate = e->rate())
            return toQString(formatFixedDecimal(rate->micros(), 6, 2));
        return kAmountPrefix + QLatin1Char(' ')
               + toQString(formatFixedDecimal(e->fixedAmount()->minorUnits(), 2, 2));
    case Qt::UserRole:
        if (const auto rate = e->rate())
            return rate->usd();
        return e->fixedAmount()->toAmount();
    default:
        return {};
    }
}

QVariant PlanBudgetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_plan.months() ? format::month(m_plan.monthAt(section))
                                                         : QVariant();
    if (section < 0 || section >= static_cast<int>(m_plan.lines().size()))
        return {};
    const PlanLine& line = m_plan.lines()[static_cast<std::size_t>(section)];
    return QStringLiteral("%1 (%2)").arg(toQString(line.name()), format::unitSymbol(line.unit()));
}

Qt::ItemFlags PlanBudgetModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool PlanBudgetModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount()
        || index.column() >= columnCount())
        return false;
    const PlanLine& line = m_plan.lines()[static_cast<std::size_t>(index.row())];
    const Month month = m_plan.monthAt(index.column());
    const std::string where = line.cellLabel(month);
    QString text = value.toString().trimmed();
    std::vector<BudgetEntry> after = m_budget;
    std::erase_if(
        after, [&](const BudgetEntry& e) { return e.month() == month && e.lineId() == line.id(); });

    auto refuse = [&](const std::string& message) {
        m_rejected = index;
        m_rejection = toQString(where + ": " + message);
        emit dataChanged(index, index, {Qt::BackgroundRole, Qt::ToolTipRole});
        emit editRejected(m_rejection);
        return false;
    };
    if (!text.isEmpty()) {
        const bool isAmount = text.startsWith(kAmountPrefix, Qt::CaseInsensitive);
        if (isAmount)
            text = text.mid(kAmountPrefix.size()).trimmed();
        const std::string number = text.remove(QLatin1Char(',')).toStdString();
        const FixedDecimal parsed = parseFixedDecimal(number, isAmount ? 2 : 6);
        const std::string quoted = "\"" + value.toString().trimmed().toStdString() + "\"";
        const char* expected = isAmount ? "; expected an amount such as USD 85000 (at most 2 "
                                          "decimals)"
                                        : "; expected a price per unit such as 2.6 (at most 6 "
                                          "decimals) or an amount such as USD 85000";
        switch (parsed.status) {
        case FixedDecimal::Status::Ok:
            break;
        case FixedDecimal::Status::TooManyDecimals:
            return refuse(quoted + " has too many decimals" + expected);
        case FixedDecimal::Status::OutOfRange:
            return refuse(quoted + " is too large" + expected);
        case FixedDecimal::Status::NotANumber:
            return refuse(quoted + " is not a number" + expected);
        }
        if (parsed.scaled < 0)
            return refuse(quoted + " is negative" + expected);
        after.push_back(
            isAmount ? BudgetEntry::amount(line.id(), month, Money(Currency::Usd, parsed.scaled))
                     : BudgetEntry::price(
                         line.id(), month, UnitRate::fromMicros(line.unit(), parsed.scaled)));
    }
    if (m_rejected == index) {
        m_rejected = QPersistentModelIndex();
        m_rejection.clear();
    }
    return m_commit
           && m_commit(tr("Budget %1, %2").arg(toQString(line.name()), format::month(month)),
                       std::move(after));
}

} // namespace ch::ui
