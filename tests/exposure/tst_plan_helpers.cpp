#include "compare.h"
#include "exposure/helper_expansion.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::exposure;
using namespace ch::test;
using namespace std::chrono;

namespace {

TrainingRun run(int gpus, Date start, int days, double utilisation, double uncertainty = 0.0)
{
    TrainingRun t;
    t.id = "t1";
    t.name = "H100 training";
    t.gpu = GpuType::H100;
    t.gpus = gpus;
    t.start = start;
    t.wallClockDays = days;
    t.utilisationFraction = utilisation;
    t.uncertaintyFraction = uncertainty;
    return t;
}

InferenceService service(InferenceServing serving)
{
    InferenceService s;
    s.id = "chat";
    s.name = "Chat";
    s.serving = serving;
    s.tier = ModelTier::Mid;
    s.gpu = GpuType::H200;
    s.tokensPerSecondPerGpu = 2500;
    s.requestsPerDay = 1'000'000;
    s.inputTokensPerRequest = 1500;
    s.outputTokensPerRequest = 500;
    s.monthlyGrowthFraction = 0.10;
    s.start = 2027y / January;
    s.months = 3;
    s.uncertaintyFraction = 0.2;
    return s;
}

} // namespace

class TestPlanHelpers : public QObject
{
    Q_OBJECT
private slots:
    void trainingSpansMonthsByDays_data()
    {
        QTest::addColumn<int>("gpus");
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("days");
        QTest::addColumn<double>("utilisation");
        QTest::addColumn<QStringList>("months");
        QTest::addColumn<QList<int>>("daysPerMonth");
        QTest::addColumn<QList<double>>("gpuHours");
        // The brief's hand check: 20..31 Jan = 12 d, all of Feb 2027 = 28 d, 1..5 Mar = 5 d.
        QTest::newRow("1,024 GPUs, 45 d from 2027-01-20, 90%")
            << 1024 << "2027-01-20" << 45 << 0.9 << QStringList{"2027-01", "2027-02", "2027-03"}
            << QList<int>{12, 28, 5}
            << QList<double>{1024 * 24 * 12 * 0.9, 1024 * 24 * 28 * 0.9, 1024 * 24 * 5 * 0.9};
        // Leap year: 20..29 Feb 2028 = 10 d, then 1..5 Mar.
        QTest::newRow("leap February 2028")
            << 100 << "2028-02-20" << 15 << 1.0 << QStringList{"2028-02", "2028-03"}
            << QList<int>{10, 5} << QList<double>{24'000, 12'000};
        // The same run a year earlier: February has 9 days left, March gets 6.
        QTest::newRow("ordinary February 2027")
            << 100 << "2027-02-20" << 15 << 1.0 << QStringList{"2027-02", "2027-03"}
            << QList<int>{9, 6} << QList<double>{21'600, 14'400};
        QTest::newRow("across the year end")
            << 10 << "2026-12-25" << 10 << 0.5 << QStringList{"2026-12", "2027-01"}
            << QList<int>{7, 3} << QList<double>{840, 360};
        QTest::newRow("one day, last of the month")
            << 8 << "2027-04-30" << 1 << 1.0 << QStringList{"2027-04"} << QList<int>{1}
            << QList<double>{192};
    }
    void trainingSpansMonthsByDays()
    {
        QFETCH(int, gpus);
        QFETCH(QString, start);
        QFETCH(int, days);
        QFETCH(double, utilisation);
        QFETCH(QStringList, months);
        QFETCH(QList<int>, daysPerMonth);
        QFETCH(QList<double>, gpuHours);
        const auto schedule =
            trainingSchedule(run(gpus, *parseIsoDate(start.toStdString()), days, utilisation));
        QCOMPARE(static_cast<qsizetype>(schedule.size()), months.size());
        int totalDays = 0;
        for (qsizetype i = 0; i < months.size(); ++i) {
            const auto& m = schedule[static_cast<std::size_t>(i)];
            QCOMPARE(qs(formatIsoMonth(m.month)), months[i]);
            QCOMPARE(m.days, daysPerMonth[i]);
            CH_COMPARE_NEAR(m.gpuHours.value(), gpuHours[i], 1e-6);
            totalDays += m.days;
        }
        QCOMPARE(totalDays, days);
    }

    void trainingLineClipsToPlanAndWarns()
    {
        const TrainingRun t = run(1024, 2027y / January / 20d, 45, 0.9, 0.1);
        const auto lines = expandHelper(t, 2027y / February, 3);
        QVERIFY(!lines.hasErrors());
        QCOMPARE(lines.value.size(), std::size_t{1});
        const PlanLine& line = lines.value.front();
        QCOMPARE(qs(line.id()), QStringLiteral("t1"));
        QCOMPARE(qs(line.helperId()), QStringLiteral("t1"));
        QCOMPARE(qs(line.indexId()), QStringLiteral("GPU.H100.NC"));
        CH_COMPARE_NEAR(line.cells()[0].base(), 619'315.2, 1e-6);
        CH_COMPARE_NEAR(line.cells()[0].low(), 619'315.2 * 0.9, 1e-6);
        CH_COMPARE_NEAR(line.cells()[0].high(), 619'315.2 * 1.1, 1e-6);
        CH_COMPARE_NEAR(line.cells()[1].base(), 110'592, 1e-6);
        QCOMPARE(line.cells()[2], VolumeTriple());
        QCOMPARE(issueTexts(lines.issues),
                 QStringList{"helper t1: warning: H100 training: 1 month outside the plan "
                             "(2027-01), 265,420.8 GPU-h in all, are left out; the plan runs "
                             "from 2027-02 to 2027-04"});
    }

    void inferenceTokensGrowMonthly()
    {
        // days × requests/day × (1+g)^k × tokens / 1e6, by hand:
        //   Jan: 31 × 1.0e6 × 1500 / 1e6 = 46,500 in;  31 × 1.0e6 × 500 / 1e6 = 15,500 out
        //   Feb: 28 × 1.1e6 × 1500 / 1e6 = 46,200;     15,400
        //   Mar: 31 × 1.21e6 × 1500 / 1e6 = 56,265;    18,755
        const auto lines = expandHelper(service(InferenceServing::ApiTokens), 2027y / January, 4);
        QVERIFY(lines.issues.empty());
        QCOMPARE(lines.value.size(), std::size_t{2});
        const PlanLine& in = lines.value[0];
        const PlanLine& out = lines.value[1];
        QCOMPARE(qs(in.id()), QStringLiteral("chat.in"));
        QCOMPARE(qs(out.id()), QStringLiteral("chat.out"));
        QCOMPARE(qs(in.name()), QStringLiteral("Chat (input)"));
        QVERIFY(in.resource() == Resource::tokens(ModelTier::Mid, TokenDirection::Input));
        QCOMPARE(qs(out.indexId()), QStringLiteral("TOK.MID.OUT"));
        const double expectedIn[] = {46'500, 46'200, 56'265, 0};
        const double expectedOut[] = {15'500, 15'400, 18'755, 0};
        for (std::size_t i = 0; i < 4; ++i) {
            CH_COMPARE_NEAR(in.cells()[i].base(), expectedIn[i], 1e-6);
            CH_COMPARE_NEAR(out.cells()[i].base(), expectedOut[i], 1e-6);
            CH_COMPARE_NEAR(in.cells()[i].low(), expectedIn[i] * 0.8, 1e-6);
            CH_COMPARE_NEAR(in.cells()[i].high(), expectedIn[i] * 1.2, 1e-6);
        }
    }

    void inferenceLeapFebruaryHas29Days()
    {
        InferenceService s = service(InferenceServing::ApiTokens);
        s.start = 2028y / February;
        s.months = 1;
        const auto schedule = inferenceSchedule(s);
        QCOMPARE(schedule.size(), std::size_t{1});
        QCOMPARE(schedule[0].days, 29);
        CH_COMPARE_NEAR(schedule[0].inputMTok.value(), 29 * 1'500.0, 1e-9);
    }

    void inferenceSelfHostedGpuHours()
    {
        // tokens / (tokens per second per GPU × 3600): Jan = 31 × 900,000 × 1,000 / (2,500 ×
        // 3,600) = 3,100 GPU-h; Feb = 28 × 900,000 × 1,000 / 9e6 = 2,800 GPU-h.
        InferenceService s = service(InferenceServing::SelfHostedGpu);
        s.requestsPerDay = 900'000;
        s.inputTokensPerRequest = 800;
        s.outputTokensPerRequest = 200;
        s.monthlyGrowthFraction = 0.0;
        s.months = 2;
        const auto lines = expandHelper(s, 2027y / January, 2);
        QCOMPARE(lines.value.size(), std::size_t{1});
        const PlanLine& line = lines.value[0];
        QCOMPARE(qs(line.id()), QStringLiteral("chat"));
        QVERIFY(line.resource() == Resource::gpu(GpuType::H200));
        QCOMPARE(qs(line.indexId()), QStringLiteral("GPU.H200.NC"));
        CH_COMPARE_NEAR(line.cells()[0].base(), 3'100, 1e-9);
        CH_COMPARE_NEAR(line.cells()[1].base(), 2'800, 1e-9);
    }

    void validationNamesEveryField()
    {
        TrainingRun t = run(0, 2027y / January / 1d, 0, 1.5, -0.1);
        t.name = " ";
        QCOMPARE(issueTexts(validateHelper(t)),
                 (QStringList{
                     "helper t1: name: the name is empty; expected a name for people",
                     "helper t1: gpus: 0 is below 1; expected a whole number of GPUs of 1 or more",
                     "helper t1: days: 0 is below 1; expected a whole number of days of 1 or more",
                     "helper t1: utilisation: 1.5 is above 1; expected a fraction in (0, 1]",
                     "helper t1: uncertainty: -0.1 is negative; expected a fraction in [0, 1]"}));
        InferenceService api = service(InferenceServing::ApiTokens);
        api.indexId = "TOK.MID.BLEND";
        QCOMPARE(issueTexts(validateHelper(api)),
                 QStringList{"helper chat: index: \"TOK.MID.BLEND\" is set but API token lines "
                             "are priced on TOK.<TIER>.IN and TOK.<TIER>.OUT; expected an empty "
                             "index"});
        InferenceService s = service(InferenceServing::SelfHostedGpu);
        s.tokensPerSecondPerGpu = 0;
        s.monthlyGrowthFraction = -1;
        QCOMPARE(issueTexts(validateHelper(s)),
                 (QStringList{"helper chat: tokens_per_second: 0 is zero; expected a number above "
                              "zero",
                              "helper chat: growth: -1 is not above -1; expected a monthly growth "
                              "fraction above -1 (e.g. 0.05)"}));
        const Plan plan(2027y / January, 3);
        const auto applied = applyHelper(plan, t);
        QVERIFY(applied.hasErrors());
        QCOMPARE(applied.value, plan);
    }

    void changedAssumptionRegeneratesInPlaceAndUndoes()
    {
        const Plan empty(2027y / January, 6);
        const VolumeTriple v(1, 2, 3);
        Plan plan = empty.withLine(manualLine("a", "Manual A", Resource::gpu(GpuType::A100), 6, v));
        plan = applyHelper(plan, run(100, 2027y / January / 1d, 59, 1.0)).value;
        plan = applyHelper(plan, service(InferenceServing::ApiTokens)).value;
        plan = plan.withLine(manualLine("b", "Manual B", Resource::gpu(GpuType::L40S), 6, v));
        QStringList ids;
        for (const auto& l : plan.lines())
            ids << qs(l.id());
        QCOMPARE(ids, (QStringList{"a", "t1", "chat.in", "chat.out", "b"}));
        QCOMPARE(plan.helpers().size(), std::size_t{2});

        // Utilisation 100% -> 50%: the line halves, in place, and nothing else moves.
        const Plan halved = applyHelper(plan, run(100, 2027y / January / 1d, 59, 0.5)).value;
        QCOMPARE(*halved.lineIndex("t1"), std::size_t{1});
        CH_COMPARE_NEAR(halved.cell("t1", 2027y / January).base(), 100 * 24 * 31 * 0.5, 1e-9);
        CH_COMPARE_NEAR(halved.cell("t1", 2027y / February).base(), 100 * 24 * 28 * 0.5, 1e-9);
        QCOMPARE(halved.lines()[0], plan.lines()[0]);
        QCOMPARE(halved.lines()[4], plan.lines()[4]);
        // Undo = apply the old inputs again.
        QCOMPARE(applyHelper(halved, run(100, 2027y / January / 1d, 59, 1.0)).value, plan);

        // Token service -> self-hosted: two lines become one at the same place, and back.
        const Plan gpu = applyHelper(plan, service(InferenceServing::SelfHostedGpu)).value;
        QCOMPARE(*gpu.lineIndex("chat"), std::size_t{2});
        QCOMPARE(qs(gpu.lines()[3].id()), QStringLiteral("b"));
        QCOMPARE(applyHelper(gpu, service(InferenceServing::ApiTokens)).value, plan);
    }

    void helperIdMustNotTakeAManualLinesId()
    {
        const Plan plan =
            Plan(2027y / January, 3)
                .withLine(manualLine(
                    "t1", "Manual", Resource::gpu(GpuType::H100), 3, VolumeTriple::flat(5)));
        const auto applied = applyHelper(plan, run(10, 2027y / January / 1d, 10, 1.0));
        QCOMPARE(issueTexts(applied.issues),
                 QStringList{"helper t1: id: line id \"t1\" is already used by \"Manual\"; "
                             "choose another helper id"});
        QCOMPARE(applied.value, plan);
    }

    void removeAndConvertHelpers()
    {
        Plan plan =
            applyHelper(Plan(2027y / January, 3), service(InferenceServing::ApiTokens)).value;
        const Plan removed = removeHelper(plan, "chat");
        QVERIFY(removed.lines().empty());
        QVERIFY(removed.helpers().empty());

        const Plan manual = convertHelperToManual(plan, "chat");
        QVERIFY(manual.helpers().empty());
        QCOMPARE(manual.lines().size(), std::size_t{2});
        QVERIFY(!manual.lines()[0].isGenerated());
        QCOMPARE(manual.lines()[0].cells(), plan.lines()[0].cells());
        // Generated lines are edited through their helper; manual ones cell by cell.
        QVERIFY_THROWS_EXCEPTION(Error,
                                 plan.withCell("chat.in", 2027y / January, VolumeTriple::flat(1)));
        QCOMPARE(manual.withCell("chat.in", 2027y / January, VolumeTriple::flat(1))
                     .cell("chat.in", 2027y / January),
                 VolumeTriple::flat(1));
    }
};

CH_REGISTER_TEST(TestPlanHelpers);
#include "tst_plan_helpers.moc"
