#include "ui/pages/order_batch.h"

#include "domain/error.h"
#include "ui/guard.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <exception>
#include <utility>

namespace ch::ui {

namespace {

QString batchTr(const char* text, int n = -1)
{
    return QCoreApplication::translate("OrderBatch", text, nullptr, n);
}

//! A chunk hands control back to the event loop after this long, so the window repaints and
//! takes clicks at least ~20 times a second even when one order takes a while to store.
constexpr qint64 kChunkBudgetMs = 50;

//! "order 12: <message>". Core's refusals already start that way; other messages ("log in first
//! to submit orders") get the order named in front.
QString refusalLine(const BatchRefusal& r)
{
    const QString prefix = QStringLiteral("order %1: ").arg(r.id.value);
    return r.message.startsWith(prefix) ? r.message : prefix + r.message;
}

} // namespace

int BatchResult::endedIn(trading::OrderState state) const
{
    const auto it = states.find(state);
    return it == states.end() ? 0 : it->second;
}

QString BatchResult::summary(const QString& note) const
{
    QString s = QStringLiteral("%1 %2 of %3").arg(verb).arg(done).arg(total);
    if (!note.isEmpty())
        s += QStringLiteral(" (%1)").arg(note);
    if (!refusals.empty()) {
        const int n = static_cast<int>(refusals.size());
        s += QStringLiteral("; ") + batchTr("%n refused", n) + QStringLiteral(": ")
             + refusalLine(refusals.front());
        if (n > 1)
            s += QStringLiteral(" ") + batchTr("(and %n more)", n - 1);
    }
    if (!failure.isEmpty())
        s += QStringLiteral("; ") + batchTr("stopped by a failure: %1").arg(failure);
    else if (!stopReason.isEmpty())
        s += QStringLiteral("; ") + batchTr("stopped: %1").arg(stopReason);
    if (notAttempted > 0)
        s += QStringLiteral("; ") + batchTr("%n not attempted", notAttempted);
    if (skipped > 0)
        s += QStringLiteral("; ") + batchTr("%n selected left out", skipped)
             + QStringLiteral(" (%1)").arg(skippedWhy);
    return s;
}

QString BatchResult::details() const
{
    QStringList lines;
    for (const auto& r : refusals)
        lines << refusalLine(r);
    if (!failure.isEmpty())
        lines << batchTr("failed: %1").arg(failure);
    return lines.join(QLatin1Char('\n'));
}

OrderBatch::OrderBatch(QString verb,
                       QString progressLabel,
                       std::vector<trading::OrderId> ids,
                       Action action,
                       QWidget* parent)
    : QObject(parent)
    , m_ids(std::move(ids))
    , m_action(std::move(action))
    , m_progressLabel(std::move(progressLabel))
    , m_parentWidget(parent)
{
    m_result.verb = std::move(verb);
    m_result.total = static_cast<int>(m_ids.size());
}

OrderBatch::~OrderBatch()
{
    delete m_progress;
}

void OrderBatch::setChunkSize(int orders)
{
    m_chunkSize = std::max(1, orders);
}

void OrderBatch::setSkipped(int count, const QString& why)
{
    m_result.skipped = count;
    m_result.skippedWhy = why;
}

void OrderBatch::start()
{
    if (m_running || m_next > 0)
        return;
    m_running = true;
    if (static_cast<int>(m_ids.size()) > m_chunkSize) {
        m_progress =
            new QProgressDialog(m_progressLabel, tr("Stop"), 0, m_result.total, m_parentWidget);
        m_progress->setObjectName(QStringLiteral("batchProgress"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(500);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, this, [this] {
            stop(tr("stopped by the user"));
        });
    }
    step();
}

void OrderBatch::stop(const QString& reason)
{
    if (!m_running || !m_result.stopReason.isEmpty())
        return;
    m_result.stopReason = reason;
    if (!m_stepping)
        QTimer::singleShot(0, this, &OrderBatch::step); // finish from the event loop
}

void OrderBatch::step()
{
    if (!m_running || m_stepping)
        return;
    m_stepping = true;
    QElapsedTimer clock;
    clock.start();
    int inChunk = 0;
    while (m_next < m_ids.size() && m_result.stopReason.isEmpty() && m_result.failure.isEmpty()
           && inChunk < m_chunkSize && (inChunk == 0 || clock.elapsed() < kChunkBudgetMs)) {
        runOne(m_ids[m_next++]);
        ++inChunk;
    }
    const int processed = static_cast<int>(m_next);
    emit progress(processed, m_result.total);
    // A window-modal progress dialog processes events in setValue(); m_stepping keeps a Stop
    // click there from re-entering this loop.
    if (m_progress)
        m_progress->setValue(processed);
    m_stepping = false;
    if (m_next >= m_ids.size() || !m_result.stopReason.isEmpty() || !m_result.failure.isEmpty())
        finish();
    else
        QTimer::singleShot(0, this, &OrderBatch::step);
}

void OrderBatch::runOne(trading::OrderId id)
{
    try {
        const trading::Order o = m_action(id);
        ++m_result.done;
        ++m_result.states[o.state()];
    } catch (const Error& e) {
        // Core's refusal (role, maker-checker, state, pre-trade checks): its message as written.
        m_result.refusals.push_back(BatchRefusal{id, QString::fromStdString(e.what())});
    } catch (...) {
        const Failure f = describeFailure(std::current_exception());
        m_result.failure = QStringLiteral("order %1: %2: %3").arg(id.value).arg(f.kind, f.message);
    }
}

void OrderBatch::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_result.notAttempted = static_cast<int>(m_ids.size() - m_next);
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->close();
        m_progress->deleteLater();
    }
    emit finished();
}

QWidget* showBatchReport(QWidget* parent, const QString& title, const BatchResult& result)
{
    if (result.clean())
        return nullptr;
    auto* box =
        new QMessageBox(QMessageBox::Warning, title, result.summary(), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("batchReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(batchTr(
        "Each order was its own transaction: the orders done stay done. The details list every "
        "order that was refused, with the reason core gave."));
    box->setDetailedText(result.details());
    box->open(); // window-modal, no nested event loop
    return box;
}

} // namespace ch::ui
