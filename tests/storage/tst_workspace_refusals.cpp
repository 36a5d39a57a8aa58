#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_paths.h"
#include "test_registry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <random>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;

namespace {

QByteArray randomBytes(int size, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray out(size, '\0');
    for (char& c : out)
        c = static_cast<char>(rng() & 0xff);
    return out;
}

} // namespace

//! Files that are not (usable) workspaces are refused with a message for people and left exactly
//! as they were: same bytes, and no -wal/-shm files beside them (reliability.md §5).
class TestWorkspaceRefusals : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file(const QString& name) const { return pathOf(m_dir->filePath(name)); }

    //! Opening `path` throws exactly `expected` and leaves the file untouched.
    void expectRefused(const std::filesystem::path& path, const QString& expected)
    {
        const QByteArray before = sha256(path);
        QVERIFY(!before.isEmpty());
        QCOMPARE(storageErrorOf([&] { Workspace::open(path); }), expected);
        QCOMPARE(sha256(path), before);
        QVERIFY2(!hasSidecars(path), "a -wal or -shm file was left beside the refused file");
        const QStringList backups =
            QDir(qpath(path.parent_path())).entryList({"*.bak"}, QDir::Files);
        QCOMPARE(backups, QStringList());
    }

    std::filesystem::path makeWorkspace(const QString& name)
    {
        const auto path = file(name);
        Workspace ws = Workspace::create(path);
        ws.setSetting("k", std::string(3000, 'x')); // a few pages of content
        return path;
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        // Undo read-only marks so the temporary folder can be removed.
        QFile::setPermissions(m_dir->path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_dir.reset();
    }

    void refusesMissingFile()
    {
        const auto path = file("missing.chw");
        QCOMPARE(storageErrorOf([&] { Workspace::open(path); }),
                 QString("cannot open workspace 'missing.chw': the file does not exist (%1)")
                     .arg(qpath(path)));
        QVERIFY(!QFile::exists(qpath(path)));
        QVERIFY(!hasSidecars(path));
    }

    void refusesFolder()
    {
        QVERIFY(QDir(m_dir->path()).mkdir("folder.chw"));
        const auto path = file("folder.chw");
        QCOMPARE(storageErrorOf([&] { Workspace::open(path); }),
                 QString("cannot open workspace 'folder.chw': '%1' is a folder, not a workspace "
                         "file")
                     .arg(qpath(path)));
    }

    void refusesEmptyFile()
    {
        const auto path = file("empty.chw");
        writeFile(path, QByteArray());
        QCOMPARE(storageErrorOf([&] { Workspace::open(path); }),
                 QString("cannot open workspace 'empty.chw': not a ComputeHedge workspace (the "
                         "file is empty)"));
        QCOMPARE(QFileInfo(qpath(path)).size(), 0);
        QVERIFY(!hasSidecars(path));
    }

    void refusesRandomBytes()
    {
        const auto path = file("random.chw");
        writeFile(path, randomBytes(8192, 7));
        expectRefused(path,
                      "cannot open workspace 'random.chw': not a ComputeHedge workspace (the file "
                      "is not a SQLite database)");
    }

    void refusesTextFile()
    {
        const auto path = file("notes.chw");
        writeFile(path, "date,index,price\n2026-10-30,GPU.H100.NC,2.81\n");
        expectRefused(path,
                      "cannot open workspace 'notes.chw': not a ComputeHedge workspace (the file "
                      "is not a SQLite database)");
    }

    //! A SQLite header followed by garbage gets past the header check; SQLite itself then says
    //! SQLITE_NOTADB (26).
    void refusesGarbageAfterSqliteHeader()
    {
        const auto path = file("garbage.chw");
        writeFile(path, QByteArray("SQLite format 3\0", 16) + randomBytes(8192 - 16, 11));
        expectRefused(path,
                      QString("cannot open workspace 'garbage.chw': not a ComputeHedge workspace "
                              "(or its header is damaged). Details: %1: file is not a database "
                              "(SQLite code 26)")
                          .arg(qpath(path)));
    }

    void refusesTruncatedWorkspace()
    {
        const auto full = makeWorkspace("full.chw");
        QVERIFY(QFileInfo(qpath(full)).size() > 4096);
        const auto path = file("truncated.chw");
        writeFile(path, readFile(full).left(4096));
        expectRefused(path,
                      QString("cannot open workspace 'truncated.chw': the workspace is damaged; "
                              "restore it from a backup copy. Details: %1: database disk image is "
                              "malformed (SQLite code 11)")
                          .arg(qpath(path)));
    }

    //! Damage inside a healthy-looking file (the header is fine), made in a copy of the committed
    //! schema-1 fixture so the bytes, and SQLite's diagnosis, are the same on every run: either
    //! quick_check reports rows other than "ok", or reading fails with SQLITE_CORRUPT (11).
    void refusesWorkspaceWithDamagedPage_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<bool>("wholePage");
        QTest::addColumn<QString>("details");
        QTest::newRow("page 5, second half zeroed: quick_check rows")
            << 5 << false
            << "quick_check: *** in database main ***; Fragmentation of 27 bytes reported as 0 "
               "on page 5";
        QTest::newRow("page 3 overwritten: SQLITE_CORRUPT")
            << 3 << true << "database disk image is malformed (SQLite code 11)";
    }
    void refusesWorkspaceWithDamagedPage()
    {
        QFETCH(int, page);
        QFETCH(bool, wholePage);
        QFETCH(QString, details);
        const auto path = file("damaged.chw");
        QByteArray bytes = readFile(
            pathOf(ch::test::sourceDir() + "/tests/storage/fixtures/schema1-sample.sqlite"));
        QCOMPARE(bytes.size(), 10 * 4096);
        const int offset = (page - 1) * 4096;
        if (wholePage)
            bytes.replace(offset, 4096, randomBytes(4096, 3));
        else
            bytes.replace(offset + 2048, 2048, QByteArray(2048, '\0'));
        writeFile(path, bytes);
        expectRefused(path,
                      QString("cannot open workspace 'damaged.chw': the workspace is damaged; "
                              "restore it from a backup copy. Details: %1: %2")
                          .arg(qpath(path), details));
    }

    void refusesForeignSqliteDatabase()
    {
        const auto path = file("other.db");
        {
            RawDb raw(path);
            QVERIFY(raw.isOpen());
            QCOMPARE(raw.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
                     QString());
            QCOMPARE(raw.exec("INSERT INTO customers (name) VALUES ('Ada')"), QString());
        }
        expectRefused(path,
                      "cannot open workspace 'other.db': not a ComputeHedge workspace "
                      "(application_id 0x00000000, expected 0x43485731)");
    }

    void refusesForeignWalDatabase()
    {
        // A WAL-mode file makes even a read-only connection create -wal/-shm; they must go again.
        const auto path = file("other-wal.db");
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("PRAGMA journal_mode = WAL"), QString());
            QCOMPARE(raw.exec("CREATE TABLE t (x)"), QString());
        }
        QVERIFY(!hasSidecars(path));
        expectRefused(path,
                      "cannot open workspace 'other-wal.db': not a ComputeHedge workspace "
                      "(application_id 0x00000000, expected 0x43485731)");
    }

    void refusesNewerVersion()
    {
        const auto path = makeWorkspace("new.chw");
        const int newer = Workspace::latestSchemaVersion() + 1;
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(QString("PRAGMA user_version = %1").arg(newer)), QString());
        }
        expectRefused(path,
                      QString("cannot open workspace 'new.chw': it was created by a newer version "
                              "of ComputeHedge (schema %1; this build reads up to %2)")
                          .arg(newer)
                          .arg(Workspace::latestSchemaVersion()));
    }

    void refusesReadOnlyFile()
    {
        const auto path = makeWorkspace("locked.chw");
        QVERIFY(QFile::setPermissions(qpath(path),
                                      QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        expectRefused(path,
                      "cannot open workspace 'locked.chw': the file is read-only; make it writable "
                      "or copy it to a folder you can write to");
    }

    void refusesReadOnlyFolder()
    {
        QVERIFY(QDir(m_dir->path()).mkdir("ro"));
        const auto path = makeWorkspace("ro/w.chw");
        const QString folder = m_dir->filePath("ro");
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        expectRefused(path,
                      QString("cannot open workspace 'w.chw': the folder '%1' is read-only; "
                              "ComputeHedge keeps a write-ahead log next to the workspace, so copy "
                              "it to a folder you can write to")
                          .arg(folder));
        const auto fresh = file("ro/new.chw");
        QCOMPARE(
            storageErrorOf([&] { Workspace::create(fresh); }),
            QString("cannot create workspace 'new.chw': the folder '%1' is read-only").arg(folder));
        QVERIFY(!QFile::exists(qpath(fresh)));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};
CH_REGISTER_TEST(TestWorkspaceRefusals);

#include "tst_workspace_refusals.moc"
