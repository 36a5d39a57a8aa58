#include "compare.h"
#include "exposure/exposure.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::exposure;
using namespace ch::test;
using namespace std::chrono;

namespace {

const Month kFirst = 2027y / February;
const Resource kH100 = Resource::gpu(GpuType::H100);
const Resource kMidIn = Resource::tokens(ModelTier::Mid, TokenDirection::Input);

std::vector<pricing::ForwardCurve> curves(int months = 12)
{
    std::vector<double> h100;
    for (int i = 0; i < months; ++i)
        h100.push_back(2.50 - 0.05 * i);
    return {handCurve("GPU.H100.NC", Unit::GpuHour, kFirst, h100),
            flatCurve("TOK.MID.IN", Unit::MTok, kFirst, months, 3.0)};
}

ContractedCapacity contract(const std::string& id,
                            const std::string& lineId,
                            double quantity,
                            std::int64_t priceMicros,
                            int months = 12)
{
    return ContractedCapacity(id,
                              lineId,
                              kH100,
                              "GPU.H100.NC",
                              ContractKind::ReservedInstance,
                              "Northwind",
                              UnitRate::fromMicros(Unit::GpuHour, priceMicros),
                              kFirst,
                              std::vector<double>(static_cast<std::size_t>(months), quantity));
}

} // namespace

class TestExposure : public QObject
{
    Q_OBJECT
private slots:
    void exposureIsOpenTimesForwardInEveryCell()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple(800, 1000, 1300)));
        plan = plan.withLine(manualLine("m", "M", kMidIn, 12, VolumeTriple(50, 60, 90)));
        const auto r = computeExposure(plan, {}, {}, {}, curves());
        QCOMPARE(r.cells.size(), std::size_t{2 * 12 * 3});
        for (std::size_t l = 0; l < 2; ++l) {
            for (int m = 0; m < 12; ++m) {
                const double forward = l == 0 ? 2.50 - 0.05 * m : 3.0;
                for (Scenario s : kScenarios) {
                    const ExposureCell& c = r.cell(l, m, s);
                    const double planned =
                        plan.lines()[l].cells()[static_cast<std::size_t>(m)].at(s);
                    QCOMPARE(c.month, plan.monthAt(m));
                    QCOMPARE(c.plannedVolume, planned);
                    QCOMPARE(c.openVolume, planned);
                    QCOMPARE(c.contractedVolume, 0.0);
                    CH_COMPARE_NEAR(c.forwardUsd, forward, 1e-12);
                    QCOMPARE(c.basisFactor, 1.0);
                    QVERIFY(c.priceSource == PriceSource::Forward);
                    CH_COMPARE_NEAR(c.exposureUsd, planned * forward, 1e-9);
                    QCOMPARE(c.totalCostUsd, c.exposureUsd);
                    QVERIFY(!c.budgetUsd);
                }
            }
        }
        // Base, first month: 1,000 GPU-h × 2.50 + 60 MTok × 3.00 = 2,680 USD.
        CH_COMPARE_NEAR(r.byMonth[0].costs[1].exposureUsd, 2'680.0, 1e-9);
        QCOMPARE(qs(priceSourceLabel(PriceSource::ForwardTimesBasis)),
                 QStringLiteral("forward × basis"));
    }

    void contractedAbovePlannedIsSurplusNotExposure()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple(900, 1000, 1500)));
        const auto r =
            computeExposure(plan, {contract("c1", "a", 1200, 2'000'000)}, {}, {}, curves());
        const ExposureCell& base = r.cell(0, 0, Scenario::Base);
        QCOMPARE(base.contractedVolume, 1200.0);
        QCOMPARE(base.openVolume, 0.0);
        QCOMPARE(base.surplusVolume, 200.0);
        QCOMPARE(base.exposureUsd, 0.0);
        CH_COMPARE_NEAR(base.contractedCostUsd, 2'400.0, 1e-9); // all 1,200 are paid for
        CH_COMPARE_NEAR(base.totalCostUsd, 2'400.0, 1e-9);
        const ExposureCell& high = r.cell(0, 0, Scenario::High);
        QCOMPARE(high.openVolume, 300.0);
        QCOMPARE(high.surplusVolume, 0.0);
        CH_COMPARE_NEAR(high.exposureUsd, 300 * 2.50, 1e-9);
        CH_COMPARE_NEAR(high.totalCostUsd, 2'400 + 750.0, 1e-9);
    }

    void pooledCapacityCoversLinesInPlanOrder()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple(600, 600, 600)));
        plan = plan.withLine(manualLine("b", "B", kH100, 12, VolumeTriple(500, 500, 500)));
        // A has 400 bound; the pool of 800 fills A's remaining 200, then B's 500, leaving 100.
        const std::vector<ContractedCapacity> contracts{contract("bound", "a", 400, 1'000'000, 1),
                                                        contract("pool", "", 800, 2'000'000, 1)};
        const auto r = computeExposure(plan, contracts, {}, {}, curves());
        const ExposureCell& a = r.cell(0, 0, Scenario::Base);
        const ExposureCell& b = r.cell(1, 0, Scenario::Base);
        QCOMPARE(a.contractedVolume, 600.0);
        CH_COMPARE_NEAR(a.contractedCostUsd, 400 * 1.0 + 200 * 2.0, 1e-9);
        QCOMPARE(a.openVolume, 0.0);
        QCOMPARE(b.contractedVolume, 500.0);
        QCOMPARE(b.openVolume, 0.0);
        // 800 − 200 − 500 = 100 GPU-h nobody needs: paid for, covering nothing.
        QCOMPARE(r.unallocated.size(), std::size_t{3}); // one per scenario
        QCOMPARE(r.unallocated[1].volume, 100.0);
        QVERIFY(r.unallocated[1].scenario == Scenario::Base);
        CH_COMPARE_NEAR(r.unallocated[1].costUsd, 200.0, 1e-9);
        CH_COMPARE_NEAR(r.byMonth[0].costs[1].contractedCostUsd, 800 + 1000 + 200.0, 1e-9);
        const ResourceTotals& h100 = r.byResource.front();
        QCOMPARE(h100.surplusVolume[1], 100.0);
        QCOMPARE(h100.contractedVolume[1], 400 + 800.0);
        // Second month: nothing contracted, all open.
        QCOMPARE(r.cell(1, 1, Scenario::Base).openVolume, 500.0);
    }

    void basisScalesTheForwardWhereMeasured()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple::flat(1000)));
        plan = plan.withLine(manualLine("m", "M", kMidIn, 12, VolumeTriple::flat(10)));
        BasisReport basis;
        basis.lines.push_back(BasisEstimate{"a",
                                            kH100,
                                            "GPU.H100.NC",
                                            {BasisObservation{2026y / October, 1, 1, 1, 1, 1.1}},
                                            1.1,
                                            0});
        basis.lines.push_back(BasisEstimate{"m", kMidIn, "TOK.MID.IN", {}, 1.0, 0.0});
        const auto r = computeExposure(plan, {}, basis, {}, curves());
        const ExposureCell& a = r.cell(0, 2, Scenario::Base);
        QVERIFY(a.priceSource == PriceSource::ForwardTimesBasis);
        QCOMPARE(a.basisFactor, 1.1);
        CH_COMPARE_NEAR(a.priceUsd, 2.40 * 1.1, 1e-12);
        CH_COMPARE_NEAR(a.exposureUsd, 1000 * 2.40 * 1.1, 1e-9);
        const ExposureCell& m = r.cell(1, 2, Scenario::Base);
        QVERIFY(m.priceSource == PriceSource::Forward);
        QCOMPARE(m.priceUsd, 3.0);
    }

    void budgetVarianceAndPeriodTotals()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple(800, 1000, 1200)));
        const std::vector<BudgetEntry> budgets{
            BudgetEntry::price("a", kFirst, UnitRate::fromMicros(Unit::GpuHour, 2'600'000)),
            BudgetEntry::amount("a", 2027y / March, Money(Currency::Usd, 300'000))};
        const auto r = computeExposure(plan, {}, {}, budgets, curves());
        // Feb, base: forward cost 1,000 × 2.50 = 2,500 against budget 1,000 × 2.60 = 2,600.
        const ExposureCell& feb = r.cell(0, 0, Scenario::Base);
        CH_COMPARE_NEAR(*feb.budgetUsd, 2'600.0, 1e-9);
        CH_COMPARE_NEAR(*feb.varianceUsd, -100.0, 1e-9);
        // High: 1,200 × 2.50 = 3,000 against 1,200 × 2.60 = 3,120.
        CH_COMPARE_NEAR(*r.cell(0, 0, Scenario::High).varianceUsd, -120.0, 1e-9);
        // Mar, base: 1,000 × 2.45 = 2,450 against a fixed 3,000.
        const ExposureCell& mar = r.cell(0, 1, Scenario::Base);
        CH_COMPARE_NEAR(*mar.budgetUsd, 3'000.0, 1e-9);
        CH_COMPARE_NEAR(*mar.varianceUsd, -550.0, 1e-9);
        QVERIFY(!r.cell(0, 2, Scenario::Base).budgetUsd);

        // Quarters are calendar quarters clipped to the plan: Feb-Mar 2027 ... Jan 2028.
        QStringList quarters;
        for (const auto& q : r.byQuarter)
            quarters << qs(q.period);
        QCOMPARE(quarters, (QStringList{"2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"}));
        QCOMPARE(r.byQuarter[0].last, 2027y / March);
        const CostSummary& q1 = r.byQuarter[0].costs[1];
        CH_COMPARE_NEAR(q1.totalCostUsd, 2'500 + 2'450.0, 1e-9);
        CH_COMPARE_NEAR(q1.budgetUsd, 5'600.0, 1e-9);
        CH_COMPARE_NEAR(q1.varianceUsd, -650.0, 1e-9);
        QCOMPARE(q1.budgetedCells, 2);
        QCOMPARE(r.byYear.size(), std::size_t{2});
        QCOMPARE(qs(r.byYear[1].period), QStringLiteral("2028"));
        double sum = 0.0;
        for (int m = 0; m < 12; ++m)
            sum += 1000 * (2.50 - 0.05 * m);
        CH_COMPARE_NEAR(r.total[1].totalCostUsd, sum, 1e-6);
        CH_COMPARE_NEAR(
            r.byYear[0].costs[1].totalCostUsd + r.byYear[1].costs[1].totalCostUsd, sum, 1e-6);
    }

    void resourceTotalsKeepVolumesConsistent()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple(100, 700, 900)));
        plan = plan.withLine(manualLine("b", "B", kH100, 12, VolumeTriple(0, 300, 400)));
        plan = plan.withLine(manualLine("m", "M", kMidIn, 12, VolumeTriple(5, 6, 7)));
        const auto r = computeExposure(
            plan,
            {contract("pool", "", 800, 2'100'000), contract("c", "b", 350, 2'000'000)},
            {},
            {},
            curves());
        QCOMPARE(r.byResource.size(), std::size_t{2});
        double totalCost = 0.0;
        for (const auto& rt : r.byResource) {
            for (std::size_t s = 0; s < 3; ++s)
                CH_COMPARE_NEAR(rt.plannedVolume[s] - rt.openVolume[s],
                                rt.contractedVolume[s] - rt.surplusVolume[s],
                                1e-6);
            totalCost += rt.costs[1].totalCostUsd;
        }
        CH_COMPARE_NEAR(totalCost, r.total[1].totalCostUsd, 1e-6);
    }

    void inputProblemsAreNamed()
    {
        Plan plan(kFirst, 12);
        plan = plan.withLine(manualLine("a", "A", kH100, 12, VolumeTriple::flat(1)));
        plan = plan.withLine(manualLine("m", "M", kMidIn, 12, VolumeTriple::flat(1)));
        plan = plan.withLine(PlanLine("hs",
                                      "HS",
                                      kH100,
                                      "GPU.H100.HS",
                                      ConfidenceClass::Forecast,
                                      std::vector<VolumeTriple>(12)));
        std::vector<pricing::ForwardCurve> cs{
            flatCurve("GPU.H100.NC", Unit::GpuHour, kFirst, 11, 2.0),
            flatCurve("TOK.MID.IN", Unit::GpuHour, kFirst, 12, 3.0)};
        ContractedCapacity wrongLine("w",
                                     "m",
                                     kH100,
                                     "GPU.H100.NC",
                                     ContractKind::CommittedUse,
                                     "X",
                                     UnitRate::fromMicros(Unit::GpuHour, 1),
                                     kFirst,
                                     {1.0});
        const std::vector<BudgetEntry> budgets{
            BudgetEntry::price("nope", kFirst, UnitRate::fromMicros(Unit::GpuHour, 1)),
            BudgetEntry::price("m", kFirst, UnitRate::fromMicros(Unit::GpuHour, 1)),
            BudgetEntry::amount("a", 2030y / January, Money(Currency::Usd, 1)),
            BudgetEntry::amount("a", kFirst, Money(Currency::Usd, 1)),
            BudgetEntry::amount("a", kFirst, Money(Currency::Usd, 2))};
        const auto issues =
            checkExposureInputs(plan, {wrongLine, contract("c", "gone", 1, 1)}, budgets, cs);
        QCOMPARE(issueTexts(issues),
                 (QStringList{
                     "exposure: line \"a\": the GPU.H100.NC curve has no forward for 2028-01",
                     "exposure: line \"m\": the TOK.MID.IN curve is in USD per GPU-hour but the "
                     "line is in MTok",
                     "exposure: line \"hs\": no forward curve for GPU.H100.HS",
                     "exposure: contract \"w\": H100 on GPU.H100.NC does not match line \"m\" "
                     "(MID.IN on TOK.MID.IN)",
                     "exposure: contract \"c\": line \"gone\" is not in the plan",
                     "exposure: budget for line \"nope\", 2027-02: the line is not in the plan",
                     "exposure: budget for line \"m\", 2027-02: a budget price in USD per "
                     "GPU-hour for a line in MTok",
                     "exposure: warning: budget for line \"a\", 2030-01: the month is outside "
                     "the plan; the budget is not used",
                     "exposure: budget for line \"a\", 2027-02: a second budget for the same line "
                     "and month"}));
        QVERIFY_THROWS_EXCEPTION(Error, computeExposure(plan, {}, {}, {}, cs));
    }
};

CH_REGISTER_TEST(TestExposure);
#include "tst_exposure.moc"
