#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"
#include "domain/units.h"
#include "hedging/rounding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::hedging {

// The hedge policy: the treasurer's rules a recommendation must follow (docs/hedging.md §1).
// Stored as versions (0004_hedge.sql): every edit makes a new version with its author and time,
// and a proposal records the policy id and version it was built under. Enums have stable text
// codes for storage; the codes never change once released.

//! What the company may buy to hedge a resource. A consumer hedges rising prices, so every
//! instrument is long the price: a future fixes it, a call caps it, a collar (long call, short
//! put) caps it and gives up savings below the put strike in exchange for the put's premium.
enum class HedgeInstrumentType : std::uint8_t { Future, Call, Collar };
const char* instrumentTypeCode(HedgeInstrumentType t);  //!< "future", "call", "collar"
const char* instrumentTypeLabel(HedgeInstrumentType t); //!< "futures", "calls (cap)", "collars"
std::optional<HedgeInstrumentType> parseInstrumentType(std::string_view code);

//! A tenor bucket: months `fromMonth`..`toMonth` after the valuation month (0 = the valuation
//! month itself), and the hedge ratios allowed there as fractions of the exposure (0.75 = 75%).
//! Valid when 0 <= fromMonth <= toMonth and 0 <= min <= target <= max <= 1 (validatePolicy).
struct TenorBucket
{
    int fromMonth = 0;
    int toMonth = 0;
    double minRatio = 0.0;
    double targetRatio = 0.0;
    double maxRatio = 0.0;

    bool contains(int tenorMonths) const
    {
        return tenorMonths >= fromMonth && tenorMonths <= toMonth;
    }
    friend bool operator==(const TenorBucket&, const TenorBucket&) = default;
};

//! What may hedge one resource. `resource` is the resource key of the risk factor ("H100",
//! "L40S", "FRONTIER"; see risk::RiskFactor::resource) or "*" for every resource without a rule
//! of its own. `instruments` lists the allowed instrument types in order of preference: the
//! recommendation uses the first one and the user may switch to any other. `symbols` lists the
//! contracts allowed for it ("CHG.H100"); empty means every contract of the same unit.
struct ResourceRule
{
    std::string resource;
    std::vector<HedgeInstrumentType> instruments;
    std::vector<std::string> symbols;

    bool allowsSymbol(std::string_view symbol) const;
    bool allowsInstrument(HedgeInstrumentType t) const;
    friend bool operator==(const ResourceRule&, const ResourceRule&) = default;
};

//! Strikes of the options the recommendation proposes, as fractions of the month's forward
//! (1.10 = 10% above the forward), rounded to the contract's tick.
struct OptionStrikes
{
    double callStrikeFraction = 1.10; //!< calls and the call leg of collars
    double putStrikeFraction = 0.90;  //!< the put leg of collars; below the call strike

    friend bool operator==(const OptionStrikes&, const OptionStrikes&) = default;
};

//! One version of a hedge policy. A plain value checked by validatePolicy (it is edited in a
//! form, so problems come back as Issues rather than exceptions). Months past the last bucket
//! are not hedged.
struct HedgePolicy
{
    std::string id;      //!< stable identity shared by all versions, e.g. "default"
    std::string name;    //!< for people
    int version = 1;     //!< 1, 2, ...: each saved edit makes the next version
    std::string author;  //!< user name of whoever saved this version
    Timestamp savedAt{}; //!< UTC
    std::vector<TenorBucket> buckets;
    std::vector<ResourceRule> rules;
    ContractCount maxContractsPerMonth = 0;         //!< all contracts of one delivery month
    ContractCount maxContractsPerContractMonth = 0; //!< one symbol in one delivery month
    double maxPremiumUsd = 0.0; //!< budget for the net option premium of the recommended book
    Scenario volumeScenario = Scenario::Base; //!< the plan volume the ratios apply to
    RoundingPolicy rounding = RoundingPolicy::TowardZero;
    OptionStrikes strikes;

    friend bool operator==(const HedgePolicy&, const HedgePolicy&) = default;
};

//! The default template (docs/hedging.md §1): 0–3 months 60/75/90%, 4–12 months 30/50/70%,
//! 13–36 months 0/25/40%; futures on any contract of the same unit for every resource; at most
//! 500 contracts per delivery month and 250 per contract and month; a 250,000 USD premium
//! budget; base volumes; rounding toward zero; calls at 110% and puts at 90% of the forward.
HedgePolicy defaultPolicy(std::string author, Timestamp savedAt);

//! Every problem with a policy, as Issues with source "policy" and the field at fault, e.g.
//! `policy: bucket 2 (4–12 months): max 30% is below min 50%`. When `contracts` is given, rule
//! symbols must name one of them. Overlapping buckets and gaps between buckets are errors.
std::vector<Issue> validatePolicy(const HedgePolicy& policy,
                                  const std::vector<ContractSpec>* contracts = nullptr);

//! `edited` saved as the next version of `previous`: same id, version previous.version + 1, the
//! given author and time. When `edited` has errors the value is `previous` unchanged, and the
//! issues say why.
Parsed<HedgePolicy> reviseVersion(const HedgePolicy& previous,
                                  HedgePolicy edited,
                                  std::string author,
                                  Timestamp savedAt);

//! The bucket holding `tenorMonths`, or nullopt (not hedged). Position in policy.buckets.
std::optional<std::size_t> bucketFor(const HedgePolicy& policy, int tenorMonths);

//! The rule for a resource key: an exact match, then the token tier before a '.' ("FRONTIER" for
//! "FRONTIER.IN"), then "*"; nullptr when none applies.
const ResourceRule* ruleFor(const HedgePolicy& policy, std::string_view resource);

//! "bucket 2 (4–12 months)": how messages name a bucket (1-based position).
std::string bucketLabel(const HedgePolicy& policy, std::size_t bucket);

//! 0.75 -> "75%", 0.125 -> "12.5%" (at most one decimal).
std::string formatPercent(double ratio);

} // namespace ch::hedging
