#include "storage/plan_rows.h"

#include "storage/conversions.h"

#include <QVariant>

#include <cmath>
#include <variant>

namespace ch::storage::planrows {

namespace {

std::string text(const QSqlQuery& row, int column)
{
    return toStd(row.value(column).toString());
}

//! A REAL column that must hold a finite number.
double real(const QSqlQuery& row, int column, const std::string& what, const char* name)
{
    const QVariant v = row.value(column);
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (v.isNull() || !ok || !std::isfinite(d))
        throw StorageError(what + ": " + name + " \"" + toStd(v.toString())
                           + "\" is not a finite number");
    return d;
}

std::int64_t integer(const QSqlQuery& row, int column, const std::string& what, const char* name)
{
    const QVariant v = row.value(column);
    bool ok = false;
    const qlonglong i = v.toLongLong(&ok);
    if (v.isNull() || !ok)
        throw StorageError(what + ": " + name + " \"" + toStd(v.toString())
                           + "\" is not an integer");
    return i;
}

int smallInteger(const QSqlQuery& row, int column, const std::string& what, const char* name)
{
    const std::int64_t i = integer(row, column, what, name);
    if (i < -1'000'000'000 || i > 1'000'000'000)
        throw StorageError(what + ": " + name + " " + std::to_string(i) + " is out of range");
    return static_cast<int>(i);
}

QVariant qint(std::int64_t v)
{
    return QVariant::fromValue(static_cast<qlonglong>(v));
}

QVariant latin(const char* code)
{
    return QString::fromLatin1(code);
}

//! Parses a stable text code with `parse`, or throws naming the row and the column.
template <class Parse>
auto codeFromColumn(
    const QSqlQuery& row, int column, const std::string& what, const char* name, Parse parse)
{
    const std::string code = text(row, column);
    const auto value = parse(code);
    if (!value)
        throw StorageError(what + ": unknown " + name + " \"" + code + "\"");
    return *value;
}

Resource resourceFromColumn(const QSqlQuery& row,
                            int resourceColumn,
                            int unitColumn,
                            const std::string& what)
{
    const Resource r = codeFromColumn(
        row, resourceColumn, what, "resource", [](const auto& c) { return parseResource(c); });
    // The unit column is redundant with the resource; a disagreement means the file was edited
    // behind the application's back.
    const Unit unit = unitFromColumn(row.value(unitColumn), what);
    if (unit != r.unit())
        throw StorageError(what + ": unit \"" + unitCode(unit) + "\" does not match resource "
                           + r.code());
    return r;
}

ConfidenceClass confidenceFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    return codeFromColumn(row, column, what, "confidence class", [](const auto& c) {
        return parseConfidenceClass(c);
    });
}

GpuType gpuFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    return codeFromColumn(
        row, column, what, "GPU type", [](const auto& c) { return parseGpuType(c); });
}

Money centsFromColumn(const QSqlQuery& row, int column, const std::string& what)
{
    return Money(Currency::Usd, integer(row, column, what, "amount_cents"));
}

QVariant centsValue(const Money& amount)
{
    require(amount.currency() == Currency::Usd,
            std::string("plan records are stored in USD cents; got ")
                + currencyCode(amount.currency()));
    return qint(amount.minorUnits());
}

//! Domain constructors throw ch::Error for values that break an invariant; coming from the
//! file, that is damage, reported as StorageError naming the row.
template <class Make>
auto buildValue(const std::string& what, Make make)
{
    try {
        return make();
    } catch (const StorageError&) {
        throw;
    } catch (const Error& e) {
        throw StorageError(what + ": " + e.what());
    }
}

} // namespace

Month monthFromColumn(const QVariant& v, const std::string& what)
{
    const std::string t = toStd(v.toString());
    const auto m = parseIsoMonth(t);
    if (!m)
        throw StorageError(what + ": \"" + t + "\" is not an ISO month (YYYY-MM)");
    return *m;
}

QString monthText(Month m)
{
    return QString::fromStdString(formatIsoMonth(m));
}

PlanHelper helperFromRow(const QSqlQuery& row)
{
    const std::string id = text(row, 0);
    const std::string what = "plan_helpers row " + id;
    const std::string kind = text(row, 2);
    const ConfidenceClass confidence = confidenceFromColumn(row, 4, what);
    const GpuType gpu = gpuFromColumn(row, 7, what);
    if (kind == "training_run") {
        TrainingRun t;
        t.id = id;
        t.name = text(row, 3);
        t.gpu = gpu;
        t.gpus = smallInteger(row, 8, what, "gpus");
        t.start = dateFromColumn(row.value(9), what);
        t.wallClockDays = smallInteger(row, 10, what, "wall_clock_days");
        t.utilisationFraction = real(row, 11, what, "utilisation");
        t.uncertaintyFraction = real(row, 6, what, "uncertainty");
        t.indexId = text(row, 5);
        t.confidence = confidence;
        return t;
    }
    if (kind == "inference_service") {
        InferenceService s;
        s.id = id;
        s.name = text(row, 3);
        s.serving = codeFromColumn(
            row, 12, what, "serving", [](const auto& c) { return parseInferenceServing(c); });
        s.tier = codeFromColumn(
            row, 13, what, "model tier", [](const auto& c) { return parseModelTier(c); });
        s.gpu = gpu;
        s.tokensPerSecondPerGpu = real(row, 14, what, "tokens_per_second_per_gpu");
        s.requestsPerDay = real(row, 15, what, "requests_per_day");
        s.inputTokensPerRequest = real(row, 16, what, "input_tokens_per_request");
        s.outputTokensPerRequest = real(row, 17, what, "output_tokens_per_request");
        s.monthlyGrowthFraction = real(row, 18, what, "monthly_growth");
        s.start = monthFromColumn(row.value(19), what);
        s.months = smallInteger(row, 20, what, "months");
        s.uncertaintyFraction = real(row, 6, what, "uncertainty");
        s.indexId = text(row, 5);
        s.confidence = confidence;
        return s;
    }
    throw StorageError(what + ": unknown helper kind \"" + kind + "\"");
}

void bindHelper(QSqlQuery& q, const PlanHelper& helper, int position)
{
    for (int column = 0; column < 21; ++column)
        q.bindValue(column, QVariant());
    q.bindValue(0, toQString(helperId(helper)));
    q.bindValue(1, position);
    q.bindValue(2, latin(helperKindCode(helper)));
    q.bindValue(3, toQString(helperName(helper)));
    if (const auto* t = std::get_if<TrainingRun>(&helper)) {
        q.bindValue(4, latin(confidenceClassCode(t->confidence)));
        q.bindValue(5, toQString(t->indexId));
        q.bindValue(6, t->uncertaintyFraction);
        q.bindValue(7, latin(gpuTypeCode(t->gpu)));
        q.bindValue(8, t->gpus);
        q.bindValue(9, isoText(t->start));
        q.bindValue(10, t->wallClockDays);
        q.bindValue(11, t->utilisationFraction);
        return;
    }
    const auto& s = std::get<InferenceService>(helper);
    q.bindValue(4, latin(confidenceClassCode(s.confidence)));
    q.bindValue(5, toQString(s.indexId));
    q.bindValue(6, s.uncertaintyFraction);
    q.bindValue(7, latin(gpuTypeCode(s.gpu)));
    q.bindValue(12, latin(inferenceServingCode(s.serving)));
    q.bindValue(13, latin(modelTierCode(s.tier)));
    q.bindValue(14, s.tokensPerSecondPerGpu);
    q.bindValue(15, s.requestsPerDay);
    q.bindValue(16, s.inputTokensPerRequest);
    q.bindValue(17, s.outputTokensPerRequest);
    q.bindValue(18, s.monthlyGrowthFraction);
    q.bindValue(19, monthText(s.start));
    q.bindValue(20, s.months);
}

LineRow lineFromRow(const QSqlQuery& row)
{
    LineRow line;
    line.id = text(row, 0);
    const std::string what = "plan_lines row " + line.id;
    line.name = text(row, 1);
    line.resource = resourceFromColumn(row, 2, 4, what);
    line.indexId = text(row, 3);
    line.confidence = confidenceFromColumn(row, 5, what);
    line.helperId = row.value(6).isNull() ? std::string() : text(row, 6);
    return line;
}

void bindLine(QSqlQuery& q, const PlanLine& line, int position)
{
    q.bindValue(0, toQString(line.id()));
    q.bindValue(1, position);
    q.bindValue(2, toQString(line.name()));
    q.bindValue(3, toQString(line.resource().code()));
    q.bindValue(4, toQString(line.indexId()));
    q.bindValue(5, latin(unitCode(line.unit())));
    q.bindValue(6, latin(confidenceClassCode(line.confidence())));
    q.bindValue(7, line.isGenerated() ? QVariant(toQString(line.helperId())) : QVariant());
}

void bindCell(QSqlQuery& q, const QString& lineId, Month m, const VolumeTriple& v)
{
    q.bindValue(0, lineId);
    q.bindValue(1, monthText(m));
    q.bindValue(2, v.low());
    q.bindValue(3, v.base());
    q.bindValue(4, v.high());
}

VolumeTriple cellFromRow(const QSqlQuery& row, int firstColumn, const std::string& what)
{
    const double low = real(row, firstColumn, what, "low");
    const double base = real(row, firstColumn + 1, what, "base");
    const double high = real(row, firstColumn + 2, what, "high");
    return buildValue(what, [&] { return VolumeTriple(low, base, high); });
}

ContractRow contractFromRow(const QSqlQuery& row)
{
    ContractRow c;
    c.id = text(row, 0);
    const std::string what = "capacity_contracts row " + c.id;
    c.lineId = row.value(1).isNull() ? std::string() : text(row, 1);
    c.resource = resourceFromColumn(row, 2, 4, what);
    c.indexId = text(row, 3);
    c.kind = codeFromColumn(
        row, 5, what, "contract kind", [](const auto& k) { return parseContractKind(k); });
    c.counterparty = text(row, 6);
    const std::int64_t micros = integer(row, 7, what, "price_micros");
    c.price = buildValue(what, [&] { return UnitRate::fromMicros(c.resource.unit(), micros); });
    c.firstMonth = monthFromColumn(row.value(8), what);
    return c;
}

void bindContract(QSqlQuery& q, const ContractedCapacity& c, int position)
{
    q.bindValue(0, toQString(c.id()));
    q.bindValue(1, position);
    q.bindValue(2, c.isPooled() ? QVariant() : QVariant(toQString(c.lineId())));
    q.bindValue(3, toQString(c.resource().code()));
    q.bindValue(4, toQString(c.indexId()));
    q.bindValue(5, latin(unitCode(c.resource().unit())));
    q.bindValue(6, latin(contractKindCode(c.kind())));
    q.bindValue(7, toQString(c.counterparty()));
    q.bindValue(8, qint(c.price().micros()));
    q.bindValue(9, monthText(c.firstMonth()));
}

ActualBill billFromRow(const QSqlQuery& row)
{
    const std::string what = "actual_bills row " + text(row, 0) + " " + text(row, 1);
    const Month month = monthFromColumn(row.value(0), what);
    const Resource resource = resourceFromColumn(row, 2, 3, what);
    const double quantity = real(row, 4, what, "quantity");
    const Money amount = centsFromColumn(row, 5, what);
    return buildValue(what, [&] {
        return ActualBill(month, text(row, 1), resource, Volume(resource.unit(), quantity), amount);
    });
}

void bindBill(QSqlQuery& q, const ActualBill& bill, int position)
{
    q.bindValue(0, position);
    q.bindValue(1, monthText(bill.month()));
    q.bindValue(2, toQString(bill.provider()));
    q.bindValue(3, toQString(bill.resource().code()));
    q.bindValue(4, latin(unitCode(bill.resource().unit())));
    q.bindValue(5, bill.quantity().amount());
    q.bindValue(6, centsValue(bill.amount()));
}

BudgetEntry budgetFromRow(const QSqlQuery& row)
{
    const std::string lineId = text(row, 0);
    const std::string what = "budget_entries row " + lineId + " " + text(row, 1);
    const Month month = monthFromColumn(row.value(1), what);
    if (!row.value(2).isNull()) {
        const Unit unit = unitFromColumn(row.value(3), what);
        const std::int64_t micros = integer(row, 2, what, "price_micros");
        return buildValue(what, [&] {
            return BudgetEntry::price(lineId, month, UnitRate::fromMicros(unit, micros));
        });
    }
    const Money amount = centsFromColumn(row, 4, what);
    return buildValue(what, [&] { return BudgetEntry::amount(lineId, month, amount); });
}

void bindBudget(QSqlQuery& q, const BudgetEntry& entry, int position)
{
    q.bindValue(0, toQString(entry.lineId()));
    q.bindValue(1, monthText(entry.month()));
    q.bindValue(2, position);
    if (const auto rate = entry.rate()) {
        q.bindValue(3, qint(rate->micros()));
        q.bindValue(4, latin(unitCode(rate->unit())));
        q.bindValue(5, QVariant());
    } else {
        q.bindValue(3, QVariant());
        q.bindValue(4, QVariant());
        q.bindValue(5, centsValue(*entry.fixedAmount()));
    }
}

} // namespace ch::storage::planrows
