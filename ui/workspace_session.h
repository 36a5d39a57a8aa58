#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace ch::ui {

//! The open workspace and the market data every page reads, owned on the GUI thread.
//!
//! Responsibility: open, create, copy and close the workspace file; load its market data through
//! storage::MarketDataRepository and build the pricing::MarketSnapshot (curves, vols,
//! correlations) as of the dataset's valuation date; run long jobs (price imports) on workers.
//! Pages receive a WorkspaceSession* and react to its signals; they never open SQL.
//!
//! Invariants: marketData() and snapshot() always belong together (they are replaced in one step
//! when a background build finishes; a stale build is discarded). The Workspace lives on the GUI
//! thread; a worker that writes opens its own Workspace on the same file, because a QSqlDatabase
//! connection belongs to the thread that opened it.
//!
//! Methods that open or write files throw (StorageError, ch::Error): call them through guard().
class WorkspaceSession : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    //! <AppDataLocation>/demo.chw, where --demo and the first run keep the demo workspace.
    static QString defaultDemoPath();

    bool isOpen() const { return m_workspace.has_value(); }
    //! The open workspace file, or an empty string.
    QString filePath() const;
    //! The open workspace, for repositories; throws ch::Error when none is open.
    storage::Workspace& workspace();

    //! True while the market data of the open workspace is being loaded or rebuilt.
    bool isLoading() const { return m_loading; }
    //! A dataset with at least one index, and its snapshot, are loaded. While a reload runs the
    //! previous pair stays available.
    bool hasMarketData() const;
    //! The loaded dataset; empty when closed, before the first load finishes, or after a failure.
    const MarketDataSet& marketData() const { return m_data; }
    //! The snapshot built from marketData() as of its valuation date; empty when there is none.
    const pricing::MarketSnapshot& snapshot() const { return m_snapshot; }

    //! Creates a new workspace file (refuses an existing one) holding the embedded reference
    //! market data (indices, history, contracts) but no plans or positions, and opens it.
    void createWorkspace(const QString& file);
    //! Opens an existing workspace (migrating an older schema after a backup).
    void openWorkspace(const QString& file);
    //! Opens the demo workspace at `file`, creating it from the embedded reference dataset and demo
    //! content on first use.
    void openDemoWorkspace(const QString& file);
    //! Writes a consistent copy of the open workspace to `target` (replacing it) and switches to
    //! it.
    void saveCopyAs(const QString& target);
    void closeWorkspace();
    //! Re-reads the market data of the open workspace and rebuilds the snapshot in the background.
    void reloadMarketData();

    //! Imports a daily price CSV on a worker thread with its own Workspace connection. When the
    //! import was applied, the session reloads its market data (marketDataChanged follows). The
    //! future carries the report, or the exception (StorageError, ...) the worker threw.
    QFuture<storage::PriceImportReport> importPrices(const QString& csvFile);

signals:
    void workspaceOpened(const QString& filePath);
    void workspaceClosed();
    //! marketData() and snapshot() were replaced (also when they became empty on close).
    void marketDataChanged();
    //! Loading market data or building the snapshot failed; the data is now empty.
    void marketDataFailed(const QString& message);
    //! The plan book of the open workspace changed: emitted by PlanSession (ui/plan_session.h)
    //! after every saved edit, undo, redo, import or reload.
    void planChanged();

private:
    struct LoadedMarket
    {
        MarketDataSet data;
        pricing::MarketSnapshot snapshot;
    };
    void adopt(storage::Workspace workspace);
    void finishLoad(std::uint64_t generation, const QFuture<LoadedMarket>& future);

    std::optional<storage::Workspace> m_workspace;
    MarketDataSet m_data;
    pricing::MarketSnapshot m_snapshot;
    std::uint64_t m_generation = 0; //!< bumped by every load and close; stale results are dropped
    bool m_loading = false;
};

} // namespace ch::ui
