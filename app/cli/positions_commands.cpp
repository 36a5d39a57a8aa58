// `computehedge-cli positions list|settle` and `pnl series|mark`: the book as core computes it from
// the stored fills, marks and cash settlements (trading/positions.h, pnl_series.h,
// storage/trading_settlement.h).

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "market_lookup.h"
#include "storage/trading_repository.h"
#include "storage/trading_settlement.h"
#include "text_table.h"

#include <chrono>

namespace ch::cli {
namespace {

using namespace trading;

Date todayUtc()
{
    return Date{std::chrono::floor<std::chrono::days>(deskNow())};
}

std::string priceText(std::int64_t micros)
{
    return formatPriceMicros(micros);
}

int listPositions(Context& ctx, const Arguments&)
{
    storage::TradingRepository repo(ctx.workspace());
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const auto marks = repo.marks();
    const Date today = todayUtc();
    const auto positions = repo.positions();
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& p : positions)
            list.append(jsonPosition(p, market.currentMark(p, marks, today)));
        QJsonObject o{{"positions", list}};
        addDatasetLabel(o, market.data().info);
        ctx.printJson(o);
        return 0;
    }
    TextTable t({{"Contract"},
                 {"Month"},
                 {"Net qty", Align::Right},
                 {"Avg price (USD/unit)", Align::Right},
                 {"Mark (USD/unit)", Align::Right},
                 {"Mark date"},
                 {"Unrealised (USD)", Align::Right},
                 {"Realised (USD)", Align::Right},
                 {"Fees (USD)", Align::Right},
                 {"Status"}});
    for (const auto& p : positions) {
        const auto mark = market.currentMark(p, marks, today);
        t.addRow({p.symbol,
                  formatIsoMonth(p.deliveryMonth),
                  std::to_string(p.netQty),
                  p.netQty == 0 ? "" : priceText(p.averagePriceMicros()),
                  mark ? priceText(mark->priceMicros) : "n/a",
                  mark ? formatIsoDate(mark->date) : "",
                  mark ? moneyText(unrealisedPnl(p, mark->priceMicros)) : "n/a",
                  moneyText(p.realisedPnl),
                  moneyText(p.fees),
                  p.settled ? "settled" : ""});
    }
    ctx.out() << t.render() << datasetFooter(market.data().info) << "\n";
    return 0;
}

int pnlSeries(Context& ctx, const Arguments&)
{
    storage::TradingRepository repo(ctx.workspace());
    const auto points =
        buildPnlSeries(repo.fills(), repo.marks(), storage::settlementEvents(ctx.workspace()));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& p : points)
            list.append(jsonPnlPoint(p));
        ctx.printJson(QJsonObject{{"points", list}});
        return 0;
    }
    TextTable t({{"Date"},
                 {"Realised (USD)", Align::Right},
                 {"Unrealised (USD)", Align::Right},
                 {"Fees (USD)", Align::Right},
                 {"Total (USD)", Align::Right},
                 {"Unmarked", Align::Right}});
    for (const auto& p : points)
        t.addRow({formatIsoDate(p.date),
                  moneyText(p.realised),
                  moneyText(p.unrealised),
                  moneyText(p.fees),
                  moneyText(p.total()),
                  std::to_string(p.unmarkedPositions)});
    ctx.out() << t.render();
    return 0;
}

qint64 centsOf(const Money& m)
{
    return static_cast<qint64>(m.minorUnits());
}

int settlePositions(Context& ctx, const Arguments& args)
{
    const User actor = authenticate(ctx, args);
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const Date asOf = dateValue(args, "--as-of").value_or(todayUtc());
    const storage::SettlementRun run =
        storage::settleExpiredPositions(ctx.workspace(), market.data(), asOf, actor, deskNow());
    if (ctx.json()) {
        QJsonArray settled;
        for (const auto& s : run.settled)
            settled.append(
                QJsonObject{{"symbol", qstr(s.symbol)},
                            {"delivery_month", jsonMonth(s.deliveryMonth)},
                            {"last_trading_day", jsonDate(s.lastTradingDay)},
                            {"index", qstr(s.indexId)},
                            {"fixings", jsonCount(s.fixings)},
                            {"final_price_micros", static_cast<qint64>(s.finalPriceMicros)},
                            {"settled_qty", static_cast<qint64>(s.settledQty)},
                            {"realised_cents", centsOf(s.realised)},
                            {"fee_cents", centsOf(s.fee)}});
        QJsonObject o{{"as_of", jsonDate(asOf)},
                      {"settled", settled},
                      {"not_settled", jsonStrings(run.notSettled)}};
        addDatasetLabel(o, market.data().info);
        ctx.printJson(o);
        return 0;
    }
    if (run.settled.empty())
        ctx.out() << "Nothing settled as of " << formatIsoDate(asOf) << "\n";
    else
        ctx.out() << "Settled " << run.settled.size()
                  << (run.settled.size() == 1 ? " position" : " positions") << " as of "
                  << formatIsoDate(asOf) << ":\n";
    for (const auto& s : run.settled)
        ctx.out() << "  " << s.symbol << " " << formatIsoMonth(s.deliveryMonth) << " "
                  << s.settledQty << " contracts at " << priceText(s.finalPriceMicros)
                  << " (average of " << s.fixings << " fixings of " << s.indexId
                  << "), realised USD " << moneyText(s.realised) << ", fee USD " << moneyText(s.fee)
                  << "\n";
    for (const auto& line : run.notSettled)
        ctx.out() << "  " << line << "\n";
    ctx.out() << datasetFooter(market.data().info) << "\n";
    return 0;
}

int markBook(Context& ctx, const Arguments& args)
{
    const User actor = authenticate(ctx, args);
    storage::TradingRepository repo(ctx.workspace());
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const Date date = dateValue(args, "--date").value_or(todayUtc());
    const auto marks = market.marksFor(repo.positions(), date);
    const std::string source =
        "reference forward curves as of " + formatIsoDate(market.valuationDate());
    repo.recordMarks(marks, source, actor.login, deskNow());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"date", jsonDate(date)},
                                  {"marks", jsonCount(marks.size())},
                                  {"source", qstr(source)}});
        return 0;
    }
    ctx.out() << "Recorded " << marks.size() << " marks dated " << formatIsoDate(date) << " ("
              << source << ")\n";
    return 0;
}

CH_CLI_GROUP({.name = "positions",
              .summary = "net positions per contract month (default command: list)",
              .defaultCommand = "list"});
CH_CLI_COMMAND(
    {.group = "positions",
     .name = "list",
     .summary = "positions with average price, mark, unrealised and realised P&L",
     .description = "Positions are the running sum of the stored fills (average-cost method). "
                    "The mark is the newest stored mark up to today, else the reference forward "
                    "price as of the dataset's valuation date (a reference dataset, not live "
                    "quotes). JSON: `positions` with exact integers (`*_micros` USD per unit, "
                    "`*_cents` USD) and the dataset label.",
     .run = &listPositions});
CH_CLI_COMMAND(
    {.group = "positions",
     .name = "settle",
     .summary = "cash-settle open positions whose contract month has expired",
     .options = {{"--user", "LOGIN", "who is acting (needs release_order)", true},
                 {"--password", "PASSWORD", "default: CH_PASSWORD"},
                 {"--as-of",
                  "YYYY-MM-DD",
                  "settle months whose last trading day is before this "
                  "date (default today, UTC)"}},
     .description =
         "Closes every open, unsettled position whose last trading day (the month's last US "
         "business day) is before --as-of at the final settlement price: the arithmetic mean of "
         "the contract's underlying index over the month's business days, from the workspace's "
         "reference dataset (not live quotes). The contract's fee per side is charged per open "
         "contract. A month with a business day without a fixing is not settled and is listed "
         "(\"CHG.H100 2026-09: no fixing of GPU.H100.NC on 2026-09-14; not settled\"); the exit "
         "code stays 0. One transaction, audited as position.settle; a settled position is never "
         "settled again. JSON: `settled` (final_price_micros, settled_qty, realised_cents, "
         "fee_cents, ...) and `not_settled` (the lines above).",
     .examples = {"computehedge-cli --workspace desk.chw positions settle --as-of 2026-10-15 "
                  "--user trader"},
     .run = &refusalsAreUserErrors<&settlePositions>});
CH_CLI_GROUP({.name = "pnl",
              .summary = "profit and loss of the hedge book (default command: series)",
              .defaultCommand = "series"});
CH_CLI_COMMAND({.group = "pnl",
                .name = "series",
                .summary = "realised, unrealised and fees per mark date",
                .description = "trading::buildPnlSeries over the stored fills, marks and cash "
                               "settlements: one point per mark or settlement date (a settlement "
                               "on its last trading day); total = realised + unrealised - fees.",
                .run = &pnlSeries});
CH_CLI_COMMAND({.group = "pnl",
                .name = "mark",
                .summary = "store marks for every open position at the reference curve",
                .options = {{"--user", "LOGIN", "who is acting", true},
                            {"--password", "PASSWORD", "default: CH_PASSWORD"},
                            {"--date", "YYYY-MM-DD", "date of the marks (default today, UTC)"}},
                .run = &refusalsAreUserErrors<&markBook>});

} // namespace
} // namespace ch::cli
