#include "test_registry.h"
#include "ui/recent_workspaces.h"
#include "ui_test_data.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ch::ui;

class TestRecentWorkspaces : public QObject
{
    Q_OBJECT
private slots:
    void movesToFrontWithoutDuplicates()
    {
        const QStringList list{"/a.chw", "/b.chw", "/c.chw"};
        QCOMPARE(withRecentPath(list, "/c.chw"), (QStringList{"/c.chw", "/a.chw", "/b.chw"}));
        QCOMPARE(withRecentPath(list, "/d.chw"),
                 (QStringList{"/d.chw", "/a.chw", "/b.chw", "/c.chw"}));
    }

    void keepsAtMostEight()
    {
        QStringList list;
        for (int i = 0; i < 8; ++i)
            list << QStringLiteral("/%1.chw").arg(i);
        const QStringList updated = withRecentPath(list, "/new.chw");
        QCOMPARE(updated.size(), kMaxRecentWorkspaces);
        QCOMPARE(updated.first(), QString("/new.chw"));
        QCOMPARE(updated.last(), QString("/6.chw")); // the oldest, /7.chw, dropped
    }

    void prunesMissingFilesFromSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kept = dir.filePath("kept.chw");
        const QString gone = dir.filePath("gone.chw");
        QVERIFY(ch::test::writeTextFile(kept, "x"));
        QVERIFY(ch::test::writeTextFile(gone, "x"));
        QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
        RecentWorkspaces recent(settings);
        recent.add(kept);
        recent.add(gone);
        recent.setLastWorkspace(gone);
        QCOMPARE(recent.paths(), (QStringList{gone, kept}));
        QCOMPARE(recent.lastWorkspace(), gone);

        QVERIFY(QFile::remove(gone));
        QCOMPARE(recent.paths(), QStringList{kept});
        QCOMPARE(settings.value("workspaces/recent").toStringList(), QStringList{kept});
        QCOMPARE(recent.lastWorkspace(), QString()); // a missing last workspace is not reopened
        recent.remove(kept);
        QVERIFY(recent.paths().isEmpty());
    }
};

CH_REGISTER_TEST(TestRecentWorkspaces);
#include "tst_recent_workspaces.moc"
