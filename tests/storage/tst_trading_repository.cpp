#include "storage/trading_repository.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace ch::trading;
using namespace std::chrono_literals;

//! Orders through TradingRepository: every transition is stored with its event and audit entry in
//! one transaction, and core's refusals write nothing.
class TestTradingRepository : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file() const { return pathOf(m_dir->filePath("desk.chw")); }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void everyTransitionIsPersisted()
    {
        OrderId id;
        {
            Desk d = Desk::create(file());
            const Order sent = sentOrder(d, ticket(10), "2026-10-30T10:00:00Z");
            id = sent.id();
            QCOMPARE(sent.state(), OrderState::Sent);
            TradingRepository repo = d.trading();
            QVERIFY(repo.recordReport(report(sent, "PB-1-1", ExecType::New, 0, 0),
                                      ts("2026-10-30T10:04:00Z")));
            QVERIFY(repo.recordReport(report(sent, "PB-1-2", ExecType::PartialFill, 4, 4),
                                      ts("2026-10-30T10:05:00Z")));
            QVERIFY(repo.recordReport(report(sent, "PB-1-3", ExecType::Fill, 6, 10),
                                      ts("2026-10-30T10:06:00Z")));
            QCOMPARE(repo.pendingReports(), std::size_t{3});
            const auto processed = repo.processInbox(ts("2026-10-30T10:07:00Z"));
            QCOMPARE(processed.size(), std::size_t{3});
            for (const auto& p : processed)
                QCOMPARE(p.outcome, ApplyOutcome::Applied);
        }
        // Reopened: everything came from the file.
        Workspace ws = Workspace::open(file());
        TradingRepository repo(ws);
        const Order o = repo.requireOrder(id);
        QCOMPARE(o.state(), OrderState::Filled);
        QCOMPARE(o.filledQty(), ContractCount{10});
        QCOMPARE(o.approvals().size(), std::size_t{1});
        QCOMPARE(o.approvals().front().comment, std::string("ok"));
        std::vector<std::string> transitions;
        for (const auto& e : repo.events(id))
            transitions.push_back(std::string(orderActionCode(e.action)) + ":"
                                  + orderStateCode(e.from) + ">" + orderStateCode(e.to));
        const std::vector<std::string> expected{"submit:draft>pending_approval",
                                                "approve:pending_approval>approved",
                                                "release:approved>sent",
                                                "fill:sent>partially_filled",
                                                "fill:partially_filled>filled"};
        QCOMPARE(transitions, expected);
        const std::vector<std::string> actions{"user.create",
                                               "user.create",
                                               "user.create",
                                               "user.create",
                                               "user.create",
                                               "order.create",
                                               "order.submit",
                                               "order.approve",
                                               "order.release",
                                               "broker.execution_report",
                                               "broker.execution_report",
                                               "broker.execution_report",
                                               "order.fill",
                                               "order.fill"};
        QCOMPARE(auditActions(ws), actions);
        const auto fills = repo.fills();
        QCOMPARE(fills.size(), std::size_t{2});
        QCOMPARE(fills[0].execId, std::string("PB-1-2"));
        QCOMPARE(fills[0].fee, Money(Currency::Usd, 4 * 800));
        const auto positions = repo.positions();
        QCOMPARE(positions.size(), std::size_t{1});
        QCOMPARE(positions[0].netQty, ContractCount{10});
        QCOMPARE(positions[0].openCostMicros, std::int64_t{10 * 2'790'000});
        QCOMPARE(positions[0].fees, Money(Currency::Usd, 10 * 800));
        QVERIFY(repo.checkBook().consistent());
        QVERIFY(AuditLog(ws).verify().intact());
    }

    void rejectionAndCancellationArePersisted()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const Order a = repo.createDraft(ticket(3), d.spec(), 2'810'000, d.trader, t);
        repo.submit(a.id(), d.trader, t + 1min, d.spec(), d.inputs());
        const Order rejected = repo.reject(a.id(), d.approver, t + 2min, "too early");
        QCOMPARE(rejected.state(), OrderState::Rejected);
        QCOMPARE(repo.requireOrder(a.id()).statusText(), std::string("too early"));

        const Order b = repo.createDraft(ticket(4), d.spec(), 2'810'000, d.trader, t + 3min);
        QCOMPARE(repo.cancel(b.id(), d.trader, t + 4min, "typo").state(), OrderState::Cancelled);
        QCOMPARE(repo.requireOrder(b.id()).state(), OrderState::Cancelled);
        QCOMPARE(repo.events(b.id()).back().comment, std::string("typo"));
        const auto entries = AuditLog(d.ws).entries();
        QCOMPARE(entries.back().action, std::string("order.cancel"));
        QCOMPARE(entries.back().user, std::string("trader"));
        QCOMPARE(entries.back().before, orderAuditText(b));
        QCOMPARE(entries.back().after, orderAuditText(repo.requireOrder(b.id())));
    }

    void makerCannotApproveOwnOrder()
    {
        // The trader submits, then is promoted to approver: still the maker, so the repository
        // path refuses the approval (maker-checker by user id) and writes nothing.
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const Order o = repo.createDraft(ticket(5), d.spec(), 2'810'000, d.trader, t);
        repo.submit(o.id(), d.trader, t + 1min, d.spec(), d.inputs());
        const User promoted =
            UserRepository(d.ws).setRole(d.trader.id, Role::Approver, d.admin, t + 2min);
        const std::size_t auditBefore = AuditLog(d.ws).size();
        QCOMPARE(errorOf([&] { repo.approve(o.id(), promoted, t + 3min, "mine"); }),
                 QStringLiteral("order 1: user 'trader' (approver) is the maker and cannot "
                                "approve it (maker-checker)"));
        QCOMPARE(repo.requireOrder(o.id()).state(), OrderState::PendingApproval);
        QVERIFY(repo.requireOrder(o.id()).approvals().empty());
        QCOMPARE(repo.events(o.id()).size(), std::size_t{1});
        QCOMPARE(AuditLog(d.ws).size(), auditBefore);
    }

    void twoApprovalsFromDifferentApprovers()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        repo.setLimits(repo.limits().limits,
                       ApprovalPolicy{Money(Currency::Usd, 1'000'000)},
                       d.admin,
                       ts("2026-10-30T09:00:00Z"));
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const Order o = repo.createDraft(ticket(10), d.spec(), 2'810'000, d.trader, t);
        QCOMPARE(repo.submit(o.id(), d.trader, t, d.spec(), d.inputs()).requiredApprovals(), 2);
        QCOMPARE(repo.approve(o.id(), d.approver, t + 1min, "").state(),
                 OrderState::PendingApproval);
        QCOMPARE(errorOf([&] { repo.approve(o.id(), d.approver, t + 2min, ""); }),
                 QStringLiteral("order 1: user 'approver' (approver) has already approved it; the "
                                "second approval must come from a different approver"));
        QCOMPARE(repo.approve(o.id(), d.approver2, t + 3min, "").state(), OrderState::Approved);
        QCOMPARE(repo.requireOrder(o.id()).approvals().size(), std::size_t{2});
    }

    void failedPreTradeCheckBlocksSubmission()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        TradingLimits limits = repo.limits().limits;
        limits.maxContractsPerMonth = 5;
        repo.setLimits(limits, repo.limits().approval, d.admin, ts("2026-10-30T09:00:00Z"));
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const Order o = repo.createDraft(ticket(10), d.spec(), 2'810'000, d.trader, t);
        const PreTradeReport preview = repo.preTradeChecks(o, d.spec(), d.inputs());
        QVERIFY(!preview.passed());
        QVERIFY(preview.find(PreTradeCheck::MonthLimit) != nullptr);
        const QString refusal =
            errorOf([&] { repo.submit(o.id(), d.trader, t, d.spec(), d.inputs()); });
        QVERIFY2(refusal.startsWith(QStringLiteral("order 1: pre-trade checks failed: ")),
                 qPrintable(refusal));
        QCOMPARE(repo.requireOrder(o.id()).state(), OrderState::Draft);
        QVERIFY(repo.findings(o.id()).empty());
    }

    void unknownBandIsAWarningStoredWithTheOrder()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        PreTradeInputs inputs = d.inputs();
        inputs.band.reset();
        const Timestamp t = ts("2026-10-30T10:00:00Z");
        const Order o = repo.createDraft(ticket(2), d.spec(), 2'810'000, d.trader, t);
        repo.submit(o.id(), d.trader, t, d.spec(), inputs);
        const auto stored = repo.findings(o.id());
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(stored[0].check, PreTradeCheck::PolicyBand);
        QCOMPARE(stored[0].severity, Severity::Warning);
        QCOMPARE(stored[0].message,
                 std::string("hedge ratio not checked: the workspace has no plan exposure and "
                             "policy band for CHG.H100 2026-12"));
    }

    void duplicateExecutionReportIsIgnored()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        const Order o = sentOrder(d, ticket(10), "2026-10-30T10:00:00Z");
        const auto fill = report(o, "PB-1-2", ExecType::PartialFill, 4, 4);
        QVERIFY(repo.recordReport(fill, ts("2026-10-30T10:05:00Z")));
        repo.processInbox(ts("2026-10-30T10:05:00Z"));
        const std::size_t auditAfterFirst = AuditLog(d.ws).size();
        // Delivered again, before and after processing: nothing is written.
        QVERIFY(!repo.recordReport(fill, ts("2026-10-30T10:06:00Z")));
        QVERIFY(repo.processInbox(ts("2026-10-30T10:06:00Z")).empty());
        QCOMPARE(repo.fills().size(), std::size_t{1});
        QCOMPARE(repo.requireOrder(o.id()).filledQty(), ContractCount{4});
        QCOMPARE(repo.positions().front().netQty, ContractCount{4});
        QCOMPARE(AuditLog(d.ws).size(), auditAfterFirst);
        QCOMPARE(repo.checkBook().duplicateExecIds, std::size_t{0});
    }

    void anomalyIsRecordedNotBooked()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        const Order o = sentOrder(d, ticket(10), "2026-10-30T10:00:00Z");
        QVERIFY(repo.recordReport(report(o, "PB-1-9", ExecType::Fill, 12, 12),
                                  ts("2026-10-30T10:05:00Z")));
        const auto processed = repo.processInbox(ts("2026-10-30T10:05:00Z"));
        QCOMPARE(processed.size(), std::size_t{1});
        QCOMPARE(processed[0].outcome, ApplyOutcome::Anomaly);
        QVERIFY(repo.fills().empty());
        QCOMPARE(repo.requireOrder(o.id()).state(), OrderState::Sent);
        const auto last = AuditLog(d.ws).entries().back();
        QCOMPARE(last.action, std::string("broker.anomaly"));
        QCOMPARE(last.comment, processed[0].note);
    }

    void crashBetweenFillAndPositionIsReappliedOnce()
    {
        OrderId id;
        std::size_t auditBefore = 0;
        {
            Desk d = Desk::create(file());
            TradingRepository repo = d.trading();
            const Order o = sentOrder(d, ticket(10), "2026-10-30T10:00:00Z");
            id = o.id();
            QVERIFY(repo.recordReport(report(o, "PB-1-2", ExecType::PartialFill, 4, 4),
                                      ts("2026-10-30T10:05:00Z")));
            auditBefore = AuditLog(d.ws).size();
            // The position write fails after the fill row was inserted in the same transaction:
            // the whole booking rolls back, as a crash at that point would.
            {
                RawDb raw(file());
                QCOMPARE(raw.exec("CREATE TRIGGER crash_here BEFORE INSERT ON positions BEGIN "
                                  "SELECT RAISE(ABORT, 'simulated crash'); END"),
                         QString());
            }
            const QString failure =
                storageErrorOf([&] { repo.processInbox(ts("2026-10-30T10:05:00Z")); });
            QVERIFY2(failure.contains("simulated crash"), qPrintable(failure));
            QVERIFY(repo.fills().empty());
            QVERIFY(repo.positions().empty());
            QCOMPARE(repo.requireOrder(id).filledQty(), ContractCount{0});
            QCOMPARE(repo.pendingReports(), std::size_t{1});
            QCOMPARE(AuditLog(d.ws).size(), auditBefore);
            RawDb raw(file());
            QCOMPARE(raw.exec("DROP TRIGGER crash_here"), QString());
        }
        // Restart: the received report is still in the inbox and is applied exactly once.
        Workspace ws = Workspace::open(file());
        TradingRepository repo(ws);
        QCOMPARE(repo.processInbox(ts("2026-10-30T10:10:00Z")).size(), std::size_t{1});
        QVERIFY(repo.processInbox(ts("2026-10-30T10:11:00Z")).empty());
        QCOMPARE(repo.fills().size(), std::size_t{1});
        QCOMPARE(repo.positions().front().netQty, ContractCount{4});
        QCOMPARE(repo.requireOrder(id).state(), OrderState::PartiallyFilled);
        QVERIFY(repo.checkBook().consistent());
        QCOMPARE(AuditLog(ws).size(), auditBefore + 1);
        QVERIFY(AuditLog(ws).verify().intact());
    }

    void positionsEqualTheSumOfFills()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        const Order buy = sentOrder(d, ticket(10), "2026-10-30T10:00:00Z");
        repo.recordReport(report(buy, "B-1", ExecType::Fill, 10, 10, 2'790'000),
                          ts("2026-10-30T10:10:00Z"));
        repo.processInbox(ts("2026-10-30T10:10:00Z"));
        // Selling from a long position moves the hedge ratio toward the band, so it passes.
        const Order sell = sentOrder(d, ticket(4, Side::Sell), "2026-10-30T10:20:00Z");
        repo.recordReport(report(sell, "S-1", ExecType::Fill, 4, 4, 2'900'000),
                          ts("2026-10-30T10:31:00Z"));
        repo.processInbox(ts("2026-10-30T10:32:00Z"));
        const auto stored = repo.positions();
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(stored[0], buildPositions(repo.fills()).front());
        QCOMPARE(stored[0].netQty, ContractCount{6});
        // Realised: 4 × (2.90 − 2.79) × 730 = 321.20 USD.
        QCOMPARE(stored[0].realisedPnl, Money(Currency::Usd, 32'120));
        const BookCheck check = repo.checkBook();
        QVERIFY(check.consistent());
        QCOMPARE(check.fills, std::size_t{2});
        // A position changed behind the repository's back is reported.
        RawDb raw(file());
        QCOMPARE(raw.exec("UPDATE positions SET net_qty = 7"), QString());
        const BookCheck broken = repo.checkBook();
        QVERIFY(!broken.consistent());
        QCOMPARE(broken.differences.size(), std::size_t{1});
        QVERIFY(broken.differences[0].starts_with("CHG.H100 2026-12: stored symbol=CHG.H100;"
                                                  "month=2026-12;net=7;"));
    }

    void staleOrdersExpire()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        trading::OrderRequest dayOrder = ticket(3);
        dayOrder.timeInForce = TimeInForce::Day;
        const Timestamp t = ts("2026-10-29T15:00:00Z");
        const Order o = repo.createDraft(dayOrder, d.spec(), 2'810'000, d.trader, t);
        repo.submit(o.id(), d.trader, t, d.spec(), d.inputs());
        const Order gtc = repo.createDraft(ticket(4), d.spec(), 2'810'000, d.trader, t);
        repo.submit(gtc.id(), d.trader, t, d.spec(), d.inputs());
        // Same UTC day: nothing runs out.
        QVERIFY(repo.expireStale(*parseIsoDate("2026-10-29"), lastCalendarDay, t).empty());
        const auto expired = repo.expireStale(
            *parseIsoDate("2026-10-30"), lastCalendarDay, ts("2026-10-30T00:00:05Z"));
        QCOMPARE(expired.size(), std::size_t{1});
        QCOMPARE(expired[0].id(), o.id());
        QCOMPARE(repo.requireOrder(o.id()).state(), OrderState::Expired);
        QCOMPARE(repo.requireOrder(gtc.id()).state(), OrderState::PendingApproval);
        const auto events = repo.events(o.id());
        QCOMPARE(events.back().action, OrderAction::Expire);
        QVERIFY(!events.back().actor.has_value());
        QCOMPARE(events.back().comment, std::string("time in force day ran out on 2026-10-30"));
        const auto last = AuditLog(d.ws).entries().back();
        QCOMPARE(last.action, std::string("order.expire"));
        QCOMPARE(last.user, std::string("system"));
    }

    void viewerCannotCreateOrders()
    {
        Desk d = Desk::create(file());
        TradingRepository repo = d.trading();
        QCOMPARE(errorOf([&] {
                     repo.createDraft(
                         ticket(1), d.spec(), 2'810'000, d.viewer, ts("2026-10-30T10:00:00Z"));
                 }),
                 QStringLiteral("user 'viewer' (viewer) may not create orders"));
        QVERIFY(repo.orders().empty());
    }
};

CH_REGISTER_TEST(TestTradingRepository);
#include "tst_trading_repository.moc"
