#include "market_lookup.h"

#include "command.h"
#include "json_output.h"

namespace ch::cli {

const IndexDefinition& requireIndex(const std::vector<IndexDefinition>& indices,
                                    const std::string& id,
                                    std::string_view argument)
{
    for (const auto& i : indices)
        if (i.id == id)
            return i;
    std::string known;
    for (const auto& i : indices)
        known += (known.empty() ? "" : ", ") + i.id;
    throw UserError(std::string(argument) + ": \"" + id + "\" is not an index in this workspace; "
                    + (known.empty() ? std::string("the workspace has no indices")
                                     : "expected one of " + known));
}

void requireMarketData(const MarketDataSet& data)
{
    if (data.indices.empty())
        throw UserError("the workspace has no market data; create a demo workspace with `"
                        + std::string(kProgram) + " workspace new PATH --demo`");
}

void requireHistory(const MarketDataSet& data)
{
    for (const auto& index : data.indices) {
        const PriceSeries* series = data.findSeries(index.id);
        if (series == nullptr || !series->lastOnOrBefore(data.info.valuationDate))
            throw UserError("index \"" + index.id
                            + "\" has no price on or before the valuation date "
                            + formatIsoDate(data.info.valuationDate)
                            + "; import its history with `market import FILE`");
    }
}

const char* indexKindCode(IndexKind kind)
{
    return kind == IndexKind::GpuRental ? "gpu_rental" : "token_price";
}

void addDatasetLabel(QJsonObject& object, const DatasetInfo& info)
{
    object.insert("dataset_version", qstr(info.version));
    object.insert("valuation_date", jsonDate(info.valuationDate));
    object.insert("disclaimer", qstr(info.disclaimer));
}

std::string datasetFooter(const DatasetInfo& info)
{
    if (!info.disclaimer.empty())
        return info.disclaimer + "\n";
    return "Reference dataset " + info.version + ", not live quotes.\n";
}

} // namespace ch::cli
