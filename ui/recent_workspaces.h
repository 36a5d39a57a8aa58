#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace ch::ui {

//! At most this many recent workspaces are remembered.
inline constexpr int kMaxRecentWorkspaces = 8;

//! `list` with `path` moved (or added) to the front, duplicates removed, cut to `max` entries.
QStringList withRecentPath(QStringList list, const QString& path, int max = kMaxRecentWorkspaces);
//! `list` without the entries whose files no longer exist.
QStringList withoutMissingFiles(const QStringList& list);

//! The recent-workspaces list and the last workspace, kept in QSettings ("workspaces/recent",
//! "workspaces/last"). Missing files are pruned whenever the list is read.
class RecentWorkspaces
{
public:
    explicit RecentWorkspaces(QSettings& settings);

    QStringList paths() const;
    void add(const QString& path);
    void remove(const QString& path);

    //! The workspace open when the app last ran, or "" (also when the file has gone).
    QString lastWorkspace() const;
    void setLastWorkspace(const QString& path);

private:
    QSettings& m_settings;
};

} // namespace ch::ui
