#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ch::ui {

//! The login name of whoever runs the application (USER, LOGNAME or USERNAME), the default author
//! of a saved policy version or proposal; empty when none is set.
QString defaultAuthor();

//! Asks who saves a new policy version. Shows what will be saved ("Treasury policy, version 4")
//! and the author; OK is enabled only with an author.
class SavePolicyDialog : public QDialog
{
    Q_OBJECT
public:
    SavePolicyDialog(const QString& policyName, int nextVersion, QWidget* parent = nullptr);
    QString author() const;
    QLineEdit* authorEdit() const { return m_author; }

private:
    QLineEdit* m_author = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

//! "Save proposal…": the rationale (required: the approver reads it), who proposes it, and
//! whether to submit it to the trading desk now or keep it as a draft. `summary` describes the
//! proposal (lines, trades, premium, Cost-at-Risk before and after).
class SaveProposalDialog : public QDialog
{
    Q_OBJECT
public:
    SaveProposalDialog(const QString& proposalId,
                       const QString& summary,
                       QWidget* parent = nullptr);
    QString author() const;
    QString rationale() const;
    bool submitNow() const;

    QLineEdit* authorEdit() const { return m_author; }
    QPlainTextEdit* rationaleEdit() const { return m_rationale; }
    QCheckBox* submitBox() const { return m_submit; }

private:
    void updateOk();

    QLineEdit* m_author = nullptr;
    QPlainTextEdit* m_rationale = nullptr;
    QCheckBox* m_submit = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ch::ui
