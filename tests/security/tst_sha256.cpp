#include "security/sha256.h"
#include "test_registry.h"

#include <QTest>

#include <string>

using namespace ch::security;

class TestSha256 : public QObject
{
    Q_OBJECT
private slots:
    void fipsVectors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digest");
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf" and "SHA2_Additional.pdf").
        QTest::newRow("empty")
            << ""
            << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << "abc"
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448-bit message")
            << "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    }
    void fipsVectors()
    {
        QFETCH(QString, input);
        QFETCH(QString, digest);
        QCOMPARE(sha256Hex(input.toStdString()), digest.toStdString());
    }
    void embeddedNulsAreHashed()
    {
        const std::string withNul("a\0b", 3);
        QVERIFY(sha256Hex(withNul) != sha256Hex("a"));
        QCOMPARE(sha256Hex(withNul).size(), std::size_t{64});
    }
};

CH_REGISTER_TEST(TestSha256);
#include "tst_sha256.moc"
