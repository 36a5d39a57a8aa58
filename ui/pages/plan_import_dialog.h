#pragma once

#include "ui/plan_session.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ch::ui {

class IssueTableModel;

//! Import plan… / Import contracts… / Import actuals…: explains the CSV format, runs the import
//! on a worker through PlanSession::importFile (all or nothing, one undoable step) and shows the
//! outcome, or the issues sorted by line with a clear statement that nothing was changed.
class PlanImportDialog : public QDialog
{
    Q_OBJECT
public:
    PlanImportDialog(PlanSession& plan, PlanSession::ImportKind kind, QWidget* parent = nullptr);

    void setFile(const QString& file);
    QString file() const;
    void startImport();
    bool isRunning() const;
    void showReport(const storage::PlanImportReport& report);
    QString resultText() const;
    IssueTableModel* issueModel() const { return m_issueModel; }

signals:
    void importFinished();

public slots:
    void reject() override;

private:
    void onFinished();
    void setRunning(bool running);

    PlanSession& m_plan;
    PlanSession::ImportKind m_kind;
    QLineEdit* m_fileEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    IssueTableModel* m_issueModel = nullptr;
    QTableView* m_issueView = nullptr;
    QFutureWatcher<storage::PlanImportReport> m_watcher;
};

} // namespace ch::ui
