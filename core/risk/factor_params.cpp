#include "risk/factor_params.h"

#include "domain/error.h"

#include <cmath>

namespace ch::risk {

const char* factorModelCode(FactorModel m)
{
    switch (m) {
    case FactorModel::MeanRevertingJump:
        return "mr_jump";
    case FactorModel::TokenCuts:
        return "token_cuts";
    }
    return "mr_jump";
}

bool parseFactorModel(const std::string& code, FactorModel& out)
{
    if (code == "mr_jump") {
        out = FactorModel::MeanRevertingJump;
        return true;
    }
    if (code == "token_cuts") {
        out = FactorModel::TokenCuts;
        return true;
    }
    return false;
}

bool FactorParamOverrides::empty() const
{
    return !kappaPerYear && !sigmaAnnual && !jumpsPerYear && !jumpMeanLog && !jumpSdLog;
}

FactorParams
withOverrides(const FactorParams& estimated, const FactorParamOverrides& overrides, FactorModel m)
{
    FactorParams p = estimated;
    if (overrides.kappaPerYear)
        p.kappaPerYear = *overrides.kappaPerYear;
    if (overrides.sigmaAnnual)
        p.sigmaAnnual = *overrides.sigmaAnnual;
    if (overrides.jumpsPerYear)
        p.jumpsPerYear = *overrides.jumpsPerYear;
    if (overrides.jumpMeanLog)
        p.jumpMeanLog = *overrides.jumpMeanLog;
    if (overrides.jumpSdLog)
        p.jumpSdLog = *overrides.jumpSdLog;
    validateFactorParams(p, m, "override");
    return p;
}

namespace {

void requireNonNegative(double v, const std::string& what, const char* field)
{
    require(std::isfinite(v) && v >= 0.0,
            what + ": " + field + " = " + std::to_string(v) + " must be finite and >= 0");
}

} // namespace

void validateFactorParams(const FactorParams& p, FactorModel m, const std::string& what)
{
    requireNonNegative(p.kappaPerYear, what, "kappaPerYear");
    requireNonNegative(p.sigmaAnnual, what, "sigmaAnnual");
    requireNonNegative(p.jumpsPerYear, what, "jumpsPerYear");
    requireNonNegative(p.jumpSdLog, what, "jumpSdLog");
    require(std::isfinite(p.jumpMeanLog),
            what + ": jumpMeanLog = " + std::to_string(p.jumpMeanLog) + " must be finite");
    // 120 jumps a year is 10 a month: far beyond any index seen, and it keeps the per-step Poisson
    // table short (mc_model.cpp).
    require(p.jumpsPerYear <= 120.0,
            what + ": jumpsPerYear = " + std::to_string(p.jumpsPerYear) + " exceeds 120");
    require(m != FactorModel::TokenCuts || p.kappaPerYear == 0.0,
            what + ": a token_cuts factor has no mean reversion (kappaPerYear = "
                + std::to_string(p.kappaPerYear) + ")");
}

} // namespace ch::risk
