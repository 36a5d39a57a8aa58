#pragma once

#include "domain/dates.h"
#include "domain/units.h"

#include <QString>
#include <QVector>

#include <vector>

namespace ch::ui {

//! One line on a chart: keys are dates as seconds since 1970-01-01 00:00 UTC (the keys
//! QCPAxisTickerDateTime expects), values are prices in USD per unit.
struct ChartSeries
{
    enum class Style {
        Line,  //!< straight segments between observations
        Step,  //!< a level that holds until the next observation (list prices)
        Dashed //!< a reference level (e.g. spot) drawn dashed
    };
    QString name;
    QVector<double> keys;
    QVector<double> values;
    Style style = Style::Line;

    friend bool operator==(const ChartSeries&, const ChartSeries&) = default;
};

//! Everything a chart widget draws, built by a pure, tested function from core results; the widget
//! itself only draws (STYLE.md §5). Keys are days or months; the read-out formats them accordingly.
struct ChartData
{
    enum class KeyKind {
        Day,  //!< daily observations: keys at midnight UTC, labelled "2026-10-30"
        Month //!< delivery months: keys at the first day of the month, labelled "2026-10"
    };
    QString title;
    QString xLabel;
    QString yLabel;
    KeyKind keyKind = KeyKind::Day;
    Unit unit = Unit::GpuHour; //!< unit of the values, for the hover read-out
    std::vector<ChartSeries> series;

    bool empty() const { return series.empty(); }
    //! A legend is shown only when it distinguishes several series.
    bool needsLegend() const { return series.size() > 1; }
};

//! The hover read-out for a point: "2026-10-30: 2.81 USD/GPU-h" (days) or "2026-11: 2.75
//! USD/GPU-h" (months).
QString formatReadout(ChartData::KeyKind kind, Unit unit, double key, double value);

//! Seconds since 1970-01-01 00:00 UTC of the start of `d`.
double dateKey(Date d);
//! The key of the first day of `m`.
double monthKey(Month m);
//! The day a key falls on (UTC).
Date dateFromKey(double key);

} // namespace ch::ui
