#pragma once

// Helpers shared by the storage tests: file fingerprints, a raw SQLite connection for fabricating
// files the application would never write, and a small hand-built market data set.

#include "domain/error.h"
#include "domain/market.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QVariant>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace ch::storage::test {

inline std::filesystem::path pathOf(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

inline QString qpath(const std::filesystem::path& p)
{
    return QString::fromStdString(p.string());
}

inline QByteArray sha256(const std::filesystem::path& p)
{
    QFile f(qpath(p));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

inline bool hasSidecars(const std::filesystem::path& p)
{
    return QFile::exists(qpath(p) + "-wal") || QFile::exists(qpath(p) + "-shm");
}

inline void writeFile(const std::filesystem::path& p, const QByteArray& bytes)
{
    QFile f(qpath(p));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline QByteArray readFile(const std::filesystem::path& p)
{
    QFile f(qpath(p));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

//! The StorageError message thrown by `f`, or "(no StorageError)" when it returned normally.
inline QString storageErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const StorageError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(no StorageError)");
}

//! A Qt SQL connection of the test's own, to fabricate or inspect files behind the workspace's
//! back.
class RawDb
{
public:
    explicit RawDb(const std::filesystem::path& file)
        : m_name(QStringLiteral("test.raw.%1").arg(++counter()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(qpath(file));
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    bool isOpen() const { return m_ok; }
    //! Runs one statement; returns "" on success, the error text otherwise.
    QString exec(const QString& sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    QVariant value(const QString& sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QStringList tables() const
    {
        QStringList out;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private:
    static int& counter()
    {
        static int n = 0;
        return n;
    }
    QString m_name;
    bool m_ok = false;
};

//! Two indices (one GPU, one token tier), a few prices with up to six decimals, one contract and
//! two events, one market-wide. Independent of the embedded dataset files.
inline MarketDataSet sampleMarketData()
{
    using namespace std::chrono;
    MarketDataSet d;
    d.info = DatasetInfo{"test.1",
                         2026y / October / 30d,
                         18'446'744'073'709'551'615ULL,
                         "Synthetic test data, not market prices."};
    d.indices.push_back(IndexDefinition{"GPU.H100.NC",
                                        "H100 SXM, neocloud on-demand",
                                        IndexKind::GpuRental,
                                        Unit::GpuHour,
                                        "H100",
                                        "NC",
                                        2026y / October / 27d,
                                        "Test GPU index"});
    d.indices.push_back(IndexDefinition{"TOK.FRONTIER.IN",
                                        "Frontier tier, input tokens",
                                        IndexKind::TokenPrice,
                                        Unit::MTok,
                                        "FRONTIER",
                                        "IN",
                                        2026y / October / 28d,
                                        "Test token index"});
    d.series.push_back(PriceSeries{"GPU.H100.NC",
                                   {{2026y / October / 27d, 2.35},
                                    {2026y / October / 28d, 2.412345},
                                    {2026y / October / 29d, 2.5},
                                    {2026y / October / 30d, 2.81}}});
    d.series.push_back(PriceSeries{
        "TOK.FRONTIER.IN", {{2026y / October / 28d, 15.0}, {2026y / October / 30d, 0.000125}}});
    ContractSpec c;
    c.symbol = "CHG.H100";
    c.name = "Simulated H100 GPU-hour future";
    c.style = ExchangeStyle::CmeStyle;
    c.underlyingIndex = "GPU.H100.NC";
    c.unit = Unit::GpuHour;
    c.unitsPerContract = 730;
    c.tickMicros = 10'000;
    c.monthsListed = 36;
    c.settlement = "Cash, business-day average of the index over the month";
    c.lastTrading = "Last business day of the month";
    c.initialMarginFraction = 0.175;
    c.feePerSideCents = 800;
    d.contracts.push_back(c);
    d.events.push_back(MarketEvent{
        2026y / October / 5d, "", "Simulated futures listed", "https://example.org/listing"});
    d.events.push_back(MarketEvent{
        2026y / October / 28d, "TOK.FRONTIER.IN", "Price cut", "https://example.org/cut"});
    return d;
}

} // namespace ch::storage::test
