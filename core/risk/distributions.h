#pragma once

namespace ch::risk {

//! Standard normal CDF Φ(x), through erfc so the tails keep full relative precision.
double normalCdf(double x);
//! Standard normal density φ(x).
double normalPdf(double x);
//! Φ⁻¹(p) for 0 < p < 1, Wichura's algorithm AS 241 (PPND16), relative error about 1e-16
//! (Applied Statistics 37(3), 1988, pp. 477-484). Throws ch::Error outside (0, 1).
double normalQuantile(double p);

//! Regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1, by the
//! continued fraction of Numerical Recipes 3rd ed. §6.4 (modified Lentz), using the symmetry
//! I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
double regularizedIncompleteBeta(double a, double b, double x);

//! Beta-PERT distribution of a three-point estimate (low, mode, high) with the classic weight
//! λ = 4 (Malcolm et al. 1959; Vose, "Risk Analysis", 3rd ed. §14.3): a Beta(α, β) on
//! [low, high] with α = 1 + 4 (mode − low) / (high − low), β = 1 + 4 (high − mode) /
//! (high − low), so its mean is (low + 4 mode + high) / 6. Requires low < high.
struct BetaPert
{
    double low = 0.0;
    double mode = 0.0;
    double high = 0.0;

    BetaPert(double lowValue, double modeValue, double highValue);
    double alpha() const;
    double beta() const;
    double mean() const;
    double cdf(double x) const;
    double pdf(double x) const;
    //! Inverse CDF by safeguarded Newton on cdf() to about 1e-14 of the range (used to build
    //! the simulation's volume tables, not inside the simulation).
    double quantile(double p) const;
};

} // namespace ch::risk
