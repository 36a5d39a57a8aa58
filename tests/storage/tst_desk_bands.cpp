// The desk's policy bands (storage/desk_bands.h) on the demo workspace: a contract month's band is
// Σ exposure × h* of the recommendation lines hedged with that contract, so the pre-trade ratio of
// a holding equals the recommendation's hedged ratio; months without exposure get exposure 0;
// months outside the buckets and contracts the policy does not trade get no band; and the
// pre-trade check through TradingRepository refuses a buy over the band and allows one toward it.

#include "compare.h"
#include "hedging/workspace_inputs.h"
#include "pricing/calendar.h"
#include "storage/desk_bands.h"
#include "storage/desk_market.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "test_registry.h"
#include "trading_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;
using namespace ch::trading;

namespace {

std::string percentText(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
    return buf;
}

//! "exposure min% max%" (exact for the round numbers used here), or "none".
QString bandText(const std::optional<HedgeBandInput>& b)
{
    if (!b)
        return QStringLiteral("none");
    return QStringLiteral("%1 %2% %3%")
        .arg(b->exposureUnits)
        .arg(b->minHedgeRatio * 100.0)
        .arg(b->maxHedgeRatio * 100.0);
}

} // namespace

class TestDeskBands : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::optional<DeskMarket> m_market;
    DeskBands m_bands;
    hedging::HedgeRecommendation m_rec; //!< computed directly, minimum-variance (the default)

    Month month(int tenor) const { return addMonths(pricing::valuationMonth(valuation()), tenor); }
    Date valuation() const { return m_market->valuationDate(); }

    //! A market order of the trader, not stored, created at 12:00 UTC of the valuation date.
    Order buy(const std::string& symbol, Month m, ContractCount qty)
    {
        OrderRequest r;
        r.symbol = symbol;
        r.deliveryMonth = m;
        r.side = Side::Buy;
        r.quantity = qty;
        r.type = OrderType::Market;
        r.timeInForce = TimeInForce::Day;
        const auto reference = m_market->referencePriceMicros(symbol, m);
        const Timestamp at{std::chrono::sys_days{valuation()}.time_since_epoch()
                           + std::chrono::hours{12}};
        const User trader = *UserRepository(*m_ws).findByLogin("trader");
        return Order::draft(
            OrderId{1000}, r, m_market->spec(symbol), reference.value_or(0), trader.id, at);
    }

    PreTradeReport checks(const Order& o)
    {
        return TradingRepository(*m_ws).preTradeChecks(
            o,
            m_market->spec(o.symbol()),
            m_market->preTradeInputs(o.symbol(), o.deliveryMonth(), m_bands.source()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws.emplace(Workspace::createDemo(pathOf(m_dir.filePath("demo.chw"))));
        m_market.emplace(MarketDataRepository(*m_ws).loadAll());
        std::vector<Issue> issues;
        m_bands = planDeskBands(*m_ws, *m_market, issues);
        QVERIFY2(issues.empty(), issues.empty() ? "" : issues.front().toString().c_str());

        std::vector<Issue> sourceIssues;
        const risk::RiskSources sources =
            loadRiskSources(*m_ws, m_market->data(), m_market->snapshot(), sourceIssues);
        const auto policies = HedgeRepository(*m_ws).currentPolicies();
        QCOMPARE(policies.size(), std::size_t{1});
        const auto built = hedging::buildHedgeInputs(sources, policies.front(), {});
        QVERIFY(built.ok());
        m_rec = hedging::recommendHedge(built.inputs);
    }
    void cleanupTestCase()
    {
        m_market.reset();
        m_ws.reset();
    }

    void bandIsExposureTimesHedgeRatio()
    {
        // CHG.H100 two months out (bucket 0–3 months, 60–90%) hedges the H100 neocloud exposure
        // on its own index and the H200 exposure as a cross hedge: two lines, two h*.
        const Month dec = month(2);
        QCOMPARE(formatIsoMonth(dec), std::string("2026-12"));
        double exposureTimesH = 0.0;
        double contractUnits = 0.0;
        std::vector<std::string> indices;
        for (const auto& line : m_rec.lines) {
            if (!line.instrument || line.symbol != "CHG.H100" || line.month != dec)
                continue;
            indices.push_back(line.exposureIndexId);
            exposureTimesH += line.exposureUnits * line.hedgeRatio;
            // hedgedRatio = contracts × units / h* / exposure (no other positions given).
            contractUnits += line.hedgedRatio * line.exposureUnits * line.hedgeRatio;
            CH_COMPARE_NEAR(line.hedgedRatio * line.exposureUnits * line.hedgeRatio,
                            static_cast<double>(line.contracts) * 730.0,
                            1e-9 * static_cast<double>(line.contracts) * 730.0);
        }
        QCOMPARE(indices, (std::vector<std::string>{"GPU.H100.NC", "GPU.H200.NC"}));

        const auto band = m_bands.band("CHG.H100", dec);
        QVERIFY(band.has_value());
        CH_COMPARE_NEAR(band->exposureUnits, exposureTimesH, 1e-9 * exposureTimesH);
        QCOMPARE(band->minHedgeRatio, 0.60);
        QCOMPARE(band->maxHedgeRatio, 0.90);
        // The check's ratio of the recommended holding (contracts × 730 / band exposure) is the
        // exposure×h*-weighted hedged ratio of the lines, inside the band.
        const double checkRatio = contractUnits / band->exposureUnits;
        QVERIFY2(checkRatio >= 0.60 && checkRatio <= 0.90, qPrintable(QString::number(checkRatio)));
        QCOMPARE(m_bands.policyLabel(), std::string(kDemoPolicyName) + " v1");
    }

    void monthsWithoutExposure()
    {
        // The demo plan's B200 exposure starts in 2027-05: CHG.B200 hedges nothing in 2026-12
        // (bucket 0–3, 60–90%) or 2027-11 (bucket 13–36, 0–40%), so only a flat position fits.
        for (const auto& line : m_rec.lines)
            QVERIFY(line.symbol != "CHG.B200"
                    || (line.month != month(2) && line.month != month(13)));
        QCOMPARE(bandText(m_bands.band("CHG.B200", month(2))), QStringLiteral("0 60% 90%"));
        QCOMPARE(bandText(m_bands.band("CHG.B200", month(13))), QStringLiteral("0 0% 40%"));
        // Outside every bucket (37 months out), and a contract the policy does not trade.
        QCOMPARE(bandText(m_bands.band("CHG.H100", month(37))), QStringLiteral("none"));
        QCOMPARE(bandText(m_bands.band("CHI.H100", month(2))), QStringLiteral("none"));
        QVERIFY(m_bands.symbols().contains("CHG.B200"));
        QVERIFY(!m_bands.symbols().contains("CHI.H100"));

        // The demo holds 10 CHG.B200 2026-12: adding to it is refused.
        const PreTradeReport report = checks(buy("CHG.B200", month(2), 5));
        const PreTradeFinding* f = report.find(PreTradeCheck::PolicyBand);
        QVERIFY(f != nullptr);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(f->message,
                 std::string("no 2026-12 exposure to hedge, yet the position would be 15 "
                             "contracts after the trade"));
    }

    void overBandBuyIsRefusedTowardBandIsAllowed()
    {
        const Month dec = month(2);
        const HedgeBandInput band = *m_bands.band("CHG.H100", dec);
        const double units = 730.0;
        const ContractCount held = 15; // the demo's net 2026-12 position
        // The largest position within 90%, and one contract more.
        const auto maxPosition =
            static_cast<ContractCount>(std::floor(0.90 * band.exposureUnits / units));

        const PreTradeReport over = checks(buy("CHG.H100", dec, maxPosition - held + 1));
        QVERIFY(!over.passed());
        const PreTradeFinding* f = over.find(PreTradeCheck::PolicyBand);
        QVERIFY(f != nullptr);
        QCOMPARE(f->severity, Severity::Error);
        QCOMPARE(
            f->message,
            "hedge ratio after the trade would be "
                + percentText(static_cast<double>(maxPosition + 1) * units / band.exposureUnits)
                + " of the 2026-12 exposure, above the policy band 60.0% to 90.0%");
        // Only the band refuses it: the demo's limits (2,000 a month, 5,000,000 USD) admit it.
        QCOMPARE(over.errorSummary(), f->message);

        // Up to the band's maximum: no band finding at all.
        const PreTradeReport atMax = checks(buy("CHG.H100", dec, maxPosition - held));
        QVERIFY(atMax.passed());
        QVERIFY(atMax.find(PreTradeCheck::PolicyBand) == nullptr);

        // From 15 contracts (below 60%), 10 more moves toward the band: a warning.
        const PreTradeReport toward = checks(buy("CHG.H100", dec, 10));
        QVERIFY(toward.passed());
        f = toward.find(PreTradeCheck::PolicyBand);
        QVERIFY(f != nullptr);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(f->message,
                 "hedge ratio after the trade would be "
                     + percentText(25.0 * units / band.exposureUnits)
                     + " of the 2026-12 exposure, below the policy band 60.0% to 90.0% (moves "
                       "toward it from "
                     + percentText(15.0 * units / band.exposureUnits) + ")");
    }

    void withoutPolicyOrPlanNoBandIsKnown()
    {
        QTemporaryDir dir;
        Workspace ws = Workspace::create(pathOf(dir.filePath("empty.chw")));
        std::vector<Issue> issues;
        DeskBands bands = planDeskBands(ws, *m_market, issues);
        QCOMPARE(bandText(bands.band("CHG.H100", month(2))), QStringLiteral("none"));
        QCOMPARE(issues,
                 (std::vector<Issue>{{"policy band",
                                      0,
                                      {},
                                      Severity::Warning,
                                      "the hedge ratio is not checked before trades: the "
                                      "workspace stores no hedge policy"}}));

        const Timestamp at = ts("2026-10-30T09:00:00Z");
        const auto saved =
            HedgeRepository(ws).savePolicyVersion(hedging::defaultPolicy("admin", at), "admin", at);
        QVERIFY(!saved.hasErrors());
        issues.clear();
        bands = planDeskBands(ws, *m_market, issues);
        QCOMPARE(bandText(bands.band("CHG.H100", month(2))), QStringLiteral("none"));
        QCOMPARE(issues,
                 (std::vector<Issue>{{"policy band",
                                      0,
                                      {},
                                      Severity::Warning,
                                      "the hedge ratio is not checked before trades: the "
                                      "workspace has no plan exposure"}}));
        // A source without bands leaves the check to TradingRepository's warning.
        QCOMPARE(bandText(bands.source()("CHG.H100", month(2))), QStringLiteral("none"));
    }
};

CH_REGISTER_TEST(TestDeskBands);
#include "tst_desk_bands.moc"
