// computehedge-cli limits show|set (admin only, audited) on the demo workspace, whose limits are
// sized to its plan, and `order new --submit` refused by the policy band that storage::
// planDeskBands derives from the workspace's hedge recommendation.

#include "cli_runner.h"
#include "storage/audit_log.h"
#include "storage/desk_bands.h"
#include "storage/desk_market.h"
#include "storage/market_data_repository.h"
#include "storage/trading_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>

using namespace ch;
using namespace ch::test;

namespace {

const QStringList kAdmin{"--user", "admin", "--password", "admin-demo-2026"};
const QStringList kTrader{"--user", "trader", "--password", "trader-demo-2026"};

QString percentText(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
    return QString::fromLatin1(buf);
}

} // namespace

class TestCliLimits : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

    //! A fresh copy of the demo workspace (creating one costs four scrypt hashes).
    QString demoCopy(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        return QFile::copy(m_demo, path) ? path : QString();
    }

    QJsonObject limitsJson(const QString& ws)
    {
        QString problem;
        const QJsonObject out = runCliJson({"--workspace", ws, "limits", "show"}, problem);
        if (!problem.isEmpty())
            qWarning() << problem;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo.chw");
        QCOMPARE(demoWorkspaceCopy(m_demo), m_demo);
    }

    void demoLimitsAreSizedToThePlan()
    {
        const QJsonObject out = limitsJson(m_demo);
        QCOMPARE(out["max_contracts_per_month"].toInteger(), 2'000);
        QCOMPARE(out["max_contracts_per_contract"].toInteger(), 30'000);
        QCOMPARE(out["max_order_notional_cents"].toInteger(), 500'000'000);
        QCOMPARE(out["collar_fraction"].toDouble(), 0.10);
        QCOMPARE(out["duplicate_window_seconds"].toInteger(), 300);
        QCOMPARE(out["two_approver_threshold_cents"].toInteger(), 25'000'000);
        QCOMPARE(out["updated_by"].toString(), QStringLiteral("admin"));

        const CliRun text = runCli({"--workspace", m_demo, "limits", "show"});
        QCOMPARE(text.exitCode, 0);
        const QString shown = QString::fromUtf8(text.out);
        QVERIFY2(shown.contains(QStringLiteral("Max order notional:")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("5,000,000.00 USD")));
        QVERIFY(shown.contains(QStringLiteral("±10.0% of the reference price")));
        // `limits` alone runs `limits show`.
        QString problem;
        QCOMPARE(runCliJson({"--workspace", m_demo, "limits"}, problem), out);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void adminChangesLimitsAudited()
    {
        const QString ws = demoCopy("set.chw");
        QVERIFY(!ws.isEmpty());
        QString problem;
        const QJsonObject out = runCliJson(QStringList{"--workspace",
                                                       ws,
                                                       "limits",
                                                       "set",
                                                       "--max-per-month",
                                                       "3000",
                                                       "--collar",
                                                       "0.05",
                                                       "--two-approver-threshold",
                                                       "300000.5"}
                                               + kAdmin,
                                           problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(out["max_contracts_per_month"].toInteger(), 3'000);
        QCOMPARE(out["collar_fraction"].toDouble(), 0.05);
        QCOMPARE(out["two_approver_threshold_cents"].toInteger(), 30'000'050);
        // Options not given keep their value.
        QCOMPARE(out["max_contracts_per_contract"].toInteger(), 30'000);
        QCOMPARE(out["max_order_notional_cents"].toInteger(), 500'000'000);
        QCOMPARE(out["duplicate_window_seconds"].toInteger(), 300);
        QCOMPARE(limitsJson(ws), out);

        storage::Workspace w = storage::Workspace::open(ws.toStdString());
        const auto entries = storage::AuditLog(w).entries();
        const auto& last = entries.back();
        QCOMPARE(QString::fromStdString(last.action), QStringLiteral("limits.update"));
        QCOMPARE(QString::fromStdString(last.user), QStringLiteral("admin"));
        QVERIFY(last.before.find("max_contracts_per_month=2000;") != std::string::npos);
        QVERIFY(last.after.find("max_contracts_per_month=3000;") != std::string::npos);
        QVERIFY(last.after.find("two_approver_threshold=300000.50") != std::string::npos);
        QVERIFY(storage::AuditLog(w).verify().intact());
    }

    void traderIsRefusedAndBadValuesNamed()
    {
        const QString ws = demoCopy("refused.chw");
        QVERIFY(!ws.isEmpty());
        const CliRun trader = runCli(
            QStringList{"--workspace", ws, "limits", "set", "--max-per-month", "10"} + kTrader);
        QCOMPARE(trader.exitCode, 1);
        QCOMPARE(errorLines(trader),
                 QStringList{QStringLiteral("computehedge-cli: error: user 'trader' (trader) may "
                                            "not change trading limits")});
        QCOMPARE(limitsJson(ws)["max_contracts_per_month"].toInteger(), 2'000);

        const CliRun collar =
            runCli(QStringList{"--workspace", ws, "limits", "set", "--collar", "1.5"} + kAdmin);
        QCOMPARE(collar.exitCode, 1);
        QCOMPARE(errorLines(collar).first(),
                 QStringLiteral("computehedge-cli: error: --collar: \"1.5\" is not a fraction "
                                "above 0 and at most 1 (0.10 = ±10%)"));
        const CliRun notional =
            runCli(QStringList{"--workspace", ws, "limits", "set", "--max-order-notional", "1.234"}
                   + kAdmin);
        QCOMPARE(errorLines(notional).first(),
                 QStringLiteral("computehedge-cli: error: --max-order-notional: \"1.234\" is not "
                                "an amount; expected USD above zero such as 5000000 or "
                                "250000.50"));
        const CliRun zero = runCli(
            QStringList{"--workspace", ws, "limits", "set", "--max-per-contract", "0"} + kAdmin);
        QCOMPARE(errorLines(zero).first(),
                 QStringLiteral("computehedge-cli: error: --max-per-contract: \"0\" is not a "
                                "whole number of 1 or more"));
        const CliRun nothing = runCli(QStringList{"--workspace", ws, "limits", "set"} + kAdmin);
        QCOMPARE(nothing.exitCode, 1);
        QCOMPARE(errorLines(nothing).first(),
                 QStringLiteral("computehedge-cli: error: nothing to change; give at least one "
                                "limit option (see `limits set --help`)"));
    }

    void orderOverThePolicyBandIsRefused()
    {
        const QString ws = demoCopy("band.chw");
        QVERIFY(!ws.isEmpty());
        // The band as the desk computes it (the hedge recommendation's exposure × h* of CHG.H100
        // 2026-12; storage's own test checks it against the recommendation).
        double exposure = 0.0;
        {
            storage::Workspace w = storage::Workspace::open(ws.toStdString());
            const storage::DeskMarket market(storage::MarketDataRepository(w).loadAll());
            std::vector<Issue> issues;
            const auto band = storage::planDeskBands(w, market, issues)
                                  .band("CHG.H100", std::chrono::year{2026} / 12);
            QVERIFY(band.has_value());
            QCOMPARE(band->maxHedgeRatio, 0.90);
            exposure = band->exposureUnits;
        }
        // The demo holds 15 contracts; one contract past 90% after the trade.
        const auto maxPosition = static_cast<long long>(std::floor(0.90 * exposure / 730.0));
        const long long qty = maxPosition - 15 + 1;
        const QStringList ticket{"--contract", "CHG.H100", "--month", "2026-12", "--side", "buy"};
        const CliRun over = runCli(QStringList{"--workspace", ws, "order", "new"} + kTrader + ticket
                                   + QStringList{"--qty", QString::number(qty), "--submit"});
        QCOMPARE(over.exitCode, 1);
        QCOMPARE(errorLines(over),
                 (QStringList{QStringLiteral("computehedge-cli: error: order 11 (buy %1 CHG.H100 "
                                             "2026-12 market) stays a draft: pre-trade checks "
                                             "failed")
                                  .arg(qty),
                              QStringLiteral("error: policy_band: hedge ratio after the trade "
                                             "would be %1 of the 2026-12 exposure, above the "
                                             "policy band 60.0% to 90.0%")
                                  .arg(percentText(static_cast<double>(maxPosition + 1) * 730.0
                                                   / exposure))}));
        {
            storage::Workspace w = storage::Workspace::open(ws.toStdString());
            QCOMPARE(storage::TradingRepository(w).requireOrder(trading::OrderId{11}).state(),
                     trading::OrderState::Draft);
        }

        // Ten more contracts move toward the band from below: submitted, with the warning.
        QString problem;
        const QJsonObject toward =
            runCliJson(QStringList{"--workspace", ws, "order", "new"} + kTrader + ticket
                           + QStringList{"--qty", "10", "--submit"},
                       problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(toward["state"].toString(), QStringLiteral("pending_approval"));
        const QJsonArray findings = toward["findings"].toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0]["check"].toString(), QStringLiteral("policy_band"));
        QCOMPARE(findings[0]["severity"].toString(), QStringLiteral("warning"));
        QCOMPARE(
            findings[0]["message"].toString(),
            QStringLiteral("hedge ratio after the trade would be %1 of the 2026-12 exposure, "
                           "below the policy band 60.0% to 90.0% (moves toward it from %2)")
                .arg(percentText(25.0 * 730.0 / exposure), percentText(15.0 * 730.0 / exposure)));
    }
};

CH_REGISTER_TEST(TestCliLimits);
#include "tst_cli_limits.moc"
