#include "ui/models/exposure_table_models.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QFont>

namespace ch::ui {

namespace {

QVariant rightAligned()
{
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

QVariant optionalUsd(const std::optional<double>& v, bool raw)
{
    if (!v)
        return raw ? QVariant() : QVariant(QStringLiteral("–"));
    return raw ? QVariant(*v) : QVariant(format::number(*v, 0));
}

} // namespace

ExposureCellModel::ExposureCellModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ExposureCellModel::setReport(const Plan& plan,
                                  const std::optional<exposure::ExposureReport>& report)
{
    beginResetModel();
    m_plan = plan;
    m_report = report;
    rebuildRows();
    endResetModel();
}

void ExposureCellModel::setScenario(Scenario s)
{
    beginResetModel();
    m_scenario = s;
    rebuildRows();
    endResetModel();
}

void ExposureCellModel::setResourceFilter(std::optional<Resource> resource)
{
    beginResetModel();
    m_resource = resource;
    rebuildRows();
    endResetModel();
}

void ExposureCellModel::rebuildRows()
{
    m_rows.clear();
    if (!m_report || m_report->lineCount != m_plan.lines().size())
        return;
    for (std::size_t l = 0; l < m_plan.lines().size(); ++l) {
        if (m_resource && m_plan.lines()[l].resource() != *m_resource)
            continue;
        for (int m = 0; m < m_report->months; ++m)
            m_rows.push_back(&m_report->cell(l, m, m_scenario));
    }
}

const exposure::ExposureCell& ExposureCellModel::cellAt(int row) const
{
    return *m_rows.at(static_cast<std::size_t>(row));
}

int ExposureCellModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExposureCellModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExposureCellModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const exposure::ExposureCell& c = cellAt(index.row());
    const PlanLine& line = m_plan.lines()[c.lineIndex];
    const Unit unit = line.unit();
    const int col = index.column();
    if (role == Qt::TextAlignmentRole)
        return col >= Planned && col != PriceUsed ? rightAligned() : QVariant();
    if (role == Qt::ToolTipRole && col == PriceUsed)
        return tr("Forward of %1 × basis factor %2")
            .arg(toQString(line.indexId()), format::number(c.basisFactor, 4));
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    auto volume = [&](double v) { return raw ? QVariant(v) : QVariant(format::volume(v, unit)); };
    auto price = [&](double v) {
        return raw ? QVariant(v) : QVariant(format::unitPriceValue(v, unit));
    };
    auto usd = [&](double v) { return raw ? QVariant(v) : QVariant(format::number(v, 0)); };
    switch (col) {
    case MonthColumn:
        return format::month(c.month);
    case Line:
        return toQString(line.name());
    case ResourceColumn:
        return toQString(line.resource().code());
    case Planned:
        return volume(c.plannedVolume);
    case Contracted:
        return volume(c.contractedVolume);
    case Open:
        return volume(c.openVolume);
    case Surplus:
        return volume(c.surplusVolume);
    case Forward:
        return price(c.forwardUsd);
    case PriceUsed:
        if (raw)
            return QString::fromLatin1(exposure::priceSourceCode(c.priceSource));
        return c.priceSource == exposure::PriceSource::Forward
                   ? tr("forward")
                   : tr("forward × basis %1").arg(format::number(c.basisFactor, 2));
    case Price:
        return price(c.priceUsd);
    case Exposure:
        return usd(c.exposureUsd);
    case ContractedCost:
        return usd(c.contractedCostUsd);
    case TotalCost:
        return usd(c.totalCostUsd);
    case Budget:
        return optionalUsd(c.budgetUsd, raw);
    case Variance:
        return optionalUsd(c.varianceUsd, raw);
    default:
        return {};
    }
}

QVariant ExposureCellModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Variance)
        return tr("Total expected cost − budget; above zero means above budget");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MonthColumn:
        return tr("Month");
    case Line:
        return tr("Plan line");
    case ResourceColumn:
        return tr("Resource");
    case Planned:
        return tr("Planned");
    case Contracted:
        return tr("Contracted");
    case Open:
        return tr("Open");
    case Surplus:
        return tr("Surplus");
    case Forward:
        return tr("Forward (USD/unit)");
    case PriceUsed:
        return tr("Price basis used");
    case Price:
        return tr("Price (USD/unit)");
    case Exposure:
        return tr("Exposure (USD)");
    case ContractedCost:
        return tr("Contracted cost (USD)");
    case TotalCost:
        return tr("Expected cost (USD)");
    case Budget:
        return tr("Budget (USD)");
    case Variance:
        return tr("Variance vs budget (USD)");
    default:
        return {};
    }
}

ExposurePeriodModel::ExposurePeriodModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ExposurePeriodModel::setReport(const std::optional<exposure::ExposureReport>& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void ExposurePeriodModel::setScenario(Scenario s)
{
    beginResetModel();
    m_scenario = s;
    endResetModel();
}

void ExposurePeriodModel::setPeriod(Period p)
{
    beginResetModel();
    m_period = p;
    endResetModel();
}

const std::vector<exposure::PeriodTotals>& ExposurePeriodModel::periods() const
{
    switch (m_period) {
    case Period::Quarter:
        return m_report->byQuarter;
    case Period::Year:
        return m_report->byYear;
    case Period::Month:
        break;
    }
    return m_report->byMonth;
}

int ExposurePeriodModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_report ? 0 : static_cast<int>(periods().size()) + 1;
}

int ExposurePeriodModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExposurePeriodModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const bool isTotal = row == periods().size();
    const exposure::CostSummary& c =
        isTotal ? m_report->total[static_cast<std::size_t>(m_scenario)]
                : periods()[row].costs[static_cast<std::size_t>(m_scenario)];
    const int col = index.column();
    if (role == Qt::TextAlignmentRole)
        return col == PeriodColumn ? QVariant() : rightAligned();
    if (role == Qt::FontRole && isTotal) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    const bool budgeted = c.budgetedCells > 0;
    auto usd = [&](double v) { return raw ? QVariant(v) : QVariant(format::number(v, 0)); };
    auto budgetUsd = [&](double v) {
        return budgeted ? usd(v) : (raw ? QVariant() : QVariant(QStringLiteral("–")));
    };
    switch (col) {
    case PeriodColumn:
        return isTotal ? tr("Total") : toQString(periods()[row].period);
    case Exposure:
        return usd(c.exposureUsd);
    case ContractedCost:
        return usd(c.contractedCostUsd);
    case TotalCost:
        return usd(c.totalCostUsd);
    case Budget:
        return budgetUsd(c.budgetUsd);
    case BudgetedCost:
        return budgetUsd(c.budgetedCostUsd);
    case Variance:
        return budgetUsd(c.varianceUsd);
    default:
        return {};
    }
}

QVariant ExposurePeriodModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && (section == BudgetedCost || section == Variance))
        return tr("Over budgeted cells only: expected cost at forward prices, and that cost − "
                  "budget (above zero means above budget)");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PeriodColumn:
        return tr("Period");
    case Exposure:
        return tr("Open exposure (USD)");
    case ContractedCost:
        return tr("Contracted cost (USD)");
    case TotalCost:
        return tr("Expected cost (USD)");
    case Budget:
        return tr("Budget (USD)");
    case BudgetedCost:
        return tr("Forward cost of budgeted (USD)");
    case Variance:
        return tr("Variance vs budget (USD)");
    default:
        return {};
    }
}

} // namespace ch::ui
