#pragma once

#include "trading/order.h"
#include "ui/pages/desk_page.h"
#include "ui/pages/order_batch.h"

#include <QPointer>

#include <map>
#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;
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
//!
//! The blotter takes extended selections (Shift/Ctrl-click, Ctrl+A), and "Select drafts" picks
//! the user's drafts, all of them or those of one origin ("proposal HP-0001"). Submit, Release
//! and Cancel act on every selected order the action applies to, one core transaction per order,
//! as an OrderBatch (the window stays responsive; the broker's reports keep arriving). The
//! buttons show how many orders they will act on; afterwards one summary line says what was done
//! and what was refused, and refusals are listed in one report box.
class OrdersPage : public DeskPage
{
    Q_OBJECT
public:
    OrdersPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    OrdersTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    //! Selects order `id` in the blotter; false when it is not shown.
    bool selectOrder(trading::OrderId id);
    //! The first selected order (the one the detail pane shows).
    std::optional<trading::Order> selectedOrder() const;
    //! Every selected order, in blotter order.
    std::vector<trading::Order> selectedOrders() const;
    //! Selects exactly those of `ids` the blotter shows; returns how many.
    int selectOrders(const std::vector<trading::OrderId>& ids);
    //! The logged-in user's drafts by origin group ("manual", "proposal HP-0001": the proposal
    //! line is dropped), with how many drafts each has.
    std::vector<std::pair<QString, int>> draftOrigins() const;
    //! Shows drafts only and selects the user's drafts, all of them when `originGroup` is empty,
    //! otherwise those of that origin group; returns how many were selected.
    int selectDrafts(const QString& originGroup = {});

    void newOrder();
    //! Submit / release / cancel every selected order the action applies to (see class note).
    void submitSelected();
    void releaseSelected();
    //! Asks for one reason (kept with every order), then cancels.
    void cancelSelected();
    void cancelSelected(const QString& reason);

    bool batchRunning() const { return m_batch != nullptr; }
    //! What the last batch did; its summary is also the page's batch line (batchSummary()).
    const BatchResult& lastBatch() const { return m_lastBatch; }
    QString batchSummary() const;
    //! Orders per chunk of a batch (OrderBatch::setChunkSize); tests use small chunks.
    void setBatchChunkSize(int orders) { m_chunkSize = orders; }

signals:
    //! A batch of Submit, Release or Cancel finished (lastBatch() has the counts).
    void batchFinished();

protected:
    void refresh() override;

private:
    enum class Action { Submit, Release, Cancel };

    void selectionChanged();
    void updateActions();
    //! Whether the logged-in user may take `action` on `o` (the same rules core applies).
    bool allows(Action action, const trading::Order& o) const;
    void runBatch(Action action, const QString& reason);
    void batchDone(OrderBatch* batch, Action action);
    void fillSelectMenu();

    OrdersTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_release = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_selectDrafts = nullptr;
    QMenu* m_selectMenu = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_batchLine = nullptr;
    OrderDetail* m_detail = nullptr;
    std::map<std::int64_t, QString> m_logins;
    QPointer<OrderBatch> m_batch;
    BatchResult m_lastBatch;
    int m_chunkSize = 25;
};

} // namespace ch::ui
