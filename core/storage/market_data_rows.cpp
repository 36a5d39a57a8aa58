#include "storage/market_data_rows.h"

#include "storage/conversions.h"

#include <QVariant>

namespace ch::storage::rows {

namespace {

std::string text(const QSqlQuery& row, int column)
{
    return toStd(row.value(column).toString());
}

std::int64_t integer(const QSqlQuery& row, int column)
{
    return row.value(column).toLongLong();
}

std::size_t count(const QSqlQuery& row, int column, const std::string& what)
{
    const std::int64_t v = integer(row, column);
    if (v < 0)
        throw StorageError(what + ": negative count " + std::to_string(v));
    return static_cast<std::size_t>(v);
}

QVariant qint(std::int64_t v)
{
    return QVariant::fromValue(static_cast<qlonglong>(v));
}

} // namespace

DatasetInfo datasetInfoFromRow(const QSqlQuery& row)
{
    const std::string what = "dataset_info";
    return DatasetInfo{text(row, 0),
                       dateFromColumn(row.value(1), what),
                       uint64FromColumn(row.value(2), what),
                       text(row, 3)};
}

void bindDatasetInfo(QSqlQuery& q, const DatasetInfo& info)
{
    q.bindValue(0, toQString(info.version));
    q.bindValue(1, isoText(info.valuationDate));
    q.bindValue(2, uint64Text(info.seed));
    q.bindValue(3, toQString(info.disclaimer));
}

IndexDefinition indexFromRow(const QSqlQuery& row)
{
    const std::string what = "indices row " + text(row, 0);
    return IndexDefinition{text(row, 0),
                           text(row, 1),
                           indexKindFromColumn(row.value(2), what),
                           unitFromColumn(row.value(3), what),
                           text(row, 4),
                           text(row, 5),
                           dateFromColumn(row.value(6), what),
                           text(row, 7)};
}

void bindIndex(QSqlQuery& q, const IndexDefinition& i)
{
    q.bindValue(0, toQString(i.id));
    q.bindValue(1, toQString(i.name));
    q.bindValue(2, QString::fromLatin1(indexKindCode(i.kind)));
    q.bindValue(3, QString::fromLatin1(unitCode(i.unit)));
    q.bindValue(4, toQString(i.resource));
    q.bindValue(5, toQString(i.segment));
    q.bindValue(6, isoText(i.firstDate));
    q.bindValue(7, toQString(i.description));
}

DailyPrice dailyPriceFromRow(const QSqlQuery& row, int firstColumn, const std::string& indexId)
{
    // Parsed straight from the column's UTF-8 bytes: this runs once per stored price.
    const QVariant dateValue = row.value(firstColumn);
    const QByteArray iso = dateValue.toString().toLatin1();
    const auto date =
        parseIsoDate(std::string_view(iso.constData(), static_cast<std::size_t>(iso.size())));
    if (!date)
        throw StorageError("prices row " + indexId + ": \"" + iso.toStdString()
                           + "\" is not an ISO date (YYYY-MM-DD)");
    return DailyPrice{*date, microsToUsd(integer(row, firstColumn + 1))};
}

void bindPrice(QSqlQuery& q, const QString& indexId, Date date, double usd)
{
    q.bindValue(0, indexId);
    q.bindValue(1, isoText(date));
    q.bindValue(2, qint(usdToMicros(usd)));
}

ContractSpec contractFromRow(const QSqlQuery& row)
{
    const std::string what = "contracts row " + text(row, 0);
    ContractSpec c;
    c.symbol = text(row, 0);
    c.name = text(row, 1);
    c.style = exchangeStyleFromColumn(row.value(2), what);
    c.underlyingIndex = text(row, 3);
    c.unit = unitFromColumn(row.value(4), what);
    c.unitsPerContract = integer(row, 5);
    c.tickMicros = integer(row, 6);
    c.monthsListed = static_cast<int>(integer(row, 7));
    c.settlement = text(row, 8);
    c.lastTrading = text(row, 9);
    c.initialMarginFraction = row.value(10).toDouble();
    c.feePerSideCents = integer(row, 11);
    return c;
}

void bindContract(QSqlQuery& q, const ContractSpec& c)
{
    q.bindValue(0, toQString(c.symbol));
    q.bindValue(1, toQString(c.name));
    q.bindValue(2, QString::fromLatin1(exchangeStyleCode(c.style)));
    q.bindValue(3, toQString(c.underlyingIndex));
    q.bindValue(4, QString::fromLatin1(unitCode(c.unit)));
    q.bindValue(5, qint(c.unitsPerContract));
    q.bindValue(6, qint(c.tickMicros));
    q.bindValue(7, c.monthsListed);
    q.bindValue(8, toQString(c.settlement));
    q.bindValue(9, toQString(c.lastTrading));
    q.bindValue(10, c.initialMarginFraction);
    q.bindValue(11, qint(c.feePerSideCents));
}

MarketEvent eventFromRow(const QSqlQuery& row)
{
    const std::string what = "events row " + text(row, 2);
    // A market-wide event has index_id NULL, which toString() turns into "".
    return MarketEvent{
        dateFromColumn(row.value(0), what), text(row, 1), text(row, 2), text(row, 3)};
}

void bindEvent(QSqlQuery& q, const MarketEvent& e)
{
    q.bindValue(0, isoText(e.date));
    q.bindValue(1,
                e.indexId.empty() ? QVariant(QMetaType(QMetaType::QString))
                                  : QVariant(toQString(e.indexId)));
    q.bindValue(2, toQString(e.description));
    q.bindValue(3, toQString(e.sourceUrl));
}

PriceImportRecord importFromRow(const QSqlQuery& row)
{
    const std::string what = "price_imports row " + text(row, 0);
    PriceImportRecord r;
    r.fileName = text(row, 0);
    r.rowsRead = count(row, 1, what);
    r.pointsWritten = count(row, 2, what);
    for (const QString& id : row.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        r.indices.push_back(toStd(id));
    const std::string stamp = text(row, 4);
    const auto t = parseIsoTimestamp(stamp);
    if (!t)
        throw StorageError(what + ": \"" + stamp + "\" is not an ISO UTC timestamp");
    r.importedAt = *t;
    return r;
}

void bindImport(QSqlQuery& q, const PriceImportRecord& r)
{
    std::string ids;
    for (const auto& id : r.indices)
        ids += (ids.empty() ? "" : ",") + id;
    q.bindValue(0, toQString(r.fileName));
    q.bindValue(1, qint(static_cast<std::int64_t>(r.rowsRead)));
    q.bindValue(2, qint(static_cast<std::int64_t>(r.pointsWritten)));
    q.bindValue(3, toQString(ids));
    q.bindValue(4, toQString(formatIsoTimestamp(r.importedAt)));
}

} // namespace ch::storage::rows
