#include "ui/models/hedge_proposal_model.h"

#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/alignment.h"

namespace ch::ui {

HedgeProposalModel::HedgeProposalModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HedgeProposalModel::setProposals(std::vector<storage::StoredProposal> proposals)
{
    beginResetModel();
    m_rows = std::move(proposals);
    endResetModel();
}

const storage::StoredProposal& HedgeProposalModel::proposalAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row));
}

int HedgeProposalModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HedgeProposalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HedgeProposalModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const storage::StoredProposal& s = proposalAt(index.row());
    const hedging::HedgeProposal& p = s.proposal;
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return c == Lines || c == Bought || c == Sold || c == Premium ? alignRight() : alignLeft();
    if (role == Qt::ToolTipRole && c == Rationale)
        return toQString(p.rationale);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    ContractCount bought = 0;
    ContractCount sold = 0;
    double premium = 0.0;
    for (const hedging::ProposalLine& l : p.lines) {
        if (l.tradeContracts > 0)
            bought += l.tradeContracts;
        else
            sold -= l.tradeContracts;
        premium += l.premiumUsd;
    }
    const bool display = role == Qt::DisplayRole;
    switch (c) {
    case Id:
        return toQString(p.id);
    case Status:
        return QString::fromLatin1(storage::proposalStatusCode(s.status));
    case Created:
        return toQString(formatIsoTimestamp(p.createdAt));
    case CreatedBy:
        return toQString(p.createdBy);
    case Policy:
        return tr("%1 v%2").arg(toQString(p.policyId)).arg(p.policyVersion);
    case Valuation:
        return format::date(p.valuationDate);
    case Lines:
        return display ? QVariant(format::integer(static_cast<std::int64_t>(p.lines.size())))
                       : QVariant(static_cast<qlonglong>(p.lines.size()));
    case Bought:
        return display ? QVariant(format::integer(bought)) : QVariant(qlonglong{bought});
    case Sold:
        return display ? QVariant(format::integer(sold)) : QVariant(qlonglong{sold});
    case Premium:
        return display ? QVariant(format::number(premium, 0)) : QVariant(premium);
    case Rationale:
        return toQString(p.rationale);
    default:
        return {};
    }
}

QVariant HedgeProposalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Proposal");
    case Status:
        return tr("Status");
    case Created:
        return tr("Saved at (UTC)");
    case CreatedBy:
        return tr("Saved by");
    case Policy:
        return tr("Policy version");
    case Valuation:
        return tr("Valuation date");
    case Lines:
        return tr("Lines");
    case Bought:
        return tr("Buy (contracts)");
    case Sold:
        return tr("Sell (contracts)");
    case Premium:
        return tr("Premium (USD)");
    case Rationale:
        return tr("Rationale");
    default:
        return {};
    }
}

} // namespace ch::ui
