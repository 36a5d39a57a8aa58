#pragma once

#include "ui/page.h"

#include <cstdint>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace ch::trading {
// Forward declared: moc cannot parse the C++20 standard headers trading/users.h pulls in.
enum class Permission : std::uint8_t;
} // namespace ch::trading

namespace ch::ui {

class DeskSession;

//! Base of the trading desk pages (Orders, Approvals, Positions, P&L, Effectiveness, Audit).
//!
//! A bar on top says who is logged in, with Log in / Log out. The page's content is shown only to
//! a logged-in user whose role holds viewPermission(); otherwise a placeholder says why (no
//! workspace, no users yet, not logged in, or the role may not see it). The first time a desk page
//! is shown for a workspace with users and nobody is logged in, the login dialog opens.
//! Subclasses build their content, pass it to setContent() and re-read the book in refresh(),
//! which runs when the page is shown and whenever the desk's book or user changes while it is
//! visible (a hidden page refreshes when it is next shown).
class DeskPage : public Page
{
    Q_OBJECT
public:
    DeskPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    DeskSession& desk() const { return m_desk; }
    //! The content is visible (someone permitted is logged in).
    bool isContentShown() const;
    //! The placeholder's text while the content is hidden.
    QString placeholderText() const;
    //! Re-reads the book now (when the content is shown).
    void reload();

protected:
    void setContent(QWidget* content);
    //! The permission needed to see the content (view_book by default).
    virtual trading::Permission viewPermission() const;
    virtual void refresh() = 0;
    void showEvent(QShowEvent* event) override;

private:
    void updateAccess();
    void bookChanged();

    DeskSession& m_desk;
    QLabel* m_userLabel = nullptr;
    QPushButton* m_logInOut = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QWidget* m_content = nullptr;
    bool m_stale = true;
};

} // namespace ch::ui
