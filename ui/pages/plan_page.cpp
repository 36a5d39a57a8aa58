#include "ui/pages/plan_page.h"

#include "exposure/helper_expansion.h"
#include "ui/conversions.h"
#include "ui/guard.h"
#include "ui/models/plan_grid_model.h"
#include "ui/pages/plan_helper_dialogs.h"
#include "ui/pages/plan_import_dialog.h"
#include "ui/pages/plan_record_dialogs.h"
#include "ui/pages/plan_records_tabs.h"
#include "ui/plan_session.h"
#include "ui/workspace_session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <variant>

namespace ch::ui {

namespace {

const QString kContractsView = QStringLiteral("contracts");
const QString kActualsView = QStringLiteral("actuals");
const QString kBudgetView = QStringLiteral("budget");

QString issuesText(const std::vector<Issue>& issues)
{
    QStringList lines;
    for (const Issue& i : issues)
        lines << cellIssueText(i);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

PlanPage::PlanPage(WorkspaceSession& session, PlanSession& plan, QWidget* parent)
    : Page(session, parent)
    , m_plan(plan)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_grid(new PlanGridModel(this))
    , m_field(new QComboBox(this))
{
    setObjectName(QStringLiteral("planPage"));
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("planToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions(bar);

    m_message->setObjectName(QStringLiteral("planMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_contracts = new PlanContractsTab(plan, this);
    m_actuals = new PlanActualsTab(plan, this);
    m_budget = new PlanBudgetTab(plan, this);
    m_tabs->setObjectName(QStringLiteral("planTabs"));
    m_tabs->addTab(buildGrid(), tr("Plan"));
    m_tabs->addTab(m_contracts, tr("Contracted capacity"));
    m_tabs->addTab(m_actuals, tr("Actuals && basis"));
    m_tabs->addTab(m_budget, tr("Budget"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateActions(); });
    connect(m_budget, &PlanBudgetTab::messageChanged, this, [this](const QString& m) {
        setMessage(m, true);
    });

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(bar);
    contentLayout->addWidget(m_message);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);
    m_stack->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    m_grid->setCommit(
        [this](const QString& text, const Plan& after) { return commitPlan(text, after); });
    connect(m_grid, &PlanGridModel::editRejected, this, [this](const QString& m) {
        setMessage(m, true);
    });
    connect(&plan, &PlanSession::bookChanged, this, &PlanPage::refresh);
    connect(&plan, &PlanSession::importingChanged, this, [this] { updateActions(); });
    connect(&plan.undoStack(), &QUndoStack::indexChanged, this, [this] { updateActions(); });
    setMessage(QString(), false);
    refresh();
}

QWidget* PlanPage::buildGrid()
{
    m_gridView = new QTableView(this);
    m_gridView->setObjectName(QStringLiteral("planGrid"));
    m_gridView->setModel(m_grid);
    m_gridView->setSelectionMode(QAbstractItemView::ContiguousSelection);
    m_gridView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::AnyKeyPressed);
    m_gridView->horizontalHeader()->setDefaultSectionSize(84);
    m_gridView->horizontalHeader()->setMinimumSectionSize(60);
    m_gridView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_gridView->verticalHeader()->setDefaultSectionSize(m_gridView->fontMetrics().height() + 8);
    connect(m_gridView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const PlanLine* line = m_grid->lineAt(index.row());
        if (line != nullptr && line->isGenerated())
            editHelper();
    });
    connect(
        m_gridView->verticalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int row) {
            m_gridView->selectRow(row);
            const PlanLine* line = m_grid->lineAt(row);
            if (line != nullptr && line->isGenerated())
                editHelper();
        });
    connect(m_gridView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
    });
    return m_gridView;
}

void PlanPage::createActions(QToolBar* bar)
{
    auto add = [&](const QString& text, const QKeySequence& keys, void (PlanPage::*slot)()) {
        auto* action = new QAction(text, this);
        if (!keys.isEmpty()) {
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            action->setToolTip(
                QStringLiteral("%1 (%2)").arg(QString(text).remove(QStringLiteral("…")),
                                              keys.toString(QKeySequence::NativeText)));
        }
        addAction(action); // shortcuts work anywhere on the page
        bar->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_undo = add(tr("Undo"), QKeySequence::Undo, &PlanPage::undo);
    m_redo = add(tr("Redo"), QKeySequence::Redo, &PlanPage::redo);
    bar->addSeparator();
    m_copy = add(tr("Copy"), QKeySequence::Copy, &PlanPage::copySelection);
    m_paste = add(tr("Paste"), QKeySequence::Paste, &PlanPage::pasteClipboard);
    m_fill = add(tr("Fill right"), QKeySequence(Qt::CTRL | Qt::Key_R), &PlanPage::fillRight);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Volume: "), this));
    m_field->addItem(tr("Base"), static_cast<int>(VolumeField::Base));
    m_field->addItem(tr("Low"), static_cast<int>(VolumeField::Low));
    m_field->addItem(tr("High"), static_cast<int>(VolumeField::High));
    m_field->setToolTip(tr("Which volume the grid shows, edits, copies and pastes; every cell "
                           "keeps low ≤ base ≤ high"));
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        m_grid->setField(static_cast<VolumeField>(m_field->currentData().toInt()));
    });
    bar->addWidget(m_field);
    bar->addSeparator();
    add(tr("Add line…"), {}, &PlanPage::addLine);
    m_remove = add(tr("Remove line"), {}, &PlanPage::removeLine);
    add(tr("Training run…"), {}, &PlanPage::addTrainingRun);
    add(tr("Inference service…"), {}, &PlanPage::addInferenceService);
    m_editHelper = add(tr("Edit helper…"), {}, &PlanPage::editHelper);
    m_convert = add(tr("Convert to manual"), {}, &PlanPage::convertToManual);
    bar->addSeparator();
    auto* importPlan = bar->addAction(tr("Import plan…"));
    connect(importPlan, &QAction::triggered, this, [this] {
        PlanImportDialog dialog(m_plan, PlanSession::ImportKind::Plan, this);
        dialog.exec();
    });
    auto* exportPlan = bar->addAction(tr("Export plan…"));
    connect(exportPlan, &QAction::triggered, this, [this] {
        exportBookCsv(this, m_plan, QStringLiteral("plan"));
    });
}

QStringList PlanPage::views() const
{
    return {kContractsView, kActualsView, kBudgetView};
}

void PlanPage::showView(const QString& view)
{
    if (view == kContractsView)
        m_tabs->setCurrentWidget(m_contracts);
    else if (view == kActualsView)
        m_tabs->setCurrentWidget(m_actuals);
    else if (view == kBudgetView)
        m_tabs->setCurrentWidget(m_budget);
}

QString PlanPage::message() const
{
    return m_message->text();
}

void PlanPage::setMessage(const QString& text, bool problem)
{
    if (text.isEmpty()) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Type volumes in the grid (Enter to commit); every change is saved "
                              "to the workspace and can be undone. Grey lines come from a helper: "
                              "double-click one to change its inputs."));
        return;
    }
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_message->setText(text);
}

void PlanPage::refresh()
{
    if (!m_plan.hasPlan()) {
        m_grid->setPlan(Plan());
        m_empty->setText(session().isOpen()
                             ? tr("This workspace has no reference market data, so the plan's "
                                  "months are unknown. Import prices first (File → Import "
                                  "prices…).")
                             : tr("No workspace is open."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_grid->setPlan(m_plan.plan());
    m_stack->setCurrentIndex(0);
    updateActions();
}

const PlanLine* PlanPage::currentLine() const
{
    return m_grid->lineAt(m_gridView->currentIndex().row());
}

void PlanPage::updateActions()
{
    const bool idle = !m_plan.isImporting() && m_plan.hasPlan();
    m_undo->setEnabled(idle && m_plan.undoStack().canUndo());
    m_redo->setEnabled(idle && m_plan.undoStack().canRedo());
    m_undo->setToolTip(m_plan.undoStack().canUndo()
                           ? tr("Undo %1 (Ctrl+Z)").arg(m_plan.undoStack().undoText())
                           : tr("Nothing to undo"));
    m_redo->setToolTip(m_plan.undoStack().canRedo()
                           ? tr("Redo %1").arg(m_plan.undoStack().redoText())
                           : tr("Nothing to redo"));
    // The grid's actions apply to the Plan tab; the other tabs have their own buttons.
    const bool onGrid = m_tabs->currentIndex() == 0;
    const PlanLine* line = onGrid ? currentLine() : nullptr;
    m_copy->setEnabled(onGrid);
    m_paste->setEnabled(idle && line != nullptr);
    m_fill->setEnabled(idle && line != nullptr && !line->isGenerated());
    m_remove->setEnabled(idle && line != nullptr);
    m_editHelper->setEnabled(idle && line != nullptr && line->isGenerated());
    m_convert->setEnabled(idle && line != nullptr && line->isGenerated());
}

bool PlanPage::commitPlan(const QString& text, const Plan& after)
{
    const storage::PlanBook book = m_plan.bookWithPlan(after);
    const auto problems = storage::checkBookReferences(book, "plan");
    if (!problems.empty()) {
        setMessage(issuesText(problems), true);
        return false;
    }
    const bool saved = applyBookEdit(this, m_plan, text, book);
    if (saved)
        setMessage(QString(), false);
    return saved;
}

void PlanPage::undo()
{
    if (guard(this, tr("Undo"), [this] { m_plan.undo(); }))
        setMessage(QString(), false);
}

void PlanPage::redo()
{
    if (guard(this, tr("Redo"), [this] { m_plan.redo(); }))
        setMessage(QString(), false);
}

void PlanPage::copySelection()
{
    const QString text = m_grid->copyBlock(m_gridView->selectionModel()->selectedIndexes());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void PlanPage::pasteClipboard()
{
    m_grid->pasteBlock(m_gridView->currentIndex(), QApplication::clipboard()->text());
}

void PlanPage::fillRight()
{
    m_grid->fillRight(m_gridView->currentIndex());
}

void PlanPage::addLine()
{
    AddLineDialog dialog(m_plan.plan(), session().marketData().indices, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.line())
        return;
    commitPlan(tr("Add line %1").arg(toQString(dialog.line()->name())),
               m_plan.plan().withLine(*dialog.line()));
}

void PlanPage::removeLine()
{
    const PlanLine* line = currentLine();
    if (line == nullptr)
        return;
    if (!line->isGenerated()) {
        commitPlan(tr("Remove line %1").arg(toQString(line->name())),
                   m_plan.plan().withoutLine(line->id()));
        return;
    }
    const PlanHelper* helper = m_plan.plan().findHelper(line->helperId());
    const QString name = helper ? toQString(helperName(*helper)) : toQString(line->helperId());
    if (QMessageBox::question(this,
                              tr("Remove helper"),
                              tr("\"%1\" is generated by the helper \"%2\". Remove the helper "
                                 "and every line it generated?")
                                  .arg(toQString(line->name()), name))
        != QMessageBox::Yes)
        return;
    commitPlan(tr("Remove helper %1").arg(name),
               exposure::removeHelper(m_plan.plan(), line->helperId()));
}

void PlanPage::addTrainingRun()
{
    TrainingRunDialog dialog(m_plan.plan(), session().marketData().indices, std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (commitPlan(tr("Add training run"), dialog.expandedPlan()) && !dialog.warnings().empty())
        setMessage(issuesText(dialog.warnings()), false);
}

void PlanPage::addInferenceService()
{
    InferenceServiceDialog dialog(
        m_plan.plan(), session().marketData().indices, std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (commitPlan(tr("Add inference service"), dialog.expandedPlan())
        && !dialog.warnings().empty())
        setMessage(issuesText(dialog.warnings()), false);
}

void PlanPage::editHelper()
{
    const PlanLine* line = currentLine();
    if (line == nullptr || !line->isGenerated())
        return;
    const PlanHelper* helper = m_plan.plan().findHelper(line->helperId());
    if (helper == nullptr)
        return;
    const auto& indices = session().marketData().indices;
    std::unique_ptr<HelperDialog> dialog;
    if (const auto* run = std::get_if<TrainingRun>(helper))
        dialog = std::make_unique<TrainingRunDialog>(m_plan.plan(), indices, *run, this);
    else
        dialog = std::make_unique<InferenceServiceDialog>(
            m_plan.plan(), indices, std::get<InferenceService>(*helper), this);
    if (dialog->exec() != QDialog::Accepted)
        return;
    if (commitPlan(tr("Edit helper %1").arg(toQString(helperName(*helper))), dialog->expandedPlan())
        && !dialog->warnings().empty())
        setMessage(issuesText(dialog->warnings()), false);
}

void PlanPage::convertToManual()
{
    const PlanLine* line = currentLine();
    if (line == nullptr || !line->isGenerated())
        return;
    const std::string helper = line->helperId();
    commitPlan(tr("Convert %1 to manual lines").arg(toQString(helper)),
               exposure::convertHelperToManual(m_plan.plan(), helper));
}

} // namespace ch::ui
