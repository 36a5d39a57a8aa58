// computehedge-cli risk commands: the JSON of `risk run` must equal, bit for bit, a direct core run
// (storage::loadRiskSources, risk::buildRiskInputs, risk::runCostAtRisk) with the same seed and
// paths, whatever the thread count; stresses and parameters likewise.

#include "cli_runner.h"
#include "pricing/market_snapshot.h"
#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::test;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

//! The sources and inputs the CLI builds, computed here by calling core directly.
struct Direct
{
    risk::RiskSources sources;
    risk::BuiltRiskInputs built;
};

Direct directInputs(const QString& file,
                    const risk::RiskBuildOptions& options,
                    const std::optional<std::string>& proposal = std::nullopt)
{
    auto ws = storage::Workspace::open(file.toStdString());
    const MarketDataSet market = storage::MarketDataRepository(ws).loadAll();
    std::vector<Issue> issues;
    Direct d;
    d.sources =
        storage::loadRiskSources(ws,
                                 market,
                                 pricing::buildMarketSnapshot(market, market.info.valuationDate),
                                 issues,
                                 proposal);
    d.built = risk::buildRiskInputs(d.sources, options);
    return d;
}

//! Compares an estimate printed by the CLI with the one core computed: exactly (JSON carries
//! doubles as shortest round-trip text).
void compareEstimate(const QJsonValue& json, const risk::Estimate& e, const char* what)
{
    const QJsonObject o = json.toObject();
    if (o["value"].toDouble() != e.value || o["standard_error"].toDouble() != e.standardError)
        QFAIL(qPrintable(QStringLiteral("%1: CLI %2 ± %3, core %4 ± %5")
                             .arg(what)
                             .arg(o["value"].toDouble(), 0, 'g', 17)
                             .arg(o["standard_error"].toDouble(), 0, 'g', 17)
                             .arg(e.value, 0, 'g', 17)
                             .arg(e.standardError, 0, 'g', 17)));
}

void compareSummary(const QJsonValue& json, const risk::DistributionSummary& d)
{
    const QJsonObject o = json.toObject();
    compareEstimate(o["expected_usd"], d.expected, "expected");
    compareEstimate(o["p50_usd"], d.p50, "p50");
    compareEstimate(o["p95_usd"], d.p95, "p95");
    compareEstimate(o["p99_usd"], d.p99, "p99");
    compareEstimate(o["car95_usd"], d.car95, "car95");
    compareEstimate(o["car99_usd"], d.car99, "car99");
    compareEstimate(o["es95_usd"], d.es95, "es95");
    compareEstimate(o["es99_usd"], d.es99, "es99");
    QCOMPARE(o["sd_usd"].toDouble(), d.sdUsd);
    QCOMPARE(o["min_usd"].toDouble(), d.minUsd);
    QCOMPARE(o["max_usd"].toDouble(), d.maxUsd);
}

void comparePeriod(const QJsonValue& json, const risk::PeriodRisk& p)
{
    const QJsonObject o = json.toObject();
    QCOMPARE(o["first_month"].toString(), qs(formatIsoMonth(p.first)));
    QCOMPARE(o["months"].toInt(), p.months);
    compareSummary(o["unhedged"], p.unhedged);
    compareSummary(o["hedged"], p.hedged);
}

QStringList stderrLines(const CliRun& run)
{
    return errorLines(run);
}

} // namespace

class TestCliRisk : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        QCOMPARE(demoWorkspaceCopy(m_demo), m_demo);
    }

    void runEqualsADirectCoreRun()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace",
                                          m_demo,
                                          "risk",
                                          "run",
                                          "--paths",
                                          "4000",
                                          "--seed",
                                          "42",
                                          "--threads",
                                          "2",
                                          "--horizon",
                                          "12"},
                                         problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        risk::RiskBuildOptions options;
        options.horizonMonths = 12;
        const Direct d = directInputs(m_demo, options);
        QVERIFY(d.built.ok());
        risk::McConfig config;
        config.seed = 42;
        config.paths = 4000;
        config.threads = 3; // a different thread count: the numbers must not move
        const risk::CostAtRisk core = risk::runCostAtRisk(d.built.inputs, config);
        QVERIFY(core.report.has_value());
        const risk::CostAtRiskReport& r = *core.report;

        QCOMPARE(o["seed"].toInteger(), qint64{42});
        QCOMPARE(o["paths"].toInteger(), qint64{4000});
        QCOMPARE(o["threads"].toInteger(), qint64{2});
        QCOMPARE(o["horizon_months"].toInt(), 12);
        QCOMPARE(o["volume_mode"].toString(), QStringLiteral("uncertain"));
        QCOMPARE(o["inputs_digest"].toString(), qs(d.built.digest));
        QCOMPARE(o["has_hedge"].toBool(), r.hasHedge);
        QVERIFY(r.hasHedge); // the demo desk holds H100 and B200 futures inside the horizon
        comparePeriod(o["horizon"], r.horizon);
        const QJsonArray quarters = o["quarters"].toArray();
        QCOMPARE(quarters.size(), qsizetype{4});
        for (qsizetype i = 0; i < quarters.size(); ++i)
            comparePeriod(quarters[i], r.quarters[static_cast<std::size_t>(i)]);
        const QJsonArray months = o["months"].toArray();
        QCOMPARE(months.size(), qsizetype{12});
        for (qsizetype i = 0; i < months.size(); ++i)
            comparePeriod(months[i], r.months[static_cast<std::size_t>(i)]);
        const QJsonArray contributions = o["contributions"].toArray();
        QCOMPARE(contributions.size(), static_cast<qsizetype>(r.contributions.size()));
        double sum95 = 0.0;
        for (qsizetype i = 0; i < contributions.size(); ++i) {
            const QJsonObject c = contributions[i].toObject();
            const risk::FactorContribution& x = r.contributions[static_cast<std::size_t>(i)];
            QCOMPARE(c["index_id"].toString(), qs(x.indexId));
            QCOMPARE(c["expected_cost_usd"].toDouble(), x.expectedCostUsd);
            QCOMPARE(c["car95_usd"].toDouble(), x.car95Usd);
            QCOMPARE(c["car99_usd"].toDouble(), x.car99Usd);
            QCOMPARE(c["hedged_car95_usd"].toDouble(), x.hedgedCar95Usd);
            sum95 += x.car95Usd;
        }
        QVERIFY(std::fabs(sum95 - r.horizon.unhedged.car95.value)
                <= 1e-9 * r.horizon.unhedged.car95.value);
        const QJsonArray fan = o["fan"].toArray();
        QCOMPARE(fan.size(), qsizetype{12});
        QCOMPARE(fan[3].toObject()["unhedged"].toObject()["p95_usd"].toDouble(),
                 r.fanUnhedged[3].p95Usd);
        QCOMPARE(fan[3].toObject()["hedged"].toObject()["p5_usd"].toDouble(), r.fanHedged[3].p5Usd);
        const QJsonArray hist = o["histogram"].toObject()["unhedged"].toArray();
        QCOMPARE(hist.size(), static_cast<qsizetype>(r.histogramUnhedged.size()));
        for (qsizetype i = 0; i < hist.size(); ++i) {
            const risk::HistogramBin& b = r.histogramUnhedged[static_cast<std::size_t>(i)];
            QCOMPARE(hist[i].toObject()["low_usd"].toDouble(), b.lowUsd);
            QCOMPARE(hist[i].toObject()["paths"].toInteger(), static_cast<qint64>(b.paths));
        }
        QCOMPARE(o["car95_reduction_usd"].toDouble(), r.car95ReductionUsd);
        const QJsonArray budget = o["budget"].toArray();
        QCOMPARE(budget.size(), qsizetype{12});
        QCOMPARE(budget[0].toObject()["forward_cost_usd"].toDouble(), d.built.forwardCostUsd[0]);
        QCOMPARE(budget[0].toObject()["budget_usd"].toDouble(), *d.built.budgetUsd[0]);

        // The run was saved with its seed, paths and inputs.
        auto ws = storage::Workspace::open(m_demo.toStdString());
        const auto saved = storage::RiskRepository(ws).run(o["run_id"].toInteger());
        QVERIFY(saved.has_value());
        QCOMPARE(saved->config.seed, std::uint64_t{42});
        QCOMPARE(saved->inputs.digest, d.built.digest);
        QVERIFY(saved->report == r);
    }

    void threadCountDoesNotChangeTheJson()
    {
        QJsonObject runs[2];
        for (int t = 1; t <= 2; ++t) {
            QString problem;
            runs[t - 1] = runCliJson({"--workspace",
                                      m_demo,
                                      "risk",
                                      "run",
                                      "--paths",
                                      "3000",
                                      "--seed",
                                      "9",
                                      "--horizon",
                                      "6",
                                      "--threads",
                                      QString::number(t)},
                                     problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(runs[t - 1]["threads"].toInt(), t);
            for (const char* key : {"run_id", "created_at", "threads"})
                runs[t - 1].remove(QLatin1String(key));
        }
        QCOMPARE(runs[0], runs[1]);
    }

    void savedRunsAreListed()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", m_demo, "risk", "runs"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonArray runs = o["runs"].toArray();
        auto ws = storage::Workspace::open(m_demo.toStdString());
        const auto stored = storage::RiskRepository(ws).runs();
        QCOMPARE(runs.size(), static_cast<qsizetype>(stored.size()));
        QVERIFY(runs.size() >= 1);
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QJsonObject r = runs[i].toObject();
            const storage::RiskRunEntry& e = stored[static_cast<std::size_t>(i)];
            QCOMPARE(r["run_id"].toInteger(), e.id);
            QCOMPARE(r["seed"].toInteger(), static_cast<qint64>(e.seed));
            QCOMPARE(r["paths"].toInteger(), static_cast<qint64>(e.paths));
            QCOMPARE(r["car95_usd"].toDouble(), e.car95Usd);
        }
    }

    void paramsAreTheEstimates()
    {
        QString problem;
        const QJsonObject o = runCliJson({"--workspace", m_demo, "risk", "params"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Direct d = directInputs(m_demo, {});
        const QJsonArray factors = o["factors"].toArray();
        QCOMPARE(factors.size(), static_cast<qsizetype>(d.built.factors.size()));
        for (qsizetype i = 0; i < factors.size(); ++i) {
            const QJsonObject f = factors[i].toObject();
            const risk::FactorEstimate& e = d.built.factors[static_cast<std::size_t>(i)];
            QCOMPARE(f["index_id"].toString(), qs(e.indexId));
            QCOMPARE(f["model"].toString(), QString(risk::factorModelCode(e.model)));
            QCOMPARE(f["observations"].toInteger(), static_cast<qint64>(e.observations));
            QVERIFY(e.estimated.has_value());
            const QJsonObject est = f["estimated"].toObject();
            QCOMPARE(est["kappa_per_year"].toDouble(), e.estimated->kappaPerYear);
            QCOMPARE(est["sigma_annual"].toDouble(), e.estimated->sigmaAnnual);
            QCOMPARE(est["jumps_per_year"].toDouble(), e.estimated->jumpsPerYear);
            QCOMPARE(est["jump_mean_log"].toDouble(), e.estimated->jumpMeanLog);
            QCOMPARE(est["jump_sd_log"].toDouble(), e.estimated->jumpSdLog);
            QCOMPARE(f["effective"].toObject(), est); // no overrides in the demo
            QCOMPARE(f["overridden"].toBool(), false);
            QVERIFY(f["overrides"].toObject()["sigma_annual"].isNull());
        }
    }

    void stressEqualsCore()
    {
        QString problem;
        const QJsonObject o = runCliJson(
            {"--workspace", m_demo, "risk", "stress", "--scenario", "gpu shortage"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        risk::RiskBuildOptions options;
        options.volumes = risk::VolumeMode::Base;
        const Direct d = directInputs(m_demo, options);
        const risk::StressResult core =
            risk::runStress(d.built.inputs, risk::gpuShortageScenario(d.built.inputs));
        const QJsonArray list = o["scenarios"].toArray();
        QCOMPARE(list.size(), qsizetype{1});
        const QJsonObject s = list[0].toObject();
        QCOMPARE(s["name"].toString(), QStringLiteral("GPU shortage"));
        QCOMPARE(s["kind"].toString(), QStringLiteral("preset"));
        QCOMPARE(s["base_cost_usd"].toDouble(), core.baseCostUsd);
        QCOMPARE(s["stressed_cost_usd"].toDouble(), core.stressedCostUsd);
        QCOMPARE(s["delta_usd"].toDouble(), core.deltaUsd());
        QCOMPARE(s["stressed_hedged_cost_usd"].toDouble(), core.stressedHedgedCostUsd);
        QCOMPARE(s["months"].toArray()[2].toObject()["delta_usd"].toDouble(),
                 core.monthlyDeltaUsd[2]);
        QVERIFY(core.deltaUsd() > 0.0);
        auto ws = storage::Workspace::open(m_demo.toStdString());
        const auto saved = storage::RiskRepository(ws).latestStressRun();
        QVERIFY(saved.has_value());
        QCOMPARE(saved->id, o["stress_run_id"].toInteger());
        QCOMPARE(saved->results.size(), std::size_t{1});
        QCOMPARE(saved->results[0].result.stressedCostUsd, core.stressedCostUsd);
    }

    void aProposalsTradesJoinThePositions()
    {
        QString problem;
        const QJsonObject proposal = runCliJson({"--workspace",
                                                 m_demo,
                                                 "hedge",
                                                 "propose",
                                                 "--author",
                                                 "tina",
                                                 "--rationale",
                                                 "risk test"},
                                                problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString id = proposal["id"].toString();
        QVERIFY(!id.isEmpty());
        const QJsonObject o = runCliJson({"--workspace",
                                          m_demo,
                                          "risk",
                                          "run",
                                          "--paths",
                                          "2000",
                                          "--seed",
                                          "5",
                                          "--horizon",
                                          "12",
                                          "--proposal",
                                          id},
                                         problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o["hedges"].toString(), "positions held + trades of proposal " + id);

        risk::RiskBuildOptions options;
        options.horizonMonths = 12;
        const Direct positionsOnly = directInputs(m_demo, options);
        const Direct d = directInputs(m_demo, options, id.toStdString());
        QVERIFY(d.built.ok());
        // The recommendation trades on top of the demo desk's three positions.
        QVERIFY(d.built.inputs.instruments.size() > positionsOnly.built.inputs.instruments.size());
        QCOMPARE(o["instruments"].toInteger(),
                 static_cast<qint64>(d.built.inputs.instruments.size()));
        QCOMPARE(o["inputs_digest"].toString(), qs(d.built.digest));
        risk::McConfig config;
        config.seed = 5;
        config.paths = 2000;
        const risk::CostAtRisk core = risk::runCostAtRisk(d.built.inputs, config);
        comparePeriod(o["horizon"], core.report->horizon);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("seed too large")
            << QStringList{"risk", "run", "--seed", "9007199254740992"}
            << QStringList{"computehedge-cli: error: --seed: \"9007199254740992\" is not a whole "
                           "number from 0 to 9007199254740991 (2^53 - 1)"};
        QTest::newRow("unknown volume scenario")
            << QStringList{"risk", "run", "--scenario", "medium"}
            << QStringList{"computehedge-cli: error: --scenario: \"medium\" is not a volume "
                           "scenario; expected low, base, high or uncertain"};
        QTest::newRow("correlation out of range")
            << QStringList{"risk", "run", "--volume-correlation", "1.5"}
            << QStringList{"computehedge-cli: error: --volume-correlation: \"1.5\" is not a "
                           "number from 0 to 1"};
        QTest::newRow("horizon past the plan")
            << QStringList{"risk", "run", "--horizon", "48"}
            << QStringList{"computehedge-cli: error: the risk inputs have 1 error; nothing was "
                           "run",
                           "risk: horizon: a horizon of 48 months is outside the plan; expected "
                           "1 to 36"};
        QTest::newRow("unknown proposal")
            << QStringList{"risk", "run", "--proposal", "HP-9999"}
            << QStringList{"computehedge-cli: error: --proposal: \"HP-9999\" is not a saved "
                           "hedge proposal in this workspace"};
        QTest::newRow("unknown stress scenario")
            << QStringList{"risk", "stress", "--scenario", "Meteor"}
            << QStringList{"computehedge-cli: error: --scenario: \"Meteor\" is not a stress "
                           "scenario; expected one of Historical worst 1-month rise, Historical "
                           "worst 3-month rise, Historical worst 6-month rise, Historical worst "
                           "1-month fall, Historical worst 3-month fall, Historical worst "
                           "6-month fall, GPU shortage, Frontier model release, New GPU "
                           "generation, Winter capacity squeeze"};
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const int before = [&] {
            auto ws = storage::Workspace::open(m_demo.toStdString());
            return static_cast<int>(storage::RiskRepository(ws).runs().size());
        }();
        const CliRun run = runCli(QStringList{"--workspace", m_demo} + args);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(stderrLines(run), expected);
        QVERIFY(run.out.isEmpty());
        auto ws = storage::Workspace::open(m_demo.toStdString());
        QCOMPARE(static_cast<int>(storage::RiskRepository(ws).runs().size()), before);
    }

    void aWorkspaceWithoutMarketDataIsRefused()
    {
        const QString empty = m_dir.filePath("empty.chw");
        QCOMPARE(runCli({"workspace", "new", empty}).exitCode, 0);
        for (const char* command : {"run", "stress", "params"}) {
            const CliRun run = runCli({"--workspace", empty, "risk", command});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(stderrLines(run),
                     QStringList{"computehedge-cli: error: the workspace has no market data; "
                                 "create a demo workspace with `computehedge-cli workspace new "
                                 "PATH --demo`"});
        }
    }
};
CH_REGISTER_TEST(TestCliRisk);

#include "tst_cli_risk.moc"
