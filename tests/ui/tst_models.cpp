#include "compare.h"
#include "test_registry.h"
#include "ui/models/contract_table_model.h"
#include "ui/models/correlation_table_model.h"
#include "ui/models/index_rows.h"
#include "ui/models/index_table_model.h"
#include "ui/models/issue_table_model.h"
#include "ui/models/vol_table_model.h"
#include "ui_test_data.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include <limits>

using namespace ch;
using namespace ch::ui;
using namespace std::chrono;

namespace {

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}

Qt::Alignment alignment(const QAbstractItemModel& m, int row, int column)
{
    return m.data(m.index(row, column), Qt::TextAlignmentRole).value<Qt::Alignment>();
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void indexRowsJoinDatasetAndSnapshot()
    {
        const std::vector<IndexRow> rows =
            buildIndexRows(test::smallDataset(), test::smallSnapshot());
        QCOMPARE(rows.size(), std::size_t{2});
        const IndexRow& h100 = rows[0];
        QCOMPARE(h100.index.id, std::string("GPU.H100.NC"));
        QVERIFY(h100.last.has_value());
        QCOMPARE(h100.last->date, Date{2026y / October / 30d}); // not the later 2026-11-02 point
        QCOMPARE(h100.last->usd, 2.81);
        QCOMPARE(h100.annualVol.value(), 0.42);
        QCOMPARE(h100.forwardUsd.value(), 2.60);
        QCOMPARE(h100.forwardMonth.value(), Month{2027y / January});
        // 2.60 / 2.81 - 1 = -0.0747330960854...
        CH_COMPARE_NEAR(h100.forwardVsSpot.value(), -0.074733096085409, 1e-12);
        const IndexRow& tokens = rows[1];
        QCOMPARE(tokens.last->usd, 8.0);
        QVERIFY(!tokens.annualVol);
        QVERIFY(!tokens.forwardVsSpot);
    }

    void indexTableModel()
    {
        IndexTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setRows(buildIndexRows(test::smallDataset(), test::smallSnapshot()), 3);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(IndexTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, IndexTableModel::Id), QString("GPU.H100.NC"));
        QCOMPARE(cell(model, 0, IndexTableModel::UnitColumn), QString("GPU-h"));
        QCOMPARE(cell(model, 0, IndexTableModel::Last), QString("2.81"));
        QCOMPARE(cell(model, 0, IndexTableModel::AnnualVol), QString("42.0"));
        QCOMPARE(cell(model, 0, IndexTableModel::ForwardVsSpot), QString("-7.5"));
        QCOMPARE(model.data(model.index(0, IndexTableModel::Last), Qt::UserRole).toDouble(), 2.81);
        QCOMPARE(cell(model, 0, IndexTableModel::ForwardVsSpot, Qt::ToolTipRole),
                 QString("Forward for delivery in 2027-01: 2.60 USD/GPU-h"));
        QCOMPARE(cell(model, 1, IndexTableModel::Last), QString("8.00"));
        QCOMPARE(cell(model, 1, IndexTableModel::AnnualVol), QString("n/a"));
        QVERIFY(!model.data(model.index(1, IndexTableModel::AnnualVol), Qt::UserRole).isValid());
        QCOMPARE(alignment(model, 0, IndexTableModel::Last), Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(alignment(model, 0, IndexTableModel::Name), Qt::AlignLeft | Qt::AlignVCenter);
        QCOMPARE(model.headerData(IndexTableModel::ForwardVsSpot, Qt::Horizontal).toString(),
                 QString("3m forward vs spot (%)"));
        QCOMPARE(model.rowOf("TOK.FRONTIER.BLEND"), 1);
        QCOMPARE(model.rowOf("nope"), -1);
    }

    void indexTableSortsByRawNumber()
    {
        // "8.00" sorts before "2.81" as text; the raw UserRole puts 2.81 first.
        IndexTableModel model;
        model.setRows(buildIndexRows(test::smallDataset(), test::smallSnapshot()), 3);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(IndexTableModel::Last, Qt::DescendingOrder);
        QCOMPARE(cell(proxy, 0, IndexTableModel::Id), QString("TOK.FRONTIER.BLEND"));
        proxy.sort(IndexTableModel::Last, Qt::AscendingOrder);
        QCOMPARE(cell(proxy, 0, IndexTableModel::Id), QString("GPU.H100.NC"));
    }

    void contractTableModel()
    {
        ContractTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContracts(test::smallDataset().contracts);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, ContractTableModel::Symbol), QString("CHG.H100"));
        QCOMPARE(cell(model, 0, ContractTableModel::Style), QString("CME-style"));
        QCOMPARE(cell(model, 0, ContractTableModel::ContractSize), QString("730 GPU-h"));
        QCOMPARE(cell(model, 0, ContractTableModel::Tick), QString("0.01 USD/GPU-h"));
        // 730 GPU-h x 0.01 USD = 7.30 USD per tick and contract.
        QCOMPARE(cell(model, 0, ContractTableModel::Tick, Qt::ToolTipRole),
                 QString("One tick is USD 7.30 per contract"));
        QCOMPARE(cell(model, 0, ContractTableModel::MonthsListed), QString("36"));
        QCOMPARE(cell(model, 0, ContractTableModel::InitialMargin), QString("17.5"));
        QCOMPARE(cell(model, 0, ContractTableModel::FeePerSide), QString("USD 8.00"));
        QCOMPARE(
            model.data(model.index(0, ContractTableModel::FeePerSide), Qt::UserRole).toLongLong(),
            800LL);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QString("CHG.H100"));
        QCOMPARE(cell(model, 0, ContractTableModel::LastTrading),
                 QString("Last business day of the month"));
    }

    void contractTickValueOverflowStaysInTheModel()
    {
        // A tick value core cannot represent is reported in the tooltip, not thrown into the
        // event loop.
        std::vector<ContractSpec> specs = test::smallDataset().contracts;
        specs[0].unitsPerContract = std::numeric_limits<std::int64_t>::max();
        specs[0].tickMicros = 20'000; // 2 x INT64_MAX cents per tick
        ContractTableModel model;
        model.setContracts(specs);
        QCOMPARE(cell(model, 0, ContractTableModel::Tick, Qt::ToolTipRole),
                 QString("Tick value per contract not available: notional: 1 contracts x "
                         "9223372036854775807 units overflow int64 cents"));
        QCOMPARE(alignment(model, 0, ContractTableModel::ContractSize),
                 Qt::AlignRight | Qt::AlignVCenter);
    }

    void correlationTableModel()
    {
        CorrelationTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const MarketDataSet data = test::smallDataset();
        model.setEstimate(test::smallSnapshot().correlation, data.indices);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(cell(model, 0, 0), QString("1.00"));
        QCOMPARE(cell(model, 0, 1), QString("0.30"));
        QCOMPARE(model.data(model.index(1, 0), Qt::UserRole).toDouble(), 0.3);
        QCOMPARE(model.data(model.index(0, 0), Qt::BackgroundRole).value<QColor>(),
                 correlationColour(1.0));
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QString("2  TOK.FRONTIER.BLEND"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QString("2"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QString("2 TOK.FRONTIER.BLEND (Frontier tier, blended)"));
        QCOMPARE(cell(model, 0, 1, Qt::ToolTipRole),
                 QString("H100 SXM, neocloud on-demand vs Frontier tier, blended: 0.30"));
    }

    void volTableModel()
    {
        VolTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVols(test::smallSnapshot().vols, test::smallDataset().indices);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, VolTableModel::AnnualVol), QString("42.0"));
        QCOMPARE(cell(model, 0, VolTableModel::Observations), QString("500"));
        QCOMPARE(model.data(model.index(0, VolTableModel::AnnualVol), Qt::UserRole).toDouble(),
                 0.42);
    }

    void issuesAreSortedByLine()
    {
        IssueTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIssues({
            Issue{"prices.csv", 9, "price", Severity::Error, "\"-2\" is negative"},
            Issue{"prices.csv", 3, "index", Severity::Error, "unknown index \"X\""},
            Issue{"prices.csv", 0, "", Severity::Error, "no data rows"},
            Issue{"prices.csv", 3, "date", Severity::Warning, "weekend date"},
        });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, IssueTableModel::Line), QString("3"));
        QCOMPARE(cell(model, 0, IssueTableModel::ColumnName), QString("index")); // stable
        QCOMPARE(cell(model, 1, IssueTableModel::ColumnName), QString("date"));
        QCOMPARE(cell(model, 1, IssueTableModel::SeverityColumn), QString("Warning"));
        QCOMPARE(cell(model, 2, IssueTableModel::Line), QString("9"));
        QCOMPARE(cell(model, 2, IssueTableModel::Message), QString("\"-2\" is negative"));
        QCOMPARE(cell(model, 2, IssueTableModel::Message, Qt::ToolTipRole),
                 QString("prices.csv:9: price: \"-2\" is negative"));
        QCOMPARE(model.data(model.index(2, IssueTableModel::Line), Qt::UserRole).toInt(), 9);
        // The whole-file summary comes after the rows it summarises.
        QCOMPARE(cell(model, 3, IssueTableModel::Line), QString("(file)"));
        QCOMPARE(cell(model, 3, IssueTableModel::Message), QString("no data rows"));
        QCOMPARE(model.headerData(IssueTableModel::Message, Qt::Horizontal).toString(),
                 QString("Message"));
    }
};

CH_REGISTER_TEST(TestModels);
#include "tst_models.moc"
