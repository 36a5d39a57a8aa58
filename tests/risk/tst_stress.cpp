#include "compare.h"
#include "domain/error.h"
#include "risk/stress.h"
#include "risk_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

//! H100 and A100 (GPU), a frontier token tier; each cell pays index × multiplier + spread, and
//! some volume is contracted at a fixed price (no price sensitivity).
RiskInputs stressBook()
{
    RiskInputs in;
    in.firstMonth = 2027y / January;
    in.horizonMonths = 6;
    in.factors.push_back(flatFactor(
        "GPU.H100.NC", "H100", FactorModel::MeanRevertingJump, 6, 2.8, {3.0, 0.4, 0.0, 0.0, 0.0}));
    in.factors.push_back(flatFactor(
        "GPU.B200.NC", "B200", FactorModel::MeanRevertingJump, 6, 5.9, {3.0, 0.4, 0.0, 0.0, 0.0}));
    in.factors.push_back(flatFactor("TOK.FRONTIER.BLEND",
                                    "FRONTIER",
                                    FactorModel::TokenCuts,
                                    6,
                                    4.0,
                                    {0.0, 0.0, 2.0, -0.4, 0.1}));
    in.factors[0].forwardUsd = {2.9, 2.85, 2.8, 2.75, 2.7, 2.65};
    in.correlation = Eigen::MatrixXd::Identity(3, 3);
    for (int m = 0; m < 6; ++m) {
        ExposureCell h100 = cell(0, m, 70'000.0 + 1'000.0 * m);
        h100.priceMultiplier = 1.1;
        h100.spreadUsd = 0.15;
        h100.contractedVolume = 5'000.0;
        h100.contractedPriceUsd = 2.2;
        in.cells.push_back(h100);
        in.cells.push_back(cell(1, m, 20'000.0));
        in.cells.push_back(cell(2, m, 9'000.0));
    }
    return in;
}

template <class F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("no exception");
}

} // namespace

class TestStress : public QObject
{
    Q_OBJECT
private slots:
    void shockMovesCostByShareOfExposure_data()
    {
        QTest::addColumn<int>("factor");
        QTest::addColumn<double>("shock");
        QTest::newRow("H100 +10%") << 0 << 0.10;
        QTest::newRow("H100 -35%") << 0 << -0.35;
        QTest::newRow("B200 +40%") << 1 << 0.40;
        QTest::newRow("frontier -50%") << 2 << -0.50;
    }
    void shockMovesCostByShareOfExposure()
    {
        QFETCH(int, factor);
        QFETCH(double, shock);
        const RiskInputs in = stressBook();
        const auto f = static_cast<std::size_t>(factor);
        const StressResult r =
            runStress(in, userScenario(in, "shock", {{f, 0, in.horizonMonths - 1, shock}}));
        const double exposure = factorExposureUsd(in)[f];
        CH_COMPARE_NEAR(r.deltaUsd(), shock * exposure, 1e-9 * exposure);
        CH_COMPARE_NEAR(r.factorDeltaUsd[f], shock * exposure, 1e-9 * exposure);
        for (std::size_t g = 0; g < in.factors.size(); ++g)
            if (g != f)
                QCOMPARE(r.factorDeltaUsd[g], 0.0);
        // No hedge: hedged and unhedged agree.
        CH_COMPARE_NEAR(r.hedgedDeltaUsd(), r.deltaUsd(), 1e-9 * exposure);
    }

    void exposureIsHandComputed()
    {
        const std::vector<double> e = factorExposureUsd(stressBook());
        double h100 = 0.0;
        const std::vector<double> fwd{2.9, 2.85, 2.8, 2.75, 2.7, 2.65};
        for (int m = 0; m < 6; ++m)
            h100 += (70'000.0 + 1'000.0 * m) * 1.1 * fwd[static_cast<std::size_t>(m)];
        CH_COMPARE_NEAR(e[0], h100, 1e-6);
        CH_COMPARE_NEAR(e[1], 6 * 20'000.0 * 5.9, 1e-6);
        CH_COMPARE_NEAR(e[2], 6 * 9'000.0 * 4.0, 1e-6);
    }

    void perfectHedgeNeutralisesTheShock()
    {
        RiskInputs in = stressBook();
        for (int m = 0; m < 6; ++m) {
            // Hedge exactly the B200 volume: 20'000 units = 20'000/730 contracts of 730 units.
            HedgeInstrument h = instrument(InstrumentKind::Future, 1, m, 5.5, 20'000.0 / 730.0);
            in.instruments.push_back(h);
        }
        const StressResult r = runStress(in, gpuShortageScenario(in));
        const double b200 = r.factorDeltaUsd[1];
        QVERIFY(b200 > 0.0);
        // The hedged change is the H100 change only (its cells are unhedged).
        CH_COMPARE_NEAR(r.hedgedDeltaUsd(), r.factorDeltaUsd[0], 1e-6);
        CH_COMPARE_NEAR(r.deltaUsd() - r.hedgedDeltaUsd(), b200, 1e-6);
        // Base hedged cost locks the B200 forward-vs-trade difference: cost − (F − K)·units.
        CH_COMPARE_NEAR(r.baseCostUsd - r.baseHedgedCostUsd, 6 * (5.9 - 5.5) * 20'000.0, 1e-6);
    }

    void presetsShockTheRightFactors()
    {
        const RiskInputs in = stressBook();
        const std::vector<StressScenario> p = presetScenarios(in);
        QCOMPARE(p.size(), std::size_t{3});
        // GPU shortage: +40% reached over three months on both GPU factors, tokens untouched.
        QCOMPARE(p[0].name, std::string("GPU shortage"));
        CH_COMPARE_NEAR(p[0].shock[0][0], 0.40 / 3, 1e-15);
        CH_COMPARE_NEAR(p[0].shock[1][1], 0.40 * 2 / 3, 1e-15);
        QCOMPARE(p[0].shock[0][2], 0.40);
        QCOMPARE(p[0].shock[1][5], 0.40);
        QCOMPARE(p[0].shock[2][5], 0.0);
        QCOMPARE(p[0].description, std::string("All GPU indices +40% over 3 months, then held"));
        // Frontier release: tokens −50%.
        QCOMPARE(p[1].shock[2][0], -0.50);
        QCOMPARE(p[1].shock[0][0], 0.0);
        // New generation: H100 is older, B200 is not.
        QCOMPARE(p[2].shock[0][3], -0.30);
        QCOMPARE(p[2].shock[1][3], 0.0);
        QCOMPARE(p[2].shock[2][3], 0.0);
        const StressResult r = runStress(in, p[1]);
        CH_COMPARE_NEAR(r.deltaUsd(), -0.5 * factorExposureUsd(in)[2], 1e-6);
    }

    void historicalMovesAreFound()
    {
        // Daily series: 100 flat for 30 days, up to 150 over the next 45 days, then down to 60.
        PriceSeries s;
        s.indexId = "GPU.H100.NC";
        const long long start = daysSinceEpoch(2025y / January / 1d);
        for (int i = 0; i < 200; ++i) {
            double p = 100.0;
            if (i >= 30 && i < 75)
                p = 100.0 + 50.0 * (i - 30) / 45.0;
            else if (i >= 75)
                p = std::max(60.0, 150.0 - 2.0 * (i - 75));
            s.points.push_back({dateFromDaysSinceEpoch(start + i), p});
        }
        const HistoricalMove up1 = largestHistoricalMove(s, 1, true);
        QVERIFY(up1.found);
        // A 30-day window (30.4375 rounds to 30) starting at day 30 ends at day 60: 100 → 133.3.
        CH_COMPARE_NEAR(up1.logMove, std::log((100.0 + 50.0 * 30 / 45.0) / 100.0), 1e-12);
        QCOMPARE(up1.from, dateFromDaysSinceEpoch(start + 30));
        QCOMPARE(up1.to, dateFromDaysSinceEpoch(start + 60));
        const HistoricalMove down3 = largestHistoricalMove(s, 3, false);
        CH_COMPARE_NEAR(down3.logMove, std::log(60.0 / 150.0), 1e-12);
        const HistoricalMove tooLong = largestHistoricalMove(s, 12, true);
        QVERIFY(!tooLong.found);

        const RiskInputs in = stressBook();
        const StressScenario replay = historicalReplayScenario(in, {up1}, 1, "replay");
        CH_COMPARE_NEAR(replay.shock[0][0], std::expm1(up1.logMove), 1e-15);
        QCOMPARE(replay.shock[1][0], 0.0);
        const std::vector<StressScenario> six = historicalScenarios(in, {s});
        QCOMPARE(six.size(), std::size_t{6});
        QCOMPARE(six[1].name, std::string("Historical worst 3-month rise"));
        QCOMPARE(six[5].name, std::string("Historical worst 6-month fall"));
        // A 3-month move unfolds over three months in log terms.
        const HistoricalMove up3 = largestHistoricalMove(s, 3, true);
        CH_COMPARE_NEAR(six[1].shock[0][0], std::expm1(up3.logMove / 3), 1e-15);
        CH_COMPARE_NEAR(six[1].shock[0][4], std::expm1(up3.logMove), 1e-15);
    }

    void userShocksCompound()
    {
        const RiskInputs in = stressBook();
        const StressScenario s = userScenario(in, "two", {{0, 0, 2, 0.10}, {0, 2, 3, 0.20}});
        CH_COMPARE_NEAR(s.shock[0][0], 0.10, 1e-15);
        CH_COMPARE_NEAR(s.shock[0][2], 1.1 * 1.2 - 1.0, 1e-15);
        CH_COMPARE_NEAR(s.shock[0][3], 0.20, 1e-15);
        QCOMPARE(s.shock[0][4], 0.0);
    }

    void badScenariosAreRejected()
    {
        const RiskInputs in = stressBook();
        QCOMPARE(errorOf([&] {
                     userScenario(in, "x", {{5, 0, 0, 0.1}});
                 }),
                 QStringLiteral("shock on factor 5, which does not exist"));
        QCOMPARE(errorOf([&] {
                     userScenario(in, "x", {{0, 3, 9, 0.1}});
                 }),
                 QStringLiteral("shock months 3..9 are outside the horizon"));
        QCOMPARE(errorOf([&] {
                     userScenario(in, "x", {{0, 0, 0, -1.0}});
                 }),
                 QStringLiteral("shock -1.000000 must be finite and > -1"));
        StressScenario wrong;
        wrong.name = "wrong";
        QCOMPARE(errorOf([&] { runStress(in, wrong); }),
                 QStringLiteral("scenario 'wrong' has 0 factors, the inputs 3"));
    }
};

CH_REGISTER_TEST(TestStress);
#include "tst_stress.moc"
