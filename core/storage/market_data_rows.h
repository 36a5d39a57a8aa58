#pragma once

// Internal to core/storage: the SQL text and the row <-> domain mapping of the market-data tables,
// in one place (STYLE.md §7). Column order in each SELECT matches its *FromRow function.

#include "domain/market.h"
#include "storage/market_data_repository.h"

#include <QSqlQuery>
#include <QString>

namespace ch::storage::rows {

inline const QString kSelectDatasetInfo = QStringLiteral(
    "SELECT version, valuation_date, seed, disclaimer FROM dataset_info WHERE id = 1");
inline const QString kInsertDatasetInfo =
    QStringLiteral("INSERT INTO dataset_info (id, version, valuation_date, seed, disclaimer) "
                   "VALUES (1, ?, ?, ?, ?)");

inline const QString kSelectIndices =
    QStringLiteral("SELECT id, name, kind, unit, resource, segment, first_date, description "
                   "FROM indices ORDER BY rowid");
inline const QString kInsertIndex = QStringLiteral(
    "INSERT INTO indices (id, name, kind, unit, resource, segment, first_date, description) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

inline const QString kSelectAllPrices =
    QStringLiteral("SELECT index_id, date, price_micros FROM prices ORDER BY index_id, date");
inline const QString kUpsertPrice = QStringLiteral(
    "INSERT INTO prices (index_id, date, price_micros) VALUES (?, ?, ?) "
    "ON CONFLICT (index_id, date) DO UPDATE SET price_micros = excluded.price_micros");

inline const QString kSelectContracts = QStringLiteral(
    "SELECT symbol, name, style, underlying_index, unit, units_per_contract, tick_micros, "
    "months_listed, settlement, last_trading, initial_margin_fraction, fee_per_side_cents "
    "FROM contracts ORDER BY rowid");
inline const QString kInsertContract = QStringLiteral(
    "INSERT INTO contracts (symbol, name, style, underlying_index, unit, units_per_contract, "
    "tick_micros, months_listed, settlement, last_trading, initial_margin_fraction, "
    "fee_per_side_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

inline const QString kSelectEvents =
    QStringLiteral("SELECT date, index_id, description, source_url FROM events ORDER BY id");
inline const QString kInsertEvent = QStringLiteral(
    "INSERT INTO events (date, index_id, description, source_url) VALUES (?, ?, ?, ?)");

inline const QString kSelectImports = QStringLiteral(
    "SELECT file_name, rows_read, points_written, indices, imported_at FROM price_imports "
    "ORDER BY id");
inline const QString kInsertImport = QStringLiteral(
    "INSERT INTO price_imports (file_name, rows_read, points_written, indices, imported_at) "
    "VALUES (?, ?, ?, ?, ?)");

DatasetInfo datasetInfoFromRow(const QSqlQuery& row);
void bindDatasetInfo(QSqlQuery& q, const DatasetInfo& info);

IndexDefinition indexFromRow(const QSqlQuery& row);
void bindIndex(QSqlQuery& q, const IndexDefinition& index);

//! The (date, price_micros) pair starting at column `firstColumn`.
DailyPrice dailyPriceFromRow(const QSqlQuery& row, int firstColumn, const std::string& indexId);
//! Binds (index_id, date, price_micros); `usd` is rounded to micro-USD.
void bindPrice(QSqlQuery& q, const QString& indexId, Date date, double usd);

ContractSpec contractFromRow(const QSqlQuery& row);
void bindContract(QSqlQuery& q, const ContractSpec& c);

MarketEvent eventFromRow(const QSqlQuery& row);
void bindEvent(QSqlQuery& q, const MarketEvent& e);

PriceImportRecord importFromRow(const QSqlQuery& row);
void bindImport(QSqlQuery& q, const PriceImportRecord& r);

} // namespace ch::storage::rows
