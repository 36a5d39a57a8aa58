#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace ch::trading {

//! Stable row ids, assigned by storage (SQLite INTEGER PRIMARY KEY). Distinct types so a user id
//! cannot be passed where an order id is expected.
struct UserId
{
    std::int64_t value = 0;
    friend bool operator==(const UserId&, const UserId&) = default;
    friend auto operator<=>(const UserId&, const UserId&) = default;
};

struct OrderId
{
    std::int64_t value = 0;
    friend bool operator==(const OrderId&, const OrderId&) = default;
    friend auto operator<=>(const OrderId&, const OrderId&) = default;
};

inline std::string idText(OrderId id)
{
    return std::to_string(id.value);
}

} // namespace ch::trading
