#include "storage/demo_content.h"

#include "storage/desk_demo.h"
#include "storage/hedge_repository.h"
#include "storage/plan_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"

namespace ch::storage {

void seedDemoContent(Workspace& workspace, const MarketDataSet& market)
{
    // The UI labels a demo workspace as such, and opens it at the dataset's last date of history
    // (the valuation date is always an explicit value, never a global: STYLE.md §3).
    workspace.setSetting(kSettingOrigin, "demo " + market.info.version);
    workspace.setSetting(kSettingValuationDate, formatIsoDate(market.info.valuationDate));
    seedDemoPlan(workspace, market);
    seedDemoDesk(workspace, market);
    seedDemoHedgePolicy(workspace, market);
    seedDemoRisk(workspace, market);
}

} // namespace ch::storage
