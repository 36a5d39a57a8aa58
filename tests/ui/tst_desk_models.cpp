// The trading desk's item models (each under QAbstractItemModelTester) and the P&L chart builder,
// on the demo workspace's book read through the storage repositories.

#include "storage/audit_log.h"
#include "storage/designation_repository.h"
#include "storage/desk_market.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/user_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/models/audit_table_model.h"
#include "ui/models/effectiveness_table_model.h"
#include "ui/models/order_events_model.h"
#include "ui/models/orders_table_model.h"
#include "ui/models/pnl_table_model.h"
#include "ui/models/positions_table_model.h"
#include "ui/pages/pnl_series.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace ch;
using namespace ch::ui;

namespace {

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole)
{
    return m.index(row, column).data(role).toString();
}

} // namespace

class TestDeskModels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<storage::Workspace> m_ws;
    std::unique_ptr<storage::DeskMarket> m_market;

    std::map<std::int64_t, QString> logins()
    {
        std::map<std::int64_t, QString> out;
        for (const auto& u : storage::UserRepository(*m_ws).users())
            out[u.id.value] = QString::fromStdString(u.login);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws.emplace(storage::Workspace::createDemo(toPath(m_dir.filePath("demo.chw"))));
        m_market =
            std::make_unique<storage::DeskMarket>(storage::MarketDataRepository(*m_ws).loadAll());
    }
    void cleanupTestCase()
    {
        m_market.reset();
        m_ws.reset();
    }

    void blotter()
    {
        OrdersTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto orders = storage::TradingRepository(*m_ws).orders();
        model.setOrders(orders, logins());
        QCOMPARE(model.rowCount(), static_cast<int>(orders.size()));
        // Order 1: buy 20 CHG.H100, filled, made by the trader.
        const int row = model.rowOf(trading::OrderId{1});
        QCOMPARE(cell(model, row, OrdersTableModel::State), QStringLiteral("filled"));
        QCOMPARE(cell(model, row, OrdersTableModel::State, Qt::UserRole), QStringLiteral("filled"));
        QCOMPARE(cell(model, row, OrdersTableModel::Quantity), QStringLiteral("20"));
        QCOMPARE(cell(model, row, OrdersTableModel::Maker), QStringLiteral("trader"));
        QCOMPARE(model.index(row, OrdersTableModel::Notional).data(Qt::UserRole).toLongLong(),
                 orders[0].notional().minorUnits());
        QCOMPARE(model.index(row, 0).data(Qt::BackgroundRole).value<QColor>(),
                 OrdersTableModel::statusColour(trading::OrderState::Filled));
        // Order 6 needs two approvals and has one.
        QCOMPARE(cell(model, model.rowOf(trading::OrderId{6}), OrdersTableModel::Approvals),
                 QStringLiteral("1 / 2"));
        QVERIFY(OrdersTableModel::statusColour(trading::OrderState::Rejected)
                != OrdersTableModel::statusColour(trading::OrderState::Filled));
    }

    void events()
    {
        OrderEventsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(storage::TradingRepository(*m_ws).events(trading::OrderId{2}), logins());
        // Submit, approve, release, then two fills from the broker.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(cell(model, 0, OrderEventsModel::Action), QStringLiteral("submit"));
        QCOMPARE(cell(model, 0, OrderEventsModel::By), QStringLiteral("trader"));
        QCOMPARE(cell(model, 1, OrderEventsModel::By), QStringLiteral("approver"));
        QCOMPARE(cell(model, 3, OrderEventsModel::By), QStringLiteral("broker"));
        QCOMPARE(cell(model, 4, OrderEventsModel::To), QStringLiteral("filled"));
    }

    void positions()
    {
        PositionsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const storage::TradingRepository repo(*m_ws);
        const auto rows =
            positionRows(repo.positions(), repo.marks(), *m_market, m_market->valuationDate());
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 3);
        for (int r = 0; r < model.rowCount(); ++r) {
            const PositionRow& row = rows[static_cast<std::size_t>(r)];
            QVERIFY(row.mark.has_value());
            // Unrealised is core's figure for the row's mark, net adds it to realised − fees.
            const Money unrealised = trading::unrealisedPnl(row.position, row.mark->priceMicros);
            QCOMPARE(
                model.index(r, PositionsTableModel::Unrealised).data(Qt::UserRole).toLongLong(),
                unrealised.minorUnits());
            QCOMPARE(model.index(r, PositionsTableModel::Net).data(Qt::UserRole).toLongLong(),
                     (row.position.netRealisedPnl() + unrealised).minorUnits());
        }
        const PositionTotals t = positionTotals(rows);
        QCOMPARE(t.net, t.realised - t.fees + t.unrealised);
        QCOMPARE(t.unmarked, 0);
        QCOMPARE(model.headerData(PositionsTableModel::Unrealised, Qt::Horizontal).toString(),
                 QStringLiteral("Unrealised (USD)"));
    }

    void pnlTableAndChart()
    {
        const storage::TradingRepository repo(*m_ws);
        const auto points = trading::buildPnlSeries(repo.fills(), repo.marks());
        QVERIFY(!points.empty());
        PnlTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPoints(points);
        QCOMPARE(model.rowCount(), static_cast<int>(points.size()));
        // Newest first.
        QCOMPARE(model.index(0, PnlTableModel::Total).data(Qt::UserRole).toLongLong(),
                 points.back().total().minorUnits());

        const PnlChartData chart = pnlChart(points);
        QCOMPARE(chart.series.size(), std::size_t{4});
        QCOMPARE(chart.xLabel, QStringLiteral("Mark date"));
        QCOMPARE(chart.yLabel, QStringLiteral("P&L (USD)"));
        QVERIFY(chart.title.contains(QString::fromStdString(formatIsoDate(points.back().date))));
        QVERIFY(chart.title.contains("reference dataset"));
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto& p = points[i];
            const int k = static_cast<int>(i);
            QCOMPARE(chart.series[0].keys[k], dateKey(p.date));
            QCOMPARE(chart.series[0].values[k], static_cast<double>(p.total().minorUnits()) / 100);
            QCOMPARE(chart.series[1].values[k], static_cast<double>(p.realised.minorUnits()) / 100);
            QCOMPARE(chart.series[2].values[k],
                     static_cast<double>(p.unrealised.minorUnits()) / 100);
            QCOMPARE(chart.series[3].values[k], -static_cast<double>(p.fees.minorUnits()) / 100);
        }
        QVERIFY(pnlChart({}).empty());
    }

    void auditIsReadOnly()
    {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto entries = storage::AuditLog(*m_ws).entries();
        model.setEntries(entries);
        QCOMPARE(model.rowCount(), static_cast<int>(entries.size()));
        QCOMPARE(cell(model, 0, AuditTableModel::Action),
                 QString::fromStdString(entries[0].action));
        QCOMPARE(cell(model, 0, AuditTableModel::Hash, Qt::UserRole),
                 QString::fromStdString(entries[0].hash));
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!(model.flags(model.index(0, c)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, AuditTableModel::User), "mallory"));
    }

    void effectiveness()
    {
        EffectivenessTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<EffectivenessRow> rows;
        for (const auto& h : storage::DesignationRepository(*m_ws).designations())
            rows.push_back(assessEffectiveness(h, m_market->data(), m_market->valuationDate()));
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 3);
        // HR-2026-001 hedges the instrument's own index one for one: a perfect hedge.
        QCOMPARE(cell(model, 0, EffectivenessTableModel::Reference), QStringLiteral("HR-2026-001"));
        QCOMPARE(cell(model, 0, EffectivenessTableModel::Result), QStringLiteral("pass"));
        QCOMPARE(cell(model, 0, EffectivenessTableModel::Slope), QStringLiteral("-1.000"));
        QCOMPARE(cell(model, 0, EffectivenessTableModel::RSquared), QStringLiteral("1.000"));
        QCOMPARE(cell(model, 0, EffectivenessTableModel::DollarOffset), QStringLiteral("100.0%"));
        const std::string memo = effectivenessMemo(rows[0], m_market->valuationDate());
        QVERIFY(memo.find("HR-2026-001") != std::string::npos);
        QVERIFY(memo.find("Result: highly effective") != std::string::npos);
    }
};

CH_REGISTER_TEST(TestDeskModels);
#include "tst_desk_models.moc"
