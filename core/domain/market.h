#pragma once

#include "domain/dates.h"
#include "domain/units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch {

enum class IndexKind : std::uint8_t {
    GpuRental, //!< USD per GPU-hour, a daily rental-rate index
    TokenPrice //!< USD per 1M tokens, a step function of list prices
};

//! A reference price index ("GPU.H100.NC", "TOK.FRONTIER.IN"). The reference dataset is synthetic
//! history calibrated to public levels, never a vendor's index: see resources/data/README.md.
struct IndexDefinition
{
    std::string id;   //!< stable code, e.g. "GPU.H100.NC"
    std::string name; //!< for people, e.g. "H100 SXM, neocloud on-demand"
    IndexKind kind = IndexKind::GpuRental;
    Unit unit = Unit::GpuHour;
    std::string resource;    //!< GPU type ("H100") or model tier ("FRONTIER")
    std::string segment;     //!< "NC" neocloud, "HS" hyperscaler; "IN"/"OUT"/"BLEND" for tokens
    Date firstDate{};        //!< first day of history
    std::string description; //!< one line on what the index represents and how it was built

    friend bool operator==(const IndexDefinition&, const IndexDefinition&) = default;
};

//! One daily observation: the index level in USD per unit (see IndexDefinition::unit).
struct DailyPrice
{
    Date date{};
    double usd = 0.0;

    friend bool operator==(const DailyPrice&, const DailyPrice&) = default;
};

//! The daily history of one index, sorted by date, one point per date, every price > 0.
struct PriceSeries
{
    std::string indexId;
    std::vector<DailyPrice> points;

    bool empty() const { return points.empty(); }
    //! The last point on or before `d`, if any.
    std::optional<DailyPrice> lastOnOrBefore(Date d) const;
    //! Points with from <= date <= to.
    PriceSeries slice(std::optional<Date> from, std::optional<Date> to) const;

    friend bool operator==(const PriceSeries&, const PriceSeries&) = default;
};

enum class ExchangeStyle : std::uint8_t {
    CmeStyle, //!< monthly futures cash-settled on the business-day average of a daily index
    IceStyle, //!< futures on an executed-trade (transaction-based) index
    ShfeStyle //!< token futures per model tier
};
const char* exchangeStyleCode(ExchangeStyle s); //!< "CME-style", "ICE-style", "SHFE-style"
bool parseExchangeStyle(const std::string& text, ExchangeStyle& out);

//! Specification of a simulated futures contract. Every ComputeHedge contract is simulated ("SIM");
//! the terms copy the design of NYMEX GPU1/GPU2 where one exists (shared/reference/market.md §1.5).
struct ContractSpec
{
    std::string symbol; //!< "CHG.H100"; never a real exchange code
    std::string name;
    ExchangeStyle style = ExchangeStyle::CmeStyle;
    std::string underlyingIndex; //!< IndexDefinition::id it settles against
    Unit unit = Unit::GpuHour;
    std::int64_t unitsPerContract = 730; //!< GPU-hours (730 = one GPU for an average month) or MTok
    std::int64_t tickMicros = 10'000;    //!< minimum price step in micro-USD per unit ($0.01)
    int monthsListed = 36;               //!< consecutive monthly expiries
    std::string settlement;              //!< settlement rule in words
    std::string lastTrading;             //!< last trading day rule in words
    double initialMarginFraction = 0.175; //!< initial margin as a fraction of notional (assumption)
    std::int64_t feePerSideCents = 800;   //!< exchange + broker fee per contract per side

    friend bool operator==(const ContractSpec&, const ContractSpec&) = default;
};

//! A dated market event (launch, price cut, index restatement) with its public source.
struct MarketEvent
{
    Date date{};
    std::string indexId; //!< empty when it concerns the whole market
    std::string description;
    std::string sourceUrl;

    friend bool operator==(const MarketEvent&, const MarketEvent&) = default;
};

//! Identity of the reference dataset a workspace was seeded from.
struct DatasetInfo
{
    std::string version;    //!< e.g. "2026.10"
    Date valuationDate{};   //!< last date of history; curves are built as of this date
    std::uint64_t seed = 0; //!< generator seed
    std::string disclaimer; //!< the label shown wherever these prices appear

    friend bool operator==(const DatasetInfo&, const DatasetInfo&) = default;
};

//! Everything the Market page shows, as plain values.
struct MarketDataSet
{
    DatasetInfo info;
    std::vector<IndexDefinition> indices;
    std::vector<PriceSeries> series;
    std::vector<ContractSpec> contracts;
    std::vector<MarketEvent> events;

    const IndexDefinition* findIndex(const std::string& id) const;
    const PriceSeries* findSeries(const std::string& id) const;
    const ContractSpec* findContract(const std::string& symbol) const;
};

} // namespace ch
