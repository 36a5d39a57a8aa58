#pragma once

#include "domain/market.h"

#include <QJsonObject>

#include <string>
#include <string_view>
#include <vector>

// Shared by the market command files: argument checks against the workspace's market data and the
// reference-data label every price output carries (STYLE.md §5: embedded prices are a reference
// dataset, not live quotes).

namespace ch::cli {

//! The index `id`, or UserError `INDEX: "X" is not an index in this workspace; expected one of
//! ...`.
const IndexDefinition& requireIndex(const std::vector<IndexDefinition>& indices,
                                    const std::string& id,
                                    std::string_view argument = "INDEX");
//! The result refers into `indices`, so a temporary vector is refused at compile time.
const IndexDefinition& requireIndex(std::vector<IndexDefinition>&& indices,
                                    const std::string& id,
                                    std::string_view argument = "INDEX") = delete;
//! UserError when the workspace has no indices (an empty workspace).
void requireMarketData(const MarketDataSet& data);
//! UserError naming the index when one has no price on or before the valuation date, which
//! pricing::buildMarketSnapshot requires of every index.
void requireHistory(const MarketDataSet& data);
//! "gpu_rental" / "token_price".
const char* indexKindCode(IndexKind kind);
//! Adds "dataset_version", "valuation_date" and "disclaimer" to a JSON result.
void addDatasetLabel(QJsonObject& object, const DatasetInfo& info);
//! The text-mode footer: the disclaimer, or a generic label when the dataset carries none.
std::string datasetFooter(const DatasetInfo& info);

} // namespace ch::cli
