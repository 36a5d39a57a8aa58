// The Hedge page on a copy of the demo workspace: the recommendation, its frontier and the Monte
// Carlo run off the GUI thread and show what core computes; an edited count is recomputed through
// applyEdits; a proposal and a policy version are saved (a malformed policy is not); a cancelled
// run keeps the previous result.

#include "hedging/hedge_risk.h"
#include "hedging/recommendation.h"
#include "hedging/workspace_inputs.h"
#include "storage/hedge_repository.h"
#include "storage/risk_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/models/hedge_policy_models.h"
#include "ui/models/hedge_proposal_model.h"
#include "ui/models/hedge_recommendation_model.h"
#include "ui/models/hedge_result_models.h"
#include "ui/pages/hedge_frontier_chart.h"
#include "ui/pages/hedge_page.h"
#include "ui/pages/hedge_policy_panel.h"
#include "ui/pages/hedge_runner.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::ui;

namespace {

constexpr int kWaitMs = 120'000;

//! The recommendation core computes for the open workspace, as the page asks for it.
hedging::HedgeRecommendation directRecommendation(WorkspaceSession& session)
{
    std::vector<Issue> issues;
    const risk::RiskSources sources = storage::loadRiskSources(
        session.workspace(), session.marketData(), session.snapshot(), issues);
    const auto policy =
        storage::HedgeRepository(session.workspace()).currentPolicy(storage::kDemoPolicyName);
    const hedging::BuiltHedgeInputs built = hedging::buildHedgeInputs(
        sources, *policy, storage::loadExistingPositions(session.workspace()));
    return hedging::recommendHedge(built.inputs);
}

} // namespace

class TestHedgePage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

    void open(WorkspaceSession& session, const QString& file)
    {
        session.openWorkspace(file);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60'000);
        QVERIFY(session.hasMarketData());
    }

    void compute(HedgePage& page)
    {
        page.pathsBox()->setValue(2'000);
        page.recalculate();
        QVERIFY(page.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kWaitMs);
        QVERIFY(page.runner()->result().has_value());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        storage::Workspace::createDemo(toPath(m_demo));
    }

    void recommendationEqualsCore()
    {
        WorkspaceSession session;
        open(session, m_demo);
        HedgePage page(session);
        QCOMPARE(page.views(), (QStringList{"ratios", "policy", "proposals"}));
        QCOMPARE(page.policyBox()->currentText(), QString("Default layered policy (v1)"));
        compute(page);

        const hedging::HedgeRecommendation expected = directRecommendation(session);
        const HedgeResult& r = *page.runner()->result();
        QVERIFY(r.hasRecommendation());
        QCOMPARE(r.current.lines.size(), expected.lines.size());
        QCOMPARE(page.recommendationModel()->rowCount(), static_cast<int>(expected.lines.size()));
        for (std::size_t i = 0; i < expected.lines.size(); ++i)
            QCOMPARE(r.current.lines[i].contracts, expected.lines[i].contracts);
        QCOMPARE(r.current.summary.car95AfterUsd, expected.summary.car95AfterUsd);
        QCOMPARE(page.ratioModel()->rowCount(), static_cast<int>(r.built->exposures.size()));
        QVERIFY(r.risk.has_value());
        QCOMPARE(r.risk->paths, std::size_t{2'000});
        QCOMPARE(page.monthRiskModel()->rowCount(), static_cast<int>(r.risk->months.size()));
        QVERIFY(page.frontierChart()->hasChart());
        QVERIFY(page.frontierChart()->title().contains("2026-10-30"));
        QCOMPARE(page.frontierChart()->chart().points.size(), qsizetype{11});
        QVERIFY(page.summaryText().contains("Cost-at-Risk 95%"));
        // Token exposure is shown in MTok (units come from the index definitions).
        bool tokens = false;
        for (int row = 0; row < page.recommendationModel()->rowCount(); ++row)
            if (page.recommendationModel()->lineAt(row).exposureIndexId.rfind("TOK.", 0) == 0) {
                QCOMPARE(page.recommendationModel()->lineAt(row).unit, Unit::MTok);
                tokens = true;
            }
        QVERIFY(tokens);
        // The demo desk holds B200 futures with no B200 exposure in their month: a breach.
        QVERIFY(page.summaryText().contains("outside the policy bands"));
    }

    void editedCountIsRecomputed()
    {
        WorkspaceSession session;
        open(session, m_demo);
        HedgePage page(session);
        compute(page);
        HedgeRecommendationModel* model = page.recommendationModel();
        int row = -1;
        for (int i = 0; i < model->rowCount() && row < 0; ++i)
            if (model->lineAt(i).instrument && model->lineAt(i).contracts > 2)
                row = i;
        QVERIFY(row >= 0);
        const ContractCount before = model->lineAt(row).contracts;
        QVERIFY(model->isEditable());
        QVERIFY(model->setData(model->index(row, HedgeRecommendationModel::Contracts),
                               QString::number(before - 2)));
        QVERIFY(page.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kWaitMs);
        const HedgeResult& r = *page.runner()->result();
        QCOMPARE(r.edits.size(), std::size_t{1});
        QCOMPARE(r.current.lines[static_cast<std::size_t>(row)].contracts, before - 2);
        QCOMPARE(model->lineAt(row).contracts, before - 2);
        // The same edit through core directly gives the same figures.
        const hedging::HedgeRecommendation direct =
            hedging::applyEdits(r.built->inputs, *r.base, r.edits);
        QCOMPARE(r.current.summary.car95AfterUsd, direct.summary.car95AfterUsd);
        QVERIFY(page.summaryText().contains("1 edited lines"));
    }

    void proposalIsSaved()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("p.chw");
        QVERIFY(QFile::copy(m_demo, file));
        WorkspaceSession session;
        open(session, file);
        HedgePage page(session);
        compute(page);
        const std::vector<Issue> issues = page.saveProposal("tina", "Q1 at the band", true);
        QVERIFY(issues.empty());
        QCOMPARE(page.proposalModel()->rowCount(), 1);
        const auto stored = storage::HedgeRepository(session.workspace()).proposal("HP-0001");
        QVERIFY(stored.has_value());
        QCOMPARE(stored->status, storage::ProposalStatus::Submitted);
        const hedging::HedgeProposal expected =
            hedging::makeProposal(page.runner()->result()->current,
                                  "HP-0001",
                                  "tina",
                                  stored->proposal.createdAt,
                                  "Q1 at the band");
        QVERIFY(stored->proposal == expected);
        // A blank rationale is refused by core and nothing is saved.
        const std::vector<Issue> refused = page.saveProposal("tina", "", false);
        QVERIFY(!refused.empty());
        QCOMPARE(storage::HedgeRepository(session.workspace()).loadProposals().size(),
                 std::size_t{1});
    }

    void policyVersionsAreSaved()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("policy.chw");
        QVERIFY(QFile::copy(m_demo, file));
        WorkspaceSession session;
        open(session, file);
        HedgePage page(session);
        HedgePolicyPanel* panel = page.policyPanel();
        QVERIFY(!panel->saveButton()->isEnabled()); // nothing changed
        QCOMPARE(panel->historyModel()->rowCount(), 1);

        // A malformed edit is shown at once and cannot be saved; through the page it is refused.
        hedging::HedgePolicy bad = panel->draft();
        bad.buckets[1].maxRatio = 0.2;
        const std::vector<Issue> refused = page.savePolicy(bad, "cfo");
        QCOMPARE(refused.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(refused[0].toString()),
                 QString("policy: bucket 2 (4–12 months): max 20% is below min 30%"));
        QCOMPARE(storage::HedgeRepository(session.workspace()).policyHistory("default").size(),
                 std::size_t{1});

        panel->perMonthBox()->setValue(800);
        QVERIFY(panel->isModified());
        QVERIFY(panel->problems().isEmpty());
        QVERIFY(panel->saveButton()->isEnabled());
        QVERIFY(page.savePolicy(panel->draft(), "cfo").empty());
        QCOMPARE(page.policyBox()->currentText(), QString("Default layered policy (v2)"));
        QCOMPARE(panel->historyModel()->rowCount(), 2);
        const auto current =
            storage::HedgeRepository(session.workspace()).currentPolicy("Default layered policy");
        QCOMPARE(current->version, 2);
        QCOMPARE(current->author, std::string("cfo"));
        QCOMPARE(current->maxContractsPerMonth, ContractCount{800});
    }

    void cancelledRunKeepsThePreviousResult()
    {
        WorkspaceSession session;
        open(session, m_demo);
        HedgePage page(session);
        compute(page);
        const std::size_t lines = page.runner()->result()->current.lines.size();
        QSignalSpy cancelled(page.runner(), &HedgeRunner::runCancelled);
        page.pathsBox()->setValue(1'000'000);
        page.recalculate();
        page.runner()->cancel();
        QVERIFY(cancelled.wait(kWaitMs));
        QVERIFY(!page.isBusy());
        QCOMPARE(page.runner()->result()->current.lines.size(), lines);
        QCOMPARE(page.runner()->result()->risk->paths, std::size_t{2'000});
    }
};

CH_REGISTER_TEST(TestHedgePage);
#include "tst_hedge_page.moc"
