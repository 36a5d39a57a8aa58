#pragma once

#include "broker/paper_broker.h"
#include "storage/desk_market.h"
#include "storage/trading_repository.h"
#include "storage/workspace.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ch::cli {

//! What a pump applied.
struct PumpResult
{
    std::size_t received = 0; //!< reports delivered by the broker
    std::size_t recorded = 0; //!< new to the inbox (the rest were duplicates)
    std::size_t applied = 0;
    std::size_t anomalies = 0;
    std::vector<std::string> anomalyNotes;
};

//! The paper broker for one CLI command. The broker runs on its own thread and hands reports to
//! a queue; pump() takes them on the calling (main) thread, which owns the workspace connection,
//! and persists each one: storage::TradingRepository::recordReport (the inbox) then processInbox.
//!
//! Reconciliation after a restart: reconcile() first applies reports received but not processed,
//! then re-submits every order still at the broker. The paper engine is deterministic per (seed,
//! order id), so it sends the same reports with the same exec ids again: those already applied
//! are ignored on arrival and the rest are applied. (A FIX connector would ask for the order's
//! status instead.)
class PaperSession
{
public:
    PaperSession(storage::Workspace& workspace, std::shared_ptr<const storage::DeskMarket> market);
    ~PaperSession(); //!< stops the broker; reports not yet pumped stay with the replay
    PaperSession(const PaperSession&) = delete;
    PaperSession& operator=(const PaperSession&) = delete;

    //! Applies the inbox, expires orders whose time in force ran out (today, UTC) and re-submits
    //! every order still at the broker; returns their ids.
    std::vector<trading::OrderId> reconcile();
    //! Hands an order already stored in state sent to the broker.
    void submit(const trading::Order& sent);
    //! Persists reports until `done()` holds, no report came for `idle`, or `limit` passed.
    PumpResult pump(const std::function<bool()>& done,
                    std::chrono::milliseconds idle,
                    std::chrono::milliseconds limit);

private:
    storage::Workspace& m_workspace;
    std::shared_ptr<const storage::DeskMarket> m_market;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<trading::ExecutionReport> m_queue;
    std::unique_ptr<broker::PaperBroker> m_broker; //!< last: stopped before the queue goes
};

//! The broker configuration stored with the workspace.
broker::PaperBrokerConfig paperConfig(const storage::PaperBrokerSettings& s);

//! The order as the broker first saw it (state sent, nothing filled), for a replay.
trading::Order asReleased(const trading::Order& o);

} // namespace ch::cli
