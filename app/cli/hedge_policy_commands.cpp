// `computehedge-cli hedge policy show|import|set-bucket`: the stored hedge policy, a new version
// from a JSON file (the form `show --json` prints), or one bucket's band changed (docs/cli.md,
// "hedge"). Every save goes through storage::HedgeRepository::savePolicyVersion, which validates
// first and writes nothing when the policy has errors.

#include "cli_context.h"
#include "command.h"
#include "hedge_cli.h"
#include "json_output.h"
#include "text_table.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <charconv>
#include <cmath>
#include <filesystem>

namespace ch::cli {

QJsonObject jsonPolicy(const hedging::HedgePolicy& p)
{
    QJsonArray buckets;
    for (const hedging::TenorBucket& b : p.buckets)
        buckets.append(QJsonObject{{"from_month", b.fromMonth},
                                   {"to_month", b.toMonth},
                                   {"min_ratio", b.minRatio},
                                   {"target_ratio", b.targetRatio},
                                   {"max_ratio", b.maxRatio}});
    QJsonArray rules;
    for (const hedging::ResourceRule& r : p.rules) {
        QJsonArray instruments;
        for (const hedging::HedgeInstrumentType t : r.instruments)
            instruments.append(hedging::instrumentTypeCode(t));
        rules.append(QJsonObject{{"resource", qstr(r.resource)},
                                 {"instruments", instruments},
                                 {"symbols", jsonStrings(r.symbols)}});
    }
    return QJsonObject{
        {"id", qstr(p.id)},
        {"name", qstr(p.name)},
        {"version", p.version},
        {"author", qstr(p.author)},
        {"saved_at", qstr(formatIsoTimestamp(p.savedAt))},
        {"buckets", buckets},
        {"rules", rules},
        {"max_contracts_per_month", static_cast<qint64>(p.maxContractsPerMonth)},
        {"max_contracts_per_contract_month", static_cast<qint64>(p.maxContractsPerContractMonth)},
        {"max_premium_usd", p.maxPremiumUsd},
        {"volume_scenario", scenarioCode(p.volumeScenario)},
        {"rounding", hedging::roundingPolicyCode(p.rounding)},
        {"call_strike_fraction", p.strikes.callStrikeFraction},
        {"put_strike_fraction", p.strikes.putStrikeFraction}};
}

namespace {

//! Reads fields of one JSON object, collecting an Issue per missing or mistyped field.
class FieldReader
{
public:
    FieldReader(QJsonObject object,
                std::string source,
                std::string prefix,
                std::vector<Issue>& issues)
        : m_object(std::move(object))
        , m_source(std::move(source))
        , m_prefix(std::move(prefix))
        , m_issues(issues)
    {}

    void problem(const std::string& field, const std::string& message)
    {
        m_issues.push_back(Issue{m_source, 0, m_prefix + field, Severity::Error, message});
    }
    double number(const char* field)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (!v.isDouble()) {
            problem(field, "is missing or not a number");
            return 0.0;
        }
        return v.toDouble();
    }
    long long integer(const char* field)
    {
        const double d = number(field);
        if (d != std::floor(d) || std::fabs(d) > 9e15) {
            problem(field, std::to_string(d) + " is not a whole number");
            return 0;
        }
        return static_cast<long long>(d);
    }
    std::string text(const char* field)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (!v.isString()) {
            problem(field, "is missing or not a string");
            return {};
        }
        return v.toString().toStdString();
    }
    QJsonArray array(const char* field)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (!v.isArray())
            problem(field, "is missing or not a list");
        return v.toArray();
    }

private:
    QJsonObject m_object; // a copy: callers pass temporaries (array elements)
    std::string m_source;
    std::string m_prefix;
    std::vector<Issue>& m_issues;
};

} // namespace

Parsed<hedging::HedgePolicy> policyFromJson(const QJsonObject& object, const std::string& source)
{
    Parsed<hedging::HedgePolicy> out;
    hedging::HedgePolicy& p = out.value;
    FieldReader f(object, source, "", out.issues);
    p.id = f.text("id");
    p.name = f.text("name");
    const QJsonArray buckets = f.array("buckets");
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        FieldReader b(
            buckets[i].toObject(), source, "buckets[" + std::to_string(i + 1) + "].", out.issues);
        p.buckets.push_back({static_cast<int>(b.integer("from_month")),
                             static_cast<int>(b.integer("to_month")),
                             b.number("min_ratio"),
                             b.number("target_ratio"),
                             b.number("max_ratio")});
    }
    const QJsonArray rules = f.array("rules");
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const std::string prefix = "rules[" + std::to_string(i + 1) + "].";
        FieldReader r(rules[i].toObject(), source, prefix, out.issues);
        hedging::ResourceRule rule;
        rule.resource = r.text("resource");
        for (const QJsonValue& v : r.array("instruments")) {
            const auto t = hedging::parseInstrumentType(v.toString().toStdString());
            if (t)
                rule.instruments.push_back(*t);
            else
                r.problem("instruments",
                          "\"" + v.toString().toStdString()
                              + "\" is not an instrument; expected future, call or collar");
        }
        for (const QJsonValue& v : r.array("symbols"))
            rule.symbols.push_back(v.toString().toStdString());
        p.rules.push_back(std::move(rule));
    }
    p.maxContractsPerMonth = f.integer("max_contracts_per_month");
    p.maxContractsPerContractMonth = f.integer("max_contracts_per_contract_month");
    p.maxPremiumUsd = f.number("max_premium_usd");
    const std::string scenario = f.text("volume_scenario");
    if (const auto s = parseScenario(scenario))
        p.volumeScenario = *s;
    else if (!scenario.empty())
        f.problem("volume_scenario", "\"" + scenario + "\" is not low, base or high");
    const std::string rounding = f.text("rounding");
    if (const auto r = hedging::parseRoundingPolicy(rounding))
        p.rounding = *r;
    else if (!rounding.empty())
        f.problem("rounding", "\"" + rounding + "\" is not toward_zero or nearest_within_band");
    p.strikes.callStrikeFraction = f.number("call_strike_fraction");
    p.strikes.putStrikeFraction = f.number("put_strike_fraction");
    return out;
}

namespace {

//! A ratio given as a fraction ("0.75") or a percentage ("75%").
double ratioOption(const Arguments& args, std::string_view option, double current)
{
    const auto text = args.value(option);
    if (!text)
        return current;
    std::string digits = *text;
    const bool percent = !digits.empty() && digits.back() == '%';
    if (percent)
        digits.pop_back();
    double v = 0.0;
    const char* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, v);
    if (digits.empty() || ec != std::errc() || ptr != end || !std::isfinite(v))
        throw UserError(std::string(option) + ": \"" + *text
                        + "\" is not a ratio; expected a fraction such as 0.75 or a percentage "
                          "such as 75%");
    return percent ? v / 100.0 : v;
}

int monthOption(const Arguments& args, std::string_view option, int current)
{
    const auto text = args.value(option);
    if (!text)
        return current;
    int v = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end || v < 0)
        throw UserError(std::string(option) + ": \"" + *text
                        + "\" is not a whole number of months (0 or more)");
    return v;
}

std::string requireAuthor(const Arguments& args)
{
    const auto author = args.value("--author");
    if (!author || author->empty())
        throw UserError("--author: missing; say who saves this policy version");
    return *author;
}

int printSaved(Context& ctx, const Parsed<hedging::HedgePolicy>& saved)
{
    std::vector<std::string> errors;
    for (const Issue& i : saved.issues)
        if (i.severity == Severity::Error)
            errors.push_back(i.toString());
        else
            ctx.err() << i.toString() << "\n";
    if (!errors.empty())
        throw UserError("the policy was refused with " + std::to_string(errors.size()) + " error"
                            + (errors.size() == 1 ? "" : "s") + "; nothing was saved",
                        errors);
    if (ctx.json())
        ctx.printJson(QJsonObject{{"policy", jsonPolicy(saved.value)}});
    else
        ctx.out() << "Saved " << saved.value.name << " (" << saved.value.id << ") version "
                  << saved.value.version << " by " << saved.value.author << " at "
                  << formatIsoTimestamp(saved.value.savedAt) << ".\n";
    return 0;
}

void printPolicy(Context& ctx,
                 const ChosenPolicy& chosen,
                 const std::vector<hedging::HedgePolicy>& versions)
{
    const hedging::HedgePolicy& p = chosen.policy;
    ctx.out() << renderFields(
        {{"Policy", p.name + " (" + p.id + ")"},
         {"Version",
          chosen.stored ? std::to_string(p.version) + ", saved by " + p.author + " at "
                              + formatIsoTimestamp(p.savedAt)
                        : std::string("default template, not stored in this workspace")},
         {"Limits",
          std::to_string(p.maxContractsPerMonth) + " contracts per month, "
              + std::to_string(p.maxContractsPerContractMonth) + " per contract and month"},
         {"Premium budget", "USD " + formatNumber(p.maxPremiumUsd, 0)},
         {"Volume scenario", scenarioCode(p.volumeScenario)},
         {"Rounding", hedging::roundingPolicyCode(p.rounding)},
         {"Strikes",
          "calls " + formatPercent(p.strikes.callStrikeFraction, 1) + ", collar puts "
              + formatPercent(p.strikes.putStrikeFraction, 1) + " of the forward"}});
    TextTable b({{"Bucket", Align::Right},
                 {"Months", Align::Right},
                 {"Min", Align::Right},
                 {"Target", Align::Right},
                 {"Max", Align::Right}});
    for (std::size_t i = 0; i < p.buckets.size(); ++i) {
        const hedging::TenorBucket& k = p.buckets[i];
        b.addRow({std::to_string(i + 1),
                  std::to_string(k.fromMonth) + "-" + std::to_string(k.toMonth),
                  formatPercent(k.minRatio, 1),
                  formatPercent(k.targetRatio, 1),
                  formatPercent(k.maxRatio, 1)});
    }
    ctx.out() << "\n" << b.render();
    TextTable r({{"Resource"}, {"Instruments"}, {"Contracts"}});
    for (const hedging::ResourceRule& rule : p.rules) {
        std::string instruments;
        for (const hedging::HedgeInstrumentType t : rule.instruments)
            instruments +=
                (instruments.empty() ? "" : ", ") + std::string(hedging::instrumentTypeCode(t));
        std::string symbols;
        for (const std::string& s : rule.symbols)
            symbols += (symbols.empty() ? "" : ", ") + s;
        r.addRow({rule.resource, instruments, symbols.empty() ? "any of the unit" : symbols});
    }
    ctx.out() << "\n" << r.render();
    if (!versions.empty()) {
        TextTable v({{"Version", Align::Right}, {"Saved by"}, {"Saved at"}, {"Name"}});
        for (const hedging::HedgePolicy& x : versions)
            v.addRow({std::to_string(x.version), x.author, formatIsoTimestamp(x.savedAt), x.name});
        ctx.out() << "\n" << v.render();
    }
}

int hedgePolicy(Context& ctx, const Arguments& args)
{
    const std::string action = *args.positional("ACTION");
    const auto argument = args.positional("ARGUMENT");
    if (action == "show") {
        if (argument)
            throw UserError("ARGUMENT: \"" + *argument + "\" is not used by `hedge policy show`");
        const ChosenPolicy chosen = choosePolicy(ctx, args.value("--policy"));
        const std::vector<hedging::HedgePolicy> versions =
            chosen.stored
                ? storage::HedgeRepository(ctx.workspace()).policyHistory(chosen.policy.id)
                : std::vector<hedging::HedgePolicy>{};
        if (ctx.json()) {
            QJsonArray history;
            for (const hedging::HedgePolicy& v : versions)
                history.append(QJsonObject{{"version", v.version},
                                           {"name", qstr(v.name)},
                                           {"author", qstr(v.author)},
                                           {"saved_at", qstr(formatIsoTimestamp(v.savedAt))}});
            ctx.printJson(
                QJsonObject{{"policy", jsonPolicy(chosen.policy)},
                            {"stored", chosen.stored},
                            {"versions", history},
                            {"issues", jsonIssues(hedging::validatePolicy(chosen.policy))}});
        } else {
            printPolicy(ctx, chosen, versions);
        }
        return 0;
    }
    if (action == "import") {
        if (!argument)
            throw UserError("ARGUMENT: missing; `hedge policy import` needs the policy FILE "
                            "(JSON, as `hedge policy show --json` prints it under \"policy\")");
        const std::string author = requireAuthor(args);
        QFile file(QString::fromStdString(*argument));
        if (!file.open(QIODevice::ReadOnly))
            throw UserError("FILE: cannot read " + *argument + ": "
                            + file.errorString().toStdString());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        const std::string source = std::filesystem::path(*argument).filename().string();
        if (doc.isNull() || !doc.isObject())
            throw UserError(source + ": not a JSON object"
                            + (doc.isNull() ? ": " + error.errorString().toStdString() : ""));
        QJsonObject object = doc.object();
        // `show --json` wraps the policy; accept both forms.
        if (object.value("policy").isObject())
            object = object.value("policy").toObject();
        const Parsed<hedging::HedgePolicy> parsed = policyFromJson(object, source);
        if (parsed.hasErrors()) {
            std::vector<std::string> details;
            for (const Issue& i : parsed.issues)
                details.push_back(i.toString());
            throw UserError("import of " + source + " failed with " + std::to_string(details.size())
                                + " error" + (details.size() == 1 ? "" : "s")
                                + "; nothing was saved",
                            details);
        }
        return printSaved(ctx,
                          storage::HedgeRepository(ctx.workspace())
                              .savePolicyVersion(parsed.value, author, nowUtc()));
    }
    if (action == "set-bucket") {
        if (!argument)
            throw UserError("ARGUMENT: missing; `hedge policy set-bucket` needs the bucket "
                            "number (1 = the nearest tenors; see `hedge policy show`)");
        const std::string author = requireAuthor(args);
        const ChosenPolicy chosen = choosePolicy(ctx, args.value("--policy"));
        hedging::HedgePolicy edited = chosen.policy;
        int bucket = 0;
        const char* end = argument->data() + argument->size();
        const auto [ptr, ec] = std::from_chars(argument->data(), end, bucket);
        if (ec != std::errc() || ptr != end || bucket < 1
            || bucket > static_cast<int>(edited.buckets.size()))
            throw UserError("ARGUMENT: \"" + *argument + "\" is not a bucket number; expected 1 to "
                            + std::to_string(edited.buckets.size()));
        hedging::TenorBucket& b = edited.buckets[static_cast<std::size_t>(bucket - 1)];
        b.fromMonth = monthOption(args, "--from-month", b.fromMonth);
        b.toMonth = monthOption(args, "--to-month", b.toMonth);
        b.minRatio = ratioOption(args, "--min", b.minRatio);
        b.targetRatio = ratioOption(args, "--target", b.targetRatio);
        b.maxRatio = ratioOption(args, "--max", b.maxRatio);
        return printSaved(
            ctx,
            storage::HedgeRepository(ctx.workspace()).savePolicyVersion(edited, author, nowUtc()));
    }
    throw UserError("ACTION: \"" + action
                    + "\" is not a policy action; expected show, import or "
                      "set-bucket");
}

CH_CLI_COMMAND(
    {.group = "hedge",
     .name = "policy",
     .summary = "show the hedge policy, import a new version, or change one bucket's band",
     .positionals = {{"ACTION", "show, import or set-bucket"},
                     {"ARGUMENT",
                      "import: the policy FILE (JSON); set-bucket: the bucket number",
                      false}},
     .options = {{"--policy", "NAME", "hedge policy (name or id; default: the first stored)"},
                 {"--author", "NAME", "who saves the new version (import, set-bucket)"},
                 {"--min", "RATIO", "set-bucket: minimum (0.6 or 60%)"},
                 {"--target", "RATIO", "set-bucket: target"},
                 {"--max", "RATIO", "set-bucket: maximum"},
                 {"--from-month", "N", "set-bucket: first tenor month"},
                 {"--to-month", "N", "set-bucket: last tenor month"}},
     .description =
         "show: the policy (bands by tenor, instruments per resource, limits, budget, scenario, "
         "rounding, strikes) and its saved versions; JSON {policy, stored, versions, issues}, "
         "where `policy` is the form import reads. import FILE: saves the JSON policy as its next "
         "version (version 1 for a new id). set-bucket N: saves the policy with bucket N's band "
         "changed. Every save is validated first (bands within 0-100% and min <= target <= max, "
         "buckets without overlaps or gaps, known contracts, non-negative limits): a malformed "
         "policy is refused with one message per field, exit code 1, and nothing is written. "
         "Saves are recorded in the audit log.",
     .examples = {"computehedge-cli --workspace demo.chw hedge policy show --json > policy.json",
                  "computehedge-cli --workspace demo.chw hedge policy import policy.json "
                  "--author cfo",
                  "computehedge-cli --workspace demo.chw hedge policy set-bucket 1 --min 0.65 "
                  "--target 0.8 --author cfo"},
     .run = &hedgePolicy});

} // namespace

} // namespace ch::cli
