#include "ui/models/risk_stress_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QCoreApplication>

namespace ch::ui {

namespace {

constexpr double kMillion = 1e6;

} // namespace

QString stressKindLabel(risk::StressKind kind)
{
    switch (kind) {
    case risk::StressKind::Historical:
        return QCoreApplication::translate("RiskStress", "Historical replay");
    case risk::StressKind::Preset:
        return QCoreApplication::translate("RiskStress", "Preset");
    case risk::StressKind::User:
        return QCoreApplication::translate("RiskStress", "Your scenario");
    }
    return {};
}

RiskStressTableModel::RiskStressTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RiskStressTableModel::setResults(std::vector<storage::SavedStress> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int RiskStressTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

int RiskStressTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskStressTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::SavedStress& s = m_results[static_cast<std::size_t>(index.row())];
    const risk::StressResult& r = s.result;
    const int column = index.column();
    auto raw = [&]() -> double {
        switch (column) {
        case Base:
            return r.baseCostUsd;
        case Stressed:
            return r.stressedCostUsd;
        case Change:
            return r.deltaUsd();
        case ChangePercent:
            return r.baseCostUsd != 0.0 ? r.deltaUsd() / r.baseCostUsd : 0.0;
        case HedgedStressed:
            return r.stressedHedgedCostUsd;
        default:
            return r.hedgedDeltaUsd();
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        if (column == Scenario)
            return toQString(r.name);
        if (column == Kind)
            return stressKindLabel(s.kind);
        if (column == ChangePercent)
            return format::signedPercent(raw(), 1);
        if (column == Change || column == HedgedChange)
            return format::signedNumber(raw() / kMillion, 3);
        return format::number(raw() / kMillion, 3);
    case Qt::UserRole:
        if (column == Scenario)
            return toQString(r.name);
        if (column == Kind)
            return stressKindLabel(s.kind);
        return raw();
    case Qt::ToolTipRole:
        if (column == HedgedStressed || column == HedgedChange)
            return tr("With the hedges: the cost minus what the futures and options pay");
        return toQString(s.description);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column <= Kind ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant RiskStressTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::Alignment((section <= Kind ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Scenario:
        return tr("Scenario");
    case Kind:
        return tr("Kind");
    case Base:
        return tr("Base (USD m)");
    case Stressed:
        return tr("Stressed (USD m)");
    case Change:
        return tr("Change (USD m)");
    case ChangePercent:
        return tr("Change (%)");
    case HedgedStressed:
        return tr("Hedged (USD m)");
    case HedgedChange:
        return tr("Hedged change (USD m)");
    default:
        return {};
    }
}

} // namespace ch::ui
