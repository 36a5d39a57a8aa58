// computehedge-cli failure paths: exit code 1, nothing on stdout, and the exact message on stderr
// naming the argument and the expected form; refused workspaces name the file.

#include "cli_runner.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::test;

class TestCliErrors : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_firstIndex;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        QCOMPARE(demoWorkspaceCopy(m_demo), m_demo);
        auto ws = storage::Workspace::open(m_demo.toStdString());
        const auto indices = storage::MarketDataRepository(ws).indices();
        QVERIFY(!indices.empty());
        m_firstIndex = QString::fromStdString(indices.front().id);
        QCOMPARE(runCli({"workspace", "new", m_dir.filePath("empty.chw")}).exitCode, 0);
        QVERIFY(writeFile(m_dir.filePath("a-file"), "x"));
    }

    void userErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); //!< stderr's single line, or its start when !exact
        QTest::addColumn<bool>("exact");
        const QString ws = m_demo;
        const QString e = "computehedge-cli: error: ";
        const QString showUsage =
            "computehedge-cli market show INDEX [--from YYYY-MM-DD] [--to YYYY-MM-DD]";
        const QString nope = m_dir.filePath("nope.chw");

        // Group and command lists grow with features, so these check the start of the message.
        QTest::newRow("no command")
            << QStringList{} << e + "missing command; expected one of the groups " << false;
        QTest::newRow("unknown group")
            << QStringList{"frobnicate"}
            << e + "unknown command group \"frobnicate\"; expected one of " << false;
        QTest::newRow("missing command")
            << QStringList{"market"} << e + "missing command after \"market\"; expected one of "
            << false;
        QTest::newRow("unknown command")
            << QStringList{"market", "frobnicate"}
            << e + "unknown command \"market frobnicate\"; expected one of " << false;
        QTest::newRow("unknown index (show)")
            << QStringList{"--workspace", ws, "market", "show", "GPU.NOPE"}
            << e + "INDEX: \"GPU.NOPE\" is not an index in this workspace; expected one of "
                   + m_firstIndex
            << false;
        QTest::newRow("unknown index (curve)")
            << QStringList{"--workspace", ws, "market", "curve", "GPU.NOPE"}
            << e + "INDEX: \"GPU.NOPE\" is not an index in this workspace; expected one of "
                   + m_firstIndex
            << false;

        QTest::newRow("missing INDEX") << QStringList{"--workspace", ws, "market", "show"}
                                       << e
                                              + "market show: missing INDEX (index id such as "
                                                "GPU.H100.NC; see `market list`); usage: "
                                              + showUsage
                                       << true;
        QTest::newRow("bad --from")
            << QStringList{"--workspace",
                           ws,
                           "market",
                           "show",
                           m_firstIndex,
                           "--from",
                           "2026/01/01"}
            << e + "--from: \"2026/01/01\" is not a date; expected YYYY-MM-DD" << true;
        QTest::newRow("impossible --to")
            << QStringList{"--workspace", ws, "market", "show", m_firstIndex, "--to=2026-02-30"}
            << e + "--to: \"2026-02-30\" is not a date; expected YYYY-MM-DD" << true;
        QTest::newRow("--from after --to")
            << QStringList{"--workspace",
                           ws,
                           "market",
                           "show",
                           m_firstIndex,
                           "--from",
                           "2026-05-01",
                           "--to",
                           "2026-04-01"}
            << e + "--from 2026-05-01 is after --to 2026-04-01; expected --from on or before --to"
            << true;
        QTest::newRow("unknown option")
            << QStringList{"--workspace", ws, "market", "show", m_firstIndex, "--bogus"}
            << e
                   + "unknown option \"--bogus\" for \"market show\"; see computehedge-cli market "
                     "show --help"
            << true;
        QTest::newRow("missing option value")
            << QStringList{"--workspace", ws, "market", "show", m_firstIndex, "--from"}
            << e + "--from: missing value; expected YYYY-MM-DD" << true;
        QTest::newRow("repeated option") << QStringList{"--workspace",
                                                        ws,
                                                        "market",
                                                        "show",
                                                        m_firstIndex,
                                                        "--from",
                                                        "2026-01-01",
                                                        "--from",
                                                        "2026-02-01"}
                                         << e + "--from: given more than once" << true;
        QTest::newRow("extra argument")
            << QStringList{"--workspace", ws, "market", "show", m_firstIndex, "extra"}
            << e + "unexpected argument \"extra\" for \"market show\"; usage: " + showUsage << true;
        QTest::newRow("flag with a value")
            << QStringList{"workspace", "new", m_dir.filePath("x.chw"), "--demo=yes"}
            << e + "--demo: takes no value, got \"yes\"" << true;
        QTest::newRow("--window-days 0")
            << QStringList{"--workspace", ws, "market", "stats", "--window-days", "0"}
            << e + "--window-days: \"0\" is not a whole number greater than zero" << true;
        QTest::newRow("--window-days abc")
            << QStringList{"--workspace", ws, "market", "stats", "--window-days", "12abc"}
            << e + "--window-days: \"12abc\" is not a whole number greater than zero" << true;
        QTest::newRow("no --workspace")
            << QStringList{"market", "list"}
            << e
                   + "this command needs a workspace; pass --workspace PATH (create "
                     "one with `computehedge-cli workspace new PATH --demo`)"
            << true;
        QTest::newRow("--workspace without value")
            << QStringList{"market", "list", "--workspace"}
            << e + "--workspace: missing value; expected PATH" << true;
        QTest::newRow("workspace does not exist")
            << QStringList{"--workspace", nope, "market", "list"}
            << e + "--workspace: \"" + nope
                   + "\" does not exist; create it with `computehedge-cli workspace new " + nope
                   + " --demo`"
            << true;
        QTest::newRow("workspace new over an existing file")
            << QStringList{"workspace", "new", ws, "--demo"}
            << e + "PATH: \"" + ws
                   + "\" already exists; choose a new file name (workspace new never overwrites)"
            << true;
        QTest::newRow("workspace new without PATH")
            << QStringList{"workspace", "new"}
            << e
                   + "workspace new: missing PATH (the new workspace file); usage: "
                     "computehedge-cli workspace new "
                     "[PATH] [--demo]"
            << true;
        QTest::newRow("workspace new, two paths")
            << QStringList{"--workspace", nope, "workspace", "new", m_dir.filePath("other.chw")}
            << e + "PATH \"" + m_dir.filePath("other.chw") + "\" and --workspace \"" + nope
                   + "\" name different files; give one of them"
            << true;
        QTest::newRow("workspace new in a missing folder")
            << QStringList{"workspace", "new", m_dir.filePath("no/such/dir/x.chw")}
            << e + "PATH: folder \"" + m_dir.filePath("no/such/dir") + "\" does not exist" << true;
        QTest::newRow("import: missing FILE")
            << QStringList{"--workspace", ws, "market", "import"}
            << e
                   + "market import: missing FILE (CSV with header date,index,price and optional "
                     "source, "
                     "volume); usage: computehedge-cli market import FILE"
            << true;
        QTest::newRow("import: FILE does not exist")
            << QStringList{"--workspace", ws, "market", "import", m_dir.filePath("none.csv")}
            << e + "FILE: \"" + m_dir.filePath("none.csv") + "\" does not exist" << true;
        QTest::newRow("empty workspace: stats")
            << QStringList{"--workspace", m_dir.filePath("empty.chw"), "market", "stats"}
            << e
                   + "the workspace has no market data; create a demo workspace with "
                     "`computehedge-cli "
                     "workspace new PATH --demo`"
            << true;
        QTest::newRow("empty workspace: show")
            << QStringList{"--workspace",
                           m_dir.filePath("empty.chw"),
                           "market",
                           "show",
                           "GPU.H100.NC"}
            << e
                   + "INDEX: \"GPU.H100.NC\" is not an index in this workspace; the workspace has "
                     "no indices"
            << true;
        QTest::newRow("dataset generate without --out")
            << QStringList{"dataset", "generate"}
            << e
                   + "dataset generate: missing --out DIR (folder to write to; created if missing, "
                     "files in it "
                     "are replaced); usage: computehedge-cli dataset generate --out DIR"
            << true;
        QTest::newRow("dataset generate --out names a file")
            << QStringList{"dataset", "generate", "--out", m_dir.filePath("a-file")}
            << e + "--out: \"" + m_dir.filePath("a-file") + "\" is a file; expected a folder"
            << true;
    }
    void userErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(bool, exact);
        for (const bool json : {false, true}) {
            const CliRun run = runCli(json ? QStringList{"--json"} + args : args);
            QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.isEmpty(), run.out.constData());
            const QStringList lines = errorLines(run);
            QCOMPARE(lines.size(), 1);
            if (exact)
                QCOMPARE(lines[0], message);
            else
                QVERIFY2(lines[0].startsWith(message), qPrintable(lines[0]));
        }
    }

    void refusedWorkspaceFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text file")
            << "notes.chw" << QByteArray("this is not a workspace\n").repeated(200);
        QTest::newRow("zeroed header") << "zeroed.chw" << QByteArray(8192, '\0');
        const QByteArray demo = readFile(m_demo);
        QTest::newRow("truncated workspace") << "truncated.chw" << demo.left(demo.size() / 3);
    }
    void refusedWorkspaceFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QVERIFY(content.size() > 0);
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, content));
        for (const QStringList& command :
             {QStringList{"workspace", "check"}, QStringList{"market", "list"}}) {
            const CliRun run = runCli(QStringList{"--workspace", path} + command);
            QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
            QCOMPARE(run.exitCode, 1);
            QVERIFY(run.out.isEmpty());
            const QStringList lines = errorLines(run);
            QVERIFY2(!lines.isEmpty() && lines[0].startsWith("computehedge-cli: error: "),
                     run.err.constData());
            QVERIFY2(lines[0].contains(name), qPrintable(lines[0]));
        }
        // A refused file is left as it was.
        QCOMPARE(readFile(path), content);
    }
};

CH_REGISTER_TEST(TestCliErrors);
#include "tst_cli_errors.moc"
