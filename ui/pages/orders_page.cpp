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
#include <QMenu>
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
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
    m_selectDrafts = new QPushButton(tr("Select drafts"), content);
    m_selectDrafts->setObjectName(QStringLiteral("selectDrafts"));
    m_selectDrafts->setToolTip(tr("Select your drafts, all of them or those of one hedge "
                                  "proposal, to submit them in one go"));
    m_selectMenu = new QMenu(m_selectDrafts);
    m_selectDrafts->setMenu(m_selectMenu);
    m_status = new QLabel(content);
    m_status->setWordWrap(true);
    m_batchLine = new QLabel(content);
    m_batchLine->setObjectName(QStringLiteral("batchSummary"));
    m_batchLine->setWordWrap(true);
    m_batchLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new OrderDetail(desk, content);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show"), content));
    bar->addWidget(m_stateFilter);
    bar->addWidget(m_selectDrafts);
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
    layout->addWidget(m_batchLine);
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
    connect(m_cancel, &QPushButton::clicked, this, qOverload<>(&OrdersPage::cancelSelected));
    connect(m_selectMenu, &QMenu::aboutToShow, this, &OrdersPage::fillSelectMenu);
    connect(&desk, &DeskSession::brokerMessage, m_status, &QLabel::setText);
}

void OrdersPage::refresh()
{
    // During a batch every order's transaction signals a book change; the blotter is re-read
    // once, when the batch finishes.
    if (m_batch)
        return;
    std::vector<OrderId> keep;
    for (const auto& o : selectedOrders())
        keep.push_back(o.id());
    m_logins = desk().logins();
    m_model->setOrders(desk().repository().orders(), m_logins);
    m_view->resizeColumnsToContents();
    if (selectOrders(keep) == 0 && m_proxy->rowCount() > 0)
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
    return selectOrders({id}) == 1;
}

int OrdersPage::selectOrders(const std::vector<OrderId>& ids)
{
    // One selection change for the lot: a signal per row would re-read the detail pane each time.
    QItemSelection selection;
    QModelIndex first;
    for (const OrderId id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid() || index.row() < first.row())
            first = index;
    }
    auto* model = m_view->selectionModel();
    if (selection.isEmpty()) {
        model->clearSelection();
        return 0;
    }
    model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(first);
    return static_cast<int>(model->selectedRows().size());
}

std::optional<Order> OrdersPage::selectedOrder() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const Order* o = m_model->orderAt(m_proxy->mapToSource(rows.front()).row());
    return o ? std::optional<Order>(*o) : std::nullopt;
}

std::vector<Order> OrdersPage::selectedOrders() const
{
    auto rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) {
        return a.row() < b.row();
    });
    std::vector<Order> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (const QModelIndex& index : rows)
        if (const Order* o = m_model->orderAt(m_proxy->mapToSource(index).row()))
            out.push_back(*o);
    return out;
}

void OrdersPage::selectionChanged()
{
    guard(this, tr("Show the order"), [this] { m_detail->showOrder(selectedOrder(), m_logins); });
    updateActions();
}

void OrdersPage::updateActions()
{
    const auto selected = selectedOrders();
    const auto& user = desk().user();
    const int n = static_cast<int>(selected.size());
    auto count = [&](Action action) {
        return static_cast<int>(std::count_if(
            selected.begin(), selected.end(), [&](const Order& o) { return allows(action, o); }));
    };
    // Label with the count once several orders are selected; the tooltip says why the button is
    // off, or which selected orders it leaves out.
    auto allow =
        [&](QPushButton* b, int may, const QString& one, const QString& many, const QString& why) {
            const bool ok = may > 0 && !m_batch;
            b->setEnabled(ok);
            b->setText(n > 1 && may > 0 ? many.arg(may) : one);
            if (m_batch)
                b->setToolTip(tr("A batch is running"));
            else if (!ok)
                b->setToolTip(why);
            else if (may < n)
                b->setToolTip(
                    tr("Acts on %1 of the %2 selected orders; the others are left out (%3)")
                        .arg(may)
                        .arg(n)
                        .arg(why));
            else
                b->setToolTip(QString());
        };
    const bool maker = user && user->can(Permission::CreateOrder);
    m_new->setEnabled(maker && desk().market() && !m_batch);
    m_new->setToolTip(maker ? QString() : tr("Only traders create orders"));
    m_selectDrafts->setEnabled(maker && !m_batch);
    allow(m_submit,
          count(Action::Submit),
          tr("Submit for approval"),
          tr("Submit %1 for approval"),
          tr("select your drafts; traders only"));
    allow(m_release,
          count(Action::Release),
          tr("Release to broker"),
          tr("Release %1 to broker"),
          desk().brokerRunning() ? tr("select approved orders; traders and approvers release")
                                 : tr("the paper broker is not running"));
    allow(m_cancel,
          count(Action::Cancel),
          tr("Cancel order…"),
          tr("Cancel %1 orders…"),
          tr("select live orders you made; admins: any order"));
}

QString OrdersPage::batchSummary() const
{
    return m_batchLine->text();
}

void OrdersPage::newOrder()
{
    auto* dialog = new OrderTicketDialog(desk(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // Drafts from a proposal come selected, ready for one "Submit N for approval".
        std::vector<OrderId> ids;
        for (const Order& o : dialog->created())
            ids.push_back(o.id());
        if (!ids.empty())
            selectOrders(ids);
    });
    dialog->open();
}

} // namespace ch::ui
