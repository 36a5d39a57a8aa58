#include "ui/pages/audit_page.h"

#include "storage/audit_log.h"
#include "trading/users.h"
#include "ui/conversions.h"
#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/models/audit_table_model.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ch::ui {

AuditPage::AuditPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : DeskPage(session, desk, parent)
{
    setObjectName(QStringLiteral("auditPage"));
    auto* content = new QWidget(this);
    m_model = new AuditTableModel(this);
    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("auditLog"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter: text in action, object, before, after or comment"));
    m_filter->setClearButtonEnabled(true);
    m_user = new QComboBox(content);
    m_verify = new QPushButton(tr("Verify chain"), content);
    m_verify->setObjectName(QStringLiteral("verifyChain"));
    m_export = new QPushButton(tr("Export CSV…"), content);
    m_result = new QLabel(content);
    m_result->setObjectName(QStringLiteral("chainResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(new QLabel(tr("User"), content));
    bar->addWidget(m_user);
    bar->addWidget(m_verify);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Append-only and hash-chained: every row's SHA-256 covers its "
                                    "content and the previous row's hash. Read-only."),
                                 content));
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_result);
    setContent(content);

    connect(m_filter, &QLineEdit::textChanged, this, [this] { reload(); });
    connect(m_user, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export the audit log"), QStringLiteral("audit.csv"), tr("CSV (*.csv)"));
        if (file.isEmpty())
            return;
        guard(this, tr("Export the audit log"), [&] {
            storage::AuditLog(this->session().workspace()).exportCsv(toPath(file));
            m_result->setText(tr("Exported to %1.").arg(file));
        });
    });
}

trading::Permission AuditPage::viewPermission() const
{
    return trading::Permission::ViewAudit;
}

void AuditPage::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void AuditPage::refresh()
{
    storage::AuditLog log(session().workspace());
    const QString keepUser = m_user->currentData().toString();
    {
        QSignalBlocker block(m_user);
        m_user->clear();
        m_user->addItem(tr("Anyone"), QString());
        std::vector<std::string> users;
        for (const auto& e : log.entries())
            if (std::find(users.begin(), users.end(), e.user) == users.end())
                users.push_back(e.user);
        std::sort(users.begin(), users.end());
        for (const auto& u : users)
            m_user->addItem(QString::fromStdString(u), QString::fromStdString(u));
        m_user->setCurrentIndex(std::max(0, m_user->findData(keepUser)));
    }
    storage::AuditFilter filter;
    filter.text = m_filter->text().trimmed().toStdString();
    filter.user = m_user->currentData().toString().toStdString();
    auto entries = log.entries(filter);
    std::reverse(entries.begin(), entries.end()); // newest first
    m_model->setEntries(std::move(entries));
    m_view->resizeColumnsToContents();
    for (int c : {AuditTableModel::Before, AuditTableModel::After, AuditTableModel::Comment})
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 320));
}

void AuditPage::verifyChain()
{
    guard(this, tr("Verify the audit chain"), [this] {
        const storage::AuditVerification v = storage::AuditLog(session().workspace()).verify();
        if (v.intact()) {
            m_result->setStyleSheet(QStringLiteral("color: #1b5e20;"));
            m_result->setText(tr("Chain intact: %1 entries; head seq %2, hash %3.")
                                  .arg(v.entries)
                                  .arg(v.head.lastSeq)
                                  .arg(QString::fromStdString(v.head.hash)));
        } else {
            m_result->setStyleSheet(QStringLiteral("color: #b00020;"));
            m_result->setText(tr("Chain BROKEN at seq %1: %2")
                                  .arg(*v.brokenSeq)
                                  .arg(QString::fromStdString(v.reason)));
        }
    });
}

QString AuditPage::verificationText() const
{
    return m_result->text();
}

} // namespace ch::ui
