// PlanRepository's imports: parse in core (exposure/plan_csv.h, records_csv.h), merge with the
// stored book, check the result, and save it in one transaction only when no issue is an error.

#include "exposure/plan_csv.h"
#include "exposure/records_csv.h"
#include "storage/conversions.h"
#include "storage/market_data_repository.h"
#include "storage/plan_repository.h"
#include "storage/workspace.h"

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <set>
#include <tuple>

namespace ch::storage {

namespace {

//! Reads a whole import file; an unreadable file is one error Issue.
std::optional<QByteArray> readImportFile(const std::filesystem::path& file,
                                         PlanImportReport& report)
{
    QFile in(toQString(file));
    QByteArray bytes;
    if (in.open(QIODevice::ReadOnly))
        bytes = in.readAll();
    if (!in.isOpen() || in.error() != QFileDevice::NoError) {
        report.issues.push_back(Issue{report.sourceName,
                                      0,
                                      {},
                                      Severity::Error,
                                      "cannot read the file (" + toStd(in.errorString()) + ")"});
        return std::nullopt;
    }
    return bytes;
}

std::string_view viewOf(const QByteArray& bytes)
{
    return std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

bool hasErrors(const std::vector<Issue>& issues)
{
    return std::any_of(
        issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::Error; });
}

//! Appends `more`, sorts, and says whether the import may be applied.
bool addIssues(PlanImportReport& report, std::vector<Issue> more)
{
    report.issues.insert(report.issues.end(),
                         std::make_move_iterator(more.begin()),
                         std::make_move_iterator(more.end()));
    sortIssues(report.issues);
    return !hasErrors(report.issues);
}

//! Replaces the element whose key equals `item`'s, or appends it; counts which.
template <class T, class Key>
void upsert(std::vector<T>& items, T item, Key key, PlanImportReport& report)
{
    const auto it = std::find_if(
        items.begin(), items.end(), [&](const T& existing) { return key(existing) == key(item); });
    if (it == items.end()) {
        items.push_back(std::move(item));
        ++report.added;
    } else {
        *it = std::move(item);
        ++report.replaced;
    }
}

} // namespace

// Contracts and bills import the same way: read, parse (all or nothing), upsert by key into the
// stored book, check the book's references, save in one transaction.
template <class Parse, class Records, class Key>
PlanImportReport PlanRepository::importRecords(const std::filesystem::path& file,
                                               Parse parse,
                                               Records records,
                                               Key key)
{
    PlanImportReport report;
    report.sourceName = displayName(file);
    const auto bytes = readImportFile(file, report);
    if (!bytes)
        return report;
    PlanBook book = load();
    auto parsed = parse(viewOf(*bytes), report.sourceName, book);
    report.issues = std::move(parsed.issues);
    if (hasErrors(report.issues)) {
        sortIssues(report.issues);
        return report;
    }
    report.imported = parsed.value.size();
    for (auto& record : parsed.value)
        upsert(records(book), std::move(record), key, report);
    if (!addIssues(report, checkBookReferences(book, report.sourceName)))
        return report;
    save(book);
    report.applied = true;
    return report;
}

PlanImportReport PlanRepository::importPlanCsv(const std::filesystem::path& file)
{
    PlanImportReport report;
    report.sourceName = displayName(file);
    const auto bytes = readImportFile(file, report);
    if (!bytes)
        return report;

    PlanBook book = load();
    Month first{};
    int months = kMaxPlanMonths;
    if (book.plan.months() > 0) {
        first = book.plan.firstMonth();
        months = book.plan.months();
    } else if (const auto month = planFirstMonth()) {
        first = *month;
    } else {
        report.issues.push_back(
            Issue{report.sourceName,
                  0,
                  {},
                  Severity::Error,
                  "the workspace has neither a plan nor reference market data, so the plan's "
                  "first month is unknown; expected a workspace with market data"});
        return report;
    }
    std::vector<std::string> known;
    for (const auto& index : MarketDataRepository(m_workspace).indices())
        known.push_back(index.id);
    auto parsed = exposure::parsePlanCsv(viewOf(*bytes), report.sourceName, first, months, known);
    report.issues = std::move(parsed.issues);
    if (hasErrors(report.issues)) {
        sortIssues(report.issues);
        return report;
    }

    report.replaced = book.plan.lines().size();
    book.plan = std::move(parsed.value);
    report.imported = book.plan.lines().size();
    report.added = report.imported;
    // A budget is planning data about a line: it goes with the line. A contract is a record of
    // capacity bought, so dropping its line is refused (checkBookReferences) instead.
    std::set<std::string> droppedLines;
    const auto kept = std::remove_if(book.budget.begin(), book.budget.end(), [&](const auto& e) {
        if (book.plan.findLine(e.lineId()) != nullptr)
            return false;
        droppedLines.insert(e.lineId());
        return true;
    });
    report.budgetDropped = static_cast<std::size_t>(book.budget.end() - kept);
    book.budget.erase(kept, book.budget.end());
    std::vector<Issue> more = checkBookReferences(book, report.sourceName);
    if (report.budgetDropped > 0) {
        std::string lines;
        for (const auto& id : droppedLines)
            lines += (lines.empty() ? "" : ", ") + id;
        more.push_back(Issue{report.sourceName,
                             0,
                             "line_id",
                             Severity::Warning,
                             std::to_string(report.budgetDropped)
                                 + " budget entries of lines the file does not have were "
                                   "dropped ("
                                 + lines + ")"});
    }
    if (!addIssues(report, std::move(more)))
        return report;
    save(book);
    report.applied = true;
    return report;
}

PlanImportReport PlanRepository::importContractsCsv(const std::filesystem::path& file)
{
    return importRecords(
        file,
        [](std::string_view text, const std::string& source, const PlanBook& book) {
            return exposure::parseContractsCsv(text, source, book.plan);
        },
        [](PlanBook& book) -> std::vector<ContractedCapacity>& { return book.contracts; },
        [](const ContractedCapacity& x) { return x.id(); });
}

PlanImportReport PlanRepository::importActualsCsv(const std::filesystem::path& file)
{
    return importRecords(
        file,
        [](std::string_view text, const std::string& source, const PlanBook&) {
            return exposure::parseActualsCsv(text, source);
        },
        [](PlanBook& book) -> std::vector<ActualBill>& { return book.actuals; },
        [](const ActualBill& x) {
            return std::make_tuple(x.month(), x.provider(), x.resource().code());
        });
}

} // namespace ch::storage
