// Hedge recommendation benchmark (docs/hedging.md, "Using it"): the demo workspace end to end, as
// the Hedge page computes it, with wall-clock figures per stage:
//   (1) open the workspace, load the market data and build the snapshot;
//   (2) read the plan, bills, overrides and positions (storage::loadRiskSources);
//   (3) build the recommendation inputs: hedge ratios of every exposure (chooseHedgeContract) and
//       the risk inputs (hedging::buildHedgeInputs);
//   (4) recommend (moments, optimiser, rounding, the 11-point frontier);
//   (5) the frontier alone (hedgeFrontier, 11 points) for its own figure;
//   (6) Monte Carlo CaR before and after (evaluateHedgeRisk, two runs of N paths, same seed).
// Run: build/bench/hedging_bench [paths] [repeats]   (defaults 20,000 and 3; medians reported)

#include "hedging/frontier.h"
#include "hedging/hedge_risk.h"
#include "hedging/recommendation.h"
#include "hedging/workspace_inputs.h"
#include "pricing/market_snapshot.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Times
{
    std::vector<double> open, sources, inputs, recommend, frontier, montecarlo, total;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const std::size_t paths = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20'000;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    QTemporaryDir dir;
    if (!dir.isValid() || paths == 0) {
        std::fprintf(stderr, "hedging_bench: cannot create a temporary folder or paths is 0\n");
        return 1;
    }
    const std::filesystem::path file = dir.filePath("demo.chw").toStdString();
    const Clock::time_point created = Clock::now();
    {
        ch::storage::Workspace::createDemo(file);
    }
    std::printf("demo workspace created in %.2f s (not counted: it hashes four demo passwords)\n",
                secondsSince(created));

    Times t;
    ch::hedging::HedgeRecommendation rec;
    ch::hedging::HedgeRiskReport risk;
    std::size_t factors = 0;
    std::size_t cells = 0;
    for (int r = 0; r < repeats; ++r) {
        const Clock::time_point start = Clock::now();
        ch::storage::Workspace ws = ch::storage::Workspace::open(file);
        const ch::MarketDataSet market = ch::storage::MarketDataRepository(ws).loadAll();
        const ch::pricing::MarketSnapshot snapshot =
            ch::pricing::buildMarketSnapshot(market, market.info.valuationDate);
        t.open.push_back(secondsSince(start));

        Clock::time_point s = Clock::now();
        std::vector<ch::Issue> issues;
        const ch::risk::RiskSources sources =
            ch::storage::loadRiskSources(ws, market, snapshot, issues);
        const auto policy =
            ch::storage::HedgeRepository(ws).currentPolicy(ch::storage::kDemoPolicyName);
        const auto positions = ch::storage::loadExistingPositions(ws);
        t.sources.push_back(secondsSince(s));
        if (!policy) {
            std::fprintf(stderr, "hedging_bench: the demo workspace has no hedge policy\n");
            return 1;
        }

        s = Clock::now();
        const ch::hedging::BuiltHedgeInputs built =
            ch::hedging::buildHedgeInputs(sources, *policy, positions);
        t.inputs.push_back(secondsSince(s));
        if (!built.ok()) {
            for (const ch::Issue& i : built.issues)
                std::fprintf(stderr, "%s\n", i.toString().c_str());
            return 1;
        }
        factors = built.inputs.risk.factors.size();
        cells = built.inputs.risk.cells.size();

        s = Clock::now();
        rec = ch::hedging::recommendHedge(built.inputs);
        ch::hedging::assignLineUnits(rec, built.exposures);
        t.recommend.push_back(secondsSince(s));

        s = Clock::now();
        const ch::hedging::HedgeFrontier frontier =
            ch::hedging::hedgeFrontier(rec.moments, rec.lines, built.inputs.policy);
        t.frontier.push_back(secondsSince(s));
        if (frontier.points.size() != 11) {
            std::fprintf(
                stderr, "hedging_bench: the frontier has %zu points\n", frontier.points.size());
            return 1;
        }

        s = Clock::now();
        ch::risk::McConfig mc;
        mc.paths = paths;
        risk = ch::hedging::evaluateHedgeRisk(built.inputs.risk, rec, mc);
        t.montecarlo.push_back(secondsSince(s));
        t.total.push_back(secondsSince(start));
    }

    std::printf("recommendation: %zu month x index lines, %zu risk factors, %zu exposure cells; "
                "%u hardware threads\n",
                rec.lines.size(),
                factors,
                cells,
                std::thread::hardware_concurrency());
    std::printf("median of %d runs, seconds:\n", repeats);
    std::printf("  open workspace + market snapshot      %8.3f\n", median(t.open));
    std::printf("  read plan, bills, positions, policy   %8.3f\n", median(t.sources));
    std::printf("  hedge ratios + risk inputs            %8.3f\n", median(t.inputs));
    std::printf("  recommendation (incl. 11-pt frontier) %8.3f\n", median(t.recommend));
    std::printf("  frontier alone (11 points)            %8.3f\n", median(t.frontier));
    std::printf("  Monte Carlo before/after, 2 x %zu     %8.3f\n", paths, median(t.montecarlo));
    std::printf("  end to end                            %8.3f\n", median(t.total));
    std::printf("result: %lld contracts, hedged %.1f%%, CaR95 unhedged %.3f / current %.3f / "
                "proposed %.3f USD m (normal approx. %.3f -> %.3f)\n",
                static_cast<long long>(rec.summary.contracts),
                100.0 * rec.summary.hedgedRatio,
                risk.unhedged.car95.value / 1e6,
                risk.current.car95.value / 1e6,
                risk.proposed.car95.value / 1e6,
                rec.summary.car95BeforeUsd / 1e6,
                rec.summary.car95AfterUsd / 1e6);
    return 0;
}
