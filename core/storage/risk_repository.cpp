#include "storage/risk_repository.h"

#include "domain/error.h"
#include "storage/risk_sql.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace ch::storage {

using namespace reposql;
using namespace risksql;

RiskInputsSummary summarizeInputs(const risk::BuiltRiskInputs& built,
                                  Date valuationDate,
                                  risk::VolumeMode volumes,
                                  const std::string& hedges)
{
    require(built.ok(), "summarizeInputs: the inputs have errors and cannot be run");
    RiskInputsSummary s;
    s.valuationDate = valuationDate;
    s.firstMonth = built.inputs.firstMonth;
    s.horizonMonths = built.inputs.horizonMonths;
    s.volumes = volumes;
    s.volumeCorrelation = built.inputs.demand.volumeCorrelation;
    s.priceVolumeCorrelation = built.inputs.demand.priceVolumeCorrelation;
    s.digest = built.digest;
    s.hedges = hedges;
    s.cellCount = built.inputs.cells.size();
    s.instrumentCount = built.inputs.instruments.size();
    for (std::size_t i = 0; i < built.inputs.factors.size(); ++i) {
        const risk::RiskFactor& f = built.inputs.factors[i];
        s.factors.push_back(
            RiskRunFactor{f.indexId,
                          f.model,
                          f.params,
                          i < built.factors.size() && built.factors[i].isOverridden()});
    }
    s.budgetUsd = built.budgetUsd;
    s.forwardCostUsd = built.forwardCostUsd;
    return s;
}

RiskRepository::RiskRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

risk::OverrideMap RiskRepository::overrides() const
{
    const auto context = contextOf(m_workspace, "reading the risk parameter overrides of");
    risk::OverrideMap out;
    forEachRow(databaseOf(m_workspace),
               QStringLiteral("SELECT index_id, kappa_per_year, sigma_annual, jumps_per_year, "
                              "jump_mean_log, jump_sd_log FROM risk_param_overrides"),
               context,
               noBinding,
               [&](const QSqlQuery& row) {
                   const std::string id = text(row, 0);
                   const std::string what = "risk parameter override " + id;
                   out[id] = risk::FactorParamOverrides{optionalReal(row, 1, what),
                                                        optionalReal(row, 2, what),
                                                        optionalReal(row, 3, what),
                                                        optionalReal(row, 4, what),
                                                        optionalReal(row, 5, what)};
               });
    return out;
}

void RiskRepository::setOverride(const std::string& indexId,
                                 const risk::FactorParamOverrides& o,
                                 Timestamp at)
{
    require(!indexId.empty(), "setOverride: no index id");
    const auto context = contextOf(m_workspace, "saving the risk parameters of " + indexId + " to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    QSqlQuery del = prepareQuery(
        db, QStringLiteral("DELETE FROM risk_param_overrides WHERE index_id = ?"), context);
    del.addBindValue(toQString(indexId));
    execPrepared(del, context);
    if (!o.empty()) {
        QSqlQuery ins = prepareQuery(
            db,
            QStringLiteral("INSERT INTO risk_param_overrides (index_id, kappa_per_year, "
                           "sigma_annual, jumps_per_year, jump_mean_log, jump_sd_log, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            context);
        ins.addBindValue(toQString(indexId));
        for (const auto* v :
             {&o.kappaPerYear, &o.sigmaAnnual, &o.jumpsPerYear, &o.jumpMeanLog, &o.jumpSdLog}) {
            require(!*v || std::isfinite(**v), "setOverride: " + indexId + ": not a number");
            ins.addBindValue(qoptional(*v));
        }
        ins.addBindValue(timestampText(at));
        execPrepared(ins, context);
    }
    tx.commit();
}

void RiskRepository::clearOverrides()
{
    const auto context = contextOf(m_workspace, "resetting the risk parameters of");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    execStatement(db, QStringLiteral("DELETE FROM risk_param_overrides"), context);
    tx.commit();
}

std::optional<risk::UserScenarioSpec> RiskRepository::userScenario() const
{
    const auto context = contextOf(m_workspace, "reading the user stress scenario of");
    const QSqlDatabase db = databaseOf(m_workspace);
    std::optional<risk::UserScenarioSpec> out;
    forEachRow(db,
               QStringLiteral("SELECT name FROM risk_user_scenario WHERE id = 1"),
               context,
               noBinding,
               [&](const QSqlQuery& row) {
                   out = risk::UserScenarioSpec{text(row, 0), {}};
               });
    if (!out)
        return out;
    forEachRow(db,
               QStringLiteral("SELECT index_id, first_month, last_month, relative FROM "
                              "risk_user_shocks ORDER BY position"),
               context,
               noBinding,
               [&](const QSqlQuery& row) {
                   const std::string what = "user stress shock " + text(row, 0);
                   out->shocks.push_back(risk::UserShock{text(row, 0),
                                                         monthFromColumn(row, 1, what),
                                                         monthFromColumn(row, 2, what),
                                                         real(row, 3, what)});
               });
    return out;
}

void RiskRepository::saveUserScenario(const risk::UserScenarioSpec& spec)
{
    std::vector<Issue> issues;
    if (spec.name.empty())
        issues.push_back(Issue{"user scenario", 0, "name", Severity::Error, "the name is empty"});
    for (std::size_t i = 0; i < spec.shocks.size(); ++i)
        for (Issue& issue : risk::checkUserShock(spec.shocks[i], static_cast<int>(i) + 1))
            issues.push_back(std::move(issue));
    if (!issues.empty()) {
        std::string message = "the user stress scenario was not saved:";
        for (const Issue& issue : issues)
            message += "\n" + issue.toString();
        throw Error(message);
    }
    const auto context = contextOf(m_workspace, "saving the user stress scenario to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    execStatement(db, QStringLiteral("DELETE FROM risk_user_shocks"), context);
    execStatement(db, QStringLiteral("DELETE FROM risk_user_scenario"), context);
    QSqlQuery name = prepareQuery(
        db, QStringLiteral("INSERT INTO risk_user_scenario (id, name) VALUES (1, ?)"), context);
    name.addBindValue(toQString(spec.name));
    execPrepared(name, context);
    QSqlQuery shock = prepareQuery(db,
                                   QStringLiteral("INSERT INTO risk_user_shocks (position, "
                                                  "index_id, first_month, last_month, relative) "
                                                  "VALUES (?, ?, ?, ?, ?)"),
                                   context);
    for (std::size_t i = 0; i < spec.shocks.size(); ++i) {
        const risk::UserShock& s = spec.shocks[i];
        shock.addBindValue(qint(static_cast<std::int64_t>(i)));
        shock.addBindValue(toQString(s.indexId));
        shock.addBindValue(monthText(s.first));
        shock.addBindValue(monthText(s.last));
        shock.addBindValue(qreal(s.relative));
        execPrepared(shock, context);
    }
    tx.commit();
}

std::int64_t RiskRepository::saveStressRun(const SavedStressRun& run)
{
    const auto context = contextOf(m_workspace, "saving a stress test run to");
    const QSqlDatabase db = databaseOf(m_workspace);
    const RiskInputsSummary& in = run.inputs;
    Transaction tx(db, context);
    QSqlQuery head = prepareQuery(db,
                                  QStringLiteral("INSERT INTO stress_runs (created_at, "
                                                 "valuation_date, first_month, horizon_months, "
                                                 "volume_mode, inputs_digest, hedges, has_hedge) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                  context);
    head.addBindValue(timestampText(run.createdAt));
    head.addBindValue(isoText(in.valuationDate));
    head.addBindValue(monthText(in.firstMonth));
    head.addBindValue(in.horizonMonths);
    head.addBindValue(QString::fromLatin1(risk::volumeModeCode(in.volumes)));
    head.addBindValue(toQString(in.digest));
    head.addBindValue(toQString(in.hedges));
    head.addBindValue(run.hasHedge ? 1 : 0);
    execPrepared(head, context);
    const std::int64_t id =
        queryValue(db, QStringLiteral("SELECT last_insert_rowid()"), context).toLongLong();
    QSqlQuery res = prepareQuery(db,
                                 QStringLiteral("INSERT INTO stress_results (run_id, position, "
                                                "kind, name, description, base_cost_usd, "
                                                "stressed_cost_usd, base_hedged_cost_usd, "
                                                "stressed_hedged_cost_usd) VALUES (?, ?, ?, ?, "
                                                "?, ?, ?, ?, ?)"),
                                 context);
    QSqlQuery month = prepareQuery(db,
                                   QStringLiteral("INSERT INTO stress_result_months (run_id, "
                                                  "position, month_offset, delta_usd, "
                                                  "hedged_delta_usd) VALUES (?, ?, ?, ?, ?)"),
                                   context);
    QSqlQuery factor = prepareQuery(db,
                                    QStringLiteral("INSERT INTO stress_result_factors (run_id, "
                                                   "position, factor_position, index_id, "
                                                   "delta_usd) VALUES (?, ?, ?, ?, ?)"),
                                    context);
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        const SavedStress& s = run.results[i];
        const risk::StressResult& r = s.result;
        const QVariant pos = qint(static_cast<std::int64_t>(i));
        for (const QVariant& v : {qint(id),
                                  pos,
                                  QVariant(QString::fromLatin1(risk::stressKindCode(s.kind))),
                                  QVariant(toQString(r.name)),
                                  QVariant(toQString(s.description)),
                                  qreal(r.baseCostUsd),
                                  qreal(r.stressedCostUsd),
                                  qreal(r.baseHedgedCostUsd),
                                  qreal(r.stressedHedgedCostUsd)})
            res.addBindValue(v);
        execPrepared(res, context);
        require(r.monthlyDeltaUsd.size() == r.monthlyHedgedDeltaUsd.size(),
                "saveStressRun: " + r.name + ": monthly deltas differ in length");
        for (std::size_t m = 0; m < r.monthlyDeltaUsd.size(); ++m) {
            for (const QVariant& v : {qint(id),
                                      pos,
                                      qint(static_cast<std::int64_t>(m)),
                                      qreal(r.monthlyDeltaUsd[m]),
                                      qreal(r.monthlyHedgedDeltaUsd[m])})
                month.addBindValue(v);
            execPrepared(month, context);
        }
        for (std::size_t f = 0; f < r.factorDeltaUsd.size(); ++f) {
            const std::string indexId = f < in.factors.size() ? in.factors[f].indexId : "";
            for (const QVariant& v : {qint(id),
                                      pos,
                                      qint(static_cast<std::int64_t>(f)),
                                      QVariant(toQString(indexId)),
                                      qreal(r.factorDeltaUsd[f])})
                factor.addBindValue(v);
            execPrepared(factor, context);
        }
    }
    tx.commit();
    return id;
}

std::optional<SavedStressRun> RiskRepository::latestStressRun() const
{
    const auto context = contextOf(m_workspace, "reading the last stress test run of");
    const QSqlDatabase db = databaseOf(m_workspace);
    std::optional<SavedStressRun> out;
    forEachRow(db,
               QStringLiteral("SELECT id, created_at, valuation_date, first_month, "
                              "horizon_months, volume_mode, inputs_digest, hedges, has_hedge FROM "
                              "stress_runs ORDER BY id DESC LIMIT 1"),
               context,
               noBinding,
               [&](const QSqlQuery& row) {
                   SavedStressRun r;
                   r.id = integer(row, 0, "stress run");
                   const std::string what = "stress run " + std::to_string(r.id);
                   r.createdAt = timestampFromColumn(row, 1, what);
                   r.inputs.valuationDate = dateFromColumn(row.value(2), what);
                   r.inputs.firstMonth = monthFromColumn(row, 3, what);
                   r.inputs.horizonMonths = static_cast<int>(integer(row, 4, what));
                   r.inputs.volumes = volumeModeFromColumn(row, 5, what);
                   r.inputs.digest = text(row, 6);
                   r.inputs.hedges = text(row, 7);
                   r.hasHedge = integer(row, 8, what) != 0;
                   out = std::move(r);
               });
    if (!out)
        return out;
    const std::int64_t id = out->id;
    const std::string what = "stress run " + std::to_string(id);
    auto bindId = [id](QSqlQuery& q) { q.addBindValue(qint(id)); };
    forEachRow(db,
               QStringLiteral("SELECT kind, name, description, base_cost_usd, stressed_cost_usd, "
                              "base_hedged_cost_usd, stressed_hedged_cost_usd FROM "
                              "stress_results WHERE run_id = ? ORDER BY position"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   SavedStress s;
                   s.kind = stressKindFromColumn(row, 0, what);
                   s.result.name = text(row, 1);
                   s.description = text(row, 2);
                   s.result.baseCostUsd = real(row, 3, what);
                   s.result.stressedCostUsd = real(row, 4, what);
                   s.result.baseHedgedCostUsd = real(row, 5, what);
                   s.result.stressedHedgedCostUsd = real(row, 6, what);
                   out->results.push_back(std::move(s));
               });
    auto at = [&](const QSqlQuery& row) -> risk::StressResult& {
        const std::size_t pos = count(row, 0, what);
        if (pos >= out->results.size())
            throw StorageError(what + ": a row names scenario " + std::to_string(pos)
                               + ", which does not exist");
        return out->results[pos].result;
    };
    forEachRow(db,
               QStringLiteral("SELECT position, delta_usd, hedged_delta_usd FROM "
                              "stress_result_months WHERE run_id = ? ORDER BY position, "
                              "month_offset"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   risk::StressResult& r = at(row);
                   r.monthlyDeltaUsd.push_back(real(row, 1, what));
                   r.monthlyHedgedDeltaUsd.push_back(real(row, 2, what));
               });
    forEachRow(db,
               QStringLiteral("SELECT position, index_id, delta_usd FROM stress_result_factors "
                              "WHERE run_id = ? ORDER BY position, factor_position"),
               context,
               bindId,
               [&](const QSqlQuery& row) {
                   risk::StressResult& r = at(row);
                   // Every scenario of a run has the same factors; name them once.
                   if (count(row, 0, what) == 0)
                       out->inputs.factors.push_back(RiskRunFactor{text(row, 1), {}, {}, false});
                   r.factorDeltaUsd.push_back(real(row, 2, what));
               });
    return out;
}

} // namespace ch::storage
