#pragma once

#include "trading/order.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <map>
#include <vector>

class QProgressDialog;
class QWidget;

namespace ch::ui {

//! One order core refused in a batch, with core's message as written ("order 12: pre-trade checks
//! failed: ..."); summary() and details() name the order in front when the message does not.
struct BatchRefusal
{
    trading::OrderId id;
    QString message;
};

//! What a batch action did, counted so that done + refused + failed + not attempted = total.
struct BatchResult
{
    QString verb;  //!< past tense for the summary: "Submitted", "Approved", ...
    int total = 0; //!< orders the action was asked for
    int done = 0;  //!< orders the action went through for
    //! State of each order the action went through for, as core returned it (an approval that
    //! was the first of two leaves the order pending approval).
    std::map<trading::OrderState, int> states;
    std::vector<BatchRefusal> refusals; //!< core said no (ch::Error), in batch order
    //! A failure that is not a refusal (workspace, broker) stops the batch; it names the order.
    QString failure;
    QString stopReason;   //!< why the batch stopped early ("stopped by the user"), or ""
    int notAttempted = 0; //!< orders left when the batch stopped
    //! Selected orders the page left out because the action does not apply to them, and why.
    int skipped = 0;
    QString skippedWhy;

    //! How many of the orders done ended in `state`.
    int endedIn(trading::OrderState state) const;
    //! One line for the status bar, e.g. "Submitted 297 of 300; 3 refused: order 12: <core's
    //! message> (and 2 more)". `note` (may be empty) follows the count in parentheses.
    QString summary(const QString& note = {}) const;
    //! Every refusal and the failure, one per line ("order 12: ..."), for a details box.
    QString details() const;
    //! Nothing went wrong: no refusal, failure or early stop.
    bool clean() const { return refusals.empty() && failure.isEmpty() && stopReason.isEmpty(); }
};

//! Runs one order action (through DeskSession, so one core transaction per order) over a list of
//! orders without freezing the window: a chunk of orders runs, then the event loop gets control
//! back (QTimer::singleShot(0)) so paint events, clicks and the paper broker's execution reports,
//! which arrive on the GUI thread, are handled before the next chunk. A chunk ends after
//! chunkSize() orders or about 50 ms, whichever comes first. The first chunk runs inside start(),
//! so a batch of one order finishes before start() returns. Batches longer than one chunk show a
//! window-modal QProgressDialog (after half a second) whose Stop button ends the batch before the
//! next order.
//!
//! A ch::Error from the action is core refusing that order: it is counted with core's message
//! and the batch goes on. Any other exception (StorageError, BrokerError) stops the batch; the
//! orders after it are counted as not attempted. Exceptions never leave step().
class OrderBatch : public QObject
{
    Q_OBJECT
public:
    //! The action for one order; returns the order as core left it, throws like DeskSession.
    using Action = std::function<trading::Order(trading::OrderId)>;

    //! `verb` is the summary's past tense ("Submitted"), `progressLabel` the progress dialog's
    //! text ("Submitting orders for approval…"); `parent` owns the batch and the dialog.
    OrderBatch(QString verb,
               QString progressLabel,
               std::vector<trading::OrderId> ids,
               Action action,
               QWidget* parent);
    ~OrderBatch() override;

    //! Orders per chunk at most (default 25, at least 1).
    void setChunkSize(int orders);
    int chunkSize() const { return m_chunkSize; }
    //! Records selected orders the page left out, for the summary.
    void setSkipped(int count, const QString& why);

    //! Runs the first chunk now and the rest from the event loop; finished() when all are done.
    void start();
    //! Ends the batch before its next order (e.g. the user logged out); the rest are counted as
    //! not attempted. Does nothing once finished.
    void stop(const QString& reason);
    bool isRunning() const { return m_running; }
    const BatchResult& result() const { return m_result; }

signals:
    void progress(int processed, int total);
    //! Emitted once, when the last order ran or the batch stopped.
    void finished();

private:
    void step();
    void runOne(trading::OrderId id);
    void finish();

    std::vector<trading::OrderId> m_ids;
    std::size_t m_next = 0;
    Action m_action;
    QString m_progressLabel;
    QWidget* m_parentWidget = nullptr;
    QPointer<QProgressDialog> m_progress;
    int m_chunkSize = 25;
    bool m_running = false;
    bool m_stepping = false;
    BatchResult m_result;
};

//! Shows the batch's refusals and failure in one message box (window-modal, opened without a
//! nested event loop, object name "batchReport", deleted on close): the summary as text, one line
//! per refused order as details. Nothing is shown for a clean batch. Returns the box or nullptr.
QWidget* showBatchReport(QWidget* parent, const QString& title, const BatchResult& result);

} // namespace ch::ui
