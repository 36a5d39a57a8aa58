#include "marketdata/series_statistics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ch::marketdata {

bool isWeekday(Date d)
{
    const std::chrono::weekday wd{std::chrono::sys_days{d}};
    return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

ReturnStatistics computeReturnStatistics(const PriceSeries& series, Date from, Date to)
{
    std::vector<double> prices;
    for (const auto& p : series.points) {
        if (p.date >= from && p.date <= to && isWeekday(p.date))
            prices.push_back(p.usd);
    }
    ReturnStatistics s;
    s.observations = prices.size();
    if (prices.size() < 2)
        return s;
    // Welford's running mean and variance, numerically stable for small daily returns.
    double mean = 0.0;
    double m2 = 0.0;
    double peak = prices.front();
    double trough = prices.front();
    for (std::size_t k = 1; k < prices.size(); ++k) {
        const double r = std::log(prices[k] / prices[k - 1]);
        const double delta = r - mean;
        mean += delta / static_cast<double>(k);
        m2 += delta * (r - mean);
        peak = std::max(peak, prices[k]);
        trough = std::min(trough, prices[k]);
        s.maxDrawdown = std::min(s.maxDrawdown, prices[k] / peak - 1.0);
        s.maxRunUp = std::max(s.maxRunUp, prices[k] / trough - 1.0);
    }
    const auto n = static_cast<double>(prices.size() - 1);
    s.annualVol = n > 1.0 ? std::sqrt(m2 / (n - 1.0) * 252.0) : 0.0;
    return s;
}

} // namespace ch::marketdata
