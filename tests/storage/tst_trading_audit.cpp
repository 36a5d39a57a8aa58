#include "storage/audit_log.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;

//! The audit log as stored: append inside a transaction or on its own, verify against the head,
//! and catch an edited, deleted (also the newest), reordered or inserted row.
class TestTradingAudit : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;
    std::filesystem::path file() const { return pathOf(m_dir->filePath("audit.chw")); }

    //! A workspace with five rows, seq 1..5; the append-only triggers are dropped afterwards so
    //! the tests can tamper as an attacker with file access would.
    void fiveRows()
    {
        {
            Workspace ws = Workspace::create(file());
            AuditLog log(ws);
            for (int i = 1; i <= 5; ++i)
                log.append(AuditRecord{"alice",
                                       "test.step",
                                       "thing",
                                       std::to_string(i),
                                       "v=" + std::to_string(i - 1),
                                       "v=" + std::to_string(i),
                                       "step " + std::to_string(i)},
                           ts("2026-10-30T10:00:00Z") + std::chrono::minutes{i});
            QVERIFY(log.verify().intact());
        }
        RawDb raw(file());
        QCOMPARE(raw.exec("DROP TRIGGER audit_log_no_update"), QString());
        QCOMPARE(raw.exec("DROP TRIGGER audit_log_no_delete"), QString());
    }

    AuditVerification verifyFile()
    {
        Workspace ws = Workspace::open(file());
        return AuditLog(ws).verify();
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void intactChainAndHead()
    {
        Workspace ws = Workspace::create(file());
        AuditLog log(ws);
        const AuditVerification empty = log.verify();
        QVERIFY(empty.intact());
        QCOMPARE(empty.head, (AuditHead{0, trading::kGenesisHash}));
        const auto first = log.append(AuditRecord{"alice", "a.b", "t", "1", "", "x", ""},
                                      ts("2026-10-30T10:00:00Z"));
        const auto second = log.append(AuditRecord{"bob", "a.c", "t", "1", "x", "y", "why"},
                                       ts("2026-10-30T10:01:00Z"));
        QCOMPARE(first.seq, std::int64_t{1});
        QCOMPARE(first.prevHash, trading::kGenesisHash);
        QCOMPARE(second.prevHash, first.hash);
        QCOMPARE(second.host, AuditLog::hostName());
        QCOMPARE(log.head(), (AuditHead{2, second.hash}));
        const AuditVerification v = log.verify();
        QVERIFY(v.intact());
        QCOMPARE(v.entries, std::size_t{2});
        QCOMPARE(log.entries().back(), second);
        QVERIFY(log.verify(second.hash).intact());
        const AuditVerification foreign = log.verify(first.hash);
        QCOMPARE(foreign.brokenSeq, std::optional<std::int64_t>(2));
    }

    void triggersRefuseUpdateAndDelete()
    {
        {
            Workspace ws = Workspace::create(file());
            AuditLog(ws).append(AuditRecord{"alice", "a.b", "t", "1", "", "x", ""},
                                ts("2026-10-30T10:00:00Z"));
        }
        RawDb raw(file());
        QVERIFY(raw.exec("UPDATE audit_log SET user = 'mallory'")
                    .contains("the audit log is append-only"));
        QVERIFY(raw.exec("DELETE FROM audit_log").contains("the audit log is append-only"));
    }

    void editedRowIsCaught()
    {
        fiveRows();
        {
            RawDb raw(file());
            QCOMPARE(raw.exec("UPDATE audit_log SET after = 'v=99' WHERE seq = 3"), QString());
        }
        const AuditVerification v = verifyFile();
        QCOMPARE(v.brokenSeq, std::optional<std::int64_t>(3));
        QCOMPARE(v.reason, std::string("hash mismatch: the row was edited after it was written"));
    }

    void deletedRowIsCaught()
    {
        fiveRows();
        {
            RawDb raw(file());
            QCOMPARE(raw.exec("DELETE FROM audit_log WHERE seq = 3"), QString());
        }
        const AuditVerification v = verifyFile();
        QCOMPARE(v.brokenSeq, std::optional<std::int64_t>(4));
        QCOMPARE(v.reason, std::string("seq 4 follows seq 2: rows are missing or reordered"));
    }

    void deletedNewestRowIsCaughtByTheHead()
    {
        fiveRows();
        {
            RawDb raw(file());
            QCOMPARE(raw.exec("DELETE FROM audit_log WHERE seq = 5"), QString());
        }
        const AuditVerification v = verifyFile();
        QCOMPARE(v.brokenSeq, std::optional<std::int64_t>(5));
        QCOMPARE(v.reason,
                 std::string("the last row's hash does not match the recorded head: rows were "
                             "removed from the end (the head records seq 5, the newest row is "
                             "seq 4)"));
    }

    void deletedNewestRowWithHeadRewoundIsCaughtByAnExternalHead()
    {
        fiveRows();
        std::string recordedHead;
        {
            Workspace ws = Workspace::open(file());
            recordedHead = AuditLog(ws).head().hash;
        }
        {
            RawDb raw(file());
            QCOMPARE(raw.exec("DELETE FROM audit_log WHERE seq = 5"), QString());
            QCOMPARE(raw.exec("UPDATE audit_head SET last_seq = 4, hash = (SELECT hash FROM "
                              "audit_log WHERE seq = 4)"),
                     QString());
        }
        Workspace ws = Workspace::open(file());
        QVERIFY(AuditLog(ws).verify().intact()); // a consistent shorter log...
        const AuditVerification v = AuditLog(ws).verify(recordedHead);
        QCOMPARE(v.brokenSeq, std::optional<std::int64_t>(4)); // ...but not the one recorded
        QVERIFY(v.reason.find("differs from the expected head") != std::string::npos);
    }

    void reorderedRowsAreCaught()
    {
        fiveRows();
        {
            RawDb raw(file());
            // Swap rows 2 and 3, keeping the seq numbers contiguous.
            QCOMPARE(raw.exec("UPDATE audit_log SET seq = -2 WHERE seq = 2"), QString());
            QCOMPARE(raw.exec("UPDATE audit_log SET seq = 2 WHERE seq = 3"), QString());
            QCOMPARE(raw.exec("UPDATE audit_log SET seq = 3 WHERE seq = -2"), QString());
        }
        const AuditVerification v = verifyFile();
        QCOMPARE(v.brokenSeq, std::optional<std::int64_t>(2));
        QCOMPARE(v.reason, std::string("prevHash does not match the hash of seq 1"));
    }

    void missingHeadIsReported()
    {
        fiveRows();
        {
            RawDb raw(file());
            QCOMPARE(raw.exec("DELETE FROM audit_head"), QString());
        }
        const AuditVerification v = verifyFile();
        QVERIFY(!v.intact());
        QCOMPARE(v.reason,
                 std::string("the audit head record is missing, so rows removed from the end "
                             "cannot be ruled out"));
    }

    void filterAndExport()
    {
        fiveRows();
        Workspace ws = Workspace::open(file());
        AuditLog log(ws);
        log.append(AuditRecord{"bob", "other.thing", "widget", "9", "", "a \"quoted\", b", ""},
                   ts("2026-10-30T11:00:00Z"));
        QCOMPARE(log.entries(AuditFilter{"STEP 4", {}, {}, {}, {}}).size(), std::size_t{1});
        QCOMPARE(log.entries(AuditFilter{{}, "bob", {}, {}, {}}).size(), std::size_t{1});
        QCOMPARE(log.entries(AuditFilter{{}, {}, "thing", {}, {}}).size(), std::size_t{5});
        QCOMPARE(log.entries(AuditFilter{{}, {}, {}, ts("2026-10-30T10:04:00Z"), {}}).size(),
                 std::size_t{3});
        const auto csv = pathOf(m_dir->filePath("audit.csv"));
        log.exportCsv(csv);
        const QList<QByteArray> lines = readFile(csv).split('\n');
        QCOMPARE(lines.size(), 8); // header, 6 rows, empty string after the last CRLF
        QVERIFY(lines[0].startsWith("seq,at,user,action,object_type,object_id,before,after"));
        QVERIFY(lines[6].contains("\"a \"\"quoted\"\", b\""));
        QVERIFY(lines[6].startsWith("6,\"2026-10-30T11:00:00Z\",\"bob\""));
    }
};

CH_REGISTER_TEST(TestTradingAudit);
#include "tst_trading_audit.moc"
