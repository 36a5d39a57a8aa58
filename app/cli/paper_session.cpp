#include "paper_session.h"

#include "desk_cli.h"
#include "pricing/calendar.h"

namespace ch::cli {

broker::PaperBrokerConfig paperConfig(const storage::PaperBrokerSettings& s)
{
    return broker::PaperBrokerConfig{
        s.seed, s.slippageBps, s.rejectProbability, s.partialFillProbability, s.maxPartialFills};
}

trading::Order asReleased(const trading::Order& o)
{
    trading::OrderRecord r = o.record();
    r.state = trading::OrderState::Sent;
    r.filledQty = 0;
    r.statusText.clear();
    return trading::Order::fromRecord(std::move(r));
}

PaperSession::PaperSession(storage::Workspace& workspace,
                           std::shared_ptr<const storage::DeskMarket> market)
    : m_workspace(workspace)
    , m_market(std::move(market))
{
    const storage::PaperBrokerSettings settings =
        storage::TradingRepository(m_workspace).paperBroker();
    // The price provider and the sink run on the broker's thread: the first reads the immutable
    // market view (shared ownership keeps it alive), the second only queues.
    auto prices = [market = m_market](const std::string& symbol, Month month) {
        return market->referencePriceMicros(symbol, month);
    };
    auto sink = [this](const trading::ExecutionReport& r) {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(r);
        }
        m_cv.notify_one();
    };
    m_broker = std::make_unique<broker::PaperBroker>(paperConfig(settings), prices, sink);
}

PaperSession::~PaperSession()
{
    m_broker->stop();
}

std::vector<trading::OrderId> PaperSession::reconcile()
{
    storage::TradingRepository repo(m_workspace);
    repo.processInbox(deskNow());
    repo.expireStale(
        Date{std::chrono::floor<std::chrono::days>(deskNow())},
        [](Month m) { return pricing::lastBusinessDay(m); },
        deskNow());
    std::vector<trading::OrderId> replayed;
    for (const trading::Order& o : repo.ordersAtBroker()) {
        m_broker->submit(asReleased(o));
        replayed.push_back(o.id());
    }
    return replayed;
}

void PaperSession::submit(const trading::Order& sent)
{
    m_broker->submit(sent);
}

PumpResult PaperSession::pump(const std::function<bool()>& done,
                              std::chrono::milliseconds idle,
                              std::chrono::milliseconds limit)
{
    PumpResult result;
    storage::TradingRepository repo(m_workspace);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        std::deque<trading::ExecutionReport> batch;
        {
            std::unique_lock lock(m_mutex);
            const auto until = std::min(deadline, std::chrono::steady_clock::now() + idle);
            if (!m_cv.wait_until(lock, until, [&] { return !m_queue.empty(); }))
                break; // idle: nothing more is coming soon
            batch.swap(m_queue);
        }
        for (const auto& r : batch) {
            ++result.received;
            if (repo.recordReport(r, deskNow()))
                ++result.recorded;
        }
        for (const auto& p : repo.processInbox(deskNow())) {
            if (p.outcome == trading::ApplyOutcome::Applied)
                ++result.applied;
            if (p.outcome == trading::ApplyOutcome::Anomaly) {
                ++result.anomalies;
                result.anomalyNotes.push_back(p.note);
            }
        }
    }
    if (auto failure = m_broker->failure())
        throw UserError("the paper broker stopped: " + *failure);
    return result;
}

} // namespace ch::cli
