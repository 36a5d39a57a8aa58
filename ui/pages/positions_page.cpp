#include "ui/pages/positions_page.h"

#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/positions_table_model.h"
#include "ui/widgets/reference_banner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

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

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Positions are the running sum of the booked fills "
                                 "(average-cost method). Marks: the newest stored mark, else the "
                                 "reference forward price."),
                              content),
                   1);
    bar->addWidget(m_mark);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_totals);
    setContent(content);
    connect(m_mark, &QPushButton::clicked, this, &PositionsPage::markBook);
}

void PositionsPage::refresh()
{
    const auto market = desk().market();
    if (!market) {
        m_model->setRows({});
        m_totals->setText(tr("Market data is loading."));
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
}

QString PositionsPage::totalsText() const
{
    return m_totals->text();
}

void PositionsPage::markBook()
{
    guard(this, tr("Mark the book"), [this] { desk().markBook(); });
}

} // namespace ch::ui
