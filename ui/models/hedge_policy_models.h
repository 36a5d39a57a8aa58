#pragma once

#include "hedging/policy.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace ch::ui {

//! The tenor buckets of a policy being edited: from and to month (after the valuation month) and
//! the min / target / max hedge ratio. Every cell is editable; ratios are entered and shown in
//! percent ("75" or "75%"), stored as fractions. setData accepts any number (core's
//! validatePolicy judges the whole policy and names the field), refusing only text that is not a
//! number, with editRejected. Qt::UserRole is the raw value.
class HedgeBucketModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { From, To, Min, Target, Max, ColumnCount };

    explicit HedgeBucketModel(QObject* parent = nullptr);
    void setBuckets(std::vector<hedging::TenorBucket> buckets);
    const std::vector<hedging::TenorBucket>& buckets() const { return m_buckets; }
    //! Adds a bucket after the last one (one month past it, same ratios), or 0–3 months at 0%.
    void appendBucket();
    void removeBucket(int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void bucketsEdited();
    void editRejected(const QString& message);

private:
    std::vector<hedging::TenorBucket> m_buckets;
};

//! What may hedge each resource: the resource key ("H100", "FRONTIER", "*"), the instruments in
//! order of preference ("future, call") and the allowed contracts ("CHG.H100"; empty = any of the
//! unit). Editable; instruments must be known codes or labels (editRejected otherwise).
class HedgeRuleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Resource, Instruments, Contracts, ColumnCount };

    explicit HedgeRuleModel(QObject* parent = nullptr);
    void setRules(std::vector<hedging::ResourceRule> rules);
    const std::vector<hedging::ResourceRule>& rules() const { return m_rules; }
    void appendRule();
    void removeRule(int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void rulesEdited();
    void editRejected(const QString& message);

private:
    std::vector<hedging::ResourceRule> m_rules;
};

//! The saved versions of one policy, newest first: version, name, who saved it and when (UTC).
class HedgePolicyHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Version, Name, Author, SavedAt, Summary, ColumnCount };

    explicit HedgePolicyHistoryModel(QObject* parent = nullptr);
    //! `versions` oldest first, as storage returns them.
    void setVersions(std::vector<hedging::HedgePolicy> versions);
    const hedging::HedgePolicy& versionAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<hedging::HedgePolicy> m_versions; //!< newest first
};

//! "future, call" from a rule's instruments, and back (codes or labels, comma-separated); nullopt
//! names nothing when a word is not an instrument.
QString instrumentListText(const std::vector<hedging::HedgeInstrumentType>& instruments);
std::optional<std::vector<hedging::HedgeInstrumentType>> parseInstrumentList(const QString& text);

} // namespace ch::ui
