#include "ui/workspace_session.h"

#include "domain/error.h"
#include "ui/conversions.h"
#include "ui/guard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QStandardPaths>
#include <QtConcurrent>

#include <filesystem>

namespace ch::ui {

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
{}

WorkspaceSession::~WorkspaceSession() = default;

QString WorkspaceSession::defaultDemoPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.chw"));
}

QString WorkspaceSession::filePath() const
{
    return m_workspace ? fromPath(m_workspace->path()) : QString();
}

storage::Workspace& WorkspaceSession::workspace()
{
    require(m_workspace.has_value(), "WorkspaceSession::workspace: no workspace is open");
    return *m_workspace;
}

bool WorkspaceSession::hasMarketData() const
{
    return !m_data.indices.empty();
}

void WorkspaceSession::createWorkspace(const QString& file)
{
    adopt(storage::Workspace::createWithReferenceData(toPath(file)));
}

void WorkspaceSession::openWorkspace(const QString& file)
{
    adopt(storage::Workspace::open(toPath(file)));
}

void WorkspaceSession::openDemoWorkspace(const QString& file)
{
    if (QFileInfo::exists(file)) {
        openWorkspace(file);
        return;
    }
    const QString folder = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(folder))
        throw StorageError("creating the folder '" + folder.toStdString()
                           + "' for the demo workspace failed");
    adopt(storage::Workspace::createDemo(toPath(file)));
}

void WorkspaceSession::saveCopyAs(const QString& target)
{
    const storage::Workspace& current = workspace();
    const std::filesystem::path targetPath = toPath(QFileInfo(target).absoluteFilePath());
    std::error_code ec;
    if (std::filesystem::equivalent(current.path(), targetPath, ec))
        throw StorageError("saving a copy of '" + current.path().filename().string() + "' to '"
                           + targetPath.string()
                           + "': that is the open workspace; choose another file name");
    current.saveCopyAs(targetPath, /*overwrite=*/true);
    adopt(storage::Workspace::open(targetPath));
}

void WorkspaceSession::closeWorkspace()
{
    if (!m_workspace)
        return;
    ++m_generation; // any build still running belongs to the closed file
    m_workspace.reset();
    m_data = MarketDataSet{};
    m_snapshot = pricing::MarketSnapshot{};
    m_loading = false;
    emit workspaceClosed();
    emit marketDataChanged();
}

void WorkspaceSession::adopt(storage::Workspace workspace)
{
    // Close the old file first so only one GUI-thread connection is ever open.
    closeWorkspace();
    m_workspace.emplace(std::move(workspace));
    emit workspaceOpened(filePath());
    reloadMarketData();
}

void WorkspaceSession::reloadMarketData()
{
    const std::uint64_t generation = ++m_generation;
    LoadedMarket loaded;
    try {
        // Reading is on the GUI thread: the connection belongs to it.
        loaded.data = storage::MarketDataRepository(workspace()).loadAll();
    } catch (...) {
        const Failure failure = describeFailure(std::current_exception());
        m_data = MarketDataSet{};
        m_snapshot = pricing::MarketSnapshot{};
        m_loading = false;
        emit marketDataChanged();
        emit marketDataFailed(failure.message);
        return;
    }
    m_loading = true;
    // Curves, vols and the correlation repair run on a worker with their own copy of the data
    // (STYLE.md §6); the result comes back together with that copy so data and snapshot match.
    QFuture<LoadedMarket> future = QtConcurrent::run(
        [](QPromise<LoadedMarket>& promise, LoadedMarket input) {
            try {
                if (!input.data.indices.empty())
                    input.snapshot =
                        pricing::buildMarketSnapshot(input.data, input.data.info.valuationDate);
                promise.addResult(std::move(input));
            } catch (...) {
                promise.setException(std::current_exception());
            }
        },
        std::move(loaded));
    auto* watcher = new QFutureWatcher<LoadedMarket>(this);
    connect(watcher, &QFutureWatcher<LoadedMarket>::finished, this, [this, watcher, generation] {
        finishLoad(generation, watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void WorkspaceSession::finishLoad(std::uint64_t generation, const QFuture<LoadedMarket>& future)
{
    if (generation != m_generation)
        return; // a newer load or a close superseded this one
    m_loading = false;
    try {
        LoadedMarket result = future.result();
        m_data = std::move(result.data);
        m_snapshot = std::move(result.snapshot);
    } catch (...) {
        const Failure failure = describeFailure(std::current_exception());
        m_data = MarketDataSet{};
        m_snapshot = pricing::MarketSnapshot{};
        emit marketDataChanged();
        emit marketDataFailed(failure.message);
        return;
    }
    emit marketDataChanged();
}

QFuture<storage::PriceImportReport> WorkspaceSession::importPrices(const QString& csvFile)
{
    const std::filesystem::path workspacePath = workspace().path();
    const std::filesystem::path csvPath = toPath(csvFile);
    QFuture<storage::PriceImportReport> future =
        QtConcurrent::run([workspacePath, csvPath](QPromise<storage::PriceImportReport>& promise) {
            try {
                // This thread's own connection; closed before the future reports finished.
                storage::Workspace own = storage::Workspace::open(workspacePath);
                promise.addResult(storage::MarketDataRepository(own).importPriceCsv(csvPath));
            } catch (...) {
                promise.setException(std::current_exception());
            }
        });
    auto* watcher = new QFutureWatcher<storage::PriceImportReport>(this);
    const QString importedInto = filePath();
    connect(watcher,
            &QFutureWatcher<storage::PriceImportReport>::finished,
            this,
            [this, watcher, importedInto] {
                watcher->deleteLater();
                const QFuture<storage::PriceImportReport> done = watcher->future();
                // The caller shows failures; here only a successful import matters.
                if (done.resultCount() == 0 || importedInto != filePath())
                    return;
                if (done.result().applied)
                    reloadMarketData();
            });
    watcher->setFuture(future);
    return future;
}

} // namespace ch::ui
