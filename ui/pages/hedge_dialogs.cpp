#include "ui/pages/hedge_dialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ch::ui {

QString defaultAuthor()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(name).trimmed();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

SavePolicyDialog::SavePolicyDialog(const QString& policyName, int nextVersion, QWidget* parent)
    : QDialog(parent)
    , m_author(new QLineEdit(defaultAuthor(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save hedge policy"));
    auto* text = new QLabel(tr("Save <b>%1</b> as version %2. Earlier versions stay as they are, "
                               "and the save is recorded in the audit log.")
                                .arg(policyName.toHtmlEscaped())
                                .arg(nextVersion),
                            this);
    text->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Saved by:"), m_author);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this] {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(!author().isEmpty());
    };
    connect(m_author, &QLineEdit::textChanged, this, update);
    update();
    resize(460, sizeHint().height());
}

QString SavePolicyDialog::author() const
{
    return m_author->text().trimmed();
}

SaveProposalDialog::SaveProposalDialog(const QString& proposalId,
                                       const QString& summary,
                                       QWidget* parent)
    : QDialog(parent)
    , m_author(new QLineEdit(defaultAuthor(), this))
    , m_rationale(new QPlainTextEdit(this))
    , m_submit(
          new QCheckBox(tr("Submit to the trading desk now (otherwise keep it as a draft)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save hedge proposal %1").arg(proposalId));
    auto* text = new QLabel(summary, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    m_rationale->setPlaceholderText(
        tr("Why this hedge: what it protects, why these months and instruments, what was "
           "changed from the recommendation…"));
    m_rationale->setTabChangesFocus(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Proposed by:"), m_author);
    form->addRow(tr("Rationale:"), m_rationale);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form, 1);
    layout->addWidget(m_submit);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_author, &QLineEdit::textChanged, this, &SaveProposalDialog::updateOk);
    connect(m_rationale, &QPlainTextEdit::textChanged, this, &SaveProposalDialog::updateOk);
    updateOk();
    resize(620, 420);
}

QString SaveProposalDialog::author() const
{
    return m_author->text().trimmed();
}

QString SaveProposalDialog::rationale() const
{
    return m_rationale->toPlainText().trimmed();
}

bool SaveProposalDialog::submitNow() const
{
    return m_submit->isChecked();
}

void SaveProposalDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!author().isEmpty() && !rationale().isEmpty());
}

} // namespace ch::ui
