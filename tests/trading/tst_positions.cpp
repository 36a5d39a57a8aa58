#include "domain/error.h"
#include "order_fixtures.h"
#include "test_registry.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"

#include <QTest>

using namespace ch;
using namespace ch::trading;
using namespace std::chrono;

namespace {

const Month kDec = year{2026} / December;

Money usd(std::int64_t cents)
{
    return Money(Currency::Usd, cents);
}

Fill fill(const char* id,
          Side side,
          ContractCount qty,
          std::int64_t price,
          const char* at = "2026-10-05T15:00:00Z",
          Month month = kDec)
{
    return Fill{id,
                OrderId{1},
                "CHG.H100",
                month,
                side,
                qty,
                price,
                730,
                usd(800 * qty), // 8.00 USD per contract per side
                ch::test::ts(at)};
}

Position book(const std::vector<Fill>& fills)
{
    Position p = Position::flat("CHG.H100", kDec, 730);
    for (const Fill& f : fills)
        p = applyFill(p, f).position;
    return p;
}

} // namespace

class TestPositions : public QObject
{
    Q_OBJECT
private slots:
    void averageCostAndRealisedOnReduction()
    {
        Position p =
            book({fill("F1", Side::Buy, 10, 2'000'000), fill("F2", Side::Buy, 10, 2'500'000)});
        QCOMPARE(p.netQty, 20LL);
        QCOMPARE(p.openCostMicros, 45'000'000LL);
        QCOMPARE(p.averagePriceMicros(), 2'250'000LL);
        QCOMPARE(p.realisedPnl, usd(0));

        // Sell 5 @ 3.00 against an average of 2.25: 5 × 0.75 × 730 = 2,737.50 USD.
        const auto u = applyFill(p, fill("F3", Side::Sell, 5, 3'000'000));
        QCOMPARE(u.closedQty, 5LL);
        QCOMPARE(u.realised, usd(273'750));
        p = u.position;
        QCOMPARE(p.netQty, 15LL);
        QCOMPARE(p.openCostMicros, 33'750'000LL);
        QCOMPARE(p.averagePriceMicros(), 2'250'000LL);

        // Mark at 2.10: 15 × (2.10 − 2.25) × 730 = −1,642.50 USD.
        QCOMPARE(unrealisedPnl(p, 2'100'000), usd(-164'250));

        // Sell 20 @ 2.40: closes 15 (15 × 0.15 × 730 = 1,642.50) and opens 5 short at 2.40.
        const auto flip = applyFill(p, fill("F4", Side::Sell, 20, 2'400'000));
        QCOMPARE(flip.closedQty, 15LL);
        QCOMPARE(flip.realised, usd(164'250));
        p = flip.position;
        QCOMPARE(p.netQty, -5LL);
        QCOMPARE(p.openCostMicros, 12'000'000LL);
        QCOMPARE(p.realisedPnl, usd(273'750 + 164'250));
        // Short 5 marked at 2.20: 5 × (2.40 − 2.20) × 730 = 730.00 USD.
        QCOMPARE(unrealisedPnl(p, 2'200'000), usd(73'000));
        QCOMPARE(unrealisedPnl(p, 2'600'000), usd(-73'000));
        // Fees: 45 contracts traded × 8.00.
        QCOMPARE(p.fees, usd(36'000));
        QCOMPARE(p.netRealisedPnl(), usd(273'750 + 164'250 - 36'000));
    }

    void roundTripRealisesExactlyProceedsMinusCost()
    {
        // Cost 3 × 2.01 + 7 × 2.33 = 22.34, proceeds 4 × 2.50 + 6 × 2.20 = 23.20:
        // 0.86 × 730 = 627.80 USD, split 776.72 and −148.92 across the two sells.
        Position p = book({fill("A", Side::Buy, 3, 2'010'000), fill("B", Side::Buy, 7, 2'330'000)});
        const auto s1 = applyFill(p, fill("C", Side::Sell, 4, 2'500'000));
        QCOMPARE(s1.realised, usd(77'672));
        const auto s2 = applyFill(s1.position, fill("D", Side::Sell, 6, 2'200'000));
        QCOMPARE(s2.realised, usd(-14'892));
        QCOMPARE(s2.position.realisedPnl, usd(62'780));
        QCOMPARE(s2.position.netQty, 0LL);
        QCOMPARE(s2.position.openCostMicros, 0LL);
        QCOMPARE(s2.position.averagePriceMicros(), 0LL);
    }

    void cashSettlementAtTheMonthlyAverage()
    {
        // Short 5 @ 2.40 (cost 12.00 per contract-unit sum).
        Position p = book({fill("S", Side::Sell, 5, 2'400'000)});
        const std::int64_t finalPrice =
            monthlyAverageMicros({2'100'000, 2'200'000, 2'300'000, 2'150'000});
        QCOMPARE(finalPrice, 2'187'500LL);
        // (12.00 − 5 × 2.1875) × 730 = 775.625 USD -> 775.63 (half away from zero).
        const auto s = cashSettle(p, finalPrice, 135);
        QCOMPARE(s.settledQty, 5LL);
        QCOMPARE(s.realised, usd(77'563));
        QCOMPARE(s.fee, usd(675));
        QCOMPARE(s.position.netQty, 0LL);
        QVERIFY(s.position.settled);
        QCOMPARE(s.position.realisedPnl, usd(77'563));
        QCOMPARE(s.position.fees, usd(4'000 + 675));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 applyFill(s.position, fill("late", Side::Buy, 1, 2'000'000)));
        QVERIFY_THROWS_EXCEPTION(Error, cashSettle(s.position, finalPrice, 135));
        const auto flat = cashSettle(Position::flat("CHG.H100", kDec, 730), finalPrice, 135);
        QCOMPARE(flat.realised, usd(0));
        QCOMPARE(flat.fee, usd(0));
    }

    void monthlyAverageRounds()
    {
        QCOMPARE(monthlyAverageMicros({1, 2}), 2LL);    // 1.5 -> 2
        QCOMPARE(monthlyAverageMicros({1, 1, 2}), 1LL); // 1.33 -> 1
        QCOMPARE(monthlyAverageMicros({2'350'000}), 2'350'000LL);
        QVERIFY_THROWS_EXCEPTION(Error, monthlyAverageMicros({}));
    }

    void fillsMustMatchThePosition()
    {
        const Position p = Position::flat("CHG.H100", kDec, 730);
        try {
            applyFill(
                p,
                fill("W", Side::Buy, 1, 2'000'000, "2026-10-05T15:00:00Z", year{2027} / January));
            QFAIL("a fill for another month must be refused");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("applyFill: fill W (CHG.H100 2027-01) does "
                                 "not belong to position CHG.H100 2026-12"));
        }
    }

    void buildPositionsGroupsByMonth()
    {
        const auto ps = buildPositions(
            {fill("2", Side::Sell, 2, 2'500'000, "2026-10-06T10:00:00Z"),
             fill("J", Side::Buy, 3, 2'000'000, "2026-10-05T10:00:00Z", year{2027} / January),
             fill("1", Side::Buy, 5, 2'000'000, "2026-10-05T10:00:00Z")});
        QCOMPARE(ps.size(), std::size_t{2});
        QCOMPARE(ps[0].deliveryMonth, kDec);
        QCOMPARE(ps[0].netQty, 3LL);
        // The buy (earlier) is booked before the sell: 2 × 0.50 × 730 = 730.00 realised.
        QCOMPARE(ps[0].realisedPnl, usd(73'000));
        QCOMPARE(ps[1].deliveryMonth, year{2027} / January);
        QCOMPARE(ps[1].netQty, 3LL);
    }

    void pnlSeriesFromDatedMarks()
    {
        const std::vector<Fill> fills{fill("F1", Side::Buy, 10, 2'000'000, "2026-10-05T10:00:00Z"),
                                      fill("F2", Side::Buy, 10, 2'500'000, "2026-10-06T10:00:00Z"),
                                      fill("F3", Side::Sell, 5, 3'000'000, "2026-10-07T10:00:00Z")};
        auto mark = [](int d, std::int64_t price) {
            return Mark{
                year{2026} / October / day{static_cast<unsigned>(d)}, "CHG.H100", kDec, price};
        };
        const std::vector<Mark> marks{mark(7, 2'600'000), mark(5, 2'100'000), mark(6, 2'400'000)};
        const std::vector<SettlementEvent> settle{
            {year{2026} / December / 31, "CHG.H100", kDec, 2'200'000, 135}};
        const auto series = buildPnlSeries(fills, marks, settle);
        QCOMPARE(series.size(), std::size_t{4});
        // 10-05: long 10 @ 2.00 marked 2.10: +730.00, fees 80.00.
        QCOMPARE(series[0],
                 (PnlPoint{year{2026} / October / 5, usd(0), usd(73'000), usd(8'000), 0}));
        // 10-06: long 20 @ 2.25 marked 2.40: +2,190.00, fees 160.00.
        QCOMPARE(series[1],
                 (PnlPoint{year{2026} / October / 6, usd(0), usd(219'000), usd(16'000), 0}));
        // 10-07: sold 5 @ 3.00 (+2,737.50), long 15 @ 2.25 marked 2.60: +3,832.50, fees 200.00.
        QCOMPARE(series[2],
                 (PnlPoint{year{2026} / October / 7, usd(273'750), usd(383'250), usd(20'000), 0}));
        QCOMPARE(series[2].total(), usd(637'000));
        // 12-31: settled at 2.20: 15 × (2.20 − 2.25) × 730 = −547.50, fee 15 × 1.35 = 20.25.
        QCOMPARE(series[3],
                 (PnlPoint{year{2026} / December / 31,
                           usd(273'750 - 54'750),
                           usd(0),
                           usd(20'000 + 2'025),
                           0}));
        QCOMPARE(series[3].total(), usd(196'975));
    }

    void unmarkedPositionsAreCounted()
    {
        const auto series = buildPnlSeries(
            {fill("F1", Side::Buy, 1, 2'000'000, "2026-10-05T10:00:00Z", year{2027} / January),
             fill("F2", Side::Buy, 1, 2'000'000, "2026-10-05T10:00:00Z")},
            {Mark{year{2026} / October / 5, "CHG.H100", kDec, 2'010'000}});
        QCOMPARE(series.size(), std::size_t{1});
        QCOMPARE(series[0].unmarkedPositions, 1);
        QCOMPARE(series[0].unrealised, usd(730)); // 0.01 × 730 on the marked month only
    }
};

CH_REGISTER_TEST(TestPositions);
#include "tst_positions.moc"
