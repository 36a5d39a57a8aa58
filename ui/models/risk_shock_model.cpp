#include "ui/models/risk_shock_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <cmath>

namespace ch::ui {

RiskShockTableModel::RiskShockTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RiskShockTableModel::setShocks(std::vector<risk::UserShock> shocks)
{
    beginResetModel();
    m_shocks = std::move(shocks);
    endResetModel();
}

int RiskShockTableModel::addShock(const risk::UserShock& shock)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_shocks.push_back(shock);
    endInsertRows();
    emit shocksEdited();
    return row;
}

void RiskShockTableModel::removeShock(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_shocks.erase(m_shocks.begin() + row);
    endRemoveRows();
    emit shocksEdited();
}

int RiskShockTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shocks.size());
}

int RiskShockTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskShockTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const risk::UserShock& s = m_shocks[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Index:
            return toQString(s.indexId);
        case From:
            return format::month(s.first);
        case To:
            return format::month(s.last);
        default:
            return role == Qt::EditRole ? format::number(s.relative * 100.0, 1)
                                        : format::signedPercent(s.relative, 1);
        }
    case Qt::UserRole:
        return index.column() == Shock ? QVariant(s.relative) : data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == Shock ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant RiskShockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Index:
        return tr("Index");
    case From:
        return tr("From month");
    case To:
        return tr("To month");
    case Shock:
        return tr("Price move (%)");
    default:
        return {};
    }
}

Qt::ItemFlags RiskShockTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool RiskShockTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    risk::UserShock s = m_shocks[static_cast<std::size_t>(row)];
    QString text = value.toString().trimmed();
    auto reject = [&](const QString& message) {
        emit editRejected(tr("Shock %1: %2").arg(row + 1).arg(message));
        return false;
    };
    switch (index.column()) {
    case Index:
        if (!m_indexIds.contains(text))
            return reject(tr("\"%1\" is not an index the plan prices on; expected one of %2")
                              .arg(text, m_indexIds.join(QStringLiteral(", "))));
        s.indexId = text.toStdString();
        break;
    case From:
    case To: {
        const auto m = parseIsoMonth(text.toStdString());
        if (!m)
            return reject(tr("\"%1\" is not a month; expected YYYY-MM").arg(text));
        (index.column() == From ? s.first : s.last) = *m;
        break;
    }
    default: {
        if (text.endsWith(QLatin1Char('%')))
            text.chop(1);
        bool ok = false;
        double pct = format::numberLocale().toDouble(text.trimmed(), &ok);
        if (!ok)
            pct = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok || !std::isfinite(pct))
            return reject(tr("\"%1\" is not a percentage such as 40 or -30").arg(text));
        s.relative = pct / 100.0;
        break;
    }
    }
    const std::vector<Issue> issues = risk::checkUserShock(s, row + 1);
    if (!issues.empty())
        return reject(toQString(issues.front().message));
    m_shocks[static_cast<std::size_t>(row)] = s;
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    emit shocksEdited();
    return true;
}

} // namespace ch::ui
