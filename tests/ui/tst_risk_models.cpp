#include "risk_report_fixture.h"
#include "test_registry.h"
#include "ui/models/risk_param_model.h"
#include "ui/models/risk_shock_model.h"
#include "ui/models/risk_stress_model.h"
#include "ui/models/risk_summary_model.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

namespace {

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}

risk::FactorEstimate estimate(const std::string& id, risk::FactorModel model, risk::FactorParams p)
{
    risk::FactorEstimate e;
    e.indexId = id;
    e.name = id + " (test)";
    e.model = model;
    e.from = 2024y / October / 30d;
    e.to = 2026y / October / 30d;
    e.observations = 731;
    e.events = 3;
    e.estimated = p;
    e.effective = p;
    return e;
}

std::vector<risk::FactorEstimate> paramRows()
{
    return {
        estimate("GPU.H100.NC", risk::FactorModel::MeanRevertingJump, {1.5, 0.25, 3.0, 0.05, 0.07}),
        estimate("TOK.FRONTIER.IN", risk::FactorModel::TokenCuts, {0.0, 0.0, 1.0, -1.0, 0.85})};
}

} // namespace

class TestRiskModels : public QObject
{
    Q_OBJECT
private slots:
    void parameterTableShowsEstimates()
    {
        RiskParamTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(paramRows());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RiskParamTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Index), QStringLiteral("GPU.H100.NC"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Model),
                 QStringLiteral("Mean-reverting jumps (GPU)"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Observations), QStringLiteral("731"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Kappa), QStringLiteral("1.5000"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Sigma), QStringLiteral("0.2500"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Source), QStringLiteral("Estimated"));
        QCOMPARE(model.data(model.index(0, RiskParamTableModel::JumpSd), Qt::UserRole).toDouble(),
                 0.07);
        // A token tier has no mean reversion: its kappa is not a parameter and cannot be edited.
        QCOMPARE(cell(model, 1, RiskParamTableModel::Kappa), QStringLiteral("–"));
        QCOMPARE(cell(model, 1, RiskParamTableModel::JumpMean), QStringLiteral("-1.0000"));
        QVERIFY(!(model.flags(model.index(1, RiskParamTableModel::Kappa)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(0, RiskParamTableModel::Kappa)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, RiskParamTableModel::Index)) & Qt::ItemIsEditable));
        QCOMPARE(model.headerData(RiskParamTableModel::Sigma, Qt::Horizontal).toString(),
                 QStringLiteral("Sigma (annual)"));
        QCOMPARE(model.rowOf("TOK.FRONTIER.IN"), 1);
        QCOMPARE(model.rowOf("GPU.X"), -1);
    }

    void anOverrideIsCheckedByCoreThenShownBold()
    {
        RiskParamTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(paramRows());
        QSignalSpy edited(&model, &RiskParamTableModel::overridesEdited);
        QSignalSpy rejected(&model, &RiskParamTableModel::editRejected);
        const QModelIndex sigma = model.index(0, RiskParamTableModel::Sigma);

        QVERIFY(model.setData(sigma, QStringLiteral("0.5")));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited[0][0].toInt(), 0);
        QCOMPARE(model.rows()[0].overrides.sigmaAnnual, std::optional<double>(0.5));
        QCOMPARE(model.rows()[0].effective->sigmaAnnual, 0.5);
        QCOMPARE(model.rows()[0].effective->kappaPerYear, 1.5); // the rest stays estimated
        QCOMPARE(cell(model, 0, RiskParamTableModel::Sigma), QStringLiteral("0.5000"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Sigma, Qt::EditRole), QStringLiteral("0.5"));
        QVERIFY(model.data(sigma, Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.data(model.index(0, RiskParamTableModel::Kappa), Qt::FontRole).isValid());
        QCOMPARE(cell(model, 0, RiskParamTableModel::Source), QStringLiteral("Your override"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Sigma, Qt::ToolTipRole),
                 QStringLiteral("Estimated 0.2500; your override 0.5000 (clear the cell to go "
                                "back)"));

        // Refused by core: nothing changes.
        QVERIFY(!model.setData(sigma, QStringLiteral("-0.1")));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected[0][0].toString(),
                 QStringLiteral("GPU.H100.NC: sigmaAnnual = -0.100000 must be finite and >= 0"));
        QVERIFY(!model.setData(sigma, QStringLiteral("abc")));
        QCOMPARE(rejected[1][0].toString(),
                 QStringLiteral("GPU.H100.NC, Sigma (annual): \"abc\" is not a number"));
        QCOMPARE(model.rows()[0].overrides.sigmaAnnual, std::optional<double>(0.5));
        QCOMPARE(edited.count(), 1);

        // An empty cell goes back to the estimate.
        QVERIFY(model.setData(sigma, QString()));
        QVERIFY(!model.rows()[0].isOverridden());
        QCOMPARE(cell(model, 0, RiskParamTableModel::Sigma), QStringLiteral("0.2500"));
        QCOMPARE(cell(model, 0, RiskParamTableModel::Source), QStringLiteral("Estimated"));

        QVERIFY(model.setData(model.index(1, RiskParamTableModel::Jumps), QStringLiteral("2")));
        QCOMPARE(model.rows()[1].effective->jumpsPerYear, 2.0);
        model.setOverrides(1, {});
        QCOMPARE(model.rows()[1].effective->jumpsPerYear, 1.0);
        QCOMPARE(edited.count(), 4);
    }

    void aFactorWithoutHistoryNeedsEveryParameter()
    {
        RiskParamTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto rows = paramRows();
        rows[1].estimated.reset();
        rows[1].estimationProblem = "no estimate";
        rows[1] = risk::withNewOverrides(rows[1], {});
        model.setRows(rows);
        QCOMPARE(cell(model, 1, RiskParamTableModel::Sigma), QStringLiteral("n/a"));
        QCOMPARE(cell(model, 1, RiskParamTableModel::Source), QStringLiteral("Needs parameters"));
        QCOMPARE(cell(model, 1, RiskParamTableModel::Source, Qt::ToolTipRole),
                 QStringLiteral("no estimate; enter every parameter as an override to use "
                                "TOK.FRONTIER.IN"));
        for (auto [column, text] : {std::pair{RiskParamTableModel::Sigma, "0"},
                                    {RiskParamTableModel::Jumps, "2"},
                                    {RiskParamTableModel::JumpMean, "-0.4"}})
            QVERIFY(model.setData(model.index(1, column), QString::fromLatin1(text)));
        QVERIFY(!model.rows()[1].effective);
        QVERIFY(model.setData(model.index(1, RiskParamTableModel::JumpSd), QStringLiteral("0.1")));
        QCOMPARE(*model.rows()[1].effective, (risk::FactorParams{0.0, 0.0, 2.0, -0.4, 0.1}));
        QCOMPARE(cell(model, 1, RiskParamTableModel::Source), QStringLiteral("Your override"));
    }

    void summaryRowsAndCells()
    {
        RiskSummaryTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(test::handReport(false));
        // Horizon, one quarter, three months; no hedges, so no hedged rows.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Period),
                 QStringLiteral("Horizon, 2026-11 to 2027-01"));
        QCOMPARE(cell(model, 1, RiskSummaryTableModel::Period),
                 QStringLiteral("Q1: 2026-11 to 2027-01"));
        QCOMPARE(cell(model, 2, RiskSummaryTableModel::Period), QStringLiteral("2026-11"));
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Book), QStringLiteral("unhedged"));
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Expected), QStringLiteral("12.346 ± 0.003"));
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Car95), QStringLiteral("1.654 ± 0.007"));
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Es99), QStringLiteral("16.200 ± 0.025"));
        QCOMPARE(model.data(model.index(0, RiskSummaryTableModel::P99), Qt::UserRole).toDouble(),
                 15'500'000.0);
        QCOMPARE(cell(model, 0, RiskSummaryTableModel::Expected, Qt::ToolTipRole),
                 QStringLiteral("USD 12,345,600, standard error USD 2,600 (Monte Carlo)"));
        QCOMPARE(model.headerData(RiskSummaryTableModel::Car99, Qt::Horizontal).toString(),
                 QStringLiteral("CaR99 (USD m)"));
        QVERIFY(model.data(model.index(0, 0), Qt::FontRole).value<QFont>().bold());

        model.setReport(test::handReport(true));
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.isHedgedRow(1));
        QCOMPARE(cell(model, 1, RiskSummaryTableModel::Book), QStringLiteral("with hedges"));
        QCOMPARE(cell(model, 1, RiskSummaryTableModel::Car95), QStringLiteral("1.154 ± 0.007"));
        QCOMPARE(model.estimateAt(1, RiskSummaryTableModel::P95)->value, 13'500'000.0);
        QVERIFY(model.estimateAt(1, RiskSummaryTableModel::Book) == nullptr);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void stressRows()
    {
        RiskStressTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        risk::StressResult r;
        r.name = "GPU shortage";
        r.baseCostUsd = 100'000'000.0;
        r.stressedCostUsd = 124'400'000.0;
        r.baseHedgedCostUsd = 99'000'000.0;
        r.stressedHedgedCostUsd = 120'000'000.0;
        model.setResults({{risk::StressKind::Preset, "All GPU indices +40% over 3 months", r}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, RiskStressTableModel::Scenario), QStringLiteral("GPU shortage"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::Kind), QStringLiteral("Preset"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::Base), QStringLiteral("100.000"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::Stressed), QStringLiteral("124.400"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::Change), QStringLiteral("+24.400"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::ChangePercent), QStringLiteral("+24.4%"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::HedgedStressed), QStringLiteral("120.000"));
        QCOMPARE(cell(model, 0, RiskStressTableModel::HedgedChange), QStringLiteral("+21.000"));
        QCOMPARE(model.data(model.index(0, RiskStressTableModel::ChangePercent), Qt::UserRole)
                     .toDouble(),
                 24'400'000.0 / 100'000'000.0);
        QCOMPARE(cell(model, 0, RiskStressTableModel::Scenario, Qt::ToolTipRole),
                 QStringLiteral("All GPU indices +40% over 3 months"));
    }

    void shockEditorParsesAndChecks()
    {
        RiskShockTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIndexIds({"GPU.H100.NC", "TOK.MID.IN"});
        model.setShocks({{"GPU.H100.NC", 2027y / January, 2027y / March, 0.4}});
        QSignalSpy rejected(&model, &RiskShockTableModel::editRejected);
        QCOMPARE(cell(model, 0, RiskShockTableModel::Shock), QStringLiteral("+40.0%"));
        QCOMPARE(cell(model, 0, RiskShockTableModel::Shock, Qt::EditRole), QStringLiteral("40.0"));
        QCOMPARE(cell(model, 0, RiskShockTableModel::From), QStringLiteral("2027-01"));

        QVERIFY(model.setData(model.index(0, RiskShockTableModel::Shock), QStringLiteral("-30%")));
        QCOMPARE(model.shocks()[0].relative, -0.3);
        QVERIFY(model.setData(model.index(0, RiskShockTableModel::Index),
                              QStringLiteral("TOK.MID.IN")));
        QCOMPARE(model.shocks()[0].indexId, std::string("TOK.MID.IN"));

        const std::pair<int, QString> refused[] = {{RiskShockTableModel::Index, "GPU.X"},
                                                   {RiskShockTableModel::To, "2026-12"},
                                                   {RiskShockTableModel::Shock, "-120"},
                                                   {RiskShockTableModel::From, "2027/01"}};
        for (const auto& [column, text] : refused)
            QVERIFY(!model.setData(model.index(0, column), text));
        QCOMPARE(rejected.count(), 4);
        QCOMPARE(rejected[0][0].toString(),
                 QStringLiteral("Shock 1: \"GPU.X\" is not an index the plan prices on; expected "
                                "one of GPU.H100.NC, TOK.MID.IN"));
        QCOMPARE(rejected[1][0].toString(),
                 QStringLiteral("Shock 1: 2027-01 to 2026-12 ends before it starts; expected the "
                                "first month on or before the last"));
        QCOMPARE(rejected[2][0].toString(),
                 QStringLiteral("Shock 1: -120% would make the price zero or negative; expected "
                                "more than -100%"));
        QCOMPARE(rejected[3][0].toString(),
                 QStringLiteral("Shock 1: \"2027/01\" is not a month; expected YYYY-MM"));
        QCOMPARE(model.shocks()[0],
                 (risk::UserShock{"TOK.MID.IN", 2027y / January, 2027y / March, -0.3}));

        QCOMPARE(model.addShock({"GPU.H100.NC", 2027y / May, 2027y / May, 0.1}), 1);
        QCOMPARE(model.rowCount(), 2);
        model.removeShock(0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.shocks()[0].first, 2027y / May);
    }
};
CH_REGISTER_TEST(TestRiskModels);

#include "tst_risk_models.moc"
