#include "risk/distributions.h"

#include "domain/error.h"
#include "risk/normal_quantile.h"

#include <cmath>
#include <numbers>
#include <string>

namespace ch::risk {

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalPdf(double x)
{
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

double normalQuantile(double p)
{
    require(p > 0.0 && p < 1.0, "normalQuantile: p = " + std::to_string(p) + " is outside (0, 1)");
    return detail::normalQuantileBranchless(p);
}

namespace {

// Continued fraction for I_x(a, b), Numerical Recipes 3rd ed. §6.4 (betacf, modified Lentz).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double kTiny = 1e-300;
    constexpr double kEps = 1e-16;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 10'000; ++m) {
        const double dm = m;
        const double m2 = 2.0 * dm;
        double aa = dm * (b - dm) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1.0) < kEps)
            return h;
    }
    return h;
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    // tgamma rather than lgamma: glibc's lgamma writes the global signgam, a data race when two
    // runs build tables on different threads. a, b <= 100 keeps tgamma(a + b) finite.
    require(a > 0.0 && b > 0.0 && a <= 100.0 && b <= 100.0,
            "regularizedIncompleteBeta: a = " + std::to_string(a) + ", b = " + std::to_string(b)
                + " must be in (0, 100]");
    require(x >= 0.0 && x <= 1.0,
            "regularizedIncompleteBeta: x = " + std::to_string(x) + " is outside [0, 1]");
    if (x == 0.0 || x == 1.0)
        return x;
    const double front = std::tgamma(a + b) / (std::tgamma(a) * std::tgamma(b))
                         * std::exp(a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

BetaPert::BetaPert(double lowValue, double modeValue, double highValue)
    : low(lowValue)
    , mode(modeValue)
    , high(highValue)
{
    require(std::isfinite(low) && std::isfinite(high) && low < high && low <= mode && mode <= high,
            "BetaPert: low " + std::to_string(low) + ", mode " + std::to_string(mode) + ", high "
                + std::to_string(high) + " must satisfy low <= mode <= high and low < high");
}

double BetaPert::alpha() const
{
    return 1.0 + 4.0 * (mode - low) / (high - low);
}

double BetaPert::beta() const
{
    return 1.0 + 4.0 * (high - mode) / (high - low);
}

double BetaPert::mean() const
{
    return (low + 4.0 * mode + high) / 6.0;
}

double BetaPert::cdf(double x) const
{
    if (x <= low)
        return 0.0;
    if (x >= high)
        return 1.0;
    return regularizedIncompleteBeta(alpha(), beta(), (x - low) / (high - low));
}

double BetaPert::pdf(double x) const
{
    if (x < low || x > high)
        return 0.0;
    const double a = alpha();
    const double b = beta();
    const double t = (x - low) / (high - low);
    const double norm = std::tgamma(a + b) / (std::tgamma(a) * std::tgamma(b));
    return norm * std::pow(t, a - 1.0) * std::pow(1.0 - t, b - 1.0) / (high - low);
}

double BetaPert::quantile(double p) const
{
    require(p >= 0.0 && p <= 1.0,
            "BetaPert::quantile: p = " + std::to_string(p) + " is outside [0, 1]");
    if (p == 0.0)
        return low;
    if (p == 1.0)
        return high;
    const double a = alpha();
    const double b = beta();
    const double norm = std::tgamma(a + b) / (std::tgamma(a) * std::tgamma(b));
    // Safeguarded Newton on the standardised CDF (Numerical Recipes 3rd ed. §9.4, rtsafe): keep a
    // bracket [lo, hi] and fall back to bisection whenever the Newton step leaves it, which
    // happens near the ends where the Beta density vanishes.
    double lo = 0.0;
    double hi = 1.0;
    double t = 0.5;
    for (int i = 0; i < 200; ++i) {
        const double f = regularizedIncompleteBeta(a, b, t) - p;
        if (f < 0.0)
            lo = t;
        else
            hi = t;
        const double density = norm * std::pow(t, a - 1.0) * std::pow(1.0 - t, b - 1.0);
        double next = density > 0.0 ? t - f / density : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (std::fabs(next - t) < 1e-15 || hi - lo < 1e-15) {
            t = next;
            break;
        }
        t = next;
    }
    return low + t * (high - low);
}

} // namespace ch::risk
