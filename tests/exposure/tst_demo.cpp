#include "compare.h"
#include "exposure/demo.h"
#include "exposure/exposure.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::exposure;
using namespace ch::test;
using namespace std::chrono;

namespace {

const Month kFirst = 2026y / November;

//! Flat hand-made curves for every index the demo prices against.
std::vector<pricing::ForwardCurve> demoCurves()
{
    std::vector<pricing::ForwardCurve> out;
    for (const Resource& r : allResources())
        out.push_back(flatCurve(r.defaultIndexId(), r.unit(), kFirst, 36, r.isGpu() ? 2.0 : 4.0));
    return out;
}

//! Every default index at 2.0 USD on every calendar day of the six months before the plan.
std::vector<PriceSeries> flatHistory()
{
    std::vector<PriceSeries> out;
    for (const Resource& r : allResources()) {
        PriceSeries s{r.defaultIndexId(), {}};
        for (Date d = firstDay(addMonths(kFirst, -6)); d <= lastDay(addMonths(kFirst, -1));
             d = Date{sys_days{d} + days{1}})
            s.points.push_back(DailyPrice{d, 2.0});
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private slots:
    void demoPlanShape()
    {
        const Plan plan = demoPlan(kFirst);
        QCOMPARE(plan.months(), 36);
        QCOMPARE(plan.firstMonth(), kFirst);
        QCOMPARE(plan.helpers().size(), std::size_t{8});
        QCOMPARE(plan.lines().size(), std::size_t{14});
        // Run A: 2,048 H100 from 9 Nov for 80 days at 92%: 22 days in November.
        CH_COMPARE_NEAR(plan.cell("h100-pretrain-a", kFirst).base(), 2048 * 24 * 22 * 0.92, 1e-6);
        CH_COMPARE_NEAR(plan.cell("l40s-batch", kFirst).base(), 87'600, 0);
        QCOMPARE(plan.cell("a100-eval", addMonths(kFirst, 12)), VolumeTriple());
        // Support copilot: 30 days × 1.5M requests × 2,000 input tokens / 1e6 = 90,000 MTok.
        CH_COMPARE_NEAR(plan.cell("support-copilot.in", kFirst).base(), 90'000, 1e-6);
    }

    void demoRecordsFitThePlan()
    {
        const Plan plan = demoPlan(kFirst);
        const auto contracts = demoContracts(kFirst);
        const auto budget = demoBudget(plan);
        QCOMPARE(budget.size(), std::size_t{14 * 12});
        QVERIFY(checkExposureInputs(plan, contracts, budget, demoCurves()).empty());

        const auto bills = demoActuals(kFirst, flatHistory());
        QCOMPARE(bills.size(), std::size_t{6 * 6 + 2});
        // First bill: 420,000 GPU-h at 2.0 × 1.04 = 873,600 USD.
        QCOMPARE(bills.front().amount(), Money(Currency::Usd, 87'360'000));
        QCOMPARE(bills.front().month(), 2026y / May);

        const BasisReport basis = measureBasis(plan, bills, flatHistory());
        QVERIFY(basis.warnings.empty());
        const BasisEstimate& h100 = *basis.find("h100-pretrain-a");
        QCOMPARE(h100.observations.size(), std::size_t{6});
        // June pools Northwind (420,000 at 1.06) and Ridge (50,000 at 1.15).
        CH_COMPARE_NEAR(
            h100.observations[1].ratio, (420'000 * 1.06 + 50'000 * 1.15) / 470'000.0, 1e-9);
        QVERIFY(!basis.find("b200-frontier")->isMeasured());

        const auto report = computeExposure(plan, contracts, basis, budget, demoCurves());
        // The reserved cluster covers run A first (plan order) in November.
        const ExposureCell& runA =
            report.cell(*plan.lineIndex("h100-pretrain-a"), 0, Scenario::Base);
        QCOMPARE(runA.contractedVolume, 373'760.0);
        QVERIFY(runA.priceSource == PriceSource::ForwardTimesBasis);
        const ExposureCell& b200 = report.cell(*plan.lineIndex("b200-frontier"), 6, Scenario::Base);
        QVERIFY(b200.priceSource == PriceSource::Forward);
        QVERIFY(b200.exposureUsd > 0.0);
    }
};

CH_REGISTER_TEST(TestDemo);
#include "tst_demo.moc"
