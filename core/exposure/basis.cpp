#include "exposure/basis.h"

#include "domain/plan_text.h"
#include "pricing/statistics.h"

#include <cmath>
#include <map>

namespace ch::exposure {

namespace {

const PriceSeries* findSeries(const std::vector<PriceSeries>& history, std::string_view id)
{
    for (const auto& s : history)
        if (s.indexId == id)
            return &s;
    return nullptr;
}

} // namespace

std::optional<double> indexMonthlyAverage(const PriceSeries& series, Month m)
{
    const auto prices = pricing::businessDayPrices(series, firstDay(m), lastDay(m));
    if (prices.empty())
        return std::nullopt;
    double sum = 0.0;
    for (const auto& p : prices)
        sum += p.usd;
    return sum / static_cast<double>(prices.size());
}

std::vector<BillComparison> compareBills(const std::vector<ActualBill>& bills,
                                         const std::vector<PriceSeries>& history)
{
    std::vector<BillComparison> out;
    for (std::size_t i = 0; i < bills.size(); ++i) {
        const ActualBill& b = bills[i];
        BillComparison c{i, b.resource().defaultIndexId(), b.paidUsdPerUnit(), {}, {}};
        if (const PriceSeries* s = findSeries(history, c.indexId))
            c.indexAverageUsd = indexMonthlyAverage(*s, b.month());
        if (c.indexAverageUsd && *c.indexAverageUsd > 0.0)
            c.ratio = c.paidUsdPerUnit / *c.indexAverageUsd;
        out.push_back(std::move(c));
    }
    return out;
}

const BasisEstimate* BasisReport::find(std::string_view lineId) const
{
    for (const auto& b : lines)
        if (b.lineId == lineId)
            return &b;
    return nullptr;
}

BasisReport measureBasis(const Plan& plan,
                         const std::vector<ActualBill>& bills,
                         const std::vector<PriceSeries>& history)
{
    BasisReport report;
    for (const auto& line : plan.lines()) {
        BasisEstimate est{line.id(), line.resource(), line.indexId(), {}, 1.0, 0.0};
        // Pool every provider's bills per month: the line pays the volume-weighted price.
        std::map<Month, std::pair<double, double>> byMonth; // month -> (quantity, USD)
        for (const auto& b : bills) {
            if (b.resource() != line.resource())
                continue;
            auto& [quantity, usd] = byMonth[b.month()];
            quantity += b.quantity().amount();
            usd += b.amount().toAmount();
        }
        const PriceSeries* series = findSeries(history, line.indexId());
        for (const auto& [month, totals] : byMonth) {
            const auto average = series ? indexMonthlyAverage(*series, month) : std::nullopt;
            if (!average || *average <= 0.0) {
                report.warnings.push_back(
                    Issue{"actuals",
                          0,
                          "",
                          Severity::Warning,
                          line.name() + ": no " + line.indexId() + " index prices in "
                              + formatIsoMonth(month)
                              + "; the month's bills are left out of the line's basis"});
                continue;
            }
            const double paidPerUnit = totals.second / totals.first;
            est.observations.push_back(BasisObservation{
                month, totals.first, totals.second, paidPerUnit, *average, paidPerUnit / *average});
        }
        const auto n = static_cast<double>(est.observations.size());
        if (n > 0) {
            double sum = 0.0;
            for (const auto& o : est.observations)
                sum += o.ratio;
            est.mean = sum / n;
            double squares = 0.0;
            for (const auto& o : est.observations)
                squares += (o.ratio - est.mean) * (o.ratio - est.mean);
            est.stdDev = n > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
        }
        report.lines.push_back(std::move(est));
    }
    return report;
}

} // namespace ch::exposure
