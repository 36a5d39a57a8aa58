#pragma once

#include "hedging/recommendation.h"
#include "hedging_fixtures.h"

#include <chrono>

namespace ch::hedging::test {

//! A three-resource book from 2026-11 (valuation 2026-10-30) over 14 months: 73,000 GPU-h of H100
//! on its own contract, 14,600 GPU-h of H200 cross-hedged on CHG.H100 (β 0.9, R² 0.81, price
//! 3.50 against 2.50: h* = 0.9 × 3.5 / 2.5 = 1.26), and 8,000 MTok of the frontier token tier on
//! CHT.FRONTIER, which lists 12 months only. Default policy.
inline RecommendationInputs threeResourceBook()
{
    using namespace std::chrono;
    RecommendationInputs in;
    in.policy = defaultPolicy("treasurer", savedAt());
    in.valuationDate = valuationDate();
    risk::RiskInputs& r = in.risk;
    r.firstMonth = 2026y / November;
    r.horizonMonths = 14;
    r.factors.push_back(flatFactor("GPU.H100.NC", "H100", 14, 2.5, {2.0, 0.5, 0.0, 0.0, 0.0}));
    r.factors.push_back(flatFactor("GPU.H200.NC", "H200", 14, 3.5, {1.5, 0.55, 0.0, 0.0, 0.0}));
    r.factors.push_back(flatFactor("TOK.FRONTIER.BLEND",
                                   "FRONTIER",
                                   14,
                                   4.0,
                                   {0.0, 0.1, 2.0, -0.3, 0.1},
                                   risk::FactorModel::TokenCuts));
    r.correlation = Eigen::MatrixXd::Identity(3, 3);
    r.correlation(0, 1) = r.correlation(1, 0) = 0.9;
    for (int m = 0; m < 14; ++m) {
        r.cells.push_back(cell(0, m, 73'000.0));
        r.cells.push_back(cell(1, m, 14'600.0));
        r.cells.push_back(cell(2, m, 8'000.0));
    }
    in.contracts = {chgH100(), chtFrontier()};
    HedgeChoice h200;
    h200.exposureIndexId = "GPU.H200.NC";
    h200.symbol = "CHG.H100";
    h200.contractIndexId = "GPU.H100.NC";
    h200.crossHedge = true;
    h200.ratio.beta = 0.9;
    h200.ratio.rSquared = 0.81;
    h200.ratio.correlation = 0.9;
    h200.ratio.basisVolAnnual = 0.24;
    in.choices = {ownChoice("GPU.H100.NC", "CHG.H100"),
                  h200,
                  ownChoice("TOK.FRONTIER.BLEND", "CHT.FRONTIER")};
    in.optionVols = {{"GPU.H100.NC", 0.6, 500}, {"TOK.FRONTIER.BLEND", 0.3, 500}};
    return in;
}

inline const RecommendationLine*
findLine(const HedgeRecommendation& rec, const std::string& index, Month month)
{
    for (const RecommendationLine& l : rec.lines)
        if (l.exposureIndexId == index && l.month == month)
            return &l;
    return nullptr;
}

inline std::vector<std::string> issueTexts(const std::vector<Issue>& issues)
{
    std::vector<std::string> out;
    for (const Issue& i : issues)
        out.push_back(i.toString());
    return out;
}

inline bool hasIssue(const std::vector<Issue>& issues, const std::string& text)
{
    for (const Issue& i : issues)
        if (i.toString() == text)
            return true;
    return false;
}

} // namespace ch::hedging::test
