#include "ui/pages/hedge_page.h"

#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/hedge_proposal_model.h"
#include "ui/models/hedge_recommendation_model.h"
#include "ui/models/hedge_result_models.h"
#include "ui/pages/hedge_frontier_chart.h"
#include "ui/pages/hedge_policy_panel.h"
#include "ui/pages/hedge_runner.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

const QString kRatiosView = QStringLiteral("ratios");
const QString kPolicyView = QStringLiteral("policy");
const QString kProposalsView = QStringLiteral("proposals");

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

//! The Instrument cell's editor: a list of the instruments the policy allows for the line.
class InstrumentDelegate : public QStyledItemDelegate
{
public:
    InstrumentDelegate(HedgeRecommendationModel* model, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {}

    QWidget* createEditor(QWidget* parent,
                          const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override
    {
        if (index.column() != HedgeRecommendationModel::Instrument)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto* box = new QComboBox(parent);
        for (const hedging::HedgeInstrumentType t : m_model->allowedAt(index.row()))
            box->addItem(QString::fromLatin1(hedging::instrumentTypeLabel(t)),
                         QString::fromLatin1(hedging::instrumentTypeCode(t)));
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole))));
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor,
                      QAbstractItemModel* model,
                      const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor)) {
            if (box->currentData() != index.data(Qt::EditRole))
                model->setData(index, box->currentData(), Qt::EditRole);
        } else {
            QStyledItemDelegate::setModelData(editor, model, index);
        }
    }

private:
    HedgeRecommendationModel* m_model;
};

} // namespace

HedgePage::HedgePage(WorkspaceSession& session, QWidget* parent)
    : Page(session, parent)
    , m_runner(new HedgeRunner(this))
    , m_banner(new ReferenceBanner(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_recommendation(new HedgeRecommendationModel(this))
    , m_ratios(new HedgeRatioModel(this))
    , m_monthRisk(new HedgeMonthRiskModel(this))
    , m_proposals(new HedgeProposalModel(this))
    , m_issues(new HedgeIssueModel(this))
    , m_frontier(new HedgeFrontierChart(this))
    , m_policyPanel(new HedgePolicyPanel(this))
{
    setObjectName(QStringLiteral("hedgePage"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setObjectName(QStringLiteral("hedgeSummary"));

    m_recommendationTab = buildRecommendationTab();
    auto* ratioView = makeTable(m_ratios, this);
    ratioView->setObjectName(QStringLiteral("hedgeRatioView"));
    ratioView->horizontalHeader()->setStretchLastSection(true);
    auto* ratioNote = new QLabel(
        tr("h* = ρ·σS/σF: the minimum-variance hedge per unit of exposure, estimated on weekly "
           "averages of the last two years (monthly paid prices where bills measure a basis). "
           "R² is the share of the price variance the hedge removes; the basis vol is what stays. "
           "A contract on another index is a cross hedge; below R² 0.80 it is flagged."),
        this);
    ratioNote->setWordWrap(true);
    m_ratioTab = new QWidget(this);
    auto* ratioLayout = new QVBoxLayout(m_ratioTab);
    ratioLayout->addWidget(ratioNote);
    ratioLayout->addWidget(ratioView, 1);

    auto* proposalView = makeTable(m_proposals, this);
    proposalView->setObjectName(QStringLiteral("hedgeProposalView"));
    proposalView->horizontalHeader()->setStretchLastSection(true);
    auto* proposalNote = new QLabel(
        tr("Saved proposals, with the policy version they were made under. \"Save proposal…\" "
           "stores the recommendation as shown (with your edits) and a rationale; a submitted "
           "proposal goes to the trading desk, which turns it into orders for approval."),
        this);
    proposalNote->setWordWrap(true);
    m_proposalTab = new QWidget(this);
    auto* proposalLayout = new QVBoxLayout(m_proposalTab);
    proposalLayout->addWidget(proposalNote);
    proposalLayout->addWidget(proposalView, 1);

    m_tabs->addTab(m_recommendationTab, tr("Recommendation"));
    m_tabs->addTab(m_ratioTab, tr("Hedge ratios"));
    m_tabs->addTab(m_policyPanel, tr("Policy"));
    m_tabs->addTab(m_proposalTab, tr("Proposals"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(buildControls());
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(&session, &WorkspaceSession::workspaceOpened, this, &HedgePage::onWorkspaceChanged);
    connect(&session, &WorkspaceSession::workspaceClosed, this, &HedgePage::onWorkspaceChanged);
    // New market data brings the contracts policy rules are checked against: reselect.
    connect(&session, &WorkspaceSession::marketDataChanged, this, [this] {
        selectPolicy(m_policyBox->currentIndex());
    });
    connect(&session, &WorkspaceSession::planChanged, this, &HedgePage::markStale);
    connect(m_runner, &HedgeRunner::runStarted, this, [this](const QString& what) {
        m_progress->setValue(0);
        m_progress->setFormat(what);
        m_progress->show();
        m_cancel->show();
        updateButtons();
        emit busyChanged(true);
    });
    connect(m_runner, &HedgeRunner::progressChanged, this, [this](int value, const QString& text) {
        m_progress->setValue(value);
        if (!text.isEmpty())
            m_progress->setFormat(text + QStringLiteral(" (%p%)"));
    });
    auto finished = [this] {
        m_progress->hide();
        m_cancel->hide();
        updateButtons();
        emit busyChanged(false);
    };
    connect(m_runner, &HedgeRunner::runFinished, this, [this, finished] {
        showResult();
        finished();
    });
    connect(m_runner, &HedgeRunner::runCancelled, this, [this, finished] {
        // The previous result stays; pending edits that were not computed are dropped with it.
        if (m_runner->result())
            showResult();
        finished();
    });
    connect(m_runner,
            &HedgeRunner::runFailed,
            this,
            [this, finished](const QString& kind, const QString& message) {
                finished();
                reportFailure(this, tr("Hedge recommendation"), Failure{kind, message});
            });
    connect(
        m_recommendation, &HedgeRecommendationModel::editRequested, this, &HedgePage::requestEdit);
    connect(
        m_recommendation, &HedgeRecommendationModel::editRejected, this, [this](const QString& m) {
            m_summary->setText(
                QStringLiteral("<span style='color:#b00020'>%1</span>").arg(m.toHtmlEscaped()));
        });
    connect(m_policyPanel, &HedgePolicyPanel::saveRequested, this, &HedgePage::askSavePolicy);
    onWorkspaceChanged();
}

HedgePage::~HedgePage() = default;

QWidget* HedgePage::buildControls()
{
    m_policyBox = new QComboBox(this);
    m_policyBox->setObjectName(QStringLiteral("hedgePolicyBox"));
    m_policyBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Minimum variance within the bands"),
                    static_cast<int>(hedging::RecommendationMode::MinimumVariance));
    m_mode->addItem(tr("Policy target"),
                    static_cast<int>(hedging::RecommendationMode::PolicyTarget));
    m_paths = new QSpinBox(this);
    m_paths->setRange(1'000, 1'000'000);
    m_paths->setSingleStep(10'000);
    m_paths->setValue(20'000);
    m_paths->setGroupSeparatorShown(true);
    m_paths->setLocale(format::numberLocale());
    m_paths->setToolTip(tr("Monte Carlo paths of each Cost-at-Risk run (before and after)"));
    m_recalculate = new QPushButton(tr("Recalculate"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_resetEdits = new QPushButton(tr("Reset edits"), this);
    m_saveProposal = new QPushButton(tr("Save proposal…"), this);
    m_saveProposal->setObjectName(QStringLiteral("saveProposalButton"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    // Narrow enough that showing it (with Cancel) while a run is in progress fits the controls
    // row in a 1366-pixel window; a wider minimum used to push the main window wider mid-run.
    m_progress->setMinimumWidth(160);
    m_progress->hide();
    m_cancel->hide();

    connect(m_policyBox, &QComboBox::currentIndexChanged, this, &HedgePage::selectPolicy);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &HedgePage::markStale);
    connect(m_recalculate, &QPushButton::clicked, this, &HedgePage::recalculate);
    connect(m_cancel, &QPushButton::clicked, m_runner, &HedgeRunner::cancel);
    connect(m_resetEdits, &QPushButton::clicked, this, &HedgePage::resetEdits);
    connect(m_saveProposal, &QPushButton::clicked, this, &HedgePage::askSaveProposal);

    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Policy:"), this));
    layout->addWidget(m_policyBox);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Optimise for:"), this));
    layout->addWidget(m_mode);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Paths:"), this));
    layout->addWidget(m_paths);
    layout->addWidget(m_recalculate);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addStretch(1);
    layout->addWidget(m_resetEdits);
    layout->addWidget(m_saveProposal);
    return row;
}

QWidget* HedgePage::buildRecommendationTab()
{
    m_recommendationView = makeTable(m_recommendation, this);
    m_recommendationView->setObjectName(QStringLiteral("hedgeRecommendationView"));
    m_recommendationView->setEditTriggers(QAbstractItemView::DoubleClicked
                                          | QAbstractItemView::EditKeyPressed
                                          | QAbstractItemView::AnyKeyPressed);
    m_recommendationView->setItemDelegate(new InstrumentDelegate(m_recommendation, this));

    auto* monthView = makeTable(m_monthRisk, this);
    monthView->setObjectName(QStringLiteral("hedgeMonthRiskView"));
    auto* issueView = makeTable(m_issues, this);
    issueView->setObjectName(QStringLiteral("hedgeIssueView"));
    issueView->horizontalHeader()->setStretchLastSection(true);
    issueView->setWordWrap(true);
    auto* side = new QTabWidget(this);
    side->addTab(issueView, tr("Issues and policy breaches"));
    side->addTab(monthView, tr("CaR by month (Monte Carlo)"));

    m_frontier->setObjectName(QStringLiteral("hedgeFrontierChart"));
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_frontier);
    bottom->addWidget(side);
    bottom->setSizes({820, 640});
    bottom->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_recommendationView);
    split->addWidget(bottom);
    split->setSizes({330, 420});
    split->setChildrenCollapsible(false);
    return split;
}

QStringList HedgePage::views() const
{
    return {kRatiosView, kPolicyView, kProposalsView};
}

void HedgePage::showView(const QString& view)
{
    if (view == kRatiosView)
        m_tabs->setCurrentWidget(m_ratioTab);
    else if (view == kPolicyView)
        m_tabs->setCurrentWidget(m_policyPanel);
    else if (view == kProposalsView)
        m_tabs->setCurrentWidget(m_proposalTab);
}

bool HedgePage::isBusy() const
{
    return m_runner->isRunning();
}

QString HedgePage::summaryText() const
{
    return m_summary->text();
}

void HedgePage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_stale && !m_runner->isRunning() && session().isOpen() && session().hasMarketData())
        recalculate();
}

void HedgePage::markStale()
{
    m_stale = true;
    updateButtons();
    if (isVisible() && session().isOpen() && session().hasMarketData())
        recalculate();
}

} // namespace ch::ui
