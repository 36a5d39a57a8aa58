#include "ui/pages/plan_import_dialog.h"

#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/issue_table_model.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ch::ui {

namespace {

QString introText(PlanSession::ImportKind kind)
{
    switch (kind) {
    case PlanSession::ImportKind::Plan:
        return PlanImportDialog::tr(
            "<p>Replace the plan's lines with a CSV file with the header "
            "<code>line_id,name,resource,kind,index,month,low,base,high</code>: one row per line "
            "and month, volumes in GPU-hours or MTok with 0 ≤ low ≤ base ≤ high. A month without "
            "a row is zero. Helpers are not in the file: their lines come back as manual "
            "lines.</p><p>A contract bound to a line the file does not have is an error; the "
            "budget of such lines is dropped. If any row has an error, nothing is imported.</p>");
    case PlanSession::ImportKind::Contracts:
        return PlanImportDialog::tr(
            "<p>Import contracted capacity from a CSV file with the header "
            "<code>contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,"
            "kind</code>: one row per contract and month. An empty <code>line_id</code> pools the "
            "capacity over the lines with that resource and index. A contract replaces the "
            "stored one with the same id.</p><p>If any row has an error, nothing is "
            "imported.</p>");
    case PlanSession::ImportKind::Actuals:
        break;
    }
    return PlanImportDialog::tr(
        "<p>Import bills from a CSV file with the header "
        "<code>month,provider,resource,quantity,amount_usd</code>: one row per month, provider "
        "and resource; quantity above zero, amount in USD with at most 2 decimals. A bill "
        "replaces the stored one for the same month, provider and resource.</p><p>If any row "
        "has an error, nothing is imported.</p>");
}

QString titleOf(PlanSession::ImportKind kind)
{
    switch (kind) {
    case PlanSession::ImportKind::Plan:
        return PlanImportDialog::tr("Import plan");
    case PlanSession::ImportKind::Contracts:
        return PlanImportDialog::tr("Import contracted capacity");
    case PlanSession::ImportKind::Actuals:
        break;
    }
    return PlanImportDialog::tr("Import actuals");
}

} // namespace

PlanImportDialog::PlanImportDialog(PlanSession& plan, PlanSession::ImportKind kind, QWidget* parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_kind(kind)
    , m_fileEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(tr("Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_issueModel(new IssueTableModel(this))
    , m_issueView(new QTableView(this))
{
    setObjectName(QStringLiteral("planImportDialog"));
    setWindowTitle(titleOf(kind));
    auto* intro = new QLabel(introText(kind), this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    m_fileEdit->setPlaceholderText(tr("CSV file to import"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("File:"), this));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_issueView->setModel(m_issueModel);
    m_issueView->verticalHeader()->hide();
    m_issueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_issueView->horizontalHeader()->setStretchLastSection(true);
    m_issueView->setVisible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_importButton->setDefault(true);
    m_importButton->setEnabled(false);
    connect(m_importButton, &QPushButton::clicked, this, &PlanImportDialog::startImport);
    connect(m_closeButton, &QPushButton::clicked, this, &PlanImportDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(
            this, windowTitle(), file(), tr("CSV files (*.csv);;All files (*)"));
        if (!chosen.isEmpty())
            setFile(chosen);
    });
    connect(m_fileEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_importButton->setEnabled(!text.trimmed().isEmpty() && !isRunning());
    });
    connect(&m_watcher,
            &QFutureWatcher<storage::PlanImportReport>::finished,
            this,
            &PlanImportDialog::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_issueView, 1);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(780, 330);
}

void PlanImportDialog::setFile(const QString& file)
{
    m_fileEdit->setText(file);
}

QString PlanImportDialog::file() const
{
    return m_fileEdit->text().trimmed();
}

bool PlanImportDialog::isRunning() const
{
    return m_watcher.isRunning();
}

QString PlanImportDialog::resultText() const
{
    return m_result->text();
}

void PlanImportDialog::reject()
{
    if (!isRunning()) // the worker writes the workspace: let it finish
        QDialog::reject();
}

void PlanImportDialog::startImport()
{
    if (isRunning() || file().isEmpty())
        return;
    m_result->clear();
    m_issueModel->setIssues({});
    m_issueView->setVisible(false);
    const bool started = guard(this, windowTitle(), [this] {
        setRunning(true);
        m_watcher.setFuture(m_plan.importFile(m_kind, file()));
    });
    if (!started)
        setRunning(false);
}

void PlanImportDialog::onFinished()
{
    setRunning(false);
    try {
        showReport(m_watcher.future().result());
    } catch (...) {
        m_result->setText(
            tr("<b>Nothing was imported.</b><br>%1")
                .arg(describeFailure(std::current_exception()).message.toHtmlEscaped()));
        emit importFinished();
    }
}

void PlanImportDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_browseButton->setEnabled(!running);
    m_fileEdit->setEnabled(!running);
    m_closeButton->setEnabled(!running);
    m_importButton->setEnabled(!running && !file().isEmpty());
    if (running)
        m_result->setText(tr("Importing %1…").arg(QFileInfo(file()).fileName().toHtmlEscaped()));
}

void PlanImportDialog::showReport(const storage::PlanImportReport& report)
{
    const QString name = toQString(report.sourceName).toHtmlEscaped();
    const auto errors = static_cast<std::int64_t>(
        std::count_if(report.issues.begin(), report.issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }));
    const auto warnings = static_cast<std::int64_t>(report.issues.size()) - errors;
    QString text;
    if (report.applied) {
        text = tr("<b>Imported %1.</b><br>Read: %2, new: %3, replaced: %4. Undo (Ctrl+Z) on the "
                  "Plan page reverts the whole import.")
                   .arg(name,
                        format::integer(static_cast<std::int64_t>(report.imported)),
                        format::integer(static_cast<std::int64_t>(report.added)),
                        format::integer(static_cast<std::int64_t>(report.replaced)));
        if (warnings > 0)
            text += QStringLiteral("<br>")
                    + tr("%1 warning(s), listed below.").arg(format::integer(warnings));
    } else {
        text = tr("<b>Nothing was imported: the workspace is unchanged.</b><br>%1 has %2 "
                  "error(s) and %3 warning(s). Correct the rows listed below and import the file "
                  "again.")
                   .arg(name, format::integer(errors), format::integer(warnings));
    }
    m_result->setText(text);
    m_issueModel->setIssues(report.issues);
    m_issueView->setVisible(!report.issues.empty());
    if (!report.issues.empty() && height() < 480)
        resize(width(), 480);
    emit importFinished();
}

} // namespace ch::ui
