// computehedge-cli hedge and price commands: every number in the JSON output equals what core
// computes from the same workspace (hedging::buildHedgeInputs, estimateHedgeRatio,
// recommendHedge, evaluateHedgeRisk, pricing::black76); bad arguments exit 1 with a message
// naming the argument; a malformed policy is refused and writes nothing.

#include "cli_runner.h"
#include "compare.h"
#include "hedging/hedge_risk.h"
#include "hedging/recommendation.h"
#include "hedging/workspace_inputs.h"
#include "pricing/black76.h"
#include "pricing/market_snapshot.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::test;

namespace {

// Doubles go through JSON as shortest round-trip text, so they come back exactly; the relative
// tolerance only keeps the comparison meaningful if that ever changes.
double tolerance(double expected)
{
    return 1e-12 * std::max(1.0, std::fabs(expected));
}

#define CH_COMPARE_JSON(value, expected)                                                           \
    CH_COMPARE_NEAR((value).toDouble(), (expected), tolerance(expected))

//! What the CLI computes for the workspace, called directly.
struct Direct
{
    MarketDataSet market;
    risk::RiskSources sources;
    hedging::HedgePolicy policy;
    hedging::BuiltHedgeInputs built;
};

Direct direct(const QString& path)
{
    Direct d;
    auto ws = storage::Workspace::open(path.toStdString());
    d.market = storage::MarketDataRepository(ws).loadAll();
    const auto snapshot = pricing::buildMarketSnapshot(d.market, d.market.info.valuationDate);
    std::vector<Issue> issues;
    d.sources = storage::loadRiskSources(ws, d.market, snapshot, issues);
    d.policy = *storage::HedgeRepository(ws).currentPolicy(storage::kDemoPolicyName);
    d.built = hedging::buildHedgeInputs(d.sources, d.policy, storage::loadExistingPositions(ws));
    return d;
}

QStringList errorLinesOf(const CliRun& run)
{
    return errorLines(run);
}

} // namespace

class TestCliHedge : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

    QString newDemo(const QString& name) { return demoWorkspaceCopy(m_dir.filePath(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = newDemo("demo.chw");
        QVERIFY(!m_demo.isEmpty());
    }

    void ratioAgainstContractEqualsCore()
    {
        QString problem;
        const QJsonObject o = runCliJson(
            {"--workspace", m_demo, "hedge", "ratio", "H200", "--against", "CHG.H100"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Direct d = direct(m_demo);
        const hedging::HedgeBuildOptions options;
        std::vector<Issue> issues;
        const auto paid = hedging::paidPricesForRatio(d.sources, "GPU.H200.NC", options, issues);
        const Date valuation = d.market.info.valuationDate;
        const auto history = hedging::historyUpTo(d.market, valuation);
        auto series = [&](const char* id) {
            for (const PriceSeries& s : history)
                if (s.indexId == id)
                    return s;
            return PriceSeries{};
        };
        const Parsed<hedging::HedgeRatioEstimate> e =
            hedging::estimateHedgeRatio(series("GPU.H200.NC"),
                                        series("GPU.H100.NC"),
                                        hedging::ratioWindowFor(valuation, options),
                                        paid ? &*paid : nullptr);
        QVERIFY(!e.hasErrors());
        QCOMPARE(o["exposure_index_id"].toString(), QString("GPU.H200.NC"));
        QCOMPARE(o["contract"].toString(), QString("CHG.H100"));
        QCOMPARE(o["contract_index_id"].toString(), QString("GPU.H100.NC"));
        QCOMPARE(o["cross_hedge"].toBool(), true);
        QCOMPARE(o["price_series"].toString(), QString(paid ? "paid" : "index"));
        QCOMPARE(o["observations"].toInteger(), static_cast<qint64>(e.value.observations));
        CH_COMPARE_JSON(o["h_star"], e.value.beta);
        CH_COMPARE_JSON(o["ols_slope"], e.value.olsSlope);
        CH_COMPARE_JSON(o["r_squared"], e.value.rSquared);
        CH_COMPARE_JSON(o["basis_vol_annual"], e.value.basisVolAnnual);
        CH_COMPARE_JSON(o["correlation"], e.value.correlation);
        CH_COMPARE_JSON(o["sigma_s_annual"], e.value.exposureVolAnnual);
        CH_COMPARE_JSON(o["sigma_f_annual"], e.value.contractVolAnnual);
        // h* = ρ·σS/σF (Johnson 1960): the printed figures agree with each other.
        CH_COMPARE_NEAR(o["h_star"].toDouble(),
                        o["correlation"].toDouble() * o["sigma_s_annual"].toDouble()
                            / o["sigma_f_annual"].toDouble(),
                        1e-9);
        QCOMPARE(o["valuation_date"].toString(), QString("2026-10-30"));
    }

    void ratioChoiceEqualsTheRecommendationInputs()
    {
        const Direct d = direct(m_demo);
        QVERIFY(d.built.ok());
        for (const hedging::ExposureChoice& e : d.built.exposures) {
            if (!e.choice)
                continue;
            QString problem;
            const QJsonObject o = runCliJson(
                {"--workspace", m_demo, "hedge", "ratio", QString::fromStdString(e.indexId)},
                problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(o["contract"].toString(), QString::fromStdString(e.choice->symbol));
            QCOMPARE(o["cross_hedge"].toBool(), e.choice->crossHedge);
            QCOMPARE(o["paid_months"].toInteger(), static_cast<qint64>(e.paidMonths));
            CH_COMPARE_JSON(o["h_star"], e.choice->ratio.beta);
            CH_COMPARE_JSON(o["r_squared"], e.choice->ratio.rSquared);
            CH_COMPARE_JSON(o["basis_vol_annual"], e.choice->ratio.basisVolAnnual);
        }
    }

    void recommendEqualsCore()
    {
        QString problem;
        const QJsonObject o = runCliJson(
            {"--workspace", m_demo, "hedge", "recommend", "--paths", "3000", "--seed", "42"},
            problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Direct d = direct(m_demo);
        QVERIFY(d.built.ok());
        const hedging::HedgeRecommendation rec = hedging::recommendHedge(d.built.inputs);
        risk::McConfig mc;
        mc.paths = 3000;
        mc.seed = 42;
        const hedging::HedgeRiskReport risk =
            hedging::evaluateHedgeRisk(d.built.inputs.risk, rec, mc);

        QCOMPARE(o["policy"].toObject()["name"].toString(), QString("Default layered policy"));
        QCOMPARE(o["policy_version"].toInt(), 1);
        QCOMPARE(o["mode"].toString(), QString("minimum_variance"));
        const QJsonArray lines = o["lines"].toArray();
        QCOMPARE(lines.size(), static_cast<qsizetype>(rec.lines.size()));
        QVERIFY(!rec.lines.empty());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject l = lines[i].toObject();
            const hedging::RecommendationLine& x = rec.lines[static_cast<std::size_t>(i)];
            QCOMPARE(l["month"].toString(), QString::fromStdString(formatIsoMonth(x.month)));
            QCOMPARE(l["exposure_index_id"].toString(), QString::fromStdString(x.exposureIndexId));
            QCOMPARE(l["contracts"].toInteger(), static_cast<qint64>(x.contracts));
            QCOMPARE(l["trade_contracts"].toInteger(), static_cast<qint64>(x.tradeContracts));
            CH_COMPARE_JSON(l["exposure_usd"], x.exposureUsd);
            CH_COMPARE_JSON(l["hedged_ratio"], x.hedgedRatio);
            CH_COMPARE_JSON(l["costs"].toObject()["initial_margin_usd"], x.costs.initialMarginUsd);
            CH_COMPARE_JSON(l["car95_after_usd"], x.car95AfterUsd);
        }
        const QJsonObject s = o["summary"].toObject();
        QCOMPARE(s["contracts"].toInteger(), static_cast<qint64>(rec.summary.contracts));
        CH_COMPARE_JSON(s["car95_before_usd"], rec.summary.car95BeforeUsd);
        CH_COMPARE_JSON(s["car95_after_usd"], rec.summary.car95AfterUsd);
        const QJsonArray points = o["frontier"].toObject()["points"].toArray();
        QCOMPARE(points.size(), qsizetype{11});
        for (qsizetype i = 0; i < points.size(); ++i) {
            const hedging::FrontierPoint& p = rec.frontier.points[static_cast<std::size_t>(i)];
            CH_COMPARE_JSON(points[i].toObject()["scale"], p.scale);
            CH_COMPARE_JSON(points[i].toObject()["car95_usd"], p.car95Usd);
            CH_COMPARE_JSON(points[i].toObject()["premium_usd"], p.premiumUsd);
        }
        const QJsonObject r = o["risk"].toObject();
        QCOMPARE(r["seed"].toInteger(), qint64{42});
        QCOMPARE(r["paths"].toInteger(), qint64{3000});
        CH_COMPARE_JSON(r["unhedged"].toObject()["car95_usd"], risk.unhedged.car95.value);
        CH_COMPARE_JSON(r["current"].toObject()["car95_usd"], risk.current.car95.value);
        CH_COMPARE_JSON(r["proposed"].toObject()["car95_usd"], risk.proposed.car95.value);
        QCOMPARE(r["months"].toArray().size(), static_cast<qsizetype>(risk.months.size()));
    }

    void policyShowImportAndRefusal()
    {
        const QString ws = newDemo("policy.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject shown =
            runCliJson({"--workspace", ws, "hedge", "policy", "show"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(shown["stored"].toBool(), true);
        QJsonObject policy = shown["policy"].toObject();
        QCOMPARE(policy["name"].toString(), QString("Default layered policy"));
        QCOMPARE(policy["author"].toString(), QString("admin"));
        QCOMPARE(policy["buckets"].toArray().size(), qsizetype{3});
        QCOMPARE(shown["versions"].toArray().size(), qsizetype{1});

        // A valid edit through a file becomes version 2.
        QJsonArray buckets = policy["buckets"].toArray();
        QJsonObject first = buckets[0].toObject();
        first["target_ratio"] = 0.8;
        buckets[0] = first;
        policy["buckets"] = buckets;
        const QString file = m_dir.filePath("policy.json");
        QVERIFY(writeFile(file, QJsonDocument(QJsonObject{{"policy", policy}}).toJson()));
        const QJsonObject saved = runCliJson(
            {"--workspace", ws, "hedge", "policy", "import", file, "--author", "cfo"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(saved["policy"].toObject()["version"].toInt(), 2);
        QCOMPARE(saved["policy"].toObject()["author"].toString(), QString("cfo"));
        auto open = storage::Workspace::open(ws.toStdString());
        QCOMPARE(storage::HedgeRepository(open)
                     .currentPolicy("Default layered policy")
                     ->buckets[0]
                     .targetRatio,
                 0.8);

        // max below min: refused naming the bucket, nothing written.
        const CliRun bad = runCli({"--workspace",
                                   ws,
                                   "hedge",
                                   "policy",
                                   "set-bucket",
                                   "2",
                                   "--max",
                                   "0.2",
                                   "--author",
                                   "cfo"});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(errorLinesOf(bad),
                 (QStringList{"computehedge-cli: error: the policy was refused with 1 error; "
                              "nothing was saved",
                              "policy: bucket 2 (4–12 months): max 20% is below min 30%"}));
        QVERIFY(bad.out.isEmpty());
        QCOMPARE(storage::HedgeRepository(open).policyHistory("default").size(), std::size_t{2});

        // A ratio above 100% in a file: refused, the field named.
        first["max_ratio"] = 1.2;
        buckets[0] = first;
        policy["buckets"] = buckets;
        QVERIFY(writeFile(file, QJsonDocument(policy).toJson()));
        const CliRun above =
            runCli({"--workspace", ws, "hedge", "policy", "import", file, "--author", "cfo"});
        QCOMPARE(above.exitCode, 1);
        QVERIFY2(
            errorLinesOf(above).contains("policy: bucket 1 (0–3 months): max 120% is above 100%"),
            above.err.constData());
        QCOMPARE(storage::HedgeRepository(open).policyHistory("default").size(), std::size_t{2});

        // A file with a mistyped field: the file and the field are named.
        QJsonObject broken = policy;
        broken["max_premium_usd"] = "lots";
        QVERIFY(writeFile(file, QJsonDocument(broken).toJson()));
        const CliRun typed =
            runCli({"--workspace", ws, "hedge", "policy", "import", file, "--author", "cfo"});
        QCOMPARE(typed.exitCode, 1);
        QCOMPARE(errorLinesOf(typed),
                 (QStringList{"computehedge-cli: error: import of policy.json failed with 1 "
                              "error; nothing was saved",
                              "policy.json: max_premium_usd: is missing or not a number"}));
    }

    void proposeAndList()
    {
        const QString ws = newDemo("proposals.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject saved = runCliJson({"--workspace",
                                              ws,
                                              "hedge",
                                              "propose",
                                              "--author",
                                              "tina",
                                              "--rationale",
                                              "Q1 at the band; H200 cross-hedged"},
                                             problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(saved["id"].toString(), QString("HP-0001"));
        QCOMPARE(saved["status"].toString(), QString("draft"));
        const QJsonObject list = runCliJson({"--workspace", ws, "hedge", "proposals"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonArray proposals = list["proposals"].toArray();
        QCOMPARE(proposals.size(), qsizetype{1});
        QCOMPARE(proposals[0].toObject(), saved);
        auto open = storage::Workspace::open(ws.toStdString());
        const auto stored = storage::HedgeRepository(open).proposal("HP-0001");
        QVERIFY(stored.has_value());
        QCOMPARE(stored->proposal.createdBy, std::string("tina"));
        QCOMPARE(saved["lines"].toArray().size(),
                 static_cast<qsizetype>(stored->proposal.lines.size()));
        QVERIFY(!stored->proposal.lines.empty());
    }

    void priceOptionEqualsBlack76_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("averageMonths");
        QTest::newRow("call") << QStringList{"--forward",
                                             "2.5",
                                             "--strike",
                                             "2.75",
                                             "--vol",
                                             "0.6",
                                             "--expiry-years",
                                             "0.5",
                                             "--rate",
                                             "0.04",
                                             "--type",
                                             "call"}
                              << 0 << 0;
        QTest::newRow("put, Haug 2007 p.4 inputs") << QStringList{"--forward",
                                                                  "19",
                                                                  "--strike",
                                                                  "19",
                                                                  "--vol",
                                                                  "0.28",
                                                                  "--expiry-years",
                                                                  "0.75",
                                                                  "--rate",
                                                                  "0.10",
                                                                  "--type",
                                                                  "put"}
                                                   << 1 << 0;
        QTest::newRow("call on a 1-month average") << QStringList{"--forward",
                                                                  "2.5",
                                                                  "--strike",
                                                                  "2.6",
                                                                  "--vol",
                                                                  "0.6",
                                                                  "--expiry-years",
                                                                  "0.25",
                                                                  "--type",
                                                                  "call",
                                                                  "--average-months",
                                                                  "1"}
                                                   << 0 << 1;
    }
    void priceOptionEqualsBlack76()
    {
        QFETCH(QStringList, args);
        QFETCH(int, type);
        QFETCH(int, averageMonths);
        QString problem;
        const QJsonObject o = runCliJson(QStringList{"price", "option"} + args, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        pricing::Black76Inputs in;
        in.type = type == 0 ? pricing::OptionType::Call : pricing::OptionType::Put;
        auto value = [&](const char* name) {
            return args.at(args.indexOf(QString::fromLatin1(name)) + 1).toDouble();
        };
        in.forward = value("--forward");
        in.strike = value("--strike");
        in.yearsToExpiry = value("--expiry-years");
        in.rate = args.contains("--rate") ? value("--rate") : 0.0;
        in.volAnnual = value("--vol");
        if (averageMonths > 0) {
            // 21 daily fixings a month over the last month, the last at expiry.
            std::vector<double> t;
            for (int i = 1; i <= 21; ++i)
                t.push_back(in.yearsToExpiry - 1.0 / 12.0 + (1.0 / 12.0) * i / 21);
            in.volAnnual = pricing::averageSettlementVol(in.volAnnual, t, in.yearsToExpiry);
            QVERIFY(in.volAnnual < value("--vol"));
            QCOMPARE(o["fixings"].toInt(), 21);
        }
        const pricing::Black76Result r = pricing::black76(in);
        CH_COMPARE_JSON(o["effective_vol_annual"], in.volAnnual);
        CH_COMPARE_JSON(o["price"], r.price);
        CH_COMPARE_JSON(o["delta"], r.delta);
        CH_COMPARE_JSON(o["gamma"], r.gamma);
        CH_COMPARE_JSON(o["vega"], r.vega);
        CH_COMPARE_JSON(o["theta"], r.theta);
    }

    void badArgumentsNameTheArgument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList option{"price",
                                 "option",
                                 "--strike",
                                 "2.75",
                                 "--vol",
                                 "0.6",
                                 "--expiry-years",
                                 "0.5",
                                 "--type",
                                 "call"};
        QTest::newRow("negative forward")
            << option + QStringList{"--forward", "-1"}
            << "computehedge-cli: error: --forward: \"-1\" is not a price greater than 0 (USD "
               "per unit)";
        QTest::newRow("unknown type")
            << QStringList{"price",
                           "option",
                           "--forward",
                           "2.5",
                           "--strike",
                           "2.75",
                           "--vol",
                           "0.6",
                           "--expiry-years",
                           "0.5",
                           "--type",
                           "straddle"}
            << "computehedge-cli: error: --type: \"straddle\" is not an option type; expected "
               "call or put";
        QTest::newRow("vol not a number")
            << QStringList{"price",
                           "option",
                           "--forward",
                           "2.5",
                           "--strike",
                           "2.75",
                           "--vol",
                           "high",
                           "--expiry-years",
                           "0.5",
                           "--type",
                           "put"}
            << "computehedge-cli: error: --vol: \"high\" is not a volatility of 0 or more (0.45 "
               "= 45% a year)";
        QTest::newRow("average months zero")
            << option + QStringList{"--forward", "2.5", "--average-months", "0"}
            << "computehedge-cli: error: --average-months: \"0\" is not a whole number greater "
               "than zero";
    }
    void badArgumentsNameTheArgument()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(errorLinesOf(run).value(0), message);
    }

    void badHedgeArgumentsNameTheArgument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown resource")
            << QStringList{"hedge", "ratio", "Z900"}
            << "computehedge-cli: error: RESOURCE: \"Z900\" is not a resource of the plan or an "
               "index in this workspace; expected a resource such as H100 or one of ";
        QTest::newRow("unknown contract")
            << QStringList{"hedge", "ratio", "H200", "--against", "CHG.Z900"}
            << "computehedge-cli: error: --against: \"CHG.Z900\" is not a contract in this "
               "workspace; expected one of ";
        QTest::newRow("contract of another unit")
            << QStringList{"hedge", "ratio", "H200", "--against", "CHT.MID"}
            << "computehedge-cli: error: --against: CHT.MID is quoted in MTok but GPU.H200.NC in "
               "GPU-h; a hedge needs the same unit";
        QTest::newRow("zero paths") << QStringList{"hedge", "recommend", "--paths", "0"}
                                    << "computehedge-cli: error: --paths: \"0\" is not a whole "
                                       "number greater than zero";
        QTest::newRow("unknown policy")
            << QStringList{"hedge", "recommend", "--policy", "Nope"}
            << "computehedge-cli: error: --policy: \"Nope\" is not a hedge policy in this "
               "workspace; expected one of Default layered policy (default)";
        QTest::newRow("unknown mode")
            << QStringList{"hedge", "recommend", "--mode", "greedy"}
            << "computehedge-cli: error: --mode: \"greedy\" is not a mode; expected "
               "minimum_variance or policy_target";
        QTest::newRow("unknown policy action")
            << QStringList{"hedge", "policy", "erase"}
            << "computehedge-cli: error: ACTION: \"erase\" is not a policy action; expected show, "
               "import or set-bucket";
        QTest::newRow("import without author")
            << QStringList{"hedge", "policy", "import", "p.json"}
            << "computehedge-cli: error: --author: missing; say who saves this policy version";
        QTest::newRow("proposal without rationale")
            << QStringList{"hedge", "propose", "--author", "tina"}
            << "computehedge-cli: error: hedge propose: missing --rationale";
    }
    void badHedgeArgumentsNameTheArgument()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList{"--workspace", m_demo} + args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QString first = errorLinesOf(run).value(0);
        QVERIFY2(first.startsWith(message), qPrintable(first));
    }
};

CH_REGISTER_TEST(TestCliHedge);
#include "tst_cli_hedge.moc"
