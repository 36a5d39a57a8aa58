#pragma once

#include "risk/risk_inputs.h"

#include <cstddef>
#include <cstdint>

namespace ch::bench {

//! Horizon-total statistics of the deliberately simple reference Monte Carlo, USD.
struct ReferenceStats
{
    double mean = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
    double es95 = 0.0;
    double es99 = 0.0;
};

struct ReferenceResult
{
    ReferenceStats unhedged;
    ReferenceStats hedged;
};

//! The same model as ch::risk::runCostAtRisk written the obvious way: one path at a time, one
//! std::mt19937_64 with std::normal_distribution and std::poisson_distribution, per-path totals
//! stored and sorted. Kept to measure the engine against (speed) and to cross-check its numbers
//! (they agree within Monte Carlo error, not bit for bit). Deterministic volumes only.
ReferenceResult
runReferenceMonteCarlo(const risk::RiskInputs& in, std::size_t paths, std::uint64_t seed);

} // namespace ch::bench
