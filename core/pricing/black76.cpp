#include "pricing/black76.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace ch::pricing {

namespace {

void checkInputs(const Black76Inputs& in)
{
    require(std::isfinite(in.forward) && in.forward > 0.0,
            "Black-76: forward must be positive, got " + std::to_string(in.forward));
    require(std::isfinite(in.strike) && in.strike > 0.0,
            "Black-76: strike must be positive, got " + std::to_string(in.strike));
    require(std::isfinite(in.volAnnual) && in.volAnnual >= 0.0,
            "Black-76: volatility must be zero or more, got " + std::to_string(in.volAnnual));
    require(std::isfinite(in.yearsToExpiry) && in.yearsToExpiry >= 0.0,
            "Black-76: time to expiry must be zero or more, got "
                + std::to_string(in.yearsToExpiry));
    require(std::isfinite(in.rate), "Black-76: rate is not finite");
}

} // namespace

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalPdf(double x)
{
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

double black76Price(const Black76Inputs& in)
{
    return black76(in).price;
}

Black76Result black76(const Black76Inputs& in)
{
    checkInputs(in);
    const double f = in.forward;
    const double k = in.strike;
    const double t = in.yearsToExpiry;
    const double df = std::exp(-in.rate * t);
    const double sign = in.type == OptionType::Call ? 1.0 : -1.0;
    const double stdDev = in.volAnnual * std::sqrt(t);
    Black76Result out;

    if (stdDev == 0.0) {
        // Deterministic futures price: the premium is the discounted payoff.
        const double intrinsic = std::max(sign * (f - k), 0.0);
        out.price = df * intrinsic;
        const double itm = sign * (f - k) > 0.0 ? 1.0 : (f == k ? 0.5 : 0.0);
        out.delta = sign * df * itm;
        out.theta = in.rate * out.price;
        return out;
    }

    const double d1 = (std::log(f / k) + 0.5 * stdDev * stdDev) / stdDev;
    const double d2 = d1 - stdDev;
    const double nd1 = normalCdf(sign * d1);
    const double nd2 = normalCdf(sign * d2);
    const double pdf1 = normalPdf(d1);
    out.price = sign * df * (f * nd1 - k * nd2);
    out.delta = sign * df * nd1;
    out.gamma = df * pdf1 / (f * stdDev);
    out.vega = df * f * pdf1 * std::sqrt(t);
    // Haug (2007) ch. 2: Θ = −F e^{−rT} n(d1) σ / (2√T) ± r F e^{−rT} N(±d1) ∓ r K e^{−rT} N(±d2),
    // which is −∂V/∂T = −(−rV + ∂V/∂T|_{df fixed}) written out.
    out.theta = -df * f * pdf1 * in.volAnnual / (2.0 * std::sqrt(t)) + in.rate * out.price;
    return out;
}

double
averageSettlementVol(double volAnnual, const std::vector<double>& fixingYears, double yearsToExpiry)
{
    require(std::isfinite(volAnnual) && volAnnual >= 0.0,
            "averageSettlementVol: volatility must be zero or more, got "
                + std::to_string(volAnnual));
    require(std::isfinite(yearsToExpiry) && yearsToExpiry >= 0.0,
            "averageSettlementVol: time to expiry must be zero or more, got "
                + std::to_string(yearsToExpiry));
    require(!fixingYears.empty(), "averageSettlementVol: no fixing dates");
    require(std::all_of(
                fixingYears.begin(), fixingYears.end(), [](double t) { return std::isfinite(t); }),
            "averageSettlementVol: a fixing time is not finite");

    const auto n = static_cast<double>(fixingYears.size());
    if (yearsToExpiry == 0.0) {
        const auto ahead =
            std::count_if(fixingYears.begin(), fixingYears.end(), [](double t) { return t > 0.0; });
        return volAnnual * static_cast<double>(ahead) / n;
    }
    // E[F_T²]/F² − 1 = (1/n²) Σ_i Σ_j (exp(σ² min(t_i, t_j, T)) − 1); expm1/log1p keep accuracy
    // when σ²T is small.
    const double var = volAnnual * volAnnual;
    double excess = 0.0;
    for (double ti : fixingYears) {
        for (double tj : fixingYears) {
            const double horizon = std::max(0.0, std::min({ti, tj, yearsToExpiry}));
            excess += std::expm1(var * horizon);
        }
    }
    excess /= n * n;
    return std::sqrt(std::log1p(excess) / yearsToExpiry);
}

} // namespace ch::pricing
