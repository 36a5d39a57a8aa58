#pragma once

#include "domain/dates.h"
#include "trading/execution_report.h"
#include "trading/order.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ch::broker {

//! Paper broker behaviour. All randomness comes from `seed`: each order draws from its own stream,
//! seeded from (seed, order id), so an order's reports are the same for a seed whatever else is
//! traded and however threads interleave.
struct PaperBrokerConfig
{
    std::uint64_t seed = 1;
    double slippageBps = 0.0;            //!< adverse: buys fill above the reference, sells below
    double rejectProbability = 0.0;      //!< chance an order is rejected on arrival
    double partialFillProbability = 0.0; //!< chance an order of 2+ contracts fills in pieces
    int maxPartialFills = 4;             //!< most pieces an order is split into (>= 2)
};

//! The reference price of a contract month in micro-USD per unit, or nothing if unknown.
using ReferencePriceProvider =
    std::function<std::optional<std::int64_t>(const std::string& symbol, Month deliveryMonth)>;
using Clock = std::function<Timestamp()>;
//! UTC now, whole seconds.
Clock systemClock();

//! The paper broker's matching logic, single-threaded and deterministic: PaperBroker runs it on a
//! worker thread, tests drive it directly.
//!
//! An order is rejected on arrival with probability rejectProbability, or when there is no
//! reference price; otherwise acknowledged (New) and, with probability partialFillProbability,
//! split into 2..maxPartialFills random pieces. Each step() fills the next piece of the first open
//! order that can trade at reference ± slippage (a limit order only when that price is at or better
//! than its limit; otherwise it rests), then moves that order to the back of the queue. Exec ids
//! are "PB-<order id>-<n>".
class PaperEngine
{
public:
    PaperEngine(PaperBrokerConfig config, ReferencePriceProvider prices, Clock clock);

    //! Throws ch::Error unless the order is in state sent and not already known.
    std::vector<trading::ExecutionReport> submit(const trading::Order& order);
    //! Cancelled (with the quantity filled so far) for an open order, CancelRejected otherwise.
    std::vector<trading::ExecutionReport> cancel(trading::OrderId id);
    //! At most one fill; empty when no open order can trade now.
    std::vector<trading::ExecutionReport> step();
    //! step() until it returns nothing; returns all reports in order.
    std::vector<trading::ExecutionReport> runUntilIdle();
    std::size_t openOrderCount() const { return m_open.size(); }

    //! The fill price for a side at a reference price: reference × (1 ± slippageBps / 10,000),
    //! rounded half away from zero to micros.
    std::int64_t fillPrice(trading::Side side, std::int64_t referenceMicros) const;

private:
    //! splitmix64 (Steele, Lea, Flood 2014): tiny, fast and the same on every platform, unlike
    //! the std distributions.
    struct Rng
    {
        std::uint64_t state = 0;
        std::uint64_t next();
        double uniform(); //!< [0, 1) with 53 random bits
        std::uint64_t below(std::uint64_t n);
    };
    struct Working
    {
        trading::OrderId id;
        std::string symbol;
        Month month{};
        trading::Side side = trading::Side::Buy;
        std::optional<std::int64_t> limitMicros;
        ContractCount quantity = 0;
        ContractCount cumQty = 0;
        std::vector<ContractCount> pieces;
        std::size_t nextPiece = 0;
        int reportCount = 0;
    };

    trading::ExecutionReport reportFor(Working& w,
                                       trading::ExecType type,
                                       ContractCount lastQty,
                                       std::int64_t priceMicros,
                                       std::string text);

    PaperBrokerConfig m_config;
    ReferencePriceProvider m_prices;
    Clock m_clock;
    std::vector<Working> m_open; //!< FIFO of orders with quantity left
    std::vector<trading::OrderId> m_seen;
    int m_cancelRejects = 0;
};

} // namespace ch::broker
