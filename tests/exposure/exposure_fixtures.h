#pragma once

#include "domain/issue.h"
#include "domain/plan.h"
#include "pricing/market_snapshot.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace ch::test {

//! std::string as QString, so QCOMPARE prints both sides when they differ.
inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

//! Every issue in the house format (Issue::toString), for QCOMPARE against expected messages.
inline QStringList issueTexts(const std::vector<Issue>& issues)
{
    QStringList out;
    for (const auto& i : issues)
        out << QString::fromStdString(i.toString());
    return out;
}

//! A forward curve built by hand (tests never depend on the reference dataset): one point per
//! month from `first`, with the given USD prices.
inline pricing::ForwardCurve
handCurve(const std::string& indexId, Unit unit, Month first, const std::vector<double>& usd)
{
    pricing::ForwardCurve c;
    c.indexId = indexId;
    c.unit = unit;
    c.asOf = lastDay(addMonths(first, -1));
    c.spotUsd = usd.empty() ? 0.0 : usd.front();
    for (std::size_t i = 0; i < usd.size(); ++i)
        c.points.push_back(pricing::ForwardPoint{addMonths(first, static_cast<int>(i)), usd[i]});
    return c;
}

inline pricing::ForwardCurve
flatCurve(const std::string& indexId, Unit unit, Month first, int months, double usd)
{
    return handCurve(
        indexId, unit, first, std::vector<double>(static_cast<std::size_t>(months), usd));
}

//! A manual plan line with the same cell in every month.
inline PlanLine
manualLine(const std::string& id, const std::string& name, Resource r, int months, VolumeTriple v)
{
    return PlanLine(id,
                    name,
                    r,
                    r.defaultIndexId(),
                    ConfidenceClass::Forecast,
                    std::vector<VolumeTriple>(static_cast<std::size_t>(months), v));
}

} // namespace ch::test
