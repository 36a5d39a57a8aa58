// `computehedge-cli order list|show`: reading the blotter and one order's history.

#include "cli_context.h"
#include "command.h"
#include "desk_cli.h"
#include "json_output.h"
#include "storage/trading_repository.h"
#include "text_table.h"

namespace ch::cli {
namespace {

using namespace trading;

int listOrders(Context& ctx, const Arguments& args)
{
    std::optional<OrderState> state;
    if (auto text = args.value("--state")) {
        state = parseOrderStateCode(*text);
        if (!state)
            throw UserError("--state: \"" + *text
                            + "\" is not an order state; expected draft, pending_approval, "
                              "approved, sent, partially_filled, filled, rejected, cancelled or "
                              "expired");
    }
    const auto logins = loginsById(ctx);
    std::vector<Order> orders;
    for (auto& o : storage::TradingRepository(ctx.workspace()).orders())
        if (!state || o.state() == *state)
            orders.push_back(std::move(o));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& o : orders)
            list.append(jsonOrder(o, logins));
        ctx.printJson(QJsonObject{{"orders", list}});
        return 0;
    }
    TextTable t({{"ID", Align::Right},
                 {"Contract"},
                 {"Month"},
                 {"Side"},
                 {"Qty", Align::Right},
                 {"Type"},
                 {"Limit (USD/unit)", Align::Right},
                 {"Notional (USD)", Align::Right},
                 {"State"},
                 {"Filled", Align::Right},
                 {"Maker"}});
    for (const auto& o : orders)
        t.addRow({std::to_string(o.id().value),
                  o.symbol(),
                  formatIsoMonth(o.deliveryMonth()),
                  sideCode(o.side()),
                  formatCount(static_cast<std::size_t>(o.quantity())),
                  orderTypeCode(o.type()),
                  o.limitPriceMicros() ? formatPriceMicros(*o.limitPriceMicros()) : "",
                  moneyText(o.notional()),
                  orderStateCode(o.state()),
                  std::to_string(o.filledQty()),
                  logins.count(o.maker().value) ? logins.at(o.maker().value) : ""});
    ctx.out() << t.render();
    return 0;
}

//! Who made a change: the user, "broker" for reports, "system" for expiry.
std::string actorName(const OrderEvent& e, const std::map<std::int64_t, std::string>& logins)
{
    if (e.actor)
        return logins.count(e.actor->value) ? logins.at(e.actor->value)
                                            : std::to_string(e.actor->value);
    return e.action == OrderAction::Expire ? "system" : "broker";
}

int showOrder(Context& ctx, const Arguments& args)
{
    storage::TradingRepository repo(ctx.workspace());
    const OrderId id = orderIdArgument(args);
    const Order o = repo.requireOrder(id);
    const auto logins = loginsById(ctx);
    const auto events = repo.events(id);
    if (ctx.json()) {
        QJsonObject out = jsonOrder(o, logins);
        out.insert("findings", jsonFindings(repo.findings(id)));
        out.insert("origin", qstr(repo.origin(id)));
        QJsonArray list;
        for (const auto& e : events)
            list.append(QJsonObject{{"action", orderActionCode(e.action)},
                                    {"from", orderStateCode(e.from)},
                                    {"to", orderStateCode(e.to)},
                                    {"actor",
                                     e.actor && logins.count(e.actor->value)
                                         ? qstr(logins.at(e.actor->value))
                                         : QJsonValue()},
                                    {"at", qstr(formatIsoTimestamp(e.at))},
                                    {"comment", qstr(e.comment)}});
        out.insert("events", list);
        ctx.printJson(out);
        return 0;
    }
    printOrderLine(ctx.out(), o);
    printFindings(ctx, repo.findings(id));
    TextTable t({{"At"}, {"Action"}, {"From"}, {"To"}, {"By"}, {"Comment"}});
    for (const auto& e : events)
        t.addRow({formatIsoTimestamp(e.at),
                  orderActionCode(e.action),
                  orderStateCode(e.from),
                  orderStateCode(e.to),
                  actorName(e, logins),
                  e.comment});
    ctx.out() << t.render();
    return 0;
}

CH_CLI_COMMAND({.group = "order",
                .name = "list",
                .summary = "the blotter",
                .options = {{"--state", "STATE", "only orders in this state"}},
                .run = &listOrders});
CH_CLI_COMMAND({.group = "order",
                .name = "show",
                .summary = "one order with its pre-trade findings and transition log",
                .positionals = {{"ID", "order id"}},
                .run = &showOrder});

} // namespace
} // namespace ch::cli
