#include "trading/pnl_series.h"

#include "trading/positions.h"

#include <algorithm>
#include <map>
#include <set>

namespace ch::trading {

namespace {

std::string keyOf(const std::string& symbol, Month m)
{
    return symbol + " " + formatIsoMonth(m);
}

long long dayOf(Timestamp t)
{
    return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

} // namespace

std::vector<PnlPoint> buildPnlSeries(const std::vector<Fill>& fills,
                                     const std::vector<Mark>& marks,
                                     const std::vector<SettlementEvent>& settlements)
{
    std::vector<Fill> fs = fills;
    std::stable_sort(
        fs.begin(), fs.end(), [](const Fill& a, const Fill& b) { return a.at < b.at; });
    std::vector<Mark> ms = marks;
    std::stable_sort(ms.begin(), ms.end(), [](const Mark& a, const Mark& b) {
        return daysSinceEpoch(a.date) < daysSinceEpoch(b.date);
    });
    std::vector<SettlementEvent> ss = settlements;
    std::stable_sort(ss.begin(), ss.end(), [](const SettlementEvent& a, const SettlementEvent& b) {
        return daysSinceEpoch(a.date) < daysSinceEpoch(b.date);
    });
    std::set<long long> dates;
    for (const Mark& m : ms)
        dates.insert(daysSinceEpoch(m.date));
    for (const SettlementEvent& s : ss)
        dates.insert(daysSinceEpoch(s.date));

    std::map<std::string, Position> book;
    std::map<std::string, std::int64_t> lastMark;
    std::size_t fi = 0;
    std::size_t mi = 0;
    std::size_t si = 0;
    std::vector<PnlPoint> out;
    for (long long d : dates) {
        // Book events up to d in time order; on the same day fills come before settlement.
        while (true) {
            const bool fillDue = fi < fs.size() && dayOf(fs[fi].at) <= d;
            const bool settleDue = si < ss.size() && daysSinceEpoch(ss[si].date) <= d;
            if (!fillDue && !settleDue)
                break;
            if (fillDue && (!settleDue || dayOf(fs[fi].at) <= daysSinceEpoch(ss[si].date))) {
                const Fill& f = fs[fi++];
                const std::string k = keyOf(f.symbol, f.deliveryMonth);
                auto it = book.find(k);
                if (it == book.end())
                    it = book.emplace(k,
                                      Position::flat(f.symbol, f.deliveryMonth, f.unitsPerContract))
                             .first;
                it->second = applyFill(it->second, f).position;
            } else {
                const SettlementEvent& s = ss[si++];
                auto it = book.find(keyOf(s.symbol, s.deliveryMonth));
                if (it != book.end()) // nothing to settle for a month never traded
                    it->second =
                        cashSettle(it->second, s.finalPriceMicros, s.feeCentsPerContract).position;
            }
        }
        for (; mi < ms.size() && daysSinceEpoch(ms[mi].date) <= d; ++mi)
            lastMark[keyOf(ms[mi].symbol, ms[mi].deliveryMonth)] = ms[mi].priceMicros;
        PnlPoint pt;
        pt.date = dateFromDaysSinceEpoch(d);
        for (const auto& [k, p] : book) {
            pt.realised += p.realisedPnl;
            pt.fees += p.fees;
            if (p.netQty == 0)
                continue;
            const auto mark = lastMark.find(k);
            if (mark == lastMark.end())
                ++pt.unmarkedPositions;
            else
                pt.unrealised += unrealisedPnl(p, mark->second);
        }
        out.push_back(pt);
    }
    return out;
}

} // namespace ch::trading
