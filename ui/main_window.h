#pragma once

#include "ui/recent_workspaces.h"

#include <QMainWindow>
#include <QSettings>

#include <vector>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace ch::ui {

class DeskSession;
class Page;
class WelcomeWidget;
class WorkspaceSession;

//! The main window: left navigation, the pages, menus and the status bar. It only connects pages
//! and actions; pages do the work through the WorkspaceSession (STYLE.md §5 "thin windows").
//!
//! Pages appear in flow order (Market, Plan, Exposure, Risk, Hedge, Orders, Positions, Reports),
//! one addPage() line each in registerPages(). While no workspace is open a welcome view replaces
//! them. Window geometry, the last workspace and the recent list persist in QSettings
//! ("ComputeHedge"/"ComputeHedge" in the app; tests set their own names).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(WorkspaceSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Adds `page` to the navigation under `title`; `id` names it in code, settings and
    //! screenshots ("market"). Takes ownership.
    void addPage(const QString& id, const QString& title, Page* page);
    QStringList pageIds() const;
    Page* page(const QString& id) const;
    void showPage(const QString& id);
    QString currentPageId() const;
    //! The trading desk shared by the desk pages (who is logged in, the paper broker).
    DeskSession& deskSession() const { return *m_desk; }

    //! Opens a workspace through the guard (a dialog on failure); true when it opened.
    bool openWorkspaceFile(const QString& file);
    //! Opens the demo workspace, creating it on first use; true when it opened.
    bool openDemoWorkspace();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void registerPages();
    void createMenus();
    void createStatusBar();
    void newWorkspace();
    void openWorkspace();
    void saveWorkspaceAs();
    void importPrices();
    void showAbout();
    void rebuildRecentMenu();
    void updateForWorkspace();
    void updateStatus();

    WorkspaceSession& m_session;
    DeskSession* m_desk = nullptr;
    QSettings m_settings;
    RecentWorkspaces m_recent;
    struct PageEntry
    {
        QString id;
        Page* page;
    };
    std::vector<PageEntry> m_pages;
    QStackedWidget* m_central = nullptr;
    WelcomeWidget* m_welcome = nullptr;
    QWidget* m_workArea = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pageStack = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_importAction = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_datasetLabel = nullptr;
};

} // namespace ch::ui
