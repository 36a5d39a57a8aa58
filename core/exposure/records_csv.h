#pragma once

#include "domain/issue.h"
#include "domain/plan.h"
#include "domain/plan_records.h"

#include <string>
#include <string_view>
#include <vector>

namespace ch::exposure {

//! contracts.csv, one row per contract × month (docs/plan-and-exposure.md, "CSV formats"):
//! `contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind`
//!  - line_id: the plan line the capacity covers; empty for capacity pooled by resource + index
//!    (then resource is required; index defaults to the resource's). With a line_id, resource and
//!    index may be empty and otherwise must match the line's.
//!  - quantity: units per month (GPU-hours or MTok), >= 0; price_usd: fixed USD per unit with at
//!    most 6 decimals (exact micro-USD); kind: reserved, committed_use or prepaid_tokens.
//! line_id, resource, index, price_usd, counterparty and kind must be the same on every row of a
//! contract; a month between its first and last row without a row has quantity 0.
Parsed<std::vector<ContractedCapacity>>
parseContractsCsv(std::string_view text, const std::string& sourceName, const Plan& plan);

//! Writes every contract month from first to last; parseContractsCsv reads it back exactly.
std::string writeContractsCsv(const std::vector<ContractedCapacity>& contracts);

//! actuals.csv, one row per bill: `month,provider,resource,quantity,amount_usd`
//!  - quantity > 0 in the resource's unit; amount_usd: USD paid, >= 0, at most 2 decimals (cents).
//! One row per month, provider and resource.
Parsed<std::vector<ActualBill>> parseActualsCsv(std::string_view text,
                                                const std::string& sourceName);

//! Writes the bills in order; parseActualsCsv reads them back exactly.
std::string writeActualsCsv(const std::vector<ActualBill>& bills);

} // namespace ch::exposure
