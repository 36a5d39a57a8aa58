#include "ui/pages/pnl_page.h"

#include "storage/trading_settlement.h"
#include "ui/desk_session.h"
#include "ui/models/pnl_table_model.h"
#include "ui/pages/pnl_chart.h"
#include "ui/pages/pnl_series.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

PnlPage::PnlPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("pnlPage"));
    auto* content = new QWidget(this);
    m_banner = new ReferenceBanner(content);
    m_chart = new PnlChart(content);
    m_model = new PnlTableModel(this);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("pnlPoints"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_note = new QLabel(content);
    m_note->setWordWrap(true);
    auto* split = new QSplitter(Qt::Horizontal, content);
    split->addWidget(m_chart);
    split->addWidget(m_view);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addWidget(m_note);
    setContent(content);
}

void PnlPage::refresh()
{
    const storage::TradingRepository repo = desk().repository();
    const auto points =
        trading::buildPnlSeries(repo.fills(),
                                repo.marks(),
                                storage::settlementEvents(desk().workspaceSession().workspace()));
    const PnlChartData chart = pnlChart(points);
    m_chart->setChart(chart);
    m_model->setPoints(points);
    m_view->resizeColumnsToContents();
    m_note->setText(
        tr("One point per mark date: fills dated on or before it are booked, every open position "
           "is valued at its latest mark, total = realised + unrealised − fees.%1")
            .arg(chart.unmarkedPoints > 0
                     ? tr(" %n date(s) left an open position without a mark; their unrealised "
                          "P&L is understated.",
                          nullptr,
                          chart.unmarkedPoints)
                     : QString()));
}

} // namespace ch::ui
