#include "desk_cli.h"

#include "cli_context.h"
#include "json_output.h"
#include "market_lookup.h"
#include "storage/desk_bands.h"
#include "storage/market_data_repository.h"
#include "storage/user_repository.h"
#include "text_table.h"

#include <QProcessEnvironment>

#include <charconv>
#include <chrono>
#include <iostream>

namespace ch::cli {

std::vector<Option> authOptions()
{
    return {Option{"--user", "LOGIN", "who is acting (a user of the workspace)", true},
            Option{"--password",
                   "PASSWORD",
                   "the user's password; default: the environment variable CH_PASSWORD"}};
}

Timestamp deskNow()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

trading::User authenticate(Context& ctx, const Arguments& args)
{
    const std::string login = *args.value("--user");
    std::string password;
    if (auto given = args.value("--password")) {
        password = *given;
    } else {
        const QByteArray env = qgetenv("CH_PASSWORD");
        if (env.isEmpty())
            throw UserError("--password: missing; pass --password PASSWORD or set the "
                            "environment variable CH_PASSWORD");
        password = env.toStdString();
    }
    storage::UserRepository users(ctx.workspace());
    if (!users.hasUsers())
        throw UserError("this workspace has no users yet; create the first administrator with `"
                        + std::string(kProgram)
                        + " users add LOGIN --name NAME --role admin` (no --user needed)");
    const storage::LoginResult r = users.logIn(login, password, deskNow());
    if (!r.succeeded())
        throw UserError("--user: login refused: " + r.message);
    return *r.user;
}

storage::DeskMarket loadDeskMarket(Context& ctx)
{
    MarketDataSet data = storage::MarketDataRepository(ctx.workspace()).loadAll();
    requireMarketData(data);
    requireHistory(data);
    return storage::DeskMarket(std::move(data));
}

storage::HedgeBandSource loadHedgeBands(Context& ctx, const storage::DeskMarket& market)
{
    std::vector<Issue> issues;
    storage::HedgeBandSource bands = storage::planHedgeBands(ctx.workspace(), market, issues);
    for (const Issue& i : issues)
        ctx.err() << i.toString() << "\n";
    return bands;
}

trading::OrderId orderIdArgument(const Arguments& args, const std::string& name)
{
    const std::string text = *args.positional(name);
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || value <= 0)
        throw UserError(name + ": \"" + text + "\" is not an order id (a whole number above zero)");
    return trading::OrderId{value};
}

std::map<std::int64_t, std::string> loginsById(Context& ctx)
{
    std::map<std::int64_t, std::string> out;
    for (const auto& u : storage::UserRepository(ctx.workspace()).users())
        out[u.id.value] = u.login;
    return out;
}

namespace {

QString loginOf(const std::map<std::int64_t, std::string>& logins, trading::UserId id)
{
    const auto it = logins.find(id.value);
    return it == logins.end() ? QString::number(id.value) : qstr(it->second);
}

QJsonValue cents(const Money& m)
{
    return QJsonValue(static_cast<qint64>(m.minorUnits()));
}

} // namespace

std::string moneyText(const Money& m)
{
    const std::int64_t c = m.minorUnits();
    const std::int64_t whole = (c < 0 ? -c : c) / 100;
    const std::int64_t frac = (c < 0 ? -c : c) % 100;
    return std::string(c < 0 ? "-" : "") + formatCount(static_cast<std::size_t>(whole)) + "."
           + (frac < 10 ? "0" : "") + std::to_string(frac);
}

QJsonObject jsonOrder(const trading::Order& o, const std::map<std::int64_t, std::string>& logins)
{
    QJsonArray approvals;
    for (const auto& a : o.approvals())
        approvals.append(QJsonObject{{"approver", loginOf(logins, a.approver)},
                                     {"at", qstr(formatIsoTimestamp(a.at))},
                                     {"comment", qstr(a.comment)}});
    const auto& r = o.request();
    return QJsonObject{
        {"id", static_cast<qint64>(o.id().value)},
        {"symbol", qstr(o.symbol())},
        {"delivery_month", jsonMonth(o.deliveryMonth())},
        {"side", trading::sideCode(o.side())},
        {"quantity", static_cast<qint64>(o.quantity())},
        {"type", trading::orderTypeCode(o.type())},
        {"limit_price_micros",
         r.limitPriceMicros ? QJsonValue(static_cast<qint64>(*r.limitPriceMicros)) : QJsonValue()},
        {"time_in_force", trading::timeInForceCode(o.timeInForce())},
        {"good_till_date", jsonDate(r.goodTillDate)},
        {"notional_cents", cents(o.notional())},
        {"maker", loginOf(logins, o.maker())},
        {"created_at", qstr(formatIsoTimestamp(o.createdAt()))},
        {"state", trading::orderStateCode(o.state())},
        {"required_approvals", o.requiredApprovals()},
        {"approvals", approvals},
        {"filled_qty", static_cast<qint64>(o.filledQty())},
        {"status_text", qstr(o.statusText())},
        {"comment", qstr(r.comment)}};
}

void printOrderLine(std::ostream& out, const trading::Order& o)
{
    out << o.describe() << ": " << trading::orderStateCode(o.state());
    if (o.state() == trading::OrderState::PendingApproval)
        out << " (" << o.approvals().size() << " of " << o.requiredApprovals() << " approvals)";
    if (o.filledQty() > 0)
        out << ", filled " << o.filledQty() << " of " << o.quantity();
    if (!o.statusText().empty())
        out << " - " << o.statusText();
    out << "\n";
}

QJsonArray jsonFindings(const std::vector<trading::PreTradeFinding>& findings)
{
    QJsonArray out;
    for (const auto& f : findings)
        out.append(QJsonObject{{"check", trading::preTradeCheckCode(f.check)},
                               {"severity", f.severity == Severity::Error ? "error" : "warning"},
                               {"message", qstr(f.message)}});
    return out;
}

void printFindings(Context& ctx, const std::vector<trading::PreTradeFinding>& findings)
{
    for (const auto& f : findings)
        ctx.out() << (f.severity == Severity::Error ? "error" : "warning") << ": "
                  << trading::preTradeCheckCode(f.check) << ": " << f.message << "\n";
}

QJsonObject jsonPosition(const trading::Position& p,
                         const std::optional<storage::PositionMark>& mark)
{
    QJsonObject o{{"symbol", qstr(p.symbol)},
                  {"delivery_month", jsonMonth(p.deliveryMonth)},
                  {"units_per_contract", static_cast<qint64>(p.unitsPerContract)},
                  {"net_qty", static_cast<qint64>(p.netQty)},
                  {"open_cost_micros", static_cast<qint64>(p.openCostMicros)},
                  {"average_price_micros", static_cast<qint64>(p.averagePriceMicros())},
                  {"realised_cents", cents(p.realisedPnl)},
                  {"fees_cents", cents(p.fees)},
                  {"net_realised_cents", cents(p.netRealisedPnl())},
                  {"settled", p.settled}};
    if (mark) {
        o.insert("mark_micros", static_cast<qint64>(mark->priceMicros));
        o.insert("mark_date", jsonDate(mark->date));
        o.insert("mark_source", qstr(mark->source));
        o.insert("unrealised_cents", cents(trading::unrealisedPnl(p, mark->priceMicros)));
    } else {
        o.insert("mark_micros", QJsonValue());
        o.insert("mark_date", QJsonValue());
        o.insert("mark_source", QJsonValue());
        o.insert("unrealised_cents", QJsonValue());
    }
    return o;
}

QJsonObject jsonPnlPoint(const trading::PnlPoint& p)
{
    return QJsonObject{{"date", jsonDate(p.date)},
                       {"realised_cents", cents(p.realised)},
                       {"unrealised_cents", cents(p.unrealised)},
                       {"fees_cents", cents(p.fees)},
                       {"total_cents", cents(p.total())},
                       {"unmarked_positions", p.unmarkedPositions}};
}

} // namespace ch::cli
