#include "ui/models/risk_param_model.h"

#include "domain/error.h"
#include "ui/conversions.h"
#include "ui/format.h"

#include <QFont>

#include <cmath>

namespace ch::ui {

namespace {

constexpr int kDecimals = 4;

//! The field of an override that `column` shows (const or not).
template <class Overrides>
auto& fieldOf(Overrides& o, int column)
{
    switch (column) {
    case RiskParamTableModel::Kappa:
        return o.kappaPerYear;
    case RiskParamTableModel::Sigma:
        return o.sigmaAnnual;
    case RiskParamTableModel::Jumps:
        return o.jumpsPerYear;
    case RiskParamTableModel::JumpMean:
        return o.jumpMeanLog;
    default:
        return o.jumpSdLog;
    }
}

double fieldOf(const risk::FactorParams& p, int column)
{
    switch (column) {
    case RiskParamTableModel::Kappa:
        return p.kappaPerYear;
    case RiskParamTableModel::Sigma:
        return p.sigmaAnnual;
    case RiskParamTableModel::Jumps:
        return p.jumpsPerYear;
    case RiskParamTableModel::JumpMean:
        return p.jumpMeanLog;
    default:
        return p.jumpSdLog;
    }
}

bool isToken(const risk::FactorEstimate& r)
{
    return r.model == risk::FactorModel::TokenCuts;
}

} // namespace

RiskParamTableModel::RiskParamTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RiskParamTableModel::setRows(std::vector<risk::FactorEstimate> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RiskParamTableModel::rowOf(const std::string& indexId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].indexId == indexId)
            return static_cast<int>(i);
    return -1;
}

int RiskParamTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RiskParamTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RiskParamTableModel::isEditable(const risk::FactorEstimate& row, int column) const
{
    // A token tier has no mean reversion (validateFactorParams): its kappa is not a parameter.
    return isParameter(column) && !row.name.empty() && !(column == Kappa && isToken(row));
}

QVariant RiskParamTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const risk::FactorEstimate& r = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const bool parameter = isParameter(column);
    const bool notApplicable = column == Kappa && isToken(r);
    // A pointer into the row's overrides: nullptr when the cell has none.
    const double* override =
        parameter && fieldOf(r.overrides, column) ? &*fieldOf(r.overrides, column) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Index:
            return toQString(r.indexId);
        case Model:
            return isToken(r) ? tr("Price cuts (token tier)") : tr("Mean-reverting jumps (GPU)");
        case Observations:
            return format::integer(static_cast<std::int64_t>(r.observations));
        case Source:
            if (!r.effective)
                return tr("Needs parameters");
            return r.isOverridden() ? tr("Your override") : tr("Estimated");
        default:
            if (notApplicable)
                return QStringLiteral("–");
            if (r.effective)
                return format::number(fieldOf(*r.effective, column), kDecimals);
            return override != nullptr ? format::number(*override, kDecimals)
                                       : format::notAvailable();
        }
    case Qt::EditRole:
        if (!parameter || notApplicable)
            return data(index, Qt::DisplayRole);
        if (override != nullptr)
            return QString::number(*override, 'g', 17);
        return r.effective ? QString::number(fieldOf(*r.effective, column), 'g', 17) : QString();
    case Qt::UserRole:
        if (column == Index)
            return toQString(r.indexId);
        if (column == Observations)
            return QVariant::fromValue<qulonglong>(r.observations);
        if (parameter && r.effective && !notApplicable)
            return fieldOf(*r.effective, column);
        return data(index, Qt::DisplayRole);
    case Qt::FontRole:
        if (override != nullptr) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((parameter || column == Observations ? Qt::AlignRight : Qt::AlignLeft)
                          | Qt::AlignVCenter));
    case Qt::ToolTipRole: {
        if (column == Index)
            return toQString(r.name);
        if (column == Source)
            return r.problem.empty() ? QVariant() : QVariant(toQString(r.problem));
        if (column == Observations)
            return tr("Daily prices from %1 to %2; %3 jumps or price cuts found")
                .arg(format::date(r.from), format::date(r.to))
                .arg(r.events);
        if (!parameter || notApplicable)
            return {};
        const QString estimate =
            r.estimated ? format::number(fieldOf(*r.estimated, column), kDecimals) : tr("none");
        return override
                   ? tr("Estimated %1; your override %2 (clear the cell to go back)")
                         .arg(estimate, format::number(*override, kDecimals))
                   : tr("Estimated from history: %1. Type a number to override it.").arg(estimate);
    }
    default:
        return {};
    }
}

QVariant RiskParamTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (isParameter(section) || section == Observations ? Qt::AlignRight : Qt::AlignLeft)
            | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Kappa:
            return tr("Mean-reversion speed of the log price towards the forward curve; the "
                      "half-life of a deviation is ln 2 / kappa years");
        case Sigma:
            return tr("Diffusion volatility of the log price, per square root of a year");
        case Jumps:
            return tr("Expected number of jumps (GPU spikes) or list-price cuts (tokens) a year");
        case JumpMean:
            return tr("Mean log size of a jump or cut: -0.30 is a cut of about 26%");
        case JumpSd:
            return tr("Standard deviation of the log jump or cut size");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Index:
        return tr("Index");
    case Model:
        return tr("Model");
    case Observations:
        return tr("Prices used");
    case Kappa:
        return tr("Kappa (per year)");
    case Sigma:
        return tr("Sigma (annual)");
    case Jumps:
        return tr("Jumps or cuts (per year)");
    case JumpMean:
        return tr("Mean jump (log)");
    case JumpSd:
        return tr("Jump sd (log)");
    case Source:
        return tr("Source");
    default:
        return {};
    }
}

Qt::ItemFlags RiskParamTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isEditable(m_rows[static_cast<std::size_t>(index.row())], index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool RiskParamTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const risk::FactorEstimate& r = m_rows[static_cast<std::size_t>(index.row())];
    if (!isEditable(r, index.column()))
        return false;
    risk::FactorParamOverrides o = r.overrides;
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        fieldOf(o, index.column()).reset();
    } else {
        bool ok = false;
        double v = format::numberLocale().toDouble(text, &ok);
        if (!ok)
            v = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(v)) {
            emit editRejected(tr("%1, %2: \"%3\" is not a number")
                                  .arg(toQString(r.indexId),
                                       headerData(index.column(), Qt::Horizontal).toString(),
                                       text));
            return false;
        }
        fieldOf(o, index.column()) = v;
    }
    try {
        risk::validateOverride(r.indexId, r.model, r.estimated, o);
    } catch (const Error& e) {
        emit editRejected(toQString(e.what()));
        return false;
    }
    setOverrides(index.row(), o);
    return true;
}

void RiskParamTableModel::setOverrides(int row, const risk::FactorParamOverrides& overrides)
{
    if (row < 0 || row >= rowCount())
        return;
    auto& r = m_rows[static_cast<std::size_t>(row)];
    r = risk::withNewOverrides(std::move(r), overrides);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit overridesEdited(row);
}

} // namespace ch::ui
