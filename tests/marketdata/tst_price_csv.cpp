#include "compare.h"
#include "marketdata/price_csv.h"
#include "test_registry.h"

#include <QTest>

#include <string>
#include <vector>

using namespace ch;
using namespace ch::marketdata;
using namespace std::chrono;

namespace {

const std::vector<std::string> kKnown = {"GPU.H100.NC", "GPU.A100.NC", "GPU.A100.HS"};

Parsed<PriceImport> parse(const std::string& text)
{
    return parsePriceCsv(text, "prices.csv", kKnown);
}

QString issueText(const std::vector<Issue>& issues)
{
    QStringList lines;
    for (const auto& i : issues)
        lines << QString::fromStdString(i.toString());
    return lines.join('\n');
}

} // namespace

class TestPriceCsv : public QObject
{
    Q_OBJECT
private slots:
    void malformed_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("expected");
        const QString columns = "expected columns date,index,price[,source][,volume]";
        QTest::newRow("missing column price")
            << "date,index\n2026-10-01,GPU.H100.NC\n"
            << "prices.csv:1: header: missing required column \"price\"; " + columns;
        QTest::newRow("missing two columns")
            << "price\n2.35\n"
            << "prices.csv:1: header: missing required column \"date\"; " + columns + "\n"
                   + "prices.csv:1: header: missing required column \"index\"; " + columns;
        QTest::newRow("unknown column")
            << "date,index,price,currency\n"
            << "prices.csv:1: header: unknown column \"currency\"; " + columns;
        QTest::newRow("column twice") << "date,index,price,Price\n"
                                      << "prices.csv:1: header: column \"price\" appears twice";
        QTest::newRow("bad date") << "date,index,price\n2026/10/01,GPU.H100.NC,2.35\n"
                                  << "prices.csv:2: date: \"2026/10/01\" is not a date; expected "
                                     "YYYY-MM-DD";
        QTest::newRow("impossible date")
            << "date,index,price\n2026-02-30,GPU.H100.NC,2.35\n"
            << "prices.csv:2: date: \"2026-02-30\" is not a date; expected YYYY-MM-DD";
        QTest::newRow("negative price")
            << "date,index,price\n2026-10-01,GPU.H100.NC,-2.10\n"
            << "prices.csv:2: price: \"-2.10\" is negative; expected a price greater than zero";
        QTest::newRow("zero price")
            << "date,index,price\n2026-10-01,GPU.H100.NC,0\n"
            << "prices.csv:2: price: \"0\" is zero; expected a price greater than zero";
        QTest::newRow("non-numeric price")
            << "date,index,price\n2026-10-01,GPU.H100.NC,abc\n"
            << "prices.csv:2: price: \"abc\" is not a number; expected a decimal such as 2.35";
        QTest::newRow("trailing text in price")
            << "date,index,price\n2026-10-01,GPU.H100.NC,2.35$\n"
            << "prices.csv:2: price: \"2.35$\" is not a number; expected a decimal such as 2.35";
        QTest::newRow("infinite price")
            << "date,index,price\n2026-10-01,GPU.H100.NC,inf\n"
            << "prices.csv:2: price: \"inf\" is not a number; expected a decimal such as 2.35";
        QTest::newRow("unknown index")
            << "date,index,price\n2026-10-01,GPU.X999,2.35\n"
            << "prices.csv:2: index: \"GPU.X999\" is not a known index; expected one of "
               "GPU.A100.HS, GPU.A100.NC, GPU.H100.NC";
        QTest::newRow("duplicate rows without source")
            << "date,index,price\n2026-10-01,GPU.H100.NC,2.35\n2026-10-01,GPU.H100.NC,2.40\n"
            << "prices.csv:3: duplicate of line 2: GPU.H100.NC on 2026-10-01 (add a source "
               "column to combine several marketplaces)";
        QTest::newRow("duplicate rows of one source, three times")
            << "date,index,price,source\n2026-10-01,GPU.H100.NC,2.35,a\n"
               "2026-10-01,GPU.H100.NC,2.36,b\n2026-10-01,GPU.H100.NC,2.37,a\n"
               "2026-10-01,GPU.H100.NC,2.38,a\n"
            << "prices.csv:4: duplicate of line 2: GPU.H100.NC on 2026-10-01 from source \"a\"\n"
               "prices.csv:5: duplicate of line 2: GPU.H100.NC on 2026-10-01 from source \"a\"";
        QTest::newRow("empty file") << ""
                                    << "prices.csv: the file is empty; expected a header line "
                                       "date,index,price";
        QTest::newRow("only a BOM and blank lines")
            << "\xEF\xBB\xBF\r\n  \r\n\n"
            << "prices.csv: the file is empty; expected a header line date,index,price";
        QTest::newRow("too few fields")
            << "date,index,price\n2026-10-01,GPU.H100.NC\n"
            << "prices.csv:2: line has 2 fields; expected 3 as in the header (date,index,price)";
        QTest::newRow("too many fields, header order kept")
            << "index,date,price\nGPU.H100.NC,2026-10-01,2.35,x\n"
            << "prices.csv:2: line has 4 fields; expected 3 as in the header (index,date,price)";
        QTest::newRow("unterminated quote") << "date,index,price\n2026-10-01,\"GPU.H100.NC,2.35\n"
                                            << "prices.csv:2: a quoted field has no closing quote";
        QTest::newRow("text after quote")
            << "date,index,price\n2026-10-01,\"GPU.H100.NC\"x,2.35\n"
            << "prices.csv:2: text after the closing quote of a field; put the whole field in "
               "quotes";
        QTest::newRow("blank line inside")
            << "date,index,price\n2026-10-01,GPU.H100.NC,2.35\n\n2026-10-02,GPU.H100.NC,2.36\n"
            << "prices.csv:3: empty line; expected values for date,index,price";
        QTest::newRow("zero volume")
            << "date,index,price,volume\n2026-10-01,GPU.H100.NC,2.35,0\n"
            << "prices.csv:2: volume: \"0\" is zero; expected a volume greater than zero";
        QTest::newRow("negative volume")
            << "date,index,price,volume\n2026-10-01,GPU.H100.NC,2.35,-5\n"
            << "prices.csv:2: volume: \"-5\" is negative; expected a volume greater than zero";
        QTest::newRow("missing volume")
            << "date,index,price,volume\n2026-10-01,GPU.H100.NC,2.35,\n"
            << "prices.csv:2: volume: \"\" is not a number; expected a decimal such as 1200";
        QTest::newRow("several problems, sorted by line")
            << "date,index,price\n2026-10-01,GPU.H100.NC,2.35\n2026-10-01,GPU.H100.NC,2.36\n"
               "2026-13-01,GPU.Z,x\n"
            << "prices.csv:3: duplicate of line 2: GPU.H100.NC on 2026-10-01 (add a source "
               "column to combine several marketplaces)\n"
               "prices.csv:4: date: \"2026-13-01\" is not a date; expected YYYY-MM-DD\n"
               "prices.csv:4: index: \"GPU.Z\" is not a known index; expected one of "
               "GPU.A100.HS, GPU.A100.NC, GPU.H100.NC\n"
               "prices.csv:4: price: \"x\" is not a number; expected a decimal such as 2.35";
    }
    void malformed()
    {
        QFETCH(QString, csv);
        QFETCH(QString, expected);
        const auto r = parse(csv.toStdString());
        QCOMPARE(issueText(r.issues), expected);
        QVERIFY(r.hasErrors());
    }

    void headerOnlyIsAWarning()
    {
        const auto r = parse("date,index,price\n");
        QCOMPARE(issueText(r.issues),
                 QStringLiteral("prices.csv: warning: the file has a header but no price rows"));
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.value.rowsRead, std::size_t{0});
    }

    void bomCrlfQuotesAnyOrderAnyCase()
    {
        const std::string text = "\xEF\xBB\xBF"
                                 "Price, DATE ,Index,SOURCE\r\n"
                                 "\"2.35\",2026-10-01,\"GPU.H100.NC\",\"lambda \"\"east\"\"\"\r\n"
                                 " 2.45 ,2026-10-01,GPU.H100.NC,\"crusoe, us\"\r\n"
                                 "\r\n"
                                 "  \r\n";
        const auto r = parse(text);
        QCOMPARE(issueText(r.issues), QString());
        QCOMPARE(r.value.rowsRead, std::size_t{2});
        QCOMPARE(r.value.prices.size(), std::size_t{1});
        const auto& p = r.value.prices.front();
        QCOMPARE(p.indexId, std::string("GPU.H100.NC"));
        QCOMPARE(p.date, Date{2026y / October / 1d});
        QCOMPARE(p.method, Aggregation::Median);
        QCOMPARE(p.sourceRows, std::size_t{2});
        CH_COMPARE_NEAR(p.usd, 2.40, 1e-12);
    }

    void duplicateWithEscapedSourceNamesBothLines()
    {
        const auto r = parse("date,index,price,source\n"
                             "2026-10-01,GPU.H100.NC,2.35,\"a \"\"b\"\"\"\n"
                             "2026-10-01,GPU.H100.NC,2.36,\"a \"\"b\"\"\"\n");
        QCOMPARE(issueText(r.issues),
                 QStringLiteral("prices.csv:3: duplicate of line 2: GPU.H100.NC on 2026-10-01 "
                                "from source \"a \"b\"\""));
    }

    void aggregation_data()
    {
        QTest::addColumn<QString>("rows");
        QTest::addColumn<double>("expected");
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("sources");
        // Hand-computed: median of {2.0, 2.5, 3.0} is 2.5; of {2.0, 2.4, 2.8, 3.0} it is
        // (2.4 + 2.8) / 2 = 2.6; VWAP of 2.0 x 100 and 3.0 x 300 is (200 + 900) / 400 = 2.75.
        QTest::newRow("single row") << "date,index,price\n2026-10-01,GPU.H100.NC,2.35\n"
                                    << 2.35 << int(Aggregation::Single) << 1;
        QTest::newRow("median of three (odd)")
            << "date,index,price,source\n2026-10-01,GPU.H100.NC,3.0,a\n"
               "2026-10-01,GPU.H100.NC,2.0,b\n2026-10-01,GPU.H100.NC,2.5,c\n"
            << 2.5 << int(Aggregation::Median) << 3;
        QTest::newRow("median of four (even)")
            << "date,index,price,source\n2026-10-01,GPU.H100.NC,3.0,a\n"
               "2026-10-01,GPU.H100.NC,2.0,b\n2026-10-01,GPU.H100.NC,2.8,c\n"
               "2026-10-01,GPU.H100.NC,2.4,d\n"
            << 2.6 << int(Aggregation::Median) << 4;
        QTest::newRow("volume-weighted")
            << "source,volume,price,date,index\na,100,2.0,2026-10-01,GPU.H100.NC\n"
               "b,300,3.0,2026-10-01,GPU.H100.NC\n"
            << 2.75 << int(Aggregation::VolumeWeighted) << 2;
        QTest::newRow("volume-weighted, fractional volumes")
            << "date,index,price,source,volume\n2026-10-01,GPU.H100.NC,1.5,a,0.5\n"
               "2026-10-01,GPU.H100.NC,2.5,b,1.5\n2026-10-01,GPU.H100.NC,4.0,c,2\n"
            // (0.75 + 3.75 + 8.0) / 4.0 = 3.125
            << 3.125 << int(Aggregation::VolumeWeighted) << 3;
    }
    void aggregation()
    {
        QFETCH(QString, rows);
        QFETCH(double, expected);
        QFETCH(int, method);
        QFETCH(int, sources);
        const auto r = parse(rows.toStdString());
        QCOMPARE(issueText(r.issues), QString());
        QCOMPARE(r.value.prices.size(), std::size_t{1});
        CH_COMPARE_NEAR(r.value.prices[0].usd, expected, 1e-12);
        QCOMPARE(int(r.value.prices[0].method), method);
        QCOMPARE(r.value.prices[0].sourceRows, std::size_t(sources));
    }

    void outputSortedByIndexThenDate()
    {
        const auto r = parse("date,index,price\n2026-10-02,GPU.H100.NC,2.5\n"
                             "2026-10-01,GPU.H100.NC,2.4\n2026-10-03,GPU.A100.NC,1.5\n"
                             "2026-09-30,GPU.A100.NC,1.4\n");
        QCOMPARE(issueText(r.issues), QString());
        QCOMPARE(r.value.rowsRead, std::size_t{4});
        QCOMPARE(r.value.prices.size(), std::size_t{4});
        QCOMPARE(r.value.prices[0].indexId, std::string("GPU.A100.NC"));
        QCOMPARE(r.value.prices[0].date, Date{2026y / September / 30d});
        QCOMPARE(r.value.prices[1].date, Date{2026y / October / 3d});
        QCOMPARE(r.value.prices[2].indexId, std::string("GPU.H100.NC"));
        QCOMPARE(r.value.prices[2].date, Date{2026y / October / 1d});
        CH_COMPARE_NEAR(r.value.prices[3].usd, 2.5, 1e-12);
    }

    void goodRowsSurviveBadOnes()
    {
        const auto r = parse("date,index,price\n2026-10-01,GPU.H100.NC,2.4\n"
                             "2026-10-02,GPU.H100.NC,-1\n2026-10-03,GPU.H100.NC,2.6\n");
        QVERIFY(r.hasErrors());
        QCOMPARE(r.issues.size(), std::size_t{1});
        QCOMPARE(r.value.rowsRead, std::size_t{3});
        QCOMPARE(r.value.prices.size(), std::size_t{2});
    }

    void issueListIsCapped()
    {
        std::string text = "date,index,price\n";
        for (int i = 0; i < 1500; ++i)
            text += "2026-10-01,GPU.H100.NC,bad\n";
        const auto r = parse(text);
        QCOMPARE(r.issues.size(), std::size_t{1001});
        QCOMPARE(QString::fromStdString(r.issues.back().toString()),
                 QStringLiteral("prices.csv: 500 more problems not listed; fix the ones above "
                                "first"));
    }
};
CH_REGISTER_TEST(TestPriceCsv);

#include "tst_price_csv.moc"
