#include "compare.h"
#include "domain/error.h"
#include "pricing/black76.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>

using namespace ch;
using namespace ch::pricing;

Q_DECLARE_METATYPE(ch::pricing::OptionType)

namespace {

Black76Inputs inputs(OptionType type, double f, double k, double vol, double t, double r)
{
    return {type, f, k, vol, t, r};
}

template <class F>
void expectError(F&& f, const std::string& message)
{
    try {
        f();
        QFAIL("expected ch::Error");
    } catch (const Error& e) {
        QCOMPARE(std::string(e.what()), message);
    }
}

} // namespace

class TestBlack76 : public QObject
{
    Q_OBJECT
private slots:
    void haugExample()
    {
        // Haug (2007), "The Complete Guide to Option Pricing Formulas", 2nd ed., ch. 1,
        // Black-76 example: F = K = 19, T = 0.75, r = 10%, σ = 28% gives 1.7011; at the money
        // forward, call = put. Hand check: d1 = 0.0294/0.242487 = 0.121243, e^{−0.075}·19·(2N(d1) −
        // 1).
        const auto call = black76Price(inputs(OptionType::Call, 19, 19, 0.28, 0.75, 0.10));
        const auto put = black76Price(inputs(OptionType::Put, 19, 19, 0.28, 0.75, 0.10));
        CH_COMPARE_NEAR(call, 1.7011, 5e-5);
        CH_COMPARE_NEAR(put, 1.7011, 5e-5);
        CH_COMPARE_NEAR(call, put, 1e-14);
    }

    void putCallParity()
    {
        // C − P = e^{−rT} (F − K) for every input.
        for (double f : {0.5, 2.81, 100.0})
            for (double kRatio : {0.5, 0.9, 1.0, 1.1, 2.0})
                for (double vol : {0.01, 0.26, 1.5})
                    for (double t : {1.0 / 365.0, 0.5, 3.0})
                        for (double r : {-0.01, 0.0, 0.05}) {
                            const double k = f * kRatio;
                            const double c =
                                black76Price(inputs(OptionType::Call, f, k, vol, t, r));
                            const double p = black76Price(inputs(OptionType::Put, f, k, vol, t, r));
                            CH_COMPARE_NEAR(c - p, std::exp(-r * t) * (f - k), 1e-10 * f);
                        }
    }

    void limits()
    {
        const double df = std::exp(-0.05 * 0.5);
        // Zero vol: the discounted intrinsic value.
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Call, 3.0, 2.5, 0.0, 0.5, 0.05)), df * 0.5, 1e-15);
        QCOMPARE(black76Price(inputs(OptionType::Put, 3.0, 2.5, 0.0, 0.5, 0.05)), 0.0);
        // Expiry now: undiscounted intrinsic.
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Put, 2.0, 2.5, 0.3, 0.0, 0.05)), 0.5, 1e-15);
        // Vanishing vol converges to the limit.
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Call, 3.0, 2.5, 1e-9, 0.5, 0.05)), df * 0.5, 1e-14);
        // Deep in the money: N(d1), N(d2) ≈ 1 to ~1e-14, so the call is the discounted forward
        // minus the discounted strike; deep out of the money it is worthless.
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Call, 300.0, 100.0, 0.2, 0.5, 0.05)), df * 200.0, 1e-9);
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Call, 100.0, 300.0, 0.2, 0.5, 0.05)), 0.0, 1e-10);
        CH_COMPARE_NEAR(
            black76Price(inputs(OptionType::Put, 100.0, 300.0, 0.2, 0.5, 0.05)), df * 200.0, 1e-9);
        // Zero-vol greeks.
        const Black76Result itm = black76(inputs(OptionType::Call, 3.0, 2.5, 0.0, 0.5, 0.05));
        CH_COMPARE_NEAR(itm.delta, df, 1e-15);
        QCOMPARE(itm.gamma, 0.0);
        QCOMPARE(itm.vega, 0.0);
        CH_COMPARE_NEAR(itm.theta, 0.05 * itm.price, 1e-15);
        const Black76Result atmPut = black76(inputs(OptionType::Put, 2.5, 2.5, 0.0, 0.5, 0.05));
        CH_COMPARE_NEAR(atmPut.delta, -0.5 * df, 1e-15);
    }

    void greeksMatchFiniteDifferences_data()
    {
        QTest::addColumn<OptionType>("type");
        QTest::addColumn<double>("f");
        QTest::addColumn<double>("k");
        QTest::addColumn<double>("vol");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("r");
        QTest::newRow("ATM call, H100-like")
            << OptionType::Call << 2.81 << 2.8 << 0.26 << 0.25 << 0.04;
        QTest::newRow("OTM put") << OptionType::Put << 2.81 << 2.2 << 0.35 << 1.0 << 0.04;
        QTest::newRow("ITM call, long") << OptionType::Call << 5.87 << 4.5 << 0.30 << 3.0 << 0.05;
        QTest::newRow("Haug example put")
            << OptionType::Put << 19.0 << 19.0 << 0.28 << 0.75 << 0.10;
    }
    void greeksMatchFiniteDifferences()
    {
        QFETCH(OptionType, type);
        QFETCH(double, f);
        QFETCH(double, k);
        QFETCH(double, vol);
        QFETCH(double, t);
        QFETCH(double, r);
        const auto price = [&](double ff, double vv, double tt) {
            return black76Price(inputs(type, ff, k, vv, tt, r));
        };
        const Black76Result g = black76(inputs(type, f, k, vol, t, r));
        CH_COMPARE_NEAR(g.price, price(f, vol, t), 0.0);
        // Central differences: truncation O(h²), rounding O(eps/h).
        const double hf = 1e-4 * f;
        CH_COMPARE_NEAR(g.delta, (price(f + hf, vol, t) - price(f - hf, vol, t)) / (2 * hf), 1e-8);
        const double hg = 1e-3 * f;
        CH_COMPARE_NEAR(g.gamma,
                        (price(f + hg, vol, t) - 2 * price(f, vol, t) + price(f - hg, vol, t))
                            / (hg * hg),
                        1e-5);
        const double hv = 1e-5;
        CH_COMPARE_NEAR(g.vega, (price(f, vol + hv, t) - price(f, vol - hv, t)) / (2 * hv), 1e-7);
        const double ht = 1e-5;
        CH_COMPARE_NEAR(g.theta, -(price(f, vol, t + ht) - price(f, vol, t - ht)) / (2 * ht), 1e-6);
    }

    void preconditions()
    {
        expectError([] { black76Price(inputs(OptionType::Call, -1.0, 2.0, 0.3, 1.0, 0.0)); },
                    "Black-76: forward must be positive, got -1.000000");
        expectError([] { black76Price(inputs(OptionType::Call, 2.0, 0.0, 0.3, 1.0, 0.0)); },
                    "Black-76: strike must be positive, got 0.000000");
        expectError([] { black76Price(inputs(OptionType::Call, 2.0, 2.0, -0.1, 1.0, 0.0)); },
                    "Black-76: volatility must be zero or more, got -0.100000");
        expectError([] { black76Price(inputs(OptionType::Put, 2.0, 2.0, 0.3, -1.0, 0.0)); },
                    "Black-76: time to expiry must be zero or more, got -1.000000");
    }

    void normalCdfTails()
    {
        CH_COMPARE_NEAR(normalCdf(0.0), 0.5, 1e-16);
        CH_COMPARE_NEAR(normalCdf(1.959963984540054), 0.975, 1e-15);
        // erfc keeps relative accuracy deep in the lower tail: Φ(−10) = 7.6198530241605e-24.
        CH_COMPARE_NEAR(normalCdf(-10.0) / 7.6198530241604696e-24, 1.0, 1e-12);
        CH_COMPARE_NEAR(normalPdf(0.0), 0.3989422804014327, 1e-16);
    }

    void averageSettlementVolClosedForms()
    {
        const double vol = 0.3;
        const std::vector<double> month{0.10, 0.12, 0.14, 0.16};
        // Option expiring before the first fixing: the futures price has the full vol.
        CH_COMPARE_NEAR(averageSettlementVol(vol, month, 0.05), vol, 1e-14);
        CH_COMPARE_NEAR(averageSettlementVol(vol, month, 0.10), vol, 1e-14);
        // Two fixings, expiry at the second: E[F²]/F² = (3 e^{σ² t1} + e^{σ² t2}) / 4.
        const double t1 = 0.2;
        const double t2 = 0.4;
        const double m2 = (3.0 * std::exp(vol * vol * t1) + std::exp(vol * vol * t2)) / 4.0;
        CH_COMPARE_NEAR(
            averageSettlementVol(vol, {t1, t2}, t2), std::sqrt(std::log(m2) / t2), 1e-14);
        // Many fixings over (0, τ], expiry τ: the continuous Turnbull–Wakeman moment
        // E[A²]/F² = 2 (e^x − 1 − x) / x², x = σ² τ; discretisation error O(1/n).
        const double tau = 1.0 / 12.0;
        std::vector<double> fine;
        for (int i = 1; i <= 2000; ++i)
            fine.push_back(tau * i / 2000.0);
        const double x = vol * vol * tau;
        const double cont = std::sqrt(std::log(2.0 * (std::expm1(x) - x) / (x * x)) / tau);
        CH_COMPARE_NEAR(averageSettlementVol(vol, fine, tau), cont, 1e-3 * vol);
        CH_COMPARE_NEAR(cont, vol / std::sqrt(3.0), 1e-3); // the small-x limit σ/√3
        // Fixings already past carry no variance; at T = 0 the limit is σ × (fixings ahead)/n.
        CH_COMPARE_NEAR(
            averageSettlementVol(vol, {-0.02, -0.01, 0.01, 0.02}, 0.0), vol * 0.5, 1e-15);
        const double partly = averageSettlementVol(vol, {-0.02, -0.01, 0.01, 0.02}, 0.02);
        const double m2p =
            (12.0 + 3.0 * std::exp(vol * vol * 0.01) + std::exp(vol * vol * 0.02)) / 16.0;
        CH_COMPARE_NEAR(partly, std::sqrt(std::log(m2p) / 0.02), 1e-12); // expm1 vs exp rounding
        // An option on the average is cheaper than on the full-vol futures price.
        const double avgPrice = black76Price(inputs(
            OptionType::Call, 2.81, 2.81, averageSettlementVol(vol, month, 0.16), 0.16, 0.04));
        const double plain = black76Price(inputs(OptionType::Call, 2.81, 2.81, vol, 0.16, 0.04));
        QVERIFY(avgPrice < plain);
        expectError([] { averageSettlementVol(0.3, {}, 0.1); },
                    "averageSettlementVol: no fixing dates");
    }
};

CH_REGISTER_TEST(TestBlack76);
#include "tst_black76.moc"
