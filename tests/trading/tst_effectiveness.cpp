#include "compare.h"
#include "domain/error.h"
#include "test_registry.h"
#include "trading/effectiveness.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::trading;

class TestEffectiveness : public QObject
{
    Q_OBJECT
private slots:
    void perfectHedgePasses()
    {
        const std::vector<double> hedged{-100.0, 50.0, -30.0, -20.0};
        const std::vector<double> derivative{100.0, -50.0, 30.0, 20.0};
        const auto dollar = dollarOffsetTest(hedged, derivative, 1.0);
        QVERIFY(dollar.pass);
        QVERIFY(dollar.offsetting);
        QVERIFY(!dollar.smallDenominator);
        CH_COMPARE_NEAR(*dollar.ratio, 1.0, 1e-12);
        QCOMPARE(dollar.explanation,
                 std::string("cumulative dollar offset 100.0% (derivative 100.00 "
                             "USD vs hedged item -100.00 USD): within 80%-125%"));
        const auto reg = regressionTest(hedged, derivative);
        QVERIFY(reg.pass);
        CH_COMPARE_NEAR(reg.slope, -1.0, 1e-12);
        CH_COMPARE_NEAR(reg.intercept, 0.0, 1e-9);
        CH_COMPARE_NEAR(reg.rSquared, 1.0, 1e-12);
        CH_COMPARE_NEAR(reg.slopeStdError, 0.0, 1e-9);
    }

    void noisyHedgeClosedForm()
    {
        // x = −2..2 (Sxx = 10), y = −0.9x + e with e = (0.1, −0.1, 0, −0.1, 0.1):
        // Sxy = −9.0, slope −0.9, intercept 0, Syy = 8.14, R² = 81 / 81.4,
        // SSE = Syy − b·Sxy = 0.04, se(b) = sqrt(0.04 / 3 / 10).
        const std::vector<double> x{-2.0, -1.0, 0.0, 1.0, 2.0};
        const std::vector<double> y{1.9, 0.8, 0.0, -1.0, -1.7};
        const auto reg = regressionTest(x, y);
        QCOMPARE(reg.observations, std::size_t{5});
        CH_COMPARE_NEAR(reg.slope, -0.9, 1e-12);
        CH_COMPARE_NEAR(reg.intercept, 0.0, 1e-12);
        CH_COMPARE_NEAR(reg.rSquared, 81.0 / 81.4, 1e-12);
        CH_COMPARE_NEAR(reg.slopeStdError, std::sqrt(0.04 / 30.0), 1e-12);
        CH_COMPARE_NEAR(reg.slopeTStat, -0.9 / std::sqrt(0.04 / 30.0), 1e-9);
        QVERIFY(reg.pass);
        QCOMPARE(reg.explanation,
                 std::string("slope -0.900 within [-1.25, -0.80], R^2 0.995 >= 0.80"));
    }

    void poorHedgeFails()
    {
        // x = −2..2, y = (1, 3, −1, 0, 2): Sxy = −1, slope −0.1, Syy = 10, R² = 0.01.
        const std::vector<double> x{-2.0, -1.0, 0.0, 1.0, 2.0};
        const std::vector<double> y{1.0, 3.0, -1.0, 0.0, 2.0};
        const auto reg = regressionTest(x, y);
        CH_COMPARE_NEAR(reg.slope, -0.1, 1e-12);
        CH_COMPARE_NEAR(reg.rSquared, 0.01, 1e-12);
        QVERIFY(!reg.pass);
        QCOMPARE(reg.explanation,
                 std::string("slope -0.100 outside [-1.25, -0.80], R^2 0.010 < 0.80"));

        // Steep but perfectly correlated: R² passes, the slope does not.
        const auto steep = regressionTest(x, {3.0, 1.5, 0.0, -1.5, -3.0});
        CH_COMPARE_NEAR(steep.rSquared, 1.0, 1e-12);
        QVERIFY(!steep.pass);

        // Dollar offset: Σ ΔH = −100, Σ ΔD = 45 -> 45%.
        const auto dollar =
            dollarOffsetTest({-100.0, 50.0, -30.0, -20.0}, {40.0, 10.0, -30.0, 25.0}, 1.0);
        QVERIFY(!dollar.pass);
        CH_COMPARE_NEAR(*dollar.ratio, 0.45, 1e-12);
        QCOMPARE(dollar.explanation,
                 std::string("cumulative dollar offset 45.0% (derivative 45.00 USD "
                             "vs hedged item -100.00 USD): outside 80%-125%"));
    }

    void dollarOffsetBounds_data()
    {
        QTest::addColumn<double>("derivative");
        QTest::addColumn<bool>("pass");
        QTest::newRow("80% passes") << 80.0 << true;
        QTest::newRow("125% passes") << 125.0 << true;
        QTest::newRow("79% fails") << 79.0 << false;
        QTest::newRow("126% fails") << 126.0 << false;
        QTest::newRow("same sign fails") << -100.0 << false;
    }
    void dollarOffsetBounds()
    {
        QFETCH(double, derivative);
        QFETCH(bool, pass);
        QCOMPARE(dollarOffsetTest({-100.0}, {derivative}, 1.0).pass, pass);
    }

    void smallDenominatorIsFlagged()
    {
        const auto r = dollarOffsetTest({100.0, -99.5}, {-60.0, 70.0}, 10.0);
        QVERIFY(r.smallDenominator);
        QVERIFY(!r.pass);
        CH_COMPARE_NEAR(*r.ratio, 20.0, 1e-9); // |10 / 0.5|: meaningless, hence the flag
        QCOMPARE(r.explanation,
                 std::string("hedged item moved by only 0.50 USD (floor 10.00 USD): "
                             "dollar offset is not meaningful; rely on the "
                             "regression test"));
        const auto zero = dollarOffsetTest({50.0, -50.0}, {-10.0, 0.0}, 0.0);
        QVERIFY(zero.smallDenominator);
        QVERIFY(!zero.ratio);

        const auto flat = regressionTest({5.0, 5.0, 5.0}, {1.0, 2.0, 3.0});
        QVERIFY(flat.degenerate);
        QVERIFY(!flat.pass);
        QCOMPARE(flat.explanation,
                 std::string("hedged-item changes do not vary: the slope cannot be "
                             "estimated (small denominator)"));
        const auto two = regressionTest({1.0, 2.0}, {-1.0, -2.0});
        QVERIFY(two.degenerate);
        QCOMPARE(two.explanation, std::string("regression needs at least 3 periods, got 2"));
    }

    void badInputThrows()
    {
        QVERIFY_THROWS_EXCEPTION(Error, dollarOffsetTest({1.0}, {1.0, 2.0}, 0.0));
        QVERIFY_THROWS_EXCEPTION(Error, regressionTest({}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, regressionTest({1.0, NAN, 2.0}, {1.0, 2.0, 3.0}));
    }

    void designationMemo()
    {
        HedgeDesignation d;
        d.reference = "HR-2026-004";
        d.designationDate = std::chrono::year{2026} / std::chrono::October / 5;
        d.hedgedItem = "Forecast H100 on-demand purchases, 2027-01, 5,110 GPU-h";
        d.hedgingInstrument = "Long 7 CHG.H100 2027-01 futures";
        d.riskHedged = "Variability of cash flows from changes in the H100 rental index";
        d.hedgeRatio = 1.0;
        d.method = EffectivenessMethod::Regression;
        d.preparedBy = "anna";
        QCOMPARE(
            trading::designationMemo(d),
            std::string("HEDGE DESIGNATION MEMO\n"
                        "Reference: HR-2026-004\n"
                        "Designation date: 2026-10-05\n"
                        "Hedge type: cash-flow hedge of a forecast purchase (ASC 815 / IFRS 9)\n"
                        "Hedged item: Forecast H100 on-demand purchases, 2027-01, 5,110 GPU-h\n"
                        "Hedging instrument: Long 7 CHG.H100 2027-01 futures\n"
                        "Risk hedged: Variability of cash flows from changes in the H100 rental "
                        "index\n"
                        "Hedge ratio: 1.0000\n"
                        "Effectiveness method: Regression of derivative changes on hedged-item "
                        "changes; effective if R^2 >= 0.80 and the slope is within [-1.25, -0.80]\n"
                        "Assessment frequency: quarterly\n"
                        "Prepared by: anna\n"));
        d.riskHedged.clear();
        QVERIFY_THROWS_EXCEPTION(Error, trading::designationMemo(d));
        QCOMPARE(
            std::string(effectivenessMethodCode(EffectivenessMethod::DollarOffsetAndRegression)),
            std::string("dollar_offset_and_regression"));
    }
};

CH_REGISTER_TEST(TestEffectiveness);
#include "tst_effectiveness.moc"
