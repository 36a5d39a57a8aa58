// `computehedge-cli limits show|set`: the trading desk's pre-trade limits and the two-approver
// threshold (table trading_limits, storage::TradingRepository::limits/setLimits). Only an admin
// may change them; core refuses anyone else, and every change is audited (limits.update).

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "storage/trading_repository.h"
#include "text_table.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace ch::cli {
namespace {

//! A whole number from `min` up, or UserError naming the option.
std::optional<std::int64_t>
wholeArgument(const Arguments& args, const std::string& option, std::int64_t min)
{
    const auto text = args.value(option);
    if (!text)
        return std::nullopt;
    std::int64_t v = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end || v < min)
        throw UserError(option + ": \"" + *text + "\" is not a whole number of "
                        + std::to_string(min) + " or more");
    return v;
}

//! "5000000" or "5000000.50" USD to Money, exactly (at most two decimals, above zero).
std::optional<Money> usdArgument(const Arguments& args, const std::string& option)
{
    const auto text = args.value(option);
    if (!text)
        return std::nullopt;
    const auto dot = text->find('.');
    const std::string whole = text->substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : text->substr(dot + 1);
    std::int64_t w = 0;
    std::int64_t f = 0;
    bool ok = !whole.empty() && frac.size() <= 2 && (dot == std::string::npos || !frac.empty());
    if (ok) {
        const auto r = std::from_chars(whole.data(), whole.data() + whole.size(), w);
        ok = r.ec == std::errc() && r.ptr == whole.data() + whole.size() && w >= 0
             && w < std::numeric_limits<std::int64_t>::max() / 100 - 1;
    }
    if (ok && !frac.empty()) {
        const auto r = std::from_chars(frac.data(), frac.data() + frac.size(), f);
        ok = r.ec == std::errc() && r.ptr == frac.data() + frac.size() && f >= 0;
        if (frac.size() == 1)
            f *= 10;
    }
    if (!ok || (w == 0 && f == 0))
        throw UserError(option + ": \"" + *text
                        + "\" is not an amount; expected USD above zero such as 5000000 or "
                          "250000.50");
    return Money(Currency::Usd, w * 100 + f);
}

std::optional<double> fractionArgument(const Arguments& args, const std::string& option)
{
    const auto text = args.value(option);
    if (!text)
        return std::nullopt;
    double v = 0.0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v) || v <= 0.0 || v > 1.0)
        throw UserError(option + ": \"" + *text
                        + "\" is not a fraction above 0 and at most 1 (0.10 = ±10%)");
    return v;
}

std::string usdText(const Money& m)
{
    return moneyText(m) + " USD";
}

int printLimits(Context& ctx, const storage::DeskLimits& d)
{
    const trading::TradingLimits& l = d.limits;
    if (ctx.json()) {
        ctx.printJson(QJsonObject{
            {"max_contracts_per_month", static_cast<qint64>(l.maxContractsPerMonth)},
            {"max_contracts_per_contract", static_cast<qint64>(l.maxContractsPerContract)},
            {"max_order_notional_cents", static_cast<qint64>(l.maxOrderNotional.minorUnits())},
            {"collar_fraction", l.collarFraction},
            {"duplicate_window_seconds", static_cast<qint64>(l.duplicateWindow.count())},
            {"two_approver_threshold_cents",
             static_cast<qint64>(d.approval.twoApproverThreshold.minorUnits())},
            {"updated_by", qstr(d.updatedBy)},
            {"updated_at", qstr(formatIsoTimestamp(d.updatedAt))}});
        return 0;
    }
    ctx.out() << renderFields(
        {{"Max contracts per month", formatCount(static_cast<std::size_t>(l.maxContractsPerMonth))},
         {"Max contracts per contract (all months)",
          formatCount(static_cast<std::size_t>(l.maxContractsPerContract))},
         {"Max order notional", usdText(l.maxOrderNotional)},
         {"Price collar", "±" + formatPercent(l.collarFraction, 1) + " of the reference price"},
         {"Duplicate window", std::to_string(l.duplicateWindow.count()) + " s"},
         {"Two approvers above", usdText(d.approval.twoApproverThreshold)},
         {"Last changed", d.updatedBy + " at " + formatIsoTimestamp(d.updatedAt)}});
    return 0;
}

int showLimits(Context& ctx, const Arguments&)
{
    return printLimits(ctx, storage::TradingRepository(ctx.workspace()).limits());
}

int setLimits(Context& ctx, const Arguments& args)
{
    // Every value is read before logging in, so a typo costs no scrypt check and no audit entry.
    const auto perMonth = wholeArgument(args, "--max-per-month", 1);
    const auto perContract = wholeArgument(args, "--max-per-contract", 1);
    const auto notional = usdArgument(args, "--max-order-notional");
    const auto collar = fractionArgument(args, "--collar");
    const auto window = wholeArgument(args, "--duplicate-window-seconds", 0);
    const auto threshold = usdArgument(args, "--two-approver-threshold");
    if (!perMonth && !perContract && !notional && !collar && !window && !threshold)
        throw UserError("nothing to change; give at least one limit option (see `limits set "
                        "--help`)");
    const trading::User actor = authenticate(ctx, args);
    storage::TradingRepository repo(ctx.workspace());
    storage::DeskLimits d = repo.limits();
    if (perMonth)
        d.limits.maxContractsPerMonth = *perMonth;
    if (perContract)
        d.limits.maxContractsPerContract = *perContract;
    if (notional)
        d.limits.maxOrderNotional = *notional;
    if (collar)
        d.limits.collarFraction = *collar;
    if (window)
        d.limits.duplicateWindow = std::chrono::seconds{*window};
    if (threshold)
        d.approval.twoApproverThreshold = *threshold;
    repo.setLimits(d.limits, d.approval, actor, deskNow());
    return printLimits(ctx, repo.limits());
}

CH_CLI_GROUP({.name = "limits",
              .summary = "the trading desk's pre-trade limits and approval threshold",
              .defaultCommand = "show"});
CH_CLI_COMMAND(
    {.group = "limits",
     .name = "show",
     .summary = "the limits every order is checked against",
     .description = "Contracts per delivery month (|net position| after the trade), per contract "
                    "over all its months (Σ|net|), the order notional, the price collar around "
                    "the reference price, the duplicate-order window and the notional above which "
                    "an order needs two approvers. JSON: max_contracts_per_month, "
                    "max_contracts_per_contract, max_order_notional_cents, collar_fraction, "
                    "duplicate_window_seconds, two_approver_threshold_cents, updated_by, "
                    "updated_at.",
     .run = &showLimits});
CH_CLI_COMMAND(
    {.group = "limits",
     .name = "set",
     .summary = "change limits (admin only; audited)",
     .options = {{"--max-per-month", "N", "contracts per delivery month"},
                 {"--max-per-contract", "N", "contracts per contract over all months"},
                 {"--max-order-notional", "USD", "notional of one order, e.g. 5000000"},
                 {"--collar", "FRACTION", "limit price within ± this of the reference (0.10)"},
                 {"--duplicate-window-seconds", "S", "look-back of the duplicate check (0: off)"},
                 {"--two-approver-threshold", "USD", "orders above it need two approvers"},
                 {"--user", "LOGIN", "the administrator making the change", true},
                 {"--password", "PASSWORD", "the administrator's password; default: CH_PASSWORD"}},
     .description = "Options not given keep their value. Only an admin may change limits; the "
                    "change is one audit entry (limits.update) with the values before and after. "
                    "Prints the limits as stored (JSON: as `limits show`).",
     .examples = {"computehedge-cli --workspace demo.chw limits set --max-per-month 2000 --user "
                  "admin"},
     .run = &refusalsAreUserErrors<&setLimits>});

} // namespace
} // namespace ch::cli
