#include "ui/models/hedge_recommendation_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>

namespace ch::ui {

namespace {

std::string labelOf(const hedging::RecommendationLine& l)
{
    return l.exposureIndexId + " " + formatIsoMonth(l.month);
}

QString instrumentText(std::optional<hedging::HedgeInstrumentType> t)
{
    return t ? QString::fromLatin1(hedging::instrumentTypeLabel(*t))
             : HedgeRecommendationModel::tr("not hedged");
}

//! Accepts a stable code ("call") or a label ("calls (cap)").
std::optional<hedging::HedgeInstrumentType> parseInstrument(const QString& text)
{
    const std::string s = text.trimmed().toStdString();
    if (auto t = hedging::parseInstrumentType(s))
        return t;
    for (auto t : {hedging::HedgeInstrumentType::Future,
                   hedging::HedgeInstrumentType::Call,
                   hedging::HedgeInstrumentType::Collar})
        if (s == hedging::instrumentTypeLabel(t))
            return t;
    return std::nullopt;
}

} // namespace

HedgeRecommendationModel::HedgeRecommendationModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeRecommendationModel::setRecommendation(
    const hedging::HedgeRecommendation& rec,
    std::vector<std::vector<hedging::HedgeInstrumentType>> allowed)
{
    beginResetModel();
    m_lines = rec.lines;
    m_allowed = std::move(allowed);
    m_allowed.resize(m_lines.size());
    m_pending.clear();
    m_breaches.clear();
    for (const Issue& i : rec.issues)
        if (i.source == "positions" && !i.field.empty())
            m_breaches[i.field] = i.toString();
    endResetModel();
}

void HedgeRecommendationModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_allowed.clear();
    m_pending.clear();
    m_breaches.clear();
    endResetModel();
}

void HedgeRecommendationModel::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    if (!m_lines.empty())
        emit dataChanged(index(0, Instrument), index(rowCount() - 1, Contracts));
}

const hedging::RecommendationLine& HedgeRecommendationModel::lineAt(int row) const
{
    return m_lines.at(static_cast<std::size_t>(row));
}

const std::vector<hedging::HedgeInstrumentType>& HedgeRecommendationModel::allowedAt(int row) const
{
    return m_allowed.at(static_cast<std::size_t>(row));
}

QString HedgeRecommendationModel::breachAt(int row) const
{
    const auto it = m_breaches.find(labelOf(lineAt(row)));
    return it == m_breaches.end() ? QString() : toQString(it->second);
}

int HedgeRecommendationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int HedgeRecommendationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant
HedgeRecommendationModel::raw(const hedging::RecommendationLine& l, int row, int column) const
{
    const auto pending = m_pending.find(row);
    switch (column) {
    case MonthColumn:
        return format::month(l.month);
    case ResourceColumn:
        return toQString(l.resource);
    case IndexColumn:
        return toQString(l.exposureIndexId);
    case ExposureUnits:
        return l.exposureUnits;
    case ExposureUsd:
        return l.exposureUsd;
    case Band:
        return l.maxRatio;
    case TargetUnits:
        return l.targetUnits;
    case Instrument:
        if (pending != m_pending.end() && pending->second.instrument)
            return QString::fromLatin1(hedging::instrumentTypeCode(*pending->second.instrument));
        return l.instrument ? QString::fromLatin1(hedging::instrumentTypeCode(*l.instrument))
                            : QString();
    case Contract:
        return toQString(l.symbol);
    case TargetContracts:
        return static_cast<qlonglong>(l.targetContracts);
    case Contracts:
        if (pending != m_pending.end() && pending->second.contracts)
            return static_cast<qlonglong>(*pending->second.contracts);
        return static_cast<qlonglong>(l.contracts);
    case Held:
        return static_cast<qlonglong>(l.existingContracts);
    case Trade:
        return static_cast<qlonglong>(l.tradeContracts);
    case Hedged:
        return l.hedgedRatio;
    case RoundingResidual:
        return l.roundingResidualUnits;
    case Premium:
        return l.costs.premiumUsd;
    case Margin:
        return l.costs.initialMarginUsd;
    case CarBefore:
        return l.car95BeforeUsd;
    case CarAfter:
        return l.car95AfterUsd;
    default:
        return {};
    }
}

QVariant
HedgeRecommendationModel::display(const hedging::RecommendationLine& l, int row, int column) const
{
    const bool hedged = l.instrument.has_value();
    switch (column) {
    case ExposureUnits:
        return format::volume(l.exposureUnits, l.unit);
    case ExposureUsd:
        return format::number(l.exposureUsd, 0);
    case Band:
        return l.bucket ? tr("%1 / %2 / %3")
                              .arg(format::percent(l.minRatio, 0),
                                   format::percent(l.targetRatio, 0),
                                   format::percent(l.maxRatio, 0))
                        : tr("outside the policy");
    case TargetUnits:
        return format::volume(l.targetUnits, l.unit);
    case Instrument: {
        const auto pending = m_pending.find(row);
        if (pending != m_pending.end() && pending->second.instrument)
            return instrumentText(pending->second.instrument);
        return instrumentText(l.instrument);
    }
    case Contract:
        if (!hedged)
            return QString();
        return l.crossHedge ? tr("%1 (cross)").arg(toQString(l.symbol)) : toQString(l.symbol);
    case TargetContracts:
    case Contracts:
    case Held:
        return hedged || column == Held ? format::integer(raw(l, row, column).toLongLong())
                                        : QString();
    case Trade:
        return hedged ? (l.tradeContracts > 0 ? QStringLiteral("+") : QString())
                            + format::integer(l.tradeContracts)
                      : QString();
    case Hedged:
        return format::percent(l.hedgedRatio);
    case RoundingResidual:
        return hedged ? format::volume(l.roundingResidualUnits, l.unit) : QString();
    case Premium:
    case Margin:
        return hedged ? format::number(raw(l, row, column).toDouble(), 0) : QString();
    case CarBefore:
    case CarAfter:
        return format::number(raw(l, row, column).toDouble(), 0);
    default:
        return raw(l, row, column);
    }
}

QVariant HedgeRecommendationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const hedging::RecommendationLine& l = lineAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(l, index.row(), column);
    case Qt::EditRole:
    case Qt::UserRole:
        return raw(l, index.row(), column);
    case Qt::TextAlignmentRole:
        return column <= IndexColumn || column == Instrument || column == Contract || column == Band
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if ((column == Instrument || column == Contracts) && m_pending.count(index.row()) > 0) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (column == Held && !breachAt(index.row()).isEmpty())
            return QBrush(QColor(255, 205, 205));
        if ((column == Contracts || column == Instrument) && (flags(index) & Qt::ItemIsEditable))
            return QBrush(QColor(255, 250, 225));
        return {};
    case Qt::ToolTipRole:
        if (column == Held)
            return breachAt(index.row());
        if (column == Contract && l.crossHedge)
            return tr("Cross hedge: %1 settles on another index; h* %2 contract units per unit, "
                      "R² %3, basis vol %4")
                .arg(toQString(l.symbol),
                     format::number(l.hedgeRatio, 3),
                     format::number(l.rSquared, 2),
                     format::percent(l.basisVolAnnual));
        return {};
    default:
        return {};
    }
}

bool HedgeRecommendationModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int row = index.row();
    const hedging::RecommendationLine& l = lineAt(row);
    Pending p = m_pending.count(row) ? m_pending[row] : Pending{};
    if (index.column() == Contracts) {
        bool ok = false;
        const qlonglong n = value.toString().remove(QLatin1Char(',')).trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            emit editRejected(
                tr("%1 %2: \"%3\" is not a whole number of contracts (0 or more)")
                    .arg(toQString(l.exposureIndexId), format::month(l.month), value.toString()));
            return false;
        }
        p.contracts = n;
    } else {
        const auto t = parseInstrument(value.toString());
        if (!t) {
            emit editRejected(
                tr("%1 %2: \"%3\" is not an instrument; expected future, call or "
                   "collar")
                    .arg(toQString(l.exposureIndexId), format::month(l.month), value.toString()));
            return false;
        }
        p.instrument = *t;
    }
    m_pending[row] = p;
    emit dataChanged(this->index(row, Instrument), this->index(row, Contracts));
    emit editRequested(row, p.instrument, p.contracts.value_or(l.contracts));
    return true;
}

Qt::ItemFlags HedgeRecommendationModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (m_editable && (index.column() == Contracts || index.column() == Instrument)
        && lineAt(index.row()).instrument.has_value())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant
HedgeRecommendationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TargetContracts:
            return tr("The policy target in whole contracts (the policy's rounding)");
        case Band:
            return tr("The policy band for the month's tenor: minimum / target / maximum share of "
                      "the exposure to hedge");
        case TargetUnits:
            return tr("Policy target ratio × exposure, in the exposure's unit");
        case Contracts:
            return tr("Recommended holding; edit it to try another count");
        case Held:
            return tr("Contracts already held (trading positions); red: outside the policy band");
        case Trade:
            return tr("Contracts to buy (+) or sell (−): recommended − held");
        case RoundingResidual:
            return tr("Rounding residual: exposure the whole-contract rounding leaves unhedged "
                      "(negative: hedged beyond the optimum)");
        case Margin:
            return tr("Initial margin to post: capital returned at settlement, not a cost");
        case CarBefore:
        case CarAfter:
            return tr("Stand-alone Cost-at-Risk of this month's cost at 95% (normal "
                      "approximation); lines do not add up");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MonthColumn:
        return tr("Month");
    case ResourceColumn:
        return tr("Resource");
    case IndexColumn:
        return tr("Index");
    case ExposureUnits:
        return tr("Exposure");
    case ExposureUsd:
        return tr("Exposure (USD)");
    case Band:
        return tr("Band");
    case TargetUnits:
        return tr("Policy target");
    case Instrument:
        return tr("Instrument ✎");
    case Contract:
        return tr("Contract");
    case TargetContracts:
        return tr("Target n");
    case Contracts:
        return tr("Contracts ✎");
    case Held:
        return tr("Held");
    case Trade:
        return tr("Trade");
    case Hedged:
        return tr("Hedged");
    case RoundingResidual:
        return tr("Residual");
    case Premium:
        return tr("Premium (USD)");
    case Margin:
        return tr("Margin (USD)");
    case CarBefore:
        return tr("CaR95 before (USD)");
    case CarAfter:
        return tr("CaR95 after (USD)");
    default:
        return {};
    }
}

} // namespace ch::ui
