#include "ui/pages/approvals_page.h"

#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/models/orders_table_model.h"
#include "ui/pages/orders_detail.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ch::ui {

using namespace trading;

ApprovalsPage::ApprovalsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("approvalsPage"));
    auto* content = new QWidget(this);
    m_model = new OrdersTableModel(this);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("approvalQueue"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // The checker's queue: what each order is and who asked; state and fills are all the same.
    for (int c : {OrdersTableModel::State,
                  OrdersTableModel::Filled,
                  OrdersTableModel::Status,
                  OrdersTableModel::TimeInForce})
        m_view->hideColumn(c);
    m_comment = new QLineEdit(content);
    m_comment->setObjectName(QStringLiteral("approvalComment"));
    m_comment->setPlaceholderText(tr("Comment (required to reject; kept with the order)"));
    m_approve = new QPushButton(tr("Approve"), content);
    m_reject = new QPushButton(tr("Reject"), content);
    m_approve->setObjectName(QStringLiteral("approveOrder"));
    m_reject->setObjectName(QStringLiteral("rejectOrder"));
    m_selectAll = new QPushButton(tr("Select all"), content);
    m_selectAll->setObjectName(QStringLiteral("selectAllPending"));
    m_batchLine = new QLabel(content);
    m_batchLine->setObjectName(QStringLiteral("batchSummary"));
    m_batchLine->setWordWrap(true);
    m_batchLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason = new QLabel(content);
    m_reason->setObjectName(QStringLiteral("approvalRefusal"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_detail = new OrderDetail(desk, content);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_selectAll);
    actions->addWidget(m_comment, 1);
    actions->addWidget(m_approve);
    actions->addWidget(m_reject);
    auto* split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Orders waiting for a checker. The maker never approves "
                                    "their own order; above the two-approver threshold two "
                                    "different approvers are needed."),
                                 content));
    layout->addWidget(split, 1);
    layout->addLayout(actions);
    layout->addWidget(m_reason);
    layout->addWidget(m_batchLine);
    setContent(content);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &ApprovalsPage::selectionChanged);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::rejectSelected);
    connect(m_comment, &QLineEdit::textChanged, this, &ApprovalsPage::selectionChanged);
    connect(m_selectAll, &QPushButton::clicked, this, &ApprovalsPage::selectAll);
}

void ApprovalsPage::refresh()
{
    // During a batch every order's transaction signals a book change; the queue is re-read once,
    // when the batch finishes.
    if (m_batch)
        return;
    std::vector<OrderId> keep;
    for (const auto& o : selectedOrders())
        keep.push_back(o.id());
    m_logins = desk().logins();
    std::vector<Order> pending;
    for (auto& o : desk().repository().orders())
        if (o.state() == OrderState::PendingApproval)
            pending.push_back(std::move(o));
    m_model->setOrders(std::move(pending), m_logins);
    m_view->resizeColumnsToContents();
    if (selectOrders(keep) == 0 && m_model->rowCount() > 0)
        m_view->selectRow(0);
    selectionChanged();
}

bool ApprovalsPage::selectOrder(OrderId id)
{
    return selectOrders({id}) == 1;
}

int ApprovalsPage::selectOrders(const std::vector<OrderId>& ids)
{
    // One selection change for the lot: a signal per row would re-read the detail pane each time.
    QItemSelection selection;
    int first = -1;
    for (const OrderId id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        selection.select(m_model->index(row, 0), m_model->index(row, 0));
        first = first < 0 ? row : std::min(first, row);
    }
    auto* model = m_view->selectionModel();
    if (selection.isEmpty()) {
        model->clearSelection();
        return 0;
    }
    model->setCurrentIndex(m_model->index(first, 0), QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return static_cast<int>(model->selectedRows().size());
}

int ApprovalsPage::selectAll()
{
    m_view->selectAll();
    return static_cast<int>(m_view->selectionModel()->selectedRows().size());
}

std::optional<Order> ApprovalsPage::selectedOrder() const
{
    const auto orders = selectedOrders();
    return orders.empty() ? std::nullopt : std::optional<Order>(orders.front());
}

std::vector<Order> ApprovalsPage::selectedOrders() const
{
    auto rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) {
        return a.row() < b.row();
    });
    std::vector<Order> out;
    for (const QModelIndex& index : rows)
        if (const Order* o = m_model->orderAt(index.row()))
            out.push_back(*o);
    return out;
}

QString ApprovalsPage::refusalReason() const
{
    const auto o = selectedOrder();
    if (!o)
        return m_model->rowCount() == 0 ? tr("Nothing is waiting for approval.") : QString();
    return refusalReason(*o);
}

QString ApprovalsPage::refusalReason(const Order& o) const
{
    const auto& user = desk().user();
    if (!user)
        return tr("Log in as an approver to act on the queue.");
    const QString who = QString::fromStdString(describeUser(*user));
    if (!user->can(Permission::ApproveOrder))
        return tr("%1 may not approve or reject orders: only approvers may.").arg(who);
    if (o.maker() == user->id)
        return tr("%1 made order %2 and cannot approve it (maker-checker).")
            .arg(who)
            .arg(o.id().value);
    for (const auto& a : o.approvals())
        if (a.approver == user->id)
            return tr("%1 has already approved order %2; the second approval must come from "
                      "another approver.")
                .arg(who)
                .arg(o.id().value);
    return {};
}

void ApprovalsPage::setComment(const QString& comment)
{
    m_comment->setText(comment);
}

QString ApprovalsPage::batchSummary() const
{
    return m_batchLine->text();
}

void ApprovalsPage::selectionChanged()
{
    guard(this, tr("Show the order"), [this] { m_detail->showOrder(selectedOrder(), m_logins); });
    const auto selected = selectedOrders();
    const int n = static_cast<int>(selected.size());
    int may = 0;
    int mayReject = 0;
    QString firstRefusal;
    const auto& user = desk().user();
    for (const Order& o : selected) {
        const QString why = refusalReason(o);
        if (why.isEmpty())
            ++may;
        else if (firstRefusal.isEmpty())
            firstRefusal = why;
        // Core lets an approver reject an order they gave the first of two approvals to.
        if (user && user->can(Permission::ApproveOrder) && o.maker() != user->id)
            ++mayReject;
    }
    QString why;
    if (n <= 1)
        why = refusalReason();
    else if (may < n)
        why = tr("%1 of the %2 selected orders cannot be approved and will be refused by core: %3")
                  .arg(n - may)
                  .arg(n)
                  .arg(firstRefusal);
    const bool hasComment = !m_comment->text().trimmed().isEmpty();
    m_approve->setEnabled(may > 0 && !m_batch);
    m_reject->setEnabled(mayReject > 0 && hasComment && !m_batch);
    m_approve->setText(n > 1 && may > 0 ? tr("Approve %1").arg(may) : tr("Approve"));
    m_reject->setText(n > 1 && mayReject > 0 ? tr("Reject %1").arg(mayReject) : tr("Reject"));
    m_selectAll->setEnabled(!m_batch && m_model->rowCount() > 0);
    const QString busy = tr("A batch is running");
    m_approve->setToolTip(m_batch ? busy : why);
    if (m_batch)
        m_reject->setToolTip(busy);
    else if (mayReject == 0)
        m_reject->setToolTip(why);
    else
        m_reject->setToolTip(hasComment ? QString() : tr("Give the reason in the comment"));
    m_reason->setText(why);
}

void ApprovalsPage::approveSelected()
{
    runBatch(true);
}

void ApprovalsPage::rejectSelected()
{
    runBatch(false);
}

void ApprovalsPage::runBatch(bool approve)
{
    const QString comment = m_comment->text().trimmed();
    if (m_batch || (!approve && comment.isEmpty()))
        return;
    // Every selected order goes to core: the ones this user may not act on come back refused
    // with core's reason and are counted, so nothing selected is dropped without a word.
    std::vector<OrderId> ids;
    for (const Order& o : selectedOrders())
        ids.push_back(o.id());
    if (ids.empty())
        return;
    std::sort(ids.begin(), ids.end(), [](OrderId a, OrderId b) { return a.value < b.value; });
    DeskSession& d = desk();
    OrderBatch::Action act;
    if (approve)
        act = [&d, comment](OrderId id) { return d.approve(id, comment); };
    else
        act = [&d, comment](OrderId id) { return d.reject(id, comment); };
    const QString label = approve ? tr("Approving %1 orders…").arg(ids.size())
                                  : tr("Rejecting %1 orders…").arg(ids.size());
    auto* batch = new OrderBatch(
        approve ? tr("Approved") : tr("Rejected"), label, std::move(ids), std::move(act), this);
    batch->setChunkSize(m_chunkSize);
    m_batch = batch;
    connect(&d, &DeskSession::userChanged, batch, [batch] {
        batch->stop(tr("the logged-in user changed"));
    });
    connect(batch, &OrderBatch::finished, this, [this, batch] { batchDone(batch); });
    m_batchLine->setText(label);
    selectionChanged();
    batch->start();
}

void ApprovalsPage::batchDone(OrderBatch* batch)
{
    m_lastBatch = batch->result();
    batch->deleteLater();
    m_batch = nullptr;
    // A first approval of a two-approval order leaves it in the queue for another approver.
    const int waiting = m_lastBatch.endedIn(OrderState::PendingApproval);
    m_batchLine->setText(m_lastBatch.summary(
        waiting > 0 ? tr("%1 still waiting for a second approver").arg(waiting) : QString()));
    if (m_lastBatch.done > 0)
        m_comment->clear();
    reload();
    selectionChanged();
    showBatchReport(this, tr("Approval batch"), m_lastBatch);
    emit batchFinished();
}

} // namespace ch::ui
