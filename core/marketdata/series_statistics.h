#pragma once

#include "domain/dates.h"
#include "domain/market.h"

#include <cstddef>

namespace ch::marketdata {

//! Realised statistics of one daily series over a window, the way the reference dataset is
//! calibrated (shared/reference/market.md §2.1, "Volatility: the numbers to calibrate to"):
//! observations are the series' weekday values (Monday-Friday; marketdata has no holiday
//! calendar, the CME one lives in pricing), returns are ln(P_k / P_{k-1}) between consecutive
//! weekday observations, and volatility is their sample standard deviation times sqrt(252).
//! Drawdown and run-up use the same weekday observations.
struct ReturnStatistics
{
    std::size_t observations = 0; //!< weekday prices in the window
    double annualVol = 0.0;       //!< e.g. 0.262 for 26.2 %
    double maxDrawdown = 0.0;     //!< min over t of P_t / max(P_s, s <= t) - 1, e.g. -0.453
    double maxRunUp = 0.0;        //!< max over t of P_t / min(P_s, s <= t) - 1, e.g. 0.505
};

//! Statistics of `series` on [from, to]; all zero with fewer than two observations.
ReturnStatistics computeReturnStatistics(const PriceSeries& series, Date from, Date to);

//! True for Monday to Friday.
bool isWeekday(Date d);

} // namespace ch::marketdata
