#include "ui/pages/market_page.h"

#include "ui/charts/forward_series.h"
#include "ui/charts/history_series.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/contract_table_model.h"
#include "ui/models/index_table_model.h"
#include "ui/widgets/correlation_panel.h"
#include "ui/widgets/date_value_chart.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTransposeProxyModel>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

const QString kTokensView = QStringLiteral("tokens");
const QString kCorrelationsView = QStringLiteral("correlations");
const QString kContractsView = QStringLiteral("contracts");

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

MarketPage::MarketPage(WorkspaceSession& session, QWidget* parent)
    : Page(session, parent)
    , m_banner(new ReferenceBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyMessage(new QLabel(this))
    , m_indexModel(new IndexTableModel(this))
    , m_indexProxy(new QSortFilterProxyModel(this))
    , m_contractModel(new ContractTableModel(this))
{
    setObjectName(QStringLiteral("marketPage"));
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    m_emptyMessage->setWordWrap(true);
    m_stack->addWidget(buildContent());
    m_stack->addWidget(m_emptyMessage);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(&session, &WorkspaceSession::marketDataChanged, this, &MarketPage::refresh);
    connect(&session, &WorkspaceSession::workspaceOpened, this, &MarketPage::refresh);
    refresh();
}

QWidget* MarketPage::buildContent()
{
    m_indexProxy->setSourceModel(m_indexModel);
    m_indexProxy->setSortRole(Qt::UserRole);
    m_indexView = makeTable(m_indexProxy, this);
    m_indexView->setObjectName(QStringLiteral("indexView"));
    m_indexView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // dataset order
    m_indexView->setSortingEnabled(true);
    m_indexView->horizontalHeader()->setStretchLastSection(false);
    m_indexView->horizontalHeader()->setSectionResizeMode(IndexTableModel::Name,
                                                          QHeaderView::Stretch);
    connect(m_indexView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex& current) {
                const QModelIndex source = m_indexProxy->mapToSource(current);
                if (source.isValid())
                    showIndex(
                        m_indexModel->rows()[static_cast<std::size_t>(source.row())].index.id);
            });

    m_indexDescription = new QLabel(this);
    m_indexDescription->setWordWrap(true);
    m_historyChart = new DateValueChart(this);
    m_historyChart->setObjectName(QStringLiteral("historyChart"));
    m_forwardChart = new DateValueChart(this);
    m_forwardChart->setObjectName(QStringLiteral("forwardChart"));
    auto* charts = new QWidget(this);
    auto* chartRow = new QHBoxLayout;
    chartRow->addWidget(m_historyChart, 3);
    chartRow->addWidget(m_forwardChart, 2);
    auto* chartsLayout = new QVBoxLayout(charts);
    chartsLayout->addWidget(m_indexDescription);
    chartsLayout->addLayout(chartRow, 1);

    m_correlationPanel = new CorrelationPanel(this);
    // A spec sheet: one column per contract, one row per term; long rules wrap in their cells.
    auto* contractSheet = new QTransposeProxyModel(this);
    contractSheet->setSourceModel(m_contractModel);
    m_contractView = makeTable(contractSheet, this);
    m_contractView->setObjectName(QStringLiteral("contractView"));
    m_contractView->setWordWrap(true);
    m_contractView->setSelectionMode(QAbstractItemView::NoSelection);
    m_contractView->setAlternatingRowColors(false);
    m_contractView->verticalHeader()->show();
    m_contractView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_contractView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* contracts = new QWidget(this);
    auto* contractsLayout = new QVBoxLayout(contracts);
    auto* contractsNote =
        new QLabel(tr("Every contract is simulated (exchange code SIM). GPU contracts follow the "
                      "design of the filed NYMEX GPU1/GPU2 compute futures; token contracts have "
                      "no public template. Margins and fees are assumptions."),
                   this);
    contractsNote->setWordWrap(true);
    contractsLayout->addWidget(contractsNote);
    contractsLayout->addWidget(m_contractView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("marketTabs"));
    m_tabs->addTab(charts, tr("History && forward curve"));
    m_tabs->addTab(m_correlationPanel, tr("Correlations && volatility"));
    m_tabs->addTab(contracts, tr("Contract specifications"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_indexView);
    splitter->addWidget(m_tabs);
    // Room for about a dozen index rows above the charts at the default window size.
    splitter->setSizes({330, 520});
    splitter->setChildrenCollapsible(false);
    return splitter;
}

QStringList MarketPage::views() const
{
    return {kTokensView, kCorrelationsView, kContractsView};
}

void MarketPage::showView(const QString& view)
{
    if (view == kTokensView) {
        // The first token index: its list prices chart as steps, in USD per 1M tokens.
        for (const IndexRow& row : m_indexModel->rows()) {
            if (row.index.unit == Unit::MTok) {
                selectIndex(toQString(row.index.id));
                break;
            }
        }
        m_tabs->setCurrentIndex(0);
    } else if (view == kCorrelationsView)
        m_tabs->setCurrentWidget(m_correlationPanel);
    else if (view == kContractsView)
        m_tabs->setCurrentIndex(2);
}

bool MarketPage::selectIndex(const QString& id)
{
    const int row = m_indexModel->rowOf(id.toStdString());
    if (row < 0)
        return false;
    const QModelIndex proxyIndex = m_indexProxy->mapFromSource(m_indexModel->index(row, 0));
    m_indexView->selectionModel()->setCurrentIndex(
        proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_indexView->scrollTo(proxyIndex);
    showIndex(id.toStdString()); // also when it was already current
    return true;
}

QString MarketPage::selectedIndexId() const
{
    const QModelIndex source = m_indexProxy->mapToSource(m_indexView->currentIndex());
    return source.isValid()
               ? toQString(m_indexModel->rows()[static_cast<std::size_t>(source.row())].index.id)
               : QString();
}

void MarketPage::refresh()
{
    const WorkspaceSession& s = session();
    if (!s.hasMarketData()) {
        m_indexModel->setRows({}, 0);
        m_contractModel->setContracts({});
        m_correlationPanel->clear();
        m_banner->setDatasetDetails(QString());
        if (!s.isOpen())
            m_emptyMessage->setText(tr("No workspace is open. Use File → Open… to open one, or "
                                       "File → Open demo workspace to explore the reference "
                                       "dataset."));
        else if (s.isLoading())
            m_emptyMessage->setText(tr("Loading market data…"));
        else
            m_emptyMessage->setText(tr("This workspace holds no reference market data. Use File → "
                                       "Open demo workspace to explore the reference dataset."));
        m_stack->setCurrentWidget(m_emptyMessage);
        return;
    }
    const QString previous = selectedIndexId();
    const MarketDataSet& market = s.marketData();
    const pricing::MarketSnapshot& snapshot = s.snapshot();
    int curveMonths = 0;
    for (const pricing::ForwardCurve& c : snapshot.curves)
        curveMonths = std::max(curveMonths, static_cast<int>(c.points.size()));
    m_indexModel->setRows(buildIndexRows(market, snapshot), curveMonths);
    m_contractModel->setContracts(market.contracts);
    m_contractView->hideRow(ContractTableModel::Symbol); // the column headers name the symbols
    m_correlationPanel->setMarket(market, snapshot);
    m_banner->setDatasetDetails(
        tr("Dataset %1, valuation date %2.")
            .arg(toQString(market.info.version), format::date(market.info.valuationDate)));
    m_stack->setCurrentIndex(0);
    // Keep the user's index across reloads; start with the first one so no chart is empty.
    if (previous.isEmpty() || !selectIndex(previous))
        selectIndex(toQString(market.indices.front().id));
}

void MarketPage::showIndex(const std::string& id)
{
    const MarketDataSet& market = session().marketData();
    const IndexDefinition* index = market.findIndex(id);
    if (!index) {
        m_historyChart->showMessage(tr("Select an index in the table to chart it."));
        m_forwardChart->showMessage(QString());
        m_indexDescription->clear();
        return;
    }
    m_indexDescription->setText(QStringLiteral("<b>%1</b> (%2): %3")
                                    .arg(toQString(index->name).toHtmlEscaped(),
                                         toQString(index->id).toHtmlEscaped(),
                                         toQString(index->description).toHtmlEscaped()));
    const PriceSeries* series = market.findSeries(id);
    if (series && !series->empty())
        m_historyChart->setChart(buildHistoryChart(*index, *series, market.info.valuationDate));
    else
        m_historyChart->showMessage(tr("No price history for %1.").arg(toQString(id)));
    const pricing::ForwardCurve* curve = session().snapshot().findCurve(id);
    if (curve && !curve->points.empty())
        m_forwardChart->setChart(buildForwardChart(*index, *curve));
    else
        m_forwardChart->showMessage(tr("No forward curve for %1.").arg(toQString(id)));
}

} // namespace ch::ui
