#pragma once

#include "ui/pages/desk_page.h"

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ch::ui {

class DesignationDialog;
class EffectivenessTableModel;

//! The Effectiveness page: every designated hedge with its cumulative dollar offset, regression
//! slope and R² over the last 24 months of reference prices and whether it passes the
//! designation's method (ASC 815 as commonly applied; trading/effectiveness.h). The selected
//! designation's memo and explanations are shown and can be exported as text. "Designate hedge…"
//! documents a new relationship from a submitted hedge proposal (DesignationDialog); it needs
//! manage_limits.
class EffectivenessPage : public DeskPage
{
    Q_OBJECT
public:
    EffectivenessPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    EffectivenessTableModel* model() const { return m_model; }
    //! Writes the selected designation's memo and assessment to `file`.
    void exportMemo(const QString& file);
    //! Opens the "Designate hedge…" dialog (window-modal); the page selects the new designation.
    //! Returns the dialog, which deletes itself when closed.
    DesignationDialog* openDesignationDialog();
    //! Selects the row of `reference`; false when there is none.
    bool selectDesignation(const QString& reference);
    //! The "Designate hedge…" button (disabled, with the reason as tooltip, for a user without
    //! manage_limits).
    QPushButton* designateButton() const { return m_designate; }

protected:
    void refresh() override;

private:
    void showSelected();

    EffectivenessTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTextBrowser* m_memo = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_designate = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace ch::ui
