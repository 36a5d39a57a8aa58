#include "exposure/plan_csv.h"

#include "domain/error.h"
#include "domain/plan_text.h"
#include "exposure/csv_fields.h"

#include <algorithm>
#include <unordered_map>

namespace ch::exposure {

namespace {

const CsvLayout kPlanLayout{
    {"line_id", "name", "resource", "kind", "index", "month", "low", "base", "high"},
    {"name", "kind", "index"}};

const std::string kVolumeExpected = "a volume of zero or more";

//! A line as it is being read: its attributes from the first good row and its cells so far.
struct LineDraft
{
    std::string name;
    Resource resource;
    std::string indexId;
    ConfidenceClass confidence = ConfidenceClass::Forecast;
    std::vector<VolumeTriple> cells;
    std::vector<int> rowOfMonth; //!< month index -> file line (0: none), to report duplicates
};

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

Parsed<Plan> parsePlanCsv(std::string_view text,
                          const std::string& sourceName,
                          Month firstMonth,
                          int months,
                          const std::vector<std::string>& knownIndexIds)
{
    require(firstMonth.ok() && months >= 1 && months <= kMaxPlanMonths,
            "parsePlanCsv: the plan needs a valid first month and 1 to 36 months");
    Parsed<Plan> out{Plan(firstMonth, months), {}};
    auto table = CsvTable::read(text, sourceName, kPlanLayout);
    out.issues = std::move(table.issues);
    if (table.hasErrors())
        return out;
    const CsvTable& csv = table.value;
    const Month lastMonth = addMonths(firstMonth, months - 1);

    std::vector<std::string> order;
    std::unordered_map<std::string, LineDraft> drafts;
    AttributeCheck attributes("line");
    for (const CsvRow& row : csv.rows()) {
        RowReader r(csv, row, out.issues);
        const auto id = r.id("line_id");
        const auto resource = r.resource("resource");
        auto confidence = std::optional<ConfidenceClass>(ConfidenceClass::Forecast);
        if (!r.text("kind").empty()) {
            confidence = parseConfidenceClass(r.text("kind"));
            if (!confidence)
                r.fail("kind",
                       quoted(r.text("kind")) + " is not a known kind; "
                           + expectedOneOf(allConfidenceClassCodes()));
        }
        std::string indexId(r.text("index"));
        if (indexId.empty() && resource)
            indexId = resource->defaultIndexId();
        else if (!indexId.empty() && !isValidId(indexId))
            r.fail("index",
                   quoted(indexId) + " is not a valid index id; expected e.g. GPU.H100.NC");
        else if (!indexId.empty() && !knownIndexIds.empty()
                 && std::find(knownIndexIds.begin(), knownIndexIds.end(), indexId)
                        == knownIndexIds.end())
            r.fail("index",
                   quoted(indexId) + " is not a known index; "
                       + expectedOneOf(joined(knownIndexIds)));
        const auto month = r.month("month");
        std::optional<int> monthIdx;
        if (month) {
            const int i = monthsBetween(firstMonth, *month);
            if (i < 0 || i >= months)
                r.fail("month",
                       quoted(r.text("month")) + " is outside the plan; expected a month from "
                           + formatIsoMonth(firstMonth) + " to " + formatIsoMonth(lastMonth));
            else
                monthIdx = i;
        }
        const auto low = r.number("low", kVolumeExpected);
        const auto base = r.number("base", kVolumeExpected);
        const auto high = r.number("high", kVolumeExpected);
        if (!id || !resource)
            continue;
        const std::string name = r.text("name").empty() ? *id : std::string(r.text("name"));
        // Attributes are compared only once each is known to be well formed.
        attributes.agree(r, *id, "name", name);
        attributes.agree(r, *id, "resource", resource->code());
        if (confidence)
            attributes.agree(r, *id, "kind", confidenceClassCode(*confidence));
        attributes.agree(r, *id, "index", indexId);
        if (!r.ok())
            continue;

        auto [it, isNew] = drafts.try_emplace(*id);
        LineDraft& draft = it->second;
        if (isNew) {
            order.push_back(*id);
            draft = LineDraft{name,
                              *resource,
                              indexId,
                              *confidence,
                              std::vector<VolumeTriple>(static_cast<std::size_t>(months)),
                              std::vector<int>(static_cast<std::size_t>(months), 0)};
        }
        const auto cell = static_cast<std::size_t>(*monthIdx);
        if (draft.rowOfMonth[cell] != 0) {
            r.fail("month",
                   "line " + quoted(*id) + " already has a row for " + formatIsoMonth(*month)
                       + " on line " + std::to_string(draft.rowOfMonth[cell])
                       + "; expected one row per line and month");
            continue;
        }
        draft.rowOfMonth[cell] = row.line;
        // Volumes are already known to be >= 0; only the order can still be wrong, and the
        // message (with the cell's name) is built only then.
        if (*low <= *base && *base <= *high) {
            draft.cells[cell] = VolumeTriple(*low, *base, *high);
            continue;
        }
        for (auto& p : checkVolumeTriple(*low, *base, *high, name + ", " + formatIsoMonth(*month)))
            out.issues.push_back(csv.error(row, p.field, std::move(p.message)));
    }

    std::vector<PlanLine> lines;
    for (const auto& id : order) {
        LineDraft& d = drafts.at(id);
        lines.emplace_back(
            id, std::move(d.name), d.resource, std::move(d.indexId), d.confidence, d.cells);
    }
    out.value = Plan(firstMonth, months, std::move(lines));
    return out;
}

std::string writePlanCsv(const Plan& plan)
{
    std::string out = kPlanLayout.expectedHeader() + "\n";
    for (const auto& line : plan.lines()) {
        for (int i = 0; i < plan.months(); ++i) {
            const VolumeTriple& c = line.cells()[static_cast<std::size_t>(i)];
            out += csvRecord({line.id(),
                              line.name(),
                              line.resource().code(),
                              confidenceClassCode(line.confidence()),
                              line.indexId(),
                              formatIsoMonth(plan.monthAt(i)),
                              formatShortest(c.low()),
                              formatShortest(c.base()),
                              formatShortest(c.high())});
        }
    }
    return out;
}

} // namespace ch::exposure
