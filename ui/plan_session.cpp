#include "ui/plan_session.h"

#include "domain/error.h"
#include "ui/conversions.h"
#include "ui/guard.h"
#include "ui/workspace_session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent>

#include <algorithm>

namespace ch::ui {

//! One change of the book, kept as the two immutable values either side of it. The change is
//! saved before the command is pushed, so its first redo() (QUndoStack::push calls it) does
//! nothing; later undo()/redo() save the other value and throw when that fails, which leaves the
//! stack's index where it was (QUndoStack moves it only after the command returned).
class BookCommand : public QUndoCommand
{
public:
    BookCommand(PlanSession& session,
                const QString& text,
                PlanSession::BookPtr before,
                PlanSession::BookPtr after)
        : QUndoCommand(text)
        , m_session(session)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}

    void undo() override { m_session.replaceBook(m_before); }
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            return;
        }
        m_session.replaceBook(m_after);
    }

private:
    PlanSession& m_session;
    PlanSession::BookPtr m_before;
    PlanSession::BookPtr m_after;
    bool m_applied = true;
};

PlanSession::PlanSession(WorkspaceSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_book(std::make_shared<const storage::PlanBook>())
{
    m_undo.setUndoLimit(200);
    connect(&session, &WorkspaceSession::workspaceOpened, this, [this] {
        guard(nullptr, tr("Load plan"), [this] { reload(); });
    });
    connect(&session, &WorkspaceSession::workspaceClosed, this, &PlanSession::clear);
    connect(&session, &WorkspaceSession::marketDataChanged, this, [this] {
        // The plan's first month comes from the dataset: a workspace that had none yet may
        // have one now.
        if (!hasPlan() && m_session.isOpen())
            guard(nullptr, tr("Load plan"), [this] { reload(); });
        else
            announce();
    });
    if (session.isOpen())
        guard(nullptr, tr("Load plan"), [this] { reload(); });
}

PlanSession::~PlanSession() = default;

void PlanSession::reload()
{
    m_undo.clear();
    if (!m_session.isOpen()) {
        clear();
        return;
    }
    storage::PlanRepository repo(m_session.workspace());
    auto book = repo.load();
    if (book.plan.months() == 0)
        book.plan = repo.planOrEmpty();
    m_book = std::make_shared<const storage::PlanBook>(std::move(book));
    announce();
}

void PlanSession::clear()
{
    m_undo.clear();
    m_book = std::make_shared<const storage::PlanBook>();
    announce();
}

void PlanSession::edit(const QString& text, storage::PlanBook after)
{
    require(!m_importing, "PlanSession::edit: an import is running");
    auto next = std::make_shared<const storage::PlanBook>(std::move(after));
    if (*next == *m_book)
        return;
    const BookPtr before = m_book;
    replaceBook(next); // saves first; throws and changes nothing when it cannot
    m_undo.push(new BookCommand(*this, text, before, next));
}

storage::PlanBook PlanSession::bookWithPlan(Plan after) const
{
    storage::PlanBook book = *m_book;
    book.plan = std::move(after);
    // A budget is about its line: removing the line removes it (undo brings both back).
    std::erase_if(book.budget,
                  [&](const BudgetEntry& e) { return book.plan.findLine(e.lineId()) == nullptr; });
    return book;
}

void PlanSession::editPlan(const QString& text, Plan after)
{
    edit(text, bookWithPlan(std::move(after)));
}

void PlanSession::undo()
{
    require(!m_importing, "PlanSession::undo: an import is running");
    m_undo.undo();
}

void PlanSession::redo()
{
    require(!m_importing, "PlanSession::redo: an import is running");
    m_undo.redo();
}

void PlanSession::replaceBook(const BookPtr& book)
{
    storage::PlanRepository(m_session.workspace()).save(*book);
    m_book = book;
    announce();
}

void PlanSession::announce()
{
    recomputeExposure();
    emit bookChanged();
    emit m_session.planChanged();
}

void PlanSession::recomputeExposure()
{
    ExposureState state;
    const storage::PlanBook& book = *m_book;
    if (!m_session.hasMarketData()) {
        state.problems.push_back(Issue{"exposure",
                                       0,
                                       {},
                                       Severity::Error,
                                       "no market data is loaded, so there are no forward curves"});
        m_exposure = std::move(state);
        return;
    }
    const MarketDataSet& market = m_session.marketData();
    const pricing::MarketSnapshot& snapshot = m_session.snapshot();
    state.asOf = snapshot.valuationDate;
    try {
        state.bills = exposure::compareBills(book.actuals, market.series);
        if (book.plan.months() == 0) {
            state.problems.push_back(
                Issue{"exposure", 0, {}, Severity::Error, "the workspace has no plan yet"});
        } else {
            state.basis = exposure::measureBasis(book.plan, book.actuals, market.series);
            state.problems = exposure::checkExposureInputs(
                book.plan, book.contracts, book.budget, snapshot.curves);
            if (state.problems.empty())
                state.report = exposure::computeExposure(
                    book.plan, book.contracts, state.basis, book.budget, snapshot.curves);
        }
    } catch (const std::exception& e) {
        // Shown on the Exposure page in place of the report: a slot must not throw.
        state.report.reset();
        state.problems.push_back(Issue{"exposure", 0, {}, Severity::Error, e.what()});
    }
    m_exposure = std::move(state);
}

QFuture<storage::PlanImportReport> PlanSession::importFile(ImportKind kind, const QString& csvFile)
{
    require(!m_importing, "PlanSession::importFile: an import is already running");
    const std::filesystem::path workspacePath = m_session.workspace().path();
    const std::filesystem::path csvPath = toPath(csvFile);
    QFuture<storage::PlanImportReport> future = QtConcurrent::run(
        [workspacePath, csvPath, kind](QPromise<storage::PlanImportReport>& promise) {
            try {
                // This thread's own connection, closed before the future reports finished.
                storage::Workspace own = storage::Workspace::open(workspacePath);
                storage::PlanRepository repo(own);
                switch (kind) {
                case ImportKind::Plan:
                    promise.addResult(repo.importPlanCsv(csvPath));
                    break;
                case ImportKind::Contracts:
                    promise.addResult(repo.importContractsCsv(csvPath));
                    break;
                case ImportKind::Actuals:
                    promise.addResult(repo.importActualsCsv(csvPath));
                    break;
                }
            } catch (...) {
                promise.setException(std::current_exception());
            }
        });
    m_importing = true;
    emit importingChanged(true);
    auto* watcher = new QFutureWatcher<storage::PlanImportReport>(this);
    const QString importedInto = m_session.filePath();
    const BookPtr before = m_book;
    const QString text = QFileInfo(csvFile).fileName();
    connect(watcher,
            &QFutureWatcher<storage::PlanImportReport>::finished,
            this,
            [this, watcher, importedInto, before, text] {
                watcher->deleteLater();
                m_importing = false;
                emit importingChanged(false);
                const QFuture<storage::PlanImportReport> done = watcher->future();
                // The caller shows failures; here only an applied import into this file matters.
                if (done.resultCount() == 0 || importedInto != m_session.filePath()
                    || !done.result().applied)
                    return;
                guard(nullptr, tr("Load plan"), [&] {
                    const storage::PlanBook stored =
                        storage::PlanRepository(m_session.workspace()).load();
                    auto after = std::make_shared<const storage::PlanBook>(stored);
                    m_book = after;
                    announce();
                    m_undo.push(new BookCommand(*this, tr("Import %1").arg(text), before, after));
                });
            });
    watcher->setFuture(future);
    return future;
}

} // namespace ch::ui
