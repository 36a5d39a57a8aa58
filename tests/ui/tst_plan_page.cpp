// The Plan and Exposure pages on a real demo workspace: every edit through the grid model is
// saved (reopening shows it), undo/redo restore exact values, the Exposure page shows
// computeExposure's numbers for the saved book at once, and the helper and record dialogs build
// their values through core.

#include "exposure/demo.h"
#include "exposure/helper_expansion.h"
#include "storage/plan_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/models/exposure_table_models.h"
#include "ui/models/issue_table_model.h"
#include "ui/models/plan_capacity_model.h"
#include "ui/models/plan_grid_model.h"
#include "ui/pages/exposure_page.h"
#include "ui/pages/plan_helper_dialogs.h"
#include "ui/pages/plan_import_dialog.h"
#include "ui/pages/plan_page.h"
#include "ui/pages/plan_record_dialogs.h"
#include "ui/pages/plan_records_tabs.h"
#include "ui/plan_session.h"
#include "ui/widgets/exposure_bar_chart.h"
#include "ui/workspace_session.h"
#include "ui_test_data.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

namespace {

const Month kFirst = 2026y / November;
constexpr int kL40s = 10;

//! What the Exposure page must show for `book`: core called directly on the session's market.
exposure::ExposureReport expectedReport(const storage::PlanBook& book,
                                        const WorkspaceSession& session)
{
    const auto basis = exposure::measureBasis(book.plan, book.actuals, session.marketData().series);
    return exposure::computeExposure(
        book.plan, book.contracts, basis, book.budget, session.snapshot().curves);
}

} // namespace

class TestPlanPage : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<PlanSession> m_plan;
    std::unique_ptr<PlanPage> m_page;
    std::unique_ptr<ExposurePage> m_exposure;

    storage::PlanBook storedBook()
    {
        // A second connection, as a reopened application would read it.
        storage::Workspace ws = storage::Workspace::open(toPath(m_session->filePath()));
        return storage::PlanRepository(ws).load();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_session = std::make_unique<WorkspaceSession>();
        m_plan = std::make_unique<PlanSession>(*m_session);
        m_page = std::make_unique<PlanPage>(*m_session, *m_plan);
        m_exposure = std::make_unique<ExposurePage>(*m_session, *m_plan);
        m_session->openDemoWorkspace(m_dir->filePath("demo.chw"));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hasMarketData() && !m_session->isLoading(), 120'000);
        QVERIFY(m_plan->exposure().report.has_value());
    }

    void cleanup()
    {
        m_exposure.reset();
        m_page.reset();
        m_plan.reset();
        m_session.reset();
        m_dir.reset();
    }

    void pagesShowTheDemoPlanAndItsExposure()
    {
        QAbstractItemModelTester tester(m_page->gridModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_plan->plan() == exposure::demoPlan(kFirst));
        QCOMPARE(m_page->gridModel()->rowCount(), 16);
        QCOMPARE(m_page->contractsTab()->model()->rowCount(), 4);
        QCOMPARE(m_page->views(), QStringList({"contracts", "actuals", "budget"}));

        const exposure::ExposureReport expected = expectedReport(m_plan->book(), *m_session);
        ExposureCellModel* cells = m_exposure->cellModel();
        QCOMPARE(cells->rowCount(), 14 * 36);
        for (int row = 0; row < cells->rowCount(); row += 7) {
            const auto& want =
                expected.cell(static_cast<std::size_t>(row / 36), row % 36, Scenario::Base);
            QCOMPARE(cells->index(row, ExposureCellModel::Exposure).data(Qt::UserRole).toDouble(),
                     want.exposureUsd);
            QCOMPARE(cells->index(row, ExposureCellModel::Price).data(Qt::UserRole).toDouble(),
                     want.priceUsd);
        }
        // H100 has bills, so its open volume is priced at forward × the measured basis.
        QVERIFY(cells->index(0, ExposureCellModel::PriceUsed)
                    .data()
                    .toString()
                    .startsWith("forward × basis 1.0"));
        QVERIFY(m_exposure->exposureChart()->hasChart());
        QVERIFY(m_exposure->exposureChart()->title().contains("reference prices, not live quotes"));
        QVERIFY(m_exposure->budgetChart()->hasChart());
        QCOMPARE(m_exposure->problemText(), QString());
    }

    void gridEditIsSavedShownAndUndoable()
    {
        const storage::PlanBook original = m_plan->book();
        QSignalSpy planChanged(m_session.get(), &WorkspaceSession::planChanged);
        PlanGridModel* grid = m_page->gridModel();
        QVERIFY(grid->setData(grid->index(kL40s, 0), "95000"));
        QCOMPARE(planChanged.count(), 1);
        const Plan edited =
            original.plan.withCell("l40s-batch", kFirst, VolumeTriple(70'000, 95'000, 100'000));
        QVERIFY(m_plan->plan() == edited);
        QVERIFY(storedBook() == m_plan->book());

        // The Exposure page follows at once, with core's numbers for the new book.
        const exposure::ExposureReport expected = expectedReport(m_plan->book(), *m_session);
        m_exposure->cellModel()->setResourceFilter(Resource::gpu(GpuType::L40S));
        QCOMPARE(m_exposure->cellModel()->cellAt(0).plannedVolume, 95'000.0);
        QCOMPARE(m_exposure->cellModel()->cellAt(0).exposureUsd,
                 expected.cell(kL40s, 0, Scenario::Base).exposureUsd);

        m_page->undo();
        QVERIFY(m_plan->book() == original);
        QVERIFY(storedBook() == original);
        QCOMPARE(grid->index(kL40s, 0).data(Qt::UserRole).toDouble(), 87'600.0);
        m_page->redo();
        QVERIFY(m_plan->plan() == edited);
        QVERIFY(storedBook() == m_plan->book());
    }

    void refusedEditShowsTheReasonAndSavesNothing()
    {
        const storage::PlanBook original = m_plan->book();
        PlanGridModel* grid = m_page->gridModel();
        QVERIFY(!grid->setData(grid->index(kL40s, 0), "120000"));
        QCOMPARE(m_page->message(),
                 QString("base: L40S batch fleet, 2026-11: base 120,000 is above high 100,000; "
                         "expected low ≤ base ≤ high"));
        QVERIFY(!m_plan->undoStack().canUndo());
        QVERIFY(storedBook() == original);
    }

    void pasteAndFillRightThroughThePage()
    {
        const Plan before = m_plan->plan();
        m_page->gridView()->setCurrentIndex(m_page->gridModel()->index(kL40s, 1));
        QApplication::clipboard()->setText("80000\t81000\n");
        m_page->pasteClipboard();
        const Plan pasted =
            before
                .pasteBlock("l40s-batch", addMonths(kFirst, 1), VolumeField::Base, "80000\t81000\n")
                .value;
        QVERIFY(m_plan->plan() == pasted);
        m_page->gridView()->setCurrentIndex(m_page->gridModel()->index(kL40s, 2));
        m_page->fillRight();
        QVERIFY(m_plan->plan() == pasted.fillRight("l40s-batch", addMonths(kFirst, 2)));
        QVERIFY(storedBook() == m_plan->book());

        m_page->gridView()->selectionModel()->select(
            QItemSelection(m_page->gridModel()->index(kL40s, 0),
                           m_page->gridModel()->index(kL40s, 2)),
            QItemSelectionModel::ClearAndSelect);
        m_page->copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QString("87600\t80000\t81000\n"));

        m_page->undo();
        m_page->undo();
        QVERIFY(m_plan->plan() == before);
    }

    void removingALineWithABoundContractIsRefused()
    {
        // support-copilot.in (a helper line) carries the pre-paid MID input tokens contract.
        m_page->gridView()->setCurrentIndex(m_page->gridModel()->index(6, 0));
        m_page->convertToManual();
        QVERIFY(!m_plan->plan().findLine("support-copilot.in")->isGenerated());
        const storage::PlanBook converted = m_plan->book();
        m_page->gridView()->setCurrentIndex(m_page->gridModel()->index(6, 0));
        m_page->removeLine();
        QCOMPARE(m_page->message(),
                 QString("line_id: contract \"prepaid-mid-in\" covers line \"support-copilot.in\", "
                         "which is not in the plan; keep the line or remove the contract first"));
        QVERIFY(m_plan->book() == converted);
    }

    void helperDialogsExpandThroughCore()
    {
        TrainingRun run;
        run.id = "b200-extra";
        run.name = "B200 extra run";
        run.gpu = GpuType::B200;
        run.gpus = 256;
        run.start = 2027y / March / 10d;
        run.wallClockDays = 30;
        run.utilisationFraction = 0.85;
        run.uncertaintyFraction = 0.1;
        run.confidence = ConfidenceClass::Forecast;
        TrainingRunDialog dialog(m_plan->plan(), m_session->marketData().indices, std::nullopt);
        dialog.setInputs(run);
        QVERIFY(std::get<TrainingRun>(dialog.helper()) == run);
        dialog.accept();
        QCOMPARE(dialog.QDialog::result(), int(QDialog::Accepted));
        QVERIFY(dialog.expandedPlan() == exposure::applyHelper(m_plan->plan(), run).value);

        run.utilisationFraction = 0.0;
        TrainingRunDialog refused(m_plan->plan(), m_session->marketData().indices, std::nullopt);
        refused.setInputs(run);
        refused.accept();
        QVERIFY(refused.QDialog::result() != QDialog::Accepted);
        QCOMPARE(refused.problemText(),
                 QString("utilisation: 0 is zero; expected a fraction in (0, 1]"));

        // Editing an existing helper regenerates its lines in place.
        const auto& copilot =
            std::get<InferenceService>(*m_plan->plan().findHelper("support-copilot"));
        InferenceServiceDialog edit(m_plan->plan(), m_session->marketData().indices, copilot);
        InferenceService grown = copilot;
        grown.monthlyGrowthFraction = 0.1;
        edit.setInputs(grown);
        edit.accept();
        QVERIFY(edit.expandedPlan() == exposure::applyHelper(m_plan->plan(), grown).value);
    }

    void contractDialogAndRemovalAreUndoable()
    {
        const storage::PlanBook original = m_plan->book();
        ContractDialog dialog(m_plan->plan(), original.contracts);
        dialog.setInputs("res-l40s", "l40s-batch", "Batchworks", "1.95", kFirst, 6, "40000");
        dialog.accept();
        QVERIFY(dialog.contract().has_value());
        QCOMPARE(dialog.contract()->price().micros(), std::int64_t{1'950'000});
        QCOMPARE(dialog.contract()->lastMonth(), 2027y / April);

        ContractDialog duplicate(m_plan->plan(), original.contracts);
        duplicate.setInputs("res-h100-cluster", "pool:H100", "X", "2.1234567", kFirst, 6, "1");
        duplicate.accept();
        QCOMPARE(duplicate.problemText(),
                 QString("id: contract \"res-h100-cluster\" already exists; expected a new id\n"
                         "price: \"2.1234567\" is not a price; expected USD per unit of zero or "
                         "more with at most 6 decimals"));

        storage::PlanBook after = original;
        after.contracts.push_back(*dialog.contract());
        QVERIFY(applyBookEdit(nullptr, *m_plan, "Add contract res-l40s", after));
        QCOMPARE(m_page->contractsTab()->model()->rowCount(), 5);
        const auto expected = expectedReport(m_plan->book(), *m_session);
        m_exposure->cellModel()->setResourceFilter(Resource::gpu(GpuType::L40S));
        QCOMPARE(m_exposure->cellModel()->cellAt(0).contractedVolume, 40'000.0);
        QCOMPARE(m_exposure->cellModel()->cellAt(0).exposureUsd,
                 expected.cell(kL40s, 0, Scenario::Base).exposureUsd);

        m_page->contractsTab()->view()->setCurrentIndex(
            m_page->contractsTab()->model()->index(4, 0));
        m_page->contractsTab()->removeSelected();
        QVERIFY(m_plan->book() == original);
        m_page->undo();
        QCOMPARE(m_plan->book().contracts.size(), std::size_t{5});
    }

    void importRunsOnAWorkerAndIsOneUndoStep()
    {
        const storage::PlanBook original = m_plan->book();
        const QString csv = m_dir->filePath("actuals.csv");
        QVERIFY(test::writeTextFile(csv,
                                    "month,provider,resource,quantity,amount_usd\n"
                                    "2026-10,Ridge GPU,H100,1000,2900\n"));
        PlanImportDialog dialog(*m_plan, PlanSession::ImportKind::Actuals);
        QSignalSpy finished(&dialog, &PlanImportDialog::importFinished);
        dialog.setFile(csv);
        dialog.startImport();
        QVERIFY(finished.wait(60'000));
        QVERIFY(dialog.resultText().contains("Imported actuals.csv."));
        QTRY_COMPARE(m_plan->book().actuals.size(), original.actuals.size() + 1);
        QVERIFY(storedBook() == m_plan->book());
        m_page->undo();
        QVERIFY(m_plan->book() == original);
        QVERIFY(storedBook() == original);

        QVERIFY(test::writeTextFile(csv,
                                    "month,provider,resource,quantity,amount_usd\n"
                                    "2026-10,Ridge GPU,H100,0,2900\n"));
        dialog.startImport();
        QVERIFY(finished.wait(60'000));
        QVERIFY(dialog.resultText().contains("Nothing was imported: the workspace is unchanged."));
        QCOMPARE(dialog.issueModel()->rowCount(), 1);
        QVERIFY(m_plan->book() == original);
    }

    void exposurePageExportsExactNumbers()
    {
        const QString csv = m_exposure->exposureCsv();
        const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 14 * 36);
        QVERIFY(lines[0].startsWith("month,line_id,resource,index,scenario,planned"));
        const auto expected = expectedReport(m_plan->book(), *m_session);
        const QStringList first = lines[1].split(',');
        QCOMPARE(first[0], QString("2026-11"));
        QCOMPARE(first[1], QString("h100-pretrain-a"));
        QCOMPARE(first[13].toDouble(), expected.cell(0, 0, Scenario::Base).exposureUsd);
        m_exposure->showView("by-quarter");
        QCOMPARE(m_exposure->periodModel()->period(), ExposurePeriodModel::Period::Quarter);
    }
};
CH_REGISTER_TEST(TestPlanPage);

#include "tst_plan_page.moc"
