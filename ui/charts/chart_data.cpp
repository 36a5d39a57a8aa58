#include "ui/charts/chart_data.h"

#include "ui/format.h"

#include <cmath>

namespace ch::ui {

namespace {
constexpr double kSecondsPerDay = 86400.0;
}

double dateKey(Date d)
{
    return static_cast<double>(daysSinceEpoch(d)) * kSecondsPerDay;
}

double monthKey(Month m)
{
    return dateKey(firstDay(m));
}

QString formatReadout(ChartData::KeyKind kind, Unit unit, double key, double value)
{
    const Date day = dateFromKey(key);
    const QString when =
        kind == ChartData::KeyKind::Day ? format::date(day) : format::month(monthOf(day));
    return when + QStringLiteral(": ") + format::unitPrice(value, unit);
}

Date dateFromKey(double key)
{
    return dateFromDaysSinceEpoch(static_cast<long long>(std::floor(key / kSecondsPerDay)));
}

} // namespace ch::ui
