#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// Conversions from domain values to JSON for --json output. Conventions (docs/cli.md): snake_case
// keys, numbers as JSON numbers, dates and months as ISO strings, units in key names where a number
// could be read several ways (`price_usd_per_unit`, `annual_vol`), absent values as null.

namespace ch::cli {

QString qstr(const std::string& text);
QJsonValue jsonDate(Date date);
QJsonValue jsonDate(const std::optional<Date>& date); //!< null when absent
QJsonValue jsonMonth(Month month);
QJsonValue jsonCount(std::size_t count);
QJsonArray jsonStrings(const std::vector<std::string>& texts);

//! {"source", "line", "field", "severity": "error"|"warning", "message", "text"}; `text` is the
//! house one-line form `file:line: field: message`.
QJsonObject jsonIssue(const Issue& issue);
QJsonArray jsonIssues(const std::vector<Issue>& issues);

//! {"version", "valuation_date", "seed", "disclaimer"}
QJsonObject jsonDataset(const DatasetInfo& info);
//! {"unit": "USD per GPU-hour", "unit_code": "gpu_hour", "unit_symbol": "GPU-h"} merged into
//! `object`.
void addUnit(QJsonObject& object, Unit unit);

} // namespace ch::cli
