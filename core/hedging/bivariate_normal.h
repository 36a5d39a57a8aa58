#pragma once

namespace ch::hedging {

//! P(X > h, Y > k) for standard normals X, Y with correlation rho in [−1, 1]; h and k may be
//! ±infinity. Drezner & Wesolowsky (1990), "On the computation of the bivariate normal integral",
//! J. Statist. Comput. Simul. 35, 101–107, with Genz's double-precision refinements and the
//! expansion for |rho| >= 0.925 (Genz 2004, "Numerical computation of rectangular bivariate and
//! trivariate normal and t probabilities", Statistics and Computing 14, 251–260): 6, 12 or 20
//! point Gauss–Legendre rules by |rho|; absolute error about 1e-15.
double bivariateNormalUpper(double h, double k, double rho);

//! P(X < x, Y < y) = bivariateNormalUpper(−x, −y, rho).
double bivariateNormalCdf(double x, double y, double rho);

} // namespace ch::hedging
