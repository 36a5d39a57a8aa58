#include "risk/cost_at_risk.h"

#include "domain/error.h"
#include "risk/mc_accumulator.h"
#include "risk/mc_kernel.h"
#include "risk/mc_model.h"
#include "risk/mc_statistics.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace ch::risk {

namespace {

using detail::Accumulator;
using detail::AggregationLayout;
using detail::BlockBuffers;
using detail::BlockOutput;
using detail::CompiledModel;
using detail::EmpiricalDistribution;

// The pilot: the first blocks of the run, kept whole to fix the histogram ranges. 8 blocks of
// 256 paths reach about the 99.95th percentile, and the range is widened to 3 × their span.
constexpr std::size_t kPilotBlocks = 8;
constexpr auto kPollInterval = std::chrono::milliseconds(5);

void validateConfig(const McConfig& c)
{
    require(c.paths >= 1 && c.paths <= 1'000'000'000,
            "paths = " + std::to_string(c.paths) + " is outside 1..1e9");
    require(c.blockPaths >= 16 && c.blockPaths <= 4096,
            "blockPaths = " + std::to_string(c.blockPaths) + " is outside 16..4096");
    require(c.histogramBins >= 1 && c.histogramBins <= 10'000,
            "histogramBins = " + std::to_string(c.histogramBins) + " is outside 1..10000");
    require(c.contributionWindow > 0.0 && c.contributionWindow <= 0.25,
            "contributionWindow = " + std::to_string(c.contributionWindow)
                + " is outside (0, 0.25]");
    require(c.fineBinsTotal >= 64 && c.fineBinsTotal <= (1u << 20) && c.fineBinsPeriod >= 64
                && c.fineBinsPeriod <= (1u << 20),
            "fine histogram bins must be in 64..1048576");
}

//! Runs blocks [first, last) on worker threads; the calling thread polls `control` every 5 ms and
//! reports progress. Returns false when stopped. Rethrows the first worker exception.
class BlockRunner
{
public:
    BlockRunner(std::size_t paths, std::size_t blockPaths, unsigned threads, const RunControl& rc)
        : m_paths(paths)
        , m_blockPaths(blockPaths)
        , m_threads(threads)
        , m_control(rc)
    {}

    std::size_t lanesOf(std::size_t block) const
    {
        return std::min(m_blockPaths, m_paths - block * m_blockPaths);
    }
    std::size_t done() const { return m_done.load(); }
    bool stopped() const { return m_stop.load(); }

    //! `work(worker, block)` simulates one block on worker thread `worker`.
    bool
    run(std::size_t first, std::size_t last, const std::function<void(unsigned, std::size_t)>& work)
    {
        m_next = first;
        const auto workers = static_cast<unsigned>(std::min<std::size_t>(m_threads, last - first));
        std::size_t active = workers;
        std::exception_ptr error;
        std::mutex mutex;
        std::condition_variable cv;
        {
            std::vector<std::jthread> pool;
            for (unsigned w = 0; w < workers; ++w)
                pool.emplace_back([&, w] {
                    try {
                        while (!m_stop.load()) {
                            const std::size_t b = m_next.fetch_add(1);
                            if (b >= last)
                                break;
                            work(w, b);
                            m_done.fetch_add(lanesOf(b));
                        }
                    } catch (...) {
                        const std::lock_guard lock(mutex);
                        if (!error)
                            error = std::current_exception();
                        m_stop = true;
                    }
                    const std::lock_guard lock(mutex);
                    --active;
                    cv.notify_all();
                });
            std::unique_lock lock(mutex);
            while (active > 0) {
                cv.wait_for(lock, kPollInterval);
                lock.unlock();
                poll();
                lock.lock();
            }
        }
        if (error)
            std::rethrow_exception(error);
        return !m_stop.load();
    }

    //! Asks the caller whether to stop and reports progress in ~1% steps.
    void poll()
    {
        if (m_control.stopRequested && m_control.stopRequested())
            m_stop = true;
        const std::size_t d = m_done.load();
        if (m_control.progress
            && (d >= m_reported + std::max<std::size_t>(m_paths / 100, 1)
                || (d == m_paths && m_reported != m_paths))) {
            m_reported = d;
            m_control.progress(d, m_paths);
        }
    }

private:
    std::size_t m_paths;
    std::size_t m_blockPaths;
    unsigned m_threads;
    const RunControl& m_control;
    std::atomic<std::size_t> m_next{0};
    std::atomic<std::size_t> m_done{0};
    std::atomic<bool> m_stop{false};
    std::size_t m_reported = 0;
};

PeriodRisk
period(const AggregationLayout& lay, const Accumulator& acc, std::size_t q, Month first, int months)
{
    PeriodRisk r;
    r.first = first;
    r.months = months;
    r.unhedged = EmpiricalDistribution(lay.quantity[q], acc.quantity(q)).summary();
    const std::size_t h = lay.sides > 1 ? lay.perSide + q : q;
    r.hedged = lay.sides > 1 ? EmpiricalDistribution(lay.quantity[h], acc.quantity(h)).summary()
                             : r.unhedged;
    return r;
}

FanPoint fanPoint(const EmpiricalDistribution& d, Month m)
{
    return {m,
            d.quantile(0.05),
            d.quantile(0.25),
            d.quantile(0.50),
            d.quantile(0.75),
            d.quantile(0.95)};
}

CostAtRiskReport buildReport(const RiskInputs& in,
                             const McConfig& cfg,
                             const CompiledModel& m,
                             const AggregationLayout& lay,
                             const Accumulator& acc)
{
    CostAtRiskReport rep;
    rep.hasHedge = m.hasHedge;
    rep.correlationRepaired = m.correlationRepaired;
    rep.correlationRepairFrobenius = m.repairFrobenius;
    rep.horizon = period(lay, acc, 0, in.firstMonth, m.horizon);
    for (int q = 0; q < m.quarters; ++q)
        rep.quarters.push_back(period(lay,
                                      acc,
                                      m.quarterQuantity(q),
                                      addMonths(in.firstMonth, 3 * q),
                                      std::min(3, m.horizon - 3 * q)));
    const std::size_t hedgedSide = lay.sides > 1 ? lay.perSide : 0;
    for (int t = 0; t < m.horizon; ++t) {
        const Month month = addMonths(in.firstMonth, t);
        const std::size_t q = m.monthQuantity(t);
        rep.months.push_back(period(lay, acc, q, month, 1));
        rep.fanUnhedged.push_back(
            fanPoint(EmpiricalDistribution(lay.quantity[q], acc.quantity(q)), month));
        rep.fanHedged.push_back(fanPoint(
            EmpiricalDistribution(lay.quantity[hedgedSide + q], acc.quantity(hedgedSide + q)),
            month));
    }
    const EmpiricalDistribution total0(lay.quantity[0], acc.quantity(0));
    const EmpiricalDistribution total1(lay.quantity[hedgedSide], acc.quantity(hedgedSide));
    rep.histogramUnhedged = detail::displayHistogram(total0, cfg.histogramBins);
    rep.histogramHedged = detail::displayHistogram(total1, cfg.histogramBins);
    rep.exactTailPaths = acc.quantity(0).outliers.size();

    const std::size_t k = m.factors;
    const double* scale0 = lay.factorScale.data();
    const double* scale1 = lay.factorScale.data() + (lay.sides > 1 ? k : 0);
    const std::size_t side1 = lay.sides > 1 ? 1 : 0;
    const double w = cfg.contributionWindow;
    const auto u95 = detail::eulerContributions(total0, acc.contribution(0), scale0, k, 0.95, w);
    const auto u99 = detail::eulerContributions(total0, acc.contribution(0), scale0, k, 0.99, w);
    const auto h95 =
        detail::eulerContributions(total1, acc.contribution(side1), scale1, k, 0.95, w);
    const auto h99 =
        detail::eulerContributions(total1, acc.contribution(side1), scale1, k, 0.99, w);
    for (std::size_t f = 0; f < k; ++f)
        rep.contributions.push_back({in.factors[f].indexId,
                                     u95.expectedCost[f],
                                     u95.contribution[f],
                                     u99.contribution[f],
                                     h95.contribution[f],
                                     h99.contribution[f]});
    rep.windowCar95Usd = u95.windowCar;
    rep.windowCar99Usd = u99.windowCar;
    rep.car95ReductionUsd = rep.horizon.unhedged.car95.value - rep.horizon.hedged.car95.value;
    rep.car99ReductionUsd = rep.horizon.unhedged.car99.value - rep.horizon.hedged.car99.value;
    return rep;
}

} // namespace

CostAtRisk
runCostAtRisk(const RiskInputs& inputs, const McConfig& config, const RunControl& control)
{
    validateConfig(config);
    const CompiledModel model = detail::compileModel(inputs);
    CostAtRisk result;
    result.seed = config.seed;
    result.paths = config.paths;
    result.blockPaths = config.blockPaths;

    const std::size_t cap = config.blockPaths;
    const std::size_t blocks = (config.paths + cap - 1) / cap;
    const std::size_t pilotBlocks = std::min(blocks, kPilotBlocks);
    unsigned threads = config.threads;
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));

    BlockRunner runner(config.paths, cap, threads, control);
    std::vector<BlockBuffers> buffers;
    for (unsigned w = 0; w < threads; ++w)
        buffers.emplace_back(model, cap);

    // Phase 1: the pilot blocks, kept whole.
    std::vector<BlockOutput> pilot(pilotBlocks, BlockOutput(model, cap));
    bool completed = runner.run(0, pilotBlocks, [&](unsigned w, std::size_t b) {
        detail::simulateBlock(model, config.seed, b * cap, runner.lanesOf(b), buffers[w], pilot[b]);
    });

    // Phase 2: every other block streams into its worker's accumulator.
    std::optional<AggregationLayout> layout;
    std::vector<Accumulator> acc;
    if (completed) {
        layout = detail::layoutFromPilot(model, pilot, config.fineBinsTotal, config.fineBinsPeriod);
        for (unsigned w = 0; w < threads; ++w)
            acc.emplace_back(*layout);
        for (const BlockOutput& out : pilot)
            acc[0].add(out);
        std::vector<BlockOutput> outputs(threads, BlockOutput(model, cap));
        completed = runner.run(pilotBlocks, blocks, [&](unsigned w, std::size_t b) {
            detail::simulateBlock(
                model, config.seed, b * cap, runner.lanesOf(b), buffers[w], outputs[w]);
            acc[w].add(outputs[w]);
        });
    }
    runner.poll(); // final progress, and a stop requested at the very end still cancels
    result.pathsCompleted = runner.done();
    if (!completed || runner.stopped()) {
        result.cancelled = true;
        return result;
    }
    for (unsigned w = 1; w < threads; ++w)
        acc[0].merge(acc[w]);
    acc[0].finalise();
    result.report = buildReport(inputs, config, model, *layout, acc[0]);
    return result;
}

} // namespace ch::risk
