#include "../risk/risk_sources_fixture.h"
#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "storage/risk_repository.h"
#include "storage/trading_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_registry.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace std::chrono;

namespace {

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const StorageError& e) {
        return QStringLiteral("StorageError: ") + e.what();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(no error)");
}

Timestamp at(const char* iso)
{
    return *parseIsoTimestamp(iso);
}

//! The fixture's inputs with a long H100 future in 2027-02, so the hedged side differs.
risk::BuiltRiskInputs hedgedInputs()
{
    risk::RiskSources src = risk::test::handSources();
    src.instruments = {risk::HeldInstrument{risk::InstrumentKind::Future,
                                            "GPU.H100.NC",
                                            2027y / February,
                                            2.4,
                                            730.0,
                                            1.0,
                                            0.0,
                                            "CHG.H100 2027-02 long 1"}};
    return risk::buildRiskInputs(src, {});
}

risk::McConfig smallRun()
{
    risk::McConfig c;
    c.seed = 987654321987654321ULL; // above 2^63 would also work: stored as decimal TEXT
    c.paths = 3000;
    c.threads = 2;
    return c;
}

} // namespace

class TestRiskRepository : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::optional<Workspace> m_ws;

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_ws.emplace(Workspace::create(pathOf(m_dir->filePath("risk.chw"))));
    }
    void cleanup()
    {
        m_ws.reset();
        m_dir.reset();
    }

    void overridesRoundTrip()
    {
        RiskRepository repo(*m_ws);
        QVERIFY(repo.overrides().empty());
        const risk::FactorParamOverrides h100{std::nullopt, 0.55, std::nullopt, -0.125, 0.0};
        const risk::FactorParamOverrides tok{std::nullopt, std::nullopt, 2.5, std::nullopt, 0.2};
        repo.setOverride("GPU.H100.NC", h100, at("2026-11-25T10:00:00Z"));
        repo.setOverride("TOK.FRONTIER.IN", tok, at("2026-11-25T10:01:00Z"));
        risk::OverrideMap expected{{"GPU.H100.NC", h100}, {"TOK.FRONTIER.IN", tok}};
        QVERIFY(repo.overrides() == expected);

        // Replacing, and an empty override removing the row (Reset).
        const risk::FactorParamOverrides h100b{1.5, std::nullopt, std::nullopt, std::nullopt, {}};
        repo.setOverride("GPU.H100.NC", h100b, at("2026-11-25T10:02:00Z"));
        expected["GPU.H100.NC"] = h100b;
        QVERIFY(repo.overrides() == expected);
        repo.setOverride("TOK.FRONTIER.IN", {}, at("2026-11-25T10:03:00Z"));
        expected.erase("TOK.FRONTIER.IN");
        QVERIFY(repo.overrides() == expected);
        repo.clearOverrides();
        QVERIFY(repo.overrides().empty());
    }

    void userScenarioRoundTripAndRefusal()
    {
        RiskRepository repo(*m_ws);
        QVERIFY(!repo.userScenario());
        const risk::UserScenarioSpec spec{
            "Winter squeeze",
            {{"GPU.H100.NC", 2027y / January, 2027y / March, 0.35},
             {"TOK.FRONTIER.IN", 2027y / February, 2027y / June, -0.4}}};
        repo.saveUserScenario(spec);
        QVERIFY(repo.userScenario() == spec);

        risk::UserScenarioSpec bad = spec;
        bad.shocks[1].relative = -1.5;
        bad.shocks[1].last = 2027y / January;
        QCOMPARE(errorOf([&] { repo.saveUserScenario(bad); }),
                 QStringLiteral("the user stress scenario was not saved:\n"
                                "user scenario:2: months: 2027-02 to 2027-01 ends before it "
                                "starts; expected the first month on or before the last\n"
                                "user scenario:2: shock: -150% would make the price zero or "
                                "negative; expected more than -100%"));
        QVERIFY(repo.userScenario() == spec); // nothing written
    }

    void savedRunReadsBackBitForBit()
    {
        const risk::BuiltRiskInputs built = hedgedInputs();
        QVERIFY(built.ok());
        const risk::McConfig config = smallRun();
        const risk::CostAtRisk result = risk::runCostAtRisk(built.inputs, config);
        QVERIFY(result.report && result.report->hasHedge);
        const RiskInputsSummary summary =
            summarizeInputs(built, risk::test::kValuation, risk::VolumeMode::Uncertain);
        QCOMPARE(summary.factors.size(), std::size_t{2});
        QCOMPARE(summary.instrumentCount, std::size_t{1});

        RiskRepository repo(*m_ws);
        const auto id = repo.saveRun(at("2026-11-25T14:05:09Z"), config, summary, result);
        QVERIFY(id.has_value());
        const std::optional<SavedRiskRun> run = repo.run(*id);
        QVERIFY(run.has_value());
        QCOMPARE(run->id, *id);
        QVERIFY(run->createdAt == at("2026-11-25T14:05:09Z"));
        QCOMPARE(run->config.seed, config.seed);
        QCOMPARE(run->config.paths, config.paths);
        QCOMPARE(run->config.threads, config.threads);
        QCOMPARE(run->config.blockPaths, config.blockPaths);
        QCOMPARE(run->config.histogramBins, config.histogramBins);
        QCOMPARE(run->config.contributionWindow, config.contributionWindow);
        QVERIFY(run->inputs == summary);
        QVERIFY(run->report.horizon == result.report->horizon);
        QVERIFY(run->report.quarters == result.report->quarters);
        QVERIFY(run->report.months == result.report->months);
        QVERIFY(run->report.fanUnhedged == result.report->fanUnhedged);
        QVERIFY(run->report.fanHedged == result.report->fanHedged);
        QVERIFY(run->report.histogramUnhedged == result.report->histogramUnhedged);
        QVERIFY(run->report.histogramHedged == result.report->histogramHedged);
        QVERIFY(run->report.contributions == result.report->contributions);
        QVERIFY(run->report == *result.report);

        QCOMPARE(repo.latestRun()->id, *id);
        const auto second = repo.saveRun(at("2026-11-25T15:00:00Z"), config, summary, result);
        QCOMPARE(repo.latestRun()->id, *second);
        const std::vector<RiskRunEntry> list = repo.runs();
        QCOMPARE(list.size(), std::size_t{2});
        QCOMPARE(list[0].id, *second); // newest first
        QCOMPARE(list[1].seed, config.seed);
        QCOMPARE(list[1].paths, std::size_t{3000});
        QCOMPARE(list[1].threads, 2u);
        QCOMPARE(list[1].horizonMonths, 3);
        QCOMPARE(list[1].digest, built.digest);
        QVERIFY(list[1].hasHedge);
        QCOMPARE(list[1].expectedUsd, result.report->horizon.unhedged.expected.value);
        QCOMPARE(list[1].car95Usd, result.report->horizon.unhedged.car95.value);
        QCOMPARE(list[1].hedgedCar95Usd, result.report->horizon.hedged.car95.value);
        QVERIFY(!repo.run(*second + 1));
    }

    void cancelledRunSavesNothing()
    {
        const risk::BuiltRiskInputs built = hedgedInputs();
        risk::RunControl stopAtOnce;
        stopAtOnce.stopRequested = [] { return true; };
        const risk::McConfig config = smallRun();
        const risk::CostAtRisk result = risk::runCostAtRisk(built.inputs, config, stopAtOnce);
        QVERIFY(result.cancelled);
        QVERIFY(!result.report);

        RiskRepository repo(*m_ws);
        const auto id = repo.saveRun(at("2026-11-25T14:05:09Z"),
                                     config,
                                     summarizeInputs(built, risk::test::kValuation, {}),
                                     result);
        QVERIFY(!id.has_value());
        QVERIFY(repo.runs().empty());
        QVERIFY(!repo.latestRun());
        RawDb raw(m_ws->path());
        for (const char* table : {"risk_runs",
                                  "risk_run_factors",
                                  "risk_run_periods",
                                  "risk_run_fan",
                                  "risk_run_histogram",
                                  "risk_run_contributions"})
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt(), 0);
    }

    void aResultOfAnotherConfigurationIsRefused()
    {
        const risk::BuiltRiskInputs built = hedgedInputs();
        risk::McConfig config = smallRun();
        config.paths = 500;
        const risk::CostAtRisk result = risk::runCostAtRisk(built.inputs, config);
        config.seed = 1;
        RiskRepository repo(*m_ws);
        QCOMPARE(errorOf([&] {
                     repo.saveRun(at("2026-11-25T14:05:09Z"),
                                  config,
                                  summarizeInputs(built, risk::test::kValuation, {}),
                                  result);
                 }),
                 QStringLiteral("saving a risk run: the result (seed 987654321987654321, 500 "
                                "paths) is not the run configured (seed 1, 500 paths)"));
        QVERIFY(repo.runs().empty());
    }

    void stressRunRoundTrip()
    {
        risk::RiskSources src = risk::test::handSources();
        const risk::BuiltRiskInputs built = hedgedInputs();
        std::vector<Issue> issues;
        const auto set =
            risk::stressSet(built.inputs,
                            risk::factorHistory(src, built.inputs),
                            risk::UserScenarioSpec{
                                "Mine", {{"GPU.H100.NC", 2027y / January, 2027y / February, 0.5}}},
                            issues);
        SavedStressRun run;
        run.createdAt = at("2026-11-25T16:00:00Z");
        run.inputs = summarizeInputs(built, risk::test::kValuation, risk::VolumeMode::Base);
        run.hasHedge = true;
        for (const risk::NamedStress& s : set)
            run.results.push_back(
                {s.kind, s.scenario.description, risk::runStress(built.inputs, s.scenario)});

        RiskRepository repo(*m_ws);
        QVERIFY(!repo.latestStressRun());
        const std::int64_t id = repo.saveStressRun(run);
        const std::optional<SavedStressRun> back = repo.latestStressRun();
        QVERIFY(back.has_value());
        QCOMPARE(back->id, id);
        QVERIFY(back->createdAt == run.createdAt);
        QCOMPARE(back->inputs.digest, built.digest);
        QVERIFY(back->inputs.volumes == risk::VolumeMode::Base);
        QCOMPARE(back->inputs.horizonMonths, 3);
        QVERIFY(back->hasHedge);
        QCOMPARE(back->inputs.factors.size(), std::size_t{2});
        QCOMPARE(back->inputs.factors[1].indexId, std::string("TOK.FRONTIER.IN"));
        QCOMPARE(back->results.size(), run.results.size());
        for (std::size_t i = 0; i < run.results.size(); ++i) {
            const SavedStress& a = run.results[i];
            const SavedStress& b = back->results[i];
            QVERIFY(a.kind == b.kind);
            QCOMPARE(b.description, a.description);
            QCOMPARE(b.result.name, a.result.name);
            QCOMPARE(b.result.baseCostUsd, a.result.baseCostUsd);
            QCOMPARE(b.result.stressedCostUsd, a.result.stressedCostUsd);
            QCOMPARE(b.result.baseHedgedCostUsd, a.result.baseHedgedCostUsd);
            QCOMPARE(b.result.stressedHedgedCostUsd, a.result.stressedHedgedCostUsd);
            QCOMPARE(b.result.monthlyDeltaUsd, a.result.monthlyDeltaUsd);
            QCOMPARE(b.result.monthlyHedgedDeltaUsd, a.result.monthlyHedgedDeltaUsd);
            QCOMPARE(b.result.factorDeltaUsd, a.result.factorDeltaUsd);
        }
        QVERIFY(back->results.back().kind == risk::StressKind::User);
    }

    void heldHedgesAreTheOpenPositions()
    {
        // An empty workspace holds no positions: the run is unhedged.
        const HeldHedges none = loadHeldHedges(*m_ws);
        QVERIFY(none.instruments.empty());
        QVERIFY(none.issues.empty());

        // The demo desk holds CHG.B200 2026-12 +10, CHG.H100 2026-12 +15 and 2027-01 +15.
        m_ws.reset();
        Workspace demo = Workspace::createDemo(pathOf(m_dir->filePath("demo.chw")));
        const HeldHedges held = loadHeldHedges(demo);
        QVERIFY(held.issues.empty());
        const auto positions = TradingRepository(demo).positions();
        QCOMPARE(held.instruments.size(), std::size_t{3});
        for (const risk::HeldInstrument& h : held.instruments) {
            const auto p = std::find_if(positions.begin(), positions.end(), [&](const auto& x) {
                return x.deliveryMonth == h.month && h.label.starts_with(x.symbol + " ");
            });
            QVERIFY(p != positions.end());
            QVERIFY(h.kind == risk::InstrumentKind::Future);
            QCOMPARE(h.indexId,
                     p->symbol == "CHG.B200" ? std::string("GPU.B200.NC")
                                             : std::string("GPU.H100.NC"));
            QCOMPARE(h.contracts, static_cast<double>(p->netQty));
            QCOMPARE(h.unitsPerContract, 730.0);
            QCOMPARE(h.strikeUsd, static_cast<double>(p->averagePriceMicros()) / 1e6);
        }
        QCOMPARE(held.instruments[0].label, std::string("CHG.B200 2026-12 long 10"));
    }
};
CH_REGISTER_TEST(TestRiskRepository);

#include "tst_risk_repository.moc"
