#pragma once

#include "domain/market.h"
#include "domain/plan.h"
#include "domain/plan_records.h"

#include <vector>

namespace ch::exposure {

// The demo workspace's plan, contracts, bills and budget: a mid-size AI company (described line by
// line in docs/plan-and-exposure.md, "The demo"). Deterministic: the same inputs give the same
// values, so screenshots and the docs' figures stay true.

//! 36 months from `firstMonth`: H100 and B200 training runs (helpers), a self-hosted H200
//! inference fleet and two API services on the MID and FRONTIER tiers (helpers), and manual lines
//! for an L40S batch fleet, an A100 evaluation cluster and SMALL-tier classification tokens.
Plan demoPlan(Month firstMonth);

//! A 12-month reserved H100 cluster pooled over the H100 lines, a 24-month committed-use block
//! on the H200 fleet and a 6-month pre-paid MID-tier token commitment (input and output).
std::vector<ContractedCapacity> demoContracts(Month firstMonth);

//! Six months of bills before `firstMonth`, priced off the reference history: each bill pays the
//! index's business-day monthly average times a fixed factor (above the index for on-demand H100,
//! A100 and L40S, below it for the H200 commitment and the MID-tier volume discount), rounded to
//! cents. Throws ch::Error if `history` lacks a needed index month.
std::vector<ActualBill> demoActuals(Month firstMonth, const std::vector<PriceSeries>& history);

//! Budget for the first 12 plan months of every demo line: a budget price per unit, except the
//! L40S fleet, which has a fixed monthly amount.
std::vector<BudgetEntry> demoBudget(const Plan& plan);

} // namespace ch::exposure
