#pragma once

#include "domain/issue.h"
#include "domain/market.h"

#include <string>
#include <string_view>
#include <vector>

namespace ch::marketdata {

//! How several marketplaces' rows for the same index and day became one index level.
enum class Aggregation {
    Single,        //!< one row: taken as is
    Median,        //!< no volume column: the median of the rows' prices
    VolumeWeighted //!< a volume column: sum(price × volume) / sum(volume)
};

//! One combined (index, day) level and how it was formed.
struct AggregatedPrice
{
    std::string indexId;
    Date date{};
    double usd = 0.0;
    std::size_t sourceRows = 0; //!< how many CSV rows were combined
    Aggregation method = Aggregation::Single;
};

//! A parsed price file, ready to write.
struct PriceImport
{
    std::size_t rowsRead = 0;
    std::vector<AggregatedPrice> prices; //!< sorted by index id, then date
};

//! Parses daily prices: header `date,index,price` with optional `source` and `volume` columns in
//! any order (names case-insensitive), UTF-8 with or without BOM, LF or CRLF line ends. Each
//! problem is an Issue naming `sourceName`, the 1-based line and the column, e.g. `prices.csv:7:
//! price: "-2.10" is negative; expected a price greater than zero`. Unknown index ids (not in
//! `knownIndexIds`) and duplicate rows (same date, index and source) are errors. Rows for the same
//! index and day from different sources are combined (see Aggregation).
Parsed<PriceImport> parsePriceCsv(std::string_view text,
                                  const std::string& sourceName,
                                  const std::vector<std::string>& knownIndexIds);

} // namespace ch::marketdata
