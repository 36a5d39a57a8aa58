// `computehedge-cli price option`: Black-76 premium and greeks of an option on a futures price
// (pricing::black76), optionally on a monthly-average settlement (pricing::averageSettlementVol),
// for checking the Hedge page's option premiums by hand (docs/cli.md, "price"). Needs no workspace.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "pricing/black76.h"
#include "text_table.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace ch::cli {

namespace {

// Fixings per month of an averaged option: about 21 US business days (252 a year / 12).
constexpr int kFixingsPerMonth = 21;

//! A finite number within [lo, hi] (open at lo when `openLo`); the message names the option and
//! what is expected.
double numberOption(const Arguments& args,
                    std::string_view option,
                    double lo,
                    bool openLo,
                    double fallback,
                    const char* expected)
{
    const auto text = args.value(option);
    if (!text)
        return fallback;
    double v = 0.0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (text->empty() || ec != std::errc() || ptr != end || !std::isfinite(v) || v < lo
        || (openLo && v == lo))
        throw UserError(std::string(option) + ": \"" + *text + "\" is not " + expected);
    return v;
}

pricing::OptionType typeOption(const Arguments& args)
{
    const std::string t = *args.value("--type");
    if (t == "call")
        return pricing::OptionType::Call;
    if (t == "put")
        return pricing::OptionType::Put;
    throw UserError("--type: \"" + t + "\" is not an option type; expected call or put");
}

//! Daily fixings over the last `months` months before expiry, equally spaced, the last at expiry;
//! fixings before today (t <= 0) are already known and carry no variance.
std::vector<double> fixingYears(double expiryYears, int months)
{
    const int n = kFixingsPerMonth * months;
    const double window = months / 12.0;
    std::vector<double> t;
    t.reserve(static_cast<std::size_t>(n));
    for (int i = 1; i <= n; ++i)
        t.push_back(expiryYears - window + window * i / n);
    return t;
}

int priceOption(Context& ctx, const Arguments& args)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    pricing::Black76Inputs in;
    in.type = typeOption(args);
    in.forward =
        numberOption(args, "--forward", 0.0, true, 0.0, "a price greater than 0 (USD per unit)");
    in.strike =
        numberOption(args, "--strike", 0.0, true, 0.0, "a price greater than 0 (USD per unit)");
    const double vol = numberOption(
        args, "--vol", 0.0, false, 0.0, "a volatility of 0 or more (0.45 = 45% a year)");
    in.yearsToExpiry =
        numberOption(args, "--expiry-years", 0.0, false, 0.0, "a time of 0 years or more");
    in.rate = numberOption(
        args, "--rate", -kInf, false, 0.0, "a rate (continuously compounded, 0.04 = 4% a year)");
    const std::optional<int> months = positiveIntValue(args, "--average-months");
    if (months && *months > 120)
        throw UserError("--average-months: \"" + std::to_string(*months)
                        + "\" is more than 120 months");
    std::size_t fixings = 0;
    in.volAnnual = vol;
    if (months) {
        const std::vector<double> t = fixingYears(in.yearsToExpiry, *months);
        fixings = t.size();
        in.volAnnual = pricing::averageSettlementVol(vol, t, in.yearsToExpiry);
    }
    const pricing::Black76Result r = pricing::black76(in);
    const char* type = in.type == pricing::OptionType::Call ? "call" : "put";
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"type", type},
                                  {"forward", in.forward},
                                  {"strike", in.strike},
                                  {"vol_annual", vol},
                                  {"effective_vol_annual", in.volAnnual},
                                  {"expiry_years", in.yearsToExpiry},
                                  {"rate", in.rate},
                                  {"average_months", months ? QJsonValue(*months) : QJsonValue()},
                                  {"fixings", jsonCount(fixings)},
                                  {"price", r.price},
                                  {"delta", r.delta},
                                  {"gamma", r.gamma},
                                  {"vega", r.vega},
                                  {"theta", r.theta}});
        return 0;
    }
    ctx.out() << renderFields(
        {{"Option", std::string(type) + ", Black-76 on a futures price"},
         {"Forward / strike", formatPrice(in.forward) + " / " + formatPrice(in.strike)},
         {"Volatility",
          formatPercent(vol, 2)
              + (months ? ", averaged over " + std::to_string(*months) + " months ("
                              + formatCount(fixings) + " fixings): effective "
                              + formatPercent(in.volAnnual, 2)
                        : std::string())},
         {"Expiry", formatNumber(in.yearsToExpiry, 4) + " years"},
         {"Rate", formatPercent(in.rate, 2)},
         {"Price", formatPrice(r.price) + " per unit"},
         {"Delta", formatNumber(r.delta, 4)},
         {"Gamma", formatNumber(r.gamma, 4)},
         {"Vega", formatNumber(r.vega, 4) + " per 1.00 of vol"},
         {"Theta", formatNumber(r.theta, 4) + " per year"}});
    return 0;
}

CH_CLI_GROUP({.name = "price", .summary = "option pricing calculator (Black-76)"});

CH_CLI_COMMAND(
    {.group = "price",
     .name = "option",
     .summary = "Black-76 premium and greeks of a call or put on a futures price",
     .options = {{"--forward", "F", "futures price, USD per unit", true},
                 {"--strike", "K", "strike, USD per unit", true},
                 {"--vol", "V", "annual volatility (0.45 = 45%)", true},
                 {"--expiry-years", "T", "time to expiry in years", true},
                 {"--rate", "R", "discount rate, continuously compounded (default 0)"},
                 {"--type", "call|put", "option type", true},
                 {"--average-months",
                  "M",
                  "settle on the average of the last M months (21 daily fixings a month)"}},
     .description =
         "Black (1976): call = e^-rT (F N(d1) - K N(d2)), put = e^-rT (K N(-d2) - F N(-d1)), "
         "with greeks after Haug (2007). With --average-months the volatility is reduced for an "
         "average settlement by Turnbull-Wakeman moment matching "
         "(pricing::averageSettlementVol), as the Hedge page prices options on monthly-average "
         "contracts. JSON: {type, forward, strike, vol_annual, effective_vol_annual, "
         "expiry_years, rate, average_months, fixings, price, delta, gamma, vega, theta}.",
     .examples = {"computehedge-cli price option --forward 2.5 --strike 2.75 --vol 0.6 "
                  "--expiry-years 0.5 --rate 0.04 --type call --json",
                  "computehedge-cli price option --forward 2.5 --strike 2.75 --vol 0.6 "
                  "--expiry-years 0.25 --type call --average-months 1"},
     .run = &priceOption});

} // namespace

} // namespace ch::cli
