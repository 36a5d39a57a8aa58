#include "compare.h"
#include "hedging/hedge_risk.h"
#include "hedging/proposal.h"
#include "hedging/recommendation.h"
#include "recommendation_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

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

RecommendationInputs perfectBook()
{
    RecommendationInputs in;
    in.policy = flatPolicy(1.0, 1.0, 1.0);
    in.valuationDate = valuationDate();
    in.risk = oneFactorBook(6, 73'000.0);
    in.contracts = {chgH100()};
    in.choices = {ownChoice("GPU.H100.NC", "CHG.H100")};
    return in;
}

risk::McConfig mcConfig()
{
    risk::McConfig c;
    c.paths = 20'000;
    c.threads = 2;
    return c;
}

} // namespace

class TestHedgeRisk : public QObject
{
    Q_OBJECT
private slots:
    void perfectFutureRemovesTheMonteCarloCaR()
    {
        const RecommendationInputs in = perfectBook();
        const HedgeRecommendation rec = recommendHedge(in);
        const std::vector<risk::HedgeInstrument> trades = tradeInstruments(rec);
        QCOMPARE(trades.size(), std::size_t{6});
        QCOMPARE(trades[0].kind, risk::InstrumentKind::Future);
        QCOMPARE(trades[0].contracts, 100.0);
        QCOMPARE(trades[0].strikeUsd, 2.5);
        QCOMPARE(trades[0].label, std::string("CHG.H100 2026-11 future +100"));

        const HedgeRiskReport r = evaluateHedgeRisk(in.risk, rec, mcConfig());
        QVERIFY(!r.cancelled);
        QVERIFY(r.unhedged.car95.value > 0.0);
        QCOMPARE(r.current, r.unhedged); // no current book
        CH_COMPARE_NEAR(r.proposed.car95.value / r.unhedged.car95.value, 0.0, 1e-9);
        CH_COMPARE_NEAR(r.proposed.sdUsd / r.unhedged.sdUsd, 0.0, 1e-9);
        QCOMPARE(r.months.size(), std::size_t{6});
        for (const MonthRisk& m : r.months) {
            QVERIFY(m.unhedgedCar95Usd > 0.0);
            CH_COMPARE_NEAR(m.proposedCar95Usd / m.unhedgedCar95Usd, 0.0, 1e-9);
        }
        // The moments and the Monte Carlo agree on the unhedged sd (exact in the moments, sampled
        // in the Monte Carlo): within 4 standard errors of a sample sd, 4·sqrt((κ − 1)/(4n)),
        // taking the kurtosis κ of this mildly skewed cost as at most 9.
        CH_COMPARE_NEAR(r.unhedged.sdUsd / rec.summary.sdBeforeUsd,
                        1.0,
                        4.0 * std::sqrt(8.0 / (4.0 * 20'000.0)));
    }

    void existingHedgesAreTheCurrentBook()
    {
        // 40 contracts a month are already held (and in the risk inputs); the trades are 60.
        RecommendationInputs in = perfectBook();
        for (int m = 0; m < 6; ++m) {
            in.positions.push_back(
                {"CHG.H100", addMonths(2026y / November, m), PositionKind::Future, 0.0, 40});
            risk::HedgeInstrument h;
            h.factor = 0;
            h.monthOffset = m;
            h.strikeUsd = 2.4;
            h.unitsPerContract = 730.0;
            h.contracts = 40.0;
            in.risk.instruments.push_back(h);
        }
        const HedgeRecommendation rec = recommendHedge(in);
        for (const RecommendationLine& l : rec.lines) {
            QCOMPARE(l.existingContracts, ContractCount{40});
            QCOMPARE(l.contracts, ContractCount{100});
            QCOMPARE(l.tradeContracts, ContractCount{60});
        }
        QCOMPARE(rec.summary.tradeContracts, ContractCount{360});
        // Below the 100% minimum before trading: flagged as a warning.
        QVERIFY2(hasIssue(rec.issues,
                          "positions: GPU.H100.NC 2026-11: warning: existing hedges "
                          "cover 40% of the exposure, below the policy minimum 100% "
                          "(bucket 1 (0–36 months))"),
                 qPrintable(joined(rec.issues)));
        const HedgeRiskReport r = evaluateHedgeRisk(in.risk, rec, mcConfig());
        // 40 of 100 contracts: the current cost is 60% of the unhedged one plus a constant, on the
        // same paths, so its CaR is 60% of the unhedged CaR up to the quantile estimator.
        QVERIFY(r.current.car95.value < r.unhedged.car95.value);
        CH_COMPARE_NEAR(r.current.car95.value,
                        0.6 * r.unhedged.car95.value,
                        4.0 * r.current.car95.standardError);
        CH_COMPARE_NEAR(r.proposed.car95.value / r.unhedged.car95.value, 0.0, 1e-9);
    }

    void positionsOutsideTheBandsAreFlagged()
    {
        // 130 CHG.H100 futures for 2026-11 are split between the H100 and H200 lines in proportion
        // to V·h* (73,000 and 14,600 × 1.26 = 18,396): 103.83 and 26.17, whole 104 and 26.
        RecommendationInputs in = threeResourceBook();
        in.positions = {{"CHG.H100", 2026y / November, PositionKind::Future, 0.0, 130},
                        {"CHG.H100", 2026y / December, PositionKind::Future, 0.0, 10},
                        {"CHG.H100", 2029y / January, PositionKind::Future, 0.0, 5}};
        const HedgeRecommendation rec = recommendHedge(in);
        const auto expect = [&](const std::string& text) {
            QVERIFY2(hasIssue(rec.issues, text), qPrintable(joined(rec.issues)));
        };
        expect("positions: GPU.H100.NC 2026-11: existing hedges cover 104% of the exposure, above "
               "the policy maximum 90% (bucket 1 (0–3 months))");
        // 26 × 730 / 1.26 / 14,600 = 103.17%.
        expect("positions: GPU.H200.NC 2026-11: existing hedges cover 103.2% of the exposure, "
               "above the policy maximum 90% (bucket 1 (0–3 months))");
        // 10 contracts: 7.99 and 2.01, whole 8 and 2.
        expect("positions: GPU.H100.NC 2026-12: warning: existing hedges cover 8% of the exposure, "
               "below the policy minimum 60% (bucket 1 (0–3 months))");
        expect("positions: GPU.H200.NC 2026-12: warning: existing hedges cover 7.9% of the "
               "exposure, below the policy minimum 60% (bucket 1 (0–3 months))");
        expect("positions: CHG.H100 2029-01: 5 future contracts hedge no exposure in the plan");
        const RecommendationLine& h100 = *findLine(rec, "GPU.H100.NC", 2026y / November);
        QCOMPARE(h100.existingContracts, ContractCount{104});
        QVERIFY(h100.contracts <= 90);
        QCOMPARE(h100.tradeContracts, h100.contracts - 104); // sell the excess
        const RecommendationLine& h200 = *findLine(rec, "GPU.H200.NC", 2026y / November);
        QCOMPARE(h200.existingContracts, ContractCount{26});
    }

    void editsAreRecomputedAndBreachesFlagged()
    {
        const RecommendationInputs in = threeResourceBook();
        const HedgeRecommendation base = recommendHedge(in);
        std::size_t h100 = 0;
        while (base.lines[h100].exposureIndexId != "GPU.H100.NC"
               || base.lines[h100].month != 2026y / November)
            ++h100;
        const ContractCount before = base.lines[h100].contracts;
        const HedgeRecommendation edited = applyEdits(in, base, {{h100, std::nullopt, 120}});
        QCOMPARE(edited.lines[h100].contracts, ContractCount{120});
        QCOMPARE(edited.summary.contracts, base.summary.contracts + 120 - before);
        for (std::size_t l = 0; l < base.lines.size(); ++l)
            if (l != h100)
                QCOMPARE(edited.lines[l].contracts, base.lines[l].contracts);
        QVERIFY2(hasIssue(edited.issues,
                          "edit: GPU.H100.NC 2026-11: 120 contracts exceed the "
                          "maximum 90 (policy max 90% of the exposure, or the "
                          "contract limit)"),
                 qPrintable(joined(edited.issues)));
        CH_COMPARE_NEAR(edited.lines[h100].costs.initialMarginUsd, 0.175 * 120 * 730 * 2.5, 1e-6);
        CH_COMPARE_NEAR(edited.lines[h100].hedgedRatio, 1.2, 1e-12);

        // An edit with no change reproduces the recommendation's figures.
        const HedgeRecommendation same = applyEdits(in, base, {});
        CH_COMPARE_NEAR(
            same.summary.sdAfterUsd, base.summary.sdAfterUsd, 1e-9 * base.summary.sdAfterUsd);
        QCOMPARE(same.summary.contracts, base.summary.contracts);

        // Switching to calls, which the default policy does not allow.
        const HedgeRecommendation calls =
            applyEdits(in, base, {{h100, HedgeInstrumentType::Call, 60}});
        QCOMPARE(calls.lines[h100].instrument, std::optional(HedgeInstrumentType::Call));
        QVERIFY(calls.lines[h100].costs.premiumUsd > 0.0);
        CH_COMPARE_NEAR(calls.summary.costs.premiumUsd, calls.lines[h100].costs.premiumUsd, 1e-6);
        QVERIFY2(hasIssue(calls.issues,
                          "recommendation: GPU.H100.NC 2026-11: calls (cap) are not "
                          "allowed for H100 by the policy"),
                 qPrintable(joined(calls.issues)));
        QVERIFY_THROWS_EXCEPTION(Error, applyEdits(in, base, {{9'999, std::nullopt, 1}}));
        QVERIFY_THROWS_EXCEPTION(Error, applyEdits(in, base, {{h100, std::nullopt, -1}}));
    }

    void proposalRecordsTheDecision()
    {
        const RecommendationInputs in = threeResourceBook();
        const HedgeRecommendation rec = recommendHedge(in);
        const Timestamp at = *parseIsoTimestamp("2026-10-30T15:00:00Z");
        const HedgeProposal p = makeProposal(rec, "prop-2026-10-30-1", "analyst", at, "Q4 cover");
        QCOMPARE(p.policyId, std::string("default"));
        QCOMPARE(p.policyVersion, 1);
        QCOMPARE(p.createdBy, std::string("analyst"));
        QCOMPARE(p.createdAt, at);
        QCOMPARE(p.valuationDate, valuationDate());
        std::size_t held = 0;
        for (const RecommendationLine& l : rec.lines)
            if (l.instrument && l.contracts > 0)
                ++held;
        QCOMPARE(p.lines.size(), held);
        // Each line records the exposure its holding hedges: contracts × units / h*.
        std::size_t k = 0;
        for (const RecommendationLine& l : rec.lines) {
            if (!l.instrument || l.contracts == 0)
                continue;
            CH_COMPARE_NEAR(p.lines[k].hedgedUnits,
                            static_cast<double>(l.contracts) * l.unitsPerContract / l.hedgeRatio,
                            1e-9 * p.lines[k].hedgedUnits);
            QVERIFY(p.lines[k].hedgedUnits > 0.0);
            ++k;
        }
        QCOMPARE(p.lines.front().symbol, std::string("CHG.H100"));
        QCOMPARE(p.lines.front().instrument, HedgeInstrumentType::Future);
        QVERIFY(validateProposal(p).empty());

        HedgeProposal blank = p;
        blank.rationale.clear();
        QCOMPARE(issueTexts(validateProposal(blank)),
                 std::vector<std::string>{
                     "proposal: rationale: is empty; say why this hedge is proposed"});
        QVERIFY_THROWS_EXCEPTION(Error, makeProposal(rec, "", "analyst", at, "x"));
    }

    void cancelledRunHasNoFigures()
    {
        const RecommendationInputs in = perfectBook();
        const HedgeRecommendation rec = recommendHedge(in);
        risk::RunControl stop;
        stop.stopRequested = [] { return true; };
        risk::McConfig cfg = mcConfig();
        cfg.paths = 2'000'000;
        const HedgeRiskReport r = evaluateHedgeRisk(in.risk, rec, cfg, stop);
        QVERIFY(r.cancelled);
        QVERIFY(r.months.empty());
    }
};

CH_REGISTER_TEST(TestHedgeRisk);
#include "tst_hedge_risk.moc"
