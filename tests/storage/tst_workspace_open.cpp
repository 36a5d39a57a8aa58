#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_registry.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;

namespace {

const QStringList kSchema1Tables{
    "contracts", "dataset_info", "events", "indices", "price_imports", "prices", "settings"};

} // namespace

//! Creating, reopening, migrating and copying workspaces.
class TestWorkspaceOpen : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file(const char* name) const { return pathOf(m_dir->filePath(name)); }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void createThenReopen()
    {
        const auto path = file("q3.chw");
        {
            Workspace ws = Workspace::create(path);
            QCOMPARE(ws.schemaVersion(), Workspace::latestSchemaVersion());
            QCOMPARE(ws.migration().fromVersion, Workspace::latestSchemaVersion());
            QCOMPARE(ws.migration().toVersion, Workspace::latestSchemaVersion());
            QVERIFY(ws.migration().backup.empty());
            QCOMPARE(ws.path(), path);
            ws.setSetting("volume.scenario", "base");
            ws.setSetting("volume.scenario", "high");
        }
        // A cleanly closed workspace is one file: the log was checkpointed and removed.
        QVERIFY(!hasSidecars(path));
        Workspace ws = Workspace::open(path);
        QCOMPARE(ws.schemaVersion(), Workspace::latestSchemaVersion());
        QCOMPARE(ws.setting("volume.scenario"), std::optional<std::string>("high"));
        QCOMPARE(ws.setting("not.there"), std::optional<std::string>());
        QVERIFY(ws.migration().backup.empty());
    }

    void newWorkspaceHasSchemaAndPragmas()
    {
        const auto path = file("w.chw");
        Workspace ws = Workspace::create(path);
        QSqlDatabase db =
            QSqlDatabase::database(QString::fromStdString(ws.connectionName()), false);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec("PRAGMA application_id") && q.next());
        QCOMPARE(q.value(0).toInt(), kApplicationId);
        QVERIFY(q.exec("PRAGMA user_version") && q.next());
        QCOMPARE(q.value(0).toInt(), Workspace::latestSchemaVersion());
        QVERIFY(q.exec("PRAGMA foreign_keys") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QString("wal"));
        QVERIFY(q.exec("PRAGMA synchronous") && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QStringList tables;
        QVERIFY(q.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (q.next())
            tables << q.value(0).toString();
        for (const QString& t : kSchema1Tables)
            QVERIFY2(tables.contains(t), qPrintable(t));
    }

    void twoWorkspacesUseSeparateConnections()
    {
        Workspace a = Workspace::create(file("a.chw"));
        Workspace b = Workspace::create(file("b.chw"));
        QVERIFY(a.connectionName() != b.connectionName());
        a.setSetting("k", "a");
        b.setSetting("k", "b");
        QCOMPARE(a.setting("k"), std::optional<std::string>("a"));
        QCOMPARE(b.setting("k"), std::optional<std::string>("b"));
        // Moving keeps the connection; the moved-to workspace closes it.
        Workspace moved = std::move(a);
        QCOMPARE(moved.setting("k"), std::optional<std::string>("a"));
        moved = std::move(b);
        QCOMPARE(moved.setting("k"), std::optional<std::string>("b"));
        QVERIFY(!hasSidecars(file("a.chw")));
    }

    void createRefusesExistingFile()
    {
        const auto path = file("taken.chw");
        writeFile(path, "keep me");
        QCOMPARE(storageErrorOf([&] { Workspace::create(path); }),
                 QString("cannot create workspace 'taken.chw': a file with that name already "
                         "exists"));
        QCOMPARE(readFile(path), QByteArray("keep me"));
    }

    void createRefusesMissingFolder()
    {
        const auto path = file("nowhere/w.chw");
        QCOMPARE(storageErrorOf([&] { Workspace::create(path); }),
                 QString("cannot create workspace 'w.chw': the folder '%1' does not exist")
                     .arg(m_dir->filePath("nowhere")));
    }

    //! The generic migration test: a file at every past schema version opens, is upgraded to the
    //! latest schema, and its original bytes are kept in "<name>.v<old>.bak". Version 0 is an
    //! empty database stamped with our application_id, so this runs every migration there is.
    void migratesFromEveryPastVersion()
    {
        const int latest = Workspace::latestSchemaVersion();
        QVERIFY(latest >= 1);
        for (int v = 0; v < latest; ++v) {
            const auto path = file(qPrintable(QString("v%1.chw").arg(v)));
            Workspace::createAtVersionForTesting(path, v);
            {
                RawDb raw(path);
                QCOMPARE(raw.value("PRAGMA user_version").toInt(), v);
                QCOMPARE(raw.value("PRAGMA application_id").toInt(), kApplicationId);
                if (v == 0)
                    QCOMPARE(raw.tables(), QStringList());
            }
            const QByteArray before = sha256(path);
            Workspace ws = Workspace::open(path);
            QCOMPARE(ws.schemaVersion(), latest);
            QCOMPARE(ws.migration().fromVersion, v);
            QCOMPARE(ws.migration().toVersion, latest);
            const auto backup = file(qPrintable(QString("v%1.chw.v%1.bak").arg(v)));
            QCOMPARE(ws.migration().backup, backup);
            QCOMPARE(sha256(backup), before);
            ws.setSetting("after.migration", "yes");
            QCOMPARE(ws.setting("after.migration"), std::optional<std::string>("yes"));
        }
    }

    void migrationNeverOverwritesABackup()
    {
        const auto path = file("w.chw");
        Workspace::createAtVersionForTesting(path, 0);
        writeFile(file("w.chw.v0.bak"), "an older backup");
        Workspace ws = Workspace::open(path);
        QCOMPARE(ws.migration().backup, file("w.chw.v0-2.bak"));
        QCOMPARE(readFile(file("w.chw.v0.bak")), QByteArray("an older backup"));
    }

    //! A migration that fails half-way rolls back: the file stays at its old version with none of
    //! the new tables, and the error says so.
    void failedMigrationRollsBack()
    {
        const auto path = file("w.chw");
        Workspace::createAtVersionForTesting(path, 0);
        {
            RawDb raw(path);
            // 0001_initial.sql creates settings, dataset_info and indices before prices, so
            // this clash happens in the middle of the script.
            QCOMPARE(raw.exec("CREATE TABLE prices (legacy TEXT)"), QString());
        }
        const QByteArray before = sha256(path);
        QCOMPARE(storageErrorOf([&] { Workspace::open(path); }),
                 QString("upgrading workspace 'w.chw' (schema 1, 0001_initial.sql): table prices "
                         "already exists (SQLite code 1); the workspace was left at schema 0 and a "
                         "copy was saved as 'w.chw.v0.bak'"));
        QCOMPARE(sha256(file("w.chw.v0.bak")), before);
        QVERIFY(!hasSidecars(path));
        RawDb raw(path);
        QCOMPARE(raw.value("PRAGMA user_version").toInt(), 0);
        QCOMPARE(raw.tables(), QStringList{"prices"});
    }

    void saveCopyAs()
    {
        const auto path = file("w.chw");
        const auto copy = file("copy.chw");
        Workspace ws = Workspace::create(path);
        ws.setSetting("k", "first");
        ws.saveCopyAs(copy);
        ws.setSetting("k", "second");
        QCOMPARE(storageErrorOf([&] { ws.saveCopyAs(copy); }),
                 QString("saving a copy of workspace 'w.chw' as 'copy.chw': a file with that name "
                         "already exists"));
        QCOMPARE(storageErrorOf([&] { ws.saveCopyAs(path, true); }),
                 QString("saving a copy of workspace 'w.chw' as 'w.chw': that is the open "
                         "workspace itself"));
        {
            Workspace c = Workspace::open(copy);
            QCOMPARE(c.setting("k"), std::optional<std::string>("first"));
            QVERIFY(c.migration().backup.empty());
        }
        ws.saveCopyAs(copy, true);
        {
            Workspace c = Workspace::open(copy);
            QCOMPARE(c.setting("k"), std::optional<std::string>("second"));
        }
        // Nothing but the workspace, its live log and the copy: no temporary file left behind.
        const QStringList names = QDir(m_dir->path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names, (QStringList{"copy.chw", "w.chw", "w.chw-shm", "w.chw-wal"}));
    }
};
CH_REGISTER_TEST(TestWorkspaceOpen);

#include "tst_workspace_open.moc"
