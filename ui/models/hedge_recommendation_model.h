#pragma once

#include "hedging/recommendation.h"

#include <QAbstractTableModel>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ch::ui {

//! The hedge recommendation, one row per delivery month × exposure index (the lines of
//! hedging::recommendHedge / applyEdits, in their order). DisplayRole is formatted through
//! ui/format (volumes with their unit, USD amounts, ratios in percent); Qt::UserRole is the raw
//! number core computed. The Instrument and Contracts columns of a hedgeable line are editable
//! while the model is editable: an edit is not applied here but announced with editRequested
//! (the page recomputes through hedging::applyEdits on a worker) and shown as pending (italic)
//! until the next recommendation arrives. Lines with an existing position outside the policy
//! band (an Issue of source "positions" naming the line) are flagged in the Held column.
class HedgeRecommendationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MonthColumn,
        ResourceColumn,
        IndexColumn,
        ExposureUnits,
        ExposureUsd,
        Band,
        TargetUnits,
        Instrument,
        Contract,
        TargetContracts,
        Contracts,
        Held,
        Trade,
        Hedged,
        RoundingResidual,
        Premium,
        Margin,
        CarBefore,
        CarAfter,
        ColumnCount
    };

    explicit HedgeRecommendationModel(QObject* parent = nullptr);

    //! Shows `rec`; `allowed` lists, per line, the instruments the policy allows (the editor's
    //! choices). Pending edits are dropped.
    void setRecommendation(const hedging::HedgeRecommendation& rec,
                           std::vector<std::vector<hedging::HedgeInstrumentType>> allowed);
    void clear();
    //! Edits are accepted only while editable (not while a computation runs).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    const hedging::RecommendationLine& lineAt(int row) const;
    const std::vector<hedging::HedgeInstrumentType>& allowedAt(int row) const;
    //! The breach message of a row's held hedges, or "" when inside the band.
    QString breachAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    //! The user changed a line's instrument or count; `contracts` is the count to hold.
    void editRequested(int line,
                       std::optional<hedging::HedgeInstrumentType> instrument,
                       long long contracts);
    //! An edit was refused before it reached core (text that is not a count, for instance).
    void editRejected(const QString& message);

private:
    struct Pending
    {
        std::optional<hedging::HedgeInstrumentType> instrument;
        std::optional<ContractCount> contracts;
    };
    QVariant display(const hedging::RecommendationLine& l, int row, int column) const;
    QVariant raw(const hedging::RecommendationLine& l, int row, int column) const;

    std::vector<hedging::RecommendationLine> m_lines;
    std::vector<std::vector<hedging::HedgeInstrumentType>> m_allowed;
    std::map<std::string, std::string> m_breaches; //!< line label -> message
    std::map<int, Pending> m_pending;
    bool m_editable = false;
};

} // namespace ch::ui
