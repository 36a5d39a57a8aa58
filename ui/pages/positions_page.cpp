#include "ui/pages/positions_page.h"

#include "storage/trading_settlement.h"
#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/positions_table_model.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace ch::ui {

PositionsPage::PositionsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("positionsPage"));
    auto* content = new QWidget(this);
    m_banner = new ReferenceBanner(content);
    m_model = new PositionsTableModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("positions"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_totals = new QLabel(content);
    m_totals->setObjectName(QStringLiteral("positionTotals"));
    m_totals->setWordWrap(true);
    m_mark = new QPushButton(tr("Mark to reference curve"), content);
    m_mark->setObjectName(QStringLiteral("markBook"));
    m_mark->setToolTip(tr("Store today's marks for every open position at the reference forward "
                          "curve"));

    m_settle = new QPushButton(tr("Settle expired"), content);
    m_settle->setObjectName(QStringLiteral("settleExpired"));
    m_settleLine = new QLabel(content);
    m_settleLine->setObjectName(QStringLiteral("settleSummary"));
    m_settleLine->setWordWrap(true);
    m_settleLine->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Positions are the running sum of the booked fills "
                                 "(average-cost method). Marks: the newest stored mark, else the "
                                 "reference forward price."),
                              content),
                   1);
    bar->addWidget(m_mark);
    bar->addWidget(m_settle);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_settleLine);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_totals);
    setContent(content);
    connect(m_mark, &QPushButton::clicked, this, &PositionsPage::markBook);
    connect(m_settle, &QPushButton::clicked, this, [this] { settleExpired(); });
}

void PositionsPage::refresh()
{
    const auto market = desk().market();
    if (!market) {
        m_model->setRows({});
        m_totals->setText(tr("Market data is loading."));
        m_settle->setEnabled(false);
        m_settle->setToolTip(tr("Market data is loading"));
        return;
    }
    m_banner->setDatasetDetails(tr("Marks as of %1").arg(format::date(market->valuationDate())));
    const storage::TradingRepository repo = desk().repository();
    const Date today{std::chrono::floor<std::chrono::days>(deskNow())};
    auto rows = positionRows(repo.positions(), repo.marks(), *market, today);
    const PositionTotals t = positionTotals(rows);
    m_model->setRows(std::move(rows));
    m_view->resizeColumnsToContents();
    m_totals->setText(
        tr("Book: unrealised %1, realised %2, fees %3, net %4%5")
            .arg(format::money(t.unrealised),
                 format::money(t.realised),
                 format::money(t.fees),
                 format::money(t.net),
                 t.unmarked > 0 ? tr(
                     " (%n open position(s) without a mark are not valued)", nullptr, t.unmarked)
                                : QString()));
    const auto& user = desk().user();
    m_mark->setEnabled(user.has_value());
    // Disabled with the reason, like the other desk buttons; core refuses the same.
    const auto expired = std::count_if(m_model->rows().begin(),
                                       m_model->rows().end(),
                                       [](const PositionRow& r) { return r.expired; });
    QString why;
    if (!user)
        why = tr("Log in to settle expired positions");
    else if (!user->can(trading::Permission::ReleaseOrder))
        why = tr("Only traders and approvers settle positions (release_order); %1 may not")
                  .arg(QString::fromStdString(trading::describeUser(*user)));
    else if (expired == 0)
        why = tr("No open position is past its last trading day");
    m_settle->setEnabled(why.isEmpty());
    m_settle->setToolTip(why.isEmpty() ? tr("Cash-settle %n expired position(s) at the "
                                            "business-day average of the underlying index",
                                            nullptr,
                                            static_cast<int>(expired))
                                       : why);
}

QString PositionsPage::totalsText() const
{
    return m_totals->text();
}

QString PositionsPage::settleSummary() const
{
    return m_settleLine->text();
}

QString PositionsPage::settleExpired()
{
    QString summary;
    guard(this, tr("Settle expired positions"), [this, &summary] {
        const trading::User& actor = desk().requireUser("settle expired positions");
        const auto market = desk().market();
        require(market != nullptr, "the market data is still loading");
        const Date today{std::chrono::floor<std::chrono::days>(deskNow())};
        const storage::SettlementRun run = storage::settleExpiredPositions(
            desk().workspaceSession().workspace(), market->data(), today, actor, deskNow());
        QStringList settled;
        for (const auto& s : run.settled)
            settled << tr("%1 %2 %3 contracts at %4, realised %5")
                           .arg(QString::fromStdString(s.symbol),
                                format::month(s.deliveryMonth),
                                format::integer(s.settledQty),
                                format::unitPriceMicros(s.finalPriceMicros,
                                                        market->spec(s.symbol).unit),
                                format::money(s.realised));
        summary = run.settled.empty()
                      ? tr("Nothing settled")
                      : (settled.size() == 1 ? tr("Settled 1 position: ")
                                             : tr("Settled %1 positions: ").arg(settled.size()))
                            + settled.join(QStringLiteral("; "));
        for (const auto& line : run.notSettled)
            summary += QStringLiteral(". ") + QString::fromStdString(line);
        m_settleLine->setText(summary);
        if (!run.settled.empty())
            emit desk().bookChanged(); // every desk page re-reads the book
    });
    return summary;
}

void PositionsPage::markBook()
{
    guard(this, tr("Mark the book"), [this] { desk().markBook(); });
}

} // namespace ch::ui
