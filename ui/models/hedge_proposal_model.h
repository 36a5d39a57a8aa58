#pragma once

#include "storage/hedge_repository.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Saved hedge proposals (storage::HedgeRepository::loadProposals), newest last.
class HedgeProposalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id,
        Status,
        Created,
        CreatedBy,
        Policy,
        Valuation,
        Lines,
        Bought,
        Sold,
        Premium,
        Rationale,
        ColumnCount
    };

    explicit HedgeProposalModel(QObject* parent = nullptr);
    void setProposals(std::vector<storage::StoredProposal> proposals);
    const storage::StoredProposal& proposalAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<storage::StoredProposal> m_rows;
};

} // namespace ch::ui
