#include "broker/paper_broker.h"

#include "domain/error.h"

#include <algorithm>
#include <exception>

namespace ch::broker {

PaperBroker::PaperBroker(PaperBrokerConfig config,
                         ReferencePriceProvider prices,
                         ExecutionSink sink,
                         Clock clock)
    : m_engine(config, std::move(prices), std::move(clock))
    , m_sink(std::move(sink))
{
    require(static_cast<bool>(m_sink), "PaperBroker: an execution sink is required");
    m_thread = std::jthread([this](std::stop_token st) { run(st); });
}

PaperBroker::~PaperBroker()
{
    stop();
}

void PaperBroker::requireRunning(const std::string& what) const
{
    if (m_failure)
        throw BrokerError("paper broker: cannot " + what + ": the broker failed: " + *m_failure);
    if (m_stopped)
        throw BrokerError("paper broker: cannot " + what + ": the broker is stopped");
}

void PaperBroker::submit(const trading::Order& order)
{
    require(order.state() == trading::OrderState::Sent,
            "PaperBroker::submit: " + order.describe() + " is "
                + trading::orderStateCode(order.state()) + "; release it first");
    {
        std::lock_guard lock(m_mutex);
        requireRunning("submit " + order.describe());
        if (std::find(m_submitted.begin(), m_submitted.end(), order.id()) != m_submitted.end())
            throw BrokerError("paper broker: " + order.describe() + " was already submitted");
        m_submitted.push_back(order.id());
        m_commands.emplace_back(order);
    }
    m_cv.notify_one();
}

void PaperBroker::cancel(trading::OrderId id)
{
    {
        std::lock_guard lock(m_mutex);
        requireRunning("cancel order " + trading::idText(id));
        m_commands.emplace_back(CancelCommand{id});
    }
    m_cv.notify_one();
}

void PaperBroker::wakeUp()
{
    {
        std::lock_guard lock(m_mutex);
        m_wake = true;
    }
    m_cv.notify_one();
}

void PaperBroker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_commands.clear();
    }
    m_thread.request_stop(); // wakes the worker's wait
    // From the sink (the worker itself) only ask; joining there would deadlock.
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

std::optional<std::string> PaperBroker::failure() const
{
    std::lock_guard lock(m_mutex);
    return m_failure;
}

void PaperBroker::run(std::stop_token st)
{
    bool mayFill = false; // the engine may have fills to make; owned by this thread
    while (!st.stop_requested()) {
        std::optional<Command> command;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, st, [&] { return !m_commands.empty() || m_wake || mayFill; });
            if (st.stop_requested())
                return;
            if (m_wake)
                mayFill = true;
            m_wake = false;
            if (!m_commands.empty()) {
                command = std::move(m_commands.front());
                m_commands.pop_front();
            }
        }
        try {
            std::vector<trading::ExecutionReport> reports;
            if (command) {
                if (const auto* order = std::get_if<trading::Order>(&*command))
                    reports = m_engine.submit(*order);
                else
                    reports = m_engine.cancel(std::get<CancelCommand>(*command).id);
                mayFill = true;
            } else {
                reports = m_engine.step();
                mayFill = !reports.empty();
            }
            for (const auto& r : reports) {
                if (st.stop_requested())
                    return; // stop() promised no report after it returns
                m_sink(r);
            }
        } catch (const std::exception& e) {
            // An exception must not escape the thread (std::terminate); record it and stop.
            std::lock_guard lock(m_mutex);
            m_failure = e.what();
            m_stopped = true;
            return;
        }
    }
}

} // namespace ch::broker
