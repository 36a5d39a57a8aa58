#pragma once

#include "ui/pages/desk_page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ch::ui {

class AuditTableModel;

//! The Audit page (admins and approvers, view_audit): the hash-chained audit log, read-only,
//! newest first, filtered by text and user; "Verify chain" recomputes every hash and checks the
//! head record, reporting the first broken link; "Export CSV…" writes every row for auditors.
class AuditPage : public DeskPage
{
    Q_OBJECT
public:
    AuditPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    AuditTableModel* model() const { return m_model; }
    void setFilterText(const QString& text);
    void verifyChain();
    QString verificationText() const;

protected:
    trading::Permission viewPermission() const override;
    void refresh() override;

private:
    AuditTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_user = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace ch::ui
