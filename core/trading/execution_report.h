#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "domain/units.h"
#include "trading/ids.h"
#include "trading/order.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ch::trading {

//! FIX 4.4 ExecType (tag 150) values the application uses, plus CancelRejected for a cancel
//! request the broker refused (FIX sends that as OrderCancelReject, 35=9).
enum class ExecType : std::uint8_t { New, PartialFill, Fill, Rejected, Cancelled, CancelRejected };
//! "new", "partial_fill", "fill", "rejected", "cancelled", "cancel_rejected"
const char* execTypeCode(ExecType t);
std::optional<ExecType> parseExecTypeCode(std::string_view code);

//! A broker's report on an order (FIX ExecutionReport, 35=8). Every broker connector, paper or
//! FIX, delivers these; the fill applier turns them into fills and order state.
struct ExecutionReport
{
    std::string execId; //!< unique per report (FIX ExecID, tag 17); the dedupe key
    OrderId orderId;    //!< our order id (FIX ClOrdID, tag 11)
    ExecType type = ExecType::New;
    ContractCount lastQty = 0;        //!< contracts in this fill (tag 32)
    std::int64_t lastPriceMicros = 0; //!< price of this fill, micro-USD per unit (tag 31)
    ContractCount cumQty = 0;         //!< filled so far according to the broker (tag 14)
    ContractCount leavesQty = 0;      //!< still open according to the broker (tag 151)
    Timestamp at;                     //!< TransactTime (tag 60), UTC
    std::string text;                 //!< free text, e.g. a reject reason (tag 58)

    friend bool operator==(const ExecutionReport&, const ExecutionReport&) = default;
};

//! One execution booked against an order: what positions and P&L are built from.
struct Fill
{
    std::string execId;
    OrderId orderId;
    std::string symbol;
    Month deliveryMonth{};
    Side side = Side::Buy;
    ContractCount quantity = 0;
    std::int64_t priceMicros = 0;      //!< USD per unit, micros
    std::int64_t unitsPerContract = 0; //!< contract size (GPU-h or MTok per contract)
    Money fee;                         //!< fees for this fill (per side, all contracts)
    Timestamp at;

    friend bool operator==(const Fill&, const Fill&) = default;
};

} // namespace ch::trading
