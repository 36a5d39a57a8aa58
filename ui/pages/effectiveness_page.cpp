#include "ui/pages/effectiveness_page.h"

#include "storage/designation_repository.h"
#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/effectiveness_table_model.h"
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
    m_note = new QLabel(content);
    m_note->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_note, 1);
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
}

void EffectivenessPage::refresh()
{
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
