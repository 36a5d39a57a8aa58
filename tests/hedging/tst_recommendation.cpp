#include "compare.h"
#include "hedging/options.h"
#include "hedging/recommendation.h"
#include "recommendation_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <map>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;
using namespace std::chrono;

namespace {

QString joined(const std::vector<Issue>& issues)
{
    QString s;
    for (const std::string& t : issueTexts(issues))
        s += QString::fromStdString(t) + QStringLiteral("\n");
    return s;
}

//! Every bound, band and limit of a recommendation holds.
void verifyWithinPolicy(const HedgeRecommendation& rec, const HedgePolicy& policy)
{
    std::map<Month, ContractCount> perMonth;
    std::map<std::pair<std::string, Month>, ContractCount> perContract;
    double premium = 0.0;
    for (const RecommendationLine& l : rec.lines) {
        if (!l.candidate) {
            QCOMPARE(l.contracts, ContractCount{0});
            continue;
        }
        QVERIFY(l.contracts >= l.bounds.lower && l.contracts <= l.bounds.upper);
        QVERIFY2(
            l.hedgedRatio <= l.maxRatio + 1e-12,
            qPrintable(QString::fromStdString(l.exposureIndexId + " " + formatIsoMonth(l.month))));
        if (!l.bounds.minUnreachable)
            QVERIFY(l.hedgedRatio >= l.minRatio - 1e-12);
        perMonth[l.month] += l.contracts;
        perContract[{l.symbol, l.month}] += l.contracts;
        premium += l.costs.premiumUsd;
    }
    for (const auto& [m, n] : perMonth)
        QVERIFY(n <= policy.maxContractsPerMonth);
    for (const auto& [k, n] : perContract)
        QVERIFY(n <= policy.maxContractsPerContractMonth);
    QVERIFY(premium <= policy.maxPremiumUsd + 1e-6);
}

} // namespace

class TestRecommendation : public QObject
{
    Q_OBJECT
private slots:
    void linesFollowThePolicy()
    {
        const RecommendationInputs in = threeResourceBook();
        const HedgeRecommendation rec = recommendHedge(in);
        QCOMPARE(rec.lines.size(), std::size_t{42});
        QCOMPARE(rec.policyId, std::string("default"));
        QCOMPARE(rec.policyVersion, 1);
        verifyWithinPolicy(rec, in.policy);

        // H100, 2026-11 (tenor 1, bucket 1: 60/75/90%): own index, h* = 1.
        const RecommendationLine& h100 = *findLine(rec, "GPU.H100.NC", 2026y / November);
        QCOMPARE(h100.tenorMonths, 1);
        QCOMPARE(h100.bucket, std::optional<std::size_t>(0));
        QCOMPARE(h100.instrument, std::optional(HedgeInstrumentType::Future));
        QCOMPARE(h100.symbol, std::string("CHG.H100"));
        QVERIFY(!h100.crossHedge);
        QCOMPARE(h100.hedgeRatio, 1.0);
        QCOMPARE(h100.bounds, (ContractBounds{60, 90, false}));
        QCOMPARE(h100.targetContracts, ContractCount{75}); // 73,000 × 75% / 730
        CH_COMPARE_NEAR(h100.exposureUsd, 73'000.0 * 2.5, 1e-6);
        // Costs of the recommended futures: margin 17.5% of notional, 8 USD a side, no premium.
        const auto n = static_cast<double>(h100.contracts);
        CH_COMPARE_NEAR(h100.costs.notionalUsd, n * 730.0 * 2.5, 1e-6);
        CH_COMPARE_NEAR(h100.costs.initialMarginUsd, 0.175 * n * 730.0 * 2.5, 1e-6);
        CH_COMPARE_NEAR(h100.costs.feesUsd, 8.0 * n, 1e-9);
        QCOMPARE(h100.costs.premiumUsd, 0.0);
        CH_COMPARE_NEAR(h100.hedgedRatio, n * 730.0 / 73'000.0, 1e-12);
        CH_COMPARE_NEAR(h100.roundingResidualUnits, (h100.optimalContracts - n) * 730.0, 1e-6);
        QVERIFY(h100.car95AfterUsd < h100.car95BeforeUsd);

        // H200 is cross-hedged on CHG.H100: h* = 0.9 × 3.50 / 2.50 = 1.26 contract GPU-h per
        // GPU-h; band 60–90% of 14,600 × 1.26 / 730 = 25.2: ceil(15.12)..floor(22.68) contracts.
        const RecommendationLine& h200 = *findLine(rec, "GPU.H200.NC", 2026y / November);
        QVERIFY(h200.crossHedge);
        QCOMPARE(h200.symbol, std::string("CHG.H100"));
        QCOMPARE(h200.contractFactor, std::size_t{0});
        CH_COMPARE_NEAR(h200.hedgeRatio, 1.26, 1e-15);
        QCOMPARE(h200.bounds, (ContractBounds{16, 22, false}));
        QCOMPARE(h200.targetContracts, ContractCount{18}); // 14,600 × 0.75 × 1.26 / 730 = 18.9
        CH_COMPARE_NEAR(h200.rSquared, 0.81, 1e-15);

        // 4–12 months out: bucket 2 (30/50/70%).
        const RecommendationLine& later = *findLine(rec, "GPU.H100.NC", 2027y / June);
        QCOMPARE(later.tenorMonths, 8);
        QCOMPARE(later.bounds, (ContractBounds{30, 70, false}));

        // The token contract lists 12 months from the front month. The valuation date, 2026-10-30,
        // is October's last trading day, so October is still the front month and the 12th listed
        // month is 2027-09: the 12th to 14th months out (2027-10 to 2027-12) are not hedged, as
        // the desk's listed-month check would refuse their orders.
        const RecommendationLine& token11 = *findLine(rec, "TOK.FRONTIER.BLEND", 2027y / September);
        QVERIFY(token11.instrument.has_value());
        for (const Month m : {2027y / October, 2027y / November}) {
            const RecommendationLine& unlisted = *findLine(rec, "TOK.FRONTIER.BLEND", m);
            QVERIFY(!unlisted.instrument);
            QCOMPARE(unlisted.contracts, ContractCount{0});
        }
        QCOMPARE(issueTexts(rec.issues),
                 std::vector<std::string>{
                     "recommendation: TOK.FRONTIER.BLEND 2027-10 to 2027-12: warning: CHT.FRONTIER "
                     "lists 12 months, to 2027-09; these 3 months are 12 to 14 months out; not "
                     "hedged"});
        QVERIFY(rec.optimiserIterations > 0);
        const RecommendationLine& token1 = *findLine(rec, "TOK.FRONTIER.BLEND", 2026y / November);
        QCOMPARE(token1.bounds, (ContractBounds{5, 7, false})); // 8,000 MTok in lots of 1,000

        // Summary and frontier.
        QVERIFY(rec.summary.sdAfterUsd < rec.summary.sdBeforeUsd);
        CH_COMPARE_NEAR(
            rec.summary.car95BeforeUsd, 1.6448536269514722 * rec.summary.sdBeforeUsd, 1e-6);
        QCOMPARE(rec.frontier.points.size(), std::size_t{11});
        CH_COMPARE_NEAR(
            rec.frontier.points.front().variance, rec.moments.varCost, 1e-9 * rec.moments.varCost);
        QCOMPARE(rec.frontier.points.front().contracts, ContractCount{0});
        CH_COMPARE_NEAR(rec.frontier.recommendation.variance,
                        rec.summary.sdAfterUsd * rec.summary.sdAfterUsd,
                        1e-6 * rec.moments.varCost);
        CH_COMPARE_NEAR(rec.frontier.recommendation.scale, rec.summary.hedgedRatio, 1e-12);
        QVERIFY(rec.frontier.policyTarget.contracts > 0);
        // The recommendation minimises variance within the bands: no worse than the targets.
        QVERIFY(rec.frontier.recommendation.variance <= rec.frontier.policyTarget.variance);
    }

    void limitsCoupleLinesOnOneContract()
    {
        // H100 and H200 both hedge with CHG.H100: at most 80 of it per month in total.
        RecommendationInputs in = threeResourceBook();
        in.policy.maxContractsPerContractMonth = 80;
        in.policy.maxContractsPerMonth = 95;
        const HedgeRecommendation rec = recommendHedge(in);
        verifyWithinPolicy(rec, in.policy);
        const RecommendationLine& h100 = *findLine(rec, "GPU.H100.NC", 2026y / November);
        QCOMPARE(h100.bounds.upper, ContractCount{80});
        QVERIFY(std::any_of(rec.limits.begin(), rec.limits.end(), [](const LinearLimit& l) {
            return l.name == "CHG.H100 2026-11" && l.bound == 80.0 && l.terms.size() == 2;
        }));
    }

    void listedMonthsRollAfterTheLastTradingDay()
    {
        // On Saturday 2026-10-31 October has expired: November is the front month and the 12
        // listed months of CHT.FRONTIER run to 2027-10 (tenor 12), one month further than on
        // the last trading day itself.
        RecommendationInputs in = threeResourceBook();
        in.valuationDate = 2026y / October / 31d;
        const HedgeRecommendation rec = recommendHedge(in);
        QVERIFY(findLine(rec, "TOK.FRONTIER.BLEND", 2027y / October)->instrument.has_value());
        QVERIFY(!findLine(rec, "TOK.FRONTIER.BLEND", 2027y / November)->instrument);
        QVERIFY(hasIssue(rec.issues,
                         "recommendation: TOK.FRONTIER.BLEND 2027-11 to 2027-12: warning: "
                         "CHT.FRONTIER lists 12 months, to 2027-10; these 2 months are 13 to 14 "
                         "months out; not hedged"));
    }

    void monthsPastTheBucketsAreReportedOnce()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.buckets = {{0, 13, 0.0, 0.5, 0.9}};
        const HedgeRecommendation rec = recommendHedge(in);
        QCOMPARE(issueTexts(rec.issues),
                 (std::vector<std::string>{
                     "recommendation: GPU.H100.NC 2027-12: warning: outside the policy's tenor "
                     "buckets; 2027-12 is 14 months out; not hedged",
                     "recommendation: GPU.H200.NC 2027-12: warning: outside the policy's tenor "
                     "buckets; 2027-12 is 14 months out; not hedged",
                     "recommendation: TOK.FRONTIER.BLEND 2027-10 to 2027-11: warning: CHT.FRONTIER "
                     "lists 12 months, to 2027-09; these 2 months are 12 to 13 months out; not "
                     "hedged",
                     "recommendation: TOK.FRONTIER.BLEND 2027-12: warning: outside the policy's "
                     "tenor buckets; 2027-12 is 14 months out; not hedged"}));
        QVERIFY(!findLine(rec, "GPU.H100.NC", 2027y / December)->instrument);
        QVERIFY(findLine(rec, "GPU.H100.NC", 2027y / November)->instrument.has_value());
    }

    void zeroBandsRecommendNothing()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.buckets = {{0, 36, 0.0, 0.0, 0.0}};
        const HedgeRecommendation rec = recommendHedge(in);
        QCOMPARE(rec.summary.contracts, ContractCount{0});
        for (const RecommendationLine& l : rec.lines)
            QCOMPARE(l.contracts, ContractCount{0});
        QCOMPARE(rec.summary.sdAfterUsd, rec.summary.sdBeforeUsd);
        QCOMPARE(rec.summary.costs, HedgeCosts{});
    }

    void perfectHedgeAtFullTarget()
    {
        RecommendationInputs in;
        in.policy = flatPolicy(1.0, 1.0, 1.0);
        in.valuationDate = valuationDate();
        in.risk = oneFactorBook(6, 73'000.0);
        in.contracts = {chgH100()};
        in.choices = {ownChoice("GPU.H100.NC", "CHG.H100")};
        for (RecommendationMode mode :
             {RecommendationMode::MinimumVariance, RecommendationMode::PolicyTarget}) {
            in.mode = mode;
            const HedgeRecommendation rec = recommendHedge(in);
            QVERIFY2(rec.issues.empty(), qPrintable(joined(rec.issues)));
            for (const RecommendationLine& l : rec.lines) {
                QCOMPARE(l.contracts, ContractCount{100});
                CH_COMPARE_NEAR(l.hedgedRatio, 1.0, 1e-15);
                CH_COMPARE_NEAR(l.car95AfterUsd / l.car95BeforeUsd, 0.0, 1e-6);
            }
            CH_COMPARE_NEAR(rec.summary.sdAfterUsd / rec.summary.sdBeforeUsd, 0.0, 1e-6);
            CH_COMPARE_NEAR(rec.frontier.points.back().variance / rec.moments.varCost, 0.0, 1e-12);
            for (std::size_t k = 1; k < rec.frontier.points.size(); ++k)
                QVERIFY(rec.frontier.points[k].variance < rec.frontier.points[k - 1].variance);
        }
    }

    void policyTargetMode()
    {
        RecommendationInputs in = threeResourceBook();
        in.mode = RecommendationMode::PolicyTarget;
        const HedgeRecommendation rec = recommendHedge(in);
        for (const RecommendationLine& l : rec.lines)
            if (l.candidate)
                QCOMPARE(l.contracts, l.targetContracts);
        const RecommendationLine& h200 = *findLine(rec, "GPU.H200.NC", 2026y / November);
        // 18.9 contracts exactly, 18 held: 0.9 contracts × 730 / 1.26 GPU-h left unhedged.
        CH_COMPARE_NEAR(h200.roundingResidualUnits, 0.9 * 730.0 / 1.26, 1e-6);
        CH_COMPARE_NEAR(
            rec.frontier.policyTarget.variance, rec.frontier.recommendation.variance, 1e-6);
    }

    void callsAndCollarsArePriced()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.rules = {{"H100", {HedgeInstrumentType::Call}, {"CHG.H100"}},
                           {"H200", {HedgeInstrumentType::Collar}, {"CHG.H100"}},
                           {"*", {HedgeInstrumentType::Future}, {}}};
        in.policy.buckets = {{0, 36, 0.0, 0.5, 1.0}};
        in.policy.maxPremiumUsd = 1e9;
        const HedgeRecommendation rec = recommendHedge(in);
        verifyWithinPolicy(rec, in.policy);
        const RecommendationLine& call = *findLine(rec, "GPU.H100.NC", 2027y / March);
        QCOMPARE(call.instrument, std::optional(HedgeInstrumentType::Call));
        CH_COMPARE_NEAR(call.callStrikeUsd, 2.75, 1e-15); // 110% of 2.50 on the 0.01 tick
        const MonthlyOptionInputs o{2027y / March, valuationDate(), 2.5, 2.75, 0.6, 0.0, 730.0};
        const double premium = priceMonthlyOption(pricing::OptionType::Call, o).perUnit.price;
        CH_COMPARE_NEAR(call.callPremiumUsd, premium, 1e-15);
        const auto n = static_cast<double>(call.contracts);
        QVERIFY(n > 0.0);
        CH_COMPARE_NEAR(call.costs.premiumUsd, n * 730.0 * premium, 1e-6);
        QCOMPARE(call.costs.initialMarginUsd, 0.0);

        const RecommendationLine& collar = *findLine(rec, "GPU.H200.NC", 2027y / March);
        QCOMPARE(collar.instrument, std::optional(HedgeInstrumentType::Collar));
        CH_COMPARE_NEAR(collar.putStrikeUsd, 2.25, 1e-15);
        const CollarPrice c = priceCollar(o, 2.75, 2.25);
        CH_COMPARE_NEAR(
            collar.callPremiumUsd - collar.putPremiumUsd, c.netPremiumPerUnitUsd, 1e-15);
        const auto m = static_cast<double>(collar.contracts);
        CH_COMPARE_NEAR(collar.costs.premiumUsd, m * c.netPremiumPerContractUsd, 1e-6);
        CH_COMPARE_NEAR(collar.costs.feesUsd, 16.0 * m, 1e-9); // two legs
        CH_COMPARE_NEAR(collar.costs.initialMarginUsd, 0.175 * m * 730.0 * 2.5, 1e-6);
    }

    void premiumBudgetBinds()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.rules = {{"*", {HedgeInstrumentType::Call}, {}}};
        in.policy.buckets = {{0, 36, 0.0, 0.5, 1.0}};
        in.policy.maxPremiumUsd = 20'000.0;
        const HedgeRecommendation rec = recommendHedge(in);
        verifyWithinPolicy(rec, in.policy);
        QVERIFY(rec.summary.costs.premiumUsd <= 20'000.0);
        QVERIFY(rec.summary.costs.premiumUsd > 15'000.0); // the budget is used, not ignored
        QVERIFY(rec.summary.contracts > 0);
    }

    void missingOptionVolLeavesTheLineUnhedged()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.rules = {{"*", {HedgeInstrumentType::Call}, {}}};
        in.optionVols.clear();
        const HedgeRecommendation rec = recommendHedge(in);
        QVERIFY(!findLine(rec, "GPU.H100.NC", 2026y / November)->instrument);
        QVERIFY2(hasIssue(rec.issues,
                          "recommendation: GPU.H100.NC 2026-11: no volatility for "
                          "GPU.H100.NC to price options; not hedged"),
                 qPrintable(joined(rec.issues)));
    }

    void policyWithErrorsGivesOnlyItsIssues()
    {
        RecommendationInputs in = threeResourceBook();
        in.policy.buckets[0].maxRatio = 0.5;
        const HedgeRecommendation rec = recommendHedge(in);
        QVERIFY(rec.lines.empty());
        QCOMPARE(
            issueTexts(rec.issues),
            std::vector<std::string>{"policy: bucket 1 (0–3 months): max 50% is below min 60%"});
    }

    void codes()
    {
        QCOMPARE(std::string(recommendationModeCode(RecommendationMode::PolicyTarget)),
                 std::string("policy_target"));
        QCOMPARE(parseRecommendationMode("minimum_variance"),
                 std::optional(RecommendationMode::MinimumVariance));
        QCOMPARE(parsePositionKind("put"), std::optional(PositionKind::Put));
        QVERIFY(!parsePositionKind("swap"));
    }
};

CH_REGISTER_TEST(TestRecommendation);
#include "tst_recommendation.moc"
