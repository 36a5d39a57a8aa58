#pragma once

#include "domain/market.h"

#include <optional>
#include <string_view>

//! The layout of the dataset files under resources/data/ (internal to marketdata; the columns are
//! documented in resources/data/README.md). Writer and parser share these names so they cannot
//! drift apart.
namespace ch::marketdata::format {

inline constexpr std::string_view kFormatName = "computehedge-reference-dataset/1";

inline constexpr std::string_view kManifest = "manifest.csv";
inline constexpr std::string_view kIndices = "indices.csv";
inline constexpr std::string_view kPricesGpu = "prices_gpu.csv";
inline constexpr std::string_view kPricesTokens = "prices_tokens.csv";
inline constexpr std::string_view kContracts = "contracts.csv";
inline constexpr std::string_view kEvents = "events.csv";
inline constexpr std::string_view kAnchors = "anchors.csv";

inline constexpr std::string_view kManifestHeader = "key,value";
inline constexpr std::string_view kIndicesHeader =
    "id,name,kind,unit,resource,segment,first_date,description";
inline constexpr std::string_view kPricesHeader = "date,index,price";
inline constexpr std::string_view kContractsHeader =
    "symbol,name,style,underlying_index,unit,units_per_contract,tick_micros,months_listed,"
    "settlement,last_trading,initial_margin_fraction,fee_per_side_cents";
inline constexpr std::string_view kEventsHeader = "date,index,description,source_url";
inline constexpr std::string_view kAnchorsHeader = "index,date,level,tolerance,source_url";

//! Decimals of every price in the price files.
inline constexpr int kPriceDecimals = 4;

inline constexpr const char* indexKindCode(IndexKind k)
{
    return k == IndexKind::GpuRental ? "gpu_rental" : "token_price";
}

inline std::optional<IndexKind> parseIndexKind(std::string_view code)
{
    if (code == "gpu_rental")
        return IndexKind::GpuRental;
    if (code == "token_price")
        return IndexKind::TokenPrice;
    return std::nullopt;
}

//! The price file an index's rows live in.
inline constexpr std::string_view pricesFileFor(IndexKind k)
{
    return k == IndexKind::GpuRental ? kPricesGpu : kPricesTokens;
}

} // namespace ch::marketdata::format
