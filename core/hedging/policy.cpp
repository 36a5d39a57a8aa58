#include "hedging/policy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace ch::hedging {

namespace {

constexpr const char* kSource = "policy";

Issue error(std::string field, std::string message)
{
    return Issue{kSource, 0, std::move(field), Severity::Error, std::move(message)};
}

// "month 4" or "months 4–6".
std::string monthsText(int from, int to)
{
    return from == to ? "month " + std::to_string(from)
                      : "months " + std::to_string(from) + "–" + std::to_string(to);
}

std::string usdText(double x)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return std::string(buf) + " USD";
}

std::string rangeLabel(const TenorBucket& b)
{
    return std::to_string(b.fromMonth) + "–" + std::to_string(b.toMonth) + " months";
}

void checkRatio(std::vector<Issue>& out, const std::string& field, const char* name, double r)
{
    if (!std::isfinite(r))
        out.push_back(error(field, std::string(name) + " is not a number"));
    else if (r < 0.0)
        out.push_back(error(field, std::string(name) + " " + formatPercent(r) + " is negative"));
    else if (r > 1.0)
        out.push_back(error(field, std::string(name) + " " + formatPercent(r) + " is above 100%"));
}

void checkBuckets(const HedgePolicy& p, std::vector<Issue>& out)
{
    if (p.buckets.empty()) {
        out.push_back(error("buckets", "no tenor bucket; at least one is needed"));
        return;
    }
    for (std::size_t i = 0; i < p.buckets.size(); ++i) {
        const TenorBucket& b = p.buckets[i];
        const std::string field = bucketLabel(p, i);
        if (b.fromMonth < 0)
            out.push_back(error(field,
                                "from-month " + std::to_string(b.fromMonth)
                                    + " is negative; months count from the valuation "
                                      "month (0)"));
        if (b.toMonth < b.fromMonth)
            out.push_back(error(field,
                                "to-month " + std::to_string(b.toMonth) + " is before from-month "
                                    + std::to_string(b.fromMonth)));
        checkRatio(out, field, "min", b.minRatio);
        checkRatio(out, field, "target", b.targetRatio);
        checkRatio(out, field, "max", b.maxRatio);
        if (b.maxRatio < b.minRatio)
            out.push_back(error(field,
                                "max " + formatPercent(b.maxRatio) + " is below min "
                                    + formatPercent(b.minRatio)));
        else if (b.targetRatio < b.minRatio)
            out.push_back(error(field,
                                "target " + formatPercent(b.targetRatio) + " is below min "
                                    + formatPercent(b.minRatio)));
        else if (b.targetRatio > b.maxRatio)
            out.push_back(error(field,
                                "target " + formatPercent(b.targetRatio) + " is above max "
                                    + formatPercent(b.maxRatio)));
    }
    // Overlaps and gaps, in month order; a bucket whose range is inverted was reported above.
    std::vector<std::size_t> order(p.buckets.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return p.buckets[a].fromMonth < p.buckets[b].fromMonth;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const TenorBucket& prev = p.buckets[order[k - 1]];
        const TenorBucket& cur = p.buckets[order[k]];
        if (prev.toMonth < prev.fromMonth || cur.toMonth < cur.fromMonth)
            continue;
        const std::string field = bucketLabel(p, order[k]);
        if (cur.fromMonth <= prev.toMonth)
            out.push_back(
                error(field,
                      "overlaps " + bucketLabel(p, order[k - 1]) + " in "
                          + monthsText(cur.fromMonth, std::min(cur.toMonth, prev.toMonth))));
        else if (cur.fromMonth > prev.toMonth + 1)
            out.push_back(error(field,
                                "gap after " + bucketLabel(p, order[k - 1]) + ": "
                                    + monthsText(prev.toMonth + 1, cur.fromMonth - 1)
                                    + (cur.fromMonth - 1 > prev.toMonth + 1 ? " have" : " has")
                                    + " no band"));
    }
}

void checkRules(const HedgePolicy& p,
                const std::vector<ContractSpec>* contracts,
                std::vector<Issue>& out)
{
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const ResourceRule& r = p.rules[i];
        const std::string field =
            "rule " + std::to_string(i + 1) + (r.resource.empty() ? "" : " (" + r.resource + ")");
        if (r.resource.empty())
            out.push_back(error(field, "resource is empty; use a resource code or \"*\""));
        for (std::size_t j = 0; j < i; ++j)
            if (!r.resource.empty() && p.rules[j].resource == r.resource)
                out.push_back(
                    error(field,
                          "resource " + r.resource + " already has rule " + std::to_string(j + 1)));
        if (r.instruments.empty())
            out.push_back(error(field, "no instrument allowed; allow futures, calls or collars"));
        for (std::size_t a = 0; a < r.instruments.size(); ++a)
            for (std::size_t b = 0; b < a; ++b)
                if (r.instruments[a] == r.instruments[b])
                    out.push_back(error(field,
                                        std::string(instrumentTypeLabel(r.instruments[a]))
                                            + " listed twice"));
        if (contracts == nullptr)
            continue;
        for (const std::string& s : r.symbols) {
            const bool known = std::any_of(contracts->begin(),
                                           contracts->end(),
                                           [&](const ContractSpec& c) { return c.symbol == s; });
            if (!known)
                out.push_back(error(field, "unknown contract " + s));
        }
    }
}

} // namespace

const char* instrumentTypeCode(HedgeInstrumentType t)
{
    switch (t) {
    case HedgeInstrumentType::Future:
        return "future";
    case HedgeInstrumentType::Call:
        return "call";
    case HedgeInstrumentType::Collar:
        return "collar";
    }
    return "future";
}

const char* instrumentTypeLabel(HedgeInstrumentType t)
{
    switch (t) {
    case HedgeInstrumentType::Future:
        return "futures";
    case HedgeInstrumentType::Call:
        return "calls (cap)";
    case HedgeInstrumentType::Collar:
        return "collars";
    }
    return "futures";
}

std::optional<HedgeInstrumentType> parseInstrumentType(std::string_view code)
{
    for (HedgeInstrumentType t :
         {HedgeInstrumentType::Future, HedgeInstrumentType::Call, HedgeInstrumentType::Collar})
        if (code == instrumentTypeCode(t))
            return t;
    return std::nullopt;
}

bool ResourceRule::allowsSymbol(std::string_view symbol) const
{
    return symbols.empty() || std::find(symbols.begin(), symbols.end(), symbol) != symbols.end();
}

bool ResourceRule::allowsInstrument(HedgeInstrumentType t) const
{
    return std::find(instruments.begin(), instruments.end(), t) != instruments.end();
}

HedgePolicy defaultPolicy(std::string author, Timestamp savedAt)
{
    HedgePolicy p;
    p.id = "default";
    p.name = "Default hedge policy";
    p.version = 1;
    p.author = std::move(author);
    p.savedAt = savedAt;
    p.buckets = {{0, 3, 0.60, 0.75, 0.90}, {4, 12, 0.30, 0.50, 0.70}, {13, 36, 0.0, 0.25, 0.40}};
    p.rules = {{"*", {HedgeInstrumentType::Future}, {}}};
    p.maxContractsPerMonth = 4000;
    p.maxContractsPerContractMonth = 2000;
    p.maxPremiumUsd = 250'000.0;
    p.volumeScenario = Scenario::Base;
    p.rounding = RoundingPolicy::TowardZero;
    return p;
}

std::vector<Issue> validatePolicy(const HedgePolicy& p, const std::vector<ContractSpec>* contracts)
{
    std::vector<Issue> out;
    if (p.id.empty())
        out.push_back(error("id", "is empty"));
    if (p.name.empty())
        out.push_back(error("name", "is empty; give the policy a name"));
    if (p.version < 1)
        out.push_back(error("version", std::to_string(p.version) + " is below 1"));
    checkBuckets(p, out);
    checkRules(p, contracts, out);
    if (p.maxContractsPerMonth < 0)
        out.push_back(error("max contracts per month",
                            std::to_string(p.maxContractsPerMonth) + " is negative"));
    if (p.maxContractsPerContractMonth < 0)
        out.push_back(error("max contracts per contract and month",
                            std::to_string(p.maxContractsPerContractMonth) + " is negative"));
    if (!std::isfinite(p.maxPremiumUsd) || p.maxPremiumUsd < 0.0)
        out.push_back(
            error("max premium", usdText(p.maxPremiumUsd) + " is negative or not a number"));
    const OptionStrikes& k = p.strikes;
    if (!std::isfinite(k.callStrikeFraction) || k.callStrikeFraction <= 0.0)
        out.push_back(
            error("call strike", formatPercent(k.callStrikeFraction) + " is not positive"));
    if (!std::isfinite(k.putStrikeFraction) || k.putStrikeFraction <= 0.0)
        out.push_back(error("put strike", formatPercent(k.putStrikeFraction) + " is not positive"));
    else if (k.putStrikeFraction >= k.callStrikeFraction)
        out.push_back(error("put strike",
                            formatPercent(k.putStrikeFraction) + " is not below the call strike "
                                + formatPercent(k.callStrikeFraction)
                                + "; a collar needs put < call"));
    return out;
}

Parsed<HedgePolicy> reviseVersion(const HedgePolicy& previous,
                                  HedgePolicy edited,
                                  std::string author,
                                  Timestamp savedAt)
{
    edited.id = previous.id;
    edited.version = previous.version + 1;
    edited.author = std::move(author);
    edited.savedAt = savedAt;
    Parsed<HedgePolicy> out;
    out.issues = validatePolicy(edited);
    out.value = out.hasErrors() ? previous : std::move(edited);
    return out;
}

std::optional<std::size_t> bucketFor(const HedgePolicy& policy, int tenorMonths)
{
    for (std::size_t i = 0; i < policy.buckets.size(); ++i)
        if (policy.buckets[i].contains(tenorMonths))
            return i;
    return std::nullopt;
}

const ResourceRule* ruleFor(const HedgePolicy& policy, std::string_view resource)
{
    const auto find = [&](std::string_view key) -> const ResourceRule* {
        for (const ResourceRule& r : policy.rules)
            if (r.resource == key)
                return &r;
        return nullptr;
    };
    if (const ResourceRule* r = find(resource))
        return r;
    if (const auto dot = resource.find('.'); dot != std::string_view::npos)
        if (const ResourceRule* r = find(resource.substr(0, dot)))
            return r;
    return find("*");
}

std::string bucketLabel(const HedgePolicy& policy, std::size_t bucket)
{
    std::string label = "bucket " + std::to_string(bucket + 1);
    if (bucket < policy.buckets.size() && policy.buckets[bucket].toMonth >= 0)
        label += " (" + rangeLabel(policy.buckets[bucket]) + ")";
    return label;
}

std::string formatPercent(double ratio)
{
    if (!std::isfinite(ratio))
        return "NaN%";
    char buf[64];
    const double pct = std::round(ratio * 1000.0) / 10.0;
    std::snprintf(buf, sizeof buf, "%.1f", pct);
    std::string s(buf);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
        s.resize(s.size() - 2);
    if (s == "-0")
        s = "0";
    return s + "%";
}

} // namespace ch::hedging
