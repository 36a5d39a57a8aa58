#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/import_prices_dialog.h"
#include "ui/models/issue_table_model.h"
#include "ui/workspace_session.h"
#include "ui_test_data.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ch;
using namespace ch::ui;

namespace {

QString cell(const QAbstractItemModel& m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_workspace;

private slots:
    void init()
    {
        static int n = 0;
        m_workspace = m_dir.filePath(QStringLiteral("import%1.chw").arg(++n));
        storage::Workspace::createDemo(toPath(m_workspace));
    }

    void reportShowsCountsAndIndices()
    {
        WorkspaceSession session;
        ImportPricesDialog dialog(session);
        storage::PriceImportReport report;
        report.sourceName = "prices.csv";
        report.rowsRead = 1234;
        report.pointsWritten = 412;
        report.indicesTouched = {"GPU.A100.NC", "GPU.H100.NC"};
        report.applied = true;
        dialog.showReport(report);
        QCOMPARE(dialog.resultText(),
                 QString("<b>Imported prices.csv.</b><br>Rows read: 1,234<br>Points written: "
                         "412<br>Indices touched: GPU.A100.NC, GPU.H100.NC"));
        QCOMPARE(dialog.issueModel()->rowCount(), 0);
    }

    void rejectedReportSaysNothingChanged()
    {
        WorkspaceSession session;
        ImportPricesDialog dialog(session);
        storage::PriceImportReport report;
        report.sourceName = "bad.csv";
        report.rowsRead = 3;
        report.issues = {Issue{"bad.csv", 4, "price", Severity::Error, "\"x\" is not a number"},
                         Issue{"bad.csv", 2, "index", Severity::Error, "unknown"}};
        dialog.showReport(report);
        QVERIFY(dialog.resultText().startsWith(
            "<b>Nothing was imported: the workspace is unchanged.</b><br>bad.csv has 2 error(s) "
            "and 0 warning(s) in 3 rows."));
        QCOMPARE(cell(*dialog.issueModel(), 0, IssueTableModel::Line), QString("2"));
        QCOMPARE(cell(*dialog.issueModel(), 1, IssueTableModel::Line), QString("4"));
    }

    void importsOnAWorkerAndReloads()
    {
        WorkspaceSession session;
        session.openWorkspace(m_workspace);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60000);
        const MarketDataSet before = session.marketData();
        const IndexDefinition& index = before.indices.front();
        const Date day = before.info.valuationDate;
        const QString csv = m_dir.filePath("three_sources.csv");
        // Three marketplaces, no volume column: the median, 3.00, becomes the day's level.
        const QByteArray text = QStringLiteral("date,index,price,source\n"
                                               "%1,%2,2.00,a\n%1,%2,4.00,b\n%1,%2,3.00,c\n")
                                    .arg(format::date(day), toQString(index.id))
                                    .toUtf8();
        QVERIFY(test::writeTextFile(csv, text));

        ImportPricesDialog dialog(session);
        QSignalSpy finished(&dialog, &ImportPricesDialog::importFinished);
        QSignalSpy reloaded(&session, &WorkspaceSession::marketDataChanged);
        dialog.setFile(csv);
        dialog.startImport();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.resultText(),
                 QStringLiteral("<b>Imported three_sources.csv.</b><br>Rows read: 3<br>Points "
                                "written: 1<br>Indices touched: %1")
                     .arg(toQString(index.id)));
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty() && !session.isLoading(), 60000);
        const auto lastPoint = session.marketData().findSeries(index.id)->lastOnOrBefore(day);
        QVERIFY(lastPoint.has_value());
        QCOMPARE(lastPoint->date, day);
        QCOMPARE(lastPoint->usd, 3.0);
    }

    void rejectedImportChangesNothing()
    {
        WorkspaceSession session;
        session.openWorkspace(m_workspace);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 60000);
        const MarketDataSet before = session.marketData();
        const IndexDefinition& index = before.indices.front();
        const QString day = format::date(before.info.valuationDate);
        const QString csv = m_dir.filePath("bad.csv");
        const QByteArray text = QStringLiteral("date,index,price\n"
                                               "%1,%2,-2.10\n"
                                               "%1,NO.SUCH.INDEX,2.00\n"
                                               "%1,%2,3.00\n")
                                    .arg(day, toQString(index.id))
                                    .toUtf8();
        QVERIFY(test::writeTextFile(csv, text));

        ImportPricesDialog dialog(session);
        QSignalSpy finished(&dialog, &ImportPricesDialog::importFinished);
        dialog.setFile(csv);
        dialog.startImport();
        QVERIFY(finished.wait(60000));
        QVERIFY2(dialog.resultText().startsWith(
                     "<b>Nothing was imported: the workspace is unchanged.</b><br>bad.csv has 2 "
                     "error(s)"),
                 qPrintable(dialog.resultText()));
        const IssueTableModel& issues = *dialog.issueModel();
        QCOMPARE(issues.rowCount(), 2);
        QCOMPARE(cell(issues, 0, IssueTableModel::Line), QString("2"));
        QCOMPARE(cell(issues, 0, IssueTableModel::ColumnName), QString("price"));
        QVERIFY(cell(issues, 0, IssueTableModel::Message).contains("is negative"));
        QCOMPARE(cell(issues, 1, IssueTableModel::Line), QString("3"));
        QCOMPARE(cell(issues, 1, IssueTableModel::ColumnName), QString("index"));
        QVERIFY(cell(issues, 1, IssueTableModel::Message).contains("is not a known index"));

        // The stored history is what it was (read on a fresh connection).
        storage::Workspace check = storage::Workspace::open(toPath(m_workspace));
        QCOMPARE(storage::MarketDataRepository(check).series(index.id),
                 *before.findSeries(index.id));
    }

    void unreadableFileIsReported()
    {
        WorkspaceSession session;
        session.openWorkspace(m_workspace);
        ImportPricesDialog dialog(session);
        QSignalSpy finished(&dialog, &ImportPricesDialog::importFinished);
        dialog.setFile(m_dir.filePath("does-not-exist.csv"));
        dialog.startImport();
        QVERIFY(finished.wait(60000));
        QVERIFY2(dialog.resultText().startsWith("<b>Nothing was imported: the workspace is "
                                                "unchanged.</b><br>does-not-exist.csv has 1 "
                                                "error(s)"),
                 qPrintable(dialog.resultText()));
        QCOMPARE(cell(*dialog.issueModel(), 0, IssueTableModel::Line), QString("(file)"));
        QVERIFY(cell(*dialog.issueModel(), 0, IssueTableModel::Message)
                    .startsWith("cannot read the file"));
    }
};

CH_REGISTER_TEST(TestImportDialog);
#include "tst_import_dialog.moc"
