#pragma once

#include "domain/issue.h"
#include "domain/market.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

//! Outcome of File → Import prices… / `computehedge-cli market import`.
struct PriceImportReport
{
    std::string sourceName;        //!< file name as shown to the user
    std::size_t rowsRead = 0;      //!< data rows in the file (header excluded)
    std::size_t pointsWritten = 0; //!< (index, day) points inserted or replaced
    std::vector<std::string> indicesTouched;
    std::vector<Issue> issues; //!< every problem, sorted by line
    bool applied = false;      //!< false when any issue is an error: nothing was written
};

//! One row of the import log (table price_imports), newest last.
struct PriceImportRecord
{
    std::string fileName;
    std::size_t rowsRead = 0;
    std::size_t pointsWritten = 0;
    std::vector<std::string> indices; //!< index ids touched, sorted
    Timestamp importedAt{};           //!< UTC

    friend bool operator==(const PriceImportRecord&, const PriceImportRecord&) = default;
};

//! Reference market data in a workspace: index definitions, daily prices (INTEGER micro-USD),
//! contract specifications, events and the dataset's identity. Reads return domain values.
class MarketDataRepository
{
public:
    explicit MarketDataRepository(Workspace& workspace);

    DatasetInfo datasetInfo() const;
    std::vector<IndexDefinition> indices() const;
    std::vector<ContractSpec> contracts() const;
    std::vector<MarketEvent> events() const;
    PriceSeries series(const std::string& indexId,
                       std::optional<Date> from = std::nullopt,
                       std::optional<Date> to = std::nullopt) const;
    //! Everything at once (indices, all series, contracts, events, info).
    MarketDataSet loadAll() const;

    //! Replaces all market data with `data` in one transaction (used to seed a workspace).
    void replaceAll(const MarketDataSet& data);

    //! Parses a daily price CSV (`date,index,price[,source][,volume]`, see marketdata/price_csv.h),
    //! checks every index exists in this workspace, combines several marketplaces' rows per index
    //! and day, and writes the result in one transaction; with any error it writes nothing.
    PriceImportReport importPriceCsv(const std::filesystem::path& file);
    //! Every applied price import, oldest first.
    std::vector<PriceImportRecord> importHistory() const;

private:
    Workspace& m_workspace;
};

} // namespace ch::storage
