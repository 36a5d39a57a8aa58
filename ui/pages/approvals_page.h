#pragma once

#include "trading/order.h"
#include "ui/pages/desk_page.h"

#include <map>
#include <optional>

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
class ApprovalsPage : public DeskPage
{
    Q_OBJECT
public:
    ApprovalsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    OrdersTableModel* model() const { return m_model; }
    bool selectOrder(trading::OrderId id);
    std::optional<trading::Order> selectedOrder() const;
    //! Why the user may not approve the selected order, or "" when they may.
    QString refusalReason() const;

    void approveSelected();
    void rejectSelected();

protected:
    void refresh() override;

private:
    void selectionChanged();

    OrdersTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_comment = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QLabel* m_reason = nullptr;
    OrderDetail* m_detail = nullptr;
    std::map<std::int64_t, QString> m_logins;
};

} // namespace ch::ui
