// The Hedge page's item models and the frontier chart builder: formatting, raw values, edits
// (accepted, announced, refused with a message) and the chart series, on hand-built core values.

#include "test_registry.h"
#include "ui/charts/hedge_frontier_series.h"
#include "ui/models/hedge_policy_models.h"
#include "ui/models/hedge_recommendation_model.h"
#include "ui/models/hedge_result_models.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

#include <chrono>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

namespace {

hedging::HedgeRecommendation twoLines()
{
    hedging::HedgeRecommendation rec;
    hedging::RecommendationLine a;
    a.month = 2026y / November;
    a.bucket = 0;
    a.resource = "H100";
    a.exposureIndexId = "GPU.H100.NC";
    a.unit = Unit::GpuHour;
    a.exposureUnits = 21'900.0;
    a.exposureUsd = 54'750.0;
    a.minRatio = 0.6;
    a.targetRatio = 0.75;
    a.maxRatio = 0.9;
    a.targetUnits = 16'425.0;
    a.instrument = hedging::HedgeInstrumentType::Future;
    a.symbol = "CHG.H100";
    a.hedgeRatio = 1.0;
    a.rSquared = 1.0;
    a.unitsPerContract = 730.0;
    a.targetContracts = 22;
    a.contracts = 27;
    a.existingContracts = 30;
    a.tradeContracts = -3;
    a.hedgedRatio = 0.9;
    a.roundingResidualUnits = 0.0;
    a.costs.initialMarginUsd = 8'623.13;
    a.car95BeforeUsd = 12'000.0;
    a.car95AfterUsd = 2'500.0;
    hedging::RecommendationLine b = a;
    b.month = 2029y / October;
    b.bucket.reset();
    b.minRatio = b.targetRatio = b.maxRatio = 0.0;
    b.targetUnits = 0.0;
    b.instrument.reset();
    b.symbol.clear();
    b.contracts = b.targetContracts = b.existingContracts = b.tradeContracts = 0;
    b.hedgedRatio = 0.0;
    b.exposureIndexId = "TOK.MID.IN";
    b.unit = Unit::MTok;
    b.exposureUnits = 12'345.6;
    rec.lines = {a, b};
    rec.issues = {Issue{"positions",
                        0,
                        "GPU.H100.NC 2026-11",
                        Severity::Error,
                        "existing hedges cover 100% of the exposure, above the policy maximum "
                        "90% (bucket 1 (0–3 months))"}};
    return rec;
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}

} // namespace

class TestHedgeModels : public QObject
{
    Q_OBJECT
private slots:
    void recommendationShowsLinesFormatted()
    {
        HedgeRecommendationModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecommendation(twoLines(), {{hedging::HedgeInstrumentType::Future}, {}});
        QCOMPARE(model.rowCount(), 2);
        using M = HedgeRecommendationModel;
        QCOMPARE(cell(model, 0, M::MonthColumn), QString("2026-11"));
        QCOMPARE(cell(model, 0, M::ExposureUnits), QString("21,900 GPU-h"));
        QCOMPARE(cell(model, 0, M::ExposureUsd), QString("54,750"));
        QCOMPARE(cell(model, 0, M::Band), QString("60% / 75% / 90%"));
        QCOMPARE(cell(model, 0, M::Instrument), QString("futures"));
        QCOMPARE(cell(model, 0, M::Contracts), QString("27"));
        QCOMPARE(cell(model, 0, M::Trade), QString("-3"));
        QCOMPARE(cell(model, 0, M::Hedged), QString("90.0%"));
        QCOMPARE(cell(model, 0, M::Margin), QString("8,623"));
        QCOMPARE(model.data(model.index(0, M::Margin), Qt::UserRole).toDouble(), 8'623.13);
        QCOMPARE(model.data(model.index(0, M::Contracts), Qt::UserRole).toLongLong(), 27LL);
        // A month outside the policy: tokens in MTok, no instrument, nothing to edit.
        QCOMPARE(cell(model, 1, M::ExposureUnits), QString("12,345.6 MTok"));
        QCOMPARE(cell(model, 1, M::Band), QString("outside the policy"));
        QCOMPARE(cell(model, 1, M::Instrument), QString("not hedged"));
        QCOMPARE(cell(model, 1, M::Contracts), QString());
        // The held position above the band maximum is flagged, with the message.
        QVERIFY(!model.breachAt(0).isEmpty());
        QVERIFY(model.data(model.index(0, M::Held), Qt::BackgroundRole).canConvert<QBrush>());
        QCOMPARE(cell(model, 0, M::Held, Qt::ToolTipRole),
                 QString("positions: GPU.H100.NC 2026-11: existing hedges cover 100% of the "
                         "exposure, above the policy maximum 90% (bucket 1 (0–3 months))"));
        QVERIFY(model.breachAt(1).isEmpty());
    }

    void recommendationEditsAreAnnounced()
    {
        HedgeRecommendationModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecommendation(twoLines(), {{hedging::HedgeInstrumentType::Future}, {}});
        using M = HedgeRecommendationModel;
        QVERIFY(!(model.flags(model.index(0, M::Contracts)) & Qt::ItemIsEditable));
        model.setEditable(true);
        QVERIFY(model.flags(model.index(0, M::Contracts)) & Qt::ItemIsEditable);
        QVERIFY(model.flags(model.index(0, M::Instrument)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(1, M::Contracts)) & Qt::ItemIsEditable));
        QVERIFY(!(model.flags(model.index(0, M::Premium)) & Qt::ItemIsEditable));

        QSignalSpy requested(&model, &HedgeRecommendationModel::editRequested);
        QSignalSpy rejected(&model, &HedgeRecommendationModel::editRejected);
        QVERIFY(model.setData(model.index(0, M::Contracts), "1,040"));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested[0][0].toInt(), 0);
        QCOMPARE(requested[0][2].toLongLong(), 1040LL);
        QCOMPARE(cell(model, 0, M::Contracts), QString("1,040")); // shown as pending
        QVERIFY(model.data(model.index(0, M::Contracts), Qt::FontRole).value<QFont>().italic());

        QVERIFY(model.setData(model.index(0, M::Instrument), "call"));
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested[1][1].value<std::optional<hedging::HedgeInstrumentType>>(),
                 std::optional<hedging::HedgeInstrumentType>(hedging::HedgeInstrumentType::Call));
        QCOMPARE(requested[1][2].toLongLong(), 1040LL); // the pending count stays

        QVERIFY(!model.setData(model.index(0, M::Contracts), "-2"));
        QVERIFY(!model.setData(model.index(0, M::Instrument), "swap"));
        QCOMPARE(rejected.size(), 2);
        QCOMPARE(rejected[0][0].toString(),
                 QString("GPU.H100.NC 2026-11: \"-2\" is not a whole number of contracts (0 or "
                         "more)"));
        QCOMPARE(rejected[1][0].toString(),
                 QString("GPU.H100.NC 2026-11: \"swap\" is not an instrument; expected future, "
                         "call or collar"));
        QCOMPARE(requested.size(), 2);

        // A new recommendation replaces the pending edits.
        model.setRecommendation(twoLines(), {{hedging::HedgeInstrumentType::Future}, {}});
        QCOMPARE(cell(model, 0, M::Contracts), QString("27"));
    }

    void bucketEditsInPercent()
    {
        HedgeBucketModel model;
        QAbstractItemModelTester tester(&model);
        model.setBuckets(hedging::defaultPolicy("a", Timestamp{}).buckets);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 1, HedgeBucketModel::Max), QString("70.0%"));
        QSignalSpy edited(&model, &HedgeBucketModel::bucketsEdited);
        QSignalSpy rejected(&model, &HedgeBucketModel::editRejected);
        QVERIFY(model.setData(model.index(0, HedgeBucketModel::Target), "80%"));
        QCOMPARE(model.buckets()[0].targetRatio, 0.8);
        QVERIFY(model.setData(model.index(2, HedgeBucketModel::To), "48"));
        QCOMPARE(model.buckets()[2].toMonth, 48);
        QCOMPARE(edited.size(), 2);
        QVERIFY(!model.setData(model.index(0, HedgeBucketModel::Min), "lots"));
        QCOMPARE(rejected[0][0].toString(),
                 QString("bucket 1: \"lots\" is not a percentage such as 75 or 75%"));
        model.appendBucket();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.buckets()[3].fromMonth, 49);
        model.removeBucket(3);
        QCOMPARE(model.rowCount(), 3);
    }

    void ruleEdits()
    {
        HedgeRuleModel model;
        QAbstractItemModelTester tester(&model);
        model.setRules({{"*", {hedging::HedgeInstrumentType::Future}, {}}});
        QCOMPARE(cell(model, 0, HedgeRuleModel::Contracts), QString("any of the unit"));
        QVERIFY(model.setData(model.index(0, HedgeRuleModel::Instruments), "future, calls"));
        QCOMPARE(model.rules()[0].instruments,
                 (std::vector<hedging::HedgeInstrumentType>{hedging::HedgeInstrumentType::Future,
                                                            hedging::HedgeInstrumentType::Call}));
        QVERIFY(model.setData(model.index(0, HedgeRuleModel::Contracts), "CHG.H100, CHI.H100"));
        QCOMPARE(model.rules()[0].symbols, (std::vector<std::string>{"CHG.H100", "CHI.H100"}));
        QSignalSpy rejected(&model, &HedgeRuleModel::editRejected);
        QVERIFY(!model.setData(model.index(0, HedgeRuleModel::Instruments), "future, swap"));
        QCOMPARE(rejected.size(), 1);
    }

    void ratioRowsFlagWeakHedges()
    {
        HedgeRatioModel model;
        QAbstractItemModelTester tester(&model);
        hedging::ExposureChoice weak;
        weak.indexId = "GPU.L40S.NC";
        weak.resource = "L40S";
        hedging::HedgeChoice c;
        c.symbol = "CHG.H100";
        c.contractIndexId = "GPU.H100.NC";
        c.crossHedge = true;
        c.ratio.beta = 0.61;
        c.ratio.rSquared = 0.62;
        c.ratio.basisVolAnnual = 0.31;
        c.ratio.correlation = 0.787;
        c.ratio.observations = 103;
        weak.choice = c;
        hedging::ExposureChoice none;
        none.indexId = "TOK.X";
        model.setExposures({weak, none});
        QCOMPARE(cell(model, 0, HedgeRatioModel::Cross), QString("yes"));
        QCOMPARE(cell(model, 0, HedgeRatioModel::Beta), QString("0.610"));
        QCOMPARE(cell(model, 0, HedgeRatioModel::RSquared), QString("0.62"));
        QCOMPARE(cell(model, 0, HedgeRatioModel::BasisVol), QString("31.0%"));
        QCOMPARE(cell(model, 0, HedgeRatioModel::Note),
                 QString("R² below 0.80: basis risk of 31.0% a year remains"));
        QVERIFY(
            model.data(model.index(0, HedgeRatioModel::RSquared), Qt::BackgroundRole).isValid());
        QCOMPARE(cell(model, 1, HedgeRatioModel::Note),
                 QString("no contract could be chosen; see the issues"));
    }

    void frontierChartSeries()
    {
        hedging::HedgeFrontier f;
        for (int i = 0; i <= 10; ++i) {
            hedging::FrontierPoint p;
            p.scale = i / 10.0;
            p.hedgedRatio = 0.095 * i;
            p.car95Usd = 5e6 - 3e5 * i;
            p.premiumUsd = 2'000.0 * i;
            p.feesUsd = 80.0 * i;
            p.initialMarginUsd = 1e5 * i;
            p.contracts = 50 * i;
            p.withinBudget = i < 9;
            f.points.push_back(p);
        }
        f.recommendation = f.points[7];
        f.recommendation.car95Usd = 2.6e6;
        f.policyTarget = f.points[5];
        const FrontierChartData c = buildFrontierChart(f, 2026y / October / 30d);
        QCOMPARE(c.points.size(), qsizetype{11});
        QVERIFY(c.title.contains("2026-10-30"));
        QVERIFY(c.title.contains("not live quotes"));
        QCOMPARE(c.xLabel, QString("Hedge ratio (%)"));
        QCOMPARE(c.yLabel, QString("Cost-at-Risk 95% (USD m)"));
        QVERIFY(c.y2Label.contains("USD k"));
        QCOMPARE(c.ratios()[10], 95.0);
        QCOMPARE(c.car()[0], 5.0);
        QCOMPARE(c.cost()[10], 20.8); // (20,000 + 800) / 1,000
        QCOMPARE(c.overBudgetRatios(), (QVector<double>{0.095 * 9 * 100, 95.0}));
        QCOMPARE(c.recommendation.car95UsdM, 2.6);
        QCOMPARE(c.policyTarget.ratioPercent, 0.095 * 5 * 100);
        const FrontierChartData::Point* near = nearestFrontierPoint(c, 66.0);
        QVERIFY(near == &c.recommendation || near->ratioPercent == c.recommendation.ratioPercent);
        QCOMPARE(frontierReadout(c.points[10]),
                 QString("Hedge 95.0%: CaR95 USD 2.0m, cost USD 20.8k, margin USD 1.0m, 500 "
                         "contracts (over the premium budget)"));
        QVERIFY(buildFrontierChart({}, 2026y / October / 30d).empty());
    }

    void issuesMostImportantFirst()
    {
        HedgeIssueModel model;
        QAbstractItemModelTester tester(&model);
        model.setIssues({Issue{"hedge ratio", 0, "GPU.H200.NC", Severity::Warning, "weak"},
                         Issue{"recommendation", 0, "TOK.X 2027-01", Severity::Warning, "none"},
                         Issue{"positions", 0, "GPU.H100.NC 2026-12", Severity::Warning, "below"},
                         Issue{"positions", 0, "symbol", Severity::Error, "no exposure"}});
        QCOMPARE(cell(model, 0, HedgeIssueModel::Message), QString("no exposure"));
        QCOMPARE(cell(model, 0, HedgeIssueModel::SeverityColumn), QString("Error"));
        QCOMPARE(cell(model, 1, HedgeIssueModel::Message), QString("below"));
        QCOMPARE(cell(model, 2, HedgeIssueModel::Source), QString("recommendation"));
        QCOMPARE(cell(model, 3, HedgeIssueModel::Subject), QString("GPU.H200.NC"));
    }

    void historyNewestFirst()
    {
        HedgePolicyHistoryModel model;
        QAbstractItemModelTester tester(&model);
        hedging::HedgePolicy v1 =
            hedging::defaultPolicy("admin", *parseIsoTimestamp("2026-10-30T00:00:00Z"));
        hedging::HedgePolicy v2 = v1;
        v2.version = 2;
        v2.author = "cfo";
        model.setVersions({v1, v2});
        QCOMPARE(cell(model, 0, HedgePolicyHistoryModel::Version), QString("2"));
        QCOMPARE(cell(model, 1, HedgePolicyHistoryModel::Author), QString("admin"));
        QCOMPARE(cell(model, 1, HedgePolicyHistoryModel::SavedAt), QString("2026-10-30T00:00:00Z"));
    }
};

CH_REGISTER_TEST(TestHedgeModels);
#include "tst_hedge_models.moc"
