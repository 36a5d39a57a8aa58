#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "domain/money.h"
#include "trading/order.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ch::trading {

enum class PreTradeCheck : std::uint8_t {
    PolicyBand,    //!< hedge ratio after the trade against the tenor bucket's band
    MonthLimit,    //!< |net position| in the delivery month
    ContractLimit, //!< Σ|net position| over every month of the symbol
    NotionalLimit, //!< the order's notional
    ListedMonth,   //!< expired or not yet listed delivery month
    PriceCollar,   //!< limit price too far from the reference price
    Duplicate      //!< same contract, month, side and quantity recently
};
//! "policy_band", "month_limit", "contract_limit", "notional_limit", "listed_month",
//! "price_collar", "duplicate"
const char* preTradeCheckCode(PreTradeCheck c);

//! One check's verdict. An Error blocks submission; a Warning is shown to maker and checker (a
//! trade that moves an out-of-band position toward its band, or reduces a position that is over a
//! limit, is allowed with a warning).
struct PreTradeFinding
{
    PreTradeCheck check = PreTradeCheck::PolicyBand;
    Severity severity = Severity::Error;
    std::string message;

    friend bool operator==(const PreTradeFinding&, const PreTradeFinding&) = default;
};

struct PreTradeReport
{
    OrderId orderId;
    std::vector<PreTradeFinding> findings;

    bool passed() const; //!< no Error findings
    const PreTradeFinding* find(PreTradeCheck c) const;
    //! Error messages joined with "; ", for the refusal text.
    std::string errorSummary() const;
};

//! The month's hedge position against policy, as plain numbers from the hedging module.
struct HedgeBandInput
{
    double exposureUnits = 0.0; //!< hedgeable exposure of the delivery month, in contract units
                                //!< (GPU-hours or MTok)
    double minHedgeRatio = 0.0; //!< band of the tenor bucket, as fractions (0.60 = 60%)
    double maxHedgeRatio = 1.0;
};

struct TradingLimits
{
    ContractCount maxContractsPerMonth = 0;
    ContractCount maxContractsPerContract = 0;
    Money maxOrderNotional;
    double collarFraction = 0.10;                 //!< limit within ±10% of the reference price
    std::chrono::seconds duplicateWindow{5 * 60}; //!< look-back for the duplicate check
};

//! Everything the checks read; the caller (ui or CLI) assembles it from storage and hedging.
struct PreTradeContext
{
    Date valuationDate{};
    ContractSpec spec;
    //! Last trading day of a delivery month (the last business day of the month for CHG/CHT
    //! contracts; pricing's business-day calendar provides it).
    std::function<Date(Month)> lastTradingDay;
    std::int64_t referencePriceMicros = 0;
    ContractCount positionInMonth = 0;        //!< signed net position in the order's month
    ContractCount grossPositionAllMonths = 0; //!< Σ|net| over all months of the symbol
    HedgeBandInput band;
    TradingLimits limits;
    std::vector<Order> recentOrders; //!< orders to compare against for duplicates (by createdAt)
};

// Each check returns nothing when it passes, otherwise a finding naming the values involved.
std::optional<PreTradeFinding> checkPolicyBand(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkMonthLimit(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkContractLimit(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkNotionalLimit(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkListedMonth(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkPriceCollar(const Order& order, const PreTradeContext& ctx);
std::optional<PreTradeFinding> checkDuplicate(const Order& order, const PreTradeContext& ctx);

//! Runs every check in the order of PreTradeCheck. Throws ch::Error if the context does not match
//! the order (another symbol) or has no last-trading-day function.
PreTradeReport runPreTradeChecks(const Order& order, const PreTradeContext& ctx);

} // namespace ch::trading
