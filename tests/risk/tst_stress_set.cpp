#include "risk/inputs_builder.h"
#include "risk/stress_set.h"
#include "risk_sources_fixture.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::risk;
using namespace ch::risk::test;
using namespace std::chrono;

namespace {

QStringList texts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const Issue& i : issues)
        out << QString::fromStdString(i.toString());
    return out;
}

RiskInputs fixtureInputs()
{
    const BuiltRiskInputs b = buildRiskInputs(handSources(), {});
    if (!b.ok())
        qFatal("the fixture's inputs have errors");
    return b.inputs;
}

} // namespace

class TestStressSet : public QObject
{
    Q_OBJECT
private slots:
    void checkUserShock_data()
    {
        QTest::addColumn<QString>("index");
        QTest::addColumn<int>("last");
        QTest::addColumn<double>("relative");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("valid") << "GPU.H100.NC" << 2 << 0.4 << QStringList();
        QTest::newRow("below -100%")
            << "GPU.H100.NC" << 2 << -1.2
            << QStringList{"user scenario:2: shock: -120% would make the price zero or negative; "
                           "expected more than -100%"};
        QTest::newRow("ends before it starts")
            << "GPU.H100.NC" << 0 << 0.1
            << QStringList{"user scenario:2: months: 2027-02 to 2027-01 ends before it starts; "
                           "expected the first month on or before the last"};
        QTest::newRow("no index") << "" << 2 << 0.1
                                  << QStringList{"user scenario:2: index: no index; expected an "
                                                 "index id such as GPU.H100.NC"};
    }
    void checkUserShock()
    {
        QFETCH(QString, index);
        QFETCH(int, last);
        QFETCH(double, relative);
        QFETCH(QStringList, expected);
        const UserShock s{index.toStdString(), 2027y / February, addMonths(kFirst, last), relative};
        QCOMPARE(texts(risk::checkUserShock(s, 2)), expected);
    }

    void userShocksAreClippedToTheHorizon()
    {
        const RiskInputs in = fixtureInputs();
        UserScenarioSpec spec{"Winter squeeze",
                              {{"GPU.H100.NC", 2026y / November, 2027y / February, 0.1},
                               {"GPU.H100.NC", 2027y / February, 2027y / March, 0.2},
                               {"GPU.A100.NC", 2027y / January, 2027y / March, 0.5},
                               {"TOK.FRONTIER.IN", 2027y / June, 2027y / July, -0.5}}};
        std::vector<Issue> issues;
        const StressScenario s = userStressScenario(in, spec, issues);
        QCOMPARE(s.name, std::string("Winter squeeze"));
        // Shocks on one factor and month compound: (1.1)(1.2) − 1 in 2027-02.
        QCOMPARE(s.shock[0][0], 0.1);
        QCOMPARE(s.shock[0][1], 1.1 * 1.2 - 1.0);
        QCOMPARE(s.shock[0][2], 0.2);
        QCOMPARE(s.shock[1], (std::vector<double>{0.0, 0.0, 0.0}));
        QCOMPARE(texts(issues),
                 (QStringList{"user scenario:3: index: warning: GPU.A100.NC is not priced by the "
                              "plan; the shock is left out",
                              "user scenario:4: index: warning: 2027-06 to 2027-07 is outside "
                              "the horizon; the shock is left out"}));
    }

    void theSetHasHistoricalPresetAndUserScenarios()
    {
        RiskSources src = handSources();
        const BuiltRiskInputs b = buildRiskInputs(src, {});
        std::vector<Issue> issues;
        const auto withoutUser = stressSet(b.inputs, factorHistory(src, b.inputs), {}, issues);
        QCOMPARE(withoutUser.size(), std::size_t{9});
        QVERIFY(withoutUser[0].kind == StressKind::Historical);
        QCOMPARE(withoutUser[0].scenario.name, std::string("Historical worst 1-month rise"));
        QVERIFY(withoutUser[6].kind == StressKind::Preset);
        QCOMPARE(withoutUser[6].scenario.name, std::string("GPU shortage"));
        const UserScenarioSpec user{"Mine", {{"GPU.H100.NC", kFirst, kFirst, 0.25}}};
        const auto all = stressSet(b.inputs, factorHistory(src, b.inputs), user, issues);
        QCOMPARE(all.size(), std::size_t{10});
        QVERIFY(all.back().kind == StressKind::User);
        QCOMPARE(all.back().scenario.shock[0][0], 0.25);
        QVERIFY(issues.empty());
        for (StressKind k : {StressKind::Historical, StressKind::Preset, StressKind::User})
            QVERIFY(parseStressKind(stressKindCode(k)) == k);
    }
};
CH_REGISTER_TEST(TestStressSet);

#include "tst_stress_set.moc"
