// One block of Monte Carlo paths, month by month, in chunks of lanes: draw the month's random
// words, turn them into normals, correlate them, find the jumps, move every factor (OU step,
// jumps, exp to a relative price) while adding its cells and futures, then the uncertain-volume
// cells and options, and write the block's per-path results. The arithmetic over lanes is in
// mc_simd.cpp, mc_normals.cpp and mc_jumps.cpp (vectorised, dispatched at run time); this file
// only sequences it.
#include "risk/mc_kernel.h"

#include "risk/mc_simd.h"
#include "risk/rng.h"

#include <algorithm>
#include <cmath>

namespace ch::risk::detail {

namespace {

//! The month's compound Poisson jumps of every factor with jumps, added to its innovation row.
//! Factor f's word w gives the count N = #{j : w >= T_j}; the few lanes with N >= 1 (found by
//! lanesAtLeast) also get the uniform position of w inside its count's interval, which
//! normalQuantiles turns into the normal ε of the size N·μ + √N·σJ·ε (the sum of N normal sizes).
void addJumps(const CompiledModel& m, std::size_t firstOutput, BlockBuffers& buf, std::size_t lanes)
{
    const std::size_t cap = buf.capacity;
    std::size_t count = 0;
    for (std::size_t f = 0; f < m.factors; ++f) {
        const CompiledFactor& cf = m.factor[f];
        if (cf.jumpSlot < 0)
            continue;
        const auto slot = static_cast<std::size_t>(cf.jumpSlot);
        const std::uint64_t* w = buf.words.data() + (firstOutput + slot / 2) * cap;
        const unsigned shift = slot % 2 == 0 ? 0 : 32;
        const std::size_t found = lanesAtLeast(
            w, shift, cf.jumpThreshold[0], buf.jumpFlags.data(), buf.jumpLanes.data(), lanes);
        jumpEntries(w,
                    shift,
                    buf.jumpLanes.data(),
                    found,
                    cf.jumpThreshold.data(),
                    cf.jumpThreshold.size(),
                    static_cast<float>(cf.jumpMean),
                    static_cast<float>(cf.jumpSd),
                    static_cast<std::uint32_t>(buf.innovationRow[f] * cap),
                    buf.jumpTail.data() + count,
                    buf.jumpMean.data() + count,
                    buf.jumpScale.data() + count,
                    buf.jumpTarget.data() + count);
        count += found;
    }
    float* z = buf.jumpNormal.data();
    normalQuantiles(buf.jumpTail.data(), z, count);
    const float* mean = buf.jumpMean.data();
    const float* scale = buf.jumpScale.data();
    const std::uint32_t* target = buf.jumpTarget.data();
    float* innovation = buf.innovation.data();
    for (std::size_t j = 0; j < count; ++j)
        innovation[target[j]] += mean[j] + scale[j] * z[j];
}

//! Lanes [0, lanes) of `buf`, which are lanes [offset, offset + lanes) of the block's output.
void simulateChunk(const CompiledModel& m,
                   std::uint64_t seed,
                   std::uint64_t firstPath,
                   std::size_t offset,
                   std::size_t lanes,
                   BlockBuffers& buf,
                   BlockOutput& out)
{
    const std::size_t cap = buf.capacity;
    const std::size_t ocap = out.capacity;
    const Streams st{
        buf.rng.data(), buf.rng.data() + cap, buf.rng.data() + 2 * cap, buf.rng.data() + 3 * cap};
    for (std::size_t l = 0; l < lanes; ++l) {
        const XoshiroState x = seedPath(seed, firstPath + offset + l);
        st.s0[l] = x.s[0];
        st.s1[l] = x.s[1];
        st.s2[l] = x.s[2];
        st.s3[l] = x.s[3];
    }
    for (auto* v : {&buf.state, &buf.demandSum})
        std::fill(v->begin(), v->end(), 0.0F);
    for (auto* v : {&buf.quarter,
                    &buf.quarterPay,
                    &buf.total,
                    &buf.totalPay,
                    &buf.factorCost,
                    &buf.factorPay})
        std::fill(v->begin(), v->end(), 0.0);

    const std::size_t perSide = m.quantitiesPerSide();
    for (int t = 0; t < m.horizon; ++t) {
        const auto ut = static_cast<std::size_t>(t);
        const std::size_t normals = m.normalsForMonth(t);
        drawWords(st, buf.words.data(), m.outputsForMonth(t), lanes, cap);
        boxMullerNormals(buf.words.data(), buf.normals.data(), normals, lanes, cap);
        correlate(
            m.scaledCholesky.data(), m.dims, buf.normals.data(), buf.innovation.data(), lanes, cap);
        for (std::size_t row : buf.jumpOnlyRows)
            std::fill_n(
                buf.innovation.begin() + static_cast<std::ptrdiff_t>(row * cap), lanes, 0.0F);
        if (m.jumpFactors > 0)
            addJumps(m, m.normalOutputs(t), buf, lanes);
        if (m.demandDim >= 0)
            updateDemand(buf.demandSum.data(),
                         buf.innovation.data() + static_cast<std::size_t>(m.demandDim) * cap,
                         buf.demandZ.data(),
                         static_cast<float>(1.0 / std::sqrt(static_cast<double>(t + 1))),
                         lanes);

        std::fill_n(buf.month.begin(), lanes, m.fixedCostByMonth[ut]);
        std::fill_n(buf.monthPay.begin(), lanes, 0.0);
        const std::vector<FactorMonth>& fms = m.factorMonths[ut];
        for (std::size_t f = 0; f < m.factors; ++f) {
            const CompiledFactor& cf = m.factor[f];
            advanceFactor(fms[f],
                          static_cast<float>(cf.decay),
                          cf.drift[ut],
                          buf.state.data() + f * cap,
                          buf.innovation.data() + buf.innovationRow[f] * cap,
                          fms[f].needsPrice ? buf.relative.data() + f * cap : nullptr,
                          buf.month.data(),
                          buf.monthPay.data(),
                          buf.factorCost.data() + f * cap,
                          buf.factorPay.data() + f * cap,
                          lanes);
        }
        const bool useEps = m.uncertainCellsByMonth[ut] > 0;
        const bool demand = m.demandDim >= 0;
        for (const CompiledCell& c : m.cellsByMonth[ut])
            addUncertainVolumeCell(c,
                                   m.tables[static_cast<std::size_t>(c.table)].values.data(),
                                   demand ? m.demandLoading : 0.0,
                                   useEps ? m.idioLoading : 0.0,
                                   demand ? buf.demandZ.data() : buf.zeros.data(),
                                   useEps ? buf.normals.data() + (m.dims + c.epsRow) * cap
                                          : buf.zeros.data(),
                                   buf.relative.data() + c.factor * cap,
                                   buf.month.data(),
                                   buf.factorCost.data() + c.factor * cap,
                                   lanes);
        for (const CompiledOption& o : m.optionsByMonth[ut])
            addOption(o,
                      buf.relative.data() + o.factor * cap,
                      buf.monthPay.data(),
                      buf.factorPay.data() + o.factor * cap,
                      lanes);

        const std::size_t mq = m.monthQuantity(t);
        closeMonth(buf.month.data(),
                   buf.monthPay.data(),
                   out.values.data() + mq * ocap + offset,
                   out.values.data() + (perSide + mq) * ocap + offset,
                   buf.quarter.data(),
                   buf.quarterPay.data(),
                   lanes);
        if (t % 3 == 2 || t == m.horizon - 1) {
            const std::size_t q = m.quarterQuantity(t / 3);
            closePeriod(buf.quarter.data(),
                        buf.quarterPay.data(),
                        out.values.data() + q * ocap + offset,
                        out.values.data() + (perSide + q) * ocap + offset,
                        buf.total.data(),
                        buf.totalPay.data(),
                        lanes);
        }
    }
    double* outTotal = out.values.data() + offset;
    double* outTotalHedged = out.values.data() + perSide * ocap + offset;
    for (std::size_t l = 0; l < lanes; ++l) {
        outTotal[l] = buf.total[l];
        outTotalHedged[l] = buf.total[l] - buf.totalPay[l];
    }
    for (std::size_t f = 0; f < m.factors; ++f) {
        const double* fc = buf.factorCost.data() + f * cap;
        const double* fp = buf.factorPay.data() + f * cap;
        double* unhedged = out.factorNet.data() + f * ocap + offset;
        double* hedged = out.factorNet.data() + (m.factors + f) * ocap + offset;
        for (std::size_t l = 0; l < lanes; ++l) {
            unhedged[l] = fc[l];
            hedged[l] = fc[l] - fp[l];
        }
    }
}

} // namespace

BlockBuffers::BlockBuffers(const CompiledModel& m, std::size_t blockCapacity)
    : capacity(std::min(blockCapacity, kChunkLanes))
    , rng(4 * capacity)
    , words(std::max<std::size_t>(m.maxOutputsPerMonth(), 1) * capacity)
    , normals(std::max<std::size_t>(m.maxNormalsPerMonth(), 1) * capacity)
    , state(m.factors * capacity)
    , relative(m.factors * capacity)
    , jumpFlags(capacity + 8)
    , jumpLanes(capacity + 8)
    , jumpTail(m.jumpFactors * capacity)
    , jumpNormal(m.jumpFactors * capacity)
    , jumpMean(m.jumpFactors * capacity)
    , jumpScale(m.jumpFactors * capacity)
    , jumpTarget(m.jumpFactors * capacity)
    , demandSum(capacity)
    , demandZ(capacity)
    , zeros(capacity, 0.0F)
    , month(capacity)
    , monthPay(capacity)
    , quarter(capacity)
    , quarterPay(capacity)
    , total(capacity)
    , totalPay(capacity)
    , factorCost(m.factors * capacity)
    , factorPay(m.factors * capacity)
{
    // Diffusive factors read their row of L·z; the others a row of their own, zero but for jumps.
    std::size_t rows = m.dims;
    for (const CompiledFactor& f : m.factor) {
        if (f.dim >= 0) {
            innovationRow.push_back(static_cast<std::size_t>(f.dim));
            continue;
        }
        if (f.jumpSlot >= 0)
            jumpOnlyRows.push_back(rows);
        innovationRow.push_back(rows++);
    }
    innovation.assign(std::max<std::size_t>(rows, 1) * capacity, 0.0F);
}

BlockOutput::BlockOutput(const CompiledModel& m, std::size_t cap)
    : capacity(cap)
    , values(2 * m.quantitiesPerSide() * cap)
    , factorNet(2 * m.factors * cap)
{}

void simulateBlock(const CompiledModel& m,
                   std::uint64_t seed,
                   std::uint64_t firstPath,
                   std::size_t lanes,
                   BlockBuffers& buf,
                   BlockOutput& out)
{
    out.firstPath = firstPath;
    out.lanes = lanes;
    for (std::size_t offset = 0; offset < lanes; offset += buf.capacity)
        simulateChunk(m, seed, firstPath, offset, std::min(buf.capacity, lanes - offset), buf, out);
}

} // namespace ch::risk::detail
