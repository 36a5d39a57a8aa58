#include "exposure/demo.h"
#include "exposure/helper_expansion.h"
#include "exposure/plan_csv.h"
#include "exposure/records_csv.h"
#include "exposure_fixtures.h"
#include "test_registry.h"

#include <QTest>

using namespace ch;
using namespace ch::exposure;
using namespace ch::test;
using namespace std::chrono;

namespace {

const Month kFirst = 2027y / January;

//! Awkward values on purpose: doubles without a short decimal form, names needing quotes, every
//! confidence class, a non-default index.
Plan awkwardPlan()
{
    std::vector<VolumeTriple> a;
    std::vector<VolumeTriple> b;
    for (int i = 0; i < 12; ++i) {
        const double x = (i + 1) / 3.0;
        a.emplace_back(x, x * 1.1, x * 1e7 + 0.1);
        b.emplace_back(0.1 + 0.2, 1e-300 + 0.5, 123456789.123456789 * (i + 1));
    }
    return Plan(kFirst,
                12,
                {PlanLine("h100",
                          "H100 training, \"phase 1\"",
                          Resource::gpu(GpuType::H100),
                          "GPU.H100.HS",
                          ConfidenceClass::HighlyProbable,
                          a),
                 PlanLine("mid.out",
                          "MID output",
                          Resource::tokens(ModelTier::Mid, TokenDirection::Output),
                          "TOK.MID.OUT",
                          ConfidenceClass::Possible,
                          b)});
}

//! The plan contracts.csv rows are checked against.
Plan contractPlan()
{
    return Plan(kFirst, 12)
        .withLine(manualLine("h100", "H100", Resource::gpu(GpuType::H100), 12, VolumeTriple()))
        .withLine(manualLine("mid.in",
                             "MID in",
                             Resource::tokens(ModelTier::Mid, TokenDirection::Input),
                             12,
                             VolumeTriple()));
}

const QString kPlanHeader = "line_id,name,resource,kind,index,month,low,base,high\n";
const QString kContractsHeader =
    "contract_id,line_id,resource,index,month,quantity,price_usd,counterparty,kind\n";
const QString kActualsHeader = "month,provider,resource,quantity,amount_usd\n";
const QString kResources = "H100, H200, B200, A100, L40S, FRONTIER.IN, FRONTIER.OUT, MID.IN, "
                           "MID.OUT, SMALL.IN, SMALL.OUT";

} // namespace

class TestPlanCsv : public QObject
{
    Q_OBJECT
private slots:
    void planRoundTripsLosslessly()
    {
        const Plan plan = awkwardPlan();
        const std::string text = writePlanCsv(plan);
        const auto parsed = parsePlanCsv(text, "plan.csv", kFirst, 12);
        QVERIFY2(parsed.issues.empty(), qPrintable(issueTexts(parsed.issues).join("\n")));
        QCOMPARE(parsed.value, plan);
        QCOMPARE(qs(writePlanCsv(parsed.value)), qs(text));
        QVERIFY(text.find("\"H100 training, \"\"phase 1\"\"\"") != std::string::npos);
    }

    void demoPlanRoundTripsAsManualLines()
    {
        const Plan demo = demoPlan(2026y / November);
        Plan manual = demo;
        for (const auto& h : demo.helpers())
            manual = convertHelperToManual(manual, helperId(h));
        const auto parsed = parsePlanCsv(writePlanCsv(demo), "plan.csv", 2026y / November, 36);
        QVERIFY(parsed.issues.empty());
        QCOMPARE(parsed.value, manual);
    }

    void bomCrlfAndColumnOrderAreAccepted()
    {
        const std::string lf = "line_id,resource,month,low,base,high\n"
                               "h100,H100,2027-02,1,2,3\n"
                               "h100,H100,2027-03,4,5,6\n";
        const std::string crlf = "\xEF\xBB\xBF"
                                 "HIGH , Base,low,Month,Resource,LINE_ID\r\n"
                                 "3,2,1,2027-02,H100,h100\r\n"
                                 "\r\n"
                                 "6,5,4,2027-03,H100,h100";
        const auto a = parsePlanCsv(lf, "plan.csv", kFirst, 12);
        const auto b = parsePlanCsv(crlf, "plan.csv", kFirst, 12);
        QVERIFY(a.issues.empty());
        QVERIFY(b.issues.empty());
        QCOMPARE(a.value, b.value);
        const PlanLine& line = a.value.lines().at(0);
        // Optional columns default: name = id, kind = forecast, index = the resource's.
        QCOMPARE(qs(line.name()), QStringLiteral("h100"));
        QVERIFY(line.confidence() == ConfidenceClass::Forecast);
        QCOMPARE(qs(line.indexId()), QStringLiteral("GPU.H100.NC"));
        QCOMPARE(line.cells()[1], VolumeTriple(1, 2, 3));
        QCOMPARE(line.cells()[0], VolumeTriple()); // months without a row are zero
    }

    void recordsRoundTripLosslessly()
    {
        const Month f = 2026y / November;
        const Plan plan = demoPlan(f);
        auto contracts = demoContracts(f);
        contracts.emplace_back("gappy",
                               "",
                               Resource::tokens(ModelTier::Small, TokenDirection::Output),
                               "TOK.SMALL.OUT",
                               ContractKind::CommittedUse,
                               "Acme, Inc. \"West\"",
                               UnitRate::fromMicros(Unit::MTok, 123'457),
                               f,
                               std::vector<double>{1.0 / 3.0, 0.0, 0.0, 7e9});
        const std::string text = writeContractsCsv(contracts);
        const auto parsed = parseContractsCsv(text, "contracts.csv", plan);
        QVERIFY2(parsed.issues.empty(), qPrintable(issueTexts(parsed.issues).join("\n")));
        QCOMPARE(parsed.value, contracts);
        QVERIFY(text.find(",0.123457,") != std::string::npos);

        std::vector<ActualBill> bills{
            ActualBill(2026y / July,
                       "Acme, \"east\"",
                       Resource::gpu(GpuType::H100),
                       Volume(Unit::GpuHour, 1.0 / 7.0),
                       Money(Currency::Usd, 123'456'789)),
            ActualBill(2026y / August,
                       "Lumen",
                       Resource::tokens(ModelTier::Frontier, TokenDirection::Output),
                       Volume(Unit::MTok, 12.5),
                       Money(Currency::Usd, 0))};
        const auto back = parseActualsCsv(writeActualsCsv(bills), "actuals.csv");
        QVERIFY(back.issues.empty());
        QCOMPARE(back.value, bills);
    }

    void malformedFilesGiveExactMessages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString expectedHeader =
            "expected the header line_id,name,resource,kind,index,month,low,base,high";
        QTest::newRow("plan: empty file")
            << "plan"
            << ""
            << QStringList{"plan.csv: the file is empty; expected a header line "
                           "line_id,name,resource,kind,index,month,low,base,high"};
        QTest::newRow("plan: only a BOM and blank lines")
            << "plan"
            << "\xEF\xBB\xBF\r\n\r\n"
            << QStringList{"plan.csv: the file is empty; expected a header line "
                           "line_id,name,resource,kind,index,month,low,base,high"};
        QTest::newRow("plan: missing column")
            << "plan"
            << "line_id,resource,month,low,high\nh100,H100,2027-02,1,2\n"
            << QStringList{"plan.csv:1: missing column \"base\"; " + expectedHeader};
        QTest::newRow("plan: repeated and unknown columns")
            << "plan"
            << "line_id,resource,month,low,base,high,base,notes\n"
            << QStringList{"plan.csv:1: column \"base\" appears twice",
                           "plan.csv:1: warning: column \"notes\" is not used and is ignored"};
        QTest::newRow("plan: field count")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,,2027-02,1,2\n"
            << QStringList{"plan.csv:2: the row has 8 fields; "
                           "expected 9 like the header"};
        QTest::newRow("plan: bad month")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,,2027-13,1,2,3\n"
            << QStringList{"plan.csv:2: month: \"2027-13\" is not a "
                           "month; expected YYYY-MM"};
        QTest::newRow("plan: month outside the plan")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,,2028-01,1,2,3\n"
            << QStringList{"plan.csv:2: month: \"2028-01\" is outside the plan; expected a month "
                           "from 2027-01 to 2027-12"};
        QTest::newRow("plan: negative")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,,2027-02,0,-5,3\n"
            << QStringList{"plan.csv:2: base: \"-5\" is negative; "
                           "expected a volume of zero or more"};
        QTest::newRow("plan: low above base")
            << "plan" << kPlanHeader + "h100,H100 training,H100,forecast,,2027-02,1200,1000,1500\n"
            << QStringList{"plan.csv:2: low: H100 training, 2027-02: low 1,200 is above base "
                           "1,000; expected low ≤ base ≤ high"};
        QTest::newRow("plan: non-numeric")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,,2027-02,1,2,1.2.3\n"
            << QStringList{"plan.csv:2: high: \"1.2.3\" is not a "
                           "number; expected a volume of zero or "
                           "more"};
        QTest::newRow("plan: unknown resource")
            << "plan" << kPlanHeader + "h300,H300,H300,forecast,,2027-02,1,2,3\n"
            << QStringList{"plan.csv:2: resource: \"H300\" is not a known resource; expected one "
                           "of "
                           + kResources};
        QTest::newRow("plan: unknown kind, bad id")
            << "plan" << kPlanHeader + "h 100,H100,H100,maybe,,2027-02,1,2,3\n"
            << QStringList{"plan.csv:2: line_id: \"h 100\" is not a valid id; expected 1-64 "
                           "characters of letters, digits, '.', '_' or '-'",
                           "plan.csv:2: kind: \"maybe\" is not a known kind; expected one of "
                           "committed, highly_probable, forecast, possible"};
        QTest::newRow("plan: unknown index")
            << "plan" << kPlanHeader + "h100,H100,H100,forecast,GPU.H100.XX,2027-02,1,2,3\n"
            << QStringList{"plan.csv:2: index: \"GPU.H100.XX\" is not a known index; expected "
                           "one of GPU.H100.NC, GPU.H100.HS"};
        QTest::newRow("plan: duplicate row")
            << "plan"
            << kPlanHeader + "h100,H100,H100,forecast,,2027-02,1,2,3\n"
                   + "h100,H100,H100,forecast,,2027-02,1,2,3\n"
            << QStringList{"plan.csv:3: month: line \"h100\" already has a row for 2027-02 on "
                           "line 2; expected one row per line and month"};
        QTest::newRow("plan: a line changes resource")
            << "plan"
            << kPlanHeader + "h100,H100,H100,forecast,,2027-02,1,2,3\n"
                   + "h100,H100,H200,forecast,,2027-03,1,2,3\n"
            << QStringList{"plan.csv:3: resource: \"H200\" differs from \"H100\" on line 2 for "
                           "line \"h100\"; expected the same resource on every row of a line",
                           "plan.csv:3: index: \"GPU.H200.NC\" differs from \"GPU.H100.NC\" on "
                           "line 2 for line \"h100\"; expected the same index on every row of a "
                           "line"};
        QTest::newRow("plan: unterminated quote")
            << "plan" << kPlanHeader + "h100,\"H100,H100,forecast,,2027-02,1,2,3\n"
            << QStringList{"plan.csv:2: a quoted field is not closed; expected a closing \" "
                           "before the end of the file"};

        QTest::newRow("contracts: unknown line")
            << "contracts" << kContractsHeader + "c1,nope,,,2027-02,100,2.35,Northwind,reserved\n"
            << QStringList{"contracts.csv:2: line_id: \"nope\" is not a line of the plan; "
                           "expected the id of a plan line, or an empty line_id with a resource "
                           "for pooled capacity"};
        QTest::newRow("contracts: pooled without resource")
            << "contracts" << kContractsHeader + "c1,,,,2027-02,100,2.35,Northwind,reserved\n"
            << QStringList{"contracts.csv:2: resource: the resource is empty; expected one of "
                           + kResources + " when line_id is empty"};
        QTest::newRow("contracts: resource and index differ from the line")
            << "contracts"
            << kContractsHeader + "c1,h100,H200,GPU.H100.HS,2027-02,100,2.35,N,reserved\n"
            << QStringList{"contracts.csv:2: resource: \"H200\" does not match line \"h100\", "
                           "which is H100",
                           "contracts.csv:2: index: \"GPU.H100.HS\" does not match line \"h100\", "
                           "which is priced on GPU.H100.NC"};
        QTest::newRow("contracts: price, quantity, counterparty, kind")
            << "contracts" << kContractsHeader + "c1,h100,,,2027-02,-5,2.1234567,,spot\n"
            << QStringList{
                   "contracts.csv:2: quantity: \"-5\" is negative; expected a quantity of zero or "
                   "more",
                   "contracts.csv:2: price_usd: \"2.1234567\" has more than 6 decimals; expected "
                   "USD per unit of zero or more with at most 6 decimals",
                   "contracts.csv:2: counterparty: the counterparty is empty; expected the "
                   "seller's name",
                   "contracts.csv:2: kind: \"spot\" is not a known kind; expected one of "
                   "reserved, committed_use, prepaid_tokens"};
        QTest::newRow("contracts: price differs between rows")
            << "contracts"
            << kContractsHeader + "c1,h100,,,2027-02,100,2.35,N,reserved\n"
                   + "c1,h100,,,2027-03,100,2.40,N,reserved\n"
            << QStringList{"contracts.csv:3: price_usd: \"2.40\" differs from \"2.35\" on line 2 "
                           "for contract \"c1\"; expected the same price_usd on every row of a "
                           "contract"};
        QTest::newRow("contracts: duplicate month")
            << "contracts"
            << kContractsHeader + "c1,h100,,,2027-02,100,2.35,N,reserved\n"
                   + "c1,h100,,,2027-02,100,2.350,N,reserved\n"
            << QStringList{"contracts.csv:3: month: contract \"c1\" already has a row for 2027-02 "
                           "on line 2; expected one row per contract and month"};
        QTest::newRow("contracts: missing column")
            << "contracts"
            << "contract_id,month,price_usd,counterparty,kind\n"
            << QStringList{"contracts.csv:1: missing column \"quantity\"; expected the header "
                           "contract_id,line_id,resource,index,month,quantity,price_usd,"
                           "counterparty,kind"};

        QTest::newRow("actuals: empty file")
            << "actuals"
            << ""
            << QStringList{"actuals.csv: the file is empty; expected a header line "
                           "month,provider,resource,quantity,amount_usd"};
        QTest::newRow("actuals: zero quantity, cents, provider")
            << "actuals" << kActualsHeader + "2026-07,,H100,0,12.345\n"
            << QStringList{"actuals.csv:2: provider: the provider is empty; expected the "
                           "provider's name",
                           "actuals.csv:2: quantity: \"0\" is zero; expected a quantity greater "
                           "than zero",
                           "actuals.csv:2: amount_usd: \"12.345\" has more than 2 decimals; "
                           "expected USD of zero or more with at most 2 decimals (cents)"};
        QTest::newRow("actuals: unknown resource, negative amount")
            << "actuals" << kActualsHeader + "2026-7,Acme,FRONTIER,5,-1\n"
            << QStringList{"actuals.csv:2: month: \"2026-7\" is not a month; expected YYYY-MM",
                           "actuals.csv:2: resource: \"FRONTIER\" is not a known resource; "
                           "expected one of "
                               + kResources,
                           "actuals.csv:2: amount_usd: \"-1\" is negative; expected USD of zero "
                           "or more with at most 2 decimals (cents)"};
        QTest::newRow("actuals: duplicate bill")
            << "actuals" << kActualsHeader + "2026-07,Acme,H100,5,10\n" + "2026-07,Acme,H100,6,12\n"
            << QStringList{"actuals.csv:3: resource: a bill for H100 from \"Acme\" in 2026-07 is "
                           "already on line 2; expected one row per month, provider and "
                           "resource"};
    }
    void malformedFilesGiveExactMessages()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const std::string t = text.toStdString();
        std::vector<Issue> issues;
        bool hasErrors = false;
        if (file == "plan") {
            const auto p = parsePlanCsv(t, "plan.csv", kFirst, 12, {"GPU.H100.NC", "GPU.H100.HS"});
            issues = p.issues;
            hasErrors = p.hasErrors();
        } else if (file == "contracts") {
            const auto p = parseContractsCsv(t, "contracts.csv", contractPlan());
            issues = p.issues;
            hasErrors = p.hasErrors();
        } else {
            const auto p = parseActualsCsv(t, "actuals.csv");
            issues = p.issues;
            hasErrors = p.hasErrors();
        }
        QCOMPARE(issueTexts(issues), expected);
        QVERIFY(hasErrors);
    }
};

CH_REGISTER_TEST(TestPlanCsv);
#include "tst_plan_csv.moc"
