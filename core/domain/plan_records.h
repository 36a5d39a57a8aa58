#pragma once

#include "domain/dates.h"
#include "domain/money.h"
#include "domain/plan_resource.h"
#include "domain/plan_units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ch {

// Records next to the plan: fixed-price capacity already bought, bills already paid, and budgets.
// These are the book of record, so prices are exact micro-USD (UnitRate) and amounts are Money
// (integer cents); the exposure analytics built on them work in double USD (exposure/exposure.h).

enum class ContractKind : std::uint8_t {
    ReservedInstance, //!< reserved GPU capacity (e.g. a 12-month cluster reservation)
    CommittedUse,     //!< a committed-use discount: a volume bought at a fixed rate
    PrepaidTokens     //!< pre-paid token commitment with a model vendor
};
const char* contractKindCode(ContractKind k); //!< "reserved", "committed_use", "prepaid_tokens"
std::optional<ContractKind> parseContractKind(std::string_view code);
std::string allContractKindCodes(); //!< "reserved, committed_use, prepaid_tokens"

//! Capacity bought at a fixed price: it is already priced, so it is not exposed to the market.
//! Either bound to one plan line (lineId set), or pooled for a resource and index (lineId empty):
//! pooled capacity covers the plan lines with that resource and index in plan order
//! (docs/plan-and-exposure.md, "Contracted capacity").
//! Invariants: valid ids; non-empty counterparty; price in the resource's unit; at least one month;
//! quantities finite and >= 0, one per month from firstMonth() (a month with nothing is 0).
class ContractedCapacity
{
public:
    ContractedCapacity(std::string id,
                       std::string lineId,
                       Resource resource,
                       std::string indexId,
                       ContractKind kind,
                       std::string counterparty,
                       UnitRate price,
                       Month firstMonth,
                       std::vector<double> quantityPerMonth);

    const std::string& id() const { return m_id; }
    //! The plan line it covers; empty for pooled capacity.
    const std::string& lineId() const { return m_lineId; }
    bool isPooled() const { return m_lineId.empty(); }
    const Resource& resource() const { return m_resource; }
    const std::string& indexId() const { return m_indexId; }
    ContractKind kind() const { return m_kind; }
    const std::string& counterparty() const { return m_counterparty; }
    //! The fixed price per unit (micro-USD per GPU-hour or per MTok).
    const UnitRate& price() const { return m_price; }
    Month firstMonth() const { return m_first; }
    Month lastMonth() const;
    const std::vector<double>& quantities() const { return m_quantities; }
    //! Contracted volume in `m`; zero outside the contract's months.
    Volume quantity(Month m) const;
    //! What the month's contracted volume costs, rounded once to cents.
    Money cost(Month m) const;

    friend bool operator==(const ContractedCapacity&, const ContractedCapacity&) = default;

private:
    std::string m_id;
    std::string m_lineId;
    Resource m_resource;
    std::string m_indexId;
    ContractKind m_kind = ContractKind::ReservedInstance;
    std::string m_counterparty;
    UnitRate m_price;
    Month m_first{};
    std::vector<double> m_quantities;
};

//! One bill already paid: `quantity` of a resource bought from `provider` in `month` for `amount`.
//! Invariants: non-empty provider; quantity > 0 in the resource's unit; amount >= 0.
class ActualBill
{
public:
    ActualBill(Month month, std::string provider, Resource resource, Volume quantity, Money amount);

    Month month() const { return m_month; }
    const std::string& provider() const { return m_provider; }
    const Resource& resource() const { return m_resource; }
    const Volume& quantity() const { return m_quantity; }
    const Money& amount() const { return m_amount; }
    //! amount ÷ quantity, rounded to micro-USD, for display next to the index.
    UnitRate effectiveRate() const { return ch::effectiveRate(m_amount, m_quantity); }
    //! amount ÷ quantity unrounded, for analytics (basis).
    double paidUsdPerUnit() const { return m_amount.toAmount() / m_quantity.amount(); }

    friend bool operator==(const ActualBill&, const ActualBill&) = default;

private:
    Month m_month{};
    std::string m_provider;
    Resource m_resource;
    Volume m_quantity;
    Money m_amount;
};

//! The budget for one plan line and month: either a budget price per unit (the budget cost is then
//! price × planned volume of each scenario) or a fixed budget amount.
class BudgetEntry
{
public:
    static BudgetEntry price(std::string lineId, Month month, UnitRate rate);
    static BudgetEntry amount(std::string lineId, Month month, Money amount);

    const std::string& lineId() const { return m_lineId; }
    Month month() const { return m_month; }
    bool isPrice() const { return std::holds_alternative<UnitRate>(m_budget); }
    std::optional<UnitRate> rate() const;
    std::optional<Money> fixedAmount() const;
    //! The budget in USD for a planned volume (used only for a budget price).
    double budgetUsd(double plannedVolume) const;

    friend bool operator==(const BudgetEntry&, const BudgetEntry&) = default;

private:
    BudgetEntry(std::string lineId, Month month, std::variant<UnitRate, Money> budget);
    std::string m_lineId;
    Month m_month{};
    std::variant<UnitRate, Money> m_budget;
};

} // namespace ch
