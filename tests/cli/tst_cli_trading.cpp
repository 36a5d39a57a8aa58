// computehedge-cli trading desk commands: positions and P&L JSON equal what core computes from the
// same workspace, `audit verify` exit codes, maker-checker refusals and a release to the paper
// broker that books its fills.

#include "cli_runner.h"
#include "storage/audit_log.h"
#include "storage/desk_market.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace ch;
using namespace ch::test;

namespace {

std::filesystem::path fsPath(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

//! Runs one statement on the file behind the application's back.
QString rawExec(const QString& file, const QString& sql)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
        db.setDatabaseName(file);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(sql))
            error = q.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return error;
}

const QStringList kTrader{"--user", "trader", "--password", "trader-demo-2026"};
const QStringList kApprover{"--user", "approver", "--password", "approver-demo-2026"};

} // namespace

class TestCliTrading : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString newDemo(const QString& name) { return demoWorkspaceCopy(m_dir.filePath(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void positionsJsonEqualsCore()
    {
        const QString ws = newDemo("positions.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject out = runCliJson({"--workspace", ws, "positions", "list"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        storage::Workspace w = storage::Workspace::open(fsPath(ws));
        storage::TradingRepository repo(w);
        const auto expected = trading::buildPositions(repo.fills());
        const QJsonArray list = out["positions"].toArray();
        QCOMPARE(list.size(), static_cast<qsizetype>(expected.size()));
        const auto marks = repo.marks();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject p = list[i].toObject();
            const trading::Position& e = expected[static_cast<std::size_t>(i)];
            QCOMPARE(p["symbol"].toString().toStdString(), e.symbol);
            QCOMPARE(p["delivery_month"].toString().toStdString(), formatIsoMonth(e.deliveryMonth));
            QCOMPARE(p["net_qty"].toInteger(), e.netQty);
            QCOMPARE(p["open_cost_micros"].toInteger(), e.openCostMicros);
            QCOMPARE(p["average_price_micros"].toInteger(), e.averagePriceMicros());
            QCOMPARE(p["realised_cents"].toInteger(), e.realisedPnl.minorUnits());
            QCOMPARE(p["fees_cents"].toInteger(), e.fees.minorUnits());
            // The demo marks every held month daily up to the valuation date; the newest is used.
            std::int64_t mark = 0;
            for (const auto& m : marks)
                if (m.symbol == e.symbol && m.deliveryMonth == e.deliveryMonth)
                    mark = m.priceMicros; // marks are sorted by date
            QCOMPARE(p["mark_micros"].toInteger(), mark);
            QCOMPARE(p["unrealised_cents"].toInteger(),
                     trading::unrealisedPnl(e, mark).minorUnits());
        }
        QVERIFY(out.contains("disclaimer"));

        // `positions --json` runs the group's default command, list.
        const QJsonObject byDefault = runCliJson({"--workspace", ws, "positions"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(byDefault, out);
    }

    void pnlJsonEqualsCore()
    {
        const QString ws = newDemo("pnl.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject out = runCliJson({"--workspace", ws, "pnl", "series"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        storage::Workspace w = storage::Workspace::open(fsPath(ws));
        storage::TradingRepository repo(w);
        const auto expected = trading::buildPnlSeries(repo.fills(), repo.marks());
        const QJsonArray points = out["points"].toArray();
        QVERIFY(!expected.empty());
        QCOMPARE(points.size(), static_cast<qsizetype>(expected.size()));
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QJsonObject p = points[i].toObject();
            const auto& e = expected[static_cast<std::size_t>(i)];
            QCOMPARE(p["date"].toString().toStdString(), formatIsoDate(e.date));
            QCOMPARE(p["realised_cents"].toInteger(), e.realised.minorUnits());
            QCOMPARE(p["unrealised_cents"].toInteger(), e.unrealised.minorUnits());
            QCOMPARE(p["fees_cents"].toInteger(), e.fees.minorUnits());
            QCOMPARE(p["total_cents"].toInteger(), e.total().minorUnits());
            QCOMPARE(p["unmarked_positions"].toInt(), e.unmarkedPositions);
        }

        // `pnl --json` runs the group's default command, series.
        const QJsonObject byDefault = runCliJson({"--workspace", ws, "pnl"}, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(byDefault, out);
    }

    void auditVerifyExitCodes()
    {
        const QString ws = newDemo("audit.chw");
        QVERIFY(!ws.isEmpty());
        const CliRun intact = runCli({"--workspace", ws, "audit", "verify"});
        QCOMPARE(intact.exitCode, 0);
        QVERIFY(intact.out.startsWith("Audit chain intact: "));
        QCOMPARE(rawExec(ws, "DROP TRIGGER audit_log_no_update"), QString());
        QCOMPARE(rawExec(ws, "UPDATE audit_log SET comment = 'nothing to see' WHERE seq = 7"),
                 QString());
        const CliRun broken = runCli({"--workspace", ws, "audit", "verify"});
        QCOMPARE(broken.exitCode, 1);
        QCOMPARE(QString::fromUtf8(broken.out),
                 QStringLiteral("Audit chain BROKEN at seq 7: hash mismatch: the row was edited "
                                "after it was written\n"));
        const CliRun json = runCli({"--json", "--workspace", ws, "audit", "verify"});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(json.out.contains("\"broken_seq\": 7"));
        const CliRun exported =
            runCli({"--workspace", ws, "audit", "export", m_dir.filePath("audit.csv")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(readFile(m_dir.filePath("audit.csv")).startsWith("seq,at,user,action,"));
    }

    void makerCannotApproveOwnOrder()
    {
        const QString ws = newDemo("maker.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject created =
            runCliJson(QStringList{"--workspace", ws, "order", "new"} + kTrader
                           + QStringList{"--contract",
                                         "CHG.H100",
                                         "--month",
                                         "2027-02",
                                         "--side",
                                         "buy",
                                         "--qty",
                                         "3",
                                         "--limit",
                                         "2.45",
                                         "--submit"},
                       problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(created["state"].toString(), QStringLiteral("pending_approval"));
        const QString id = QString::number(created["id"].toInteger());
        const CliRun refused =
            runCli(QStringList{"--workspace", ws, "order", "approve", id} + kTrader);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(errorLines(refused).first(),
                 QStringLiteral("computehedge-cli: error: order %1: user 'trader' (trader) may "
                                "not approve orders")
                     .arg(id));
        const CliRun wrong = runCli({"--workspace",
                                     ws,
                                     "order",
                                     "approve",
                                     id,
                                     "--user",
                                     "approver",
                                     "--password",
                                     "not-the-password"});
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(errorLines(wrong).first(),
                 QStringLiteral("computehedge-cli: error: --user: login refused: wrong login or "
                                "password"));
    }

    void releaseBooksTheFills()
    {
        const QString ws = newDemo("release.chw");
        QVERIFY(!ws.isEmpty());
        // Demo order 8 is approved and waits for release: buy 10 CHG.H100 2027-02 at a limit
        // equal to the reference, so the paper broker fills it.
        QString problem;
        const QJsonObject released =
            runCliJson(QStringList{"--workspace", ws, "order", "release", "8"} + kTrader, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(released["state"].toString(), QStringLiteral("filled"));
        QCOMPARE(released["filled_qty"].toInteger(), 10);
        storage::Workspace w = storage::Workspace::open(fsPath(ws));
        storage::TradingRepository repo(w);
        ContractCount booked = 0;
        for (const auto& f : repo.fills())
            if (f.orderId.value == 8)
                booked += f.quantity;
        QCOMPARE(booked, ContractCount{10});
        QVERIFY(repo.checkBook().consistent());
        QVERIFY(storage::AuditLog(w).verify().intact());
        // Nothing is left to reconcile for it; a second reconcile books nothing new.
        const CliRun again =
            runCli({"--json", "--workspace", ws, "order", "reconcile", "--wait-seconds", "5"});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("\"applied\": 0"));
    }

    void firstUserIsABootstrapAdmin()
    {
        const QString ws = m_dir.filePath("empty.chw");
        QCOMPARE(runCli({"workspace", "new", ws}).exitCode, 0);
        const CliRun trader = runCli({"--workspace",
                                      ws,
                                      "users",
                                      "add",
                                      "tina",
                                      "--name",
                                      "Tina",
                                      "--role",
                                      "trader",
                                      "--new-password",
                                      "long-password-1"});
        QCOMPARE(trader.exitCode, 1);
        QCOMPARE(errorLines(trader).first(),
                 QStringLiteral("computehedge-cli: error: the first account of a workspace must "
                                "be an admin, not trader"));
        QCOMPARE(runCli({"--workspace",
                         ws,
                         "users",
                         "add",
                         "ada",
                         "--name",
                         "Ada",
                         "--role",
                         "admin",
                         "--new-password",
                         "long-password-1"})
                     .exitCode,
                 0);
        const CliRun anonymous = runCli({"--workspace",
                                         ws,
                                         "users",
                                         "add",
                                         "tina",
                                         "--name",
                                         "Tina",
                                         "--role",
                                         "trader",
                                         "--new-password",
                                         "long-password-2"});
        QCOMPARE(anonymous.exitCode, 1);
        QCOMPARE(errorLines(anonymous).first(),
                 QStringLiteral("computehedge-cli: error: --user: an administrator must log in "
                                "to add users"));
        QCOMPARE(runCli({"--workspace",
                         ws,
                         "users",
                         "add",
                         "tina",
                         "--name",
                         "Tina",
                         "--role",
                         "trader",
                         "--new-password",
                         "long-password-2",
                         "--user",
                         "ada",
                         "--password",
                         "long-password-1"})
                     .exitCode,
                 0);
    }
};

CH_REGISTER_TEST(TestCliTrading);
#include "tst_cli_trading.moc"
