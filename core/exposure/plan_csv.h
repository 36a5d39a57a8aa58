#pragma once

#include "domain/issue.h"
#include "domain/plan.h"

#include <string>
#include <string_view>
#include <vector>

namespace ch::exposure {

//! plan.csv, one row per line × month (docs/plan-and-exposure.md, "CSV formats"):
//! `line_id,name,resource,kind,index,month,low,base,high`
//!  - line_id: stable id (letters, digits, '.', '_', '-'); name: for people (optional column,
//!    defaults to the id); resource: H100, ..., FRONTIER.IN, ...; kind: confidence class
//!    (committed, highly_probable, forecast, possible); index: reference index id (empty: the
//!    resource's default); month: YYYY-MM inside the plan; low/base/high: volumes in GPU-hours or
//!    MTok, 0 <= low <= base <= high.
//! A month a line has no row for is zero. Lines keep the order of their first row.
//! Every problem is an Issue naming the file, line and column, e.g.
//! `plan.csv:14: base: "-5" is negative; expected a volume of zero or more`.
//! `knownIndexIds`, when not empty, is the list the index column must come from. With errors the
//! value holds what could be read (for a preview); the caller must not save it.
Parsed<Plan> parsePlanCsv(std::string_view text,
                          const std::string& sourceName,
                          Month firstMonth,
                          int months,
                          const std::vector<std::string>& knownIndexIds = {});

//! Writes every line × month with numbers in shortest round-trip form, so parsePlanCsv reads back
//! exactly the same lines and cells. Helpers are not part of the file: lines a helper generated
//! come back as manual lines (storage keeps helpers).
std::string writePlanCsv(const Plan& plan);

} // namespace ch::exposure
