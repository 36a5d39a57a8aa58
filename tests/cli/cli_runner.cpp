#include "cli_runner.h"

#include "test_paths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QTemporaryDir>

namespace ch::test {

QString cliPath()
{
    return binaryDir() + QStringLiteral("/app/computehedge-cli");
}

QString demoWorkspaceCopy(const QString& path)
{
    static QTemporaryDir templateDir;
    static const QString demo = [] {
        const QString file = templateDir.filePath(QStringLiteral("template-demo.chw"));
        const bool created = templateDir.isValid()
                             && runCli({"workspace", "new", file, "--demo"}).exitCode == 0
                             && !QFile::exists(file + QStringLiteral("-wal"));
        return created ? file : QString();
    }();
    if (demo.isEmpty() || !QFile::copy(demo, path))
        return {};
    // QFile::copy keeps the template's permissions; the copy must be writable like a new file.
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                               | QFile::ReadOther);
    return path;
}

CliRun runCli(const QStringList& args)
{
    CliRun run;
    QProcess process;
    process.setProgram(cliPath());
    process.setArguments(args);
    process.start();
    // A generous bound so a hung process fails the test instead of the CTest timeout; it is not
    // a timing assertion.
    if (!process.waitForFinished(240'000)) {
        run.problem = QStringLiteral("%1 did not finish: %2").arg(cliPath(), process.errorString());
        process.kill();
        process.waitForFinished();
        return run;
    }
    if (process.exitStatus() != QProcess::NormalExit)
        run.problem = QStringLiteral("%1 crashed").arg(cliPath());
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject runCliJson(const QStringList& args, QString& problem)
{
    const CliRun run = runCli(QStringList{QStringLiteral("--json")} + args);
    problem = run.problem;
    if (!problem.isEmpty())
        return {};
    if (run.exitCode != 0) {
        problem = QStringLiteral("%1 exited with %2: %3")
                      .arg(args.join(' '))
                      .arg(run.exitCode)
                      .arg(QString::fromUtf8(run.err));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        problem =
            QStringLiteral("%1: stdout is not a JSON object (%2): %3")
                .arg(args.join(' '), error.errorString(), QString::fromUtf8(run.out.left(300)));
        return {};
    }
    return doc.object();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList errorLines(const CliRun& run)
{
    QStringList lines = QString::fromUtf8(run.err).split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace ch::test
