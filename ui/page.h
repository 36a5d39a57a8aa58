#pragma once

#include <QStringList>
#include <QWidget>

namespace ch::ui {

class WorkspaceSession;

//! Base of every page in the main window's navigation (Market today; Plan, Exposure, Risk, Hedge,
//! Orders, Positions, Reports later). A page reads the open workspace through its session and
//! refreshes on the session's signals (workspaceOpened, workspaceClosed, marketDataChanged).
//!
//! Adding a page: derive from Page in ui/pages/<name>_page.h/.cpp and add one
//! `addPage(...)` line in MainWindow::registerPages().
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(WorkspaceSession& session, QWidget* parent = nullptr)
        : QWidget(parent)
        , m_session(session)
    {}

    WorkspaceSession& session() const { return m_session; }

    //! Named sub-views (tabs, selections) worth their own screenshot in the user guide, e.g.
    //! "correlations". The page's default state is not listed. Used by `--screenshot` and tests.
    virtual QStringList views() const { return {}; }
    //! Switches to one of views(); an unknown name leaves the page as it is.
    virtual void showView(const QString& view) { Q_UNUSED(view); }

private:
    WorkspaceSession& m_session;
};

} // namespace ch::ui
