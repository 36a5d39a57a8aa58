#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/audit.h"

#include <QTest>

using namespace ch;
using namespace ch::trading;

namespace {

AuditEntry draftEntry(int i)
{
    AuditEntry e;
    e.at = ch::test::ts("2026-10-05T14:30:00Z") + std::chrono::seconds{i};
    e.user = i % 2 ? "anna" : "tina";
    e.action = "order.event";
    e.objectType = "order";
    e.objectId = std::to_string(i);
    e.before = "state=draft";
    e.after = "state=pending_approval";
    e.comment = "step " + std::to_string(i);
    e.host = "ws-42";
    return e;
}

std::vector<AuditEntry> chain(int n)
{
    std::vector<AuditEntry> out;
    for (int i = 0; i < n; ++i)
        out.push_back(appendAuditEntry(out.empty() ? nullptr : &out.back(), draftEntry(i)));
    return out;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
private slots:
    void canonicalTextAndGoldenHash()
    {
        AuditEntry e;
        e.at = ch::test::ts("2026-10-05T14:30:00Z");
        e.user = "anna";
        e.action = "order.approve";
        e.objectType = "order";
        e.objectId = "7";
        e.before = "state=pending_approval";
        e.after = "state=approved";
        e.comment = "within mandate";
        e.host = "ws-42";
        const AuditEntry sealed = appendAuditEntry(nullptr, e);
        QCOMPARE(sealed.seq, 1LL);
        QCOMPARE(sealed.prevHash, std::string(64, '0'));
        QCOMPARE(canonicalAuditText(sealed),
                 std::string("ch-audit-v1\nseq=1:1\nat=20:2026-10-05T14:30:00Z\nuser=4:anna\n"
                             "action=13:order.approve\nobject_type=5:order\nobject_id=1:7\n"
                             "before=22:state=pending_approval\nafter=14:state=approved\n"
                             "comment=14:within mandate\nhost=5:ws-42\nprev_hash=64:"
                             + std::string(64, '0') + "\n"));
        // SHA-256 of the text above, computed independently (Python hashlib).
        QCOMPARE(sealed.hash,
                 std::string("4214eda7eae64ec5e10236ed26a6c694a37a9d354138bd7b064b0d176ddd7b21"));
    }

    void fieldBoundariesCannotBeShifted()
    {
        AuditEntry a = draftEntry(1);
        AuditEntry b = a;
        a.before = "x";
        a.after = "yz";
        b.before = "xy";
        b.after = "z";
        QVERIFY(computeAuditHash(a) != computeAuditHash(b));
    }

    void intactChainVerifies()
    {
        const auto c = chain(5);
        QCOMPARE(c[4].seq, 5LL);
        QCOMPARE(c[3].prevHash, c[2].hash);
        QCOMPARE(verifyChain(c), std::optional<ChainBreak>());
        QCOMPARE(verifyChain(c, c.back().hash), std::optional<ChainBreak>());
        QCOMPARE(verifyChain({}), std::optional<ChainBreak>());
    }

    void editedRowIsCaught()
    {
        auto c = chain(5);
        c[2].after = "state=approved";
        QCOMPARE(verifyChain(c),
                 std::optional<ChainBreak>(
                     ChainBreak{2, "hash mismatch: the row was edited after it was written"}));
        // Re-hashing the edited row moves the break to the next link.
        c[2].hash = computeAuditHash(c[2]);
        QCOMPARE(
            verifyChain(c),
            std::optional<ChainBreak>(ChainBreak{3, "prevHash does not match the hash of seq 3"}));
    }

    void deletedRowIsCaught()
    {
        auto c = chain(5);
        c.erase(c.begin() + 2);
        QCOMPARE(verifyChain(c),
                 std::optional<ChainBreak>(
                     ChainBreak{2, "seq 4 follows seq 2: rows are missing or reordered"}));

        auto first = chain(3);
        first.erase(first.begin());
        QCOMPARE(verifyChain(first),
                 std::optional<ChainBreak>(ChainBreak{
                     0, "the chain starts at seq 2, not 1: rows are missing or reordered"}));

        // Removing the newest row leaves a valid prefix; the recorded head catches it.
        auto tail = chain(5);
        const std::string head = tail.back().hash;
        tail.pop_back();
        QCOMPARE(verifyChain(tail), std::optional<ChainBreak>());
        QCOMPARE(verifyChain(tail, head),
                 std::optional<ChainBreak>(ChainBreak{4,
                                                      "the last row's hash does not match the "
                                                      "recorded head: rows were removed from "
                                                      "the end"}));
    }

    void deletedRowWithRenumberingIsCaught()
    {
        auto c = chain(5);
        c.erase(c.begin() + 2);
        c[2].seq = 3;
        c[3].seq = 4;
        QCOMPARE(
            verifyChain(c),
            std::optional<ChainBreak>(ChainBreak{2, "prevHash does not match the hash of seq 2"}));
    }

    void reorderedRowsAreCaught()
    {
        auto c = chain(5);
        std::swap(c[1], c[2]);
        QCOMPARE(verifyChain(c),
                 std::optional<ChainBreak>(
                     ChainBreak{1, "seq 3 follows seq 1: rows are missing or reordered"}));
    }
};

CH_REGISTER_TEST(TestAudit);
#include "tst_audit.moc"
