#pragma once

#include <cmath>

namespace ch::risk::detail {

//! Φ⁻¹(p) for 0 < p < 1 by Wichura's AS 241 (PPND16), Applied Statistics 37(3), 1988,
//! pp. 477-484: relative error about 1e-16. Written without branches (both the central and the
//! tail rational functions are evaluated and one is selected), so a loop over many p vectorises.
inline double normalQuantileBranchless(double p)
{
    const double q = p - 0.5;
    const double r = 0.180625 - q * q;
    const double central = q
                           * (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                                   + 6.7265770927008700853e4)
                                      * r
                                  + 4.5921953931549871457e4)
                                     * r
                                 + 1.3731693765509461125e4)
                                    * r
                                + 1.9715909503065514427e3)
                                   * r
                               + 1.3314166789178437745e2)
                                  * r
                              + 3.3871328727963666080e0)
                           / (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                                   + 3.9307895800092710610e4)
                                      * r
                                  + 2.1213794301586595867e4)
                                     * r
                                 + 5.3941960214247511077e3)
                                    * r
                                + 6.8718700749205790830e2)
                                   * r
                               + 4.2313330701600911252e1)
                                  * r
                              + 1.0);
    const double tailP = q < 0.0 ? p : 1.0 - p;
    const double s = std::sqrt(-std::log(tailP));
    const double a = s - 1.6;
    const double near = (((((((7.74545014278341407640e-4 * a + 2.27238449892691845833e-2) * a
                              + 2.41780725177450611770e-1)
                                 * a
                             + 1.27045825245236838258e0)
                                * a
                            + 3.64784832476320460504e0)
                               * a
                           + 5.76949722146069140550e0)
                              * a
                          + 4.63033784615654529590e0)
                             * a
                         + 1.42343711074968357734e0)
                        / (((((((1.05075007164441684324e-9 * a + 5.47593808499534494600e-4) * a
                                + 1.51986665636164571966e-2)
                                   * a
                               + 1.48103976427480074590e-1)
                                  * a
                              + 6.89767334985100004550e-1)
                                 * a
                             + 1.67638483018380384940e0)
                                * a
                            + 2.05319162663775882187e0)
                               * a
                           + 1.0);
    const double b = s - 5.0;
    const double far = (((((((2.01033439929228813265e-7 * b + 2.71155556874348757815e-5) * b
                             + 1.24266094738807843860e-3)
                                * b
                            + 2.65321895265761230930e-2)
                               * b
                           + 2.96560571828504891230e-1)
                              * b
                          + 1.78482653991729133580e0)
                             * b
                         + 5.46378491116411436990e0)
                            * b
                        + 6.65790464350110377720e0)
                       / (((((((2.04426310338993978564e-15 * b + 1.42151175831644588870e-7) * b
                               + 1.84631831751005468180e-5)
                                  * b
                              + 7.86869131145613259100e-4)
                                 * b
                             + 1.48753612908506148525e-2)
                                * b
                            + 1.36929880922735805310e-1)
                               * b
                           + 5.99832206555887937690e-1)
                              * b
                          + 1.0);
    const double tailAbs = s <= 5.0 ? near : far;
    const double tail = q < 0.0 ? -tailAbs : tailAbs;
    return std::fabs(q) <= 0.425 ? central : tail;
}

} // namespace ch::risk::detail
