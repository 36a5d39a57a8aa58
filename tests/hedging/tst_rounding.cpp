#include "compare.h"
#include "hedging/rounding.h"
#include "test_registry.h"

#include <QTest>

#include <random>

using namespace ch;
using namespace ch::hedging;

class TestRounding : public QObject
{
    Q_OBJECT
private slots:
    void handComputedCases_data()
    {
        QTest::addColumn<double>("volume");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<double>("hedgeRatio");
        QTest::addColumn<int>("policy");
        QTest::addColumn<qlonglong>("contracts");
        QTest::addColumn<double>("residualUnits");
        // 73,000 GPU-h × 75% / 730 = 75 contracts exactly.
        QTest::newRow("exact") << 73'000.0 << 0.75 << 1.0 << 0 << 75LL << 0.0;
        // 10,500 × 75% = 7,875 GPU-h = 10.79 contracts: 10 toward zero (575 GPU-h left over),
        // 11 to the nearest (8,030 GPU-h, 155 over the target but inside the 90% maximum).
        QTest::newRow("toward zero") << 10'500.0 << 0.75 << 1.0 << 0 << 10LL << 575.0;
        QTest::newRow("nearest") << 10'500.0 << 0.75 << 1.0 << 1 << 11LL << -155.0;
        // Cross hedge with h* = 1.4 contract GPU-h per exposure GPU-h: 10,000 × 75% × 1.4 / 730
        // = 14.38 -> 14 contracts = 10,220 contract GPU-h = 7,300 exposure GPU-h.
        QTest::newRow("cross hedge h* 1.4") << 10'000.0 << 0.75 << 1.4 << 0 << 14LL << 200.0;
        // 0.7 × 21,900 / 730 is 20.999999999999996 in doubles; it is 21 contracts on paper.
        QTest::newRow("representation error") << 21'900.0 << 0.7 << 1.0 << 0 << 21LL << 0.0;
    }
    void handComputedCases()
    {
        QFETCH(double, volume);
        QFETCH(double, ratio);
        QFETCH(double, hedgeRatio);
        QFETCH(int, policy);
        QFETCH(qlonglong, contracts);
        QFETCH(double, residualUnits);
        const ContractSizing s{volume, ratio, hedgeRatio, 730.0, 0.6, 0.9, 1'000};
        const RoundedContracts r = roundToContracts(s, static_cast<RoundingPolicy>(policy));
        QCOMPARE(r.contracts, static_cast<ContractCount>(contracts));
        CH_COMPARE_NEAR(r.exactContracts, ratio * volume * hedgeRatio / 730.0, 1e-12);
        CH_COMPARE_NEAR(r.residualUnits, residualUnits, 1e-9);
        CH_COMPARE_NEAR(r.residualRatio, residualUnits / volume, 1e-12);
        CH_COMPARE_NEAR(r.achievedRatio, ratio - residualUnits / volume, 1e-12);
    }

    void nearestNeverExceedsTheMaximum()
    {
        // 1,500 GPU-h at the 90% maximum = 1,350 GPU-h = 1.85 contracts: the nearest count (2,
        // 1,460 GPU-h) would exceed the maximum, so it is 1.
        const ContractSizing s{1'500.0, 0.9, 1.0, 730.0, 0.0, 0.9, 100};
        const RoundedContracts r = roundToContracts(s, RoundingPolicy::NearestWithinBand);
        QCOMPARE(r.contracts, ContractCount{1});
        QCOMPARE(r.bounds, (ContractBounds{0, 1, false}));
        CH_COMPARE_NEAR(r.residualUnits, 1'350.0 - 730.0, 1e-9);
    }

    void contractLimitCaps()
    {
        const ContractSizing s{730'000.0, 0.75, 1.0, 730.0, 0.6, 0.9, 250};
        const RoundedContracts r = roundToContracts(s, RoundingPolicy::TowardZero);
        QCOMPARE(r.contracts, ContractCount{250});
        QCOMPARE(r.bounds, (ContractBounds{250, 250, true})); // 600 needed for the 60% minimum
        CH_COMPARE_NEAR(r.residualUnits, 547'500.0 - 182'500.0, 1e-6);
    }

    void bandNarrowerThanOneContract()
    {
        // 500 GPU-h: the 60% minimum needs ceil(0.41) = 1 contract but the 90% maximum allows
        // floor(0.62) = 0: the maximum wins and the minimum is reported unreachable.
        QCOMPARE(contractBounds(500.0, 0.6, 0.9, 1.0, 730.0, 100), (ContractBounds{0, 0, true}));
        // 0.55 × 14,600 / 730 is 11.000000000000002: the minimum is 11 contracts, not 12.
        QCOMPARE(contractBounds(14'600.0, 0.55, 0.9, 1.0, 730.0, 100),
                 (ContractBounds{11, 18, false}));
    }

    void neverExceedsThePolicyMaximum()
    {
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u01(0.0, 1.0);
        for (int k = 0; k < 20'000; ++k) {
            const double volume = std::floor(u01(rng) * 200'000.0);
            const double lo = u01(rng) * 0.6;
            const double hi = lo + u01(rng) * (1.0 - lo);
            const double ratio = u01(rng) * 1.1;
            const double h = 0.3 + 2.0 * u01(rng);
            const double units = u01(rng) < 0.5 ? 730.0 : 1'000.0;
            const auto limit = static_cast<ContractCount>(u01(rng) * 400.0);
            const ContractSizing s{volume, ratio, h, units, lo, hi, limit};
            for (RoundingPolicy p :
                 {RoundingPolicy::TowardZero, RoundingPolicy::NearestWithinBand}) {
                const RoundedContracts r = roundToContracts(s, p);
                const double hedged = static_cast<double>(r.contracts) * units / h;
                QVERIFY(r.contracts >= 0);
                QVERIFY(r.contracts <= limit);
                QVERIFY2(hedged <= hi * volume * (1.0 + 1e-9) + 1e-9,
                         qPrintable(QStringLiteral("case %1: %2 contracts cover %3 > max %4")
                                        .arg(k)
                                        .arg(r.contracts)
                                        .arg(hedged)
                                        .arg(hi * volume)));
                QCOMPARE(r.hedgedUnits, hedged);
                CH_COMPARE_NEAR(r.residualUnits, ratio * volume - hedged, 1e-9 * (1.0 + volume));
                // Toward zero only goes above the target when the band minimum lifts it.
                if (p == RoundingPolicy::TowardZero && r.contracts > r.bounds.lower)
                    QVERIFY(hedged <= ratio * volume * (1.0 + 1e-9) + 1e-9);
            }
        }
    }

    void preconditions()
    {
        QVERIFY_THROWS_EXCEPTION(Error, contractBounds(-1.0, 0.0, 1.0, 1.0, 730.0, 10));
        QVERIFY_THROWS_EXCEPTION(Error, contractBounds(1.0, 0.5, 0.4, 1.0, 730.0, 10));
        QVERIFY_THROWS_EXCEPTION(Error, contractBounds(1.0, 0.0, 1.0, 0.0, 730.0, 10));
        QVERIFY_THROWS_EXCEPTION(Error, contractBounds(1.0, 0.0, 1.0, 1.0, 730.0, -1));
    }
};

CH_REGISTER_TEST(TestRounding);
#include "tst_rounding.moc"
