#include "ui/models/hedge_policy_models.h"

#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/alignment.h"

#include <QStringList>

#include <cmath>

namespace ch::ui {

namespace {

//! "75", "75%", "75.5 %" -> 0.755; nullopt when not a finite number.
std::optional<double> parsePercent(const QVariant& value)
{
    QString text = value.toString().trimmed();
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v / 100.0;
}

std::optional<int> parseMonth(const QVariant& value)
{
    bool ok = false;
    const int v = value.toString().trimmed().toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

} // namespace

QString instrumentListText(const std::vector<hedging::HedgeInstrumentType>& instruments)
{
    QStringList parts;
    for (const hedging::HedgeInstrumentType t : instruments)
        parts << QString::fromLatin1(hedging::instrumentTypeCode(t));
    return parts.join(QStringLiteral(", "));
}

std::optional<std::vector<hedging::HedgeInstrumentType>> parseInstrumentList(const QString& text)
{
    std::vector<hedging::HedgeInstrumentType> out;
    for (const QString& word : splitList(text)) {
        const std::string s = word.toLower().toStdString();
        std::optional<hedging::HedgeInstrumentType> t = hedging::parseInstrumentType(s);
        if (!t && (s == "futures"))
            t = hedging::HedgeInstrumentType::Future;
        if (!t && (s == "calls" || s == "cap" || s == "caps"))
            t = hedging::HedgeInstrumentType::Call;
        if (!t && s == "collars")
            t = hedging::HedgeInstrumentType::Collar;
        if (!t)
            return std::nullopt;
        out.push_back(*t);
    }
    return out;
}

// ---- HedgeBucketModel

HedgeBucketModel::HedgeBucketModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeBucketModel::setBuckets(std::vector<hedging::TenorBucket> buckets)
{
    beginResetModel();
    m_buckets = std::move(buckets);
    endResetModel();
}

void HedgeBucketModel::appendBucket()
{
    hedging::TenorBucket b{0, 3, 0.0, 0.0, 0.0};
    if (!m_buckets.empty()) {
        const hedging::TenorBucket& last = m_buckets.back();
        b = last;
        b.fromMonth = last.toMonth + 1;
        b.toMonth = last.toMonth + 12;
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_buckets.push_back(b);
    endInsertRows();
    emit bucketsEdited();
}

void HedgeBucketModel::removeBucket(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_buckets.erase(m_buckets.begin() + row);
    endRemoveRows();
    emit bucketsEdited();
}

int HedgeBucketModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_buckets.size());
}

int HedgeBucketModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeBucketModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hedging::TenorBucket& b = m_buckets[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return alignRight();
    const int c = index.column();
    if (c == From || c == To) {
        const int v = c == From ? b.fromMonth : b.toMonth;
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::UserRole)
            return v;
        return {};
    }
    const double r = c == Min ? b.minRatio : c == Target ? b.targetRatio : b.maxRatio;
    switch (role) {
    case Qt::DisplayRole:
        return format::percent(r);
    case Qt::EditRole:
        return format::number(100.0 * r, 1);
    case Qt::UserRole:
        return r;
    default:
        return {};
    }
}

bool HedgeBucketModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    hedging::TenorBucket& b = m_buckets[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    const QString where = tr("bucket %1").arg(index.row() + 1);
    if (c == From || c == To) {
        const auto m = parseMonth(value);
        if (!m) {
            emit editRejected(
                tr("%1: \"%2\" is not a whole number of months").arg(where, value.toString()));
            return false;
        }
        (c == From ? b.fromMonth : b.toMonth) = *m;
    } else {
        const auto r = parsePercent(value);
        if (!r) {
            emit editRejected(tr("%1: \"%2\" is not a percentage such as 75 or 75%")
                                  .arg(where, value.toString()));
            return false;
        }
        (c == Min ? b.minRatio : c == Target ? b.targetRatio : b.maxRatio) = *r;
    }
    emit dataChanged(index, index);
    emit bucketsEdited();
    return true;
}

Qt::ItemFlags HedgeBucketModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable
                           : Qt::NoItemFlags;
}

QVariant HedgeBucketModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case From:
        return tr("From month");
    case To:
        return tr("To month");
    case Min:
        return tr("Min (%)");
    case Target:
        return tr("Target (%)");
    case Max:
        return tr("Max (%)");
    default:
        return {};
    }
}

// ---- HedgeRuleModel

HedgeRuleModel::HedgeRuleModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeRuleModel::setRules(std::vector<hedging::ResourceRule> rules)
{
    beginResetModel();
    m_rules = std::move(rules);
    endResetModel();
}

void HedgeRuleModel::appendRule()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rules.push_back({"H100", {hedging::HedgeInstrumentType::Future}, {}});
    endInsertRows();
    emit rulesEdited();
}

void HedgeRuleModel::removeRule(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rules.erase(m_rules.begin() + row);
    endRemoveRows();
    emit rulesEdited();
}

int HedgeRuleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int HedgeRuleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeRuleModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::UserRole)
        return {};
    const hedging::ResourceRule& r = m_rules[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Resource:
        return toQString(r.resource);
    case Instruments:
        return instrumentListText(r.instruments);
    case Contracts: {
        QStringList symbols;
        for (const std::string& s : r.symbols)
            symbols << toQString(s);
        if (symbols.isEmpty() && role == Qt::DisplayRole)
            return tr("any of the unit");
        return symbols.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

bool HedgeRuleModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    hedging::ResourceRule& r = m_rules[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Resource:
        r.resource = value.toString().trimmed().toStdString();
        break;
    case Instruments: {
        const auto list = parseInstrumentList(value.toString());
        if (!list) {
            emit editRejected(tr("rule %1: \"%2\" is not a list of instruments; expected future, "
                                 "call or collar, separated by commas")
                                  .arg(index.row() + 1)
                                  .arg(value.toString()));
            return false;
        }
        r.instruments = *list;
        break;
    }
    case Contracts:
        r.symbols.clear();
        for (const QString& s : splitList(value.toString()))
            if (s != tr("any of the unit"))
                r.symbols.push_back(s.toStdString());
        break;
    default:
        return false;
    }
    emit dataChanged(index, index);
    emit rulesEdited();
    return true;
}

Qt::ItemFlags HedgeRuleModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable
                           : Qt::NoItemFlags;
}

QVariant HedgeRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Resource:
        return tr("Resource");
    case Instruments:
        return tr("Instruments allowed (preferred first)");
    case Contracts:
        return tr("Contracts allowed");
    default:
        return {};
    }
}

// ---- HedgePolicyHistoryModel

HedgePolicyHistoryModel::HedgePolicyHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgePolicyHistoryModel::setVersions(std::vector<hedging::HedgePolicy> versions)
{
    beginResetModel();
    m_versions.assign(versions.rbegin(), versions.rend());
    endResetModel();
}

const hedging::HedgePolicy& HedgePolicyHistoryModel::versionAt(int row) const
{
    return m_versions.at(static_cast<std::size_t>(row));
}

int HedgePolicyHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_versions.size());
}

int HedgePolicyHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgePolicyHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hedging::HedgePolicy& p = versionAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == Version)
        return alignRight();
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Version:
        return p.version;
    case Name:
        return toQString(p.name);
    case Author:
        return toQString(p.author);
    case SavedAt:
        return toQString(formatIsoTimestamp(p.savedAt));
    case Summary: {
        QStringList buckets;
        for (const hedging::TenorBucket& b : p.buckets)
            buckets << tr("%1–%2 m: %3/%4/%5")
                           .arg(b.fromMonth)
                           .arg(b.toMonth)
                           .arg(format::percent(b.minRatio, 0),
                                format::percent(b.targetRatio, 0),
                                format::percent(b.maxRatio, 0));
        return buckets.join(QStringLiteral("; "));
    }
    default:
        return {};
    }
}

QVariant
HedgePolicyHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version");
    case Name:
        return tr("Name");
    case Author:
        return tr("Saved by");
    case SavedAt:
        return tr("Saved at (UTC)");
    case Summary:
        return tr("Bands min/target/max");
    default:
        return {};
    }
}

} // namespace ch::ui
