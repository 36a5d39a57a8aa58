#pragma once

#include "risk/mc_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ch::risk::detail {

//! Scratch space for one block of paths, structure-of-arrays: row r of a buffer holds one value
//! for every lane (path) of the block, at r × capacity. Allocated once per worker thread and
//! reused, so the simulation itself never allocates.
struct BlockBuffers
{
    explicit BlockBuffers(const CompiledModel& m, std::size_t capacity);

    std::size_t capacity = 0;
    std::vector<std::uint64_t> rng;       //!< 4 rows: xoshiro256** state words
    std::vector<std::uint64_t> rawBits;   //!< two rows: the ziggurat's draws
    std::vector<double> state;            //!< factors rows: log deviation Y from the forward
    std::vector<double> normals;          //!< independent normals of the current month
    std::vector<double> uniforms;         //!< jump-count uniforms of the current month
    std::vector<double> correlated;       //!< dims rows: correlated shocks
    std::vector<double> price;            //!< factors rows: simulated monthly average price
    std::vector<double> jumpWork;         //!< 2 rows: jump counts, jump sizes
    std::vector<std::uint32_t> jumpLanes; //!< lanes with at least one jump this month
    std::vector<double> demandSum;        //!< running sum of monthly demand shocks
    std::vector<double> demandZ;          //!< standardised demand factor of the month
    std::vector<double> zeros;            //!< a row of zeros, for absent copula parts
    std::vector<double> month, monthPay, quarter, quarterPay, total, totalPay;
    std::vector<double> factorCost, factorPay; //!< factors rows, summed over the horizon
};

//! Per-path results of one block: the cost of every quantity (horizon, quarters, months;
//! unhedged then hedged) and each factor's cost over the horizon (unhedged, then net of the
//! payoffs of instruments on that factor).
struct BlockOutput
{
    BlockOutput(const CompiledModel& m, std::size_t capacity);

    std::uint64_t firstPath = 0;
    std::size_t lanes = 0;
    std::size_t capacity = 0;
    std::vector<double> values;    //!< 2 × quantitiesPerSide rows
    std::vector<double> factorNet; //!< 2 × factors rows

    const double* quantity(std::size_t q) const { return values.data() + q * capacity; }
    const double* factorValues(std::size_t row) const { return factorNet.data() + row * capacity; }
};

//! Simulates paths [firstPath, firstPath + lanes) of a run seeded with `seed`. The result
//! depends only on (model, seed, firstPath, lanes), never on the calling thread.
void simulateBlock(const CompiledModel& model,
                   std::uint64_t seed,
                   std::uint64_t firstPath,
                   std::size_t lanes,
                   BlockBuffers& buf,
                   BlockOutput& out);

} // namespace ch::risk::detail
