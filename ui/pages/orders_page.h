#pragma once

#include "trading/order.h"
#include "ui/pages/desk_page.h"

#include <map>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ch::ui {

class OrderDetail;
class OrdersTableModel;

//! The Orders page: the blotter (every order, tinted by state, filterable by state), the selected
//! order's findings and transition log, and the maker's and desk's actions: New order… (by hand
//! or from a hedge proposal), Submit, Release to the paper broker, Cancel. Buttons the user's role
//! or the order's state does not allow are disabled with the reason as tooltip; core enforces the
//! same rules on every action.
class OrdersPage : public DeskPage
{
    Q_OBJECT
public:
    OrdersPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    OrdersTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    //! Selects order `id` in the blotter; false when it is not shown.
    bool selectOrder(trading::OrderId id);
    std::optional<trading::Order> selectedOrder() const;

    void newOrder();
    void submitSelected();
    void releaseSelected();
    void cancelSelected();

protected:
    void refresh() override;

private:
    void selectionChanged();
    void updateActions();

    OrdersTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_release = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    OrderDetail* m_detail = nullptr;
    std::map<std::int64_t, QString> m_logins;
};

} // namespace ch::ui
