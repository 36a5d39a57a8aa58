#include "storage/market_data_repository.h"

#include "marketdata/price_csv.h"
#include "storage/conversions.h"
#include "storage/market_data_rows.h"
#include "storage/repository_sql.h"
#include "storage/sql.h"
#include "storage/workspace.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <chrono>
#include <map>
#include <set>

namespace ch::storage {

using reposql::contextOf;
using reposql::databaseOf;
using reposql::forEachRow;

MarketDataRepository::MarketDataRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

DatasetInfo MarketDataRepository::datasetInfo() const
{
    const auto context = contextOf(m_workspace, "reading the dataset info of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectDatasetInfo, context);
    DatasetInfo info;
    forEachRow(q, context, [&](const QSqlQuery& row) { info = rows::datasetInfoFromRow(row); });
    return info;
}

std::vector<IndexDefinition> MarketDataRepository::indices() const
{
    const auto context = contextOf(m_workspace, "reading the indices of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectIndices, context);
    q.setForwardOnly(true);
    std::vector<IndexDefinition> out;
    forEachRow(q, context, [&](const QSqlQuery& row) { out.push_back(rows::indexFromRow(row)); });
    return out;
}

std::vector<ContractSpec> MarketDataRepository::contracts() const
{
    const auto context = contextOf(m_workspace, "reading the contracts of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectContracts, context);
    q.setForwardOnly(true);
    std::vector<ContractSpec> out;
    forEachRow(
        q, context, [&](const QSqlQuery& row) { out.push_back(rows::contractFromRow(row)); });
    return out;
}

std::vector<MarketEvent> MarketDataRepository::events() const
{
    const auto context = contextOf(m_workspace, "reading the market events of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectEvents, context);
    q.setForwardOnly(true);
    std::vector<MarketEvent> out;
    forEachRow(q, context, [&](const QSqlQuery& row) { out.push_back(rows::eventFromRow(row)); });
    return out;
}

PriceSeries MarketDataRepository::series(const std::string& indexId,
                                         std::optional<Date> from,
                                         std::optional<Date> to) const
{
    const auto context = contextOf(m_workspace, "reading prices of " + indexId + " from");
    QString sql = QStringLiteral("SELECT date, price_micros FROM prices WHERE index_id = ?");
    if (from)
        sql += QStringLiteral(" AND date >= ?");
    if (to)
        sql += QStringLiteral(" AND date <= ?");
    sql += QStringLiteral(" ORDER BY date");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), sql, context);
    q.setForwardOnly(true);
    q.addBindValue(toQString(indexId));
    if (from)
        q.addBindValue(isoText(*from));
    if (to)
        q.addBindValue(isoText(*to));
    PriceSeries out{indexId, {}};
    forEachRow(q, context, [&](const QSqlQuery& row) {
        out.points.push_back(rows::dailyPriceFromRow(row, 0, indexId));
    });
    return out;
}

MarketDataSet MarketDataRepository::loadAll() const
{
    MarketDataSet data;
    data.info = datasetInfo();
    data.indices = indices();
    data.contracts = contracts();
    data.events = events();

    // One scan in primary-key order (index_id, date): no sort, one statement for all history.
    const auto context = contextOf(m_workspace, "reading all prices of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectAllPrices, context);
    q.setForwardOnly(true);
    std::map<std::string, PriceSeries> byIndex;
    PriceSeries* current = nullptr;
    QString currentId;
    forEachRow(q, context, [&](const QSqlQuery& row) {
        const QString id = row.value(0).toString();
        if (current == nullptr || id != currentId) {
            currentId = id;
            const std::string key = toStd(id);
            current = &byIndex.try_emplace(key, PriceSeries{key, {}}).first->second;
        }
        current->points.push_back(rows::dailyPriceFromRow(row, 1, current->indexId));
    });
    // Series follow the order of the index definitions; indices without history have none.
    for (const auto& index : data.indices) {
        auto it = byIndex.find(index.id);
        if (it != byIndex.end())
            data.series.push_back(std::move(it->second));
    }
    return data;
}

void MarketDataRepository::replaceAll(const MarketDataSet& data)
{
    const auto context = contextOf(m_workspace, "replacing the market data of");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    for (const char* table : {"events", "prices", "contracts", "indices", "dataset_info"})
        execStatement(db, QStringLiteral("DELETE FROM ") + QLatin1String(table), context);

    QSqlQuery info = prepareQuery(db, rows::kInsertDatasetInfo, context);
    rows::bindDatasetInfo(info, data.info);
    execPrepared(info, context);

    QSqlQuery index = prepareQuery(db, rows::kInsertIndex, context);
    for (const auto& i : data.indices) {
        rows::bindIndex(index, i);
        execPrepared(index, context);
    }
    QSqlQuery price = prepareQuery(db, rows::kUpsertPrice, context);
    for (const auto& s : data.series) {
        const QString id = toQString(s.indexId);
        for (const auto& p : s.points) {
            rows::bindPrice(price, id, p.date, p.usd);
            execPrepared(price, context);
        }
    }
    QSqlQuery contract = prepareQuery(db, rows::kInsertContract, context);
    for (const auto& c : data.contracts) {
        rows::bindContract(contract, c);
        execPrepared(contract, context);
    }
    QSqlQuery event = prepareQuery(db, rows::kInsertEvent, context);
    for (const auto& e : data.events) {
        rows::bindEvent(event, e);
        execPrepared(event, context);
    }
    tx.commit();
}

PriceImportReport MarketDataRepository::importPriceCsv(const std::filesystem::path& file)
{
    PriceImportReport report;
    report.sourceName = displayName(file);

    QFile in(toQString(file));
    if (!in.open(QIODevice::ReadOnly)) {
        report.issues.push_back(Issue{report.sourceName,
                                      0,
                                      {},
                                      Severity::Error,
                                      "cannot read the file (" + toStd(in.errorString()) + ")"});
        return report;
    }
    const QByteArray bytes = in.readAll();
    if (in.error() != QFileDevice::NoError) {
        report.issues.push_back(Issue{report.sourceName,
                                      0,
                                      {},
                                      Severity::Error,
                                      "cannot read the file (" + toStd(in.errorString()) + ")"});
        return report;
    }
    in.close();

    std::vector<std::string> known;
    for (const auto& i : indices())
        known.push_back(i.id);
    auto parsed = marketdata::parsePriceCsv(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
        report.sourceName,
        known);
    report.rowsRead = parsed.value.rowsRead;
    const bool hasErrors = parsed.hasErrors();
    report.issues = std::move(parsed.issues);
    sortIssues(report.issues);
    if (hasErrors)
        return report;

    std::set<std::string> touched;
    for (const auto& p : parsed.value.prices)
        touched.insert(p.indexId);
    const std::vector<std::string> touchedIds(touched.begin(), touched.end());

    const auto context = contextOf(m_workspace, "importing " + report.sourceName + " into");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    // One prepared statement for every point: SQLite compiles it once, each row only binds.
    QSqlQuery upsert = prepareQuery(db, rows::kUpsertPrice, context);
    std::map<std::string, QString> idText;
    for (const std::string& id : touchedIds)
        idText.emplace(id, toQString(id));
    for (const auto& p : parsed.value.prices) {
        rows::bindPrice(upsert, idText.at(p.indexId), p.date, p.usd);
        execPrepared(upsert, context);
    }
    PriceImportRecord record{
        report.sourceName,
        report.rowsRead,
        parsed.value.prices.size(),
        touchedIds,
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
    QSqlQuery log = prepareQuery(db, rows::kInsertImport, context);
    rows::bindImport(log, record);
    execPrepared(log, context);
    tx.commit();

    report.pointsWritten = record.pointsWritten;
    report.indicesTouched = touchedIds;
    report.applied = true;
    return report;
}

std::vector<PriceImportRecord> MarketDataRepository::importHistory() const
{
    const auto context = contextOf(m_workspace, "reading the import log of");
    QSqlQuery q = prepareQuery(databaseOf(m_workspace), rows::kSelectImports, context);
    q.setForwardOnly(true);
    std::vector<PriceImportRecord> out;
    forEachRow(q, context, [&](const QSqlQuery& row) { out.push_back(rows::importFromRow(row)); });
    return out;
}

} // namespace ch::storage
