#include "risk/estimation.h"

#include "domain/error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>

namespace ch::risk {

namespace {

//! Years since the first date (ACT/365), after checking the series.
std::vector<double>
yearsSinceStart(const std::vector<Date>& dates, const std::vector<double>& prices, std::size_t minN)
{
    require(dates.size() == prices.size(),
            "estimation: " + std::to_string(dates.size()) + " dates but "
                + std::to_string(prices.size()) + " prices");
    require(dates.size() >= minN,
            "estimation: " + std::to_string(dates.size()) + " observations; at least "
                + std::to_string(minN) + " are needed");
    std::vector<double> t(dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
        require(std::isfinite(prices[i]) && prices[i] > 0.0,
                "estimation: price " + std::to_string(prices[i]) + " on " + formatIsoDate(dates[i])
                    + " must be > 0");
        if (i > 0)
            require(dates[i] > dates[i - 1],
                    "estimation: dates must increase strictly (" + formatIsoDate(dates[i - 1])
                        + " then " + formatIsoDate(dates[i]) + ")");
        t[i] = yearFractionAct365(dates.front(), dates[i]);
    }
    return t;
}

void pointsInRange(
    const PriceSeries& s, Date from, Date to, std::vector<Date>& dates, std::vector<double>& prices)
{
    for (const DailyPrice& p : s.points)
        if (p.date >= from && p.date <= to) {
            dates.push_back(p.date);
            prices.push_back(p.usd);
        }
}

double sampleSd(const std::vector<double>& v)
{
    if (v.size() < 2)
        return 0.0;
    double mean = 0.0;
    for (double x : v)
        mean += x;
    mean /= static_cast<double>(v.size());
    double ss = 0.0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

} // namespace

MrJumpFit estimateMeanRevertingJump(const std::vector<Date>& dates,
                                    const std::vector<double>& pricesUsd,
                                    const MrJumpFitOptions& options)
{
    require(options.thresholdSigmas > 0.0 && options.maxIterations >= 1,
            "estimation: threshold and iteration count must be positive");
    const std::vector<double> t = yearsSinceStart(dates, pricesUsd, 30);
    const std::size_t n = dates.size();
    const std::size_t rows = n - 1;
    std::vector<double> gaps(rows);
    for (std::size_t i = 0; i < rows; ++i)
        gaps[i] = t[i + 1] - t[i];
    std::nth_element(
        gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(rows / 2), gaps.end());
    MrJumpFit fit;
    fit.observations = n;
    fit.stepYears = gaps[rows / 2];
    fit.years = t.back();

    const auto r = static_cast<Eigen::Index>(rows);
    Eigen::MatrixXd x(r, 3);
    Eigen::VectorXd y(r);
    for (Eigen::Index i = 0; i < r; ++i) {
        const auto ui = static_cast<std::size_t>(i);
        x(i, 0) = 1.0;
        x(i, 1) = t[ui];
        x(i, 2) = std::log(pricesUsd[ui]);
        y(i) = std::log(pricesUsd[ui + 1]);
    }
    std::vector<bool> jump(rows, false);
    Eigen::Vector3d beta = Eigen::Vector3d::Zero();
    Eigen::VectorXd resid(r);
    double sdEps = 0.0;
    for (fit.iterations = 1; fit.iterations <= options.maxIterations; ++fit.iterations) {
        Eigen::Index kept = 0;
        for (bool j : jump)
            kept += j ? 0 : 1;
        require(kept > 3, "estimation: too few non-jump observations left");
        Eigen::MatrixXd xk(kept, 3);
        Eigen::VectorXd yk(kept);
        for (Eigen::Index i = 0, k = 0; i < r; ++i)
            if (!jump[static_cast<std::size_t>(i)]) {
                xk.row(k) = x.row(i);
                yk(k++) = y(i);
            }
        beta = xk.colPivHouseholderQr().solve(yk);
        resid = y - x * beta;
        double ss = 0.0;
        for (Eigen::Index i = 0; i < r; ++i)
            if (!jump[static_cast<std::size_t>(i)])
                ss += resid(i) * resid(i);
        sdEps = std::sqrt(ss / static_cast<double>(kept - 3));
        bool changed = false;
        for (Eigen::Index i = 0; i < r; ++i) {
            const bool isJump = std::fabs(resid(i)) > options.thresholdSigmas * sdEps;
            changed = changed || isJump != jump[static_cast<std::size_t>(i)];
            jump[static_cast<std::size_t>(i)] = isJump;
        }
        if (!changed) {
            fit.converged = true;
            break;
        }
    }
    fit.iterations = std::min(fit.iterations, options.maxIterations);

    const double b = beta(2);
    const double dt = fit.stepYears;
    fit.ar1Coefficient = b;
    fit.residualSd = sdEps;
    if (b > 0.0 && b < 1.0) {
        const double kappa = -std::log(b) / dt;
        fit.params.kappaPerYear = kappa;
        fit.params.sigmaAnnual = sdEps * std::sqrt(2.0 * kappa / (1.0 - b * b));
        fit.trendPerYear = beta(1) / (1.0 - b);
    } else {
        fit.meanReverting = false;
        fit.params.kappaPerYear = 0.0;
        fit.params.sigmaAnnual = sdEps / std::sqrt(dt);
        fit.trendPerYear = beta(1);
    }
    std::vector<double> sizes;
    for (Eigen::Index i = 0; i < r; ++i)
        if (jump[static_cast<std::size_t>(i)])
            sizes.push_back(resid(i));
    fit.jumps = sizes.size();
    fit.params.jumpsPerYear = static_cast<double>(sizes.size()) / fit.years;
    if (!sizes.empty()) {
        double mean = 0.0;
        for (double s : sizes)
            mean += s;
        fit.params.jumpMeanLog = mean / static_cast<double>(sizes.size());
        const double sd = sampleSd(sizes);
        fit.params.jumpSdLog = std::sqrt(std::max(sd * sd - sdEps * sdEps, 0.0));
    }
    return fit;
}

MrJumpFit estimateMeanRevertingJump(const PriceSeries& series,
                                    Date from,
                                    Date to,
                                    const MrJumpFitOptions& options)
{
    std::vector<Date> dates;
    std::vector<double> prices;
    pointsInRange(series, from, to, dates, prices);
    return estimateMeanRevertingJump(dates, prices, options);
}

TokenCutFit estimateTokenCuts(const std::vector<Date>& dates,
                              const std::vector<double>& pricesUsd,
                              const TokenCutFitOptions& options)
{
    require(options.minLogMove >= 0.0, "estimation: minLogMove must be >= 0");
    const std::vector<double> t = yearsSinceStart(dates, pricesUsd, 2);
    TokenCutFit fit;
    fit.observations = dates.size();
    fit.years = t.back();
    std::vector<double> cuts;
    for (std::size_t i = 1; i < dates.size(); ++i) {
        const double move = std::log(pricesUsd[i] / pricesUsd[i - 1]);
        if (move < -options.minLogMove)
            cuts.push_back(move);
        else if (move > options.minLogMove)
            ++fit.rises;
    }
    fit.cuts = cuts.size();
    fit.params.jumpsPerYear = static_cast<double>(cuts.size()) / fit.years;
    if (!cuts.empty()) {
        double mean = 0.0;
        for (double c : cuts)
            mean += c;
        fit.params.jumpMeanLog = mean / static_cast<double>(cuts.size());
        fit.params.jumpSdLog = sampleSd(cuts);
    }
    return fit;
}

TokenCutFit
estimateTokenCuts(const PriceSeries& series, Date from, Date to, const TokenCutFitOptions& options)
{
    std::vector<Date> dates;
    std::vector<double> prices;
    pointsInRange(series, from, to, dates, prices);
    return estimateTokenCuts(dates, prices, options);
}

} // namespace ch::risk
