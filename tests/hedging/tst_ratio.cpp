#include "compare.h"
#include "hedging/ratio.h"
#include "hedging_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;
using namespace std::chrono;

namespace {

const Date kFrom = 2023y / January / 2d;
const Date kTo = 2026y / October / 30d;

ContractSpec gpuContract(const std::string& symbol, const std::string& index)
{
    return contract(symbol, index, Unit::GpuHour, 730, 36, 0.175);
}

} // namespace

class TestRatio : public QObject
{
    Q_OBJECT
private slots:
    void minimumVarianceRatioFromKnownParameters_data()
    {
        QTest::addColumn<int>("sampling");
        QTest::addColumn<double>("beta");
        QTest::addColumn<double>("volF");
        QTest::addColumn<double>("volE");
        QTest::newRow("daily, beta 0.9") << int(Sampling::Daily) << 0.9 << 0.5 << 0.2;
        QTest::newRow("weekly, beta 0.9") << int(Sampling::Weekly) << 0.9 << 0.5 << 0.2;
        QTest::newRow("weekly, beta 1.3, noisy") << int(Sampling::Weekly) << 1.3 << 0.4 << 0.5;
        QTest::newRow("monthly, beta 0.7") << int(Sampling::Monthly) << 0.7 << 0.6 << 0.1;
    }
    void minimumVarianceRatioFromKnownParameters()
    {
        QFETCH(int, sampling);
        QFETCH(double, beta);
        QFETCH(double, volF);
        QFETCH(double, volE);
        const SyntheticPair p =
            syntheticPair("GPU.H200.NC", "GPU.H100.NC", beta, volF, volE, 2026, kFrom, kTo);
        const RatioWindow w{kFrom, kTo, static_cast<Sampling>(sampling), 8};
        const Parsed<HedgeRatioEstimate> r = estimateHedgeRatio(p.exposure, p.contract, w);
        QVERIFY(r.issues.empty());
        const HedgeRatioEstimate& e = r.value;
        // h* = ρ σ_S / σ_F and the OLS slope are the same number (Sxy/Sxx two ways).
        CH_COMPARE_NEAR(e.beta, e.correlation * e.exposureVolAnnual / e.contractVolAnnual, 1e-15);
        CH_COMPARE_NEAR(e.beta, e.olsSlope, 1e-12);
        CH_COMPARE_NEAR(e.rSquared, e.correlation * e.correlation, 1e-15);
        // Within 4 standard errors of the true β.
        QVERIFY(e.slopeStandardError > 0.0);
        QVERIFY2(std::fabs(e.beta - beta) <= 4.0 * e.slopeStandardError,
                 qPrintable(QStringLiteral("beta %1 vs %2, SE %3")
                                .arg(e.beta)
                                .arg(beta)
                                .arg(e.slopeStandardError)));
        QCOMPARE(e.exposureSeries, std::string("GPU.H200.NC"));
        QCOMPARE(e.contractIndex, std::string("GPU.H100.NC"));
        QCOMPARE(e.sampling, static_cast<Sampling>(sampling));
        if (static_cast<Sampling>(sampling) == Sampling::Daily) {
            // 990 business-day returns; the daily parameters are the true ones.
            const auto n = static_cast<double>(e.observations);
            QVERIFY(e.observations > 950);
            const double rho2 =
                beta * beta * volF * volF / (beta * beta * volF * volF + volE * volE);
            const double rho = std::sqrt(rho2);
            CH_COMPARE_NEAR(e.rSquared, rho2, 4.0 * 2.0 * rho * (1.0 - rho2) / std::sqrt(n));
            CH_COMPARE_NEAR(e.contractVolAnnual, volF, 4.0 * volF / std::sqrt(2.0 * n));
            CH_COMPARE_NEAR(e.basisVolAnnual, volE, 4.0 * volE / std::sqrt(2.0 * n));
        }
    }

    void regressionByHand()
    {
        // y = 2x + e with e orthogonal to x and of mean zero: slope 2, intercept 0,
        // SSE = Σe² = 1e-5, Sxx = 1e-3, Syy = 4e-3 + 1e-5.
        const std::vector<double> x{0.01, 0.02, 0.03, 0.04, 0.05};
        const std::vector<double> e{1e-3, -2e-3, 0.0, 2e-3, -1e-3};
        std::vector<double> y;
        for (std::size_t i = 0; i < x.size(); ++i)
            y.push_back(2.0 * x[i] + e[i]);
        const HedgeRatioEstimate r = regressReturns(y, x, 52.0);
        CH_COMPARE_NEAR(r.olsSlope, 2.0, 1e-12);
        CH_COMPARE_NEAR(r.beta, 2.0, 1e-12);
        CH_COMPARE_NEAR(r.intercept, 0.0, 1e-15);
        CH_COMPARE_NEAR(r.rSquared, 4e-3 / 4.01e-3, 1e-12);
        CH_COMPARE_NEAR(r.basisVolAnnual, std::sqrt(1e-5 / 3.0 * 52.0), 1e-12);
        CH_COMPARE_NEAR(r.slopeStandardError, std::sqrt(1e-5 / 3.0) / std::sqrt(1e-3), 1e-12);
        QVERIFY_THROWS_EXCEPTION(Error, regressReturns({0.1, 0.2}, {0.1, 0.2}, 52.0));
    }

    void paidPricesReplaceTheIndex()
    {
        // The index is flat within each month, so its business-day average is that level; the
        // company pays 3 × sqrt(index): log returns exactly half the index's, β = 0.5, R² = 1.
        PriceSeries index{"GPU.H100.NC", {}};
        std::vector<MonthlyPrice> paid;
        const double levels[] = {2.0, 2.3, 2.1, 2.6, 2.9, 2.4, 2.2, 2.5, 2.7, 3.1, 2.8, 2.6};
        for (int k = 0; k < 12; ++k) {
            const Month m = addMonths(2025y / November, k);
            for (int d = 1; d <= daysInMonth(m); ++d)
                index.points.push_back(
                    {Date{m.year(), m.month(), day{static_cast<unsigned>(d)}}, levels[k]});
            paid.push_back({m, 3.0 * std::sqrt(levels[k])});
        }
        // The series as the Actuals page measures it (exposure::measureBasis), out of order.
        exposure::BasisEstimate basis;
        for (auto it = paid.rbegin(); it != paid.rend(); ++it)
            basis.observations.push_back({it->month, 1.0, it->usd, it->usd, 0.0, 0.0});
        QCOMPARE(paidPriceSeries(basis), paid);
        const RatioWindow w{2025y / November / 1d, kTo, Sampling::Weekly, 8};
        const Parsed<HedgeRatioEstimate> r = estimateHedgeRatio(index, index, w, &paid);
        QVERIFY(r.issues.empty());
        QCOMPARE(r.value.exposureSeries, std::string("paid:GPU.H100.NC"));
        QCOMPARE(r.value.sampling, Sampling::Monthly);
        QCOMPARE(r.value.observations, std::size_t{11});
        CH_COMPARE_NEAR(r.value.beta, 0.5, 1e-12);
        CH_COMPARE_NEAR(r.value.rSquared, 1.0, 1e-12);
        CH_COMPARE_NEAR(r.value.basisVolAnnual, 0.0, 1e-7);
        CH_COMPARE_NEAR(r.value.exposureLastUsd, 3.0 * std::sqrt(2.6), 1e-12);
        CH_COMPARE_NEAR(r.value.contractLastUsd, 2.6, 1e-12);
        // h* in units: 0.5 × 4.84 / 2.6 GPU-h of contract per GPU-h paid for.
        CH_COMPARE_NEAR(hedgeUnitsPerExposureUnit(0.5, 3.0 * std::sqrt(2.6), 2.6),
                        0.5 * 3.0 * std::sqrt(2.6) / 2.6,
                        1e-15);
    }

    void tooLittleHistoryIsAnError()
    {
        const SyntheticPair p =
            syntheticPair("GPU.H200.NC", "GPU.H100.NC", 0.9, 0.5, 0.2, 1, kFrom, kTo);
        // 2026-10-01 is a Thursday: five weeks of October 2026, four weekly returns.
        const RatioWindow w{2026y / October / 1d, kTo, Sampling::Weekly, 8};
        const Parsed<HedgeRatioEstimate> r = estimateHedgeRatio(p.exposure, p.contract, w);
        QVERIFY(r.hasErrors());
        QCOMPARE(r.issues.front().toString(),
                 std::string("hedge ratio: GPU.H200.NC: 4 weekly returns overlap with GPU.H100.NC "
                             "between 2026-10-01 and 2026-10-30; at least 8 are needed"));
    }

    void crossHedgePicksTheHighestRSquared()
    {
        // L40S moves with the H100 index (β 0.95, R² ≈ 0.96) and not with B200; the token series
        // is L40S itself but quoted in MTok, so it is not a candidate.
        const SyntheticPair withH100 =
            syntheticPair("GPU.L40S.NC", "GPU.H100.NC", 0.95, 0.5, 0.1, 11, kFrom, kTo);
        const SyntheticPair b200 =
            syntheticPair("unused", "GPU.B200.NC", 0.0, 0.4, 0.3, 12, kFrom, kTo);
        PriceSeries token = withH100.exposure;
        token.indexId = "TOK.SMALL.BLEND";
        const std::vector<PriceSeries> history{
            withH100.exposure, withH100.contract, b200.contract, token};
        const std::vector<ContractSpec> contracts{
            gpuContract("CHG.B200", "GPU.B200.NC"),
            gpuContract("CHG.H100", "GPU.H100.NC"),
            contract("CHT.SMALL", "TOK.SMALL.BLEND", Unit::MTok, 1000, 12, 0.25)};
        const RatioWindow w{kFrom, kTo, Sampling::Weekly, 8};

        const HedgeChoiceResult r =
            chooseHedgeContract("GPU.L40S.NC", Unit::GpuHour, contracts, {}, history, w);
        QVERIFY(r.issues.empty());
        QVERIFY(r.choice.has_value());
        QCOMPARE(r.choice->symbol, std::string("CHG.H100"));
        QCOMPARE(r.choice->contractIndexId, std::string("GPU.H100.NC"));
        QVERIFY(r.choice->crossHedge);
        QVERIFY(r.choice->ratio.rSquared >= kMinCrossHedgeRSquared);
        QCOMPARE(r.choice->ranking.size(), std::size_t{2});
        QCOMPARE(r.choice->ranking[0].symbol, std::string("CHG.H100"));
        QCOMPARE(r.choice->ranking[1].symbol, std::string("CHG.B200"));
        QVERIFY(r.choice->ranking[1].estimate->rSquared < 0.1);

        // Only B200 allowed: the choice is poor and says so.
        const HedgeChoiceResult poor =
            chooseHedgeContract("GPU.L40S.NC", Unit::GpuHour, contracts, {"CHG.B200"}, history, w);
        QVERIFY(poor.choice.has_value());
        QCOMPARE(poor.choice->symbol, std::string("CHG.B200"));
        QCOMPARE(poor.issues.size(), std::size_t{1});
        QCOMPARE(poor.issues[0].severity, Severity::Warning);
        const std::string text = poor.issues[0].toString();
        const std::string prefix =
            "hedge ratio: GPU.L40S.NC: warning: cross hedge with CHG.B200: R² 0.";
        QVERIFY2(text.rfind(prefix, 0) == 0, text.c_str());
        QVERIFY2(text.find(" is below 0.80; basis risk of ") != std::string::npos, text.c_str());
        QVERIFY2(text.size() > 30
                     && text.compare(text.size() - 30, 30, "% a year remains after hedging") == 0,
                 text.c_str());
    }

    void ownIndexContractIsChosenOneForOne()
    {
        const SyntheticPair p =
            syntheticPair("GPU.L40S.NC", "GPU.H100.NC", 0.95, 0.5, 0.1, 3, kFrom, kTo);
        const std::vector<ContractSpec> contracts{gpuContract("CHG.H100", "GPU.H100.NC")};
        const HedgeChoiceResult r = chooseHedgeContract("GPU.H100.NC",
                                                        Unit::GpuHour,
                                                        contracts,
                                                        {},
                                                        {p.contract},
                                                        {kFrom, kTo, Sampling::Weekly, 8});
        QVERIFY(r.issues.empty());
        QCOMPARE(r.choice->symbol, std::string("CHG.H100"));
        QVERIFY(!r.choice->crossHedge);
        QCOMPARE(r.choice->ratio.beta, 1.0);
        QCOMPARE(r.choice->ratio.rSquared, 1.0);
        QVERIFY(r.choice->ranking[0].ownIndex);
    }

    void noContractInTheUnit()
    {
        const std::vector<ContractSpec> contracts{gpuContract("CHG.H100", "GPU.H100.NC")};
        const HedgeChoiceResult r = chooseHedgeContract(
            "TOK.MID.IN", Unit::MTok, contracts, {}, {}, {kFrom, kTo, Sampling::Weekly, 8});
        QVERIFY(!r.choice);
        QCOMPARE(r.issues.front().toString(),
                 std::string("hedge ratio: TOK.MID.IN: no allowed contract is quoted in MTok; the "
                             "exposure cannot be hedged"));
    }
};

CH_REGISTER_TEST(TestRatio);
#include "tst_ratio.moc"
