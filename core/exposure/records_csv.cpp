#include "exposure/records_csv.h"

#include "domain/plan_text.h"
#include "exposure/csv_fields.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace ch::exposure {

namespace {

const CsvLayout kContractsLayout{{"contract_id",
                                  "line_id",
                                  "resource",
                                  "index",
                                  "month",
                                  "quantity",
                                  "price_usd",
                                  "counterparty",
                                  "kind"},
                                 {"line_id", "resource", "index"}};

const CsvLayout kActualsLayout{{"month", "provider", "resource", "quantity", "amount_usd"}, {}};

constexpr int kMicroDecimals = 6;
constexpr int kCentDecimals = 2;

struct ContractDraft
{
    std::string lineId;
    Resource resource;
    std::string indexId;
    ContractKind kind = ContractKind::ReservedInstance;
    std::string counterparty;
    std::int64_t priceMicros = 0;
    std::map<Month, std::pair<double, int>> quantities; //!< month -> (quantity, file line)
};

//! Resource and index of a contract row: from the columns, checked against the line when bound.
struct Target
{
    std::optional<Resource> resource;
    std::string indexId;
};

Target readTarget(RowReader& r, const PlanLine* line, bool lineNamed)
{
    Target t;
    const auto resourceText = r.text("resource");
    if (resourceText.empty()) {
        if (line)
            t.resource = line->resource();
        else if (!lineNamed) // an unknown line_id is reported once, on line_id
            r.fail("resource",
                   "the resource is empty; " + expectedOneOf(allResourceCodes())
                       + " when line_id is empty");
    } else {
        t.resource = r.resource("resource");
        if (t.resource && line && *t.resource != line->resource()) {
            r.fail("resource",
                   quoted(resourceText) + " does not match line " + quoted(line->id())
                       + ", which is " + line->resource().code());
            t.resource.reset();
        }
    }
    t.indexId = std::string(r.text("index"));
    if (t.indexId.empty()) {
        if (line)
            t.indexId = line->indexId();
        else if (t.resource)
            t.indexId = t.resource->defaultIndexId();
    } else if (!isValidId(t.indexId)) {
        r.fail("index", quoted(t.indexId) + " is not a valid index id; expected e.g. GPU.H100.NC");
    } else if (line && t.indexId != line->indexId()) {
        r.fail("index",
               quoted(t.indexId) + " does not match line " + quoted(line->id())
                   + ", which is priced on " + line->indexId());
    }
    return t;
}

} // namespace

Parsed<std::vector<ContractedCapacity>>
parseContractsCsv(std::string_view text, const std::string& sourceName, const Plan& plan)
{
    Parsed<std::vector<ContractedCapacity>> out;
    auto table = CsvTable::read(text, sourceName, kContractsLayout);
    out.issues = std::move(table.issues);
    if (table.hasErrors())
        return out;
    const CsvTable& csv = table.value;

    std::vector<std::string> order;
    std::map<std::string, ContractDraft> drafts;
    AttributeCheck attributes("contract");
    for (const CsvRow& row : csv.rows()) {
        RowReader r(csv, row, out.issues);
        const auto id = r.id("contract_id");
        const std::string lineId(r.text("line_id"));
        const PlanLine* line = lineId.empty() ? nullptr : plan.findLine(lineId);
        if (!lineId.empty() && !line)
            r.fail("line_id",
                   quoted(lineId)
                       + " is not a line of the plan; expected the id of a plan line, or an empty "
                         "line_id with a resource for pooled capacity");
        const Target target = readTarget(r, line, !lineId.empty());
        const auto month = r.month("month");
        const auto quantity = r.number("quantity", "a quantity of zero or more");
        const auto micros = r.fixedDecimal(
            "price_usd", kMicroDecimals, "USD per unit of zero or more with at most 6 decimals");
        const auto counterparty = r.required("counterparty", "the seller's name");
        const auto kind = parseContractKind(r.text("kind"));
        if (!kind)
            r.fail("kind",
                   quoted(r.text("kind")) + " is not a known kind; "
                       + expectedOneOf(allContractKindCodes()));
        if (!id || !r.ok())
            continue;
        attributes.agree(r, *id, "line_id", lineId);
        attributes.agree(r, *id, "resource", target.resource->code());
        attributes.agree(r, *id, "index", target.indexId);
        attributes.agree(
            r, *id, "price_usd", formatFixedDecimal(*micros, kMicroDecimals, kCentDecimals));
        attributes.agree(r, *id, "counterparty", *counterparty);
        attributes.agree(r, *id, "kind", contractKindCode(*kind));
        if (!r.ok())
            continue;

        auto [it, isNew] = drafts.try_emplace(*id);
        ContractDraft& d = it->second;
        if (isNew) {
            order.push_back(*id);
            d = ContractDraft{
                lineId, *target.resource, target.indexId, *kind, *counterparty, *micros, {}};
        }
        const auto [seen, firstTime] = d.quantities.emplace(*month, std::pair(*quantity, row.line));
        if (!firstTime)
            r.fail("month",
                   "contract " + quoted(*id) + " already has a row for " + formatIsoMonth(*month)
                       + " on line " + std::to_string(seen->second.second)
                       + "; expected one row per contract and month");
    }

    for (const auto& id : order) {
        const ContractDraft& d = drafts.at(id);
        const Month first = d.quantities.begin()->first;
        const Month last = d.quantities.rbegin()->first;
        std::vector<double> quantities(static_cast<std::size_t>(monthsBetween(first, last) + 1));
        for (const auto& [m, q] : d.quantities)
            quantities[static_cast<std::size_t>(monthsBetween(first, m))] = q.first;
        out.value.emplace_back(id,
                               d.lineId,
                               d.resource,
                               d.indexId,
                               d.kind,
                               d.counterparty,
                               UnitRate::fromMicros(d.resource.unit(), d.priceMicros),
                               first,
                               std::move(quantities));
    }
    return out;
}

std::string writeContractsCsv(const std::vector<ContractedCapacity>& contracts)
{
    std::string out = kContractsLayout.expectedHeader() + "\n";
    for (const auto& c : contracts) {
        for (std::size_t i = 0; i < c.quantities().size(); ++i)
            out += csvRecord({c.id(),
                              c.lineId(),
                              c.resource().code(),
                              c.indexId(),
                              formatIsoMonth(addMonths(c.firstMonth(), static_cast<int>(i))),
                              formatShortest(c.quantities()[i]),
                              formatFixedDecimal(c.price().micros(), kMicroDecimals, kCentDecimals),
                              c.counterparty(),
                              contractKindCode(c.kind())});
    }
    return out;
}

Parsed<std::vector<ActualBill>> parseActualsCsv(std::string_view text,
                                                const std::string& sourceName)
{
    Parsed<std::vector<ActualBill>> out;
    auto table = CsvTable::read(text, sourceName, kActualsLayout);
    out.issues = std::move(table.issues);
    if (table.hasErrors())
        return out;
    const CsvTable& csv = table.value;
    std::map<std::tuple<Month, std::string, std::string>, int> seen;
    for (const CsvRow& row : csv.rows()) {
        RowReader r(csv, row, out.issues);
        const auto month = r.month("month");
        const auto provider = r.required("provider", "the provider's name");
        const auto resource = r.resource("resource");
        const auto quantity = r.number("quantity", "a quantity greater than zero", false);
        const auto cents = r.fixedDecimal(
            "amount_usd", kCentDecimals, "USD of zero or more with at most 2 decimals (cents)");
        if (!r.ok())
            continue;
        const auto key = std::make_tuple(*month, *provider, resource->code());
        const auto [it, firstTime] = seen.emplace(key, row.line);
        if (!firstTime) {
            r.fail("resource",
                   "a bill for " + resource->code() + " from " + quoted(*provider) + " in "
                       + formatIsoMonth(*month) + " is already on line "
                       + std::to_string(it->second)
                       + "; expected one row per month, provider and resource");
            continue;
        }
        out.value.emplace_back(*month,
                               *provider,
                               *resource,
                               Volume(resource->unit(), *quantity),
                               Money(Currency::Usd, *cents));
    }
    return out;
}

std::string writeActualsCsv(const std::vector<ActualBill>& bills)
{
    std::string out = kActualsLayout.expectedHeader() + "\n";
    for (const auto& b : bills)
        out += csvRecord({formatIsoMonth(b.month()),
                          b.provider(),
                          b.resource().code(),
                          formatShortest(b.quantity().amount()),
                          b.amount().toDecimalString()});
    return out;
}

} // namespace ch::exposure
