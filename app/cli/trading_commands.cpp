// `computehedge-cli order ...`: the order lifecycle with maker-checker approval and pre-trade
// checks (storage::TradingRepository over core/trading), and release to the paper broker
// (PaperSession). Every command acts as --user and is audited.

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "paper_session.h"
#include "storage/hedge_repository.h"
#include "storage/proposal_orders.h"
#include "storage/trading_repository.h"
#include "text_table.h"

#include <charconv>

namespace ch::cli {
namespace {

using namespace trading;

std::vector<Option> withAuth(std::vector<Option> options)
{
    auto auth = authOptions();
    options.insert(options.begin(), auth.begin(), auth.end());
    return options;
}

//! "2.35" USD per unit to micros, exactly (at most six decimals).
std::int64_t priceArgument(const std::string& option, const std::string& text)
{
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
    std::int64_t w = 0;
    std::int64_t f = 0;
    bool ok = !whole.empty() && frac.size() <= 6;
    if (ok) {
        auto r = std::from_chars(whole.data(), whole.data() + whole.size(), w);
        ok = r.ec == std::errc() && r.ptr == whole.data() + whole.size();
    }
    if (ok && !frac.empty()) {
        auto r = std::from_chars(frac.data(), frac.data() + frac.size(), f);
        ok = r.ec == std::errc() && r.ptr == frac.data() + frac.size();
        for (std::size_t i = frac.size(); i < 6; ++i)
            f *= 10;
    }
    if (!ok || w < 0 || (w == 0 && f == 0))
        throw UserError(option + ": \"" + text
                        + "\" is not a price; expected USD per unit such as 2.35 (up to six "
                          "decimals, above zero)");
    return w * 1'000'000 + f;
}

template <class Parse>
auto codeArgument(const Arguments& args,
                  const std::string& option,
                  const std::string& expected,
                  Parse parse)
{
    const std::string text = *args.value(option);
    const auto v = parse(text);
    if (!v)
        throw UserError(option + ": \"" + text + "\" is not valid; expected " + expected);
    return *v;
}

OrderRequest requestFrom(const Arguments& args)
{
    OrderRequest r;
    r.symbol = *args.value("--contract");
    const std::string month = *args.value("--month");
    const auto m = parseIsoMonth(month);
    if (!m)
        throw UserError("--month: \"" + month + "\" is not a month; expected YYYY-MM");
    r.deliveryMonth = *m;
    r.side = codeArgument(
        args, "--side", "buy or sell", [](const std::string& t) { return parseSideCode(t); });
    const auto qty = positiveIntValue(args, "--qty");
    r.quantity = *qty;
    r.type = args.value("--type")
                 ? codeArgument(args,
                                "--type",
                                "market or limit",
                                [](const std::string& t) { return parseOrderTypeCode(t); })
                 : (args.value("--limit") ? OrderType::Limit : OrderType::Market);
    if (auto limit = args.value("--limit"))
        r.limitPriceMicros = priceArgument("--limit", *limit);
    r.timeInForce = args.value("--tif")
                        ? codeArgument(args,
                                       "--tif",
                                       "day, gtc or gtd",
                                       [](const std::string& t) { return parseTimeInForceCode(t); })
                        : TimeInForce::Day;
    r.goodTillDate = dateValue(args, "--good-till");
    r.comment = args.value("--comment").value_or("");
    return r;
}

int reportOrder(Context& ctx, const Order& o, const std::vector<PreTradeFinding>& findings = {})
{
    if (ctx.json()) {
        QJsonObject out = jsonOrder(o, loginsById(ctx));
        out.insert("findings", jsonFindings(findings));
        ctx.printJson(out);
    } else {
        printOrderLine(ctx.out(), o);
        printFindings(ctx, findings);
    }
    return 0;
}

//! Runs the checks on the stored draft and submits it; UserError listing the errors otherwise.
int submitDraft(Context& ctx, const User& maker, const Order& draft)
{
    storage::TradingRepository repo(ctx.workspace());
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const auto inputs =
        market.preTradeInputs(draft.symbol(), draft.deliveryMonth(), loadHedgeBands(ctx, market));
    const PreTradeReport preview = repo.preTradeChecks(draft, market.spec(draft.symbol()), inputs);
    if (!preview.passed()) {
        std::vector<std::string> lines;
        for (const auto& f : preview.findings)
            lines.push_back(std::string(f.severity == Severity::Error ? "error" : "warning") + ": "
                            + preTradeCheckCode(f.check) + ": " + f.message);
        throw UserError(draft.describe() + " stays a draft: pre-trade checks failed", lines);
    }
    const Order submitted =
        repo.submit(draft.id(), maker, deskNow(), market.spec(draft.symbol()), inputs);
    return reportOrder(ctx, submitted, repo.findings(submitted.id()));
}

int newOrder(Context& ctx, const Arguments& args)
{
    const User maker = authenticate(ctx, args);
    const OrderRequest request = requestFrom(args);
    const storage::DeskMarket market = loadDeskMarket(ctx);
    const ContractSpec& spec = market.spec(request.symbol);
    if (const auto issues = checkOrderRequest(request, spec); !issues.empty()) {
        std::vector<std::string> lines;
        for (const auto& i : issues)
            lines.push_back(i.toString());
        throw UserError("the order ticket has problems; nothing was saved", lines);
    }
    const auto reference = market.referencePriceMicros(request.symbol, request.deliveryMonth);
    if (!reference)
        throw UserError("--month: no reference price for " + request.symbol + " "
                        + formatIsoMonth(request.deliveryMonth) + " as of "
                        + formatIsoDate(market.valuationDate()));
    storage::TradingRepository repo(ctx.workspace());
    const Order draft = repo.createDraft(
        request, spec, *reference, maker, deskNow(), args.value("--origin").value_or("manual"));
    if (args.flag("--submit"))
        return submitDraft(ctx, maker, draft);
    return reportOrder(ctx, draft);
}

int ordersFromProposal(Context& ctx, const Arguments& args)
{
    const User maker = authenticate(ctx, args);
    const std::string id = *args.positional("PROPOSAL");
    const auto stored = storage::HedgeRepository(ctx.workspace()).proposal(id);
    if (!stored)
        throw UserError("PROPOSAL: \"" + id + "\" is not a hedge proposal in this workspace");
    int skipped = 0;
    const auto tickets = storage::ticketsFromProposal(*stored, skipped);
    const storage::DeskMarket market = loadDeskMarket(ctx);
    storage::TradingRepository repo(ctx.workspace());
    std::vector<Order> drafts;
    for (const auto& t : tickets) {
        const auto reference =
            market.referencePriceMicros(t.request.symbol, t.request.deliveryMonth);
        if (!reference)
            throw UserError("no reference price for " + t.request.symbol + " "
                            + formatIsoMonth(t.request.deliveryMonth)
                            + "; nothing more was created");
        drafts.push_back(repo.createDraft(
            t.request, market.spec(t.request.symbol), *reference, maker, deskNow(), t.origin));
    }
    if (ctx.json()) {
        QJsonArray list;
        const auto logins = loginsById(ctx);
        for (const auto& o : drafts)
            list.append(jsonOrder(o, logins));
        ctx.printJson(QJsonObject{{"orders", list}, {"skipped_option_lines", skipped}});
        return 0;
    }
    for (const auto& o : drafts)
        printOrderLine(ctx.out(), o);
    if (skipped > 0)
        ctx.out() << skipped << " option line(s) skipped: the desk trades futures only\n";
    ctx.out() << "Submit each draft with `order submit ID`.\n";
    return 0;
}

int submitOrder(Context& ctx, const Arguments& args)
{
    const User maker = authenticate(ctx, args);
    const Order draft =
        storage::TradingRepository(ctx.workspace()).requireOrder(orderIdArgument(args));
    return submitDraft(ctx, maker, draft);
}

int approveOrder(Context& ctx, const Arguments& args)
{
    const User approver = authenticate(ctx, args);
    storage::TradingRepository repo(ctx.workspace());
    const Order o = repo.approve(
        orderIdArgument(args), approver, deskNow(), args.value("--comment").value_or(""));
    return reportOrder(ctx, o);
}

int rejectOrder(Context& ctx, const Arguments& args)
{
    const User approver = authenticate(ctx, args);
    const Order o =
        storage::TradingRepository(ctx.workspace())
            .reject(orderIdArgument(args), approver, deskNow(), *args.value("--reason"));
    return reportOrder(ctx, o);
}

int cancelOrder(Context& ctx, const Arguments& args)
{
    const User actor = authenticate(ctx, args);
    const Order o = storage::TradingRepository(ctx.workspace())
                        .cancel(orderIdArgument(args), actor, deskNow(), *args.value("--reason"));
    return reportOrder(ctx, o);
}

std::chrono::milliseconds waitArgument(const Arguments& args)
{
    return std::chrono::seconds(positiveIntValue(args, "--wait-seconds").value_or(30));
}

int releaseOrder(Context& ctx, const Arguments& args)
{
    const User actor = authenticate(ctx, args);
    const OrderId id = orderIdArgument(args);
    auto market = std::make_shared<const storage::DeskMarket>(loadDeskMarket(ctx));
    storage::TradingRepository repo(ctx.workspace());
    PaperSession session(ctx.workspace(), market);
    session.reconcile();
    // Stored as sent before the broker sees it: a crash from here on is reconciled by a replay.
    const Order sent = repo.release(id, actor, deskNow());
    session.submit(sent);
    const PumpResult pumped =
        session.pump([&] { return isTerminal(repo.requireOrder(id).state()); },
                     std::chrono::milliseconds(1500),
                     waitArgument(args));
    const Order now = repo.requireOrder(id);
    for (const auto& note : pumped.anomalyNotes)
        ctx.err() << "warning: broker exception: " << note << "\n";
    if (!isTerminal(now.state()) && !ctx.json())
        ctx.err() << "note: " << now.describe()
                  << " is still working at the paper broker (a limit away from the reference "
                     "price rests); run `order reconcile` to collect later reports\n";
    return reportOrder(ctx, now);
}

int reconcileOrders(Context& ctx, const Arguments& args)
{
    auto market = std::make_shared<const storage::DeskMarket>(loadDeskMarket(ctx));
    storage::TradingRepository repo(ctx.workspace());
    PaperSession session(ctx.workspace(), market);
    const auto replayed = session.reconcile();
    const PumpResult pumped = session.pump([&] { return repo.ordersAtBroker().empty(); },
                                           std::chrono::milliseconds(1500),
                                           waitArgument(args));
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"replayed_orders", jsonCount(replayed.size())},
                                  {"reports_received", jsonCount(pumped.received)},
                                  {"reports_new", jsonCount(pumped.recorded)},
                                  {"applied", jsonCount(pumped.applied)},
                                  {"anomalies", jsonCount(pumped.anomalies)},
                                  {"still_at_broker", jsonCount(repo.ordersAtBroker().size())}});
        return 0;
    }
    ctx.out() << renderFields({{"Orders replayed", formatCount(replayed.size())},
                               {"Reports received", formatCount(pumped.received)},
                               {"New reports", formatCount(pumped.recorded)},
                               {"Applied", formatCount(pumped.applied)},
                               {"Anomalies", formatCount(pumped.anomalies)},
                               {"Still at the broker", formatCount(repo.ordersAtBroker().size())}});
    return 0;
}

const std::vector<Option> kTicketOptions{
    {"--contract", "SYMBOL", "contract, e.g. CHG.H100", true},
    {"--month", "YYYY-MM", "delivery month", true},
    {"--side", "buy|sell", "buy (long) or sell", true},
    {"--qty", "N", "whole contracts", true},
    {"--type", "market|limit", "default: limit when --limit is given, else market"},
    {"--limit", "PRICE", "limit price in USD per unit (GPU-hour or 1M tokens)"},
    {"--tif", "day|gtc|gtd", "time in force (default day)"},
    {"--good-till", "YYYY-MM-DD", "last day of a gtd order"},
    {"--comment", "TEXT", "the trader's rationale"},
    {"--origin", "TEXT", "where the ticket came from, e.g. \"proposal 3 line 2\" (default manual)"},
    {"--submit", "", "run the pre-trade checks and submit for approval"}};

const std::vector<Option> kWaitOption{
    {"--wait-seconds", "N", "how long to wait for broker reports (default 30)"}};

CH_CLI_GROUP({.name = "order",
              .summary = "create, approve, release and inspect orders (maker-checker, audited)"});

CH_CLI_COMMAND(
    {.group = "order",
     .name = "new",
     .summary = "create an order ticket as a draft (optionally submit it)",
     .options = withAuth(kTicketOptions),
     .description = "Creates a draft as --user (a trader). The reference price is the forward "
                    "curve of the contract's index as of the dataset's valuation date (a "
                    "reference dataset, not live quotes). With --submit the pre-trade checks run "
                    "and, if no error is found, the order goes to the approval queue; otherwise it "
                    "stays a draft and every finding is listed. JSON: the order plus `findings`.",
     .examples = {"computehedge-cli --workspace demo.chw order new --user trader "
                  "--contract CHG.H100 --month 2027-02 --side buy --qty 5 --limit 2.40 "
                  "--tif gtc --submit"},
     .run = &refusalsAreUserErrors<&newOrder>});
CH_CLI_COMMAND({.group = "order",
                .name = "from-proposal",
                .summary = "draft the futures orders of a submitted hedge proposal",
                .positionals = {{"PROPOSAL", "proposal id, e.g. HP-0001"}},
                .options = authOptions(),
                .description = "One market day order per contract month with the net trade "
                               "of the proposal's futures lines (buy for a positive net, sell for "
                               "a negative one), origin \"proposal ID line N\" or \"proposal ID "
                               "lines N,M\" when lines share a contract month. Option lines are "
                               "skipped. The drafts are then submitted with `order submit`.",
                .run = &refusalsAreUserErrors<&ordersFromProposal>});
CH_CLI_COMMAND({.group = "order",
                .name = "submit",
                .summary = "run the pre-trade checks on a draft and submit it for approval",
                .positionals = {{"ID", "order id"}},
                .options = authOptions(),
                .run = &refusalsAreUserErrors<&submitOrder>});
CH_CLI_COMMAND({.group = "order",
                .name = "approve",
                .summary = "approve a pending order (an approver other than the maker)",
                .positionals = {{"ID", "order id"}},
                .options = withAuth({{"--comment", "TEXT", "why"}}),
                .description = "Orders above the two-approver threshold need two different "
                               "approvers; the maker can never approve their own order.",
                .run = &refusalsAreUserErrors<&approveOrder>});
CH_CLI_COMMAND({.group = "order",
                .name = "reject",
                .summary = "reject a pending order with a reason",
                .positionals = {{"ID", "order id"}},
                .options = withAuth({{"--reason", "TEXT", "why (kept with the order)", true}}),
                .run = &refusalsAreUserErrors<&rejectOrder>});
CH_CLI_COMMAND(
    {.group = "order",
     .name = "release",
     .summary = "send an approved order to the paper broker and book its fills",
     .positionals = {{"ID", "order id"}},
     .options = withAuth(kWaitOption),
     .description = "Stores the release (state sent), hands the order to the paper broker (its "
                    "own thread) and persists every execution report until the order is final, "
                    "no report came for 1.5 s (a resting limit order), or --wait-seconds passed. "
                    "Orders left at the broker by an earlier run are reconciled first.",
     .run = &refusalsAreUserErrors<&releaseOrder>});
CH_CLI_COMMAND({.group = "order",
                .name = "cancel",
                .summary = "withdraw an order that has not reached the broker",
                .positionals = {{"ID", "order id"}},
                .options = withAuth({{"--reason", "TEXT", "why", true}}),
                .run = &refusalsAreUserErrors<&cancelOrder>});
CH_CLI_COMMAND(
    {.group = "order",
     .name = "reconcile",
     .summary = "apply pending broker reports and replay orders at the paper broker",
     .options = kWaitOption,
     .description = "After a crash: reports received but not applied are applied, and every order "
                    "in state sent or partially_filled is replayed at the paper broker, whose "
                    "reports are deterministic, so reports already booked are ignored (same exec "
                    "ids) and the rest are booked once.",
     .run = &refusalsAreUserErrors<&reconcileOrders>});
} // namespace
} // namespace ch::cli
