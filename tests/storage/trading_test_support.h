#pragma once

// Helpers for the trading desk storage tests: a workspace with the sample market data, users of
// every role (scrypt at the smallest accepted cost, log2 N = 10, so tests stay fast; the stored
// parameters are read back from the verifier), and order tickets.

#include "security/password.h"
#include "storage/audit_log.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"

#include <QTest>

#include <chrono>
#include <filesystem>
#include <string>

namespace QTest {
template <>
inline char* toString(const std::string& s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace ch::storage::test {

inline const security::ScryptParams kCheapScrypt{10, 8, 1};

inline Timestamp ts(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

inline Date lastCalendarDay(Month m)
{
    return Date{std::chrono::year_month_day_last{m.year(), std::chrono::month_day_last{m.month()}}};
}

//! A workspace with sampleMarketData() and one user per role.
struct Desk
{
    Workspace ws;
    trading::User admin;
    trading::User trader;
    trading::User approver;
    trading::User approver2;
    trading::User viewer;

    static Desk create(const std::filesystem::path& file)
    {
        Workspace ws = Workspace::create(file);
        MarketDataRepository(ws).replaceAll(sampleMarketData());
        UserRepository users(ws);
        const Timestamp t = ts("2026-10-01T08:00:00Z");
        auto add = [&](const char* login,
                       trading::Role role,
                       const std::optional<trading::User>& by) {
            return users.add(NewUser{login, std::string("Test ") + login, role},
                             security::hashPassword(std::string(login) + "-password", kCheapScrypt),
                             by,
                             t);
        };
        // Every account is created before the workspace moves into the Desk.
        const trading::User admin = add("admin", trading::Role::Admin, std::nullopt);
        const trading::User trader = add("trader", trading::Role::Trader, admin);
        const trading::User approver = add("approver", trading::Role::Approver, admin);
        const trading::User approver2 = add("approver2", trading::Role::Approver, admin);
        const trading::User viewer = add("viewer", trading::Role::Viewer, admin);
        return Desk{std::move(ws), admin, trader, approver, approver2, viewer};
    }

    ContractSpec spec() const { return sampleMarketData().contracts.front(); }
    TradingRepository trading() { return TradingRepository(ws); }
    PreTradeInputs inputs() const
    {
        return PreTradeInputs{
            Date{std::chrono::year{2026}, std::chrono::October, std::chrono::day{30}},
            lastCalendarDay,
            2'810'000,
            trading::HedgeBandInput{1'000'000.0, 0.0, 1.0}};
    }
};

//! Buy `qty` CHG.H100 2026-12, limit 2.80 (within the 10% collar of 2.81).
inline trading::OrderRequest ticket(ContractCount qty = 10, trading::Side side = trading::Side::Buy)
{
    trading::OrderRequest r;
    r.symbol = "CHG.H100";
    r.deliveryMonth = std::chrono::year{2026} / std::chrono::December;
    r.side = side;
    r.quantity = qty;
    r.type = trading::OrderType::Limit;
    r.limitPriceMicros = 2'800'000;
    r.timeInForce = trading::TimeInForce::GoodTillCancel;
    r.comment = "test";
    return r;
}

//! A report for `order` as the paper broker would send it.
inline trading::ExecutionReport report(const trading::Order& order,
                                       std::string execId,
                                       trading::ExecType type,
                                       ContractCount lastQty,
                                       ContractCount cumQty,
                                       std::int64_t priceMicros = 2'790'000)
{
    return trading::ExecutionReport{std::move(execId),
                                    order.id(),
                                    type,
                                    lastQty,
                                    priceMicros,
                                    cumQty,
                                    order.quantity() - cumQty,
                                    ts("2026-10-30T11:00:00Z"),
                                    {}};
}

//! Creates, submits, approves and releases an order; returns it in state sent.
inline trading::Order sentOrder(Desk& d, trading::OrderRequest r, const char* at)
{
    TradingRepository repo = d.trading();
    const Timestamp t = ts(at);
    const auto o = repo.createDraft(r, d.spec(), 2'810'000, d.trader, t);
    repo.submit(o.id(), d.trader, t + std::chrono::minutes{1}, d.spec(), d.inputs());
    repo.approve(o.id(), d.approver, t + std::chrono::minutes{2}, "ok");
    return repo.release(o.id(), d.trader, t + std::chrono::minutes{3});
}

inline std::vector<std::string> auditActions(Workspace& ws)
{
    std::vector<std::string> out;
    for (const auto& e : AuditLog(ws).entries())
        out.push_back(e.action);
    return out;
}

//! The ch::Error message thrown by `f`, or "(no ch::Error)".
template <class F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(no ch::Error)");
}

} // namespace ch::storage::test
