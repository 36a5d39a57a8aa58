#pragma once

#include "domain/units.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch {

// What a consumption-plan line consumes. Every enum has a stable text code (storage writes the
// code, never the number) and codes never change once released.

enum class GpuType : std::uint8_t { H100, H200, B200, A100, L40S };
enum class ModelTier : std::uint8_t { Frontier, Mid, Small };
enum class TokenDirection : std::uint8_t { Input, Output };

const char* gpuTypeCode(GpuType g);             //!< "H100", "H200", "B200", "A100", "L40S"
const char* modelTierCode(ModelTier t);         //!< "FRONTIER", "MID", "SMALL"
const char* tokenDirectionCode(TokenDirection); //!< "IN", "OUT"
std::optional<GpuType> parseGpuType(std::string_view code);
std::optional<ModelTier> parseModelTier(std::string_view code);
std::optional<TokenDirection> parseTokenDirection(std::string_view code);

//! A plannable resource: GPU-hours of one GPU type, or millions of tokens of one model tier in one
//! direction (input and output tokens are priced separately, so they are separate resources).
//! Invariant: a GPU resource has no tier/direction meaning and vice versa (the unused fields keep
//! their defaults so that == compares only what matters).
class Resource
{
public:
    constexpr Resource() = default;
    static constexpr Resource gpu(GpuType g) { return Resource(true, g, {}, {}); }
    static constexpr Resource tokens(ModelTier t, TokenDirection d)
    {
        return Resource(false, GpuType::H100, t, d);
    }

    constexpr bool isGpu() const { return m_isGpu; }
    constexpr GpuType gpuType() const { return m_gpu; }
    constexpr ModelTier tier() const { return m_tier; }
    constexpr TokenDirection direction() const { return m_direction; }
    //! GPU-hours for a GPU type, MTok for tokens.
    constexpr Unit unit() const { return m_isGpu ? Unit::GpuHour : Unit::MTok; }

    //! Stable code: "H100" for a GPU type, "FRONTIER.IN" / "MID.OUT" for tokens.
    std::string code() const;
    //! For people: "H100", "FRONTIER input tokens".
    std::string label() const;
    //! The reference index the resource is priced against by default: "GPU.H100.NC" (neocloud
    //! on-demand, the series the simulated futures settle on) or "TOK.FRONTIER.IN".
    std::string defaultIndexId() const;

    friend bool operator==(const Resource&, const Resource&) = default;
    friend auto operator<=>(const Resource&, const Resource&) = default;

private:
    constexpr Resource(bool isGpu, GpuType g, ModelTier t, TokenDirection d)
        : m_isGpu(isGpu)
        , m_gpu(g)
        , m_tier(t)
        , m_direction(d)
    {}
    bool m_isGpu = true;
    GpuType m_gpu = GpuType::H100;
    ModelTier m_tier = ModelTier::Frontier;
    TokenDirection m_direction = TokenDirection::Input;
};

//! "H100" -> GPU resource, "MID.OUT" -> tokens; nullopt for anything else (codes are exact).
std::optional<Resource> parseResource(std::string_view code);
//! Every resource in a fixed order (the five GPU types, then tiers × directions), for pickers and
//! for the "expected one of ..." part of messages.
std::vector<Resource> allResources();
//! "H100, H200, B200, A100, L40S, FRONTIER.IN, ..., SMALL.OUT".
std::string allResourceCodes();

//! How firm a plan line is (shared/reference/market.md §4.1). Hedge ratios later apply to the
//! committed and highly probable classes only.
enum class ConfidenceClass : std::uint8_t {
    Committed,      //!< contracted volume at a floating price
    HighlyProbable, //!< the only class eligible for cash-flow hedge accounting
    Forecast,       //!< a planning estimate
    Possible        //!< budget-level / upside case
};
const char* confidenceClassCode(ConfidenceClass c); //!< "committed", "highly_probable", ...
std::optional<ConfidenceClass> parseConfidenceClass(std::string_view code);
//! "committed, highly_probable, forecast, possible".
std::string allConfidenceClassCodes();

//! A stable identifier for lines, helpers and contracts: 1-64 characters of [A-Za-z0-9._-], so it
//! survives CSV, SQLite TEXT and file names unquoted.
bool isValidId(std::string_view id);

} // namespace ch
