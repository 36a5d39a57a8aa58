#pragma once

#include "storage/market_data_repository.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ch::ui {

class IssueTableModel;
class WorkspaceSession;

//! File → Import prices…: explains the CSV format, lets the user choose a file, runs
//! MarketDataRepository::importPriceCsv on a worker (its own Workspace connection, see
//! WorkspaceSession::importPrices) and shows the outcome: rows read, points written and indices
//! touched; or, when the file had errors, the issues sorted by line and a clear statement that
//! nothing was changed. The session reloads its market data after an applied import.
class ImportPricesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportPricesDialog(WorkspaceSession& session, QWidget* parent = nullptr);

    void setFile(const QString& file);
    QString file() const;
    //! Starts the import of file() on a worker; the result appears when it finishes.
    void startImport();
    bool isRunning() const;

    //! Shows an import report (also used directly by tests with hand-built reports).
    void showReport(const storage::PriceImportReport& report);
    //! Shows a failure that stopped the import (an unreadable file, a storage error).
    void showFailure(const QString& message);

    //! The outcome as shown (rich text), "" before the first import.
    QString resultText() const;
    IssueTableModel* issueModel() const { return m_issueModel; }

signals:
    //! The import ended and its outcome is shown.
    void importFinished();

public slots:
    void reject() override;

private:
    void chooseFile();
    void onFinished();
    void setRunning(bool running);

    WorkspaceSession& m_session;
    QLineEdit* m_fileEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    IssueTableModel* m_issueModel = nullptr;
    QTableView* m_issueView = nullptr;
    QFutureWatcher<storage::PriceImportReport> m_watcher;
};

} // namespace ch::ui
