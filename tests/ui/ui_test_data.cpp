#include "ui_test_data.h"

#include <QFile>
#include <QString>

using namespace std::chrono;

namespace ch::test {

MarketDataSet smallDataset()
{
    MarketDataSet data;
    data.info = DatasetInfo{"test.1", 2026y / October / 30d, 7, "test data"};
    data.indices = {IndexDefinition{"GPU.H100.NC",
                                    "H100 SXM, neocloud on-demand",
                                    IndexKind::GpuRental,
                                    Unit::GpuHour,
                                    "H100",
                                    "NC",
                                    2026y / October / 28d,
                                    "test H100 index"},
                    IndexDefinition{"TOK.FRONTIER.BLEND",
                                    "Frontier tier, blended",
                                    IndexKind::TokenPrice,
                                    Unit::MTok,
                                    "FRONTIER",
                                    "BLEND",
                                    2026y / October / 1d,
                                    "test tokens"}};
    data.series = {PriceSeries{"GPU.H100.NC",
                               {{2026y / October / 28d, 2.80},
                                {2026y / October / 29d, 2.90},
                                {2026y / October / 30d, 2.81},
                                {2026y / November / 2d, 3.00}}},
                   PriceSeries{"TOK.FRONTIER.BLEND",
                               {{2026y / October / 1d, 10.0}, {2026y / October / 30d, 8.0}}}};
    ContractSpec spec;
    spec.symbol = "CHG.H100";
    spec.name = "H100 compute futures (simulated)";
    spec.style = ExchangeStyle::CmeStyle;
    spec.underlyingIndex = "GPU.H100.NC";
    spec.unit = Unit::GpuHour;
    spec.unitsPerContract = 730;
    spec.tickMicros = 10'000;
    spec.monthsListed = 36;
    spec.settlement = "Average of the daily index over the month's business days";
    spec.lastTrading = "Last business day of the month";
    spec.initialMarginFraction = 0.175;
    spec.feePerSideCents = 800;
    data.contracts = {spec};
    return data;
}

pricing::MarketSnapshot smallSnapshot()
{
    pricing::MarketSnapshot snapshot;
    snapshot.valuationDate = 2026y / October / 30d;
    pricing::ForwardCurve curve;
    curve.indexId = "GPU.H100.NC";
    curve.asOf = 2026y / October / 30d;
    curve.unit = Unit::GpuHour;
    curve.spotUsd = 2.81;
    curve.points = {{2026y / November, 2.75}, {2026y / December, 2.70}, {2027y / January, 2.60}};
    snapshot.curves = {curve};
    snapshot.vols = {pricing::VolEstimate{"GPU.H100.NC", 0.42, 500}};
    snapshot.correlation.indexIds = {"GPU.H100.NC", "TOK.FRONTIER.BLEND"};
    snapshot.correlation.matrix = Eigen::MatrixXd{{1.0, 0.3}, {0.3, 1.0}};
    snapshot.correlation.observations = 500;
    return snapshot;
}

bool writeTextFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace ch::test
