// The Orders page's actions on selections: Select drafts (by origin), and Submit, Release and
// Cancel run as one OrderBatch over every selected order the action applies to.

#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/models/orders_table_model.h"
#include "ui/pages/orders_page.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>

#include <algorithm>

namespace ch::ui {

using namespace trading;

namespace {

//! "proposal HP-0001 line 12" -> "proposal HP-0001": the drafts of one proposal form one group.
QString originGroup(const std::string& origin)
{
    static const QRegularExpression lineSuffix(QStringLiteral(" lines? [0-9,]+$"));
    return QString::fromStdString(origin).remove(lineSuffix);
}

} // namespace

std::vector<std::pair<QString, int>> OrdersPage::draftOrigins() const
{
    std::vector<std::pair<QString, int>> out;
    const auto& user = desk().user();
    if (!user)
        return out;
    const storage::TradingRepository repo = desk().repository();
    for (const Order& o : m_model->orders()) {
        if (o.state() != OrderState::Draft || o.maker() != user->id)
            continue;
        const QString group = originGroup(repo.origin(o.id()));
        const auto it = std::find_if(
            out.begin(), out.end(), [&](const auto& entry) { return entry.first == group; });
        if (it == out.end())
            out.emplace_back(group, 1);
        else
            ++it->second;
    }
    return out;
}

int OrdersPage::selectDrafts(const QString& group)
{
    const auto& user = desk().user();
    if (!user)
        return 0;
    m_stateFilter->setCurrentIndex(
        m_stateFilter->findData(QString::fromLatin1(orderStateCode(OrderState::Draft))));
    const storage::TradingRepository repo = desk().repository();
    std::vector<OrderId> ids;
    for (const Order& o : m_model->orders())
        if (o.state() == OrderState::Draft && o.maker() == user->id
            && (group.isEmpty() || originGroup(repo.origin(o.id())) == group))
            ids.push_back(o.id());
    return selectOrders(ids);
}

void OrdersPage::fillSelectMenu()
{
    m_selectMenu->clear();
    guard(this, tr("List your drafts"), [this] {
        const auto groups = draftOrigins();
        int all = 0;
        for (const auto& g : groups)
            all += g.second;
        QAction* every = m_selectMenu->addAction(tr("All my drafts (%1)").arg(all));
        every->setEnabled(all > 0);
        connect(every, &QAction::triggered, this, [this] {
            guard(this, tr("Select your drafts"), [this] { selectDrafts(); });
        });
        if (!groups.empty())
            m_selectMenu->addSeparator();
        for (const auto& [group, count] : groups) {
            QAction* one = m_selectMenu->addAction(tr("From %1 (%2)").arg(group).arg(count));
            connect(one, &QAction::triggered, this, [this, g = group] {
                guard(this, tr("Select your drafts"), [this, &g] { selectDrafts(g); });
            });
        }
    });
}

bool OrdersPage::allows(Action action, const Order& o) const
{
    const auto& user = desk().user();
    if (!user)
        return false;
    switch (action) {
    case Action::Submit:
        return user->can(Permission::CreateOrder) && o.state() == OrderState::Draft
               && o.maker() == user->id;
    case Action::Release:
        return user->can(Permission::ReleaseOrder) && o.state() == OrderState::Approved
               && desk().brokerRunning();
    case Action::Cancel:
        return user->can(Permission::CancelOrder) && !isTerminal(o.state())
               && (user->role == Role::Admin || o.maker() == user->id);
    }
    return false;
}

void OrdersPage::submitSelected()
{
    runBatch(Action::Submit, {});
}

void OrdersPage::releaseSelected()
{
    runBatch(Action::Release, {});
}

void OrdersPage::cancelSelected()
{
    std::vector<Order> cancellable;
    for (const Order& o : selectedOrders())
        if (allows(Action::Cancel, o))
            cancellable.push_back(o);
    if (cancellable.empty() || m_batch)
        return;
    bool ok = false;
    const QString title = cancellable.size() == 1
                              ? tr("Cancel order %1").arg(cancellable.front().id().value)
                              : tr("Cancel %1 orders").arg(cancellable.size());
    const QString reason = QInputDialog::getText(
        this, title, tr("Reason (kept with every order):"), QLineEdit::Normal, QString(), &ok);
    if (ok)
        cancelSelected(reason);
}

void OrdersPage::cancelSelected(const QString& reason)
{
    runBatch(Action::Cancel, reason);
}

void OrdersPage::runBatch(Action action, const QString& reason)
{
    if (m_batch)
        return;
    std::vector<OrderId> ids;
    int skipped = 0;
    for (const Order& o : selectedOrders()) {
        if (allows(action, o))
            ids.push_back(o.id());
        else
            ++skipped;
    }
    if (ids.empty())
        return;
    // Oldest first: the order the trader drafted them in (a proposal's line order).
    std::sort(ids.begin(), ids.end(), [](OrderId a, OrderId b) { return a.value < b.value; });
    DeskSession& d = desk();
    OrderBatch::Action act;
    QString verb;
    QString label;
    QString why;
    switch (action) {
    case Action::Submit:
        act = [&d](OrderId id) { return d.submit(id); };
        verb = tr("Submitted");
        label = tr("Submitting %1 orders for approval…").arg(ids.size());
        why = tr("not drafts you made");
        break;
    case Action::Release:
        act = [&d](OrderId id) { return d.release(id); };
        verb = tr("Released");
        label = tr("Releasing %1 orders to the paper broker…").arg(ids.size());
        why = tr("not approved");
        break;
    case Action::Cancel:
        act = [&d, reason](OrderId id) { return d.cancel(id, reason); };
        verb = tr("Cancelled");
        label = tr("Cancelling %1 orders…").arg(ids.size());
        why = tr("not live orders you may cancel");
        break;
    }
    auto* batch = new OrderBatch(verb, label, std::move(ids), std::move(act), this);
    batch->setChunkSize(m_chunkSize);
    batch->setSkipped(skipped, why);
    m_batch = batch;
    connect(&d, &DeskSession::userChanged, batch, [batch] {
        batch->stop(tr("the logged-in user changed"));
    });
    connect(
        batch, &OrderBatch::finished, this, [this, batch, action] { batchDone(batch, action); });
    m_batchLine->setText(label);
    updateActions();
    batch->start();
}

void OrdersPage::batchDone(OrderBatch* batch, Action action)
{
    m_lastBatch = batch->result();
    batch->deleteLater();
    m_batch = nullptr;
    QString note;
    if (action == Action::Cancel) {
        // At the broker DeskSession asks for the cancel; the broker's report cancels the order.
        const int atBroker = m_lastBatch.endedIn(OrderState::Sent)
                             + m_lastBatch.endedIn(OrderState::PartiallyFilled);
        if (atBroker > 0)
            note = tr("%1 at the broker: cancel requested, the broker's report cancels them")
                       .arg(atBroker);
    }
    m_batchLine->setText(m_lastBatch.summary(note));
    reload();
    updateActions();
    showBatchReport(this, tr("Order batch"), m_lastBatch);
    emit batchFinished();
}

} // namespace ch::ui
