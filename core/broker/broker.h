#pragma once

#include "trading/execution_report.h"
#include "trading/order.h"

#include <functional>

namespace ch::broker {

//! Receives execution reports. Connectors call it on their own thread (the paper broker's worker,
//! later QuickFIX's threads); a ui consumer re-posts to the GUI thread with a queued invocation.
//! It must not call back into the connector's stop() from another thread while blocking it.
using ExecutionSink = std::function<void(const trading::ExecutionReport&)>;

//! A connection to a broker: the paper broker now, a FIX 4.4 broker later. The sink is given to
//! the implementation's constructor.
//!
//! Contract: submit() takes an order already released (state sent; the release transition is
//! stored first, so a crash never loses an order that reached the broker). Acknowledgements,
//! fills, rejects and cancels arrive as ExecutionReports through the sink, possibly duplicated or
//! out of order; trading/fill_applier.h makes applying them safe. Connectivity failures throw
//! ch::BrokerError naming the order.
class BrokerConnector
{
public:
    virtual ~BrokerConnector() = default;

    //! Sends an order (FIX NewOrderSingle, 35=D). Returns once queued; the outcome is reported.
    virtual void submit(const trading::Order& order) = 0;
    //! Requests a cancel (FIX OrderCancelRequest, 35=F); answered by a Cancelled or a
    //! CancelRejected report.
    virtual void cancel(trading::OrderId id) = 0;
    //! Disconnects. No report is delivered after stop() returns; later calls throw BrokerError.
    virtual void stop() = 0;
};

} // namespace ch::broker
