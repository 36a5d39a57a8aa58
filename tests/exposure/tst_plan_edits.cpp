#include "domain/plan_records.h"
#include "domain/plan_text.h"
#include "domain/plan_units.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::test;
using namespace std::chrono;

namespace {

const Month kFirst = 2027y / January;

//! Two manual lines over six months with distinct cells, so any misplaced edit shows.
Plan twoLinePlan()
{
    std::vector<VolumeTriple> h100;
    std::vector<VolumeTriple> mid;
    for (int i = 0; i < 6; ++i) {
        h100.emplace_back(900 + i, 1000 + i, 1100 + i);
        mid.emplace_back(10 + i, 20 + i, 30 + i);
    }
    return Plan(kFirst,
                6,
                {PlanLine("h100",
                          "H100 training",
                          Resource::gpu(GpuType::H100),
                          "GPU.H100.NC",
                          ConfidenceClass::Committed,
                          h100),
                 PlanLine("mid.in",
                          "MID input",
                          Resource::tokens(ModelTier::Mid, TokenDirection::Input),
                          "TOK.MID.IN",
                          ConfidenceClass::Forecast,
                          mid)});
}

} // namespace

class TestPlanEdits : public QObject
{
    Q_OBJECT
private slots:
    void tripleOrderIsEnforcedWithAReason()
    {
        QCOMPARE(issueTexts(checkVolumeTriple(1200, 1000, 1500, "H100 training, 2027-02")),
                 QStringList{"plan: low: H100 training, 2027-02: low 1,200 is above base 1,000; "
                             "expected low ≤ base ≤ high"});
        QCOMPARE(issueTexts(checkVolumeTriple(10, 1500, 1400.5, "X, 2027-02")),
                 QStringList{"plan: base: X, 2027-02: base 1,500 is above high 1,400.5; expected "
                             "low ≤ base ≤ high"});
        QCOMPARE(issueTexts(checkVolumeTriple(-5, 0, 1, "X, 2027-02")),
                 QStringList{"plan: low: X, 2027-02: low -5 is negative; expected a volume of "
                             "zero or more"});
        QVERIFY(checkVolumeTriple(0, 0, 0, "X").empty());
        QVERIFY_THROWS_EXCEPTION(Error, VolumeTriple(2, 1, 3));
        QVERIFY_THROWS_EXCEPTION(Error, VolumeTriple(-1, 1, 3));
    }

    void unitsAreTypesAndRuntimeUnitsAreChecked()
    {
        // Quantity<GpuHour> + Quantity<MTok> and Volume + UnitRate do not compile; runtime units
        // are checked instead.
        const Volume gpuHours(Unit::GpuHour, 10);
        const Volume tokens(Unit::MTok, 10);
        QVERIFY_THROWS_EXCEPTION(Error, gpuHours + tokens);
        QVERIFY_THROWS_EXCEPTION(Error, Volume(Unit::GpuHour, -1));
        QVERIFY_THROWS_EXCEPTION(Error, UnitRate::fromUsd(Unit::MTok, -0.5));
        QVERIFY_THROWS_EXCEPTION(Error, (void)tokens.as<GpuHour>());
        QCOMPARE(gpuHours.as<GpuHour>(), GpuHours(10));
        const UnitRate price = UnitRate::fromUsd(Unit::GpuHour, 2.35);
        QCOMPARE(price.micros(), std::int64_t{2'350'000});
        // 1,000.25 GPU-h × 2.35 = 2,350.5875 USD -> 235,059 cents.
        QCOMPARE(costOf(Volume(Unit::GpuHour, 1000.25), price), Money(Currency::Usd, 235'059));
        QVERIFY_THROWS_EXCEPTION(Error, costOf(tokens, price));
        QCOMPARE(effectiveRate(Money(Currency::Usd, 123'456), Volume(Unit::MTok, 1000)).micros(),
                 std::int64_t{1'234'560});
    }

    void withCellAndItsInverse()
    {
        const Plan plan = twoLinePlan();
        const Month feb = 2027y / February;
        const VolumeTriple old = plan.cell("h100", feb);
        const Plan edited = plan.withCell("h100", feb, VolumeTriple(1, 2, 3));
        QCOMPARE(edited.cell("h100", feb), VolumeTriple(1, 2, 3));
        QCOMPARE(edited.cell("h100", 2027y / March), plan.cell("h100", 2027y / March));
        QVERIFY(edited != plan);
        QCOMPARE(edited.withCell("h100", feb, old), plan);
        QVERIFY_THROWS_EXCEPTION(Error, plan.withCell("nope", feb, old));
        QVERIFY_THROWS_EXCEPTION(Error, plan.withCell("h100", 2027y / July, old));
    }

    void addRemoveLineAndInverse()
    {
        const Plan plan = twoLinePlan();
        const PlanLine blank = plan.blankLine("l40s", "L40S batch", Resource::gpu(GpuType::L40S));
        QCOMPARE(qs(blank.indexId()), QStringLiteral("GPU.L40S.NC"));
        const Plan added = plan.withLine(blank, 1);
        QCOMPARE(*added.lineIndex("l40s"), std::size_t{1});
        QCOMPARE(added.withoutLine("l40s"), plan);

        const std::size_t at = *plan.lineIndex("h100");
        const PlanLine removedLine = *plan.findLine("h100");
        const Plan removed = plan.withoutLine("h100");
        QCOMPARE(removed.lines().size(), std::size_t{1});
        QCOMPARE(removed.withLine(removedLine, at), plan);
        QVERIFY_THROWS_EXCEPTION(Error, plan.withLine(plan.lines()[0]));

        const Plan renamed =
            plan.withLineAttributes("h100", "H100 run", "GPU.H100.HS", ConfidenceClass::Possible);
        QCOMPARE(qs(renamed.findLine("h100")->indexId()), QStringLiteral("GPU.H100.HS"));
        QCOMPARE(renamed.findLine("h100")->cells(), plan.findLine("h100")->cells());
        QCOMPARE(renamed.withLineAttributes(
                     "h100", "H100 training", "GPU.H100.NC", ConfidenceClass::Committed),
                 plan);
    }

    void fillRightAndInverse()
    {
        const Plan plan = twoLinePlan();
        const Month feb = 2027y / February;
        const auto before = plan.cellsOf("mid.in", 2027y / March, 4);
        const Plan filled = plan.fillRight("mid.in", feb);
        for (int i = 1; i < 6; ++i)
            QCOMPARE(filled.cell("mid.in", plan.monthAt(i)), plan.cell("mid.in", feb));
        QCOMPARE(filled.cell("mid.in", kFirst), plan.cell("mid.in", kFirst));
        QCOMPARE(filled.withCells("mid.in", 2027y / March, before), plan);

        const Plan partial = plan.fillRight("h100", kFirst, 2027y / March);
        QCOMPARE(partial.cell("h100", 2027y / March), plan.cell("h100", kFirst));
        QCOMPARE(partial.cell("h100", 2027y / April), plan.cell("h100", 2027y / April));
    }

    void pasteBlockAndInverse()
    {
        const Plan plan = twoLinePlan();
        const Month feb = 2027y / February;
        // Spreadsheet text: CRLF, a trailing newline, thousands separators, an empty cell that
        // leaves its cell alone.
        const auto pasted =
            plan.pasteBlock("h100", feb, VolumeField::High, "2,000\t\t3000.5\r\n40\t50\t60\r\n");
        QVERIFY2(pasted.issues.empty(), qPrintable(issueTexts(pasted.issues).join("\n")));
        const Plan& p = pasted.value;
        QCOMPARE(p.cell("h100", feb), VolumeTriple(901, 1001, 2000));
        QCOMPARE(p.cell("h100", 2027y / March), plan.cell("h100", 2027y / March));
        QCOMPARE(p.cell("h100", 2027y / April), VolumeTriple(903, 1003, 3000.5));
        QCOMPARE(p.cell("mid.in", 2027y / April), VolumeTriple(13, 23, 60));

        // Undo: the cells kept before the paste, written back.
        Plan undone = p;
        for (const char* id : {"h100", "mid.in"})
            undone = undone.withCells(id, feb, plan.cellsOf(id, feb, 3));
        QCOMPARE(undone, plan);

        // Copy then paste of the same block changes nothing (exact number text).
        const Plan odd = plan.withCell("h100", feb, VolumeTriple(0.1 + 0.2, 1.0 / 3.0, 1e9 / 7));
        for (VolumeField f : {VolumeField::Low, VolumeField::Base, VolumeField::High}) {
            const std::string block = odd.copyBlock("h100", kFirst, 2, 6, f);
            const auto again = odd.pasteBlock("h100", kFirst, f, block);
            QVERIFY(again.issues.empty());
            QCOMPARE(again.value, odd);
        }
        QCOMPARE(qs(plan.copyBlock("mid.in", 2027y / May, 1, 2, VolumeField::Base)),
                 QStringLiteral("24\t25\n"));

        const auto all = plan.pasteBlock("mid.in", kFirst, VolumeField::All, "7");
        QCOMPARE(all.value.cell("mid.in", kFirst), VolumeTriple::flat(7));
    }

    void pasteBlockErrorsLeaveThePlanAlone()
    {
        const Plan plan = twoLinePlan();
        const Month feb = 2027y / February;
        const auto bad = plan.pasteBlock("h100", feb, VolumeField::Base, "abc\t-5\t1,20\n5\t2000");
        QCOMPARE(bad.value, plan);
        QCOMPARE(issueTexts(bad.issues),
                 (QStringList{
                     "paste:1: base: H100 training, 2027-02: \"abc\" is not a number; expected a "
                     "volume of zero or more",
                     "paste:1: base: H100 training, 2027-03: \"-5\" is negative; expected a "
                     "volume of zero or more",
                     "paste:1: base: H100 training, 2027-04: \"1,20\" is not a number; expected "
                     "a volume of zero or more",
                     "paste:2: low: MID input, 2027-02: low 11 is above base 5; expected low ≤ "
                     "base ≤ high",
                     "paste:2: base: MID input, 2027-03: base 2,000 is above high 32; expected "
                     "low ≤ base ≤ high"}));

        QCOMPARE(issueTexts(plan.pasteBlock("mid.in", feb, VolumeField::Base, "1\n2\n").issues),
                 QStringList{"paste: the block has 2 rows but only 1 line remains from "
                             "\"mid.in\"; nothing was pasted"});
        QCOMPARE(
            issueTexts(plan.pasteBlock("h100", 2027y / May, VolumeField::Base, "1\t2\t3").issues),
            QStringList{"paste:1: the row is 3 months wide but only 2 months remain from "
                        "2027-05 to the end of the plan (2027-06); nothing was pasted"});
        QCOMPARE(issueTexts(plan.pasteBlock("h100", feb, VolumeField::Base, "").issues),
                 QStringList{"paste: the clipboard holds no values; nothing was pasted"});
    }

    void numberText()
    {
        QCOMPARE(qs(formatGrouped(1200)), QStringLiteral("1,200"));
        QCOMPARE(qs(formatGrouped(265420.8)), QStringLiteral("265,420.8"));
        QCOMPARE(qs(formatGrouped(-1234567.125)), QStringLiteral("-1,234,567.125"));
        QCOMPARE(qs(formatGrouped(999)), QStringLiteral("999"));
        QCOMPARE(qs(formatShortest(0.1 + 0.2)), QStringLiteral("0.30000000000000004"));
        QVERIFY(!parseNumber("+1"));
        QVERIFY(!parseNumber("nan"));
        QVERIFY(!parseNumber("1,200"));
        QCOMPARE(*parseNumber("1e6"), 1e6);
        QCOMPARE(parseFixedDecimal("2.35", 6).scaled, std::int64_t{2'350'000});
        QVERIFY(parseFixedDecimal("2.1234567", 6).status == FixedDecimal::Status::TooManyDecimals);
        QVERIFY(parseFixedDecimal("1e3", 6).status == FixedDecimal::Status::NotANumber);
        QVERIFY(parseFixedDecimal("99999999999999", 6).status == FixedDecimal::Status::OutOfRange);
        QCOMPARE(qs(formatFixedDecimal(2'350'000, 6, 2)), QStringLiteral("2.35"));
        QCOMPARE(qs(formatFixedDecimal(1'234'567, 6, 2)), QStringLiteral("1.234567"));
        QCOMPARE(qs(formatFixedDecimal(-1'250, 2, 2)), QStringLiteral("-12.50"));
        QCOMPARE(qs(formatFixedDecimal(7, 0, 0)), QStringLiteral("7"));
    }

    void resourceCodesRoundTrip()
    {
        for (const Resource& r : allResources()) {
            QCOMPARE(parseResource(r.code()), std::optional<Resource>(r));
        }
        QCOMPARE(qs(Resource::tokens(ModelTier::Frontier, TokenDirection::Output).defaultIndexId()),
                 QStringLiteral("TOK.FRONTIER.OUT"));
        QCOMPARE(qs(Resource::gpu(GpuType::L40S).defaultIndexId()), QStringLiteral("GPU.L40S.NC"));
        QVERIFY(!parseResource("FRONTIER"));
        QVERIFY(!parseResource("h100"));
        QCOMPARE(firstPlanMonth(2026y / October / 30d), 2026y / November);
    }
};

CH_REGISTER_TEST(TestPlanEdits);
#include "tst_plan_edits.moc"
