#pragma once

#include "storage/desk_demo.h"

#include <string>

namespace ch::test {

//! The published password of a demo account (storage::kDemoAccounts), "" for another login.
inline const char* demoPassword(const char* login)
{
    for (const auto& a : storage::kDemoAccounts)
        if (std::string(a.login) == login)
            return a.password;
    return "";
}

} // namespace ch::test
