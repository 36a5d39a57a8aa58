#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ch::test {

//! The outcome of one computehedge-cli run.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString problem; //!< set when the process could not start or did not finish
};

//! The built executable: <binary dir>/app/computehedge-cli.
QString cliPath();
//! Runs computehedge-cli with `args` and waits for it to exit.
CliRun runCli(const QStringList& args);
//! Runs it with `--json` added, expecting exit code 0 and a JSON object on stdout; otherwise
//! `problem` says what went wrong (exit code, stderr or the JSON parse error).
QJsonObject runCliJson(const QStringList& args, QString& problem);
//! A fresh demo workspace at `path`: a copy of one made by `computehedge-cli workspace new --demo`
//! once per test process (creating one hashes four scrypt passwords, about 2 s; a copy costs
//! milliseconds). Returns `path`, or an empty string when the demo could not be created or
//! copied. A workspace file is self-contained once the CLI has exited (its WAL is checkpointed
//! on close), so copying the one file is a faithful copy.
QString demoWorkspaceCopy(const QString& path);
//! Whole-file helpers for fixtures; writeFile returns false when the file cannot be written.
bool writeFile(const QString& path, const QByteArray& content);
QByteArray readFile(const QString& path);
//! Standard error split into lines, without the empty string after the final newline.
QStringList errorLines(const CliRun& run);

} // namespace ch::test
