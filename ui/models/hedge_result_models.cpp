#include "ui/models/hedge_result_models.h"

#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/alignment.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <array>
#include <string_view>

namespace ch::ui {

namespace {

bool weak(const hedging::ExposureChoice& e)
{
    return e.choice && e.choice->ratio.rSquared < hedging::kMinCrossHedgeRSquared;
}

} // namespace

// ---- HedgeRatioModel

HedgeRatioModel::HedgeRatioModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeRatioModel::setExposures(std::vector<hedging::ExposureChoice> exposures)
{
    beginResetModel();
    m_rows = std::move(exposures);
    endResetModel();
}

const hedging::ExposureChoice& HedgeRatioModel::exposureAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row));
}

int HedgeRatioModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HedgeRatioModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeRatioModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hedging::ExposureChoice& e = exposureAt(index.row());
    const hedging::HedgeRatioEstimate* r = e.choice ? &e.choice->ratio : nullptr;
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return c <= Series || c == Note ? alignLeft() : alignRight();
    if (role == Qt::BackgroundRole)
        return (c == RSquared || c == Note) && weak(e) ? QVariant(QBrush(QColor(255, 225, 190)))
                                                       : QVariant();
    const bool display = role == Qt::DisplayRole;
    if (!display && role != Qt::UserRole)
        return {};
    switch (c) {
    case IndexColumn:
        return toQString(e.indexId);
    case ResourceColumn:
        return toQString(e.resource);
    case Contract:
        return e.choice ? toQString(e.choice->symbol) : QString();
    case ContractIndex:
        return e.choice ? toQString(e.choice->contractIndexId) : QString();
    case Cross:
        if (!e.choice)
            return {};
        return display ? (e.choice->crossHedge ? tr("yes") : tr("no"))
                       : QVariant(e.choice->crossHedge);
    case Series:
        if (!display)
            return static_cast<qlonglong>(e.paidMonths);
        return e.paidMonths > 0 ? tr("paid prices, %1 months").arg(e.paidMonths) : tr("index");
    default:
        break;
    }
    if (r == nullptr)
        return c == Note && display ? tr("no contract could be chosen; see the issues")
                                    : QVariant();
    switch (c) {
    case Beta:
        return display ? QVariant(format::number(r->beta, 3)) : QVariant(r->beta);
    case RSquared:
        return display ? QVariant(format::number(r->rSquared, 2)) : QVariant(r->rSquared);
    case BasisVol:
        return display ? QVariant(format::percent(r->basisVolAnnual)) : QVariant(r->basisVolAnnual);
    case Correlation:
        return display ? QVariant(format::correlation(r->correlation)) : QVariant(r->correlation);
    case SigmaS:
    case SigmaF:
    case Observations:
        // A contract on the exposure's own index needs no regression: nothing was estimated.
        if (r->observations == 0)
            return display ? QVariant(QString()) : QVariant();
        break;
    default:
        break;
    }
    switch (c) {
    case SigmaS:
        return display ? QVariant(format::percent(r->exposureVolAnnual))
                       : QVariant(r->exposureVolAnnual);
    case SigmaF:
        return display ? QVariant(format::percent(r->contractVolAnnual))
                       : QVariant(r->contractVolAnnual);
    case Observations:
        return display ? QVariant(format::integer(static_cast<std::int64_t>(r->observations)))
                       : QVariant(static_cast<qlonglong>(r->observations));
    case Note:
        if (weak(e))
            return tr("R² below %1: basis risk of %2 a year remains")
                .arg(format::number(hedging::kMinCrossHedgeRSquared, 2),
                     format::percent(r->basisVolAnnual));
        if (!e.choice->crossHedge && r->observations == 0)
            return tr("own index: h* = 1, R² = 1 by identity");
        return QString();
    default:
        return {};
    }
}

QVariant HedgeRatioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Beta:
            return tr("Minimum-variance hedge ratio ρ·σS/σF of log returns (percent per percent)");
        case RSquared:
            return tr("Share of the exposure's price variance the hedge removes (ρ²)");
        case BasisVol:
            return tr("Annualised volatility left after hedging (regression residual)");
        case Series:
            return tr("What S is: the index, or the company's paid prices where bills measure a "
                      "basis");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return tr("Exposure index");
    case ResourceColumn:
        return tr("Resource");
    case Contract:
        return tr("Contract");
    case ContractIndex:
        return tr("Contract index");
    case Cross:
        return tr("Cross hedge");
    case Series:
        return tr("Price series S");
    case Beta:
        return tr("h* (β)");
    case RSquared:
        return tr("R²");
    case BasisVol:
        return tr("Basis vol (annual)");
    case Correlation:
        return tr("Correlation ρ");
    case SigmaS:
        return tr("σ S (annual)");
    case SigmaF:
        return tr("σ F (annual)");
    case Observations:
        return tr("Returns");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

// ---- HedgeMonthRiskModel

HedgeMonthRiskModel::HedgeMonthRiskModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeMonthRiskModel::setMonths(std::vector<hedging::MonthRisk> months)
{
    beginResetModel();
    m_months = std::move(months);
    endResetModel();
}

int HedgeMonthRiskModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_months.size());
}

int HedgeMonthRiskModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeMonthRiskModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hedging::MonthRisk& m = m_months[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == MonthColumn ? alignLeft() : alignRight();
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    double v = 0.0;
    switch (index.column()) {
    case MonthColumn:
        return format::month(m.month);
    case Unhedged:
        v = m.unhedgedCar95Usd;
        break;
    case Current:
        v = m.currentCar95Usd;
        break;
    case Proposed:
        v = m.proposedCar95Usd;
        break;
    default:
        return {};
    }
    return role == Qt::DisplayRole ? QVariant(format::number(v, 0)) : QVariant(v);
}

QVariant HedgeMonthRiskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MonthColumn:
        return tr("Month");
    case Unhedged:
        return tr("CaR95 unhedged (USD)");
    case Current:
        return tr("CaR95 current book (USD)");
    case Proposed:
        return tr("CaR95 proposed (USD)");
    default:
        return {};
    }
}

// ---- HedgeIssueModel

namespace {

int sourceRank(const std::string& source)
{
    constexpr std::array<std::string_view, 5> order{
        "positions", "optimiser", "edit", "recommendation", "hedge ratio"};
    const auto it = std::find(order.begin(), order.end(), source);
    return static_cast<int>(it - order.begin());
}

} // namespace

HedgeIssueModel::HedgeIssueModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeIssueModel::setIssues(std::vector<Issue> issues)
{
    std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
        if (a.severity != b.severity)
            return a.severity == Severity::Error;
        return sourceRank(a.source) < sourceRank(b.source);
    });
    beginResetModel();
    m_issues = std::move(issues);
    endResetModel();
}

int HedgeIssueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_issues.size());
}

int HedgeIssueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeIssueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Issue& i = m_issues[static_cast<std::size_t>(index.row())];
    if (role == Qt::ToolTipRole)
        return toQString(i.toString());
    if (role == Qt::ForegroundRole && i.severity == Severity::Error)
        return QBrush(QColor(176, 0, 32));
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Source:
        return toQString(i.source);
    case Subject:
        return toQString(i.field);
    case SeverityColumn:
        return i.severity == Severity::Error ? tr("Error") : tr("Warning");
    case Message:
        return toQString(i.message);
    default:
        return {};
    }
}

QVariant HedgeIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Source:
        return tr("Source");
    case Subject:
        return tr("About");
    case SeverityColumn:
        return tr("Severity");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace ch::ui
