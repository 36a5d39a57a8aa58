#include "domain/error.h"

namespace ch {

Error::Error(const std::string& message, std::source_location where)
    : std::runtime_error(message)
    , m_where(where)
{}

void require(bool condition, const std::string& message, std::source_location where)
{
    if (!condition)
        throw Error(message, where);
}

} // namespace ch
