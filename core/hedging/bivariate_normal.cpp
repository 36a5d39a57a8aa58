#include "hedging/bivariate_normal.h"

#include "domain/error.h"
#include "pricing/black76.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

namespace ch::hedging {

namespace {

// Gauss–Legendre half rules on [−1, 1]: nodes ±x_i with weights w_i, i = 1..n/2, for n = 6, 12
// and 20 (Abramowitz & Stegun, Table 25.4).
struct HalfRule
{
    std::size_t size;
    std::array<double, 10> x;
    std::array<double, 10> w;
};

constexpr HalfRule kRule6{3,
                          {0.9324695142031522, 0.6612093864662647, 0.2386191860831970},
                          {0.1713244923791705, 0.3607615730481384, 0.4679139345726904}};
constexpr HalfRule kRule12{6,
                           {0.9815606342467191,
                            0.9041172563704750,
                            0.7699026741943050,
                            0.5873179542866171,
                            0.3678314989981802,
                            0.1252334085114692},
                           {0.04717533638651177,
                            0.1069393259953183,
                            0.1600783285433464,
                            0.2031674267230659,
                            0.2334925365383547,
                            0.2491470458134029}};
constexpr HalfRule kRule20{10,
                           {0.9931285991850949,
                            0.9639719272779138,
                            0.9122344282513259,
                            0.8391169718222188,
                            0.7463319064601508,
                            0.6360536807265150,
                            0.5108670019508271,
                            0.3737060887154196,
                            0.2277858511416451,
                            0.07652652113349733},
                           {0.01761400713915212,
                            0.04060142980038694,
                            0.06267204833410906,
                            0.08327674157670475,
                            0.1019301198172404,
                            0.1181945319615184,
                            0.1316886384491766,
                            0.1420961093183821,
                            0.1491729864726037,
                            0.1527533871307259}};

double phi(double x)
{
    return pricing::normalCdf(x);
}

// |rho| < 0.925: Plackett's identity integrated over the arcsine of the correlation,
// P = Φ(−h)Φ(−k) + (1/2π) ∫_0^{asin ρ} exp(−(h² + k² − 2hk sin θ) / (2 cos² θ)) dθ.
double moderateCorrelation(double h, double k, double rho, const HalfRule& rule)
{
    const double hk = h * k;
    const double hs = (h * h + k * k) / 2.0;
    const double asr = std::asin(rho);
    double sum = 0.0;
    for (std::size_t i = 0; i < rule.size; ++i) {
        for (double side : {-1.0, 1.0}) {
            const double sn = std::sin(asr * (1.0 + side * rule.x[i]) / 2.0);
            sum += rule.w[i] * std::exp((sn * hk - hs) / (1.0 - sn * sn));
        }
    }
    return sum * asr / (4.0 * std::numbers::pi) + phi(-h) * phi(-k);
}

// |rho| >= 0.925: Genz's expansion around |rho| = 1 (the integrand above is nearly singular).
double highCorrelation(double h, double k, double rho, const HalfRule& rule)
{
    const double twoPi = 2.0 * std::numbers::pi;
    if (rho < 0.0)
        k = -k;
    const double hk = h * k;
    double bvn = 0.0;
    if (std::fabs(rho) < 1.0) {
        const double as = (1.0 - rho) * (1.0 + rho);
        double a = std::sqrt(as);
        const double bs = (h - k) * (h - k);
        const double c = (4.0 - hk) / 8.0;
        const double d = (12.0 - hk) / 16.0;
        double asr = -(bs / as + hk) / 2.0;
        if (asr > -100.0)
            bvn = a * std::exp(asr)
                  * (1.0 - c * (bs - as) * (1.0 - d * bs / 5.0) / 3.0 + c * d * as * as / 5.0);
        if (-hk < 100.0) {
            const double b = std::sqrt(bs);
            const double sp = std::sqrt(twoPi) * phi(-b / a);
            bvn -= std::exp(-hk / 2.0) * sp * b * (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0);
        }
        a /= 2.0;
        for (std::size_t i = 0; i < rule.size; ++i) {
            for (double side : {-1.0, 1.0}) {
                const double xs = (a * (side * rule.x[i] + 1.0)) * (a * (side * rule.x[i] + 1.0));
                const double rs = std::sqrt(1.0 - xs);
                asr = -(bs / xs + hk) / 2.0;
                if (asr > -100.0) {
                    const double sp = 1.0 + c * xs * (1.0 + d * xs);
                    const double ep = std::exp(-hk * (1.0 - rs) / (2.0 * (1.0 + rs))) / rs;
                    bvn += a * rule.w[i] * std::exp(asr) * (ep - sp);
                }
            }
        }
        bvn = -bvn / twoPi;
    }
    if (rho > 0.0)
        bvn += phi(-std::max(h, k));
    else
        bvn = -bvn + std::max(0.0, phi(-h) - phi(-k));
    return bvn;
}

} // namespace

double bivariateNormalUpper(double h, double k, double rho)
{
    require(std::isfinite(rho) && rho >= -1.0 && rho <= 1.0,
            "bivariateNormalUpper: correlation " + std::to_string(rho) + " is outside [−1, 1]");
    require(!std::isnan(h) && !std::isnan(k), "bivariateNormalUpper: NaN limit");
    const double inf = std::numeric_limits<double>::infinity();
    if (h == inf || k == inf)
        return 0.0;
    if (h == -inf)
        return k == -inf ? 1.0 : phi(-k);
    if (k == -inf)
        return phi(-h);
    if (rho == 0.0)
        return phi(-h) * phi(-k);
    const double r = std::fabs(rho);
    const HalfRule& rule = r < 0.3 ? kRule6 : (r < 0.75 ? kRule12 : kRule20);
    const double p =
        r < 0.925 ? moderateCorrelation(h, k, rho, rule) : highCorrelation(h, k, rho, rule);
    return std::clamp(p, 0.0, 1.0);
}

double bivariateNormalCdf(double x, double y, double rho)
{
    return bivariateNormalUpper(-x, -y, rho);
}

} // namespace ch::hedging
