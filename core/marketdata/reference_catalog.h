#pragma once

#include "domain/market.h"

#include <vector>

//! The descriptive part of the reference dataset: index definitions, simulated contract specs and
//! dated market events with their sources (shared/reference/market.md §1.5, §2, §3.2).
namespace ch::marketdata {

//! The 17 indices in dataset order: 8 GPU series, then IN/OUT/BLEND for each token tier.
std::vector<IndexDefinition> referenceIndexDefinitions();
//! CME-style CHG.H100/B200/A100, ICE-style CHI.H100, SHFE-style CHT.FRONTIER/MID/SMALL; all
//! simulated. No contract on H200 or L40S (those are cross-hedged).
std::vector<ContractSpec> referenceContractSpecs();
//! Launches, vendor price cuts, index restatements, venue news and token list-price events,
//! sorted by date, each with a source URL.
std::vector<MarketEvent> referenceMarketEvents();

} // namespace ch::marketdata
