#pragma once

#include "trading/order.h"
#include "ui/pages/desk_page.h"
#include "ui/pages/order_batch.h"

#include <QPointer>

#include <map>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ch::ui {

class OrderDetail;
class OrdersTableModel;

//! The Approvals page: the checker's queue of orders pending approval, oldest first, with the
//! selected order's pre-trade warnings and history, a comment and Approve / Reject. When the
//! logged-in user may not act on the selected order the buttons are disabled and the reason is
//! shown (not an approver, the maker of the order, already approved it); core refuses the same
//! cases on every path.
//!
//! The queue takes extended selections (Shift/Ctrl-click, Ctrl+A, "Select all"). Approve and
//! Reject act on every selected order as an OrderBatch, one core transaction per order, with the
//! one comment for all of them. Every selected order goes to core, so an order the user may not
//! approve (their own, or one they already approved) is refused by core and counted in the
//! summary with core's message, never silently skipped; the buttons are enabled when at least
//! one selected order is one the user may act on, and show how many that is.
class ApprovalsPage : public DeskPage
{
    Q_OBJECT
public:
    ApprovalsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    OrdersTableModel* model() const { return m_model; }
    bool selectOrder(trading::OrderId id);
    //! Selects exactly those of `ids` in the queue; returns how many.
    int selectOrders(const std::vector<trading::OrderId>& ids);
    //! Selects the whole queue; returns how many.
    int selectAll();
    //! The first selected order (the one the detail pane shows).
    std::optional<trading::Order> selectedOrder() const;
    std::vector<trading::Order> selectedOrders() const;
    //! Why the user may not approve the selected order, or "" when they may.
    QString refusalReason() const;
    //! Why the user may not approve `o`, or "" when they may.
    QString refusalReason(const trading::Order& o) const;
    //! The comment (required to reject) that goes with every order of the next action.
    void setComment(const QString& comment);

    //! Approve / reject every selected order with the comment (see class note).
    void approveSelected();
    void rejectSelected();

    bool batchRunning() const { return m_batch != nullptr; }
    const BatchResult& lastBatch() const { return m_lastBatch; }
    QString batchSummary() const;
    //! Orders per chunk of a batch (OrderBatch::setChunkSize); tests use small chunks.
    void setBatchChunkSize(int orders) { m_chunkSize = orders; }

signals:
    //! An Approve or Reject batch finished (lastBatch() has the counts).
    void batchFinished();

protected:
    void refresh() override;

private:
    void selectionChanged();
    void runBatch(bool approve);
    void batchDone(OrderBatch* batch);

    OrdersTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_comment = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_selectAll = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_batchLine = nullptr;
    OrderDetail* m_detail = nullptr;
    std::map<std::int64_t, QString> m_logins;
    QPointer<OrderBatch> m_batch;
    BatchResult m_lastBatch;
    int m_chunkSize = 25;
};

} // namespace ch::ui
