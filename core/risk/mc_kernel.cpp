// One block of Monte Carlo paths, month by month: draw the month's normals and uniforms, correlate
// them, move every factor (OU step, compound Poisson jumps, exp to a price), then add up cell
// costs and hedge payoffs and write the block's per-path results. The arithmetic over lanes is in
// mc_simd.cpp (vectorised, dispatched at run time); this file only sequences it.
#include "risk/mc_kernel.h"

#include "risk/mc_simd.h"
#include "risk/rng.h"

#include <algorithm>
#include <cmath>

namespace ch::risk::detail {

namespace {

enum JumpRow : std::size_t { kCount, kJump, kJumpRows };

//! The month's compound Poisson jump of one factor into the kJump row (zero where no jump): the
//! count by inversion of the Poisson CDF for every lane, then, for the few lanes with N >= 1, a
//! size N·μ + √N·σJ·ε with ε a normal from that lane's own stream (the sum of N normal sizes).
void drawJumps(
    const CompiledFactor& cf, Streams st, const double* u, BlockBuffers& buf, std::size_t lanes)
{
    const std::size_t cap = buf.capacity;
    double* count = buf.jumpWork.data() + kCount * cap;
    double* jump = buf.jumpWork.data() + kJump * cap;
    std::uint32_t* lane = buf.jumpLanes.data();
    const std::size_t m =
        countJumps(u, cf.poissonCdf.data(), cf.poissonCdf.size(), lane, count, lanes);
    std::fill_n(jump, lanes, 0.0);
    for (std::size_t k = 0; k < m; ++k)
        jump[lane[k]] =
            count[k] * cf.jumpMean + std::sqrt(count[k]) * cf.jumpSd * laneNormal(st, lane[k]);
}

} // namespace

BlockBuffers::BlockBuffers(const CompiledModel& m, std::size_t cap)
    : capacity(cap)
    , rng(4 * cap)
    , rawBits(2 * cap)
    , state(m.factors * cap)
    , normals(std::max<std::size_t>(m.maxNormalsPerMonth(), 1) * cap)
    , uniforms(std::max<std::size_t>(m.jumpFactors, 1) * cap)
    , correlated(std::max<std::size_t>(m.dims, 1) * cap)
    , price(m.factors * cap)
    , jumpWork(kJumpRows * cap)
    , jumpLanes(cap)
    , demandSum(cap)
    , demandZ(cap)
    , zeros(cap, 0.0)
    , month(cap)
    , monthPay(cap)
    , quarter(cap)
    , quarterPay(cap)
    , total(cap)
    , totalPay(cap)
    , factorCost(m.factors * cap)
    , factorPay(m.factors * cap)
{}

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
    const std::size_t cap = buf.capacity;
    out.firstPath = firstPath;
    out.lanes = lanes;
    const Streams st{
        buf.rng.data(), buf.rng.data() + cap, buf.rng.data() + 2 * cap, buf.rng.data() + 3 * cap};
    for (std::size_t l = 0; l < lanes; ++l) {
        const XoshiroState x = seedPath(seed, firstPath + l);
        st.s0[l] = x.s[0];
        st.s1[l] = x.s[1];
        st.s2[l] = x.s[2];
        st.s3[l] = x.s[3];
    }
    for (auto* v : {&buf.state,
                    &buf.demandSum,
                    &buf.quarter,
                    &buf.quarterPay,
                    &buf.total,
                    &buf.totalPay,
                    &buf.factorCost,
                    &buf.factorPay})
        std::fill(v->begin(), v->end(), 0.0);

    const std::size_t perSide = m.quantitiesPerSide();
    const double* jumpRow = buf.jumpWork.data() + kJump * cap;
    for (int t = 0; t < m.horizon; ++t) {
        const auto ut = static_cast<std::size_t>(t);
        fillNormals(st, buf.normals.data(), buf.rawBits.data(), m.normalsForMonth(t), lanes, cap);
        fillUniforms(st, buf.uniforms.data(), m.jumpFactors, lanes, cap);
        correlate(m.cholesky.data(), m.dims, buf.normals.data(), buf.correlated.data(), lanes, cap);
        if (m.demandDim >= 0)
            updateDemand(buf.demandSum.data(),
                         buf.correlated.data() + static_cast<std::size_t>(m.demandDim) * cap,
                         buf.demandZ.data(),
                         1.0 / std::sqrt(static_cast<double>(t + 1)),
                         lanes);

        for (std::size_t f = 0; f < m.factors; ++f) {
            const CompiledFactor& cf = m.factor[f];
            const double* z = cf.dim >= 0
                                  ? buf.correlated.data() + static_cast<std::size_t>(cf.dim) * cap
                                  : nullptr;
            const double* jump = nullptr;
            if (cf.jumpSlot >= 0) {
                drawJumps(cf,
                          st,
                          buf.uniforms.data() + static_cast<std::size_t>(cf.jumpSlot) * cap,
                          buf,
                          lanes);
                jump = jumpRow;
            }
            advanceState(cf.decay,
                         cf.stepSd,
                         cf.shift[ut],
                         buf.state.data() + f * cap,
                         z,
                         jump,
                         buf.price.data() + f * cap,
                         lanes);
        }

        std::fill_n(buf.month.begin(), lanes, m.fixedCostByMonth[ut]);
        std::fill_n(buf.monthPay.begin(), lanes, 0.0);
        const bool useEps = m.uncertainCellsByMonth[ut] > 0;
        for (const CompiledCell& c : m.cellsByMonth[ut]) {
            const double* p = buf.price.data() + c.factor * cap;
            double* fc = buf.factorCost.data() + c.factor * cap;
            if (c.table < 0) {
                addFixedVolumeCell(c, p, buf.month.data(), fc, lanes);
                continue;
            }
            const bool demand = m.demandDim >= 0;
            addUncertainVolumeCell(c,
                                   m.tables[static_cast<std::size_t>(c.table)].values.data(),
                                   demand ? m.demandLoading : 0.0,
                                   useEps ? m.idioLoading : 0.0,
                                   demand ? buf.demandZ.data() : buf.zeros.data(),
                                   useEps ? buf.normals.data() + (m.dims + c.epsRow) * cap
                                          : buf.zeros.data(),
                                   p,
                                   buf.month.data(),
                                   fc,
                                   lanes);
        }
        for (const CompiledInstrument& h : m.instrumentsByMonth[ut])
            addInstrument(h,
                          buf.price.data() + h.factor * cap,
                          buf.monthPay.data(),
                          buf.factorPay.data() + h.factor * cap,
                          lanes);

        closeMonth(buf.month.data(),
                   buf.monthPay.data(),
                   out.values.data() + m.monthQuantity(t) * cap,
                   out.values.data() + (perSide + m.monthQuantity(t)) * cap,
                   buf.quarter.data(),
                   buf.quarterPay.data(),
                   lanes);
        if (t % 3 == 2 || t == m.horizon - 1) {
            const std::size_t q = m.quarterQuantity(t / 3);
            closePeriod(buf.quarter.data(),
                        buf.quarterPay.data(),
                        out.values.data() + q * cap,
                        out.values.data() + (perSide + q) * cap,
                        buf.total.data(),
                        buf.totalPay.data(),
                        lanes);
        }
    }
    double* outTotal = out.values.data();
    double* outTotalHedged = out.values.data() + perSide * cap;
    for (std::size_t l = 0; l < lanes; ++l) {
        outTotal[l] = buf.total[l];
        outTotalHedged[l] = buf.total[l] - buf.totalPay[l];
    }
    for (std::size_t f = 0; f < m.factors; ++f) {
        const double* fc = buf.factorCost.data() + f * cap;
        const double* fp = buf.factorPay.data() + f * cap;
        double* unhedged = out.factorNet.data() + f * cap;
        double* hedged = out.factorNet.data() + (m.factors + f) * cap;
        for (std::size_t l = 0; l < lanes; ++l) {
            unhedged[l] = fc[l];
            hedged[l] = fc[l] - fp[l];
        }
    }
}

} // namespace ch::risk::detail
