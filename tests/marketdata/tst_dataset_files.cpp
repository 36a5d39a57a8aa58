#include "marketdata/reference_dataset.h"
#include "test_paths.h"
#include "test_registry.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ch;
using namespace ch::marketdata;

namespace {

QString dataDir()
{
    return ch::test::sourceDir() + QStringLiteral("/resources/data");
}

QString issueText(const std::vector<Issue>& issues)
{
    QStringList lines;
    for (const auto& i : issues)
        lines << QString::fromStdString(i.toString());
    return lines.join('\n');
}

//! Replaces line `lineNo` (1-based) of `text`.
std::string replaceLine(const std::string& text, int lineNo, const std::string& replacement)
{
    std::size_t begin = 0;
    for (int i = 1; i < lineNo; ++i)
        begin = text.find('\n', begin) + 1;
    const auto end = text.find('\n', begin);
    return text.substr(0, begin) + replacement + text.substr(end);
}

std::string lineOf(const std::string& text, int lineNo)
{
    std::size_t begin = 0;
    for (int i = 1; i < lineNo; ++i)
        begin = text.find('\n', begin) + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
}

} // namespace

class TestDatasetFiles : public QObject
{
    Q_OBJECT
    MarketDataSet m_data;
    std::map<std::string, std::string> m_files;

private slots:
    void initTestCase()
    {
        m_data = generateReferenceDataset();
        m_files = writeDatasetFiles(m_data);
    }

    //! The committed files are exactly what the generator writes. With CH_REGENERATE_DATASET=1
    //! the test writes them instead (see resources/data/README.md).
    void committedFilesMatchGenerator()
    {
        const bool regenerate = qEnvironmentVariable("CH_REGENERATE_DATASET") == "1";
        if (regenerate) {
            QVERIFY(QDir().mkpath(dataDir()));
            for (const auto& [name, content] : m_files) {
                QFile f(dataDir() + '/' + QString::fromStdString(name));
                QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate),
                         qPrintable(f.fileName()));
                QCOMPARE(f.write(content.data(), qint64(content.size())), qint64(content.size()));
            }
            qInfo("wrote %d files to %s", int(m_files.size()), qPrintable(dataDir()));
        }
        for (const auto& [name, content] : m_files) {
            QFile f(dataDir() + '/' + QString::fromStdString(name));
            QVERIFY2(f.open(QIODevice::ReadOnly),
                     qPrintable(f.fileName()
                                + " is missing; run CH_REGENERATE_DATASET=1 "
                                  "tst_marketdata TestDatasetFiles"));
            const QByteArray committed = f.readAll();
            const QByteArray generated = QByteArray::fromStdString(content);
            if (committed != generated) {
                const auto a = committed.split('\n');
                const auto b = generated.split('\n');
                int line = 0;
                while (line < a.size() && line < b.size() && a[line] == b[line])
                    ++line;
                QFAIL(qPrintable(QStringLiteral("%1 differs from the generator at line %2:\n  "
                                                "committed: %3\n  generated: %4")
                                     .arg(QString::fromStdString(name))
                                     .arg(line + 1)
                                     .arg(QString::fromUtf8(line < a.size() ? a[line] : ""))
                                     .arg(QString::fromUtf8(line < b.size() ? b[line] : ""))));
            }
        }
    }

    void pricesFilesStaySmall()
    {
        QVERIFY(m_files.at("prices_gpu.csv").size() < 1024 * 1024);
        QVERIFY(m_files.at("prices_tokens.csv").size() < 1024 * 1024);
        QCOMPARE(lineOf(m_files.at("prices_gpu.csv"), 1), std::string("date,index,price"));
        QCOMPARE(lineOf(m_files.at("prices_gpu.csv"), 2),
                 std::string("2023-01-02,GPU.A100.HS,4.1000"));
    }

    void roundTrip()
    {
        const auto parsed = parseDatasetFiles(m_files);
        QCOMPARE(issueText(parsed.issues), QString());
        QCOMPARE(parsed.value.info, m_data.info);
        QCOMPARE(parsed.value.indices, m_data.indices);
        QCOMPARE(parsed.value.series.size(), m_data.series.size());
        for (std::size_t i = 0; i < m_data.series.size(); ++i)
            QVERIFY2(parsed.value.series[i] == m_data.series[i], m_data.series[i].indexId.c_str());
        QCOMPARE(parsed.value.contracts, m_data.contracts);
        QCOMPARE(parsed.value.events, m_data.events);
    }

    void anchorsRoundTrip()
    {
        const auto parsed = parseAnchorsCsv(m_files.at("anchors.csv"));
        QCOMPARE(issueText(parsed.issues), QString());
        const auto anchors = referenceAnchors();
        QCOMPARE(parsed.value.size(), anchors.size());
        for (std::size_t i = 0; i < anchors.size(); ++i) {
            QCOMPARE(parsed.value[i].indexId, anchors[i].indexId);
            QCOMPARE(parsed.value[i].date, anchors[i].date);
            QCOMPARE(parsed.value[i].usd, anchors[i].usd);
            QCOMPARE(parsed.value[i].tolerance, anchors[i].tolerance);
            QCOMPARE(parsed.value[i].sourceUrl, anchors[i].sourceUrl);
        }
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expected");
        QTest::newRow("price not a number")
            << "prices_gpu.csv" << 100 << "2023-04-10,GPU.A100.HS,abc"
            << "prices_gpu.csv:100: price: \"abc\" is not a number; expected a decimal such as "
               "2.35";
        QTest::newRow("negative price")
            << "prices_gpu.csv" << 100 << "2023-04-10,GPU.A100.HS,-1"
            << "prices_gpu.csv:100: price: \"-1\" is not positive; expected a value greater than "
               "zero";
        QTest::newRow("a day skipped")
            << "prices_gpu.csv" << 100 << "2023-04-11,GPU.A100.HS,4.0"
            << "prices_gpu.csv:100: date: 2023-04-11 follows 2023-04-09 for GPU.A100.HS; "
               "expected the next calendar day 2023-04-10\n"
               "prices_gpu.csv:101: date: 2023-04-11 follows 2023-04-11 for GPU.A100.HS; "
               "expected the next calendar day 2023-04-12";
        QTest::newRow("bad date") << "prices_gpu.csv" << 100 << "2023-04-31,GPU.A100.HS,4.0"
                                  << "prices_gpu.csv:100: date: \"2023-04-31\" is not a date; "
                                     "expected YYYY-MM-DD";
        QTest::newRow("unknown index")
            << "prices_gpu.csv" << 100 << "2023-04-10,GPU.X,4.0"
            << "prices_gpu.csv:100: index: \"GPU.X\" is not an index "
               "of indices.csv\n"
               "prices_gpu.csv:101: date: 2023-04-11 follows 2023-04-09 for GPU.A100.HS; "
               "expected the next calendar day 2023-04-10";
        QTest::newRow("token row in the GPU file")
            << "prices_gpu.csv" << 100 << "2023-04-10,TOK.MID.IN,2.0"
            << "prices_gpu.csv:100: index: \"TOK.MID.IN\" is a token_price index; its prices "
               "belong in prices_tokens.csv\n"
               "prices_gpu.csv:101: date: 2023-04-11 follows 2023-04-09 for GPU.A100.HS; "
               "expected the next calendar day 2023-04-10";
        QTest::newRow("wrong field count")
            << "prices_gpu.csv" << 100 << "2023-04-10,GPU.A100.HS"
            << "prices_gpu.csv:100: line has 2 fields; expected 3\n"
               "prices_gpu.csv:101: date: 2023-04-11 follows 2023-04-09 for GPU.A100.HS; "
               "expected the next calendar day 2023-04-10";
        QTest::newRow("bad header") << "prices_gpu.csv" << 1 << "day,index,price"
                                    << "prices_gpu.csv:1: header: \"day,index,price\" is not the "
                                       "expected header; expected date,index,price";
        QTest::newRow("bad kind")
            << "indices.csv" << 2
            << "GPU.H100.NC,\"H100 SXM, neocloud on-demand\",gpu,gpu_hour,H100,NC,2023-01-02,x"
            << "indices.csv:2: kind: \"gpu\" is not an index kind; expected gpu_rental or "
               "token_price";
        QTest::newRow("first date disagrees with the prices")
            << "indices.csv" << 2
            << "GPU.H100.NC,\"H100 SXM, neocloud on-demand\",gpu_rental,gpu_hour,H100,NC,"
               "2023-01-01,x"
            << "indices.csv:2: first_date: 2023-01-01 but the prices of GPU.H100.NC start on "
               "2023-01-02";
        QTest::newRow("bad margin")
            << "contracts.csv" << 2
            << "CHG.H100,x,CME-style,GPU.H100.NC,gpu_hour,730,10000,36,s,l,1.75,800"
            << "contracts.csv:2: initial_margin_fraction: \"1.75\" is not a margin fraction; "
               "expected a decimal in (0, 1] such as 0.175";
        QTest::newRow("bad style and tick")
            << "contracts.csv" << 2 << "CHG.H100,x,CBOT,GPU.H100.NC,gpu_hour,730,0,36,s,l,0.2,800"
            << "contracts.csv:2: style: \"CBOT\" is not an exchange style; expected CME-style, "
               "ICE-style or SHFE-style\n"
               "contracts.csv:2: tick_micros: \"0\" is not a whole number of at least 1";
        QTest::newRow("event without a URL")
            << "events.csv" << 2 << "2023-03-01,TOK.MID.BLEND,launch,see the blog"
            << "events.csv:2: source_url: \"see the blog\" is not a URL; expected https://...";
        QTest::newRow("anchor on an unknown index")
            << "anchors.csv" << 3 << "GPU.Z,2024-03-15,2.85,0.4,https://example.org"
            << "anchors.csv:3: index: \"GPU.Z\" is not an index of indices.csv";
        QTest::newRow("manifest seed")
            << "manifest.csv" << 5 << "seed,twelve"
            << "manifest.csv:5: value: \"twelve\" is not a seed; expected a whole number";
        QTest::newRow("manifest unknown key")
            << "manifest.csv" << 2 << "colour,blue"
            << "manifest.csv: missing key \"format\"\n"
               "manifest.csv:2: key: \"colour\" is not a manifest key";
    }
    void damagedFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, replacement);
        QFETCH(QString, expected);
        auto files = m_files;
        auto& text = files.at(file.toStdString());
        text = replaceLine(text, line, replacement.toStdString());
        const auto parsed = parseDatasetFiles(files);
        QVERIFY(parsed.hasErrors());
        // Every damage outside the manifest also breaks that file's checksum in the manifest.
        QStringList got;
        QString checksum;
        for (const auto& i : parsed.issues) {
            const auto s = QString::fromStdString(i.toString());
            if (file != "manifest.csv" && s.startsWith("manifest.csv:")
                && s.contains(": value: " + file + " should hash to ")
                && s.endsWith("; the file changed after it was generated"))
                checksum = s;
            else
                got << s;
        }
        if (file != "manifest.csv")
            QVERIFY2(!checksum.isEmpty(), qPrintable(issueText(parsed.issues)));
        QCOMPARE(got.join('\n'), expected);
    }

    void missingAndEmptyFiles()
    {
        auto files = m_files;
        files.erase("events.csv");
        files["contracts.csv"] = "";
        const auto parsed = parseDatasetFiles(files);
        QStringList got;
        for (const auto& i : parsed.issues)
            got << QString::fromStdString(i.toString());
        QVERIFY(got.contains(
            "contracts.csv: the file is empty; expected a header line symbol,name,style,"
            "underlying_index,unit,units_per_contract,tick_micros,months_listed,settlement,"
            "last_trading,initial_margin_fraction,fee_per_side_cents"));
        QVERIFY(got.contains("events.csv: the file is missing from the dataset"));
        QVERIFY(got.contains("manifest.csv:" + QString::number([&] {
                                 const auto& m = m_files.at("manifest.csv");
                                 int line = 1;
                                 for (std::size_t p = 0; p < m.find("checksum.events.csv"); ++p)
                                     line += m[p] == '\n';
                                 return line;
                             }())
                             + ": key: \"checksum.events.csv\" names a file that is not in the "
                               "dataset"));
    }

    //! Windows checkouts with autocrlf and editors adding a BOM must still parse.
    void crlfAndBomTolerated()
    {
        auto files = m_files;
        std::string crlf;
        for (char c : files.at("events.csv")) {
            if (c == '\n')
                crlf += '\r';
            crlf += c;
        }
        files["events.csv"] = "\xEF\xBB\xBF" + crlf;
        const auto parsed = parseDatasetFiles(files);
        QStringList other;
        for (const auto& i : parsed.issues) {
            if (!QString::fromStdString(i.toString()).contains("events.csv should hash to"))
                other << QString::fromStdString(i.toString());
        }
        QCOMPARE(other.join('\n'), QString());
        QCOMPARE(parsed.value.events, m_data.events);
    }
};
CH_REGISTER_TEST(TestDatasetFiles);

#include "tst_dataset_files.moc"
