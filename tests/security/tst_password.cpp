#include "domain/error.h"
#include "security/crypto_error.h"
#include "security/password.h"
#include "test_registry.h"

#include <QTest>

#include <string>

using namespace ch;
using namespace ch::security;

namespace {

std::string hex(const std::vector<unsigned char>& bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0x0f]);
    }
    return out;
}

std::vector<unsigned char> bytes(const std::string& s)
{
    return {s.begin(), s.end()};
}

// Cheap parameters for tests that are about the format, not the cost.
const ScryptParams kCheap{10, 8, 1};

} // namespace

class TestPassword : public QObject
{
    Q_OBJECT
private slots:
    void scryptMatchesRfc7914Vectors_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("salt");
        QTest::addColumn<int>("log2N");
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("p");
        QTest::addColumn<QString>("key32");
        // RFC 7914 §12, first 32 bytes of the 64-byte outputs (PBKDF2 blocks do not depend on
        // the output length).
        QTest::newRow("RFC 7914 §12 vector 2") << "password"
                                               << "NaCl" << 10 << 8 << 16
                                               << "fdbabe1c9d3472007856e7190d01e9fe"
                                                  "7c6ad7cbc8237830e77376634b373162";
        QTest::newRow("RFC 7914 §12 vector 3") << "pleaseletmein"
                                               << "SodiumChloride" << 14 << 8 << 1
                                               << "7023bdcb3afd7348461c06cd81fd38eb"
                                                  "fda8fbba904f8e3ea9b543f6545da1f2";
    }
    void scryptMatchesRfc7914Vectors()
    {
        QFETCH(QString, password);
        QFETCH(QString, salt);
        QFETCH(int, log2N);
        QFETCH(int, r);
        QFETCH(int, p);
        QFETCH(QString, key32);
        const ScryptParams params{
            log2N, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(p)};
        const auto key = scryptKey(password.toStdString(), bytes(salt.toStdString()), params, 32);
        QCOMPARE(hex(key), key32.toStdString());
    }

    void owaspDefaultsAcceptRightAndRefuseWrong()
    {
        // Two derivations at N=2^17 (~0.3-1 s each): hash, then verify right and wrong.
        const std::string stored = hashPassword("correct horse battery staple");
        QVERIFY(stored.rfind("scrypt$17$8$1$", 0) == 0);
        const auto parsed = parsePasswordHash(stored);
        QVERIFY(!parsed.hasErrors());
        QCOMPARE(parsed.value.params, (ScryptParams{17, 8, 1}));
        QCOMPARE(parsed.value.salt.size(), kSaltBytes);
        QCOMPARE(parsed.value.key.size(), kKeyBytes);
        QVERIFY(verifyPassword("correct horse battery staple", stored));
        QVERIFY(!verifyPassword("correct horse battery stapler", stored));
    }

    void parametersAreReadFromTheStoredString()
    {
        const std::string stored = hashPassword("s3cret", kCheap);
        QVERIFY(stored.rfind("scrypt$10$8$1$", 0) == 0);
        const auto parsed = parsePasswordHash(stored);
        QVERIFY(!parsed.hasErrors());
        QCOMPARE(parsed.value.params, kCheap);
        QCOMPARE(parsed.value.toString(), stored);
        // verifyPassword must use N = 2^10 from the string (the default N would not match).
        QVERIFY(verifyPassword("s3cret", stored));
        QVERIFY(!verifyPassword("S3cret", stored));
        QVERIFY(!verifyPassword("", stored));
    }

    void storedKeyIsTheScryptOfSaltAndPassword()
    {
        const std::string stored = hashPassword("pw", kCheap);
        const auto h = parsePasswordHash(stored).value;
        QCOMPARE(h.key, scryptKey("pw", h.salt, kCheap, kKeyBytes));
    }

    void saltIsFreshEachTime()
    {
        const auto a = parsePasswordHash(hashPassword("same", kCheap)).value;
        const auto b = parsePasswordHash(hashPassword("same", kCheap)).value;
        QVERIFY(a.salt != b.salt);
        QVERIFY(a.key != b.key);
    }

    void maxmemIsPassedExplicitly()
    {
        // 128·r·p + 128·r·(N+2) for N=2^17, r=8, p=1.
        QCOMPARE(ScryptParams{}.requiredMemoryBytes(), 134'220'800ULL);
        QVERIFY(ScryptParams{}.requiredMemoryBytes() < kScryptMaxMemBytes);
        QCOMPARE(kScryptMaxMemBytes, 256ULL << 20);
        // OpenSSL's default of 32 MiB refuses the OWASP parameters; the error text is reported.
        try {
            scryptKey("pw", std::vector<unsigned char>(16, 1), ScryptParams{}, 32, 32ULL << 20);
            QFAIL("scrypt with a 32 MiB limit should fail");
        } catch (const CryptoError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("scrypt key derivation (log2 N = 17, r = 8, p = 1, maxmem 32 MiB) "
                               "failed: error:")
                         == 0,
                     what.c_str());
            QVERIFY2(what.find("memory limit exceeded") != std::string::npos, what.c_str());
        }
    }

    void malformedStoredStringsAreReported_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("issue");
        const QString salt = "AAAAAAAAAAAAAAAAAAAAAA==";                    // 16 bytes
        const QString key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; // 32 bytes
        QTest::newRow("other scheme") << "bcrypt$2b$12$abc"
                                      << "password hash: scheme: expected "
                                         "\"scrypt$<log2 N>$<r>$<p>$<salt>$<key>\" with 6 "
                                         "'$'-separated parts, got 4 parts starting \"bcrypt\"";
        QTest::newRow("N not a number") << "scrypt$x$8$1$" + salt + "$" + key
                                        << "password hash: log2N: \"x\" is not a whole number";
        QTest::newRow("N too small") << "scrypt$4$8$1$" + salt + "$" + key
                                     << "password hash: params: log2 N = 4 is outside 10..24";
        QTest::newRow("too much memory")
            << "scrypt$18$8$1$" + salt + "$" + key
            << "password hash: params: log2 N = 18, r = 8, p = 1 needs 257 MiB, above the 256 "
               "MiB limit";
        QTest::newRow("bad base64") << "scrypt$17$8$1$not*base64$" + key
                                    << "password hash: salt: \"not*base64\" is not base64";
        QTest::newRow("short salt")
            << "scrypt$17$8$1$AAAA$" + key << "password hash: salt: 3 bytes; at least 16 required";
    }
    void malformedStoredStringsAreReported()
    {
        QFETCH(QString, stored);
        QFETCH(QString, issue);
        const auto parsed = parsePasswordHash(stored.toStdString());
        QVERIFY(parsed.hasErrors());
        QCOMPARE(parsed.issues.size(), std::size_t{1});
        QCOMPARE(parsed.issues.front().toString(), issue.toStdString());
        try {
            verifyPassword("pw", stored.toStdString());
            QFAIL("a corrupt verifier must throw");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()),
                     "verifyPassword: stored hash is corrupt: " + issue.toStdString());
        }
    }

    void emptyPasswordIsRefused() { QVERIFY_THROWS_EXCEPTION(Error, hashPassword("", kCheap)); }
};

CH_REGISTER_TEST(TestPassword);
#include "tst_password.moc"
