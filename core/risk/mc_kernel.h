#pragma once

#include "risk/mc_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ch::risk::detail {

//! Lanes per chunk: a block of up to 4096 lanes runs as consecutive chunks, so a month's working
//! set stays small whatever the block size (about 50 kB for W1, in the first two cache levels).
//! Measured on W1: 128 and 256 lanes run equally fast, 64 about 10% slower (per-call overhead).
inline constexpr std::size_t kChunkLanes = 128;

//! Scratch space for one chunk of lanes, structure-of-arrays: row r of a buffer holds one value
//! for every lane (path) of the chunk, at r × capacity. Allocated once per worker thread and
//! reused, so the simulation itself never allocates.
struct BlockBuffers
{
    explicit BlockBuffers(const CompiledModel& m, std::size_t blockCapacity);

    std::size_t capacity = 0;               //!< lanes per chunk
    std::vector<std::uint64_t> rng;         //!< 4 rows: xoshiro256** state words
    std::vector<std::uint64_t> words;       //!< the month's xoshiro256** outputs
    std::vector<float> normals;             //!< independent normals of the current month
    std::vector<float> innovation;          //!< diffusion (+ jump) increment per factor, demand
    std::vector<std::size_t> innovationRow; //!< per factor: its row in `innovation`
    std::vector<std::size_t> jumpOnlyRows;  //!< rows of factors with jumps and no diffusion
    std::vector<float> state;               //!< factors rows: log deviation Y from the forward
    std::vector<float> relative;            //!< factors rows: price / forward, when a cell needs it
    std::vector<std::uint8_t> jumpFlags;    //!< per lane: does one factor jump (lanesAtLeast)
    std::vector<std::uint32_t> jumpLanes;   //!< lanes of one factor with at least one jump
    //! The month's jumps over all factors (jumpEntries): the normal's tail probability, the
    //! normal, the mean and sd of the size given the count, and the innovation index it adds to.
    std::vector<float> jumpTail, jumpNormal, jumpMean, jumpScale;
    std::vector<std::uint32_t> jumpTarget;
    std::vector<float> demandSum; //!< running sum of monthly demand shocks
    std::vector<float> demandZ;   //!< standardised demand factor of the month
    std::vector<float> zeros;     //!< a row of zeros, for absent copula parts
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
