#include "ui/recent_workspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace ch::ui {

namespace {
const QString kRecentKey = QStringLiteral("workspaces/recent");
const QString kLastKey = QStringLiteral("workspaces/last");
} // namespace

QStringList withRecentPath(QStringList list, const QString& path, int max)
{
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > max)
        list.removeLast();
    return list;
}

QStringList withoutMissingFiles(const QStringList& list)
{
    QStringList kept;
    for (const QString& path : list) {
        if (QFileInfo::exists(path))
            kept << path;
    }
    return kept;
}

RecentWorkspaces::RecentWorkspaces(QSettings& settings)
    : m_settings(settings)
{}

QStringList RecentWorkspaces::paths() const
{
    const QStringList stored = m_settings.value(kRecentKey).toStringList();
    const QStringList kept = withoutMissingFiles(stored);
    if (kept != stored)
        m_settings.setValue(kRecentKey, kept);
    return kept;
}

void RecentWorkspaces::add(const QString& path)
{
    m_settings.setValue(kRecentKey, withRecentPath(paths(), QFileInfo(path).absoluteFilePath()));
}

void RecentWorkspaces::remove(const QString& path)
{
    QStringList list = paths();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings.setValue(kRecentKey, list);
}

QString RecentWorkspaces::lastWorkspace() const
{
    const QString last = m_settings.value(kLastKey).toString();
    return !last.isEmpty() && QFileInfo::exists(last) ? last : QString();
}

void RecentWorkspaces::setLastWorkspace(const QString& path)
{
    m_settings.setValue(kLastKey, QFileInfo(path).absoluteFilePath());
}

} // namespace ch::ui
