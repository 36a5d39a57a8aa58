#pragma once

#include "storage/hedge_repository.h"
#include "trading/order.h"
#include "trading/pre_trade.h"

#include <QDialog>
#include <QStringList>

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace ch::ui {

class DeskSession;

//! New order: a ticket entered by hand (contract, month, side, quantity, type, limit, time in
//! force, comment) or the futures lines of a submitted hedge proposal.
//!
//! By hand, the pre-trade checks run on every change against a provisional order (nothing is
//! saved) and each finding is listed with its reason: errors in red block "Submit for approval",
//! warnings in amber are shown to the maker and later to the checker. "Save draft" keeps the
//! ticket without checks. The reference price beside the ticket comes from the reference
//! forward curve (a reference dataset, not a live quote).
class OrderTicketDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OrderTicketDialog(DeskSession& desk, QWidget* parent = nullptr);

    //! The ticket as entered (may be invalid).
    trading::OrderRequest request() const;
    //! Sets the by-hand fields (tests and "copy order").
    void setRequest(const trading::OrderRequest& request);
    //! Problems with the ticket itself (trading::checkOrderRequest), e.g. a limit off the tick.
    const QStringList& formProblems() const { return m_formProblems; }
    //! The pre-trade findings for the current ticket.
    const std::vector<trading::PreTradeFinding>& findings() const { return m_findings; }
    bool canSubmit() const;
    //! The orders this dialog created.
    const std::vector<trading::Order>& created() const { return m_created; }

    void saveDraft();
    void submitTicket();
    void createFromProposal();

private:
    QWidget* buildManualTab();
    QWidget* buildProposalTab();
    void contractChanged();
    void updateChecks();
    void showProposal();
    std::optional<trading::Order> provisionalOrder(QStringList& problems) const;

    DeskSession& m_desk;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_contract = nullptr;
    QComboBox* m_month = nullptr;
    QComboBox* m_side = nullptr;
    QSpinBox* m_quantity = nullptr;
    QComboBox* m_type = nullptr;
    QDoubleSpinBox* m_limit = nullptr;
    QComboBox* m_tif = nullptr;
    QDateEdit* m_goodTill = nullptr;
    QLineEdit* m_comment = nullptr;
    QLabel* m_reference = nullptr;
    QLabel* m_notional = nullptr;
    QListWidget* m_findingList = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_saveDraft = nullptr;
    QComboBox* m_proposal = nullptr;
    QTableWidget* m_proposalLines = nullptr;
    QLabel* m_proposalNote = nullptr;
    QPushButton* m_fromProposal = nullptr;
    std::vector<storage::StoredProposal> m_proposals;
    QStringList m_formProblems;
    std::vector<trading::PreTradeFinding> m_findings;
    std::vector<trading::Order> m_created;
};

} // namespace ch::ui
