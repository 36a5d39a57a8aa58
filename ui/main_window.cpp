#include "ui/main_window.h"

#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/import_prices_dialog.h"
#include "ui/page.h"
#include "ui/pages/approvals_page.h"
#include "ui/pages/audit_page.h"
#include "ui/pages/effectiveness_page.h"
#include "ui/pages/exposure_page.h"
#include "ui/pages/hedge_page.h"
#include "ui/pages/market_page.h"
#include "ui/pages/orders_page.h"
#include "ui/pages/plan_page.h"
#include "ui/pages/pnl_page.h"
#include "ui/pages/positions_page.h"
#include "ui/pages/risk_page.h"
#include "ui/plan_session.h"
#include "ui/readme_dialog.h"
#include "ui/widgets/welcome_widget.h"
#include "ui/workspace_session.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace ch::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");
} // namespace

MainWindow::MainWindow(WorkspaceSession& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_recent(m_settings)
    , m_central(new QStackedWidget(this))
    , m_welcome(new WelcomeWidget(this))
    , m_workArea(new QWidget(this))
    , m_navigation(new QListWidget(this))
    , m_pageStack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(170);
    auto* work = new QHBoxLayout(m_workArea);
    work->setContentsMargins(0, 0, 0, 0);
    work->addWidget(m_navigation);
    work->addWidget(m_pageStack, 1);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_workArea);
    setCentralWidget(m_central);
    connect(m_navigation,
            &QListWidget::currentRowChanged,
            m_pageStack,
            &QStackedWidget::setCurrentIndex);

    createMenus();
    createStatusBar();
    registerPages();

    connect(m_welcome, &WelcomeWidget::openDemoRequested, this, [this] { openDemoWorkspace(); });
    connect(m_welcome, &WelcomeWidget::openRequested, this, &MainWindow::openWorkspace);
    connect(m_welcome, &WelcomeWidget::newRequested, this, &MainWindow::newWorkspace);
    connect(m_welcome, &WelcomeWidget::recentRequested, this, [this](const QString& path) {
        openWorkspaceFile(path);
    });
    connect(&m_session, &WorkspaceSession::workspaceOpened, this, [this](const QString& path) {
        m_recent.add(path);
        m_recent.setLastWorkspace(path);
        updateForWorkspace();
    });
    connect(&m_session, &WorkspaceSession::workspaceClosed, this, &MainWindow::updateForWorkspace);
    connect(&m_session, &WorkspaceSession::marketDataChanged, this, &MainWindow::updateStatus);
    connect(&m_session, &WorkspaceSession::marketDataFailed, this, [this](const QString& message) {
        reportFailure(this, tr("Load market data"), Failure{tr("Market data"), message});
    });

    restoreGeometry(m_settings.value(kGeometryKey).toByteArray());
    restoreState(m_settings.value(kStateKey).toByteArray());
    showPage(m_settings.value(kPageKey).toString());
    updateForWorkspace();
}

MainWindow::~MainWindow() = default;

void MainWindow::registerPages()
{
    // Flow order. A new page is one line here plus its file pair in ui/pages/.
    addPage(QStringLiteral("market"), tr("Market"), new MarketPage(m_session));
    // The Plan and Exposure pages share one plan book (saved, undoable edits; exposure in core).
    auto* plan = new PlanSession(m_session, this);
    addPage(QStringLiteral("plan"), tr("Plan"), new PlanPage(m_session, *plan));
    addPage(QStringLiteral("exposure"), tr("Exposure"), new ExposurePage(m_session, *plan));
    addPage(QStringLiteral("risk"), tr("Risk"), new RiskPage(m_session));
    addPage(QStringLiteral("hedge"), tr("Hedge"), new HedgePage(m_session));
    // The trading desk pages share the logged-in user and the paper broker.
    m_desk = new DeskSession(m_session, this);
    addPage(QStringLiteral("orders"), tr("Orders"), new OrdersPage(m_session, *m_desk));
    addPage(QStringLiteral("approvals"), tr("Approvals"), new ApprovalsPage(m_session, *m_desk));
    addPage(QStringLiteral("positions"), tr("Positions"), new PositionsPage(m_session, *m_desk));
    addPage(QStringLiteral("pnl"), tr("P&L"), new PnlPage(m_session, *m_desk));
    addPage(QStringLiteral("effectiveness"),
            tr("Effectiveness"),
            new EffectivenessPage(m_session, *m_desk));
    addPage(QStringLiteral("audit"), tr("Audit"), new AuditPage(m_session, *m_desk));
}

void MainWindow::addPage(const QString& id, const QString& title, Page* page)
{
    page->setParent(m_pageStack);
    m_pages.push_back({id, page});
    m_pageStack->addWidget(page);
    auto* item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, id);
    item->setSizeHint(QSize(0, 34));
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const PageEntry& entry : m_pages)
        ids << entry.id;
    return ids;
}

Page* MainWindow::page(const QString& id) const
{
    for (const PageEntry& entry : m_pages) {
        if (entry.id == id)
            return entry.page;
    }
    return nullptr;
}

void MainWindow::showPage(const QString& id)
{
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].id == id)
            m_navigation->setCurrentRow(static_cast<int>(i));
    }
}

QString MainWindow::currentPageId() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 ? m_pages[static_cast<std::size_t>(row)].id : QString();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New workspace…"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWorkspace);
    file->addAction(tr("Open &demo workspace"), this, [this] { openDemoWorkspace(); });
    m_saveAsAction =
        file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveWorkspaceAs);
    m_recentMenu = file->addMenu(tr("&Recent workspaces"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import prices…"), this, &MainWindow::importPrices);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Reference data README"), this, [this] {
        guard(this, tr("Show the reference data README"), [this] { showReferenceReadme(this); });
    });
    help->addAction(tr("&About ComputeHedge"), this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    m_datasetLabel = new QLabel(this);
    m_datasetLabel->setObjectName(QStringLiteral("datasetLabel"));
    auto* reference = new QLabel(tr("Reference (calibrated) data — not live quotes"), this);
    reference->setObjectName(QStringLiteral("referenceLabel"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addWidget(m_datasetLabel);
    statusBar()->addPermanentWidget(reference);
}

bool MainWindow::openWorkspaceFile(const QString& file)
{
    return guard(this, tr("Open workspace"), [&] { m_session.openWorkspace(file); });
}

bool MainWindow::openDemoWorkspace()
{
    return guard(this, tr("Open the demo workspace"), [&] {
        m_session.openDemoWorkspace(WorkspaceSession::defaultDemoPath());
    });
}

void MainWindow::newWorkspace()
{
    QString file = QFileDialog::getSaveFileName(this,
                                                tr("New workspace"),
                                                QString(),
                                                tr("ComputeHedge workspaces (*.chw)"),
                                                nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".chw");
    guard(this, tr("Create workspace"), [&] { m_session.createWorkspace(file); });
}

void MainWindow::openWorkspace()
{
    const QString file =
        QFileDialog::getOpenFileName(this,
                                     tr("Open workspace"),
                                     QString(),
                                     tr("ComputeHedge workspaces (*.chw);;All files (*)"));
    if (!file.isEmpty())
        openWorkspaceFile(file);
}

void MainWindow::saveWorkspaceAs()
{
    QString file = QFileDialog::getSaveFileName(
        this, tr("Save workspace as"), m_session.filePath(), tr("ComputeHedge workspaces (*.chw)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".chw");
    guard(this, tr("Save workspace as"), [&] { m_session.saveCopyAs(file); });
}

void MainWindow::importPrices()
{
    ImportPricesDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this,
        tr("About ComputeHedge"),
        tr("<h3>ComputeHedge %1</h3><p>Budget and hedge AI compute spend (GPU-hours and LLM "
           "tokens).</p><p>Prices come from a reference dataset calibrated to public index "
           "levels; they are not live quotes. Every futures contract is simulated.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recent.paths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString path = paths[i];
        m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(path), this, [this, path] {
            openWorkspaceFile(path);
        });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::updateForWorkspace()
{
    const bool open = m_session.isOpen();
    m_central->setCurrentWidget(open ? m_workArea : m_welcome);
    m_saveAsAction->setEnabled(open);
    m_importAction->setEnabled(open);
    if (!open)
        m_welcome->setRecentWorkspaces(m_recent.paths());
    setWindowTitle(open ? tr("%1 — ComputeHedge").arg(QFileInfo(m_session.filePath()).fileName())
                        : tr("ComputeHedge"));
    updateStatus();
}

void MainWindow::updateStatus()
{
    m_pathLabel->setText(m_session.isOpen() ? m_session.filePath() : tr("No workspace open"));
    const MarketDataSet& dataset = m_session.marketData();
    if (m_session.hasMarketData())
        m_datasetLabel->setText(tr("Valuation date %1 (dataset %2)")
                                    .arg(format::date(dataset.info.valuationDate),
                                         QString::fromStdString(dataset.info.version)));
    else
        m_datasetLabel->setText(m_session.isLoading() ? tr("Loading market data…") : QString());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kPageKey, currentPageId());
    QMainWindow::closeEvent(event);
}

} // namespace ch::ui
