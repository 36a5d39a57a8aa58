#include "ui/format.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace ch::ui::format {

namespace {

QString currencyPrefix(Currency c)
{
    return QString::fromLatin1(currencyCode(c)) + QLatin1Char(' ');
}

// QLocale prints -0.0 as "-0"; a value that rounds to zero at the shown precision reads "0".
double withoutNegativeZero(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) == 0.0 ? 0.0 : value;
}

} // namespace

QLocale numberLocale()
{
    QLocale locale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(QLocale::DefaultNumberOptions); // group separators on
    return locale;
}

QString notAvailable()
{
    return QCoreApplication::translate("Format", "n/a");
}

QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return notAvailable();
    return numberLocale().toString(withoutNegativeZero(value, decimals), 'f', decimals);
}

QString signedNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return notAvailable();
    const double shown = withoutNegativeZero(value, decimals);
    const bool positive = std::round(shown * std::pow(10.0, decimals)) > 0.0;
    return (positive ? QStringLiteral("+") : QString()) + number(shown, decimals);
}

QString integer(std::int64_t value)
{
    return numberLocale().toString(static_cast<qlonglong>(value));
}

QString currency(double amount, Currency c)
{
    if (!std::isfinite(amount))
        return notAvailable();
    return currencyPrefix(c) + number(std::round(amount), 0);
}

QString money(const Money& amount)
{
    // Exact from the integer minor units: no double on the way (STYLE.md §3).
    const std::int64_t minor = amount.minorUnits();
    const bool negative = minor < 0;
    // Magnitude in unsigned arithmetic so INT64_MIN does not overflow.
    const std::uint64_t magnitude =
        negative ? 0u - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    const QString major = numberLocale().toString(static_cast<qulonglong>(magnitude / 100u));
    const QString cents = QStringLiteral("%1").arg(magnitude % 100u, 2, 10, QLatin1Char('0'));
    return currencyPrefix(amount.currency()) + (negative ? QStringLiteral("-") : QString()) + major
           + QLatin1Char('.') + cents;
}

QString currencyCompact(double amount, Currency c)
{
    if (!std::isfinite(amount))
        return notAvailable();
    struct Scale
    {
        double factor;
        const char* suffix;
    };
    static constexpr std::array<Scale, 3> kScales{{{1e9, "bn"}, {1e6, "m"}, {1e3, "k"}}};
    const double magnitude = std::fabs(amount);
    if (std::round(magnitude) < 1000.0)
        return currency(amount, c);
    for (const Scale& s : kScales) {
        // Pick the scale after rounding to one decimal, so 999,960 is "1.0m" and not "1,000.0k".
        const double rounded = std::round(magnitude / s.factor * 10.0) / 10.0;
        if (rounded >= 1.0) {
            const QString sign = amount < 0 ? QStringLiteral("-") : QString();
            return currencyPrefix(c) + sign + number(rounded, 1) + QLatin1String(s.suffix);
        }
    }
    return currency(amount, c);
}

int unitPriceDecimals(double usdPerUnit, Unit unit)
{
    if (unit == Unit::GpuHour || !std::isfinite(usdPerUnit) || usdPerUnit == 0.0)
        return 2;
    // Three significant digits: 15.00, 0.150, 0.0375.
    const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(usdPerUnit))));
    const int decimals = 2 - exponent;
    return decimals < 2 ? 2 : (decimals > 6 ? 6 : decimals);
}

QString unitPriceValue(double usdPerUnit, Unit unit)
{
    return number(usdPerUnit, unitPriceDecimals(usdPerUnit, unit));
}

QString unitPrice(double usdPerUnit, Unit unit)
{
    if (!std::isfinite(usdPerUnit))
        return notAvailable();
    return unitPriceValue(usdPerUnit, unit) + QStringLiteral(" USD/") + format::unitSymbol(unit);
}

QString unitPriceMicros(std::int64_t micros, Unit unit)
{
    // Fewest decimals (2 to 6) that show the integer micros exactly.
    int decimals = 6;
    std::int64_t step = 1;
    while (decimals > 2 && micros % (step * 10) == 0) {
        step *= 10;
        --decimals;
    }
    return number(static_cast<double>(micros) / 1e6, decimals) + QStringLiteral(" USD/")
           + format::unitSymbol(unit);
}

QString volume(double amount, Unit unit)
{
    if (!std::isfinite(amount))
        return notAvailable();
    const int decimals = unit == Unit::GpuHour ? 0 : 1;
    return number(amount, decimals) + QLatin1Char(' ') + format::unitSymbol(unit);
}

QString units(std::int64_t amount, Unit unit)
{
    return integer(amount) + QLatin1Char(' ') + format::unitSymbol(unit);
}

QString percent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return notAvailable();
    return number(fraction * 100.0, decimals) + QLatin1Char('%');
}

QString signedPercent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return notAvailable();
    return signedNumber(fraction * 100.0, decimals) + QLatin1Char('%');
}

QString correlation(double rho)
{
    return number(rho, 2);
}

QString date(Date d)
{
    return QString::fromStdString(formatIsoDate(d));
}

QString month(Month m)
{
    return QString::fromStdString(formatIsoMonth(m));
}

QString unitSymbol(Unit unit)
{
    return QString::fromLatin1(ch::unitSymbol(unit));
}

QString unitPriceLabel(Unit unit)
{
    switch (unit) {
    case Unit::GpuHour:
        return QCoreApplication::translate("Format", "USD per GPU-hour");
    case Unit::MTok:
        return QCoreApplication::translate("Format", "USD per 1M tokens");
    }
    return QString::fromLatin1(ch::unitPriceLabel(unit));
}

} // namespace ch::ui::format
