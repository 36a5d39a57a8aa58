#pragma once

#include "hedging/recommendation.h"

#include <optional>
#include <vector>

namespace ch::hedging::detail {

// Internal to ch::hedging: turns RecommendationInputs into recommendation lines (one per exposure
// factor × month with volume), the candidate instrument of each hedgeable line, the policy's
// linear limits, and the existing positions attributed to lines.

struct Book
{
    std::vector<RecommendationLine> lines;
    std::vector<HedgeCandidate> candidates;
    std::vector<std::size_t> lineOfCell; //!< per RiskInputs cell, its line (SIZE_MAX: none)
    std::vector<LinearLimit> limits;
    std::vector<double> targetExactContracts; //!< per line, r·V·h/u before rounding
    std::vector<Issue> issues;
};

//! `instruments`, when not empty, holds one entry per line (in the order lines are built) that
//! replaces the policy's preferred instrument; nullopt keeps the preferred one.
Book buildBook(const RecommendationInputs& in,
               const std::vector<std::optional<HedgeInstrumentType>>& instruments = {});

//! Existing futures and calls, attributed to the hedged lines on the same symbol and month (split
//! in proportion to V·h* by largest remainder), with Issues (source "positions") for held hedges
//! outside a line's band and for positions that hedge no line. Sets existingContracts and
//! existingOtherUnits (positions.cpp).
void attributePositions(const RecommendationInputs& in, Book& b);

//! "GPU.H100.NC 2027-01": how messages name a line.
std::string lineLabel(const RecommendationLine& line);

} // namespace ch::hedging::detail
