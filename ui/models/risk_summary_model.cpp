#include "ui/models/risk_summary_model.h"

#include "ui/charts/risk_series.h"
#include "ui/format.h"

#include <QFont>

namespace ch::ui {

namespace {

constexpr double kMillion = 1e6;

} // namespace

RiskSummaryTableModel::RiskSummaryTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RiskSummaryTableModel::setReport(const risk::CostAtRiskReport& report)
{
    beginResetModel();
    m_report = report;
    m_rows.clear();
    auto add = [&](const QString& name, const risk::PeriodRisk& p, bool horizon) {
        m_rows.push_back({name, &p, false, horizon});
        if (m_report.hasHedge)
            m_rows.push_back({name, &p, true, horizon});
    };
    add(tr("Horizon, %1").arg(periodLabel(m_report.horizon)), m_report.horizon, true);
    for (std::size_t i = 0; i < m_report.quarters.size(); ++i)
        add(tr("Q%1: %2").arg(i + 1).arg(periodLabel(m_report.quarters[i])),
            m_report.quarters[i],
            false);
    for (const risk::PeriodRisk& m : m_report.months)
        add(periodLabel(m), m, false);
    endResetModel();
}

void RiskSummaryTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_report = {};
    endResetModel();
}

const risk::Estimate* RiskSummaryTableModel::estimateAt(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < Expected || column >= ColumnCount)
        return nullptr;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    const risk::DistributionSummary& d = r.hedged ? r.risk->hedged : r.risk->unhedged;
    const risk::Estimate* const cells[] = {
        &d.expected, &d.p50, &d.p95, &d.p99, &d.car95, &d.car99, &d.es95, &d.es99};
    return cells[column - Expected];
}

bool RiskSummaryTableModel::isHedgedRow(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<std::size_t>(row)].hedged;
}

int RiskSummaryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RiskSummaryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskSummaryTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const risk::Estimate* e = estimateAt(index.row(), column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Period)
            return r.period;
        if (column == Book)
            return r.hedged ? tr("with hedges") : tr("unhedged");
        return tr("%1 ± %2").arg(format::number(e->value / kMillion, 3),
                                 format::number(e->standardError / kMillion, 3));
    case Qt::UserRole:
        if (column == Period)
            return r.period;
        if (column == Book)
            return r.hedged;
        return e->value;
    case Qt::ToolTipRole:
        if (e == nullptr)
            return {};
        return tr("%1, standard error %2 (Monte Carlo)")
            .arg(format::currency(e->value), format::currency(e->standardError));
    case Qt::FontRole:
        if (r.horizon) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((e == nullptr ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant RiskSummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (section >= Expected ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Expected:
            return tr("Mean cost over all simulated paths");
        case P50:
        case P95:
        case P99:
            return tr("Cost not exceeded on 50%, 95% or 99% of paths");
        case Car95:
        case Car99:
            return tr("Cost-at-Risk: how far the cost can exceed its expectation at 95% or 99% "
                      "confidence (P95 − expected, P99 − expected)");
        case Es95:
        case Es99:
            return tr("Expected shortfall: the average cost in the worst 5% or 1% of paths");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Period:
        return tr("Period");
    case Book:
        return tr("Book");
    case Expected:
        return tr("Expected (USD m)");
    case P50:
        return tr("P50 (USD m)");
    case P95:
        return tr("P95 (USD m)");
    case P99:
        return tr("P99 (USD m)");
    case Car95:
        return tr("CaR95 (USD m)");
    case Car99:
        return tr("CaR99 (USD m)");
    case Es95:
        return tr("ES95 (USD m)");
    case Es99:
        return tr("ES99 (USD m)");
    default:
        return {};
    }
}

} // namespace ch::ui
