// desk_reliability: the crash-safety driver behind scripts/reliability_check.sh.
//
//   desk_reliability run WORKSPACE --orders N   trade until N orders were released (resumable)
//   desk_reliability verify WORKSPACE           check the book and the audit chain, print figures
//
// `run` creates the demo workspace if WORKSPACE does not exist, then releases random orders
// (contract, month, side, 1-50 contracts, market or limit, some resting) through the real path:
// storage::TradingRepository create/submit/approve/release, the paper broker on its own thread,
// and each report persisted on the main thread (inbox, then processInbox). It prints "released N"
// after every order, so the script can SIGKILL it at a chosen point. A restarted `run` reconciles
// first: pending inbox rows are applied, orders left mid-approval by the kill are cancelled, and
// orders at the broker are replayed (the paper engine repeats its reports with the same exec ids).
//
// `verify` changes nothing. It checks that the stored positions equal the fills (rebuilt with
// applyFill in booking order, and net quantities summed independently), that no exec id was
// booked twice, and that the audit chain verifies; it exits 1 otherwise.

#include "broker/paper_broker.h"
#include "storage/audit_log.h"
#include "storage/desk_demo.h"
#include "storage/desk_market.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"

#include <QCoreApplication>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>

namespace {

using namespace ch;
using namespace ch::trading;

Timestamp now()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

const char* kOrigin = "reliability";

class Driver
{
public:
    Driver(storage::Workspace& ws, std::uint64_t seed)
        : m_ws(ws)
        , m_repo(ws)
        , m_rng(seed)
    {
        storage::UserRepository users(ws);
        for (const auto& a : storage::kDemoAccounts) {
            const auto r = users.logIn(a.login, a.password, now());
            if (!r.succeeded())
                throw Error(std::string("cannot log in as ") + a.login + ": " + r.message);
            m_users[a.login] = *r.user;
        }
        configure();
        m_market = std::make_shared<const storage::DeskMarket>(
            storage::MarketDataRepository(ws).loadAll());
        auto market = m_market;
        m_broker = std::make_unique<broker::PaperBroker>(
            paperConfig(m_repo.paperBroker()),
            [market](const std::string& s, Month m) { return market->referencePriceMicros(s, m); },
            [this](const ExecutionReport& r) {
                {
                    std::lock_guard lock(m_mutex);
                    m_queue.push_back(r);
                }
                m_cv.notify_one();
            });
    }
    ~Driver() { m_broker->stop(); }

    void reconcile()
    {
        m_repo.processInbox(now());
        int abandoned = 0;
        for (const Order& o : m_repo.orders()) {
            const auto s = o.state();
            if ((s == OrderState::Draft || s == OrderState::PendingApproval
                 || s == OrderState::Approved)
                && m_repo.origin(o.id()) == kOrigin) {
                m_repo.cancel(
                    o.id(), m_users.at("trader"), now(), "abandoned: the driver was killed");
                ++abandoned;
            }
        }
        const auto atBroker = m_repo.ordersAtBroker();
        for (const Order& o : atBroker)
            m_broker->submit(asReleased(o));
        std::printf(
            "reconcile: %d abandoned, %zu replayed at the broker\n", abandoned, atBroker.size());
        std::fflush(stdout);
    }

    //! Orders of the driver that reached the broker (they have a release event).
    std::size_t released() const
    {
        std::set<std::int64_t> mine;
        for (const Order& o : m_repo.orders())
            if (m_repo.origin(o.id()) == kOrigin)
                mine.insert(o.id().value);
        std::size_t n = 0;
        for (const OrderEvent& e : m_repo.allEvents())
            n += e.action == OrderAction::Release && mine.count(e.orderId.value) ? 1 : 0;
        return n;
    }

    void trade(std::size_t target)
    {
        std::size_t count = released();
        while (count < target) {
            if (releaseOne())
                std::printf("released %zu (duplicate reports ignored so far: %zu)\n",
                            ++count,
                            m_duplicates);
            std::fflush(stdout);
            pump(std::chrono::milliseconds(0));
        }
        // Let the broker finish: stop when nothing arrived for 2 s.
        while (pump(std::chrono::milliseconds(2000)) > 0) {
        }
        std::printf(
            "done: %zu released, %zu duplicate reports ignored on arrival\n", count, m_duplicates);
    }

private:
    static broker::PaperBrokerConfig paperConfig(const storage::PaperBrokerSettings& s)
    {
        return {s.seed,
                s.slippageBps,
                s.rejectProbability,
                s.partialFillProbability,
                s.maxPartialFills};
    }

    static Order asReleased(const Order& o)
    {
        OrderRecord r = o.record();
        r.state = OrderState::Sent;
        r.filledQty = 0;
        r.statusText.clear();
        return Order::fromRecord(std::move(r));
    }

    //! Wide limits and no duplicate window: random orders must not be refused by the checks, and
    //! a broker that rejects, splits and slips.
    void configure()
    {
        if (m_ws.setting("reliability.configured"))
            return;
        const User& admin = m_users.at("admin");
        TradingLimits limits = m_repo.limits().limits;
        limits.maxContractsPerMonth = 1'000'000;
        limits.maxContractsPerContract = 10'000'000;
        limits.maxOrderNotional = Money(Currency::Usd, 100'000'000'000);
        limits.duplicateWindow = std::chrono::seconds(0);
        m_repo.setLimits(limits, m_repo.limits().approval, admin, now());
        m_repo.setPaperBroker(
            storage::PaperBrokerSettings{20261125, 2.0, 0.05, 0.5, 4}, admin, now());
        m_ws.setSetting("reliability.configured", "1");
    }

    bool releaseOne()
    {
        static const std::vector<std::string> symbols{"CHG.H100", "CHG.B200", "CHG.A100"};
        std::uniform_int_distribution<std::size_t> pickSymbol(0, symbols.size() - 1);
        std::uniform_int_distribution<int> pickMonth(2, 7);
        std::uniform_int_distribution<ContractCount> pickQty(1, 50);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        OrderRequest r;
        r.symbol = symbols[pickSymbol(m_rng)];
        const Date v = m_market->valuationDate();
        r.deliveryMonth = Month{v.year(), v.month()} + std::chrono::months{pickMonth(m_rng)};
        r.side = u(m_rng) < 0.6 ? Side::Buy : Side::Sell;
        r.quantity = pickQty(m_rng);
        const ContractSpec& spec = m_market->spec(r.symbol);
        const std::int64_t ref = *m_market->referencePriceMicros(r.symbol, r.deliveryMonth);
        const double kind = u(m_rng);
        if (kind < 0.6) {
            r.type = OrderType::Market;
        } else {
            // Marketable limits mostly; one in ten rests 5% away from the reference.
            const double away = kind < 0.96 ? 0.01 : -0.05;
            const double sign = r.side == Side::Buy ? 1.0 : -1.0;
            const double price = static_cast<double>(ref) * (1.0 + sign * away);
            r.type = OrderType::Limit;
            r.limitPriceMicros =
                static_cast<std::int64_t>(price / static_cast<double>(spec.tickMicros))
                * spec.tickMicros;
        }
        r.timeInForce = TimeInForce::GoodTillCancel;
        r.comment = "reliability driver";
        const Order draft = m_repo.createDraft(r, spec, ref, m_users.at("trader"), now(), kOrigin);
        try {
            m_repo.submit(draft.id(),
                          m_users.at("trader"),
                          now(),
                          spec,
                          m_market->preTradeInputs(r.symbol, r.deliveryMonth));
        } catch (const Error& e) {
            m_repo.cancel(draft.id(), m_users.at("trader"), now(), "refused by pre-trade checks");
            return false;
        }
        Order o = m_repo.approve(draft.id(), m_users.at("approver"), now(), "ok");
        if (o.state() == OrderState::PendingApproval)
            o = m_repo.approve(draft.id(), m_users.at("approver2"), now(), "second");
        const Order sent = m_repo.release(draft.id(), m_users.at("trader"), now());
        m_broker->submit(sent);
        m_live.push_back(sent.id());
        // Now and then ask the broker to cancel a recent order (it may already be filled).
        if (u(m_rng) < 0.03 && !m_live.empty()) {
            std::uniform_int_distribution<std::size_t> pick(0, m_live.size() - 1);
            m_broker->cancel(m_live[pick(m_rng)]);
        }
        if (m_live.size() > 200)
            m_live.erase(m_live.begin(), m_live.begin() + 100);
        return true;
    }

    //! Persists every queued report; waits up to `wait` for the first one. Returns how many.
    std::size_t pump(std::chrono::milliseconds wait)
    {
        std::deque<ExecutionReport> batch;
        {
            std::unique_lock lock(m_mutex);
            if (wait.count() > 0)
                m_cv.wait_for(lock, wait, [&] { return !m_queue.empty(); });
            batch.swap(m_queue);
        }
        for (const auto& r : batch)
            if (!m_repo.recordReport(r, now()))
                ++m_duplicates;
        if (!batch.empty())
            m_repo.processInbox(now());
        if (auto failure = m_broker->failure())
            throw Error("the paper broker stopped: " + *failure);
        return batch.size();
    }

    storage::Workspace& m_ws;
    storage::TradingRepository m_repo;
    std::mt19937_64 m_rng;
    std::map<std::string, User> m_users;
    std::shared_ptr<const storage::DeskMarket> m_market;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<ExecutionReport> m_queue;
    std::vector<OrderId> m_live;
    std::size_t m_duplicates = 0;
    std::unique_ptr<broker::PaperBroker> m_broker;
};

int verify(storage::Workspace& ws)
{
    storage::TradingRepository repo(ws);
    const storage::BookCheck book = repo.checkBook();
    // Independently of applyFill: net quantity per contract month summed from the fills.
    std::map<std::pair<std::string, std::string>, ContractCount> summed;
    std::set<std::string> execIds;
    std::size_t repeated = 0;
    ContractCount contracts = 0;
    for (const auto& f : repo.fills()) {
        summed[{f.symbol, formatIsoMonth(f.deliveryMonth)}] += sideSign(f.side) * f.quantity;
        contracts += f.quantity;
        if (!execIds.insert(f.execId).second)
            ++repeated;
    }
    std::size_t netMismatches = 0;
    for (const auto& p : repo.positions())
        if (summed[{p.symbol, formatIsoMonth(p.deliveryMonth)}] != p.netQty)
            ++netMismatches;
    std::map<std::string, std::size_t> states;
    std::size_t driverOrders = 0;
    for (const Order& o : repo.orders()) {
        ++states[orderStateCode(o.state())];
        driverOrders += repo.origin(o.id()) == kOrigin ? 1 : 0;
    }
    const storage::AuditVerification audit = storage::AuditLog(ws).verify();

    std::printf("orders: %zu (%zu by the driver)\n", repo.orders().size(), driverOrders);
    for (const auto& [state, n] : states)
        std::printf("  %-17s %zu\n", state.c_str(), n);
    std::printf("fills: %zu (%lld contracts), exec ids unique: %s (%zu repeated, %zu by SQL)\n",
                book.fills,
                static_cast<long long>(contracts),
                repeated == 0 && book.duplicateExecIds == 0 ? "yes" : "NO",
                repeated,
                book.duplicateExecIds);
    std::printf("positions: %zu, equal to the fills: %s (%zu differences, %zu net mismatches)\n",
                book.positions,
                book.consistent() && netMismatches == 0 ? "yes" : "NO",
                book.differences.size(),
                netMismatches);
    for (const auto& d : book.differences)
        std::printf("  %s\n", d.c_str());
    std::printf("broker reports received but not yet applied: %zu\n", book.pendingReports);
    std::printf("audit: %zu entries, chain %s%s\n",
                audit.entries,
                audit.intact() ? "verifies" : "BROKEN at seq ",
                audit.intact() ? ""
                               : (std::to_string(*audit.brokenSeq) + ": " + audit.reason).c_str());
    const bool ok = book.consistent() && netMismatches == 0 && repeated == 0 && audit.intact();
    std::printf("result: %s\n", ok ? "consistent" : "INCONSISTENT");
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3 || (std::strcmp(argv[1], "run") != 0 && std::strcmp(argv[1], "verify") != 0)) {
        std::fprintf(stderr,
                     "usage: desk_reliability run WORKSPACE --orders N\n"
                     "       desk_reliability verify WORKSPACE\n");
        return 2;
    }
    const std::filesystem::path file(argv[2]);
    try {
        if (std::strcmp(argv[1], "verify") == 0) {
            storage::Workspace ws = storage::Workspace::open(file);
            return verify(ws);
        }
        std::size_t orders = 10'000;
        for (int i = 3; i + 1 < argc; ++i)
            if (std::strcmp(argv[i], "--orders") == 0)
                orders = std::stoul(argv[i + 1]);
        std::error_code ec;
        storage::Workspace ws = std::filesystem::exists(file, ec)
                                    ? storage::Workspace::open(file)
                                    : storage::Workspace::createDemo(file);
        Driver driver(ws,
                      static_cast<std::uint64_t>(
                          std::chrono::steady_clock::now().time_since_epoch().count()));
        driver.reconcile();
        driver.trade(orders);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "desk_reliability: error: %s\n", e.what());
        return 1;
    }
}
