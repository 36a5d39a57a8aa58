#include "trading/execution_report.h"

#include <array>

namespace ch::trading {

namespace {
constexpr std::array<const char*, 6> kExecTypeCodes{
    "new", "partial_fill", "fill", "rejected", "cancelled", "cancel_rejected"};
}

const char* execTypeCode(ExecType t)
{
    return kExecTypeCodes.at(static_cast<std::size_t>(t));
}

std::optional<ExecType> parseExecTypeCode(std::string_view code)
{
    for (std::size_t i = 0; i < kExecTypeCodes.size(); ++i)
        if (code == kExecTypeCodes[i])
            return static_cast<ExecType>(i);
    return std::nullopt;
}

} // namespace ch::trading
