#include "hedging/book.h"

#include "domain/error.h"
#include "hedging/options.h"
#include "pricing/calendar.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ch::hedging::detail {

namespace {

constexpr const char* kSource = "recommendation";
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

Issue issue(Severity s, std::string field, std::string message)
{
    return Issue{kSource, 0, std::move(field), s, std::move(message)};
}

double volumeAt(const risk::ExposureCell& c, Scenario s)
{
    switch (s) {
    case Scenario::Low:
        return c.lowVolume;
    case Scenario::Base:
        return c.baseVolume;
    case Scenario::High:
        return c.highVolume;
    }
    return c.baseVolume;
}

std::optional<std::size_t> factorOfIndex(const risk::RiskInputs& r, const std::string& indexId)
{
    for (std::size_t i = 0; i < r.factors.size(); ++i)
        if (r.factors[i].indexId == indexId)
            return i;
    return std::nullopt;
}

const HedgeChoice* choiceFor(const RecommendationInputs& in, const std::string& indexId)
{
    for (const HedgeChoice& c : in.choices)
        if (c.exposureIndexId == indexId)
            return &c;
    return nullptr;
}

const ContractSpec* contractFor(const RecommendationInputs& in, const std::string& symbol)
{
    for (const ContractSpec& c : in.contracts)
        if (c.symbol == symbol)
            return &c;
    return nullptr;
}

std::optional<double> optionVolFor(const RecommendationInputs& in, const std::string& indexId)
{
    for (const pricing::VolEstimate& v : in.optionVols)
        if (v.indexId == indexId)
            return v.annualVol;
    return std::nullopt;
}

// A month left unhedged for a reason that usually repeats over consecutive months (the months
// past a contract's listing or past the last tenor bucket): reported once per run of months.
struct MonthNotice
{
    std::size_t factor = 0;
    std::string reason;
    std::string index;
    Month month{};
    int tenor = 0;
};

void reportNotices(const std::vector<MonthNotice>& notices, std::vector<Issue>& issues)
{
    for (std::size_t first = 0; first < notices.size();) {
        std::size_t last = first;
        while (last + 1 < notices.size() && notices[last + 1].factor == notices[first].factor
               && notices[last + 1].reason == notices[first].reason
               && notices[last + 1].month == addMonths(notices[last].month, 1))
            ++last;
        const MonthNotice& a = notices[first];
        const MonthNotice& b = notices[last];
        if (first == last)
            issues.push_back(issue(Severity::Warning,
                                   a.index + " " + formatIsoMonth(a.month),
                                   a.reason + "; " + formatIsoMonth(a.month) + " is "
                                       + std::to_string(a.tenor) + " months out; not hedged"));
        else
            issues.push_back(
                issue(Severity::Warning,
                      a.index + " " + formatIsoMonth(a.month) + " to " + formatIsoMonth(b.month),
                      a.reason + "; these " + std::to_string(last - first + 1) + " months are "
                          + std::to_string(a.tenor) + " to " + std::to_string(b.tenor)
                          + " months out; not hedged"));
        first = last + 1;
    }
}

// The furthest tenor (months after the valuation month) the exchange lists, by the rule the
// pre-trade check applies (trading/pre_trade.cpp, checkListedMonth): the valuation month stays
// the front month until its last trading day, the last business day, has passed, and
// monthsListed consecutive months are listed from the front month. On 2026-10-30, the last
// business day of October, October still trades, so a 36-month contract lists up to 2029-09
// (tenor 35), not 2029-10: recommending 2029-10 would draft an order the desk must refuse.
int lastListedTenor(const ContractSpec& spec, Date valuationDate)
{
    const Month month = pricing::valuationMonth(valuationDate);
    const bool frontExpired =
        daysSinceEpoch(valuationDate) > daysSinceEpoch(pricing::lastBusinessDay(month));
    return spec.monthsListed - (frontExpired ? 0 : 1);
}

// The candidate instrument of one line, or nullopt with the reason in `issues` or `notices`.
std::optional<HedgeCandidate> setUpInstrument(const RecommendationInputs& in,
                                              RecommendationLine& line,
                                              std::optional<HedgeInstrumentType> chosen,
                                              std::vector<Issue>& issues,
                                              std::vector<MonthNotice>& notices)
{
    const std::string label = lineLabel(line);
    if (!line.bucket) {
        notices.push_back({line.factor,
                           "outside the policy's tenor buckets",
                           line.exposureIndexId,
                           line.month,
                           line.tenorMonths});
        return std::nullopt;
    }
    const ResourceRule* rule = ruleFor(in.policy, line.resource);
    if (rule == nullptr || rule->instruments.empty()) {
        issues.push_back(
            issue(Severity::Warning,
                  label,
                  "the policy allows no instrument for " + line.resource + "; not hedged"));
        return std::nullopt;
    }
    const HedgeChoice* choice = choiceFor(in, line.exposureIndexId);
    if (choice == nullptr) {
        issues.push_back(
            issue(Severity::Warning,
                  label,
                  "no hedge contract was chosen for " + line.exposureIndexId + "; not hedged"));
        return std::nullopt;
    }
    if (!rule->allowsSymbol(choice->symbol)) {
        issues.push_back(issue(Severity::Warning,
                               label,
                               choice->symbol + " is not allowed for " + line.resource
                                   + " by the policy; not hedged"));
        return std::nullopt;
    }
    const ContractSpec* spec = contractFor(in, choice->symbol);
    if (spec == nullptr) {
        issues.push_back(issue(Severity::Error, label, "unknown contract " + choice->symbol));
        return std::nullopt;
    }
    const auto contractFactor = factorOfIndex(in.risk, spec->underlyingIndex);
    if (!contractFactor) {
        issues.push_back(issue(Severity::Error,
                               label,
                               "the risk inputs have no factor for " + spec->underlyingIndex
                                   + ", the index " + spec->symbol + " settles on"));
        return std::nullopt;
    }
    if (const int lastTenor = lastListedTenor(*spec, in.valuationDate);
        line.tenorMonths < 1 || line.tenorMonths > lastTenor) {
        notices.push_back(
            {line.factor,
             spec->symbol + " lists " + std::to_string(spec->monthsListed) + " months, to "
                 + formatIsoMonth(addMonths(pricing::valuationMonth(in.valuationDate), lastTenor)),
             line.exposureIndexId,
             line.month,
             line.tenorMonths});
        return std::nullopt;
    }
    const HedgeInstrumentType type = chosen.value_or(rule->instruments.front());
    if (!rule->allowsInstrument(type))
        issues.push_back(issue(Severity::Error,
                               label,
                               std::string(instrumentTypeLabel(type)) + " are not allowed for "
                                   + line.resource + " by the policy"));
    const double forward =
        in.risk.factors[*contractFactor].forwardUsd[static_cast<std::size_t>(line.monthOffset)];
    if (choice->ratio.beta <= 0.0) {
        issues.push_back(issue(Severity::Warning,
                               label,
                               "β of " + line.exposureIndexId + " on " + spec->underlyingIndex
                                   + " is not positive; the contract does not hedge it"));
        return std::nullopt;
    }

    line.instrument = type;
    line.symbol = spec->symbol;
    line.contractFactor = *contractFactor;
    line.crossHedge = choice->crossHedge;
    line.beta = choice->ratio.beta;
    line.rSquared = choice->ratio.rSquared;
    line.basisVolAnnual = choice->ratio.basisVolAnnual;
    line.hedgeRatio = hedgeUnitsPerExposureUnit(line.beta, line.priceUsd, forward);
    line.unitsPerContract = static_cast<double>(spec->unitsPerContract);
    line.forwardUsd = forward;
    line.initialMarginFraction = spec->initialMarginFraction;
    line.feePerSideUsd = static_cast<double>(spec->feePerSideCents) / 100.0;

    HedgeCandidate c;
    c.symbol = spec->symbol;
    c.type = type;
    c.factor = *contractFactor;
    c.monthOffset = line.monthOffset;
    c.unitsPerContract = line.unitsPerContract;
    c.forwardUsd = forward;
    if (type != HedgeInstrumentType::Future) {
        const auto vol = optionVolFor(in, spec->underlyingIndex);
        if (!vol) {
            issues.push_back(issue(Severity::Error,
                                   label,
                                   "no volatility for " + spec->underlyingIndex
                                       + " to price options; not hedged"));
            line.instrument.reset();
            return std::nullopt;
        }
        MonthlyOptionInputs o{
            line.month, in.valuationDate, forward, 0.0, *vol, in.rateAnnual, line.unitsPerContract};
        c.callStrikeUsd =
            roundToTick(in.policy.strikes.callStrikeFraction * forward, spec->tickMicros);
        if (type == HedgeInstrumentType::Call) {
            o.strikeUsd = c.callStrikeUsd;
            c.callPremiumUsd = priceMonthlyOption(pricing::OptionType::Call, o).perUnit.price;
        } else {
            c.putStrikeUsd = std::min(
                roundToTick(in.policy.strikes.putStrikeFraction * forward, spec->tickMicros),
                c.callStrikeUsd - static_cast<double>(spec->tickMicros) / 1e6);
            const CollarPrice collar = priceCollar(o, c.callStrikeUsd, c.putStrikeUsd);
            c.callPremiumUsd = collar.call.perUnit.price;
            c.putPremiumUsd = collar.put.perUnit.price;
        }
        line.callStrikeUsd = c.callStrikeUsd;
        line.putStrikeUsd = c.putStrikeUsd;
        line.callPremiumUsd = c.callPremiumUsd;
        line.putPremiumUsd = c.putPremiumUsd;
    }
    return c;
}

void addLimits(const RecommendationInputs& in, Book& b)
{
    std::map<Month, std::vector<std::size_t>> byMonth;
    std::map<std::pair<std::string, Month>, std::vector<std::size_t>> bySymbolMonth;
    LinearLimit premium{"premium budget", {}, in.policy.maxPremiumUsd};
    for (std::size_t i = 0; i < b.candidates.size(); ++i) {
        const HedgeCandidate& c = b.candidates[i];
        const Month m = b.lines[c.line].month;
        byMonth[m].push_back(i);
        bySymbolMonth[{c.symbol, m}].push_back(i);
        if (c.premiumPerContractUsd() != 0.0)
            premium.terms.push_back({i, c.premiumPerContractUsd()});
    }
    for (const auto& [key, members] : bySymbolMonth) {
        if (members.size() < 2)
            continue; // a single candidate's limit is already in its bounds
        LinearLimit l{key.first + " " + formatIsoMonth(key.second),
                      {},
                      static_cast<double>(in.policy.maxContractsPerContractMonth)};
        for (std::size_t i : members)
            l.terms.push_back({i, 1.0});
        b.limits.push_back(std::move(l));
    }
    for (const auto& [month, members] : byMonth) {
        LinearLimit l{"contracts in " + formatIsoMonth(month),
                      {},
                      static_cast<double>(in.policy.maxContractsPerMonth)};
        for (std::size_t i : members)
            l.terms.push_back({i, 1.0});
        b.limits.push_back(std::move(l));
    }
    if (!premium.terms.empty())
        b.limits.push_back(std::move(premium));
}

} // namespace

std::string lineLabel(const RecommendationLine& line)
{
    return line.exposureIndexId + " " + formatIsoMonth(line.month);
}

Book buildBook(const RecommendationInputs& in,
               const std::vector<std::optional<HedgeInstrumentType>>& instruments)
{
    const risk::RiskInputs& r = in.risk;
    risk::validateRiskInputs(r);
    const Scenario scenario = in.policy.volumeScenario;
    const std::size_t factors = r.factors.size();
    const auto horizon = static_cast<std::size_t>(r.horizonMonths);
    std::vector<double> units(factors * horizon, 0.0);
    std::vector<double> usd(factors * horizon, 0.0);
    for (const risk::ExposureCell& c : r.cells) {
        const std::size_t k = c.factor * horizon + static_cast<std::size_t>(c.monthOffset);
        const double v = volumeAt(c, scenario);
        units[k] += v;
        usd[k] += v
                  * (c.priceMultiplier
                         * r.factors[c.factor].forwardUsd[static_cast<std::size_t>(c.monthOffset)]
                     + c.spreadUsd);
    }

    Book b;
    const Month valuationMonth = pricing::valuationMonth(in.valuationDate);
    std::vector<std::size_t> lineAt(factors * horizon, kNone);
    for (std::size_t f = 0; f < factors; ++f) {
        for (std::size_t m = 0; m < horizon; ++m) {
            const std::size_t k = f * horizon + m;
            if (units[k] <= 0.0)
                continue;
            RecommendationLine line;
            line.monthOffset = static_cast<int>(m);
            line.month = addMonths(r.firstMonth, line.monthOffset);
            line.tenorMonths = monthsBetween(valuationMonth, line.month);
            line.bucket = bucketFor(in.policy, line.tenorMonths);
            line.factor = f;
            line.resource = r.factors[f].resource;
            line.exposureIndexId = r.factors[f].indexId;
            line.exposureUnits = units[k];
            line.exposureUsd = usd[k];
            line.priceUsd = usd[k] / units[k];
            if (line.bucket) {
                const TenorBucket& bucket = in.policy.buckets[*line.bucket];
                line.minRatio = bucket.minRatio;
                line.targetRatio = bucket.targetRatio;
                line.maxRatio = bucket.maxRatio;
            }
            line.targetUnits = line.targetRatio * line.exposureUnits;
            lineAt[k] = b.lines.size();
            b.lines.push_back(std::move(line));
        }
    }
    require(instruments.empty() || instruments.size() == b.lines.size(),
            "buildBook: " + std::to_string(instruments.size()) + " instrument choices for "
                + std::to_string(b.lines.size()) + " lines");
    b.lineOfCell.reserve(r.cells.size());
    for (const risk::ExposureCell& c : r.cells)
        b.lineOfCell.push_back(
            lineAt[c.factor * horizon + static_cast<std::size_t>(c.monthOffset)]);

    std::vector<std::optional<HedgeCandidate>> perLine;
    std::vector<MonthNotice> notices;
    for (std::size_t l = 0; l < b.lines.size(); ++l)
        perLine.push_back(setUpInstrument(in,
                                          b.lines[l],
                                          instruments.empty() ? std::nullopt : instruments[l],
                                          b.issues,
                                          notices));
    reportNotices(notices, b.issues);
    attributePositions(in, b);

    b.targetExactContracts.assign(b.lines.size(), 0.0);
    for (std::size_t l = 0; l < b.lines.size(); ++l) {
        RecommendationLine& line = b.lines[l];
        if (!perLine[l])
            continue;
        // Other instruments already held use part of the band.
        const double other = line.existingOtherUnits / line.exposureUnits;
        const double lo = std::max(0.0, line.minRatio - other);
        const double hi = std::max(lo, line.maxRatio - other);
        const ContractSizing sizing{line.exposureUnits,
                                    std::max(0.0, line.targetRatio - other),
                                    line.hedgeRatio,
                                    line.unitsPerContract,
                                    lo,
                                    hi,
                                    in.policy.maxContractsPerContractMonth};
        const RoundedContracts target = roundToContracts(sizing, in.policy.rounding);
        line.bounds = target.bounds;
        line.targetContracts = target.contracts;
        b.targetExactContracts[l] = target.exactContracts;
        if (line.bounds.minUnreachable && line.minRatio > 0.0)
            b.issues.push_back(issue(Severity::Warning,
                                     lineLabel(line),
                                     "the policy minimum " + formatPercent(line.minRatio)
                                         + " cannot be met in whole contracts within the maximum "
                                         + formatPercent(line.maxRatio)
                                         + " and the contract limit"));
        perLine[l]->line = l;
        line.candidate = b.candidates.size();
        b.candidates.push_back(*perLine[l]);
    }
    addLimits(in, b);
    return b;
}

} // namespace ch::hedging::detail
