#include "ui/pages/effectiveness_page.h"

#include "storage/designation_repository.h"
#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/effectiveness_table_model.h"
#include "ui/pages/designation_dialog.h"
#include "ui/workspace_session.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace ch::ui {

EffectivenessPage::EffectivenessPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("effectivenessPage"));
    auto* content = new QWidget(this);
    m_model = new EffectivenessTableModel(this);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("designations"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_memo = new QTextBrowser(content);
    m_memo->setObjectName(QStringLiteral("designationMemo"));
    m_export = new QPushButton(tr("Export designation memo…"), content);
    m_designate = new QPushButton(tr("Designate hedge…"), content);
    m_designate->setObjectName(QStringLiteral("designateHedge"));
    m_note = new QLabel(content);
    m_note->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_note, 1);
    bar->addWidget(m_designate);
    bar->addWidget(m_export);
    auto* split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_view);
    split->addWidget(m_memo);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setContent(content);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &EffectivenessPage::showSelected);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this,
                                                          tr("Export designation memo"),
                                                          QStringLiteral("designation.txt"),
                                                          tr("Text (*.txt)"));
        if (!file.isEmpty())
            exportMemo(file);
    });
    connect(m_designate, &QPushButton::clicked, this, [this] { openDesignationDialog(); });
}

DesignationDialog* EffectivenessPage::openDesignationDialog()
{
    auto* dialog = new DesignationDialog(session(), desk(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DesignationDialog::designated, this, [this](const QString& reference) {
        reload();
        selectDesignation(reference);
    });
    dialog->open();
    return dialog;
}

bool EffectivenessPage::selectDesignation(const QString& reference)
{
    const auto& rows = m_model->rows();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (QString::fromStdString(rows[i].hedge.designation.reference) == reference) {
            m_view->selectRow(static_cast<int>(i));
            return true;
        }
    return false;
}

void EffectivenessPage::refresh()
{
    const auto& user = desk().user();
    const bool mayDesignate = user && user->can(trading::Permission::ManageLimits);
    m_designate->setEnabled(mayDesignate);
    m_designate->setToolTip(
        mayDesignate ? tr("Document a hedge relationship from a submitted hedge proposal.")
                     : tr("Designating a hedge is a policy decision: it needs the manage_limits "
                          "permission (an administrator), which %1 does not have.")
                           .arg(user ? QString::fromStdString(trading::describeUser(*user))
                                     : tr("nobody logged in")));
    const auto market = desk().market();
    if (!market) {
        m_model->setRows({});
        m_note->setText(tr("Market data is loading."));
        return;
    }
    std::vector<EffectivenessRow> rows;
    for (const auto& h : storage::DesignationRepository(session().workspace()).designations())
        rows.push_back(assessEffectiveness(h, market->data(), market->valuationDate()));
    m_model->setRows(std::move(rows));
    m_view->resizeColumnsToContents();
    // The two descriptions are long and stand in full in the memo below (and the tooltip): cap
    // them so the test results (dollar offset, slope, R², pass/fail) stay in view.
    for (const int column :
         {EffectivenessTableModel::HedgedItem, EffectivenessTableModel::Instrument})
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), 300));
    m_note->setText(
        tr("Prospective assessment over the 24 months before %1: monthly changes of the "
           "business-day average of each leg's index, signed from the company's side (a rising "
           "purchase cost is a loss). Reference dataset, not settlement prices.")
            .arg(format::date(market->valuationDate())));
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    showSelected();
}

void EffectivenessPage::showSelected()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    const auto market = desk().market();
    m_export->setEnabled(!rows.isEmpty() && market);
    if (rows.isEmpty() || !market) {
        m_memo->setPlainText(
            m_model->rowCount() == 0 ? tr("No designated hedges in this workspace.") : QString());
        return;
    }
    const auto& row = m_model->rows()[static_cast<std::size_t>(rows.front().row())];
    guard(this, tr("Show the designation"), [&] {
        m_memo->setPlainText(
            QString::fromStdString(effectivenessMemo(row, market->valuationDate())));
    });
}

void EffectivenessPage::exportMemo(const QString& file)
{
    guard(this, tr("Export the designation memo"), [&] {
        QSaveFile out(file);
        const QByteArray text = m_memo->toPlainText().toUtf8();
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
            throw StorageError("writing '" + file.toStdString()
                               + "': " + out.errorString().toStdString());
    });
}

} // namespace ch::ui
