#include "domain/error.h"
#include "risk/cost_at_risk.h"
#include "risk_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;

namespace {

McConfig config(std::size_t paths, unsigned threads)
{
    McConfig cfg;
    cfg.paths = paths;
    cfg.threads = threads;
    cfg.seed = 42;
    return cfg;
}

} // namespace

class TestRunControl : public QObject
{
    Q_OBJECT
private slots:
    void bitIdenticalForAnyThreadCount()
    {
        const RiskInputs in = mixedBook();
        // 20'001 paths: a partial last block as well.
        const CostAtRisk one = runCostAtRisk(in, config(20'001, 1));
        const CostAtRisk two = runCostAtRisk(in, config(20'001, 2));
        const CostAtRisk three = runCostAtRisk(in, config(20'001, 3));
        QVERIFY(one.report && two.report && three.report);
        QCOMPARE(one.seed, std::uint64_t{42});
        QCOMPARE(one.paths, std::size_t{20'001});
        // Every field of the report, compared exactly (defaulted operator==).
        QVERIFY(*one.report == *two.report);
        QVERIFY(*one.report == *three.report);
        // Spot checks that print the numbers if the above ever fails.
        QCOMPARE(one.report->horizon.unhedged.p99.value, three.report->horizon.unhedged.p99.value);
        QCOMPARE(one.report->contributions[0].car95Usd, two.report->contributions[0].car95Usd);
    }

    void seedChangesTheResult()
    {
        const RiskInputs in = mixedBook();
        McConfig a = config(5'000, 2);
        McConfig b = a;
        b.seed = 43;
        QVERIFY(runCostAtRisk(in, a).report->horizon.unhedged.p95.value
                != runCostAtRisk(in, b).report->horizon.unhedged.p95.value);
    }

    void progressIsMonotoneAndEndsAtTotal()
    {
        std::vector<std::size_t> seen;
        RunControl rc;
        rc.progress = [&](std::size_t done, std::size_t total) {
            QCOMPARE(total, std::size_t{50'000});
            seen.push_back(done);
        };
        const CostAtRisk r = runCostAtRisk(mixedBook(), config(50'000, 2), rc);
        QVERIFY(r.report.has_value());
        QVERIFY(!seen.empty());
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), std::size_t{50'000});
        QCOMPARE(r.pathsCompleted, std::size_t{50'000});
    }

    void cancelledRunHasNoResult()
    {
        RunControl rc;
        rc.stopRequested = [] { return true; };
        const CostAtRisk r = runCostAtRisk(mixedBook(), config(5'000'000, 2), rc);
        QVERIFY(r.cancelled);
        QVERIFY(!r.report.has_value());
        QVERIFY(r.pathsCompleted < r.paths);
        QCOMPARE(r.seed, std::uint64_t{42});
    }

    void cancelAfterTenPercent()
    {
        std::size_t done = 0;
        RunControl rc;
        rc.progress = [&](std::size_t d, std::size_t) { done = d; };
        rc.stopRequested = [&] { return done >= 500'000; };
        const CostAtRisk r = runCostAtRisk(mixedBook(), config(5'000'000, 2), rc);
        QVERIFY(r.cancelled);
        QVERIFY(!r.report.has_value());
        QVERIFY(r.pathsCompleted >= 500'000);
        QVERIFY(r.pathsCompleted < 5'000'000);
    }

    void badConfigurationIsRejected_data()
    {
        QTest::addColumn<std::size_t>("paths");
        QTest::addColumn<std::size_t>("blockPaths");
        QTest::addColumn<QString>("message");
        QTest::newRow("no paths") << std::size_t{0} << std::size_t{256}
                                  << "paths = 0 is outside 1..1e9";
        QTest::newRow("tiny blocks")
            << std::size_t{1000} << std::size_t{8} << "blockPaths = 8 is outside 16..4096";
    }
    void badConfigurationIsRejected()
    {
        QFETCH(std::size_t, paths);
        QFETCH(std::size_t, blockPaths);
        QFETCH(QString, message);
        McConfig cfg = config(paths, 1);
        cfg.blockPaths = blockPaths;
        try {
            runCostAtRisk(mixedBook(), cfg);
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.what()), message);
        }
    }
};

CH_REGISTER_TEST(TestRunControl);
#include "tst_run_control.moc"
