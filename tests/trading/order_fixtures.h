#pragma once

// Shared by tst_trading and tst_broker: users, a contract and orders driven into each state
// through the real lifecycle functions.

#include "domain/market.h"
#include "trading/fill_applier.h"
#include "trading/order.h"
#include "trading/order_lifecycle.h"
#include "trading/users.h"

#include <QTest>

#include <string>
#include <vector>

// QCOMPARE prints both values on failure only for types QTest can format.
namespace QTest {
template <>
inline char* toString(const std::string& s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace ch::test {

inline trading::User makeUser(std::int64_t id, std::string login, trading::Role role)
{
    return trading::User{trading::UserId{id}, login, login, role, true};
}

struct Desk
{
    trading::User tina = makeUser(1, "tina", trading::Role::Trader);
    trading::User tom = makeUser(2, "tom", trading::Role::Trader);
    trading::User anna = makeUser(3, "anna", trading::Role::Approver);
    trading::User bert = makeUser(4, "bert", trading::Role::Approver);
    trading::User victor = makeUser(5, "victor", trading::Role::Viewer);
    trading::User ada = makeUser(6, "ada", trading::Role::Admin);
};

//! CHG.H100 as in market.md §1.5: 730 GPU-h, $0.01 tick, 36 months, $8.00 per side.
inline ContractSpec h100Spec()
{
    ContractSpec s;
    s.symbol = "CHG.H100";
    s.name = "Simulated H100 rental index future";
    s.underlyingIndex = "GPU.H100.NC";
    s.unitsPerContract = 730;
    s.tickMicros = 10'000;
    s.monthsListed = 36;
    s.feePerSideCents = 800;
    return s;
}

inline Timestamp ts(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

//! Buy 10 CHG.H100 2026-12 limit 2.35: notional 10 × 730 × 2.35 = 17,155.00 USD.
inline trading::OrderRequest standardRequest()
{
    trading::OrderRequest r;
    r.symbol = "CHG.H100";
    r.deliveryMonth = std::chrono::year{2026} / std::chrono::December;
    r.side = trading::Side::Buy;
    r.quantity = 10;
    r.type = trading::OrderType::Limit;
    r.limitPriceMicros = 2'350'000;
    r.timeInForce = trading::TimeInForce::GoodTillCancel;
    return r;
}

inline trading::Order draftOrder(std::int64_t id = 7,
                                 trading::OrderRequest request = standardRequest(),
                                 Timestamp created = ts("2026-10-05T14:00:00Z"))
{
    return trading::Order::draft(
        trading::OrderId{id}, request, h100Spec(), 2'300'000, trading::UserId{1}, created);
}

inline trading::PreTradeReport cleanReport(const trading::Order& o)
{
    return trading::PreTradeReport{o.id(), {}};
}

//! A threshold under the standard notional, so the standard order needs two approvals.
inline trading::ApprovalPolicy twoApproverPolicy()
{
    return trading::ApprovalPolicy{Money(Currency::Usd, 1'000'000)}; // 10,000.00 USD
}

inline trading::ExecutionReport execReport(const trading::Order& o,
                                           std::string execId,
                                           trading::ExecType type,
                                           ContractCount lastQty,
                                           ContractCount cumQty,
                                           std::int64_t priceMicros = 2'340'000)
{
    return trading::ExecutionReport{std::move(execId),
                                    o.id(),
                                    type,
                                    lastQty,
                                    priceMicros,
                                    cumQty,
                                    o.quantity() - cumQty,
                                    ts("2026-10-05T15:00:00Z"),
                                    {}};
}

//! The standard order driven through real transitions into `state`. Pending orders need two
//! approvals (see twoApproverPolicy); partially filled means 4 of 10.
inline trading::Order orderIn(trading::OrderState state, std::int64_t id = 7)
{
    using S = trading::OrderState;
    const Desk d;
    const Timestamp t = ts("2026-10-05T14:10:00Z");
    trading::Order o = draftOrder(id);
    if (state == S::Draft)
        return o;
    if (state == S::Cancelled)
        return trading::cancel(o, d.tina, t, "changed my mind").order;
    o = trading::submitForApproval(o, d.tina, t, cleanReport(o), twoApproverPolicy()).order;
    if (state == S::PendingApproval)
        return o;
    if (state == S::Rejected)
        return trading::reject(o, d.anna, t, "too large").order;
    if (state == S::Expired)
        return trading::expire(o, t, "day ended").order;
    o = trading::approve(o, d.anna, t).order;
    o = trading::approve(o, d.bert, t).order;
    if (state == S::Approved)
        return o;
    o = trading::release(o, d.tina, t).order;
    if (state == S::Sent)
        return o;
    o = trading::applyExecutionReport(
            o, {}, execReport(o, "X1", trading::ExecType::PartialFill, 4, 4), 800)
            .order;
    if (state == S::PartiallyFilled)
        return o;
    return trading::applyExecutionReport(
               o, {"X1"}, execReport(o, "X2", trading::ExecType::Fill, 6, 10), 800)
        .order;
}

//! A request sent to the broker through the real transitions, with one approval (default policy).
inline trading::Order sentOrder(std::int64_t id, const trading::OrderRequest& request)
{
    const Desk d;
    const Timestamp t = ts("2026-10-05T14:10:00Z");
    trading::Order o = draftOrder(id, request);
    o = trading::submitForApproval(o, d.tina, t, cleanReport(o), trading::ApprovalPolicy{}).order;
    o = trading::approve(o, d.anna, t).order;
    return trading::release(o, d.tina, t).order;
}

} // namespace ch::test
