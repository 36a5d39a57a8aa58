#pragma once

#include "trading/execution_report.h"
#include "trading/order.h"
#include "trading/order_lifecycle.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::trading {

enum class ApplyOutcome : std::uint8_t {
    Applied,   //!< booked: store the fill and event (if any) and remember the exec id
    Duplicate, //!< already applied (same exec id) or a repeat of a final state: ignore
    Anomaly    //!< inconsistent with the order (overfill, wrong order, fill after reject...):
               //!< nothing booked; raise an exception for operations (market.md §4.6 item 5)
};
const char* applyOutcomeCode(ApplyOutcome o); //!< "applied", "duplicate", "anomaly"

struct ExecutionApplication
{
    ApplyOutcome outcome = ApplyOutcome::Duplicate;
    Order order;                     //!< the order after the report (unchanged unless applied)
    std::optional<Fill> fill;        //!< set for an applied partial fill or fill
    std::optional<OrderEvent> event; //!< set when something is recorded on the order
    std::string note;                //!< why, for duplicates and anomalies
};

//! Applies one broker report to an order, as a pure function.
//!
//! Why it is robust to duplicates and reordering: each report's lastQty is booked once per exec id
//! (`appliedExecIds` holds the ids already booked for this order, kept by storage), and the order's
//! state is derived from the sum of booked quantities rather than from the report's exec type or
//! cumQty. So a fill report overtaking an earlier partial leaves the order partially filled until
//! the partial arrives, and the filled quantity can never exceed the order quantity (a report that
//! would overfill is an anomaly). A fill arriving after a cancel or expiry is still booked (the
//! broker executed it) and the final state is kept. Broker data never throws here: problems come
//! back as anomalies. The fee is feePerSideCents × lastQty.
ExecutionApplication applyExecutionReport(const Order& order,
                                          const std::vector<std::string>& appliedExecIds,
                                          const ExecutionReport& report,
                                          std::int64_t feePerSideCents);

} // namespace ch::trading
