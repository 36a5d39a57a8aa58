#include "domain/error.h"
#include "marketdata/csv_text.h"
#include "marketdata/dataset_format.h"
#include "marketdata/dataset_table.h"
#include "marketdata/random.h"
#include "marketdata/reference_dataset.h"

#include <cstdio>
#include <set>
#include <unordered_map>

namespace ch::marketdata {

namespace {

const std::string* findFile(const std::map<std::string, std::string>& files,
                            std::string_view name,
                            std::vector<Issue>& issues)
{
    const auto it = files.find(std::string(name));
    if (it == files.end()) {
        issues.push_back(Issue{
            std::string(name), 0, "", Severity::Error, "the file is missing from the dataset"});
        return nullptr;
    }
    return &it->second;
}

std::string checksumText(const std::string& content)
{
    char buf[32];
    std::snprintf(buf,
                  sizeof buf,
                  "fnv1a64:%016llx",
                  static_cast<unsigned long long>(fnv1a64(content.data(), content.size())));
    return buf;
}

void parseManifest(const std::string& text,
                   const std::map<std::string, std::string>& files,
                   DatasetInfo& info,
                   std::vector<Issue>& issues)
{
    CsvTable t(std::string(format::kManifest), text, format::kManifestHeader, issues);
    std::set<std::string> seen;
    while (t.next()) {
        const std::string key(t[0]);
        const std::string_view value = t[1];
        if (!seen.insert(key).second) {
            t.error(0, csv::quoted(key) + " appears twice");
            continue;
        }
        if (key == "format") {
            if (value != format::kFormatName)
                t.error(1,
                        csv::quoted(value) + " is not a supported format; expected "
                            + std::string(format::kFormatName));
        } else if (key == "version") {
            info.version = t.text(1);
        } else if (key == "valuation_date") {
            if (const auto d = t.date(1))
                info.valuationDate = *d;
        } else if (key == "seed") {
            if (const auto s = csv::parseUint64(value))
                info.seed = *s;
            else
                t.error(1, csv::quoted(value) + " is not a seed; expected a whole number");
        } else if (key == "disclaimer") {
            info.disclaimer = t.text(1);
        } else if (key.rfind("checksum.", 0) == 0) {
            const auto file = files.find(key.substr(9));
            if (file == files.end()) {
                t.error(0, csv::quoted(key) + " names a file that is not in the dataset");
                continue;
            }
            const auto actual = checksumText(file->second);
            if (value != actual)
                t.error(1,
                        file->first + " should hash to " + std::string(value) + " but hashes to "
                            + actual + "; the file changed after it was generated");
        } else if (key != "generator" && key != "statistics_method" && key != "token_blend"
                   && key.rfind("model.", 0) != 0 && key.rfind("target.", 0) != 0) {
            t.error(0, csv::quoted(key) + " is not a manifest key");
        }
    }
    if (!t.valid())
        return;
    for (const char* required : {"format", "version", "valuation_date", "seed", "disclaimer"}) {
        if (!seen.count(required))
            t.report(0, "", "missing key " + csv::quoted(required));
    }
}

//! What the files parsed so far say about the indices, for checking references in later files.
struct Context
{
    MarketDataSet& data;
    std::vector<Issue>& issues;
    std::vector<int> indexLines;     //!< line of each data.indices entry in indices.csv
    std::set<std::string> brokenIds; //!< ids on indices.csv lines with errors (already reported)

    //! True for an index of indices.csv, including one whose line had errors: its problems are
    //! reported there once, not again at every reference to it.
    bool knows(const std::string& id) const
    {
        return data.findIndex(id) != nullptr || brokenIds.count(id) > 0;
    }
};

void parseIndices(const std::string& text, Context& ctx)
{
    CsvTable t(std::string(format::kIndices), text, format::kIndicesHeader, ctx.issues);
    std::unordered_map<std::string, int> firstLine;
    while (t.next()) {
        IndexDefinition def;
        def.id = t.text(0);
        def.name = t.text(1);
        const auto kind = format::parseIndexKind(t[2]);
        if (!kind)
            t.error(
                2, csv::quoted(t[2]) + " is not an index kind; expected gpu_rental or token_price");
        Unit unit{};
        const bool unitOk = parseUnitCode(std::string(t[3]), unit);
        if (!unitOk)
            t.error(3, csv::quoted(t[3]) + " is not a unit; expected gpu_hour or mtok");
        def.resource = t.text(4);
        def.segment = t.text(5);
        const auto first = t.date(6);
        def.description = t.text(7, false);
        if (def.id.empty())
            continue;
        if (const auto [it, fresh] = firstLine.emplace(def.id, t.line()); !fresh) {
            t.error(0,
                    csv::quoted(def.id) + " appears twice (first on line "
                        + std::to_string(it->second) + ")");
            continue;
        }
        if (!kind || !unitOk || !first) {
            ctx.brokenIds.insert(def.id);
            continue;
        }
        def.kind = *kind;
        def.unit = unit;
        def.firstDate = *first;
        ctx.data.indices.push_back(std::move(def));
        ctx.indexLines.push_back(t.line());
    }
}

//! Reads one price file; false when its header (or the whole file) is unreadable.
bool parsePrices(std::string_view fileName, const std::string& text, IndexKind kind, Context& ctx)
{
    auto& data = ctx.data;
    CsvTable t(std::string(fileName), text, format::kPricesHeader, ctx.issues);
    struct State
    {
        std::size_t series = 0;
        std::optional<Date> last; //!< date of the last row read for this index, good or bad
        bool resync = false;      //!< a row of this index had an unreadable date
    };
    std::unordered_map<std::string, State> states;
    for (std::size_t i = 0; i < data.indices.size(); ++i)
        states.emplace(data.indices[i].id, State{i, std::nullopt, false});
    while (t.next()) {
        const auto date = t.date(0);
        const std::string id(t[1]);
        const auto it = states.find(id);
        if (it == states.end()) {
            if (!ctx.brokenIds.count(id))
                t.error(1, csv::quoted(id) + " is not an index of indices.csv");
            continue;
        }
        const auto& def = data.indices[it->second.series];
        if (def.kind != kind) {
            t.error(1,
                    csv::quoted(id) + " is a " + format::indexKindCode(def.kind)
                        + " index; its prices belong in "
                        + std::string(format::pricesFileFor(def.kind)));
            continue;
        }
        const auto price = t.positive(2);
        auto& state = it->second;
        if (!date) {
            state.resync = true;
            continue;
        }
        // Continuity is checked against the last row of the index, even one with a bad price,
        // so that one bad row is reported once rather than again as a gap.
        if (state.last && !state.resync) {
            const auto expected = dateFromDaysSinceEpoch(daysSinceEpoch(*state.last) + 1);
            if (*date != expected) {
                t.error(0,
                        formatIsoDate(*date) + " follows " + formatIsoDate(*state.last) + " for "
                            + id + "; expected the next calendar day " + formatIsoDate(expected));
                if (*date < expected)
                    continue;
            }
        }
        state.last = date;
        state.resync = false;
        if (price)
            data.series[state.series].points.push_back({*date, *price});
    }
    return t.valid();
}

void parseContracts(const std::string& text, Context& ctx)
{
    CsvTable t(std::string(format::kContracts), text, format::kContractsHeader, ctx.issues);
    std::unordered_map<std::string, int> firstLine;
    while (t.next()) {
        ContractSpec c;
        c.symbol = t.text(0);
        c.name = t.text(1);
        bool ok = !c.symbol.empty();
        if (!parseExchangeStyle(std::string(t[2]), c.style)) {
            t.error(2,
                    csv::quoted(t[2])
                        + " is not an exchange style; expected CME-style, ICE-style or SHFE-style");
            ok = false;
        }
        c.underlyingIndex = t.text(3);
        if (!ctx.knows(c.underlyingIndex)) {
            t.error(3, csv::quoted(t[3]) + " is not an index of indices.csv");
            ok = false;
        }
        if (!parseUnitCode(std::string(t[4]), c.unit)) {
            t.error(4, csv::quoted(t[4]) + " is not a unit; expected gpu_hour or mtok");
            ok = false;
        }
        const auto units = t.integer(5, 1);
        const auto tick = t.integer(6, 1);
        const auto months = t.integer(7, 1);
        c.settlement = t.text(8);
        c.lastTrading = t.text(9);
        const auto margin = csv::parseDouble(t[10]);
        if (!margin || *margin <= 0.0 || *margin > 1.0) {
            t.error(10,
                    csv::quoted(t[10])
                        + " is not a margin fraction; expected a decimal in (0, 1] "
                          "such as 0.175");
            ok = false;
        }
        const auto fee = t.integer(11, 0);
        if (!ok || !units || !tick || !months || !fee)
            continue;
        if (const auto [it, fresh] = firstLine.emplace(c.symbol, t.line()); !fresh) {
            t.error(0,
                    csv::quoted(c.symbol) + " appears twice (first on line "
                        + std::to_string(it->second) + ")");
            continue;
        }
        c.unitsPerContract = *units;
        c.tickMicros = *tick;
        c.monthsListed = static_cast<int>(*months);
        c.initialMarginFraction = *margin;
        c.feePerSideCents = *fee;
        ctx.data.contracts.push_back(std::move(c));
    }
}

bool isUrl(std::string_view s)
{
    return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

void parseEvents(const std::string& text, Context& ctx)
{
    CsvTable t(std::string(format::kEvents), text, format::kEventsHeader, ctx.issues);
    while (t.next()) {
        MarketEvent e;
        const auto date = t.date(0);
        e.indexId = t.text(1, false);
        bool ok = date.has_value();
        if (!e.indexId.empty() && !ctx.knows(e.indexId)) {
            t.error(1, csv::quoted(e.indexId) + " is not an index of indices.csv");
            ok = false;
        }
        e.description = t.text(2);
        e.sourceUrl = t.text(3);
        if (!isUrl(e.sourceUrl)) {
            t.error(3, csv::quoted(e.sourceUrl) + " is not a URL; expected https://...");
            ok = false;
        }
        if (!ok || e.description.empty())
            continue;
        e.date = *date;
        ctx.data.events.push_back(std::move(e));
    }
}

//! anchors.csv; with `known`, the index must also be one of its indices.
Parsed<std::vector<Anchor>>
parseAnchors(std::string_view text, const std::string& fileName, const Context* known)
{
    Parsed<std::vector<Anchor>> result;
    CsvTable t(fileName, text, format::kAnchorsHeader, result.issues);
    while (t.next()) {
        Anchor a;
        a.indexId = t.text(0);
        if (known && !a.indexId.empty() && !known->knows(a.indexId)) {
            t.error(0, csv::quoted(a.indexId) + " is not an index of indices.csv");
            continue;
        }
        const auto date = t.date(1);
        const auto level = t.positive(2);
        const auto tolerance = csv::parseDouble(t[3]);
        if (!tolerance || *tolerance < 0.0)
            t.error(3,
                    csv::quoted(t[3]) + " is not a tolerance; expected a decimal of zero or more");
        a.sourceUrl = t.text(4);
        if (!isUrl(a.sourceUrl))
            t.error(4, csv::quoted(a.sourceUrl) + " is not a URL; expected https://...");
        if (a.indexId.empty() || !date || !level || !tolerance || *tolerance < 0.0
            || !isUrl(a.sourceUrl))
            continue;
        a.date = *date;
        a.usd = *level;
        a.tolerance = *tolerance;
        result.value.push_back(std::move(a));
    }
    return result;
}

} // namespace

Parsed<std::vector<Anchor>> parseAnchorsCsv(std::string_view text, const std::string& fileName)
{
    return parseAnchors(text, fileName, nullptr);
}

Parsed<MarketDataSet> parseDatasetFiles(const std::map<std::string, std::string>& files)
{
    Parsed<MarketDataSet> result;
    auto& data = result.value;
    auto& issues = result.issues;
    if (const auto* manifest = findFile(files, format::kManifest, issues))
        parseManifest(*manifest, files, data.info, issues);

    Context ctx{data, issues, {}, {}};
    if (const auto* indices = findFile(files, format::kIndices, issues))
        parseIndices(*indices, ctx);
    for (const auto& def : data.indices)
        data.series.push_back(PriceSeries{def.id, {}});
    bool readable[2] = {false, false};
    for (const auto kind : {IndexKind::GpuRental, IndexKind::TokenPrice}) {
        const auto name = format::pricesFileFor(kind);
        if (const auto* prices = findFile(files, name, issues))
            readable[kind == IndexKind::GpuRental ? 0 : 1] = parsePrices(name, *prices, kind, ctx);
    }
    for (std::size_t i = 0; i < data.indices.size(); ++i) {
        const auto& def = data.indices[i];
        const auto& points = data.series[i].points;
        if (!readable[def.kind == IndexKind::GpuRental ? 0 : 1])
            continue; // that file's problem is already reported
        if (points.empty())
            issues.push_back(Issue{std::string(format::kIndices),
                                   ctx.indexLines[i],
                                   "id",
                                   Severity::Error,
                                   "no prices for " + def.id + " in "
                                       + std::string(format::pricesFileFor(def.kind))});
        else if (points.front().date != def.firstDate)
            issues.push_back(Issue{std::string(format::kIndices),
                                   ctx.indexLines[i],
                                   "first_date",
                                   Severity::Error,
                                   formatIsoDate(def.firstDate) + " but the prices of " + def.id
                                       + " start on " + formatIsoDate(points.front().date)});
    }
    if (const auto* contracts = findFile(files, format::kContracts, issues))
        parseContracts(*contracts, ctx);
    if (const auto* events = findFile(files, format::kEvents, issues))
        parseEvents(*events, ctx);
    if (const auto* anchors = findFile(files, format::kAnchors, issues)) {
        auto parsed = parseAnchors(*anchors, std::string(format::kAnchors), &ctx);
        issues.insert(issues.end(), parsed.issues.begin(), parsed.issues.end());
    }
    sortIssues(issues);
    return result;
}

} // namespace ch::marketdata
