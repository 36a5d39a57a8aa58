#include "broker/paper_engine.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ch::broker {

using trading::ExecType;
using trading::ExecutionReport;
using trading::OrderId;

namespace {

std::uint64_t splitmix64(std::uint64_t& x)
{
    // Constants from Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
    // OOPSLA 2014 (the SplitMix64 finaliser).
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::string percentText(double p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", p * 100.0);
    return buf;
}

} // namespace

Clock systemClock()
{
    return
        [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

std::uint64_t PaperEngine::Rng::next()
{
    return splitmix64(state);
}

double PaperEngine::Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t PaperEngine::Rng::below(std::uint64_t n)
{
    return next() % n; // bias below 2^-50 for the small n used here
}

PaperEngine::PaperEngine(PaperBrokerConfig config, ReferencePriceProvider prices, Clock clock)
    : m_config(config)
    , m_prices(std::move(prices))
    , m_clock(std::move(clock))
{
    require(static_cast<bool>(m_prices) && static_cast<bool>(m_clock),
            "PaperEngine: a reference price provider and a clock are required");
    require(config.slippageBps >= 0.0 && config.slippageBps < 10'000.0,
            "PaperEngine: slippage must be within [0, 10000) bps");
    require(config.rejectProbability >= 0.0 && config.rejectProbability <= 1.0
                && config.partialFillProbability >= 0.0 && config.partialFillProbability <= 1.0,
            "PaperEngine: probabilities must be within [0, 1]");
    require(config.maxPartialFills >= 2, "PaperEngine: maxPartialFills must be at least 2");
}

std::int64_t PaperEngine::fillPrice(trading::Side side, std::int64_t referenceMicros) const
{
    const double factor = 1.0 + trading::sideSign(side) * m_config.slippageBps / 10'000.0;
    return std::llround(static_cast<double>(referenceMicros) * factor);
}

ExecutionReport PaperEngine::reportFor(
    Working& w, ExecType type, ContractCount lastQty, std::int64_t priceMicros, std::string text)
{
    ++w.reportCount;
    const bool done = type == ExecType::Rejected || type == ExecType::Cancelled;
    return ExecutionReport{"PB-" + trading::idText(w.id) + "-" + std::to_string(w.reportCount),
                           w.id,
                           type,
                           lastQty,
                           priceMicros,
                           w.cumQty,
                           done ? 0 : w.quantity - w.cumQty,
                           m_clock(),
                           std::move(text)};
}

std::vector<ExecutionReport> PaperEngine::submit(const trading::Order& order)
{
    require(order.state() == trading::OrderState::Sent,
            "PaperEngine::submit: " + order.describe() + " is "
                + trading::orderStateCode(order.state()) + ", not sent");
    require(std::find(m_seen.begin(), m_seen.end(), order.id()) == m_seen.end(),
            "PaperEngine::submit: " + order.describe() + " was already submitted");
    m_seen.push_back(order.id());

    std::uint64_t mix = static_cast<std::uint64_t>(order.id().value);
    Rng rng{m_config.seed ^ splitmix64(mix)};
    Working w;
    w.id = order.id();
    w.symbol = order.symbol();
    w.month = order.deliveryMonth();
    w.side = order.side();
    w.limitMicros = order.limitPriceMicros();
    w.quantity = order.quantity();

    if (rng.uniform() < m_config.rejectProbability)
        return {reportFor(w,
                          ExecType::Rejected,
                          0,
                          0,
                          "paper broker: random reject (probability "
                              + percentText(m_config.rejectProbability) + ")")};
    const auto ref = m_prices(w.symbol, w.month);
    if (!ref || *ref <= 0)
        return {reportFor(w,
                          ExecType::Rejected,
                          0,
                          0,
                          "paper broker: no reference price for " + w.symbol + " "
                              + formatIsoMonth(w.month))};

    if (w.quantity >= 2 && rng.uniform() < m_config.partialFillProbability) {
        // 2..min(maxPartialFills, quantity) pieces, each at least one contract.
        const auto maxPieces =
            std::min<std::uint64_t>(static_cast<std::uint64_t>(m_config.maxPartialFills),
                                    static_cast<std::uint64_t>(w.quantity));
        const auto pieces = 2 + rng.below(maxPieces - 1);
        ContractCount left = w.quantity;
        for (std::uint64_t i = 0; i + 1 < pieces; ++i) {
            const auto reserve = static_cast<ContractCount>(pieces - 1 - i);
            const auto piece =
                1
                + static_cast<ContractCount>(rng.below(static_cast<std::uint64_t>(left - reserve)));
            w.pieces.push_back(piece);
            left -= piece;
        }
        w.pieces.push_back(left);
    } else {
        w.pieces.push_back(w.quantity);
    }
    auto ack = reportFor(w, ExecType::New, 0, 0, {});
    m_open.push_back(std::move(w));
    return {ack};
}

std::vector<ExecutionReport> PaperEngine::cancel(OrderId id)
{
    const auto it =
        std::find_if(m_open.begin(), m_open.end(), [id](const Working& w) { return w.id == id; });
    if (it == m_open.end()) {
        // The order is unknown or finished: nothing to cancel. Such reports are numbered on their
        // own sequence so exec ids stay unique.
        ++m_cancelRejects;
        return {ExecutionReport{"PB-CR-" + std::to_string(m_cancelRejects),
                                id,
                                ExecType::CancelRejected,
                                0,
                                0,
                                0,
                                0,
                                m_clock(),
                                "paper broker: order " + trading::idText(id) + " is not open"}};
    }
    Working w = std::move(*it);
    m_open.erase(it);
    return {reportFor(w, ExecType::Cancelled, 0, 0, "cancelled at the client's request")};
}

std::vector<ExecutionReport> PaperEngine::step()
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        const auto ref = m_prices(it->symbol, it->month);
        if (!ref || *ref <= 0)
            continue;
        const std::int64_t price = fillPrice(it->side, *ref);
        if (it->limitMicros) {
            const bool marketable = it->side == trading::Side::Buy ? price <= *it->limitMicros
                                                                   : price >= *it->limitMicros;
            if (!marketable)
                continue; // rests until the reference moves through the limit, or a cancel
        }
        Working w = std::move(*it);
        m_open.erase(it);
        const ContractCount qty = w.pieces[w.nextPiece++];
        w.cumQty += qty;
        const bool complete = w.cumQty == w.quantity;
        auto r = reportFor(w, complete ? ExecType::Fill : ExecType::PartialFill, qty, price, {});
        if (!complete)
            m_open.push_back(std::move(w)); // round robin: other orders get the next step
        return {r};
    }
    return {};
}

std::vector<ExecutionReport> PaperEngine::runUntilIdle()
{
    std::vector<ExecutionReport> all;
    for (auto r = step(); !r.empty(); r = step())
        all.insert(all.end(), r.begin(), r.end());
    return all;
}

} // namespace ch::broker
