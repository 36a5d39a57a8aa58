#include "json_output.h"

namespace ch::cli {

QString qstr(const std::string& text)
{
    return QString::fromStdString(text);
}

QJsonValue jsonDate(Date date)
{
    return qstr(formatIsoDate(date));
}

QJsonValue jsonDate(const std::optional<Date>& date)
{
    return date ? jsonDate(*date) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonMonth(Month month)
{
    return qstr(formatIsoMonth(month));
}

QJsonValue jsonCount(std::size_t count)
{
    // JSON numbers are doubles; counts stay far below 2^53, where doubles are exact.
    return QJsonValue(static_cast<qint64>(count));
}

QJsonArray jsonStrings(const std::vector<std::string>& texts)
{
    QJsonArray out;
    for (const auto& t : texts)
        out.append(qstr(t));
    return out;
}

QJsonObject jsonIssue(const Issue& issue)
{
    return QJsonObject{
        {"source", qstr(issue.source)},
        {"line", issue.line},
        {"field", qstr(issue.field)},
        {"severity", issue.severity == Severity::Error ? "error" : "warning"},
        {"message", qstr(issue.message)},
        {"text", qstr(issue.toString())},
    };
}

QJsonArray jsonIssues(const std::vector<Issue>& issues)
{
    QJsonArray out;
    for (const auto& i : issues)
        out.append(jsonIssue(i));
    return out;
}

QJsonObject jsonDataset(const DatasetInfo& info)
{
    return QJsonObject{
        {"version", qstr(info.version)},
        {"valuation_date", jsonDate(info.valuationDate)},
        // Qt writes a qint64 exactly; generator seeds are small (a date such as 20261030), far
        // below 2^53, so readers that parse JSON numbers as doubles get the same value.
        {"seed", static_cast<qint64>(info.seed)},
        {"disclaimer", qstr(info.disclaimer)},
    };
}

void addUnit(QJsonObject& object, Unit unit)
{
    object.insert("unit", unitPriceLabel(unit));
    object.insert("unit_code", unitCode(unit));
    object.insert("unit_symbol", unitSymbol(unit));
}

} // namespace ch::cli
