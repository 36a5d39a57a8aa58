#include "domain/plan_records.h"

#include "domain/error.h"
#include "domain/plan_text.h"

#include <array>
#include <cmath>

namespace ch {

namespace {
constexpr std::array kContractKinds{
    ContractKind::ReservedInstance, ContractKind::CommittedUse, ContractKind::PrepaidTokens};
}

const char* contractKindCode(ContractKind k)
{
    switch (k) {
    case ContractKind::ReservedInstance:
        return "reserved";
    case ContractKind::CommittedUse:
        return "committed_use";
    case ContractKind::PrepaidTokens:
        return "prepaid_tokens";
    }
    return "?";
}

std::optional<ContractKind> parseContractKind(std::string_view code)
{
    for (ContractKind k : kContractKinds)
        if (code == contractKindCode(k))
            return k;
    return std::nullopt;
}

std::string allContractKindCodes()
{
    std::string out;
    for (ContractKind k : kContractKinds)
        out += (out.empty() ? "" : ", ") + std::string(contractKindCode(k));
    return out;
}

ContractedCapacity::ContractedCapacity(std::string id,
                                       std::string lineId,
                                       Resource resource,
                                       std::string indexId,
                                       ContractKind kind,
                                       std::string counterparty,
                                       UnitRate price,
                                       Month firstMonth,
                                       std::vector<double> quantityPerMonth)
    : m_id(std::move(id))
    , m_lineId(std::move(lineId))
    , m_resource(resource)
    , m_indexId(std::move(indexId))
    , m_kind(kind)
    , m_counterparty(std::move(counterparty))
    , m_price(price)
    , m_first(firstMonth)
    , m_quantities(std::move(quantityPerMonth))
{
    require(isValidId(m_id), "ContractedCapacity: \"" + m_id + "\" is not a valid id");
    require(m_lineId.empty() || isValidId(m_lineId),
            "ContractedCapacity " + m_id + ": \"" + m_lineId + "\" is not a valid line id");
    require(isValidId(m_indexId),
            "ContractedCapacity " + m_id + ": \"" + m_indexId + "\" is not a valid index id");
    require(!trimBlanks(m_counterparty).empty(),
            "ContractedCapacity " + m_id + ": the counterparty is empty");
    require(m_price.unit() == m_resource.unit(),
            "ContractedCapacity " + m_id + ": a " + unitPriceLabel(m_price.unit()) + " price for "
                + m_resource.code());
    require(m_first.ok(), "ContractedCapacity " + m_id + ": the first month is not valid");
    require(!m_quantities.empty(), "ContractedCapacity " + m_id + ": no months");
    for (double q : m_quantities)
        require(std::isfinite(q) && q >= 0.0,
                "ContractedCapacity " + m_id + ": quantity " + formatShortest(q)
                    + " is negative or not finite");
}

Month ContractedCapacity::lastMonth() const
{
    return addMonths(m_first, static_cast<int>(m_quantities.size()) - 1);
}

Volume ContractedCapacity::quantity(Month m) const
{
    const int i = monthsBetween(m_first, m);
    if (i < 0 || i >= static_cast<int>(m_quantities.size()))
        return Volume(m_resource.unit(), 0.0);
    return Volume(m_resource.unit(), m_quantities[static_cast<std::size_t>(i)]);
}

Money ContractedCapacity::cost(Month m) const
{
    return costOf(quantity(m), m_price);
}

ActualBill::ActualBill(
    Month month, std::string provider, Resource resource, Volume quantity, Money amount)
    : m_month(month)
    , m_provider(std::move(provider))
    , m_resource(resource)
    , m_quantity(quantity)
    , m_amount(amount)
{
    require(m_month.ok(), "ActualBill: the month is not valid");
    require(!trimBlanks(m_provider).empty(), "ActualBill: the provider is empty");
    require(m_quantity.unit() == m_resource.unit(),
            std::string("ActualBill: a quantity in ") + unitSymbol(m_quantity.unit()) + " for "
                + m_resource.code());
    require(m_quantity.amount() > 0.0,
            "ActualBill " + m_provider + " " + formatIsoMonth(m_month) + ": the quantity is zero");
    require(m_amount.minorUnits() >= 0,
            "ActualBill " + m_provider + " " + formatIsoMonth(m_month) + ": the amount "
                + m_amount.toDecimalString() + " is negative");
}

BudgetEntry::BudgetEntry(std::string lineId, Month month, std::variant<UnitRate, Money> budget)
    : m_lineId(std::move(lineId))
    , m_month(month)
    , m_budget(budget)
{
    require(isValidId(m_lineId), "BudgetEntry: \"" + m_lineId + "\" is not a valid line id");
    require(m_month.ok(), "BudgetEntry " + m_lineId + ": the month is not valid");
}

BudgetEntry BudgetEntry::price(std::string lineId, Month month, UnitRate rate)
{
    return BudgetEntry(std::move(lineId), month, rate);
}

BudgetEntry BudgetEntry::amount(std::string lineId, Month month, Money amount)
{
    require(amount.minorUnits() >= 0,
            "BudgetEntry " + lineId + ": the budget " + amount.toDecimalString() + " is negative");
    return BudgetEntry(std::move(lineId), month, amount);
}

std::optional<UnitRate> BudgetEntry::rate() const
{
    if (const auto* r = std::get_if<UnitRate>(&m_budget))
        return *r;
    return std::nullopt;
}

std::optional<Money> BudgetEntry::fixedAmount() const
{
    if (const auto* m = std::get_if<Money>(&m_budget))
        return *m;
    return std::nullopt;
}

double BudgetEntry::budgetUsd(double plannedVolume) const
{
    if (const auto* r = std::get_if<UnitRate>(&m_budget))
        return plannedVolume * r->usd();
    return std::get<Money>(m_budget).toAmount();
}

} // namespace ch
