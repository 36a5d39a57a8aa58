#include "compare.h"
#include "hedging/bivariate_normal.h"
#include "hedging/options.h"
#include "hedging_fixtures.h"
#include "pricing/black76.h"
#include "pricing/calendar.h"
#include "test_registry.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace ch;
using namespace ch::hedging;
using namespace ch::hedging::test;
using namespace std::chrono;

namespace {

double cdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

//! Black (1976) written out: e^{−rT}(F N(d1) − K N(d2)) and e^{−rT}(K N(−d2) − F N(−d1)).
double blackClosedForm(bool call, double f, double k, double vol, double t, double r)
{
    const double sd = vol * std::sqrt(t);
    const double d1 = (std::log(f / k) + 0.5 * sd * sd) / sd;
    const double d2 = d1 - sd;
    const double df = std::exp(-r * t);
    return call ? df * (f * cdf(d1) - k * cdf(d2)) : df * (k * cdf(-d2) - f * cdf(-d1));
}

//! P(X < x, Y < y) = ∫_{−∞}^{x} φ(t) Φ((y − ρt)/√(1−ρ²)) dt by composite Simpson on [−12, x].
double bvnByQuadrature(double x, double y, double rho)
{
    const int n = 20'000;
    const double a = -12.0;
    const double h = (x - a) / n;
    const double s = std::sqrt(1.0 - rho * rho);
    const auto g = [&](double t) {
        return std::exp(-0.5 * t * t) / std::sqrt(2.0 * std::numbers::pi) * cdf((y - rho * t) / s);
    };
    double sum = g(a) + g(x);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 == 1 ? 4.0 : 2.0) * g(a + i * h);
    return sum * h / 3.0;
}

} // namespace

class TestOptions : public QObject
{
    Q_OBJECT
private slots:
    void callPremiumIsBlack76OnTheAverageVol()
    {
        // Valuation 2026-10-30, delivery January 2027: expiry on the last business day, Friday
        // 2027-01-29, 1 + 30 + 31 + 29 = 91 days ahead; 19 fixings (21 weekdays less New Year's
        // Day and Martin Luther King Jr. Day).
        const Month jan = 2027y / January;
        MonthlyOptionInputs in{jan, valuationDate(), 2.50, 2.75, 0.45, 0.04, 730.0};
        const MonthlyOptionPrice p = priceMonthlyOption(pricing::OptionType::Call, in);
        CH_COMPARE_NEAR(p.yearsToExpiry, 91.0 / 365.0, 1e-15);
        std::vector<double> fixings;
        for (const Date& d : pricing::businessDaysOf(jan))
            fixings.push_back(yearFractionAct365(valuationDate(), d));
        QCOMPARE(fixings.size(), std::size_t{19});
        const double vol = pricing::averageSettlementVol(0.45, fixings, 91.0 / 365.0);
        QVERIFY(vol < 0.45 && vol > 0.45 / std::sqrt(3.0));
        CH_COMPARE_NEAR(p.effectiveVolAnnual, vol, 1e-15);
        const double expected = blackClosedForm(true, 2.50, 2.75, vol, 91.0 / 365.0, 0.04);
        CH_COMPARE_NEAR(p.perUnit.price, expected, 1e-13);
        CH_COMPARE_NEAR(p.premiumPerContractUsd, expected * 730.0, 1e-10);
    }

    void collarNetPremium()
    {
        const Month m = 2027y / June;
        const MonthlyOptionInputs in{m, valuationDate(), 3.10, 0.0, 0.6, 0.03, 730.0};
        const CollarPrice c = priceCollar(in, 3.40, 2.80);
        const double t = c.call.yearsToExpiry;
        const double vol = c.call.effectiveVolAnnual;
        QCOMPARE(c.put.yearsToExpiry, t);
        QCOMPARE(c.put.effectiveVolAnnual, vol); // same month, same fixings
        const double call = blackClosedForm(true, 3.10, 3.40, vol, t, 0.03);
        const double put = blackClosedForm(false, 3.10, 2.80, vol, t, 0.03);
        CH_COMPARE_NEAR(c.call.perUnit.price, call, 1e-13);
        CH_COMPARE_NEAR(c.put.perUnit.price, put, 1e-13);
        CH_COMPARE_NEAR(c.netPremiumPerUnitUsd, call - put, 1e-13);
        CH_COMPARE_NEAR(c.netPremiumPerContractUsd, (call - put) * 730.0, 1e-10);
        // Put-call parity at one strike: call − put = e^{−rT}(F − K), model-free.
        MonthlyOptionInputs same = in;
        same.strikeUsd = 2.95;
        const double parity = priceMonthlyOption(pricing::OptionType::Call, same).perUnit.price
                              - priceMonthlyOption(pricing::OptionType::Put, same).perUnit.price;
        CH_COMPARE_NEAR(parity, std::exp(-0.03 * t) * (3.10 - 2.95), 1e-14);
        QVERIFY_THROWS_EXCEPTION(Error, priceCollar(in, 2.80, 3.40));
    }

    void expiredOrFixingMonthIsRejected()
    {
        const MonthlyOptionInputs in{2026y / October, valuationDate(), 2.5, 2.5, 0.4, 0.0, 730.0};
        QVERIFY_THROWS_EXCEPTION(Error, priceMonthlyOption(pricing::OptionType::Call, in));
    }

    void strikesOnTheTick()
    {
        CH_COMPARE_NEAR(roundToTick(2.7549, 10'000), 2.75, 1e-15);
        CH_COMPARE_NEAR(roundToTick(2.755, 10'000), 2.76, 1e-15);
        CH_COMPARE_NEAR(roundToTick(2.7524, 5'000), 2.75, 1e-15);
        CH_COMPARE_NEAR(roundToTick(2.7526, 5'000), 2.755, 1e-15);
        CH_COMPARE_NEAR(roundToTick(0.001, 10'000), 0.01, 1e-15);
    }

    void bivariateNormalClosedForms_data()
    {
        QTest::addColumn<double>("rho");
        for (double rho :
             {-1.0, -0.99, -0.95, -0.8, -0.5, -0.2, 0.0, 0.2, 0.5, 0.8, 0.93, 0.99, 1.0})
            QTest::newRow(qPrintable(QStringLiteral("rho %1").arg(rho))) << rho;
    }
    void bivariateNormalClosedForms()
    {
        QFETCH(double, rho);
        // Sheppard (1899): P(X < 0, Y < 0) = 1/4 + asin(ρ) / 2π.
        CH_COMPARE_NEAR(bivariateNormalCdf(0.0, 0.0, rho),
                        0.25 + std::asin(rho) / (2.0 * std::numbers::pi),
                        1e-14);
        for (double x : {-2.0, -0.7, 0.3, 1.5}) {
            for (double y : {-1.2, 0.0, 0.8, 2.5}) {
                double expected = 0.0;
                if (rho == 1.0)
                    expected = cdf(std::min(x, y));
                else if (rho == -1.0)
                    expected = std::max(0.0, cdf(x) + cdf(y) - 1.0);
                else
                    expected = bvnByQuadrature(x, y, rho);
                CH_COMPARE_NEAR(bivariateNormalCdf(x, y, rho), expected, 1e-10);
                // Upper orthant by symmetry: P(X > x, Y > y) = P(X < −x, Y < −y).
                CH_COMPARE_NEAR(
                    bivariateNormalUpper(x, y, rho), bivariateNormalCdf(-x, -y, rho), 1e-15);
            }
        }
    }

    void bivariateNormalLimits()
    {
        const double inf = std::numeric_limits<double>::infinity();
        CH_COMPARE_NEAR(bivariateNormalCdf(0.4, inf, 0.6), cdf(0.4), 1e-15);
        CH_COMPARE_NEAR(bivariateNormalCdf(-inf, 1.0, 0.6), 0.0, 0.0);
        CH_COMPARE_NEAR(bivariateNormalCdf(1.1, -0.3, 0.0), cdf(1.1) * cdf(-0.3), 1e-15);
        QVERIFY_THROWS_EXCEPTION(Error, bivariateNormalCdf(0.0, 0.0, 1.2));
    }
};

CH_REGISTER_TEST(TestOptions);
#include "tst_options.moc"
