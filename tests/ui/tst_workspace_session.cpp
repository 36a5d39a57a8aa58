#include "domain/error.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/workspace_session.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace ch;
using namespace ch::ui;

class TestWorkspaceSession : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

    static void waitForLoad(WorkspaceSession& session)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        storage::Workspace::createDemo(toPath(m_demo));
    }

    void openLoadsDataAndSnapshotTogether()
    {
        WorkspaceSession session;
        QSignalSpy opened(&session, &WorkspaceSession::workspaceOpened);
        QSignalSpy changed(&session, &WorkspaceSession::marketDataChanged);
        session.openWorkspace(m_demo);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened[0][0].toString(), m_demo);
        QVERIFY(session.isLoading());
        waitForLoad(session);
        QCOMPARE(changed.count(), 1);
        QVERIFY(session.hasMarketData());
        const MarketDataSet& data = session.marketData();
        QCOMPARE(session.snapshot().valuationDate, data.info.valuationDate);
        QCOMPARE(session.snapshot().curves.size(), data.indices.size());
        QCOMPARE(session.filePath(), m_demo);
    }

    void aLoadOvertakenByACloseIsDropped()
    {
        WorkspaceSession session;
        session.openWorkspace(m_demo);
        session.closeWorkspace();
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents(); // deliver the finished build
        QVERIFY(!session.isLoading());
        QVERIFY(!session.hasMarketData());
        QVERIFY(session.marketData().indices.empty());
    }

    void closeEmitsClosedAndEmptiesData()
    {
        WorkspaceSession session;
        session.openWorkspace(m_demo);
        waitForLoad(session);
        QSignalSpy closed(&session, &WorkspaceSession::workspaceClosed);
        QSignalSpy changed(&session, &WorkspaceSession::marketDataChanged);
        session.closeWorkspace();
        QCOMPARE(closed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.isOpen());
        QVERIFY(!session.hasMarketData());
        QCOMPARE(session.filePath(), QString());
        QVERIFY_THROWS_EXCEPTION(ch::Error, session.workspace());
    }

    void newWorkspaceHoldsTheReferenceData()
    {
        WorkspaceSession session;
        const QString file = m_dir.filePath("new.chw");
        session.createWorkspace(file);
        waitForLoad(session);
        QVERIFY(session.hasMarketData());
        // The demo workspace was seeded from the same embedded reference dataset.
        storage::Workspace demo = storage::Workspace::open(toPath(m_demo));
        const MarketDataSet reference = storage::MarketDataRepository(demo).loadAll();
        QCOMPARE(session.marketData().indices, reference.indices);
        QCOMPARE(session.marketData().contracts, reference.contracts);
        QCOMPARE(session.marketData().info, reference.info);
    }

    void newWorkspaceRefusesAnExistingFile()
    {
        WorkspaceSession session;
        const qint64 size = QFileInfo(m_demo).size();
        QVERIFY_THROWS_EXCEPTION(StorageError, session.createWorkspace(m_demo));
        QVERIFY(!session.isOpen());
        QCOMPARE(QFileInfo(m_demo).size(), size);
    }

    void saveAsSwitchesToTheCopy()
    {
        WorkspaceSession session;
        session.openWorkspace(m_demo);
        waitForLoad(session);
        const std::size_t indices = session.marketData().indices.size();
        const QString copy = m_dir.filePath("copy.chw");
        session.saveCopyAs(copy);
        QCOMPARE(session.filePath(), copy);
        waitForLoad(session);
        QCOMPARE(session.marketData().indices.size(), indices);
    }

    void saveAsRefusesTheOpenFile()
    {
        WorkspaceSession session;
        session.openWorkspace(m_demo);
        try {
            session.saveCopyAs(m_demo);
            QFAIL("saving a copy over the open workspace did not throw");
        } catch (const StorageError& e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("saving a copy of 'demo.chw' to '%1': that is the open "
                                    "workspace; choose another file name")
                         .arg(m_demo));
        }
        QCOMPARE(session.filePath(), m_demo);
    }
};

CH_REGISTER_TEST(TestWorkspaceSession);
#include "tst_workspace_session.moc"
