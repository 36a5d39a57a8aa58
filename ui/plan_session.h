#pragma once

#include "exposure/basis.h"
#include "exposure/exposure.h"
#include "storage/plan_repository.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <optional>
#include <vector>

namespace ch::ui {

class WorkspaceSession;

//! Exposure of the current plan book, computed in core (exposure::measureBasis,
//! checkExposureInputs, computeExposure) from the book and the session's market snapshot.
struct ExposureState
{
    exposure::BasisReport basis;
    std::vector<exposure::BillComparison> bills; //!< one per bill, in book order
    //! Why there is no report: no plan or market data yet, or checkExposureInputs' problems.
    std::vector<Issue> problems;
    std::optional<exposure::ExposureReport> report;
    Date asOf{}; //!< the snapshot's valuation date
};

//! The plan book of the open workspace, shared by the Plan and Exposure pages.
//!
//! Responsibility: load the book through storage::PlanRepository when a workspace opens; apply
//! every edit as an undoable command that is saved first (the workspace is the book of record,
//! so an edit that cannot be saved never shows); recompute exposure after every change of the
//! book or the market data, and announce both with bookChanged() (and the workspace session's
//! planChanged(), for pages that read the plan themselves).
//!
//! Invariants: book() is what the workspace holds, except for a workspace without a saved plan,
//! where it is an empty 36-month plan from the month after the valuation date, saved on the first
//! edit. Commands keep shared, immutable books, so undo restores the exact previous value.
//! Methods that write throw (StorageError, ch::Error): call them through guard().
class PlanSession : public QObject
{
    Q_OBJECT
public:
    explicit PlanSession(WorkspaceSession& session, QObject* parent = nullptr);
    ~PlanSession() override;

    WorkspaceSession& workspaceSession() const { return m_session; }
    //! A plan with months exists (false while no workspace or no dataset is open).
    bool hasPlan() const { return m_book->plan.months() > 0; }
    const storage::PlanBook& book() const { return *m_book; }
    const Plan& plan() const { return m_book->plan; }
    const ExposureState& exposure() const { return m_exposure; }
    //! Undo and redo go through undo()/redo(), which save; never call the stack's own slots.
    QUndoStack& undoStack() { return m_undo; }

    //! Saves `after` in one transaction, then records the change as the undoable command `text`.
    //! Throws (nothing changes) when saving fails or `after` is inconsistent.
    void edit(const QString& text, storage::PlanBook after);
    //! edit() with only the plan changed; budget entries of lines `after` no longer has go too.
    void editPlan(const QString& text, Plan after);
    //! The book editPlan() would save: `after` as the plan, minus the budget entries of lines it
    //! no longer has. Check it with storage::checkBookReferences before editing.
    storage::PlanBook bookWithPlan(Plan after) const;
    void undo();
    void redo();

    enum class ImportKind { Plan, Contracts, Actuals };
    //! Imports a CSV on a worker thread with its own workspace connection (large files take
    //! longer than a frame). When it was applied the book is reloaded and the change becomes one
    //! undoable command. The future carries the report, or the worker's exception.
    QFuture<storage::PlanImportReport> importFile(ImportKind kind, const QString& csvFile);
    //! Whether an import is running (edits are refused meanwhile: one writer at a time).
    bool isImporting() const { return m_importing; }

    //! Re-reads the book from the workspace and clears the undo history.
    void reload();

signals:
    //! book() and exposure() were replaced.
    void bookChanged();
    void importingChanged(bool importing);

private:
    friend class BookCommand;
    using BookPtr = std::shared_ptr<const storage::PlanBook>;
    //! Saves `book` and makes it current (used by commands); throws when saving fails.
    void replaceBook(const BookPtr& book);
    void clear();
    void recomputeExposure();
    void announce();

    WorkspaceSession& m_session;
    BookPtr m_book;
    ExposureState m_exposure;
    QUndoStack m_undo;
    bool m_importing = false;
};

} // namespace ch::ui
