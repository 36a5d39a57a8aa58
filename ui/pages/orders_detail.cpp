#include "ui/pages/orders_detail.h"

#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/models/order_events_model.h"
#include "ui/models/orders_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

OrderDetail::OrderDetail(DeskSession& desk, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_summary(new QLabel(this))
    , m_findings(new QListWidget(this))
    , m_eventsModel(new OrderEventsModel(this))
    , m_events(new QTableView(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setObjectName(QStringLiteral("orderFindings"));
    m_findings->setWordWrap(true);
    m_events->setObjectName(QStringLiteral("orderEvents"));
    m_events->setModel(m_eventsModel);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setSelectionMode(QAbstractItemView::NoSelection);
    m_events->setWordWrap(false);

    auto* findingsBox = new QWidget(this);
    auto* fl = new QVBoxLayout(findingsBox);
    fl->setContentsMargins(0, 0, 0, 0);
    fl->addWidget(new QLabel(tr("Pre-trade findings at submission"), findingsBox));
    fl->addWidget(m_findings);
    auto* eventsBox = new QWidget(this);
    auto* el = new QVBoxLayout(eventsBox);
    el->setContentsMargins(0, 0, 0, 0);
    el->addWidget(new QLabel(tr("Transition log"), eventsBox));
    el->addWidget(m_events);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(findingsBox);
    split->addWidget(eventsBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

void OrderDetail::showOrder(const std::optional<trading::Order>& order,
                            const std::map<std::int64_t, QString>& logins)
{
    m_findings->clear();
    if (!order) {
        m_summary->setText(tr("Select an order to see its checks and history."));
        m_eventsModel->setEvents({}, logins);
        return;
    }
    const storage::TradingRepository repo = m_desk.repository();
    const QString origin = QString::fromStdString(repo.origin(order->id()));
    m_summary->setText(tr("<b>%1</b> — %2, notional %3, made by %4 (%5). %6")
                           .arg(QString::fromStdString(order->describe()).toHtmlEscaped(),
                                OrdersTableModel::stateLabel(order->state()),
                                format::money(order->notional()),
                                logins.count(order->maker().value)
                                    ? logins.at(order->maker().value)
                                    : QString::number(order->maker().value),
                                origin.toHtmlEscaped(),
                                QString::fromStdString(order->request().comment).toHtmlEscaped()));
    for (const auto& f : repo.findings(order->id())) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 · %2: %3")
                .arg(f.severity == Severity::Error ? tr("error") : tr("warning"),
                     QString::fromLatin1(trading::preTradeCheckCode(f.check)),
                     QString::fromStdString(f.message)),
            m_findings);
        item->setBackground(f.severity == Severity::Error ? QColor(248, 200, 200)
                                                          : QColor(255, 236, 179));
        item->setForeground(QColor(Qt::black));
    }
    if (m_findings->count() == 0)
        new QListWidgetItem(order->state() == trading::OrderState::Draft
                                ? tr("Not submitted yet: the checks run on submission.")
                                : tr("No findings: every check passed."),
                            m_findings);
    m_eventsModel->setEvents(repo.events(order->id()), logins);
    m_events->resizeColumnsToContents();
}

} // namespace ch::ui
