#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "domain/units.h"
#include "trading/effectiveness.h"
#include "trading/users.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ch::storage {

class Workspace;

//! A designated hedge relationship (ASC 815): the memo fields plus what the effectiveness test
//! needs to value both legs. The hedged item is a forecast purchase of hedgedUnitsPerMonth units
//! priced on hedgedIndex; the instrument is contractsPerMonth contracts of instrumentSymbol.
struct DesignatedHedge
{
    std::int64_t id = 0; //!< assigned by storage
    trading::HedgeDesignation designation;
    std::string hedgedIndex;
    std::string instrumentSymbol;
    double hedgedUnitsPerMonth = 0.0;
    ContractCount contractsPerMonth = 0;

    friend bool operator==(const DesignatedHedge&, const DesignatedHedge&) = default;
};

//! Per-period value changes of both legs, in USD from the company's point of view (see
//! trading/effectiveness.h): ΔH_t = −hedgedUnitsPerMonth × (H̄_t − H̄_{t−1}) for the purchase,
//! ΔD_t = contractsPerMonth × unitsPerContract × (Ī_t − Ī_{t−1}) for the long futures, where H̄ and
//! Ī are the business-day averages over month t of the hedged index and of the contract's
//! underlying index (the futures settle on that average, market.md §1.5).
struct EffectivenessSeries
{
    std::vector<Month> periods; //!< month t of each change
    std::vector<double> hedgedChangesUsd;
    std::vector<double> derivativeChangesUsd;
    std::string instrumentIndex;
    double hedgedNotionalUsd = 0.0; //!< one month's hedged volume at the last average price
};

//! The changes over the `months` complete months before the valuation month (fewer when the
//! history is shorter). Throws ch::Error when an index or the contract is missing.
EffectivenessSeries effectivenessSeries(const DesignatedHedge& hedge,
                                        const MarketDataSet& market,
                                        Date valuationDate,
                                        int months = 24);

//! The dollar-offset materiality floor used with the series: 1% of one month's hedged notional.
//! Below it the cumulative hedged change is too small for a meaningful ratio.
double dollarOffsetFloorUsd(const EffectivenessSeries& series);

//! Designated hedges (table hedge_designations). Designations are policy decisions: adding one
//! needs manage_limits and is audited ("designation.create") in the same transaction.
class DesignationRepository
{
public:
    explicit DesignationRepository(Workspace& workspace);

    std::vector<DesignatedHedge> designations() const; //!< by reference
    //! Checks the memo (trading::designationMemo throws for missing fields), the index and the
    //! symbol exist (foreign keys) and the volumes are positive.
    DesignatedHedge add(const DesignatedHedge& hedge, const trading::User& actor, Timestamp at);

private:
    Workspace& m_workspace;
};

} // namespace ch::storage
