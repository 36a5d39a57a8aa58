// RiskRepository: saving and reading Monte Carlo runs (tables risk_run* of schema/0004_risk.sql).

#include "domain/error.h"
#include "storage/risk_repository.h"
#include "storage/risk_sql.h"

#include <QSqlQuery>

#include <array>

namespace ch::storage {

using namespace reposql;
using namespace risksql;

namespace {

const char* sideCode(bool hedged)
{
    return hedged ? "hedged" : "unhedged";
}

const QString kRunColumns = QStringLiteral(
    "id, created_at, valuation_date, first_month, horizon_months, volume_mode, "
    "volume_correlation, price_volume_correlation, seed, paths, threads, block_paths, "
    "histogram_bins, contribution_window, fine_bins_total, fine_bins_period, inputs_digest, "
    "hedges, cell_count, instrument_count, has_hedge, correlation_repaired, "
    "correlation_repair_frobenius, "
    "exact_tail_paths, window_car95_usd, window_car99_usd, car95_reduction_usd, "
    "car99_reduction_usd");

const QString kPeriodColumns = QStringLiteral(
    "kind, position, side, first_month, months, expected, expected_se, p50, p50_se, p95, p95_se, "
    "p99, p99_se, car95, car95_se, car99, car99_se, es95, es95_se, es99, es99_se, sd, min_usd, "
    "max_usd");

void insertPeriod(QSqlQuery& q,
                  std::int64_t runId,
                  const char* kind,
                  std::size_t position,
                  const risk::PeriodRisk& p,
                  bool hedged,
                  const SqlContext& context)
{
    const risk::DistributionSummary& d = hedged ? p.hedged : p.unhedged;
    q.addBindValue(qint(runId));
    q.addBindValue(QString::fromLatin1(kind));
    q.addBindValue(qint(static_cast<std::int64_t>(position)));
    q.addBindValue(QString::fromLatin1(sideCode(hedged)));
    q.addBindValue(monthText(p.first));
    q.addBindValue(p.months);
    for (const risk::Estimate* e :
         {&d.expected, &d.p50, &d.p95, &d.p99, &d.car95, &d.car99, &d.es95, &d.es99}) {
        q.addBindValue(qreal(e->value));
        q.addBindValue(qreal(e->standardError));
    }
    q.addBindValue(qreal(d.sdUsd));
    q.addBindValue(qreal(d.minUsd));
    q.addBindValue(qreal(d.maxUsd));
    execPrepared(q, context);
}

risk::DistributionSummary summaryFromRow(const QSqlQuery& row, const std::string& what)
{
    risk::DistributionSummary d;
    int c = 5;
    for (risk::Estimate* e :
         {&d.expected, &d.p50, &d.p95, &d.p99, &d.car95, &d.car99, &d.es95, &d.es99}) {
        e->value = realOrNan(row, c++, what);
        e->standardError = realOrNan(row, c++, what);
    }
    d.sdUsd = realOrNan(row, c++, what);
    d.minUsd = realOrNan(row, c++, what);
    d.maxUsd = realOrNan(row, c, what);
    return d;
}

void insertRunRow(const QSqlDatabase& db,
                  Timestamp createdAt,
                  const risk::McConfig& config,
                  const RiskInputsSummary& in,
                  const risk::CostAtRiskReport& r,
                  const SqlContext& context)
{
    QSqlQuery q = prepareQuery(db,
                               QStringLiteral("INSERT INTO risk_runs (") + kRunColumns
                                   + QStringLiteral(") VALUES (NULL")
                                   + QStringLiteral(", ?").repeated(27) + QStringLiteral(")"),
                               context);
    q.addBindValue(timestampText(createdAt));
    q.addBindValue(isoText(in.valuationDate));
    q.addBindValue(monthText(in.firstMonth));
    q.addBindValue(in.horizonMonths);
    q.addBindValue(QString::fromLatin1(risk::volumeModeCode(in.volumes)));
    q.addBindValue(qreal(in.volumeCorrelation));
    q.addBindValue(qreal(in.priceVolumeCorrelation));
    q.addBindValue(uint64Text(config.seed));
    q.addBindValue(qint(static_cast<std::int64_t>(config.paths)));
    q.addBindValue(qint(config.threads));
    q.addBindValue(qint(static_cast<std::int64_t>(config.blockPaths)));
    q.addBindValue(qint(static_cast<std::int64_t>(config.histogramBins)));
    q.addBindValue(qreal(config.contributionWindow));
    q.addBindValue(qint(static_cast<std::int64_t>(config.fineBinsTotal)));
    q.addBindValue(qint(static_cast<std::int64_t>(config.fineBinsPeriod)));
    q.addBindValue(toQString(in.digest));
    q.addBindValue(toQString(in.hedges));
    q.addBindValue(qint(static_cast<std::int64_t>(in.cellCount)));
    q.addBindValue(qint(static_cast<std::int64_t>(in.instrumentCount)));
    q.addBindValue(r.hasHedge ? 1 : 0);
    q.addBindValue(r.correlationRepaired ? 1 : 0);
    q.addBindValue(qreal(r.correlationRepairFrobenius));
    q.addBindValue(qint(static_cast<std::int64_t>(r.exactTailPaths)));
    q.addBindValue(qreal(r.windowCar95Usd));
    q.addBindValue(qreal(r.windowCar99Usd));
    q.addBindValue(qreal(r.car95ReductionUsd));
    q.addBindValue(qreal(r.car99ReductionUsd));
    execPrepared(q, context);
}

void insertChildren(const QSqlDatabase& db,
                    std::int64_t id,
                    const RiskInputsSummary& in,
                    const risk::CostAtRiskReport& r,
                    const SqlContext& context)
{
    QSqlQuery f = prepareQuery(
        db,
        QStringLiteral("INSERT INTO risk_run_factors (run_id, position, index_id, model, "
                       "kappa_per_year, sigma_annual, jumps_per_year, jump_mean_log, jump_sd_log, "
                       "overridden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    for (std::size_t i = 0; i < in.factors.size(); ++i) {
        const RiskRunFactor& x = in.factors[i];
        for (const QVariant& v : {qint(id),
                                  qint(static_cast<std::int64_t>(i)),
                                  QVariant(toQString(x.indexId)),
                                  QVariant(QString::fromLatin1(risk::factorModelCode(x.model))),
                                  qreal(x.params.kappaPerYear),
                                  qreal(x.params.sigmaAnnual),
                                  qreal(x.params.jumpsPerYear),
                                  qreal(x.params.jumpMeanLog),
                                  qreal(x.params.jumpSdLog),
                                  QVariant(x.overridden ? 1 : 0)})
            f.addBindValue(v);
        execPrepared(f, context);
    }
    require(in.budgetUsd.size() == in.forwardCostUsd.size(),
            "saving a risk run: " + std::to_string(in.budgetUsd.size()) + " budget months but "
                + std::to_string(in.forwardCostUsd.size()) + " forward-cost months");
    QSqlQuery m = prepareQuery(db,
                               QStringLiteral("INSERT INTO risk_run_months (run_id, position, "
                                              "budget_usd, forward_cost_usd) VALUES (?, ?, ?, ?)"),
                               context);
    for (std::size_t i = 0; i < in.budgetUsd.size(); ++i) {
        m.addBindValue(qint(id));
        m.addBindValue(qint(static_cast<std::int64_t>(i)));
        m.addBindValue(qoptional(in.budgetUsd[i]));
        m.addBindValue(qreal(in.forwardCostUsd[i]));
        execPrepared(m, context);
    }
    QSqlQuery p = prepareQuery(db,
                               QStringLiteral("INSERT INTO risk_run_periods (run_id, ")
                                   + kPeriodColumns + QStringLiteral(") VALUES (?")
                                   + QStringLiteral(", ?").repeated(24) + QStringLiteral(")"),
                               context);
    for (bool hedged : {false, true}) {
        insertPeriod(p, id, "horizon", 0, r.horizon, hedged, context);
        for (std::size_t i = 0; i < r.quarters.size(); ++i)
            insertPeriod(p, id, "quarter", i, r.quarters[i], hedged, context);
        for (std::size_t i = 0; i < r.months.size(); ++i)
            insertPeriod(p, id, "month", i, r.months[i], hedged, context);
    }
    QSqlQuery fan = prepareQuery(db,
                                 QStringLiteral("INSERT INTO risk_run_fan (run_id, side, position, "
                                                "month, p5, p25, p50, p75, p95) VALUES (?, ?, ?, "
                                                "?, ?, ?, ?, ?, ?)"),
                                 context);
    QSqlQuery hist = prepareQuery(db,
                                  QStringLiteral("INSERT INTO risk_run_histogram (run_id, side, "
                                                 "bin, low_usd, high_usd, paths) VALUES (?, ?, "
                                                 "?, ?, ?, ?)"),
                                  context);
    for (bool hedged : {false, true}) {
        const auto& points = hedged ? r.fanHedged : r.fanUnhedged;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const risk::FanPoint& x = points[i];
            fan.addBindValue(qint(id));
            fan.addBindValue(QString::fromLatin1(sideCode(hedged)));
            fan.addBindValue(qint(static_cast<std::int64_t>(i)));
            fan.addBindValue(monthText(x.month));
            for (double v : {x.p5Usd, x.p25Usd, x.p50Usd, x.p75Usd, x.p95Usd})
                fan.addBindValue(qreal(v));
            execPrepared(fan, context);
        }
        const auto& bins = hedged ? r.histogramHedged : r.histogramUnhedged;
        for (std::size_t i = 0; i < bins.size(); ++i) {
            hist.addBindValue(qint(id));
            hist.addBindValue(QString::fromLatin1(sideCode(hedged)));
            hist.addBindValue(qint(static_cast<std::int64_t>(i)));
            hist.addBindValue(qreal(bins[i].lowUsd));
            hist.addBindValue(qreal(bins[i].highUsd));
            hist.addBindValue(qint(static_cast<std::int64_t>(bins[i].paths)));
            execPrepared(hist, context);
        }
    }
    QSqlQuery c = prepareQuery(
        db,
        QStringLiteral("INSERT INTO risk_run_contributions (run_id, position, index_id, "
                       "expected_cost_usd, car95_usd, car99_usd, hedged_car95_usd, "
                       "hedged_car99_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    for (std::size_t i = 0; i < r.contributions.size(); ++i) {
        const risk::FactorContribution& x = r.contributions[i];
        c.addBindValue(qint(id));
        c.addBindValue(qint(static_cast<std::int64_t>(i)));
        c.addBindValue(toQString(x.indexId));
        for (double v :
             {x.expectedCostUsd, x.car95Usd, x.car99Usd, x.hedgedCar95Usd, x.hedgedCar99Usd})
            c.addBindValue(qreal(v));
        execPrepared(c, context);
    }
}

//! Every child table of run `id` into `run`.
void readChildren(const QSqlDatabase& db, std::int64_t id, SavedRiskRun& run, const SqlContext& ctx)
{
    const std::string what = "risk run " + std::to_string(id);
    auto bindId = [id](QSqlQuery& q) { q.addBindValue(qint(id)); };
    RiskInputsSummary& in = run.inputs;
    forEachRow(db,
               QStringLiteral("SELECT index_id, model, kappa_per_year, sigma_annual, "
                              "jumps_per_year, jump_mean_log, jump_sd_log, overridden FROM "
                              "risk_run_factors WHERE run_id = ? ORDER BY position"),
               ctx,
               bindId,
               [&](const QSqlQuery& row) {
                   RiskRunFactor f;
                   f.indexId = text(row, 0);
                   f.model = factorModelFromColumn(row, 1, what);
                   f.params = {real(row, 2, what),
                               real(row, 3, what),
                               real(row, 4, what),
                               real(row, 5, what),
                               real(row, 6, what)};
                   f.overridden = integer(row, 7, what) != 0;
                   in.factors.push_back(std::move(f));
               });
    forEachRow(db,
               QStringLiteral("SELECT budget_usd, forward_cost_usd FROM risk_run_months WHERE "
                              "run_id = ? ORDER BY position"),
               ctx,
               bindId,
               [&](const QSqlQuery& row) {
                   in.budgetUsd.push_back(optionalReal(row, 0, what));
                   in.forwardCostUsd.push_back(real(row, 1, what));
               });
    risk::CostAtRiskReport& r = run.report;
    forEachRow(db,
               QStringLiteral("SELECT ") + kPeriodColumns
                   + QStringLiteral(" FROM risk_run_periods WHERE run_id = ? ORDER BY kind, "
                                    "position, side DESC"),
               ctx,
               bindId,
               [&](const QSqlQuery& row) {
                   const std::string kind = text(row, 0);
                   const std::size_t pos = count(row, 1, what);
                   const bool hedged = text(row, 2) == "hedged";
                   std::vector<risk::PeriodRisk>* list = kind == "quarter" ? &r.quarters
                                                         : kind == "month" ? &r.months
                                                                           : nullptr;
                   risk::PeriodRisk* p = &r.horizon;
                   if (list != nullptr) {
                       if (list->size() <= pos)
                           list->resize(pos + 1);
                       p = &(*list)[pos];
                   }
                   p->first = monthFromColumn(row, 3, what);
                   p->months = static_cast<int>(integer(row, 4, what));
                   (hedged ? p->hedged : p->unhedged) = summaryFromRow(row, what);
               });
    forEachRow(db,
               QStringLiteral("SELECT side, month, p5, p25, p50, p75, p95 FROM risk_run_fan "
                              "WHERE run_id = ? ORDER BY side DESC, position"),
               ctx,
               bindId,
               [&](const QSqlQuery& row) {
                   risk::FanPoint x{monthFromColumn(row, 1, what),
                                    real(row, 2, what),
                                    real(row, 3, what),
                                    real(row, 4, what),
                                    real(row, 5, what),
                                    real(row, 6, what)};
                   (text(row, 0) == "hedged" ? r.fanHedged : r.fanUnhedged).push_back(x);
               });
    forEachRow(
        db,
        QStringLiteral("SELECT side, low_usd, high_usd, paths FROM risk_run_histogram "
                       "WHERE run_id = ? ORDER BY side DESC, bin"),
        ctx,
        bindId,
        [&](const QSqlQuery& row) {
            risk::HistogramBin b{real(row, 1, what), real(row, 2, what), count(row, 3, what)};
            (text(row, 0) == "hedged" ? r.histogramHedged : r.histogramUnhedged).push_back(b);
        });
    forEachRow(db,
               QStringLiteral("SELECT index_id, expected_cost_usd, car95_usd, car99_usd, "
                              "hedged_car95_usd, hedged_car99_usd FROM risk_run_contributions "
                              "WHERE run_id = ? ORDER BY position"),
               ctx,
               bindId,
               [&](const QSqlQuery& row) {
                   r.contributions.push_back(risk::FactorContribution{text(row, 0),
                                                                      realOrNan(row, 1, what),
                                                                      realOrNan(row, 2, what),
                                                                      realOrNan(row, 3, what),
                                                                      realOrNan(row, 4, what),
                                                                      realOrNan(row, 5, what)});
               });
}

std::optional<SavedRiskRun>
readRun(const QSqlDatabase& db, const QString& where, std::int64_t id, const SqlContext& ctx)
{
    std::optional<SavedRiskRun> out;
    forEachRow(
        db,
        QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM risk_runs ") + where,
        ctx,
        [&](QSqlQuery& q) {
            if (where.contains(QLatin1Char('?')))
                q.addBindValue(qint(id));
        },
        [&](const QSqlQuery& row) {
            SavedRiskRun run;
            run.id = integer(row, 0, "risk run");
            const std::string what = "risk run " + std::to_string(run.id);
            run.createdAt = timestampFromColumn(row, 1, what);
            RiskInputsSummary& in = run.inputs;
            in.valuationDate = dateFromColumn(row.value(2), what);
            in.firstMonth = monthFromColumn(row, 3, what);
            in.horizonMonths = static_cast<int>(integer(row, 4, what));
            in.volumes = volumeModeFromColumn(row, 5, what);
            in.volumeCorrelation = real(row, 6, what);
            in.priceVolumeCorrelation = real(row, 7, what);
            risk::McConfig& c = run.config;
            c.seed = uint64FromColumn(row.value(8), what);
            c.paths = count(row, 9, what);
            c.threads = static_cast<unsigned>(count(row, 10, what));
            c.blockPaths = count(row, 11, what);
            c.histogramBins = count(row, 12, what);
            c.contributionWindow = real(row, 13, what);
            c.fineBinsTotal = count(row, 14, what);
            c.fineBinsPeriod = count(row, 15, what);
            in.digest = text(row, 16);
            in.hedges = text(row, 17);
            in.cellCount = count(row, 18, what);
            in.instrumentCount = count(row, 19, what);
            risk::CostAtRiskReport& r = run.report;
            r.hasHedge = integer(row, 20, what) != 0;
            r.correlationRepaired = integer(row, 21, what) != 0;
            r.correlationRepairFrobenius = realOrNan(row, 22, what);
            r.exactTailPaths = count(row, 23, what);
            r.windowCar95Usd = realOrNan(row, 24, what);
            r.windowCar99Usd = realOrNan(row, 25, what);
            r.car95ReductionUsd = realOrNan(row, 26, what);
            r.car99ReductionUsd = realOrNan(row, 27, what);
            out = std::move(run);
        });
    if (out)
        readChildren(db, out->id, *out, ctx);
    return out;
}

} // namespace

std::optional<std::int64_t> RiskRepository::saveRun(Timestamp createdAt,
                                                    const risk::McConfig& config,
                                                    const RiskInputsSummary& inputs,
                                                    const risk::CostAtRisk& result)
{
    // Nothing partial is ever saved: a cancelled run has no report.
    if (result.cancelled || !result.report)
        return std::nullopt;
    require(result.seed == config.seed && result.paths == config.paths,
            "saving a risk run: the result (seed " + std::to_string(result.seed) + ", "
                + std::to_string(result.paths) + " paths) is not the run configured (seed "
                + std::to_string(config.seed) + ", " + std::to_string(config.paths) + " paths)");
    const auto context = contextOf(m_workspace, "saving a Cost-at-Risk run to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    insertRunRow(db, createdAt, config, inputs, *result.report, context);
    const std::int64_t id =
        queryValue(db, QStringLiteral("SELECT last_insert_rowid()"), context).toLongLong();
    insertChildren(db, id, inputs, *result.report, context);
    tx.commit();
    return id;
}

std::optional<SavedRiskRun> RiskRepository::run(std::int64_t id) const
{
    const auto context = contextOf(m_workspace, "reading a Cost-at-Risk run from");
    return readRun(databaseOf(m_workspace), QStringLiteral("WHERE id = ?"), id, context);
}

std::optional<SavedRiskRun> RiskRepository::latestRun() const
{
    const auto context = contextOf(m_workspace, "reading the last Cost-at-Risk run from");
    return readRun(databaseOf(m_workspace), QStringLiteral("ORDER BY id DESC LIMIT 1"), 0, context);
}

std::vector<RiskRunEntry> RiskRepository::runs() const
{
    const auto context = contextOf(m_workspace, "listing the Cost-at-Risk runs of");
    std::vector<RiskRunEntry> out;
    forEachRow(
        databaseOf(m_workspace),
        QStringLiteral("SELECT r.id, r.created_at, r.seed, r.paths, r.threads, r.horizon_months, "
                       "r.volume_mode, r.inputs_digest, r.has_hedge, u.expected, u.car95, h.car95, "
                       "r.hedges "
                       "FROM risk_runs r "
                       "JOIN risk_run_periods u ON u.run_id = r.id AND u.kind = 'horizon' AND "
                       "u.side = 'unhedged' "
                       "JOIN risk_run_periods h ON h.run_id = r.id AND h.kind = 'horizon' AND "
                       "h.side = 'hedged' ORDER BY r.id DESC"),
        context,
        noBinding,
        [&](const QSqlQuery& row) {
            RiskRunEntry e;
            e.id = integer(row, 0, "risk run");
            const std::string what = "risk run " + std::to_string(e.id);
            e.createdAt = timestampFromColumn(row, 1, what);
            e.seed = uint64FromColumn(row.value(2), what);
            e.paths = count(row, 3, what);
            e.threads = static_cast<unsigned>(count(row, 4, what));
            e.horizonMonths = static_cast<int>(integer(row, 5, what));
            e.volumes = volumeModeFromColumn(row, 6, what);
            e.digest = text(row, 7);
            e.hasHedge = integer(row, 8, what) != 0;
            e.expectedUsd = realOrNan(row, 9, what);
            e.car95Usd = realOrNan(row, 10, what);
            e.hedgedCar95Usd = realOrNan(row, 11, what);
            out.push_back(std::move(e));
        });
    return out;
}

} // namespace ch::storage
