#include "storage/designation_repository.h"

#include "pricing/calendar.h"
#include "storage/audit_log.h"
#include "storage/desk_sql.h"

#include <map>

namespace ch::storage {

using desk::contextOf;
using desk::databaseOf;
using desk::v64;

namespace {

const PriceSeries& seriesOf(const MarketDataSet& market, const std::string& indexId)
{
    for (const auto& s : market.series)
        if (s.indexId == indexId)
            return s;
    throw Error("no price history for index " + indexId + " in this workspace");
}

//! Business-day average per month, months in order.
std::map<Month, double> monthlyAverages(const PriceSeries& series, Month first, Month last)
{
    std::map<Month, std::pair<double, int>> sums;
    for (const auto& p : series.points) {
        const Month m{p.date.year(), p.date.month()};
        if (m < first || m > last || !pricing::isUsBusinessDay(p.date))
            continue;
        auto& [sum, n] = sums[m];
        sum += p.usd;
        ++n;
    }
    std::map<Month, double> out;
    for (const auto& [m, sn] : sums)
        out[m] = sn.first / sn.second;
    return out;
}

std::optional<trading::EffectivenessMethod> methodFromCode(const std::string& code)
{
    for (auto m : {trading::EffectivenessMethod::DollarOffset,
                   trading::EffectivenessMethod::Regression,
                   trading::EffectivenessMethod::DollarOffsetAndRegression})
        if (code == trading::effectivenessMethodCode(m))
            return m;
    return std::nullopt;
}

} // namespace

EffectivenessSeries effectivenessSeries(const DesignatedHedge& hedge,
                                        const MarketDataSet& market,
                                        Date valuationDate,
                                        int months)
{
    require(months >= 2,
            "effectivenessSeries: need at least 2 months, got " + std::to_string(months));
    const ContractSpec* spec = nullptr;
    for (const auto& c : market.contracts)
        if (c.symbol == hedge.instrumentSymbol)
            spec = &c;
    require(spec != nullptr,
            "designation " + hedge.designation.reference + ": contract " + hedge.instrumentSymbol
                + " does not exist in this workspace");
    const Month valuationMonth{valuationDate.year(), valuationDate.month()};
    const Month last = valuationMonth - std::chrono::months{1};
    const Month first = last - std::chrono::months{months}; // one extra month for the first change
    const auto hedged = monthlyAverages(seriesOf(market, hedge.hedgedIndex), first, last);
    const auto instrument = monthlyAverages(seriesOf(market, spec->underlyingIndex), first, last);

    EffectivenessSeries out;
    out.instrumentIndex = spec->underlyingIndex;
    const double contractUnits =
        static_cast<double>(hedge.contractsPerMonth) * static_cast<double>(spec->unitsPerContract);
    std::optional<std::pair<double, double>> previous;
    for (Month m = first; m <= last; m += std::chrono::months{1}) {
        const auto h = hedged.find(m);
        const auto i = instrument.find(m);
        if (h == hedged.end() || i == instrument.end()) {
            previous.reset(); // a month without both prices breaks the chain of changes
            continue;
        }
        if (previous) {
            out.periods.push_back(m);
            out.hedgedChangesUsd.push_back(-hedge.hedgedUnitsPerMonth
                                           * (h->second - previous->first));
            out.derivativeChangesUsd.push_back(contractUnits * (i->second - previous->second));
        }
        previous = std::make_pair(h->second, i->second);
        out.hedgedNotionalUsd = hedge.hedgedUnitsPerMonth * h->second;
    }
    return out;
}

double dollarOffsetFloorUsd(const EffectivenessSeries& series)
{
    return 0.01 * series.hedgedNotionalUsd;
}

DesignationRepository::DesignationRepository(Workspace& workspace)
    : m_workspace(workspace)
{}

std::vector<DesignatedHedge> DesignationRepository::designations() const
{
    const auto context = contextOf(m_workspace, "reading hedge designations of");
    QSqlQuery q = prepareQuery(
        databaseOf(m_workspace),
        QStringLiteral("SELECT id, reference, designation_date, hedged_item, hedging_instrument, "
                       "risk_hedged, hedge_ratio, method, assessment_frequency, prepared_by, "
                       "hedged_index, instrument_symbol, hedged_units_per_month, "
                       "contracts_per_month FROM hedge_designations ORDER BY reference"),
        context);
    std::vector<DesignatedHedge> out;
    desk::forEachRow(q, context, [&](const QSqlQuery& row) {
        DesignatedHedge h;
        h.id = row.value(0).toLongLong();
        auto& d = h.designation;
        d.reference = toStd(row.value(1).toString());
        d.designationDate = dateFromColumn(row.value(2), "designation " + d.reference);
        d.hedgedItem = toStd(row.value(3).toString());
        d.hedgingInstrument = toStd(row.value(4).toString());
        d.riskHedged = toStd(row.value(5).toString());
        d.hedgeRatio = row.value(6).toDouble();
        const std::string method = toStd(row.value(7).toString());
        const auto parsed = methodFromCode(method);
        if (!parsed)
            throw StorageError("designation " + d.reference + ": unknown method \"" + method
                               + "\"");
        d.method = *parsed;
        d.assessmentFrequency = toStd(row.value(8).toString());
        d.preparedBy = toStd(row.value(9).toString());
        h.hedgedIndex = toStd(row.value(10).toString());
        h.instrumentSymbol = toStd(row.value(11).toString());
        h.hedgedUnitsPerMonth = row.value(12).toDouble();
        h.contractsPerMonth = row.value(13).toLongLong();
        out.push_back(std::move(h));
    });
    return out;
}

DesignatedHedge
DesignationRepository::add(const DesignatedHedge& hedge, const trading::User& actor, Timestamp at)
{
    require(actor.can(trading::Permission::ManageLimits),
            "user " + trading::describeUser(actor) + " may not designate hedges");
    const std::string memo = trading::designationMemo(hedge.designation); // validates the memo
    require(!hedge.designation.reference.empty(), "a designation needs a reference");
    require(hedge.hedgedUnitsPerMonth > 0 && hedge.contractsPerMonth > 0,
            "designation " + hedge.designation.reference
                + ": hedged volume and contracts per month must be positive");
    const auto context =
        contextOf(m_workspace, "saving hedge designation " + hedge.designation.reference + " to");
    const QSqlDatabase db = databaseOf(m_workspace);
    Transaction tx(db, context);
    QSqlQuery q = prepareQuery(
        db,
        QStringLiteral("INSERT INTO hedge_designations (reference, designation_date, "
                       "hedged_item, hedging_instrument, risk_hedged, hedge_ratio, method, "
                       "assessment_frequency, prepared_by, hedged_index, instrument_symbol, "
                       "hedged_units_per_month, contracts_per_month) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        context);
    const auto& d = hedge.designation;
    q.addBindValue(toQString(d.reference));
    q.addBindValue(isoText(d.designationDate));
    q.addBindValue(toQString(d.hedgedItem));
    q.addBindValue(toQString(d.hedgingInstrument));
    q.addBindValue(toQString(d.riskHedged));
    q.addBindValue(d.hedgeRatio);
    q.addBindValue(QString::fromLatin1(trading::effectivenessMethodCode(d.method)));
    q.addBindValue(toQString(d.assessmentFrequency));
    q.addBindValue(toQString(d.preparedBy));
    q.addBindValue(toQString(hedge.hedgedIndex));
    q.addBindValue(toQString(hedge.instrumentSymbol));
    q.addBindValue(hedge.hedgedUnitsPerMonth);
    q.addBindValue(v64(hedge.contractsPerMonth));
    execPrepared(q, context);
    DesignatedHedge saved = hedge;
    saved.id = desk::lastInsertId(q);
    AuditLog(m_workspace)
        .append(
            tx,
            AuditRecord{
                actor.login, "designation.create", "hedge_designation", d.reference, {}, memo, {}},
            at);
    tx.commit();
    return saved;
}

} // namespace ch::storage
