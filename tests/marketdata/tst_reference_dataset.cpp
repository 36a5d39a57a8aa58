#include "compare.h"
#include "marketdata/reference_dataset.h"
#include "marketdata/series_statistics.h"
#include "marketdata/token_prices.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace ch;
using namespace ch::marketdata;
using namespace std::chrono;

namespace {

double priceOn(const MarketDataSet& data, const std::string& id, Date d)
{
    const auto* s = data.findSeries(id);
    if (!s)
        return std::nan("");
    const auto p = s->lastOnOrBefore(d);
    return p && p->date == d ? p->usd : std::nan("");
}

Date nextDay(Date d)
{
    return Date{sys_days{d} + days{1}};
}

//! Correlation of weekday log returns of two series on [from, to], on their common days.
double returnCorrelation(const PriceSeries& a, const PriceSeries& b, Date from, Date to)
{
    std::vector<double> x;
    std::vector<double> y;
    double pa = 0.0;
    double pb = 0.0;
    for (Date d = from; d <= to; d = nextDay(d)) {
        if (!isWeekday(d))
            continue;
        const auto va = a.lastOnOrBefore(d);
        const auto vb = b.lastOnOrBefore(d);
        if (!va || !vb || va->date != d || vb->date != d)
            continue;
        if (pa > 0.0) {
            x.push_back(std::log(va->usd / pa));
            y.push_back(std::log(vb->usd / pb));
        }
        pa = va->usd;
        pb = vb->usd;
    }
    const auto n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

bool sameDataset(const MarketDataSet& a, const MarketDataSet& b)
{
    return a.info == b.info && a.indices == b.indices && a.series == b.series
           && a.contracts == b.contracts && a.events == b.events;
}

} // namespace

class TestReferenceDataset : public QObject
{
    Q_OBJECT
    MarketDataSet m_data;

private slots:
    void initTestCase() { m_data = generateReferenceDataset(); }

    void datasetInfo()
    {
        QCOMPARE(m_data.info.version, std::string("2026.10"));
        QCOMPARE(m_data.info.valuationDate, Date{2026y / October / 30d});
        QCOMPARE(m_data.info.seed, std::uint64_t{20261030});
        QCOMPARE(m_data.info.disclaimer,
                 std::string("ComputeHedge Calibrated Reference Dataset v2026.10. Synthetic "
                             "history calibrated to public price levels and statistics cited in "
                             "the dataset manifest. Not live quotes, not any vendor's index, not "
                             "valid for settlement or valuation of real positions."));
    }

    void indicesAndStartDates_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("first");
        QTest::newRow("H100 NC") << "GPU.H100.NC"
                                 << "2023-01-02";
        QTest::newRow("H100 HS") << "GPU.H100.HS"
                                 << "2023-01-02";
        QTest::newRow("H100 TX") << "GPU.H100.TX"
                                 << "2024-06-01";
        QTest::newRow("H200 NC") << "GPU.H200.NC"
                                 << "2024-06-03";
        QTest::newRow("B200 NC") << "GPU.B200.NC"
                                 << "2025-02-04";
        QTest::newRow("A100 NC") << "GPU.A100.NC"
                                 << "2023-01-02";
        QTest::newRow("A100 HS") << "GPU.A100.HS"
                                 << "2023-01-02";
        QTest::newRow("L40S NC") << "GPU.L40S.NC"
                                 << "2023-06-01";
        QTest::newRow("frontier, GPT-4") << "TOK.FRONTIER.BLEND"
                                         << "2023-03-14";
        QTest::newRow("mid, ChatGPT API") << "TOK.MID.IN"
                                          << "2023-03-01";
        QTest::newRow("small, Claude 3 Haiku") << "TOK.SMALL.OUT"
                                               << "2024-03-13";
    }
    void indicesAndStartDates()
    {
        QFETCH(QString, id);
        QFETCH(QString, first);
        const auto* def = m_data.findIndex(id.toStdString());
        QVERIFY(def);
        QCOMPARE(QString::fromStdString(formatIsoDate(def->firstDate)), first);
        QCOMPARE(m_data.indices.size(), std::size_t{17});
        QCOMPARE(m_data.series.size(), m_data.indices.size());
    }

    //! Every day from the first date to the valuation date, every price > 0 with 4 decimals.
    void positiveAndNoGaps()
    {
        for (std::size_t i = 0; i < m_data.indices.size(); ++i) {
            const auto& def = m_data.indices[i];
            const auto& s = m_data.series[i];
            QCOMPARE(s.indexId, def.id);
            QCOMPARE(s.points.front().date, def.firstDate);
            QCOMPARE(s.points.back().date, m_data.info.valuationDate);
            const auto expectedDays =
                daysSinceEpoch(m_data.info.valuationDate) - daysSinceEpoch(def.firstDate) + 1;
            QCOMPARE(static_cast<long long>(s.points.size()), expectedDays);
            Date expected = def.firstDate;
            for (const auto& p : s.points) {
                QCOMPARE(p.date, expected);
                QVERIFY2(p.usd > 0.0, def.id.c_str());
                CH_COMPARE_NEAR(p.usd * 1e4, std::round(p.usd * 1e4), 1e-6);
                expected = nextDay(expected);
            }
        }
    }

    void anchorsWithinTolerance()
    {
        const auto anchors = referenceAnchors();
        QCOMPARE(anchors.size(), std::size_t{25});
        for (const auto& a : anchors) {
            const double v = priceOn(m_data, a.indexId, a.date);
            const auto what = a.indexId + " on " + formatIsoDate(a.date);
            QVERIFY2(std::fabs(v - a.usd) <= a.tolerance + 1e-9,
                     (what + " = " + std::to_string(v)).c_str());
            QVERIFY2(a.sourceUrl.rfind("https://", 0) == 0, what.c_str());
        }
    }

    //! The anchors pin the path whatever the seed (Brownian bridges in log space).
    void anchorsHoldForAnotherSeed()
    {
        GeneratorConfig config;
        config.seed = 7;
        const auto other = generateReferenceDataset(config);
        QVERIFY(other.series.front().points != m_data.series.front().points);
        for (const auto& a : referenceAnchors())
            QVERIFY(std::fabs(priceOn(other, a.indexId, a.date) - a.usd) <= a.tolerance + 1e-9);
    }

    // Targets from shared/reference/market.md §2.1/§3.3 (Silicon Data's realised statistics to
    // 2026-08-14), written out here rather than read from referenceStatisticTargets() so that the
    // test does not move with the code.
    void statistics_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("tolerance");
        const QString f = "2024-09-01", t = "2026-08-14", b = "2025-02-04";
        QTest::newRow("H100 vol 26%") << "GPU.H100.NC" << f << t << "vol" << 0.26 << 0.03;
        QTest::newRow("H100 drawdown -45%") << "GPU.H100.NC" << f << t << "dd" << -0.45 << 0.05;
        QTest::newRow("H100 run-up +50%") << "GPU.H100.NC" << f << t << "ru" << 0.50 << 0.05;
        QTest::newRow("B200 vol 30%") << "GPU.B200.NC" << b << t << "vol" << 0.30 << 0.03;
        QTest::newRow("B200 drawdown -20%") << "GPU.B200.NC" << b << t << "dd" << -0.20 << 0.05;
        QTest::newRow("B200 run-up +42%") << "GPU.B200.NC" << b << t << "ru" << 0.42 << 0.05;
        QTest::newRow("B200 calm August 2026, 7.1%") << "GPU.B200.NC"
                                                     << "2026-08-01"
                                                     << "2026-08-31"
                                                     << "vol" << 0.071 << 0.03;
        QTest::newRow("A100 vol 15%") << "GPU.A100.NC" << f << t << "vol" << 0.15 << 0.03;
        QTest::newRow("A100 drawdown -27%") << "GPU.A100.NC" << f << t << "dd" << -0.27 << 0.05;
        QTest::newRow("H200 vol ~25% [U]") << "GPU.H200.NC" << f << t << "vol" << 0.25 << 0.05;
        QTest::newRow("L40S vol ~15% [U]") << "GPU.L40S.NC" << f << t << "vol" << 0.15 << 0.05;
    }
    void statistics()
    {
        QFETCH(QString, id);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, statistic);
        QFETCH(double, target);
        QFETCH(double, tolerance);
        const auto* s = m_data.findSeries(id.toStdString());
        QVERIFY(s);
        const auto st = computeReturnStatistics(
            *s, *parseIsoDate(from.toStdString()), *parseIsoDate(to.toStdString()));
        const double v = statistic == "vol"  ? st.annualVol
                         : statistic == "dd" ? st.maxDrawdown
                                             : st.maxRunUp;
        qInfo("%s %s %s..%s: %.1f%% (target %.1f%% +- %.0fpp)",
              qPrintable(id),
              qPrintable(statistic),
              qPrintable(from),
              qPrintable(to),
              v * 100.0,
              target * 100.0,
              tolerance * 100.0);
        CH_COMPARE_NEAR(v, target, tolerance);
    }

    void statisticsTargetsMatchMarketMd()
    {
        // The README and manifest print referenceStatisticTargets(); they must be the same
        // numbers as the table in statistics_data().
        const auto targets = referenceStatisticTargets();
        QCOMPARE(targets.size(), std::size_t{11});
        QCOMPARE(targets[0].indexId, std::string("GPU.H100.NC"));
        CH_COMPARE_NEAR(targets[0].target, 0.26, 0);
        CH_COMPARE_NEAR(targets[1].target, -0.45, 0);
        CH_COMPARE_NEAR(targets[5].target, 0.42, 0);
    }

    //! B200 > H200 > H100 > A100 once each exists; L40S < H100.
    void orderings()
    {
        const std::vector<std::pair<std::string, std::string>> pairs = {
            {"GPU.B200.NC", "GPU.H200.NC"},
            {"GPU.H200.NC", "GPU.H100.NC"},
            {"GPU.H100.NC", "GPU.A100.NC"},
            {"GPU.H100.NC", "GPU.L40S.NC"},
        };
        for (const auto& [hi, lo] : pairs) {
            int days = 0;
            for (const auto& p : m_data.findSeries(hi)->points) {
                const double other = priceOn(m_data, lo, p.date);
                if (std::isnan(other))
                    continue;
                ++days;
                QVERIFY2(p.usd > other,
                         (hi + " " + std::to_string(p.usd) + " <= " + lo + " "
                          + std::to_string(other) + " on " + formatIsoDate(p.date))
                             .c_str());
            }
            QVERIFY(days > 600);
        }
    }

    void hyperscalerToNeocloudRatio()
    {
        double lo = 1e9, hi = 0;
        for (Date d = 2024y / January / 1d; d <= m_data.info.valuationDate; d = nextDay(d)) {
            const double r = priceOn(m_data, "GPU.H100.HS", d) / priceOn(m_data, "GPU.H100.NC", d);
            lo = std::min(lo, r);
            hi = std::max(hi, r);
            QVERIFY2(r >= 2.2 && r <= 4.0, (formatIsoDate(d) + " " + std::to_string(r)).c_str());
        }
        qInfo("H100 HS/NC ratio from 2024: %.3f to %.3f", lo, hi);
    }

    void scheduledMoves()
    {
        // AWS P5 cut of ~44% in June 2025 (market.md §2.1): a one-day step in the HS series.
        const double cut = priceOn(m_data, "GPU.H100.HS", 2025y / June / 1d)
                           / priceOn(m_data, "GPU.H100.HS", 2025y / May / 31d);
        CH_COMPARE_NEAR(cut, 0.56, 0.03);
        // B200 +24% in March 2026.
        const double march = priceOn(m_data, "GPU.B200.NC", 2026y / March / 31d)
                             / priceOn(m_data, "GPU.B200.NC", 2026y / February / 28d);
        CH_COMPARE_NEAR(march, 1.24, 0.03);
        // H100 +10% from December 2025 to January 2026 (monthly averages).
        auto monthMean = [&](const char* id, Month m) {
            double sum = 0;
            for (Date d = firstDay(m); d <= lastDay(m); d = nextDay(d))
                sum += priceOn(m_data, id, d);
            return sum / daysInMonth(m);
        };
        const double h100 =
            monthMean("GPU.H100.NC", 2026y / January) / monthMean("GPU.H100.NC", 2025y / December);
        CH_COMPARE_NEAR(h100, 1.10, 0.05);
    }

    void transactionIndexIsPartlyCorrelated()
    {
        const double rho = returnCorrelation(*m_data.findSeries("GPU.H100.TX"),
                                             *m_data.findSeries("GPU.H100.NC"),
                                             2024y / September / 1d,
                                             2026y / August / 14d);
        qInfo("correlation of daily returns, H100 TX vs NC: %.2f", rho);
        QVERIFY(rho > 0.4 && rho < 0.9);
    }

    //! Token indices change only on dated price events; blended = (3 in + out) / 4.
    void tokensAreStepFunctions()
    {
        std::set<Date> eventDates;
        for (const auto& e : referenceTokenPriceEvents())
            eventDates.insert(e.date);
        for (const char* tier : {"FRONTIER", "MID", "SMALL"}) {
            const std::string p = std::string("TOK.") + tier + ".";
            const auto& in = m_data.findSeries(p + "IN")->points;
            const auto& out = m_data.findSeries(p + "OUT")->points;
            const auto& blend = m_data.findSeries(p + "BLEND")->points;
            QCOMPARE(in.size(), blend.size());
            QCOMPARE(out.size(), blend.size());
            for (std::size_t i = 0; i < in.size(); ++i) {
                CH_COMPARE_NEAR(blend[i].usd, (3.0 * in[i].usd + out[i].usd) / 4.0, 0.5e-4 + 1e-12);
                if (i > 0 && (in[i].usd != in[i - 1].usd || out[i].usd != out[i - 1].usd))
                    QVERIFY2(eventDates.count(in[i].date),
                             (p + " changes on " + formatIsoDate(in[i].date)).c_str());
            }
        }
    }

    void tokenTierMedians_data()
    {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("date");
        QTest::addColumn<double>("in");
        QTest::addColumn<double>("out");
        // Hand-computed medians of the models current in each vendor slot (market.md §2.2).
        QTest::newRow("GPT-4 alone") << "FRONTIER"
                                     << "2023-03-14" << 30.0 << 60.0;
        QTest::newRow("GPT-4 Turbo, Claude 3 Opus: mean of two") << "FRONTIER"
                                                                 << "2024-03-04" << 12.5 << 52.5;
        QTest::newRow("4o-0806, Opus, o1: {2.5,15,15} {10,75,60}") << "FRONTIER"
                                                                   << "2024-12-17" << 15.0 << 60.0;
        QTest::newRow("after the o3 cut: {2,15,2} {8,75,8}") << "FRONTIER"
                                                             << "2025-06-10" << 2.0 << 8.0;
        QTest::newRow("GPT-5, Opus 4.5, o3: {1.25,5,2} {10,25,8}") << "FRONTIER"
                                                                   << "2026-10-30" << 2.0 << 10.0;
        QTest::newRow("gpt-3.5-turbo launch") << "MID"
                                              << "2023-03-01" << 2.0 << 2.0;
        QTest::newRow("3.5-turbo-0125, Claude 3.5 Sonnet") << "MID"
                                                           << "2024-06-20" << 1.75 << 8.25;
        QTest::newRow("GPT-5 mini, Sonnet") << "MID"
                                            << "2025-08-07" << 1.625 << 8.5;
        QTest::newRow("Haiku, 4o mini") << "SMALL"
                                        << "2024-07-18" << 0.2 << 0.925;
        QTest::newRow("Haiku, 4o mini, Llama 3.2 3B") << "SMALL"
                                                      << "2024-11-12" << 0.15 << 0.6;
        QTest::newRow("Haiku 4.5, GPT-5 nano, Llama") << "SMALL"
                                                      << "2026-10-30" << 0.06 << 0.4;
    }
    void tokenTierMedians()
    {
        QFETCH(QString, tier);
        QFETCH(QString, date);
        QFETCH(double, in);
        QFETCH(double, out);
        const auto d = *parseIsoDate(date.toStdString());
        const std::string p = "TOK." + tier.toStdString() + ".";
        CH_COMPARE_NEAR(priceOn(m_data, p + "IN", d), in, 1e-12);
        CH_COMPARE_NEAR(priceOn(m_data, p + "OUT", d), out, 1e-12);
    }

    void contracts()
    {
        QCOMPARE(m_data.contracts.size(), std::size_t{7});
        for (const char* symbol : {"CHG.H100", "CHG.B200", "CHG.A100"}) {
            const auto* c = m_data.findContract(symbol);
            QVERIFY(c);
            QCOMPARE(c->style, ExchangeStyle::CmeStyle);
            QCOMPARE(c->unitsPerContract, std::int64_t{730});
            QCOMPARE(c->tickMicros, std::int64_t{10'000});
            QCOMPARE(c->monthsListed, 36);
            QCOMPARE(c->settlement,
                     std::string("Arithmetic mean of the daily index over the contract month's "
                                 "US business days"));
            QCOMPARE(c->lastTrading, std::string("Last business day of the contract month"));
            CH_COMPARE_NEAR(c->initialMarginFraction, 0.175, 0);
            QCOMPARE(c->feePerSideCents, std::int64_t{800});
            QVERIFY(c->name.find("simulated") != std::string::npos);
        }
        QCOMPARE(m_data.findContract("CHG.H100")->underlyingIndex, std::string("GPU.H100.NC"));
        QCOMPARE(m_data.findContract("CHG.B200")->underlyingIndex, std::string("GPU.B200.NC"));
        QCOMPARE(m_data.findContract("CHG.A100")->underlyingIndex, std::string("GPU.A100.NC"));
        const auto* ice = m_data.findContract("CHI.H100");
        QVERIFY(ice);
        QCOMPARE(ice->style, ExchangeStyle::IceStyle);
        QCOMPARE(ice->underlyingIndex, std::string("GPU.H100.TX"));
        QCOMPARE(ice->unitsPerContract, std::int64_t{1'000});
        QCOMPARE(ice->tickMicros, std::int64_t{5'000});
        QCOMPARE(ice->monthsListed, 24);
        for (const char* tier : {"FRONTIER", "MID", "SMALL"}) {
            const auto* c = m_data.findContract(std::string("CHT.") + tier);
            QVERIFY(c);
            QCOMPARE(c->style, ExchangeStyle::ShfeStyle);
            QCOMPARE(c->underlyingIndex, std::string("TOK.") + tier + ".BLEND");
            QCOMPARE(c->unit, Unit::MTok);
            QCOMPARE(c->unitsPerContract, std::int64_t{1'000});
            QCOMPARE(c->tickMicros, std::int64_t{10'000});
            QCOMPARE(c->monthsListed, 12);
            CH_COMPARE_NEAR(c->initialMarginFraction, 0.25, 0);
        }
        for (const auto& c : m_data.contracts) {
            QVERIFY(c.underlyingIndex != "GPU.H200.NC" && c.underlyingIndex != "GPU.L40S.NC");
            QCOMPARE(m_data.findIndex(c.underlyingIndex)->unit, c.unit);
        }
    }

    void eventsHaveSources()
    {
        QVERIFY(m_data.events.size() >= 30);
        for (std::size_t i = 0; i < m_data.events.size(); ++i) {
            const auto& e = m_data.events[i];
            QVERIFY(e.sourceUrl.rfind("http", 0) == 0);
            QVERIFY(!e.description.empty());
            QVERIFY(e.indexId.empty() || m_data.findIndex(e.indexId));
            QVERIFY(e.date <= m_data.info.valuationDate);
            if (i > 0)
                QVERIFY(m_data.events[i - 1].date <= e.date);
        }
    }

    void deterministic() { QVERIFY(sameDataset(generateReferenceDataset(), m_data)); }

    void earlierValuationDateTruncatesTheSameHistory()
    {
        GeneratorConfig config;
        config.valuationDate = 2026y / June / 30d;
        const auto early = generateReferenceDataset(config);
        QCOMPARE(early.info.valuationDate, config.valuationDate);
        const auto& a = early.findSeries("GPU.H100.NC")->points;
        QCOMPARE(a.back().date, config.valuationDate);
        const auto full =
            m_data.findSeries("GPU.H100.NC")->slice(std::nullopt, config.valuationDate);
        QCOMPARE(a, full.points);
        QVERIFY(early.findContract("CHG.H100"));
        for (const auto& e : early.events)
            QVERIFY(e.date <= config.valuationDate);
    }
};
CH_REGISTER_TEST(TestReferenceDataset);

#include "tst_reference_dataset.moc"
