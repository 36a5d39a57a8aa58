#pragma once

#include "broker/broker.h"
#include "broker/paper_engine.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace ch::broker {

//! A simulated broker on its own std::jthread. submit() and cancel() queue a command and return;
//! the worker runs PaperEngine (acknowledge or reject, then fill piece by piece) and delivers every
//! report to the sink on the worker thread. Commands are handled before further fills, so a cancel
//! takes effect before the next piece of an order. For a seed, each order's reports are exactly
//! what PaperEngine produces for it synchronously.
//!
//! If the price provider or the sink throws, the worker stops and failure() returns the message;
//! later submit()/cancel() calls throw BrokerError with it.
class PaperBroker final : public BrokerConnector
{
public:
    PaperBroker(PaperBrokerConfig config,
                ReferencePriceProvider prices,
                ExecutionSink sink,
                Clock clock = systemClock());
    ~PaperBroker() override; //!< stops the worker
    PaperBroker(const PaperBroker&) = delete;
    PaperBroker& operator=(const PaperBroker&) = delete;

    //! Throws ch::Error if the order is not in state sent, BrokerError if it was already submitted
    //! or the broker is stopped or failed.
    void submit(const trading::Order& order) override;
    void cancel(trading::OrderId id) override;
    //! Idempotent. Queued commands not yet handled are dropped; no report follows the return.
    void stop() override;
    //! Re-checks resting limit orders, e.g. after the reference prices changed.
    void wakeUp();
    std::optional<std::string> failure() const;

private:
    struct CancelCommand
    {
        trading::OrderId id;
    };
    using Command = std::variant<trading::Order, CancelCommand>;

    void run(std::stop_token stop);
    void requireRunning(const std::string& what) const; // call with m_mutex held

    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::deque<Command> m_commands;
    std::vector<trading::OrderId> m_submitted;
    bool m_wake = false;
    bool m_stopped = false;
    std::optional<std::string> m_failure;
    PaperEngine m_engine; //!< touched only by the worker thread
    ExecutionSink m_sink;
    std::jthread m_thread; //!< declared last: starts after the members it uses exist
};

} // namespace ch::broker
