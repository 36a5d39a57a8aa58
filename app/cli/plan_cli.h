#pragma once

// Shared by the plan, contracts, actuals, exposure and basis command files: file argument checks,
// the import report (text, JSON, issues on stderr) and the inputs exposure is computed from.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "market_lookup.h"
#include "pricing/market_snapshot.h"
#include "storage/market_data_repository.h"
#include "storage/plan_repository.h"
#include "text_table.h"

#include <algorithm>
#include <filesystem>
#include <string>

namespace ch::cli {

//! UserError unless `file` is an existing regular file.
inline void requireInputFile(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw UserError("FILE: \"" + file.string() + "\" does not exist");
    if (!std::filesystem::is_regular_file(file, ec))
        throw UserError("FILE: \"" + file.string() + "\" is not a file");
}

//! UserError when `file` exists and --force was not given (exports never overwrite silently).
inline void requireOutputFile(const std::filesystem::path& file, bool force)
{
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw UserError("FILE: \"" + file.string() + "\" is a folder; expected a file name");
    if (!force && std::filesystem::exists(file, ec))
        throw UserError("FILE: \"" + file.string()
                        + "\" already exists; pass --force to replace it");
}

inline const Option kForceOption{.name = "--force", .help = "replace FILE if it exists"};

//! Prints an import report (JSON also when it failed, as `market import` does) and throws
//! UserError with every issue as `file:line: column: message` when nothing was written.
//! `what` names the imported items for text output: "plan lines", "contracts", "bills".
inline int finishImport(Context& ctx, const storage::PlanImportReport& report, const char* what)
{
    const auto errors = static_cast<std::size_t>(
        std::count_if(report.issues.begin(), report.issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }));
    const std::size_t warnings = report.issues.size() - errors;
    if (ctx.json())
        ctx.printJson(QJsonObject{{"source", qstr(report.sourceName)},
                                  {"applied", report.applied},
                                  {"imported", jsonCount(report.imported)},
                                  {"added", jsonCount(report.added)},
                                  {"replaced", jsonCount(report.replaced)},
                                  {"budget_entries_dropped", jsonCount(report.budgetDropped)},
                                  {"errors", jsonCount(errors)},
                                  {"warnings", jsonCount(warnings)},
                                  {"issues", jsonIssues(report.issues)}});
    std::vector<std::string> lines;
    for (const auto& i : report.issues)
        lines.push_back(i.toString());
    if (!report.applied)
        throw UserError("import of " + report.sourceName + " failed with " + formatCount(errors)
                            + (errors == 1 ? " error" : " errors") + "; nothing was written",
                        lines);
    if (!ctx.json())
        ctx.out() << renderFields({{"Imported", report.sourceName},
                                   {std::string("New ") + what, formatCount(report.added)},
                                   {"Replaced", formatCount(report.replaced)},
                                   {"Warnings", formatCount(warnings)}});
    for (const auto& line : lines)
        ctx.err() << line << "\n";
    return 0;
}

//! The JSON and failure paragraph of every import command's --help.
inline const char* const kImportJson =
    "With any error nothing is written and each issue is printed on stderr as\nfile:line: "
    "column: message. JSON: {\"source\", \"applied\", \"imported\", \"added\", \"replaced\",\n"
    "\"budget_entries_dropped\", \"errors\", \"warnings\", \"issues\"} (printed also when the "
    "import fails).";

//! Shared by both `export` commands: `write` writes FILE; `count` is how many items it holds.
template <class Write>
inline int exportRecords(Context& ctx,
                         const Arguments& args,
                         std::size_t count,
                         const char* key,
                         const char* label,
                         Write write)
{
    const std::filesystem::path file = *args.positional("FILE");
    write(file);
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"file", qstr(file.string())}, {key, jsonCount(count)}});
        return 0;
    }
    ctx.out() << renderFields({{"Exported", file.string()}, {label, formatCount(count)}});
    return 0;
}

//! What exposure and basis are computed from: the workspace's plan book, its market data and the
//! snapshot built as of the dataset's valuation date (the GUI builds the same one).
struct ExposureInputs
{
    storage::PlanBook book;
    MarketDataSet market;
    pricing::MarketSnapshot snapshot;
};

inline ExposureInputs loadExposureInputs(Context& ctx)
{
    ExposureInputs in;
    in.market = storage::MarketDataRepository(ctx.workspace()).loadAll();
    requireMarketData(in.market);
    requireHistory(in.market);
    in.book = storage::PlanRepository(ctx.workspace()).load();
    if (in.book.plan.months() == 0)
        throw UserError("this workspace has no plan yet; import one with `" + std::string(kProgram)
                        + " plan import FILE`");
    in.snapshot = pricing::buildMarketSnapshot(in.market, in.market.info.valuationDate);
    return in;
}

//! A volume in the line's unit for text tables: GPU-hours whole, MTok to 0.1.
inline std::string formatVolume(double amount, Unit unit)
{
    return formatNumber(amount, unit == Unit::GpuHour ? 0 : 1) + " " + unitSymbol(unit);
}

} // namespace ch::cli
