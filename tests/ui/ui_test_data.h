#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <QByteArray>
#include <QString>

namespace ch::test {

//! A hand-built two-index dataset (GPU.H100.NC daily, TOK.FRONTIER.BLEND list prices) valued on
//! 2026-10-30, with one observation after that date so tests can check it is left out.
MarketDataSet smallDataset();
//! A hand-built snapshot for smallDataset(): an H100 curve (spot 2.81; 2.75, 2.70, 2.60 for
//! 2026-11..2027-01), an H100 vol of 42% from 500 returns, no token curve or vol, and a 2x2
//! correlation of 0.3.
pricing::MarketSnapshot smallSnapshot();

//! Writes `text` to `path`; fails the test (QVERIFY) when it cannot.
bool writeTextFile(const QString& path, const QByteArray& text);

} // namespace ch::test
