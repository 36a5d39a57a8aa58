#include "ui/import_prices_dialog.h"

#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/issue_table_model.h"
#include "ui/workspace_session.h"

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

ImportPricesDialog::ImportPricesDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_fileEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(tr("Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_issueModel(new IssueTableModel(this))
    , m_issueView(new QTableView(this))
{
    setObjectName(QStringLiteral("importPricesDialog"));
    setWindowTitle(tr("Import daily prices"));

    auto* intro = new QLabel(
        tr("<p>Import daily index levels from a CSV file with the header "
           "<code>date,index,price</code> and optional <code>source</code> and "
           "<code>volume</code> columns, in any order. Dates are ISO (2026-10-30); prices are in "
           "USD per unit of the index (per GPU-hour, or per 1M tokens); index ids must exist in "
           "this workspace (e.g. GPU.H100.NC).</p>"
           "<p>Rows for the same index and day from several sources are combined: the median "
           "price, or the volume-weighted average when a volume column is present. An imported "
           "day replaces the stored level for that index and day.</p>"
           "<p>If any row has an error, nothing is imported and every problem is listed.</p>"),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    m_fileEdit->setPlaceholderText(tr("CSV file to import"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("File:"), this));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);

    m_progress->setRange(0, 0); // busy: the repository reports no progress
    m_progress->setVisible(false);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issueView->setObjectName(QStringLiteral("issueView"));
    m_issueView->setModel(m_issueModel);
    m_issueView->verticalHeader()->hide();
    m_issueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_issueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_issueView->horizontalHeader()->setStretchLastSection(true);
    m_issueView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_issueView->setVisible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &ImportPricesDialog::startImport);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportPricesDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &ImportPricesDialog::chooseFile);
    connect(m_fileEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_importButton->setEnabled(!text.trimmed().isEmpty() && !isRunning());
    });
    connect(&m_watcher,
            &QFutureWatcher<storage::PriceImportReport>::finished,
            this,
            &ImportPricesDialog::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_issueView, 1);
    layout->addStretch(); // takes the space while there is no issue table
    layout->addWidget(buttons);
    m_importButton->setEnabled(false);
    resize(780, 330);
}

void ImportPricesDialog::setFile(const QString& file)
{
    m_fileEdit->setText(file);
}

QString ImportPricesDialog::file() const
{
    return m_fileEdit->text().trimmed();
}

bool ImportPricesDialog::isRunning() const
{
    return m_watcher.isRunning();
}

QString ImportPricesDialog::resultText() const
{
    return m_result->text();
}

void ImportPricesDialog::chooseFile()
{
    const QString chosen = QFileDialog::getOpenFileName(
        this, tr("Choose a daily price file"), file(), tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        setFile(chosen);
}

void ImportPricesDialog::startImport()
{
    if (isRunning() || file().isEmpty())
        return;
    m_result->clear();
    m_issueModel->setIssues({});
    m_issueView->setVisible(false);
    const bool started = guard(this, tr("Import prices"), [this] {
        setRunning(true);
        m_watcher.setFuture(m_session.importPrices(file()));
    });
    if (!started)
        setRunning(false);
}

void ImportPricesDialog::onFinished()
{
    setRunning(false);
    try {
        showReport(m_watcher.future().result());
    } catch (...) {
        showFailure(describeFailure(std::current_exception()).message);
    }
}

void ImportPricesDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_browseButton->setEnabled(!running);
    m_fileEdit->setEnabled(!running);
    m_closeButton->setEnabled(!running);
    m_importButton->setEnabled(!running && !file().isEmpty());
    if (running)
        m_result->setText(tr("Importing %1…").arg(QFileInfo(file()).fileName().toHtmlEscaped()));
}

void ImportPricesDialog::showReport(const storage::PriceImportReport& report)
{
    const QString name = toQString(report.sourceName).toHtmlEscaped();
    const auto errors = static_cast<std::int64_t>(
        std::count_if(report.issues.begin(), report.issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }));
    const auto warnings = static_cast<std::int64_t>(report.issues.size()) - errors;
    QString text;
    if (report.applied) {
        QStringList touched;
        for (const std::string& id : report.indicesTouched)
            touched << toQString(id).toHtmlEscaped();
        text = tr("<b>Imported %1.</b><br>Rows read: %2<br>Points written: %3<br>Indices "
                  "touched: %4")
                   .arg(name,
                        format::integer(static_cast<std::int64_t>(report.rowsRead)),
                        format::integer(static_cast<std::int64_t>(report.pointsWritten)),
                        touched.isEmpty() ? tr("none") : touched.join(QStringLiteral(", ")));
        if (warnings > 0)
            text += QStringLiteral("<br>")
                    + tr("%1 warning(s), listed below.").arg(format::integer(warnings));
    } else {
        text = tr("<b>Nothing was imported: the workspace is unchanged.</b><br>%1 has %2 "
                  "error(s) and %3 warning(s) in %4 rows. Correct the rows listed below and "
                  "import the file again.")
                   .arg(name,
                        format::integer(errors),
                        format::integer(warnings),
                        format::integer(static_cast<std::int64_t>(report.rowsRead)));
    }
    m_result->setText(text);
    m_issueModel->setIssues(report.issues);
    m_issueView->setVisible(!report.issues.empty());
    if (!report.issues.empty() && height() < 520)
        resize(width(), 520); // room for the issue table
    emit importFinished();
}

void ImportPricesDialog::showFailure(const QString& message)
{
    m_result->setText(
        tr("<b>The import failed: nothing was changed.</b><br>%1").arg(message.toHtmlEscaped()));
    m_issueModel->setIssues({});
    m_issueView->setVisible(false);
    emit importFinished();
}

void ImportPricesDialog::reject()
{
    if (isRunning())
        return; // the worker cannot be interrupted mid-transaction; wait for its result
    QDialog::reject();
}

} // namespace ch::ui
