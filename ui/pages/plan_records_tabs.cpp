#include "ui/pages/plan_records_tabs.h"

#include "ui/conversions.h"
#include "ui/guard.h"
#include "ui/models/plan_bills_model.h"
#include "ui/models/plan_budget_model.h"
#include "ui/models/plan_capacity_model.h"
#include "ui/models/plan_grid_model.h"
#include "ui/pages/plan_import_dialog.h"
#include "ui/pages/plan_record_dialogs.h"
#include "ui/plan_session.h"
#include "ui/workspace_session.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

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

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

void runImport(QWidget* parent, PlanSession& plan, PlanSession::ImportKind kind)
{
    PlanImportDialog dialog(plan, kind, parent);
    dialog.exec();
}

} // namespace

bool applyBookEdit(QWidget* parent, PlanSession& plan, const QString& text, storage::PlanBook after)
{
    return guard(parent, QObject::tr("Save plan"), [&] { plan.edit(text, std::move(after)); });
}

void exportBookCsv(QWidget* parent, PlanSession& plan, const QString& what)
{
    const QString file =
        QFileDialog::getSaveFileName(parent,
                                     QObject::tr("Export %1").arg(what),
                                     what + QStringLiteral(".csv"),
                                     QObject::tr("CSV files (*.csv);;All files (*)"));
    if (file.isEmpty())
        return;
    guard(parent, QObject::tr("Export %1").arg(what), [&] {
        storage::PlanRepository repo(plan.workspaceSession().workspace());
        if (what == QLatin1String("plan"))
            repo.exportPlanCsv(toPath(file));
        else if (what == QLatin1String("contracts"))
            repo.exportContractsCsv(toPath(file));
        else
            repo.exportActualsCsv(toPath(file));
    });
}

PlanContractsTab::PlanContractsTab(PlanSession& plan, QWidget* parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_model(new PlanCapacityModel(this))
{
    m_view = makeTable(m_model, this);
    m_view->setObjectName(QStringLiteral("contractsView"));
    auto* add = new QPushButton(tr("Add contract…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* import = new QPushButton(tr("Import…"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    connect(add, &QPushButton::clicked, this, &PlanContractsTab::addContract);
    connect(m_remove, &QPushButton::clicked, this, &PlanContractsTab::removeSelected);
    connect(import, &QPushButton::clicked, this, [this] {
        runImport(this, m_plan, PlanSession::ImportKind::Contracts);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportBookCsv(this, m_plan, QStringLiteral("contracts"));
    });
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {add, m_remove, import, exportButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note(tr("Capacity bought at a fixed price is not exposed to the market. "
                              "A contract for one line covers that line; pooled capacity covers "
                              "the lines with its resource and index in plan order, and what no "
                              "line needs is shown as unallocated (paid for, covering nothing)."),
                           this));
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    connect(&plan, &PlanSession::bookChanged, this, &PlanContractsTab::refresh);
    refresh();
}

void PlanContractsTab::refresh()
{
    m_model->setContracts(m_plan.book().contracts);
    m_remove->setEnabled(!m_plan.book().contracts.empty());
}

void PlanContractsTab::addContract()
{
    ContractDialog dialog(m_plan.plan(), m_plan.book().contracts, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.contract())
        return;
    storage::PlanBook after = m_plan.book();
    after.contracts.push_back(*dialog.contract());
    applyBookEdit(this,
                  m_plan,
                  tr("Add contract %1").arg(toQString(dialog.contract()->id())),
                  std::move(after));
}

void PlanContractsTab::removeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    storage::PlanBook after = m_plan.book();
    const auto row = static_cast<std::size_t>(current.row());
    if (row >= after.contracts.size())
        return;
    const QString id = toQString(after.contracts[row].id());
    after.contracts.erase(after.contracts.begin() + current.row());
    applyBookEdit(this, m_plan, tr("Remove contract %1").arg(id), std::move(after));
}

PlanActualsTab::PlanActualsTab(PlanSession& plan, QWidget* parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_bills(new PlanBillsModel(this))
    , m_basis(new PlanBasisModel(this))
    , m_warnings(new QLabel(this))
{
    auto* import = new QPushButton(tr("Import actuals…"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    connect(import, &QPushButton::clicked, this, [this] {
        runImport(this, m_plan, PlanSession::ImportKind::Actuals);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportBookCsv(this, m_plan, QStringLiteral("actuals"));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import);
    buttons->addWidget(exportButton);
    buttons->addStretch(1);
    auto* billsView = makeTable(m_bills, this);
    billsView->setObjectName(QStringLiteral("billsView"));
    auto* basisView = makeTable(m_basis, this);
    basisView->setObjectName(QStringLiteral("basisView"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* billsBox = new QWidget(this);
    auto* billsLayout = new QVBoxLayout(billsBox);
    billsLayout->setContentsMargins(0, 0, 0, 0);
    billsLayout->addWidget(note(tr("<b>Bills</b>: the effective price paid (amount ÷ quantity) "
                                   "next to the index's average over the month's US business "
                                   "days, the average a monthly future settles on."),
                                this));
    billsLayout->addWidget(billsView, 1);
    auto* basisBox = new QWidget(this);
    auto* basisLayout = new QVBoxLayout(basisBox);
    basisLayout->setContentsMargins(0, 0, 0, 0);
    basisLayout->addWidget(note(tr("<b>Measured basis per plan line</b>: paid ÷ index for each "
                                   "month with bills (all providers pooled); the mean prices the "
                                   "line's open volume at forward × mean."),
                                this));
    basisLayout->addWidget(basisView, 1);
    m_warnings->setWordWrap(true);
    basisLayout->addWidget(m_warnings);
    splitter->addWidget(billsBox);
    splitter->addWidget(basisBox);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    connect(&plan, &PlanSession::bookChanged, this, &PlanActualsTab::refresh);
    refresh();
}

void PlanActualsTab::refresh()
{
    const ExposureState& state = m_plan.exposure();
    m_bills->setBills(m_plan.book().actuals, state.bills);
    m_basis->setBasis(state.basis.lines);
    QStringList warnings;
    for (const Issue& w : state.basis.warnings)
        warnings << toQString(w.toString()).toHtmlEscaped();
    m_warnings->setText(warnings.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());
}

PlanBudgetTab::PlanBudgetTab(PlanSession& plan, QWidget* parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_model(new PlanBudgetModel(this))
    , m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("budgetView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_model->setCommit([this](const QString& text, std::vector<BudgetEntry> budget) {
        storage::PlanBook after = m_plan.book();
        after.budget = std::move(budget);
        return applyBookEdit(this, m_plan, text, std::move(after));
    });
    connect(m_model, &PlanBudgetModel::editRejected, this, &PlanBudgetTab::messageChanged);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note(tr("Per line and month: type a budget price per unit (e.g. 2.6 for "
                              "USD 2.60 per GPU-hour; the budget is price × planned volume in "
                              "each scenario) or a fixed amount (e.g. USD 85000). Clear a cell "
                              "to remove its budget. The Exposure page compares the budget "
                              "with the expected cost at forward prices."),
                           this));
    layout->addWidget(m_view, 1);
    connect(&plan, &PlanSession::bookChanged, this, &PlanBudgetTab::refresh);
    refresh();
}

void PlanBudgetTab::refresh()
{
    m_model->setBudget(m_plan.plan(), m_plan.book().budget);
}

} // namespace ch::ui
