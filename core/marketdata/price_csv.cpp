#include "marketdata/price_csv.h"

#include "domain/dates.h"
#include "marketdata/csv_text.h"
#include "marketdata/price_rows.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <unordered_map>

namespace ch::marketdata {

namespace {

// Past this many problems the importer stops listing them (a wrong file would otherwise produce a
// million lines of issues) and ends with one issue saying how many more there were.
constexpr std::size_t kMaxListedIssues = 1000;
constexpr std::string_view kExpectedColumns = "date,index,price[,source][,volume]";

constexpr std::uint32_t kMaxSources = (1u << 24) - 1;
constexpr std::uint64_t kNoRank = ~std::uint64_t{0};

struct Columns
{
    int date = -1;
    int index = -1;
    int price = -1;
    int source = -1;
    int volume = -1;
    std::size_t count = 0;
    std::string names; // as written in the header, for messages: "date,index,price"
};

class IssueList
{
public:
    IssueList(std::vector<Issue>& issues, const std::string& source)
        : m_issues(issues)
        , m_source(source)
    {}

    void add(int line, std::string field, std::string message, Severity s = Severity::Error)
    {
        if (m_issues.size() >= kMaxListedIssues) {
            ++m_suppressed;
            return;
        }
        m_issues.push_back(Issue{m_source, line, std::move(field), s, std::move(message)});
    }

    void finish()
    {
        sortIssues(m_issues);
        if (m_suppressed > 0)
            m_issues.push_back(Issue{m_source,
                                     0,
                                     "",
                                     Severity::Error,
                                     std::to_string(m_suppressed)
                                         + " more problems not listed; fix the ones above first"});
    }

private:
    std::vector<Issue>& m_issues;
    const std::string& m_source;
    std::size_t m_suppressed = 0;
};

bool readHeader(std::string_view line, int lineNo, Columns& cols, IssueList& issues)
{
    std::vector<std::string_view> fields;
    std::string scratch;
    if (csv::splitFields(line, fields, scratch) != csv::SplitResult::Ok) {
        issues.add(lineNo,
                   "header",
                   "unterminated or malformed quoted column name; expected columns "
                       + std::string(kExpectedColumns));
        return false;
    }
    bool ok = true;
    struct Known
    {
        std::string_view name;
        int Columns::*slot;
    };
    const Known known[] = {{"date", &Columns::date},
                           {"index", &Columns::index},
                           {"price", &Columns::price},
                           {"source", &Columns::source},
                           {"volume", &Columns::volume}};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto name = fields[i];
        const Known* match = nullptr;
        for (const auto& k : known) {
            if (csv::equalsIgnoreCase(name, k.name))
                match = &k;
        }
        if (!match) {
            issues.add(lineNo,
                       "header",
                       "unknown column " + csv::quoted(name) + "; expected columns "
                           + std::string(kExpectedColumns));
            ok = false;
            continue;
        }
        if (cols.*(match->slot) >= 0) {
            issues.add(lineNo, "header", "column " + csv::quoted(match->name) + " appears twice");
            ok = false;
            continue;
        }
        cols.*(match->slot) = static_cast<int>(i);
        if (!cols.names.empty())
            cols.names += ',';
        cols.names += match->name;
    }
    for (const auto& k : {known[0], known[1], known[2]}) {
        if (cols.*(k.slot) < 0) {
            issues.add(lineNo,
                       "header",
                       "missing required column " + csv::quoted(k.name) + "; expected columns "
                           + std::string(kExpectedColumns));
            ok = false;
        }
    }
    cols.count = fields.size();
    return ok;
}

//! Checks a price or volume: a finite decimal greater than zero. Returns the message or "".
std::string checkPositive(std::string_view text,
                          const std::optional<double>& v,
                          std::string_view what,
                          std::string_view example)
{
    if (!v)
        return csv::quoted(text) + " is not a number; expected a decimal such as "
               + std::string(example);
    if (*v < 0.0)
        return csv::quoted(text) + " is negative; expected a " + std::string(what)
               + " greater than zero";
    if (*v == 0.0)
        return csv::quoted(text) + " is zero; expected a " + std::string(what)
               + " greater than zero";
    return {};
}

double median(std::vector<double>& values)
{
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

} // namespace

Parsed<PriceImport> parsePriceCsv(std::string_view text,
                                  const std::string& sourceName,
                                  const std::vector<std::string>& knownIndexIds)
{
    Parsed<PriceImport> result;
    IssueList issues(result.issues, sourceName);
    csv::LineReader reader(text);
    std::string_view line;
    if (!reader.next(line) || (csv::isBlank(line) && reader.restIsBlank())) {
        issues.add(0, "", "the file is empty; expected a header line date,index,price");
        issues.finish();
        return result;
    }
    Columns cols;
    if (!readHeader(line, reader.lineNumber(), cols, issues)) {
        issues.finish();
        return result;
    }

    // Index ids ranked in sorted order, so that sorting rows by key sorts them by id.
    std::vector<std::string> sortedIds = knownIndexIds;
    std::sort(sortedIds.begin(), sortedIds.end());
    sortedIds.erase(std::unique(sortedIds.begin(), sortedIds.end()), sortedIds.end());
    require(sortedIds.size() < (1u << 16), "parsePriceCsv: too many known indices");
    std::unordered_map<std::string_view, std::uint64_t> indexRank;
    indexRank.reserve(sortedIds.size() * 2);
    for (std::size_t i = 0; i < sortedIds.size(); ++i)
        indexRank.emplace(sortedIds[i], i);
    std::string knownList; // built on the first unknown index only
    auto knownIdList = [&]() -> const std::string& {
        if (knownList.empty()) {
            for (const auto& id : sortedIds)
                knownList += (knownList.empty() ? "" : ", ") + id;
        }
        return knownList;
    };

    // Source names intern to small ids; views point into `text`, or into `ownedSources` for a
    // quoted name whose "" escapes had to be undone.
    std::unordered_map<std::string_view, std::uint32_t> sourceIds;
    std::vector<std::string_view> sourceNames;
    std::deque<std::string> ownedSources;
    if (cols.source < 0)
        sourceNames.emplace_back();

    std::vector<price_rows::Row> rows;
    rows.reserve(text.size() / 32 + 1);
    std::string_view lastIndexText;
    std::uint64_t lastRank = kNoRank;
    std::vector<std::string_view> fields;
    fields.reserve(8);
    std::string scratch;
    const auto fieldName = [](int column, const Columns& c) -> std::string {
        if (column == c.date)
            return "date";
        if (column == c.index)
            return "index";
        if (column == c.price)
            return "price";
        if (column == c.volume)
            return "volume";
        return "source";
    };

    while (reader.next(line)) {
        const int lineNo = reader.lineNumber();
        if (csv::isBlank(line)) {
            if (reader.restIsBlank())
                break;
            issues.add(lineNo, "", "empty line; expected values for " + cols.names);
            continue;
        }
        ++result.value.rowsRead;
        const auto split = csv::splitFields(line, fields, scratch);
        if (split != csv::SplitResult::Ok) {
            issues.add(lineNo,
                       "",
                       split == csv::SplitResult::UnterminatedQuote
                           ? "a quoted field has no closing quote"
                           : "text after the closing quote of a field; put the whole field in "
                             "quotes");
            continue;
        }
        if (fields.size() != cols.count) {
            issues.add(lineNo,
                       "",
                       "line has " + std::to_string(fields.size()) + " fields; expected "
                           + std::to_string(cols.count) + " as in the header (" + cols.names + ")");
            continue;
        }
        bool ok = true;
        const auto dateText = fields[static_cast<std::size_t>(cols.date)];
        const auto date = parseIsoDate(dateText);
        if (!date) {
            issues.add(lineNo,
                       fieldName(cols.date, cols),
                       csv::quoted(dateText) + " is not a date; expected YYYY-MM-DD");
            ok = false;
        }
        const auto indexText = fields[static_cast<std::size_t>(cols.index)];
        // Files are usually grouped by index, so the last match is tried before the hash map.
        if (indexText != lastIndexText) {
            const auto it = indexRank.find(indexText);
            lastIndexText = it == indexRank.end() ? std::string_view() : it->first;
            lastRank = it == indexRank.end() ? kNoRank : it->second;
        }
        const std::uint64_t rank = indexText.empty() ? kNoRank : lastRank;
        if (rank == kNoRank) {
            issues.add(lineNo,
                       "index",
                       csv::quoted(indexText) + " is not a known index; expected one of "
                           + knownIdList());
            ok = false;
        }
        const auto priceText = fields[static_cast<std::size_t>(cols.price)];
        const auto price = csv::parseDouble(priceText);
        if (auto msg = checkPositive(priceText, price, "price", "2.35"); !msg.empty()) {
            issues.add(lineNo, "price", std::move(msg));
            ok = false;
        }
        double volume = 0.0;
        if (cols.volume >= 0) {
            const auto volumeText = fields[static_cast<std::size_t>(cols.volume)];
            const auto v = csv::parseDouble(volumeText);
            if (auto msg = checkPositive(volumeText, v, "volume", "1200"); !msg.empty()) {
                issues.add(lineNo, "volume", std::move(msg));
                ok = false;
            } else {
                volume = *v;
            }
        }
        std::uint32_t source = 0;
        if (cols.source >= 0) {
            std::string_view name = fields[static_cast<std::size_t>(cols.source)];
            auto it = sourceIds.find(name);
            if (it == sourceIds.end()) {
                const bool inScratch =
                    name.data() >= scratch.data() && name.data() < scratch.data() + scratch.size();
                if (inScratch)
                    name = ownedSources.emplace_back(name);
                if (sourceNames.size() > kMaxSources) {
                    issues.add(lineNo, "source", "more than 16777215 different sources");
                    ok = false;
                } else {
                    it = sourceIds.emplace(name, static_cast<std::uint32_t>(sourceNames.size()))
                             .first;
                    sourceNames.push_back(name);
                }
            }
            if (it != sourceIds.end())
                source = it->second;
        }
        if (!ok)
            continue;
        rows.push_back(price_rows::Row{price_rows::packKey(rank, daysSinceEpoch(*date), source),
                                       *price,
                                       volume,
                                       static_cast<std::uint32_t>(lineNo)});
    }
    if (result.value.rowsRead == 0)
        issues.add(0, "", "the file has a header but no price rows", Severity::Warning);

    const auto layout = price_rows::compactKeys(rows, sortedIds.size(), sourceNames.size());
    price_rows::radixSort(rows, layout.keyCount);
    std::vector<double> groupPrices;
    auto& out = result.value.prices;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size();) {
        const std::uint64_t group = rows[i].key / layout.sourceCount;
        const auto rankOf = static_cast<std::size_t>(group / layout.dayCount);
        const Date date = dateFromDaysSinceEpoch(layout.firstDay
                                                 + static_cast<long long>(group % layout.dayCount));
        groupPrices.clear();
        double pv = 0.0;
        double v = 0.0;
        std::size_t j = i;
        for (; j < rows.size() && rows[j].key / layout.sourceCount == group; ++j) {
            if (j > i && rows[j].key == rows[j - 1].key) {
                // The sort is stable, so the run of equal keys is in line order: report
                // against its first line.
                std::size_t first = j - 1;
                while (first > i && rows[first - 1].key == rows[j].key)
                    --first;
                std::string what = sortedIds[rankOf] + " on " + formatIsoDate(date);
                if (cols.source >= 0)
                    what += " from source "
                            + csv::quoted(sourceNames[static_cast<std::size_t>(
                                rows[j].key % layout.sourceCount)]);
                else
                    what += " (add a source column to combine several marketplaces)";
                issues.add(static_cast<int>(rows[j].line),
                           "",
                           "duplicate of line " + std::to_string(rows[first].line) + ": " + what);
                continue;
            }
            groupPrices.push_back(rows[j].price);
            pv += rows[j].price * rows[j].volume;
            v += rows[j].volume;
        }
        AggregatedPrice agg;
        agg.indexId = sortedIds[rankOf];
        agg.date = date;
        agg.sourceRows = groupPrices.size();
        if (groupPrices.size() == 1) {
            agg.usd = groupPrices.front();
            agg.method = Aggregation::Single;
        } else if (cols.volume >= 0) {
            agg.usd = pv / v;
            agg.method = Aggregation::VolumeWeighted;
        } else {
            agg.usd = median(groupPrices);
            agg.method = Aggregation::Median;
        }
        out.push_back(std::move(agg));
        i = j;
    }
    issues.finish();
    return result;
}

} // namespace ch::marketdata
