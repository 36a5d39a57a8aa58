#include "storage/desk_demo.h"

#include "pricing/calendar.h"
#include "security/password.h"
#include "storage/designation_repository.h"
#include "storage/trading_repository.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"

#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace ch::storage {

namespace {

using namespace std::chrono;
using namespace trading;

Timestamp atTime(Date d, int hour, int minute)
{
    return Timestamp{sys_days{d}.time_since_epoch() + hours{hour} + minutes{minute}};
}

Date dateOf(Timestamp t)
{
    return Date{floor<days>(t)};
}

class DemoDesk
{
public:
    DemoDesk(Workspace& ws, const MarketDataSet& market)
        : m_market(market)
        , m_trading(ws)
    {
        UserRepository users(ws);
        const Timestamp created = atTime(market.info.valuationDate, 0, 0) - days{60};
        std::optional<User> admin;
        for (const auto& a : kDemoAccounts) {
            const User u = users.add(NewUser{a.login, a.displayName, a.role},
                                     security::hashPassword(a.password),
                                     admin,
                                     created);
            if (!admin)
                admin = u;
            m_users[a.login] = u;
        }
        const Date v = market.info.valuationDate;
        m_businessDays = pricing::businessDaysBetween(Date{sys_days{v} - days{70}}, v);
    }

    const User& user(const std::string& login) const { return m_users.at(login); }
    //! The business day `n` business days before the valuation date (0 = the valuation date).
    Date businessDaysAgo(std::size_t n) const
    {
        return m_businessDays.at(m_businessDays.size() - 1 - n);
    }
    Month frontMonthPlus(int n) const
    {
        const Date v = m_market.info.valuationDate;
        return Month{v.year(), v.month()} + months{n};
    }

    const ContractSpec& spec(const std::string& symbol) const
    {
        for (const auto& c : m_market.contracts)
            if (c.symbol == symbol)
                return c;
        throw Error("demo desk: contract " + symbol + " is not in the reference dataset");
    }

    //! The underlying index on `d`, rounded to the contract's tick: the demo's reference price.
    std::int64_t referenceMicros(const std::string& symbol, Date d) const
    {
        const ContractSpec& c = spec(symbol);
        for (const auto& s : m_market.series)
            if (s.indexId == c.underlyingIndex)
                if (auto p = s.lastOnOrBefore(d)) {
                    const double ticks =
                        std::round(p->usd * 1e6 / static_cast<double>(c.tickMicros));
                    return static_cast<std::int64_t>(ticks) * c.tickMicros;
                }
        throw Error("demo desk: no price of " + c.underlyingIndex + " on " + formatIsoDate(d));
    }

    Order place(OrderRequest r, Timestamp created)
    {
        return m_trading.createDraft(r,
                                     spec(r.symbol),
                                     referenceMicros(r.symbol, dateOf(created)),
                                     user("trader"),
                                     created,
                                     "demo");
    }

    void submit(const Order& o, Timestamp at)
    {
        PreTradeInputs inputs{dateOf(at),
                              [](Month m) { return pricing::lastBusinessDay(m); },
                              referenceMicros(o.symbol(), dateOf(at)),
                              std::nullopt};
        m_trading.submit(o.id(), user("trader"), at, spec(o.symbol()), inputs);
    }

    //! Submitted, approved by every approver needed, released and acknowledged by the broker.
    Order release(const Order& o, Timestamp at)
    {
        submit(o, at + minutes{5});
        Order current =
            m_trading.approve(o.id(), user("approver"), at + minutes{30}, "within policy");
        if (current.state() == OrderState::PendingApproval)
            m_trading.approve(
                o.id(), user("approver2"), at + minutes{35}, "second approval: large notional");
        m_trading.release(o.id(), user("trader"), at + minutes{40});
        deliver(o, ExecType::New, 0, 0, at + minutes{41});
        return m_trading.requireOrder(o.id());
    }

    //! A fill report of `qty` at the day's reference price.
    void fill(const Order& o, ContractCount qty, Timestamp at)
    {
        deliver(o, ExecType::PartialFill, qty, referenceMicros(o.symbol(), dateOf(at)), at);
    }

    void deliver(const Order& o, ExecType type, ContractCount qty, std::int64_t price, Timestamp at)
    {
        ContractCount& cum = m_cumQty[o.id().value];
        cum += qty;
        if (type == ExecType::PartialFill && cum == o.quantity())
            type = ExecType::Fill;
        const int n = ++m_reports[o.id().value];
        m_trading.recordReport(ExecutionReport{"DEMO-" + idText(o.id()) + "-" + std::to_string(n),
                                               o.id(),
                                               type,
                                               qty,
                                               price,
                                               cum,
                                               o.quantity() - cum,
                                               at,
                                               {}},
                               at);
        m_trading.processInbox(at);
    }

    //! A mark per business day in [from, valuation date] for every contract month filled.
    void markBook(Date from)
    {
        std::set<std::pair<std::string, Month>> held;
        for (const auto& f : m_trading.fills())
            held.emplace(f.symbol, f.deliveryMonth);
        std::vector<Mark> marks;
        for (Date d : pricing::businessDaysBetween(from, m_market.info.valuationDate))
            for (const auto& [symbol, month] : held)
                marks.push_back(Mark{d, symbol, month, referenceMicros(symbol, d)});
        m_trading.recordMarks(marks,
                              "underlying index level (reference dataset, not a settlement price)",
                              "system",
                              atTime(m_market.info.valuationDate, 21, 0));
    }

    TradingRepository& trading() { return m_trading; }

private:
    const MarketDataSet& m_market;
    TradingRepository m_trading;
    std::map<std::string, User> m_users;
    std::vector<Date> m_businessDays;
    std::map<std::int64_t, ContractCount> m_cumQty;
    std::map<std::int64_t, int> m_reports;
};

OrderRequest request(const std::string& symbol,
                     Month month,
                     Side side,
                     ContractCount qty,
                     std::optional<std::int64_t> limit,
                     std::string comment)
{
    OrderRequest r;
    r.symbol = symbol;
    r.deliveryMonth = month;
    r.side = side;
    r.quantity = qty;
    r.type = limit ? OrderType::Limit : OrderType::Market;
    r.limitPriceMicros = limit;
    r.timeInForce = TimeInForce::GoodTillCancel;
    r.comment = std::move(comment);
    return r;
}

void seedDesignations(Workspace& ws, const User& admin, Date designated, Timestamp at)
{
    DesignationRepository repo(ws);
    auto add = [&](const char* ref,
                   const char* item,
                   const char* instrument,
                   const char* index,
                   const char* symbol,
                   double units,
                   ContractCount contracts) {
        DesignatedHedge h;
        h.designation.reference = ref;
        h.designation.designationDate = designated;
        h.designation.hedgedItem = item;
        h.designation.hedgingInstrument = instrument;
        h.designation.riskHedged =
            "Variability of cash flows of forecast GPU rental purchases from changes in the "
            "rental price index";
        h.designation.hedgeRatio = static_cast<double>(contracts) * 730.0 / units;
        h.designation.preparedBy = admin.displayName;
        h.hedgedIndex = index;
        h.instrumentSymbol = symbol;
        h.hedgedUnitsPerMonth = units;
        h.contractsPerMonth = contracts;
        repo.add(h, admin, at);
    };
    add("HR-2026-001",
        "Forecast H100 neocloud on-demand purchases, 14,600 GPU-h per month",
        "Long CHG.H100 futures, 20 contracts per delivery month",
        "GPU.H100.NC",
        "CHG.H100",
        14'600.0,
        20);
    add("HR-2026-002",
        "Forecast H100 hyperscaler on-demand purchases, 7,300 GPU-h per month",
        "Long CHG.H100 futures, 10 contracts per delivery month (cross hedge: neocloud index)",
        "GPU.H100.HS",
        "CHG.H100",
        7'300.0,
        10);
    add("HR-2026-003",
        "Forecast B200 neocloud on-demand purchases, 7,300 GPU-h per month",
        "Long CHG.B200 futures, 10 contracts per delivery month",
        "GPU.B200.NC",
        "CHG.B200",
        7'300.0,
        10);
}

//! The demo desk's limits, sized to its plan. The schema's defaults (0003_trading.sql: 250
//! contracts per month, 2,500 per contract, 2,000,000 USD per order) suit a small book, but the
//! demo plan's policy (hedging::defaultPolicy, up to 2,000 contracts per contract-month) hedges
//! about 1,500 CHG.H100 contracts in a near month at its 90% maximum, so the policy's own
//! recommendation would break the desk's limits. Collar, duplicate window and the two-approver
//! threshold keep their defaults.
void seedDemoLimits(TradingRepository& trading, const User& admin, Timestamp at)
{
    DeskLimits d = trading.limits();
    d.limits.maxContractsPerMonth = 2'000;
    d.limits.maxContractsPerContract = 30'000;
    d.limits.maxOrderNotional = Money(Currency::Usd, 500'000'000); // 5,000,000.00 USD
    trading.setLimits(d.limits, d.approval, admin, at);
}

} // namespace

void seedDemoDesk(Workspace& workspace, const MarketDataSet& market)
{
    DemoDesk desk(workspace, market);
    const Month dec = desk.frontMonthPlus(2);
    const Month jan = desk.frontMonthPlus(3);
    const Month feb = desk.frontMonthPlus(4);
    const Month mar = desk.frontMonthPlus(5);
    auto day = [&](std::size_t ago, int hour, int minute) {
        return atTime(desk.businessDaysAgo(ago), hour, minute);
    };

    seedDemoLimits(desk.trading(), desk.user("admin"), day(35, 8, 30));
    seedDesignations(workspace, desk.user("admin"), desk.businessDaysAgo(35), day(35, 9, 0));

    // Filled in one report.
    Order o = desk.place(
        request("CHG.H100", dec, Side::Buy, 20, {}, "Hedge 2026-12 H100 training capacity"),
        day(33, 14, 0));
    desk.fill(desk.release(o, day(33, 14, 0)), 20, day(33, 14, 45));
    // A limit order filled in two pieces.
    const Timestamp t2 = day(28, 15, 0);
    o = desk.place(request("CHG.H100",
                           jan,
                           Side::Buy,
                           15,
                           desk.referenceMicros("CHG.H100", desk.businessDaysAgo(28)) + 50'000,
                           "Hedge 2027-01 inference ramp"),
                   t2);
    o = desk.release(o, t2);
    desk.fill(o, 6, t2 + minutes{50});
    desk.fill(o, 9, day(27, 10, 15));
    // B200 month.
    o = desk.place(
        request("CHG.B200", dec, Side::Buy, 10, {}, "Hedge 2026-12 B200 fine-tuning cluster"),
        day(21, 14, 0));
    desk.fill(desk.release(o, day(21, 14, 0)), 10, day(21, 14, 50));
    // A sale that realises P&L against the average cost.
    o = desk.place(
        request("CHG.H100", dec, Side::Sell, 5, {}, "Reduce 2026-12: plan volume revised down"),
        day(12, 14, 0));
    desk.fill(desk.release(o, day(12, 14, 0)), 5, day(12, 14, 50));

    // Rejected by the checker.
    o = desk.place(
        request("CHG.A100", feb, Side::Buy, 8, {}, "A100 spot capacity for evaluation runs"),
        day(6, 11, 0));
    desk.submit(o, day(6, 11, 5));
    desk.trading().reject(o.id(),
                          desk.user("approver"),
                          day(6, 11, 40),
                          "A100 is outside this quarter's hedge programme");
    // Large: the first of two approvals given.
    const std::int64_t marLimit = desk.referenceMicros("CHG.H100", desk.businessDaysAgo(2));
    o = desk.place(request("CHG.H100",
                           mar,
                           Side::Buy,
                           200,
                           marLimit,
                           "Hedge 2027-03 pre-training run (two approvals above 250,000 USD)"),
                   day(2, 13, 0));
    desk.submit(o, day(2, 13, 5));
    desk.trading().approve(o.id(), desk.user("approver"), day(2, 16, 0), "sized to the plan");
    // Waiting for the checker.
    o = desk.place(request("CHG.B200", jan, Side::Buy, 12, {}, "Hedge 2027-01 B200 inference"),
                   day(1, 10, 0));
    desk.submit(o, day(1, 10, 5));
    // Approved, not yet released.
    o = desk.place(request("CHG.H100",
                           feb,
                           Side::Buy,
                           10,
                           desk.referenceMicros("CHG.H100", desk.businessDaysAgo(1)),
                           "Hedge 2027-02 H100"),
                   day(1, 11, 0));
    desk.submit(o, day(1, 11, 5));
    desk.trading().approve(o.id(), desk.user("approver2"), day(1, 11, 30), "ok");
    // Resting at the broker: a limit 8% under the reference (inside the 10% collar),
    // acknowledged, not filled.
    const std::int64_t restLimit =
        desk.referenceMicros("CHG.H100", desk.businessDaysAgo(1)) * 92 / 100 / 10'000 * 10'000;
    o = desk.place(request("CHG.H100", jan, Side::Buy, 6, restLimit, "Buy the dip, 2027-01"),
                   day(1, 14, 0));
    desk.release(o, day(1, 14, 0));
    // A draft the trader has not submitted.
    desk.place(request("CHG.B200", dec, Side::Sell, 4, {}, "Trim 2026-12 B200 if volume slips"),
               day(0, 9, 30));

    desk.markBook(desk.businessDaysAgo(35));
}

} // namespace ch::storage
