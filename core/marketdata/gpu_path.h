#pragma once

#include "domain/dates.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ch::marketdata {

//! Random spike sizes are exponential but capped at this many means: an uncapped draw of six
//! means (+35% in one day on a 0.05 mean) is not what squeezes in a published average index look
//! like.
inline constexpr double kMaxSpikeInMeans = 2.5;

//! A level the path must pass through: a public anchor (see referenceAnchors()) or a model
//! waypoint chosen to meet the calibration statistics (`note` says which and why).
struct Waypoint
{
    Date date{};
    double usd = 0.0;
    std::string note;
};

//! A scheduled permanent move of the level in log space: a generation launch on the incumbent
//! (Assody, SSRN 6926798: about -0.22), a vendor price cut or an index level break. It is spread
//! evenly over `rampDays` days (providers in an index do not all reprice on the same day).
struct LevelShift
{
    Date date{};
    double logSize = 0.0;
    int rampDays = 1;
    std::string reason;
};

//! A sub-period whose daily shocks are scaled by `multiplier` (calm < 1, stressed > 1).
struct VolRegime
{
    Date from{};
    Date to{};
    double multiplier = 1.0;
    std::string label;
};

//! A scheduled up-spike ("squeeze") that then decays like the random ones.
struct ScheduledSpike
{
    Date date{};
    double logSize = 0.0;
    std::string reason;
};

//! Everything that defines one GPU rental path (shared/reference/market.md §3.3).
//!
//! log P(t) = S(t) + N(t), where
//! - S is the slow trend: piecewise linear in log between the waypoints, plus the cumulative
//!   scheduled level shifts C(t) (the linear part absorbs them so S still meets every waypoint);
//! - Y(t) = u(t) + e(t) + x(t) is the short-term part: u is an Ornstein-Uhlenbeck factor
//!   (mean-reverting with a half-life of weeks, shocks scaled by the regime multiplier and,
//!   optionally, correlated with a parent index's shocks); e is fast index noise, an OU with a
//!   half-life of days standing for the day-to-day change in the mix of providers and quotes an
//!   index averages (it adds daily volatility but little drift, which is how a published index
//!   can show 30% volatility and still only a -20% drawdown in a year); x holds up-spikes
//!   (Poisson arrivals with exponential log sizes, plus scheduled ones) that decay with their own
//!   half-life;
//! - N(t) = Y(t) - [linear interpolation of Y between the surrounding pins], which is zero at
//!   every pin: a Brownian bridge construction in log space (exact for the random-walk part of
//!   Y). The pins are the waypoints plus, optionally, regular pins every pinIntervalDays. After
//!   the last waypoint N(t) = Y(t) - Y(last waypoint): the path runs free to the valuation
//!   date.
//! This is the Schwartz-Smith (2000) split into a short mean-reverting factor and a long trend,
//! with the trend fixed by the anchors instead of estimated.
struct GpuPathSpec
{
    std::string indexId;
    Date firstDate{};
    std::vector<Waypoint> waypoints; //!< sorted; the first is on firstDate
    double volAnnual = 0.25;         //!< diffusion vol of u, per sqrt(year), before regimes
    double halfLifeDays = 45.0;      //!< half-life of u
    double noiseVolAnnual = 0.0;     //!< vol of the fast index noise e, per sqrt(year)
    double noiseHalfLifeDays = 3.0;  //!< half-life of e
    double spikesPerYear = 0.0;
    double spikeMeanLog = 0.0;       //!< mean log size of a random up-spike
    double spikeHalfLifeDays = 10.0; //!< decay of every spike
    std::vector<ScheduledSpike> scheduledSpikes;
    std::vector<LevelShift> shifts;
    std::vector<VolRegime> regimes;
    //! Extra bridge pins every this many days between waypoints (0: none). The short factor is
    //! pinned to the trend there too, which bounds how far it wanders between sparse anchors
    //! (about volAnnual * sqrt(pinIntervalDays / 4 / 365) at mid-interval) without changing
    //! the daily return volatility.
    int pinIntervalDays = 0;
    std::string parentIndexId;      //!< empty: own shocks only
    double parentCorrelation = 0.0; //!< correlation of the daily shocks with the parent's
};

//! A generated path: one value per calendar day from the spec's firstDate.
struct GpuPath
{
    Date firstDate{};
    std::vector<double> logPrice;
    std::vector<double> shocks; //!< the standard normal shocks of u, for child indices
};

//! Generates the path of `spec` to `lastDate`. The random stream is derived from (seed, index id)
//! alone, so adding an index never changes the others. `parent` must be the path of
//! spec.parentIndexId when that is set, starting on or before spec.firstDate.
GpuPath generateGpuPath(const GpuPathSpec& spec,
                        Date lastDate,
                        std::uint64_t seed,
                        const GpuPath* parent = nullptr);

//! An executed-trade index modelled as a base index times a mean-reverting basis:
//! log P(t) = log Base(t) + log(meanRatio) + b(t), with b an OU process on its own shocks (the
//! trade sample of the day), started at zero. No anchors: nothing public gives its level.
struct TransactionIndexSpec
{
    std::string indexId;
    std::string baseIndexId;
    Date firstDate{};
    double meanRatio = 1.0;
    double basisVolAnnual = 0.3;
    double basisHalfLifeDays = 5.0;
};

//! log prices of `spec` from its firstDate to the end of `base`.
std::vector<double>
generateTransactionIndex(const TransactionIndexSpec& spec, const GpuPath& base, std::uint64_t seed);

//! The calibrated specs of the reference dataset, parents before children (gpu_specs.cpp).
std::vector<GpuPathSpec> referenceGpuSpecs();
TransactionIndexSpec referenceTransactionSpec();

} // namespace ch::marketdata
