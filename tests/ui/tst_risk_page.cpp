#include "storage/risk_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/charts/risk_series.h"
#include "ui/conversions.h"
#include "ui/models/risk_param_model.h"
#include "ui/models/risk_stress_model.h"
#include "ui/models/risk_summary_model.h"
#include "ui/pages/risk_page.h"
#include "ui/widgets/risk_chart_view.h"
#include "ui/widgets/risk_params_panel.h"
#include "ui/widgets/risk_results_view.h"
#include "ui/widgets/risk_run_settings.h"
#include "ui/widgets/risk_stress_panel.h"
#include "ui/workspace_session.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::ui;

//! The Risk page on a copy of the demo workspace: a run goes off the GUI thread and is saved with
//! its seed and paths, a cancelled run saves nothing, stress tests and parameter overrides are
//! saved, and a new page shows the last saved run.
class TestRiskPage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

    static std::vector<storage::RiskRunEntry> savedRuns(const QString& file)
    {
        auto ws = storage::Workspace::open(toPath(file));
        return storage::RiskRepository(ws).runs();
    }

    void open(WorkspaceSession& session)
    {
        session.openWorkspace(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60000);
        QVERIFY(session.hasMarketData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        storage::Workspace::createDemo(toPath(m_demo));
    }

    void runIsSavedAndShown()
    {
        WorkspaceSession session;
        open(session);
        RiskPage page(session);
        QVERIFY(!page.results()->run());
        QVERIFY(page.paramsPanel()->model()->rowCount() > 0);
        QCOMPARE(page.settings()->pathsBox()->value(), 100'000); // the default
        QCOMPARE(page.settings()->horizonBox()->value(), 36);    // the whole demo plan

        page.settings()->setPaths(4000);
        page.settings()->seedEdit()->setText("77");
        page.settings()->horizonBox()->setValue(6);
        QSignalSpy finished(&page, &RiskPage::runFinished);
        page.startRun();
        QVERIFY(page.isRunning());
        QVERIFY(finished.wait(120'000));
        QCOMPARE(finished[0][0].toBool(), true);
        QVERIFY(!page.isRunning());

        const auto runs = savedRuns(m_demo);
        QCOMPARE(runs.size(), std::size_t{1});
        QCOMPARE(runs[0].seed, std::uint64_t{77});
        QCOMPARE(runs[0].paths, std::size_t{4000});
        QCOMPARE(runs[0].horizonMonths, 6);
        QVERIFY(runs[0].hasHedge); // the demo desk's futures are inside the horizon

        const auto& shown = page.results()->run();
        QVERIFY(shown.has_value());
        QCOMPARE(shown->id, runs[0].id);
        // Horizon, two quarters, six months, each unhedged and with hedges.
        QCOMPARE(page.results()->summaryModel()->rowCount(), 18);
        QVERIFY(page.results()->histogramChart()->hasChart());
        QVERIFY(page.results()->fanChart()->title().startsWith("Monthly cost against budget"));
        QVERIFY(page.results()->contributionChart()->title().startsWith(
            "Contribution to CaR95 by index"));
        QVERIFY(page.results()->runDescription().contains("seed 77 · 4,000 paths"));
        QVERIFY(page.results()->hedgedToggle()->isEnabled());
        page.results()->hedgedToggle()->setChecked(true);
        QVERIFY(page.results()->histogramChart()->title().endsWith("(with hedges)"));
        QCOMPARE(page.statusLabel()->text(),
                 QStringLiteral("Run %1 saved: 4,000 paths, seed 77.").arg(runs[0].id));
    }

    void aCancelledRunSavesNothing()
    {
        WorkspaceSession session;
        open(session);
        RiskPage page(session);
        const std::size_t before = savedRuns(m_demo).size();
        QVERIFY(page.results()->run().has_value()); // the last saved run, shown on open

        page.settings()->setPaths(5'000'000);
        QSignalSpy finished(&page, &RiskPage::runFinished);
        page.startRun();
        page.cancelRun();
        QVERIFY(finished.wait(120'000));
        QCOMPARE(finished[0][0].toBool(), false);
        QCOMPARE(page.statusLabel()->text(), QStringLiteral("Run cancelled: nothing was saved."));
        QCOMPARE(savedRuns(m_demo).size(), before);
        QVERIFY(!page.isRunning());
    }

    void stressTestsAreSaved()
    {
        WorkspaceSession session;
        open(session);
        RiskPage page(session);
        QSignalSpy finished(&page, &RiskPage::stressFinished);
        page.startStress();
        QVERIFY(finished.wait(120'000));
        QCOMPARE(finished[0][0].toBool(), true);
        // Six historical replays, the three presets and the demo's user scenario.
        QCOMPARE(page.stressPanel()->resultModel()->rowCount(), 10);
        auto ws = storage::Workspace::open(toPath(m_demo));
        const auto saved = storage::RiskRepository(ws).latestStressRun();
        QVERIFY(saved.has_value());
        QCOMPARE(saved->results.size(), std::size_t{10});
        QCOMPARE(saved->results[9].result.name, std::string("Winter capacity squeeze"));
        QVERIFY(saved->results[9].kind == risk::StressKind::User);
        QCOMPARE(saved->results[6].result.name, std::string("GPU shortage"));
        QCOMPARE(page.stressPanel()->resultModel()->results()[6].result.stressedCostUsd,
                 saved->results[6].result.stressedCostUsd);
    }

    void overridesAreSavedAsTheyAreEdited()
    {
        WorkspaceSession session;
        open(session);
        RiskPage page(session);
        RiskParamTableModel* model = page.paramsPanel()->model();
        const int row = model->rowOf("GPU.H100.NC");
        QVERIFY(row >= 0);
        QVERIFY(model->setData(model->index(row, RiskParamTableModel::Sigma), "0.61"));
        {
            auto ws = storage::Workspace::open(toPath(m_demo));
            const auto overrides = storage::RiskRepository(ws).overrides();
            QCOMPARE(overrides.size(), std::size_t{1});
            QCOMPARE(overrides.at("GPU.H100.NC").sigmaAnnual, std::optional<double>(0.61));
        }
        // A new page reads the override back; Reset selected removes it.
        RiskPage again(session);
        RiskParamTableModel* reread = again.paramsPanel()->model();
        QCOMPARE(reread->rows()[static_cast<std::size_t>(row)].effective->sigmaAnnual, 0.61);
        reread->setOverrides(row, {});
        auto ws = storage::Workspace::open(toPath(m_demo));
        QVERIFY(storage::RiskRepository(ws).overrides().empty());
    }

    void viewsSwitchTabs()
    {
        WorkspaceSession session;
        open(session);
        RiskPage page(session);
        QCOMPARE(page.views(), (QStringList{"run", "stress", "parameters"}));
        auto* tabs = page.findChild<QTabWidget*>("riskTabs");
        page.showView("parameters");
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(page.paramsPanel()));
        // A run and a stress run are saved already: the views show them without running again.
        const std::size_t before = savedRuns(m_demo).size();
        page.showView("run");
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(page.results()));
        page.showView("stress");
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(page.stressPanel()));
        QCOMPARE(savedRuns(m_demo).size(), before);
    }
};
CH_REGISTER_TEST(TestRiskPage);

#include "tst_risk_page.moc"
