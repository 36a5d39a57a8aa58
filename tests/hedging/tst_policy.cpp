#include "hedging/policy.h"
#include "hedging_fixtures.h"
#include "test_registry.h"

#include <QTest>

#include <algorithm>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;

namespace {

std::vector<std::string> messages(const std::vector<Issue>& issues)
{
    std::vector<std::string> out;
    for (const Issue& i : issues)
        out.push_back(i.toString());
    return out;
}

bool contains(const std::vector<Issue>& issues, const std::string& text)
{
    const auto m = messages(issues);
    return std::find(m.begin(), m.end(), text) != m.end();
}

QString joined(const std::vector<Issue>& issues)
{
    QString s;
    for (const std::string& m : messages(issues))
        s += QString::fromStdString(m) + QStringLiteral("\n");
    return s;
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void defaultTemplateIsValid()
    {
        const HedgePolicy p = defaultPolicy("treasurer", savedAt());
        QVERIFY2(validatePolicy(p).empty(), qPrintable(joined(validatePolicy(p))));
        QCOMPARE(p.buckets.size(), std::size_t{3});
        QCOMPARE(p.buckets[0], (TenorBucket{0, 3, 0.60, 0.75, 0.90}));
        QCOMPARE(p.buckets[1], (TenorBucket{4, 12, 0.30, 0.50, 0.70}));
        QCOMPARE(p.buckets[2], (TenorBucket{13, 36, 0.0, 0.25, 0.40}));
        QCOMPARE(p.version, 1);
        QCOMPARE(p.author, std::string("treasurer"));
        const std::vector<ContractSpec> contracts{chgH100()};
        QVERIFY(validatePolicy(p, &contracts).empty());
    }

    void messagesNameTheField_data()
    {
        QTest::addColumn<int>("bucket");
        QTest::addColumn<double>("minRatio");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("maxRatio");
        QTest::addColumn<QString>("expected");
        QTest::newRow("max below min")
            << 1 << 0.5 << 0.5 << 0.3
            << QStringLiteral("policy: bucket 2 (4–12 months): max 30% is below min 50%");
        QTest::newRow("target above 100%")
            << 0 << 0.6 << 1.2 << 0.9
            << QStringLiteral("policy: bucket 1 (0–3 months): target 120% is above 100%");
        QTest::newRow("target above max")
            << 0 << 0.6 << 0.95 << 0.9
            << QStringLiteral("policy: bucket 1 (0–3 months): target 95% is above max 90%");
        QTest::newRow("target below min")
            << 2 << 0.1 << 0.05 << 0.4
            << QStringLiteral("policy: bucket 3 (13–36 months): target 5% is below min 10%");
        QTest::newRow("negative min")
            << 2 << -0.1 << 0.25 << 0.4
            << QStringLiteral("policy: bucket 3 (13–36 months): min -10% is negative");
        QTest::newRow("max above 100%, one decimal")
            << 2 << 0.0 << 0.25 << 1.125
            << QStringLiteral("policy: bucket 3 (13–36 months): max 112.5% is above 100%");
    }
    void messagesNameTheField()
    {
        QFETCH(int, bucket);
        QFETCH(double, minRatio);
        QFETCH(double, target);
        QFETCH(double, maxRatio);
        QFETCH(QString, expected);
        HedgePolicy p = defaultPolicy("treasurer", savedAt());
        TenorBucket& b = p.buckets[static_cast<std::size_t>(bucket)];
        b.minRatio = minRatio;
        b.targetRatio = target;
        b.maxRatio = maxRatio;
        const auto issues = validatePolicy(p);
        QVERIFY2(contains(issues, expected.toStdString()), qPrintable(joined(issues)));
        QVERIFY(std::all_of(issues.begin(), issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        }));
    }

    void overlappingAndGappedBuckets()
    {
        HedgePolicy p = defaultPolicy("treasurer", savedAt());
        p.buckets[1].fromMonth = 3;
        auto issues = validatePolicy(p);
        QCOMPARE(messages(issues),
                 std::vector<std::string>{
                     "policy: bucket 2 (3–12 months): overlaps bucket 1 (0–3 months) in month 3"});

        p = defaultPolicy("treasurer", savedAt());
        p.buckets[2].fromMonth = 10; // overlaps 10–12
        issues = validatePolicy(p);
        QCOMPARE(messages(issues),
                 std::vector<std::string>{"policy: bucket 3 (10–36 months): overlaps bucket 2 "
                                          "(4–12 months) in months 10–12"});

        p = defaultPolicy("treasurer", savedAt());
        p.buckets[1].fromMonth = 5;
        issues = validatePolicy(p);
        QCOMPARE(messages(issues),
                 std::vector<std::string>{
                     "policy: bucket 2 (5–12 months): gap after bucket 1 (0–3 months): month 4 "
                     "has no band"});

        p = defaultPolicy("treasurer", savedAt());
        p.buckets[2].fromMonth = 16;
        issues = validatePolicy(p);
        QCOMPARE(messages(issues),
                 std::vector<std::string>{"policy: bucket 3 (16–36 months): gap after bucket 2 "
                                          "(4–12 months): months 13–15 have no band"});

        p = defaultPolicy("treasurer", savedAt());
        p.buckets[0] = {3, 1, 0.6, 0.75, 0.9};
        issues = validatePolicy(p);
        QVERIFY2(
            contains(issues, "policy: bucket 1 (3–1 months): to-month 1 is before from-month 3"),
            qPrintable(joined(issues)));

        p.buckets.clear();
        QCOMPARE(
            messages(validatePolicy(p)),
            std::vector<std::string>{"policy: buckets: no tenor bucket; at least one is needed"});
    }

    void negativeLimitsAndStrikes()
    {
        HedgePolicy p = defaultPolicy("treasurer", savedAt());
        p.maxContractsPerMonth = -1;
        p.maxContractsPerContractMonth = -5;
        p.maxPremiumUsd = -5.0;
        p.strikes.putStrikeFraction = 1.2;
        const auto issues = validatePolicy(p);
        QCOMPARE(messages(issues),
                 (std::vector<std::string>{
                     "policy: max contracts per month: -1 is negative",
                     "policy: max contracts per contract and month: -5 is negative",
                     "policy: max premium: -5.00 USD is negative or not a number",
                     "policy: put strike: 120% is not below the call strike 110%; a collar needs "
                     "put < call"}));
    }

    void rulesAreChecked()
    {
        HedgePolicy p = defaultPolicy("treasurer", savedAt());
        p.rules.push_back({"H100", {}, {"CHG.XYZ"}});
        p.rules.push_back({"H100", {HedgeInstrumentType::Call, HedgeInstrumentType::Call}, {}});
        const std::vector<ContractSpec> contracts{chgH100()};
        const auto issues = validatePolicy(p, &contracts);
        QCOMPARE(
            messages(issues),
            (std::vector<std::string>{
                "policy: rule 2 (H100): no instrument allowed; allow futures, calls or collars",
                "policy: rule 2 (H100): unknown contract CHG.XYZ",
                "policy: rule 3 (H100): resource H100 already has rule 2",
                "policy: rule 3 (H100): calls (cap) listed twice"}));
    }

    void eachEditMakesANewVersion()
    {
        const HedgePolicy v1 = defaultPolicy("treasurer", savedAt());
        HedgePolicy edited = v1;
        edited.buckets[0].targetRatio = 0.8;
        const Timestamp later = *parseIsoTimestamp("2026-11-02T10:30:00Z");
        const Parsed<HedgePolicy> v2 = reviseVersion(v1, edited, "cfo", later);
        QVERIFY(v2.issues.empty());
        QCOMPARE(v2.value.id, v1.id);
        QCOMPARE(v2.value.version, 2);
        QCOMPARE(v2.value.author, std::string("cfo"));
        QCOMPARE(v2.value.savedAt, later);
        QCOMPARE(v2.value.buckets[0].targetRatio, 0.8);

        HedgePolicy broken = v2.value;
        broken.buckets[0].maxRatio = 0.5;
        const Parsed<HedgePolicy> v3 = reviseVersion(v2.value, broken, "cfo", later);
        QVERIFY(v3.hasErrors());
        QCOMPARE(v3.value, v2.value); // nothing saved
        QVERIFY2(contains(v3.issues, "policy: bucket 1 (0–3 months): max 50% is below min 60%"),
                 qPrintable(joined(v3.issues)));
    }

    void bucketAndRuleLookup()
    {
        HedgePolicy p = defaultPolicy("treasurer", savedAt());
        QCOMPARE(bucketFor(p, 0), std::optional<std::size_t>(0));
        QCOMPARE(bucketFor(p, 3), std::optional<std::size_t>(0));
        QCOMPARE(bucketFor(p, 4), std::optional<std::size_t>(1));
        QCOMPARE(bucketFor(p, 36), std::optional<std::size_t>(2));
        QVERIFY(!bucketFor(p, 37));
        p.rules.push_back({"FRONTIER", {HedgeInstrumentType::Call}, {"CHT.FRONTIER"}});
        p.rules.push_back({"L40S", {HedgeInstrumentType::Collar}, {"CHG.H100"}});
        QCOMPARE(ruleFor(p, "L40S")->resource, std::string("L40S"));
        QCOMPARE(ruleFor(p, "FRONTIER.IN")->resource, std::string("FRONTIER"));
        QCOMPARE(ruleFor(p, "H100")->resource, std::string("*"));
        QVERIFY(ruleFor(p, "L40S")->allowsSymbol("CHG.H100"));
        QVERIFY(!ruleFor(p, "L40S")->allowsSymbol("CHG.B200"));
        QVERIFY(ruleFor(p, "H100")->allowsSymbol("CHG.B200")); // empty list: any contract
        p.rules.erase(p.rules.begin());
        QCOMPARE(ruleFor(p, "H100"), nullptr);
    }

    void codesRoundTrip()
    {
        for (HedgeInstrumentType t :
             {HedgeInstrumentType::Future, HedgeInstrumentType::Call, HedgeInstrumentType::Collar})
            QCOMPARE(parseInstrumentType(instrumentTypeCode(t)), std::optional(t));
        QCOMPARE(std::string(instrumentTypeCode(HedgeInstrumentType::Collar)),
                 std::string("collar"));
        QVERIFY(!parseInstrumentType("Future"));
        for (RoundingPolicy r : {RoundingPolicy::TowardZero, RoundingPolicy::NearestWithinBand})
            QCOMPARE(parseRoundingPolicy(roundingPolicyCode(r)), std::optional(r));
        QCOMPARE(formatPercent(0.75), std::string("75%"));
        QCOMPARE(formatPercent(0.125), std::string("12.5%"));
        QCOMPARE(formatPercent(0.0), std::string("0%"));
    }
};

CH_REGISTER_TEST(TestPolicy);
#include "tst_policy.moc"
