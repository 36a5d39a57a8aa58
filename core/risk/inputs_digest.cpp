#include "risk/inputs_digest.h"

#include <bit>
#include <cstdint>
#include <cstdio>

namespace ch::risk {

namespace {

class Fnv1a
{
public:
    void bytes(const unsigned char* p, std::size_t n)
    {
        for (std::size_t i = 0; i < n; ++i) {
            m_hash ^= p[i];
            m_hash *= 0x100000001b3ULL; // the 64-bit FNV prime
        }
    }
    void u64(std::uint64_t v)
    {
        unsigned char b[8];
        for (int i = 0; i < 8; ++i)
            b[i] = static_cast<unsigned char>(v >> (8 * i)); // little-endian on every host
        bytes(b, 8);
    }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void real(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void text(const std::string& s)
    {
        u64(s.size());
        bytes(reinterpret_cast<const unsigned char*>(s.data()), s.size());
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL; // the 64-bit FNV offset basis
};

void params(Fnv1a& h, const FactorParams& p)
{
    h.real(p.kappaPerYear);
    h.real(p.sigmaAnnual);
    h.real(p.jumpsPerYear);
    h.real(p.jumpMeanLog);
    h.real(p.jumpSdLog);
}

} // namespace

std::string riskInputsDigest(const RiskInputs& in)
{
    Fnv1a h;
    h.i64(static_cast<int>(in.firstMonth.year()));
    h.u64(static_cast<unsigned>(in.firstMonth.month()));
    h.i64(in.horizonMonths);
    h.u64(in.factors.size());
    for (const RiskFactor& f : in.factors) {
        h.text(f.indexId);
        h.text(f.resource);
        h.u64(static_cast<unsigned>(f.model));
        h.u64(f.forwardUsd.size());
        for (double v : f.forwardUsd)
            h.real(v);
        params(h, f.params);
    }
    h.i64(in.correlation.rows());
    h.i64(in.correlation.cols());
    for (Eigen::Index r = 0; r < in.correlation.rows(); ++r)
        for (Eigen::Index c = 0; c < in.correlation.cols(); ++c)
            h.real(in.correlation(r, c));
    h.u64(in.cells.size());
    for (const ExposureCell& c : in.cells) {
        h.u64(c.factor);
        h.i64(c.monthOffset);
        h.real(c.lowVolume);
        h.real(c.baseVolume);
        h.real(c.highVolume);
        h.real(c.priceMultiplier);
        h.real(c.spreadUsd);
        h.real(c.contractedVolume);
        h.real(c.contractedPriceUsd);
    }
    h.u64(in.instruments.size());
    for (const HedgeInstrument& i : in.instruments) {
        h.u64(static_cast<unsigned>(i.kind));
        h.u64(i.factor);
        h.i64(i.monthOffset);
        h.real(i.strikeUsd);
        h.real(i.unitsPerContract);
        h.real(i.contracts);
        h.real(i.premiumUsd);
        h.text(i.label);
    }
    h.real(in.demand.volumeCorrelation);
    h.real(in.demand.priceVolumeCorrelation);
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h.value()));
    return out;
}

} // namespace ch::risk
