#pragma once

#include "storage/designation_draft.h"
#include "storage/hedge_repository.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ch::ui {

class DeskSession;
class WorkspaceSession;

//! "Designate hedge…": documents a hedge relationship (ASC 815) for one (exposure index, contract)
//! group of a submitted hedge proposal.
//!
//! Choosing a proposal and a group fills every field from storage::draftDesignation (reference,
//! memo texts, ratio, method, frequency, hedged index and volume, contract and contracts per
//! month) and shows how far the group's orders were executed, with its warnings (e.g. nothing
//! filled yet). Every field stays editable. Save checks the fields with
//! storage::validateDesignation and lists the problems, each naming its field; when there are no
//! errors it saves through DesignationRepository::add as the logged-in user (guard()), which
//! refuses a user without manage_limits and audits "designation.create". Fields are named after
//! the issue fields (objectName "reference", "hedged_item", ...), for tests and screenshots.
class DesignationDialog : public QDialog
{
    Q_OBJECT
public:
    DesignationDialog(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    //! The submitted proposals offered, by id.
    QStringList proposalIds() const;
    //! Selects a proposal (and its first group); false when it is not offered.
    bool selectProposal(const QString& id);
    //! "GPU.H100.NC / CHG.H100" for each group of the selected proposal.
    QStringList groupKeys() const;
    //! Selects a group of the selected proposal and fills the fields; false when there is none.
    bool selectGroup(const QString& exposureIndexId, const QString& symbol);
    //! The designation as the fields stand (may be invalid).
    storage::DesignatedHedge designation() const;
    //! The draft's execution summary and warnings, then the problems of the last save.
    QString messages() const;
    //! The problems found by the last save attempt.
    const std::vector<Issue>& issues() const { return m_issues; }

    //! Checks and saves; true (and the dialog accepted) when the designation was stored.
    bool save();

signals:
    //! A designation was stored.
    void designated(const QString& reference);

private:
    void proposalChanged();
    void groupChanged();
    void showDraft(const storage::DesignationDraft& draft);
    void showMessages();

    WorkspaceSession& m_session;
    DeskSession& m_desk;
    std::vector<storage::StoredProposal> m_proposals;
    std::vector<storage::ProposalHedgeGroup> m_groups;
    std::vector<Issue> m_issues;
    QString m_draftText;
    std::string m_preparedBy; //!< the logged-in user's display name
    Date m_designationDate{}; //!< today (UTC)

    QComboBox* m_proposal = nullptr;
    QComboBox* m_group = nullptr;
    QLineEdit* m_reference = nullptr;
    QLineEdit* m_hedgedItem = nullptr;
    QLineEdit* m_instrument = nullptr;
    QLineEdit* m_risk = nullptr;
    QDoubleSpinBox* m_ratio = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_frequency = nullptr;
    QComboBox* m_hedgedIndex = nullptr;
    QDoubleSpinBox* m_units = nullptr;
    QComboBox* m_contract = nullptr;
    QSpinBox* m_contracts = nullptr;
    QLabel* m_messages = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace ch::ui
