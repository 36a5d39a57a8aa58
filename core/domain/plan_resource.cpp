#include "domain/plan_resource.h"

#include <array>

namespace ch {

namespace {

constexpr std::array kGpuTypes{
    GpuType::H100, GpuType::H200, GpuType::B200, GpuType::A100, GpuType::L40S};
constexpr std::array kTiers{ModelTier::Frontier, ModelTier::Mid, ModelTier::Small};
constexpr std::array kDirections{TokenDirection::Input, TokenDirection::Output};
constexpr std::array kClasses{ConfidenceClass::Committed,
                              ConfidenceClass::HighlyProbable,
                              ConfidenceClass::Forecast,
                              ConfidenceClass::Possible};

template <class E, std::size_t N>
std::optional<E>
findByCode(std::string_view code, const std::array<E, N>& values, const char* (*codeOf)(E))
{
    for (E v : values)
        if (code == codeOf(v))
            return v;
    return std::nullopt;
}

} // namespace

const char* gpuTypeCode(GpuType g)
{
    switch (g) {
    case GpuType::H100:
        return "H100";
    case GpuType::H200:
        return "H200";
    case GpuType::B200:
        return "B200";
    case GpuType::A100:
        return "A100";
    case GpuType::L40S:
        return "L40S";
    }
    return "?";
}

const char* modelTierCode(ModelTier t)
{
    switch (t) {
    case ModelTier::Frontier:
        return "FRONTIER";
    case ModelTier::Mid:
        return "MID";
    case ModelTier::Small:
        return "SMALL";
    }
    return "?";
}

const char* tokenDirectionCode(TokenDirection d)
{
    return d == TokenDirection::Input ? "IN" : "OUT";
}

std::optional<GpuType> parseGpuType(std::string_view code)
{
    return findByCode(code, kGpuTypes, gpuTypeCode);
}

std::optional<ModelTier> parseModelTier(std::string_view code)
{
    return findByCode(code, kTiers, modelTierCode);
}

std::optional<TokenDirection> parseTokenDirection(std::string_view code)
{
    return findByCode(code, kDirections, tokenDirectionCode);
}

std::string Resource::code() const
{
    if (m_isGpu)
        return gpuTypeCode(m_gpu);
    return std::string(modelTierCode(m_tier)) + "." + tokenDirectionCode(m_direction);
}

std::string Resource::label() const
{
    if (m_isGpu)
        return gpuTypeCode(m_gpu);
    return std::string(modelTierCode(m_tier))
           + (m_direction == TokenDirection::Input ? " input tokens" : " output tokens");
}

std::string Resource::defaultIndexId() const
{
    if (m_isGpu)
        return std::string("GPU.") + gpuTypeCode(m_gpu) + ".NC";
    return std::string("TOK.") + modelTierCode(m_tier) + "." + tokenDirectionCode(m_direction);
}

std::optional<Resource> parseResource(std::string_view code)
{
    if (auto g = parseGpuType(code))
        return Resource::gpu(*g);
    const auto dot = code.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    const auto tier = parseModelTier(code.substr(0, dot));
    const auto direction = parseTokenDirection(code.substr(dot + 1));
    if (!tier || !direction)
        return std::nullopt;
    return Resource::tokens(*tier, *direction);
}

std::vector<Resource> allResources()
{
    std::vector<Resource> out;
    for (GpuType g : kGpuTypes)
        out.push_back(Resource::gpu(g));
    for (ModelTier t : kTiers)
        for (TokenDirection d : kDirections)
            out.push_back(Resource::tokens(t, d));
    return out;
}

std::string allResourceCodes()
{
    std::string out;
    for (const Resource& r : allResources())
        out += (out.empty() ? "" : ", ") + r.code();
    return out;
}

const char* confidenceClassCode(ConfidenceClass c)
{
    switch (c) {
    case ConfidenceClass::Committed:
        return "committed";
    case ConfidenceClass::HighlyProbable:
        return "highly_probable";
    case ConfidenceClass::Forecast:
        return "forecast";
    case ConfidenceClass::Possible:
        return "possible";
    }
    return "?";
}

std::optional<ConfidenceClass> parseConfidenceClass(std::string_view code)
{
    return findByCode(code, kClasses, confidenceClassCode);
}

std::string allConfidenceClassCodes()
{
    std::string out;
    for (ConfidenceClass c : kClasses)
        out += (out.empty() ? "" : ", ") + std::string(confidenceClassCode(c));
    return out;
}

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace ch
