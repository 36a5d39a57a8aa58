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
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
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
    m_reason = new QLabel(content);
    m_reason->setObjectName(QStringLiteral("approvalRefusal"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_detail = new OrderDetail(desk, content);

    auto* actions = new QHBoxLayout;
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
    setContent(content);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &ApprovalsPage::selectionChanged);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::rejectSelected);
    connect(m_comment, &QLineEdit::textChanged, this, &ApprovalsPage::selectionChanged);
}

void ApprovalsPage::refresh()
{
    const auto keep = selectedOrder();
    m_logins = desk().logins();
    std::vector<Order> pending;
    for (auto& o : desk().repository().orders())
        if (o.state() == OrderState::PendingApproval)
            pending.push_back(std::move(o));
    m_model->setOrders(std::move(pending), m_logins);
    m_view->resizeColumnsToContents();
    if (!(keep && selectOrder(keep->id())) && m_model->rowCount() > 0)
        m_view->selectRow(0);
    selectionChanged();
}

bool ApprovalsPage::selectOrder(OrderId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

std::optional<Order> ApprovalsPage::selectedOrder() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const Order* o = m_model->orderAt(rows.front().row());
    return o ? std::optional<Order>(*o) : std::nullopt;
}

QString ApprovalsPage::refusalReason() const
{
    const auto o = selectedOrder();
    const auto& user = desk().user();
    if (!o)
        return m_model->rowCount() == 0 ? tr("Nothing is waiting for approval.") : QString();
    if (!user)
        return tr("Log in as an approver to act on the queue.");
    const QString who = QString::fromStdString(describeUser(*user));
    if (!user->can(Permission::ApproveOrder))
        return tr("%1 may not approve or reject orders: only approvers may.").arg(who);
    if (o->maker() == user->id)
        return tr("%1 made order %2 and cannot approve it (maker-checker).")
            .arg(who)
            .arg(o->id().value);
    for (const auto& a : o->approvals())
        if (a.approver == user->id)
            return tr("%1 has already approved order %2; the second approval must come from "
                      "another approver.")
                .arg(who)
                .arg(o->id().value);
    return {};
}

void ApprovalsPage::selectionChanged()
{
    guard(this, tr("Show the order"), [this] { m_detail->showOrder(selectedOrder(), m_logins); });
    const QString why = refusalReason();
    const bool may = why.isEmpty() && selectedOrder().has_value();
    m_approve->setEnabled(may);
    m_reject->setEnabled(may && !m_comment->text().trimmed().isEmpty());
    m_reject->setToolTip(may ? tr("Give the reason in the comment") : why);
    m_approve->setToolTip(why);
    m_reason->setText(why);
}

void ApprovalsPage::approveSelected()
{
    const auto o = selectedOrder();
    if (!o)
        return;
    guard(this, tr("Approve order %1").arg(o->id().value), [&] {
        desk().approve(o->id(), m_comment->text().trimmed());
        m_comment->clear();
    });
}

void ApprovalsPage::rejectSelected()
{
    const auto o = selectedOrder();
    if (!o)
        return;
    guard(this, tr("Reject order %1").arg(o->id().value), [&] {
        desk().reject(o->id(), m_comment->text().trimmed());
        m_comment->clear();
    });
}

} // namespace ch::ui
