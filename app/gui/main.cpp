// computehedge: the desktop application (STYLE.md §1: app holds main(); the work is in ui and
// core).

#include "screenshots.h"
#include "ui/guard.h"
#include "ui/main_window.h"
#include "ui/recent_workspaces.h"
#include "ui/workspace_session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>

#include <cstdio>

namespace {

struct Options
{
    bool demo = false;
    QString workspace;
    QString screenshotDir;
};

Options parseOptions(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Budget and hedge AI compute spend (GPU-hours and LLM tokens)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the demo workspace, creating it on first use."));
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "Open the workspace file <path>."),
        QStringLiteral("path"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main",
            "Render every page to <dir>/<page>.png at 1500x950 and exit. Without "
            "--workspace, on a fresh demo workspace in a temporary folder, "
            "walking the trading desk as its demo users."),
        QStringLiteral("dir"));
    parser.addOptions({demo, workspace, screenshot});
    parser.process(app);
    return {parser.isSet(demo), parser.value(workspace), parser.value(screenshot)};
}

// The workspace to start with: --workspace, --demo, else the last one, else the demo.
// Screenshots of the demo use a fresh copy at `scratchDemo`: the tour saves runs, proposals and
// orders, which must not land in the user's own demo workspace.
bool openStartupWorkspace(const Options& options,
                          ch::ui::MainWindow& window,
                          ch::ui::WorkspaceSession& session,
                          const QString& scratchDemo)
{
    QString file = options.workspace;
    if (file.isEmpty() && !options.demo && options.screenshotDir.isEmpty()) {
        QSettings settings;
        file = ch::ui::RecentWorkspaces(settings).lastWorkspace();
    }
    if (options.screenshotDir.isEmpty())
        return file.isEmpty() ? window.openDemoWorkspace() : window.openWorkspaceFile(file);
    // Screenshots run unattended: report on stderr instead of in a dialog.
    try {
        if (file.isEmpty())
            session.openDemoWorkspace(scratchDemo);
        else
            session.openWorkspace(file);
        return true;
    } catch (...) {
        const ch::ui::Failure failure = ch::ui::describeFailure(std::current_exception());
        std::fprintf(stderr,
                     "computehedge: error: %s: %s\n",
                     qPrintable(failure.kind),
                     qPrintable(failure.message));
        return false;
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ComputeHedge"));
    QApplication::setApplicationName(QStringLiteral("ComputeHedge"));
    QApplication::setApplicationVersion(QStringLiteral(CH_VERSION));

    // :/i18n/computehedge_<locale>.qm, embedded by qt_add_translations; none for English.
    QTranslator translator;
    if (translator.load(QLocale(),
                        QStringLiteral("computehedge"),
                        QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const Options options = parseOptions(app);
    ch::ui::WorkspaceSession session;
    ch::ui::MainWindow window(session);
    const QTemporaryDir scratch;
    const bool opened = openStartupWorkspace(
        options, window, session, scratch.filePath(QStringLiteral("demo.chw")));
    if (!options.screenshotDir.isEmpty())
        return opened ? ch::app::takeScreenshots(window, session, options.screenshotDir) : 1;
    window.show();
    return QApplication::exec();
}
