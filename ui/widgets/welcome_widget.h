#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace ch::ui {

//! Shown instead of the pages while no workspace is open: what ComputeHedge does and the ways to
//! start (the demo workspace, an existing workspace, a new one, a recent one).
class WelcomeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeWidget(QWidget* parent = nullptr);

    void setRecentWorkspaces(const QStringList& paths);

signals:
    void openDemoRequested();
    void openRequested();
    void newRequested();
    void recentRequested(const QString& path);

private:
    QListWidget* m_recent = nullptr;
};

} // namespace ch::ui
