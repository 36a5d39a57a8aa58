#include "ui/pages/orders_page.h"

#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/models/orders_table_model.h"
#include "ui/pages/orders_detail.h"
#include "ui/pages/orders_ticket_dialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ch::ui {

using namespace trading;

OrdersPage::OrdersPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("ordersPage"));
    auto* content = new QWidget(this);
    m_model = new OrdersTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(OrdersTableModel::State);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("blotter"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OrdersTableModel::Id, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_stateFilter = new QComboBox(content);
    m_stateFilter->addItem(tr("All states"), QString());
    for (int s = 0; s < kOrderStateCount; ++s) {
        const auto state = static_cast<OrderState>(s);
        m_stateFilter->addItem(OrdersTableModel::stateLabel(state),
                               QString::fromLatin1(orderStateCode(state)));
    }
    m_new = new QPushButton(tr("New order…"), content);
    m_submit = new QPushButton(tr("Submit for approval"), content);
    m_release = new QPushButton(tr("Release to broker"), content);
    m_cancel = new QPushButton(tr("Cancel order…"), content);
    m_new->setObjectName(QStringLiteral("newOrder"));
    m_submit->setObjectName(QStringLiteral("submitOrder"));
    m_release->setObjectName(QStringLiteral("releaseOrder"));
    m_cancel->setObjectName(QStringLiteral("cancelOrder"));
    m_status = new QLabel(content);
    m_status->setWordWrap(true);
    m_detail = new OrderDetail(desk, content);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show"), content));
    bar->addWidget(m_stateFilter);
    bar->addStretch(1);
    for (QPushButton* b : {m_new, m_submit, m_release, m_cancel})
        bar->addWidget(b);
    auto* split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    setContent(content);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_stateFilter->currentData().toString();
        m_proxy->setFilterRegularExpression(code.isEmpty() ? QString()
                                                           : QStringLiteral("^%1$").arg(code));
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &OrdersPage::selectionChanged);
    connect(m_new, &QPushButton::clicked, this, &OrdersPage::newOrder);
    connect(m_submit, &QPushButton::clicked, this, &OrdersPage::submitSelected);
    connect(m_release, &QPushButton::clicked, this, &OrdersPage::releaseSelected);
    connect(m_cancel, &QPushButton::clicked, this, &OrdersPage::cancelSelected);
    connect(&desk, &DeskSession::brokerMessage, m_status, &QLabel::setText);
}

void OrdersPage::refresh()
{
    const auto keep = selectedOrder();
    m_logins = desk().logins();
    m_model->setOrders(desk().repository().orders(), m_logins);
    m_view->resizeColumnsToContents();
    if (!(keep && selectOrder(keep->id())) && m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    selectionChanged();
    const auto market = desk().market();
    m_status->setText(
        market ? tr("Paper broker %1; %2 orders. Reference prices as of %3 (a reference dataset, "
                    "not live quotes).")
                     .arg(desk().brokerRunning() ? tr("running") : tr("stopped"))
                     .arg(m_model->rowCount())
                     .arg(QString::fromStdString(formatIsoDate(market->valuationDate())))
               : tr("Market data is loading; orders can be entered once it is loaded."));
}

bool OrdersPage::selectOrder(OrderId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectRow(index.row());
    return true;
}

std::optional<Order> OrdersPage::selectedOrder() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const Order* o = m_model->orderAt(m_proxy->mapToSource(rows.front()).row());
    return o ? std::optional<Order>(*o) : std::nullopt;
}

void OrdersPage::selectionChanged()
{
    guard(this, tr("Show the order"), [this] { m_detail->showOrder(selectedOrder(), m_logins); });
    updateActions();
}

void OrdersPage::updateActions()
{
    const auto o = selectedOrder();
    const auto& user = desk().user();
    auto allow = [](QPushButton* b, bool ok, const QString& why) {
        b->setEnabled(ok);
        b->setToolTip(ok ? QString() : why);
    };
    const bool maker = user && user->can(Permission::CreateOrder);
    allow(m_new, maker && desk().market(), tr("Only traders create orders"));
    allow(m_submit,
          maker && o && o->state() == OrderState::Draft && o->maker() == user->id,
          tr("Select one of your drafts (traders only)"));
    allow(m_release,
          user && user->can(Permission::ReleaseOrder) && o && o->state() == OrderState::Approved
              && desk().brokerRunning(),
          tr("Select an approved order (traders and approvers release)"));
    const bool live = o && !isTerminal(o->state());
    const bool mayCancel = user && user->can(Permission::CancelOrder)
                           && (user->role == Role::Admin || (o && o->maker() == user->id));
    allow(m_cancel, mayCancel && live, tr("Select a live order you made (admins: any order)"));
}

void OrdersPage::newOrder()
{
    auto* dialog = new OrderTicketDialog(desk(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->created().empty())
            selectOrder(dialog->created().back().id());
    });
    dialog->open();
}

void OrdersPage::submitSelected()
{
    const auto o = selectedOrder();
    if (!o)
        return;
    guard(this, tr("Submit order %1 for approval").arg(o->id().value), [&] {
        desk().submit(o->id());
    });
}

void OrdersPage::releaseSelected()
{
    const auto o = selectedOrder();
    if (!o)
        return;
    guard(this, tr("Release order %1").arg(o->id().value), [&] { desk().release(o->id()); });
}

void OrdersPage::cancelSelected()
{
    const auto o = selectedOrder();
    if (!o)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this,
                                                 tr("Cancel order %1").arg(o->id().value),
                                                 tr("Reason (kept with the order):"),
                                                 QLineEdit::Normal,
                                                 QString(),
                                                 &ok);
    if (!ok)
        return;
    guard(this, tr("Cancel order %1").arg(o->id().value), [&] { desk().cancel(o->id(), reason); });
}

} // namespace ch::ui
