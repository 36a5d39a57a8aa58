#include "storage/workspace.h"
#include "test_paths.h"
#include "test_registry.h"
#include "ui/charts/chart_data.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/main_window.h"
#include "ui/models/contract_table_model.h"
#include "ui/models/correlation_table_model.h"
#include "ui/models/index_table_model.h"
#include "ui/pages/market_page.h"
#include "ui/readme_dialog.h"
#include "ui/widgets/correlation_panel.h"
#include "ui/widgets/date_value_chart.h"
#include "ui/widgets/reference_banner.h"
#include "ui/widgets/welcome_widget.h"
#include "ui/workspace_session.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        // Keep the developer's own settings out of reach.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ComputeHedgeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        storage::Workspace::createDemo(toPath(m_demo)); // closed again at the end of the line
    }

    void referenceNoticeAndReadme()
    {
        ReferenceBanner banner;
        QVERIFY(banner.text().contains(
            "Reference dataset calibrated to public index levels — not live quotes."));
        // The banner's link opens this text, embedded from resources/data/README.md.
        QFile source(test::sourceDir() + "/resources/data/README.md");
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(referenceReadmeMarkdown(), QString::fromUtf8(source.readAll()));
    }

    void startsWithTheWelcomeView()
    {
        WorkspaceSession session;
        MainWindow window(session);
        window.show();
        QVERIFY(window.findChild<WelcomeWidget*>()->isVisible());
        QCOMPARE(window.findChild<QLabel*>("workspacePathLabel")->text(),
                 QString("No workspace open"));
        QCOMPARE(window.findChild<QLabel*>("referenceLabel")->text(),
                 QString("Reference (calibrated) data — not live quotes"));
    }

    void switchesThroughPages()
    {
        WorkspaceSession session;
        QSignalSpy failed(&session, &WorkspaceSession::marketDataFailed);
        session.openWorkspace(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
        QVERIFY(session.hasMarketData());
        const MarketDataSet& data = session.marketData();

        MainWindow window(session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(!window.findChild<WelcomeWidget*>()->isVisible());
        QCOMPARE(window.findChild<QLabel*>("workspacePathLabel")->text(), m_demo);
        QCOMPARE(window.findChild<QLabel*>("datasetLabel")->text(),
                 QStringLiteral("Valuation date %1 (dataset %2)")
                     .arg(format::date(data.info.valuationDate), toQString(data.info.version)));

        auto* market = qobject_cast<MarketPage*>(window.page("market"));
        QVERIFY(market);
        QCOMPARE(market->indexModel()->rowCount(), static_cast<int>(data.indices.size()));
        QCOMPARE(market->contractModel()->rowCount(), static_cast<int>(data.contracts.size()));
        QCOMPARE(market->correlationPanel()->correlationModel()->rowCount(),
                 static_cast<int>(data.indices.size()));
        // The first index is selected so that no chart starts empty.
        const IndexDefinition& first = data.indices.front();
        QCOMPARE(market->selectedIndexId(), toQString(first.id));
        QVERIFY(market->historyChart()->hasChart());
        QVERIFY(market->historyChart()->title().endsWith(
            QStringLiteral("as of %1").arg(format::date(data.info.valuationDate))));
        QVERIFY(market->forwardChart()->hasChart());

        // The hover read-out snaps to the last observation.
        const DailyPrice last = *data.findSeries(first.id)->lastOnOrBefore(data.info.valuationDate);
        QCOMPARE(market->historyChart()->showReadoutAt(dateKey(last.date)),
                 QStringLiteral("%1: %2").arg(format::date(last.date),
                                              format::unitPrice(last.usd, first.unit)));

        const IndexDefinition& lastIndex = data.indices.back();
        QVERIFY(market->selectIndex(toQString(lastIndex.id)));
        QCOMPARE(market->selectedIndexId(), toQString(lastIndex.id));
        QVERIFY(market->historyChart()->title().contains(toQString(lastIndex.id)));
        QVERIFY(!market->selectIndex("NO.SUCH.INDEX"));

        // The pages follow the product's flow; every page and every named view can be shown.
        const QStringList flow{"market",
                               "plan",
                               "exposure",
                               "risk",
                               "hedge",
                               "orders",
                               "approvals",
                               "positions",
                               "pnl",
                               "effectiveness",
                               "audit"};
        QCOMPARE(window.pageIds(), flow);
        for (const QString& id : window.pageIds()) {
            window.showPage(id);
            QCOMPARE(window.currentPageId(), id);
            QVERIFY(window.page(id)->isVisible());
            for (const QString& view : window.page(id)->views())
                window.page(id)->showView(view);
        }

        market->showView("tokens");
        const IndexDefinition* token = data.findIndex(market->selectedIndexId().toStdString());
        QVERIFY(token);
        QCOMPARE(token->unit, Unit::MTok);

        session.closeWorkspace();
        QVERIFY(window.findChild<WelcomeWidget*>()->isVisible());
        QCOMPARE(market->indexModel()->rowCount(), 0);
    }
};

CH_REGISTER_TEST(TestMainWindow);
#include "tst_main_window.moc"
