#include "ui/models/index_rows.h"

namespace ch::ui {

std::vector<IndexRow> buildIndexRows(const MarketDataSet& data,
                                     const pricing::MarketSnapshot& snapshot)
{
    std::vector<IndexRow> rows;
    rows.reserve(data.indices.size());
    for (const IndexDefinition& index : data.indices) {
        IndexRow row{index, {}, {}, {}, {}, {}};
        if (const PriceSeries* series = data.findSeries(index.id))
            row.last = series->lastOnOrBefore(snapshot.valuationDate);
        if (const pricing::VolEstimate* vol = snapshot.findVol(index.id))
            row.annualVol = vol->annualVol;
        if (const pricing::ForwardCurve* curve = snapshot.findCurve(index.id);
            curve && !curve->points.empty()) {
            row.forwardUsd = curve->points.back().usd;
            row.forwardMonth = curve->points.back().delivery;
            if (curve->spotUsd > 0.0)
                row.forwardVsSpot = curve->points.back().usd / curve->spotUsd - 1.0;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace ch::ui
