#include "compare.h"
#include "exposure/basis.h"
#include "risk/inputs_builder.h"
#include "risk/inputs_digest.h"
#include "risk/stress.h"
#include "risk_sources_fixture.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

QStringList texts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const Issue& i : issues)
        out << QString::fromStdString(i.toString());
    return out;
}

//! The measured H100 basis of the fixture: USD 2,750 for 1,000 GPU-h in 2026-12 against the
//! index's business-day average of that month.
double fixtureBasis(const RiskSources& s)
{
    const auto avg =
        exposure::indexMonthlyAverage(*s.market.findSeries("GPU.H100.NC"), 2026y / December);
    return 2.75 / *avg;
}

} // namespace

class TestInputsBuilder : public QObject
{
    Q_OBJECT
private slots:
    void buildsOpenVolumesBasisAndContractedCost()
    {
        const RiskSources src = handSources();
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QCOMPARE(texts(b.issues), QStringList());
        QVERIFY(b.ok());
        const RiskInputs& in = b.inputs;
        QCOMPARE(in.firstMonth, kFirst);
        QCOMPARE(in.horizonMonths, 3);
        QCOMPARE(in.factors.size(), std::size_t{2});
        QCOMPARE(in.factors[0].indexId, std::string("GPU.H100.NC"));
        QCOMPARE(in.factors[0].resource, std::string("H100"));
        QVERIFY(in.factors[0].model == FactorModel::MeanRevertingJump);
        QCOMPARE(in.factors[0].forwardUsd, (std::vector<double>{2.5, 2.45, 2.4}));
        QCOMPARE(in.factors[1].indexId, std::string("TOK.FRONTIER.IN"));
        QVERIFY(in.factors[1].model == FactorModel::TokenCuts);
        // The snapshot lists TOK, B200, H100: the H100-TOK entry is its (2, 0) = 0.2.
        QCOMPARE(in.correlation.rows(), Eigen::Index{2});
        QCOMPARE(in.correlation(0, 0), 1.0);
        QCOMPARE(in.correlation(0, 1), 0.2);
        QCOMPARE(in.correlation(1, 0), 0.2);

        const double basis = fixtureBasis(src);
        QCOMPARE(in.cells.size(), std::size_t{6});
        // H100, 2027-01: planned 800 / 1,000 / 1,300, 300 reserved at 2.00 -> open 500 / 700 /
        // 1,000.
        const ExposureCell& h0 = in.cells[0];
        QCOMPARE(h0.factor, std::size_t{0});
        QCOMPARE(h0.monthOffset, 0);
        QCOMPARE(h0.lowVolume, 500.0);
        QCOMPARE(h0.baseVolume, 700.0);
        QCOMPARE(h0.highVolume, 1000.0);
        CH_COMPARE_NEAR(h0.priceMultiplier, basis, 1e-15);
        QCOMPARE(h0.spreadUsd, 0.0);
        QCOMPARE(h0.contractedVolume, 300.0);
        QCOMPARE(h0.contractedPriceUsd, 2.0);
        // 2027-03: nothing reserved, the whole plan is open.
        const ExposureCell& h2 = in.cells[2];
        QCOMPARE(h2.monthOffset, 2);
        QCOMPARE(h2.lowVolume, 800.0);
        QCOMPARE(h2.baseVolume, 1000.0);
        QCOMPARE(h2.highVolume, 1300.0);
        QCOMPARE(h2.contractedVolume, 0.0);
        QCOMPARE(h2.contractedPriceUsd, 0.0);
        // Tokens: no bills, so the line pays the index itself.
        const ExposureCell& t1 = in.cells[4];
        QCOMPARE(t1.factor, std::size_t{1});
        QCOMPARE(t1.monthOffset, 1);
        QCOMPARE(t1.baseVolume, 50.0);
        QCOMPARE(t1.priceMultiplier, 1.0);
        QVERIFY(in.instruments.empty());

        // Budget 2.60 per planned GPU-h in 2027-01 only; the Exposure page's base total per month.
        QCOMPARE(b.budgetUsd.size(), std::size_t{3});
        QCOMPARE(*b.budgetUsd[0], 2.6 * 1000.0);
        QVERIFY(!b.budgetUsd[1] && !b.budgetUsd[2]);
        CH_COMPARE_NEAR(b.forwardCostUsd[0], 300.0 * 2.0 + 700.0 * 2.5 * basis + 50.0 * 2.4, 1e-9);
        CH_COMPARE_NEAR(b.forwardCostUsd[2], 1000.0 * 2.4 * basis + 50.0 * 2.2, 1e-9);
        QCOMPARE(b.digest, riskInputsDigest(in));
        QCOMPARE(b.digest.size(), std::size_t{16});
    }

    void fixedScenarioHoldsVolumes()
    {
        RiskBuildOptions o;
        o.volumes = VolumeMode::High;
        const BuiltRiskInputs b = buildRiskInputs(handSources(), o);
        QVERIFY(b.ok());
        const ExposureCell& h0 = b.inputs.cells[0];
        QCOMPARE(h0.lowVolume, 1000.0);
        QCOMPARE(h0.baseVolume, 1000.0);
        QCOMPARE(h0.highVolume, 1000.0);
        QCOMPARE(*b.budgetUsd[0], 2.6 * 1300.0);
    }

    void horizonAndDemandSettings()
    {
        RiskBuildOptions o;
        o.horizonMonths = 2;
        o.demand = {0.3, -0.2};
        const BuiltRiskInputs b = buildRiskInputs(handSources(), o);
        QVERIFY(b.ok());
        QCOMPARE(b.inputs.horizonMonths, 2);
        QCOMPARE(b.inputs.cells.size(), std::size_t{4});
        QCOMPARE(b.inputs.factors[0].forwardUsd.size(), std::size_t{2});
        QCOMPARE(b.inputs.demand.volumeCorrelation, 0.3);
        QCOMPARE(b.inputs.demand.priceVolumeCorrelation, -0.2);
        QCOMPARE(b.budgetUsd.size(), std::size_t{2});
    }

    void instrumentsBecomeFactorsAndMonthOffsets()
    {
        RiskSources src = handSources();
        src.instruments = {HeldInstrument{InstrumentKind::Future,
                                          "GPU.H100.NC",
                                          2027y / February,
                                          2.4,
                                          730.0,
                                          2.0,
                                          0.0,
                                          "CHG.H100 2027-02 long 2"},
                           HeldInstrument{InstrumentKind::Future,
                                          "GPU.B200.NC",
                                          2027y / January,
                                          5.8,
                                          730.0,
                                          -1.0,
                                          0.0,
                                          "CHG.B200 2027-01 short 1"},
                           HeldInstrument{InstrumentKind::Future,
                                          "GPU.H100.NC",
                                          2027y / June,
                                          2.3,
                                          730.0,
                                          1.0,
                                          0.0,
                                          "CHG.H100 2027-06 long 1"}};
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QVERIFY(b.ok());
        QCOMPARE(texts(b.issues),
                 QStringList{"risk: instruments: warning: CHG.H100 2027-06 long 1: delivery "
                             "2027-06 is outside the run's 3-month horizon from 2027-01; left "
                             "out"});
        const RiskInputs& in = b.inputs;
        // B200 carries no exposure but is a factor, for the cross hedge.
        QCOMPARE(in.factors.size(), std::size_t{3});
        QCOMPARE(in.factors[2].indexId, std::string("GPU.B200.NC"));
        QCOMPARE(in.correlation(0, 2), 0.6);
        QCOMPARE(in.correlation(1, 2), 0.1);
        QCOMPARE(in.instruments.size(), std::size_t{2});
        QCOMPARE(in.instruments[0].factor, std::size_t{0});
        QCOMPARE(in.instruments[0].monthOffset, 1);
        QCOMPARE(in.instruments[0].strikeUsd, 2.4);
        QCOMPARE(in.instruments[0].contracts, 2.0);
        QCOMPARE(in.instruments[1].factor, std::size_t{2});
        QCOMPARE(in.instruments[1].monthOffset, 0);
        QCOMPARE(in.instruments[1].contracts, -1.0);
        QCOMPARE(in.instruments[1].label, std::string("CHG.B200 2027-01 short 1"));
    }

    void unusedPooledCapacityIsStillCosted()
    {
        RiskSources src = handSources();
        src.contracts.emplace_back("pool-h100",
                                   "",
                                   Resource::gpu(GpuType::H100),
                                   "GPU.H100.NC",
                                   ContractKind::CommittedUse,
                                   "Neocloud B",
                                   UnitRate::fromUsd(Unit::GpuHour, 1.5),
                                   2027y / March,
                                   std::vector<double>{2000.0});
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QVERIFY(b.ok());
        // 2027-03: the line takes 1,000 of the 2,000 GPU-h (base); the other 1,000 is paid for.
        const ExposureCell& h2 = b.inputs.cells[2];
        QCOMPARE(h2.baseVolume, 0.0);
        QCOMPARE(h2.highVolume, 0.0);
        QCOMPARE(h2.contractedVolume, 1000.0);
        QCOMPARE(h2.contractedPriceUsd, 1.5);
        const ExposureCell& spare = b.inputs.cells.back();
        QCOMPARE(spare.factor, std::size_t{0});
        QCOMPARE(spare.monthOffset, 2);
        QCOMPARE(spare.highVolume, 0.0);
        QCOMPARE(spare.contractedVolume, 1000.0);
        QCOMPARE(spare.contractedPriceUsd, 1.5);
        CH_COMPARE_NEAR(b.forwardCostUsd[2], 2000.0 * 1.5 + 50.0 * 2.2, 1e-9);
    }

    void deterministicCostMatchesTheStressBase()
    {
        RiskSources src = handSources();
        src.instruments = {HeldInstrument{InstrumentKind::Future,
                                          "GPU.H100.NC",
                                          2027y / February,
                                          2.4,
                                          730.0,
                                          2.0,
                                          0.0,
                                          "CHG.H100"}};
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QVERIFY(b.ok());
        double total = 0.0;
        for (double v : b.forwardCostUsd)
            total += v;
        const StressResult r = runStress(b.inputs, presetScenarios(b.inputs).front());
        CH_COMPARE_NEAR(r.baseCostUsd, total, 1e-9 * total);
    }

    void overridesReplaceEstimatesAndChangeTheDigest()
    {
        RiskSources src = handSources();
        const BuiltRiskInputs plain = buildRiskInputs(src, {});
        QVERIFY(plain.factors[0].estimated.has_value());
        QVERIFY(!plain.factors[0].isOverridden());
        src.overrides["GPU.H100.NC"].sigmaAnnual = 0.9;
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QVERIFY(b.ok());
        QVERIFY(b.factors[0].isOverridden());
        const FactorParams& est = *b.factors[0].estimated;
        const FactorParams& used = b.inputs.factors[0].params;
        QCOMPARE(used.sigmaAnnual, 0.9);
        QCOMPARE(used.kappaPerYear, est.kappaPerYear);
        QCOMPARE(used.jumpsPerYear, est.jumpsPerYear);
        QVERIFY(b.digest != plain.digest);
        QCOMPARE(buildRiskInputs(src, {}).digest, b.digest);
    }

    void missingHistoryNeedsEveryParameter()
    {
        RiskSources src = handSources();
        src.market.series.erase(src.market.series.begin()); // TOK.FRONTIER.IN
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        QVERIFY(!b.ok());
        QVERIFY(b.digest.empty());
        QCOMPARE(texts(b.issues),
                 QStringList{"risk: parameters: TOK.FRONTIER.IN: no estimate from 2024-12-31 to "
                             "2026-12-31 (no price history); enter every parameter as an "
                             "override to use TOK.FRONTIER.IN"});
        src.overrides["TOK.FRONTIER.IN"] = FactorParamOverrides{std::nullopt, 0.05, 3.0, -0.3, 0.1};
        const BuiltRiskInputs ok = buildRiskInputs(src, {});
        QVERIFY(ok.ok());
        QCOMPARE(ok.inputs.factors[1].params, (FactorParams{0.0, 0.05, 3.0, -0.3, 0.1}));
    }

    void refusals_data()
    {
        QTest::addColumn<int>("horizon");
        QTest::addColumn<bool>("emptyPlan");
        QTest::addColumn<QString>("message");
        QTest::newRow("no plan") << 0 << true
                                 << "risk: plan: the workspace has no plan lines; enter a plan "
                                    "before running Cost-at-Risk";
        QTest::newRow("horizon past the plan")
            << 5 << false
            << "risk: horizon: a horizon of 5 months is outside the plan; expected 1 to 3";
    }
    void refusals()
    {
        QFETCH(int, horizon);
        QFETCH(bool, emptyPlan);
        QFETCH(QString, message);
        RiskSources src = handSources();
        if (emptyPlan)
            src.plan = Plan();
        RiskBuildOptions o;
        o.horizonMonths = horizon;
        const BuiltRiskInputs b = buildRiskInputs(src, o);
        QVERIFY(!b.ok());
        QCOMPARE(texts(b.issues), QStringList{message});
    }

    void volumeModeCodes()
    {
        for (VolumeMode m :
             {VolumeMode::Uncertain, VolumeMode::Low, VolumeMode::Base, VolumeMode::High})
            QVERIFY(parseVolumeMode(volumeModeCode(m)) == m);
        QVERIFY(!parseVolumeMode("medium"));
    }
};
CH_REGISTER_TEST(TestInputsBuilder);

#include "tst_inputs_builder.moc"
