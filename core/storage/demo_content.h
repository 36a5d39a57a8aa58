#pragma once

#include "domain/market.h"

namespace ch::storage {

class Workspace;

//! Writes the demo workspace's content beyond the reference market data (which createDemo() has
//! already stored): each feature area adds its own step here, e.g. a demo plan, so that one call
//! seeds everything and createDemo() stays unchanged. Runs on a freshly created workspace.
void seedDemoContent(Workspace& workspace, const MarketDataSet& market);

//! Setting keys written by seedDemoContent (documented in docs/workspace.md).
inline constexpr const char* kSettingOrigin = "workspace.origin";
inline constexpr const char* kSettingValuationDate = "market.valuation_date";

} // namespace ch::storage
