#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "pricing/market_snapshot.h"
#include "storage/trading_repository.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

//! The month's hedge band from the hedging module, or nothing when the workspace has no plan
//! exposure or policy for it (see PreTradeInputs::band).
using HedgeBandSource =
    std::function<std::optional<trading::HedgeBandInput>(const std::string& symbol, Month month)>;

//! The price a position is valued at and where it came from.
struct PositionMark
{
    std::int64_t priceMicros = 0;
    Date date{};
    std::string source; //!< "stored mark" or referenceSource()
};

//! What the trading desk reads from the workspace's market data, as of its valuation date: the
//! contract specifications, the reference price of each contract month (the forward curve of the
//! underlying index; for the valuation month itself, which a curve never includes, the index
//! level), and marks. Shared by the GUI, the CLI and the reliability driver so that all three
//! price orders alike. Every price here comes from the embedded reference dataset: reference
//! prices, never live quotes.
class DeskMarket
{
public:
    //! Builds the snapshot (pricing::buildMarketSnapshot) from `data` as of its valuation date.
    explicit DeskMarket(MarketDataSet data);
    DeskMarket(MarketDataSet data, pricing::MarketSnapshot snapshot);

    Date valuationDate() const { return m_snapshot.valuationDate; }
    const MarketDataSet& data() const { return m_data; }
    const pricing::MarketSnapshot& snapshot() const { return m_snapshot; }

    //! The contract, or ch::Error "contract CHG.X100 does not exist in this workspace".
    const ContractSpec& spec(const std::string& symbol) const;
    //! Reference price in micro-USD per unit rounded to the contract's tick, or nothing when the
    //! month is neither on the curve nor the valuation month.
    std::optional<std::int64_t> referencePriceMicros(const std::string& symbol, Month month) const;
    //! "forward curve of GPU.H100.NC as of 2026-10-30" / "index level of ... on ...".
    std::string referenceSource(const std::string& symbol, Month month) const;

    //! Inputs for TradingRepository::preTradeChecks/submit: the valuation date, the contract's last
    //! trading day (the last US business day of the month), the reference price and the band from
    //! `bands` (nothing when `bands` is empty or knows no band). Throws ch::Error when the month
    //! has no reference price.
    PreTradeInputs
    preTradeInputs(const std::string& symbol, Month month, const HedgeBandSource& bands = {}) const;

    //! Marks dated `date` at the reference price for every open position.
    std::vector<trading::Mark> marksFor(const std::vector<trading::Position>& positions,
                                        Date date) const;

    //! The newest stored mark on or before `today` for the position's contract month (what the P&L
    //! series uses), else the reference price as of the valuation date; nothing when neither
    //! exists.
    std::optional<PositionMark> currentMark(const trading::Position& position,
                                            const std::vector<trading::Mark>& stored,
                                            Date today) const;

private:
    MarketDataSet m_data;
    pricing::MarketSnapshot m_snapshot;
};

} // namespace ch::storage
