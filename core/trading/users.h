#pragma once

#include "trading/ids.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ch::trading {

//! Roles follow segregation of duties (shared/reference/market.md §4.6): the trader (maker)
//! proposes orders, the approver (checker) releases them, the admin manages users and limits but
//! neither deals nor approves, and the viewer only reads.
enum class Role : std::uint8_t { Admin, Trader, Approver, Viewer };

enum class Permission : std::uint8_t {
    ViewBook,     //!< orders, fills, positions, P&L
    ViewAudit,    //!< the audit log (read-only for everyone)
    CreateOrder,  //!< draft an order and submit it for approval
    CancelOrder,  //!< withdraw an order that has not reached the broker
    ApproveOrder, //!< approve or reject a pending order (never one's own)
    ReleaseOrder, //!< send an approved order to the broker
    ManageUsers,  //!< create users, change roles, reset passwords
    ManageLimits  //!< trading limits, approval thresholds, pre-trade settings
};

const char* roleCode(Role r); //!< stable storage code: "admin", "trader", "approver", "viewer"
std::optional<Role> parseRoleCode(std::string_view code);
const char* permissionCode(Permission p); //!< "view_book", "approve_order", ...

//! The permission table (docs/trading-controls.md lists it).
bool hasPermission(Role role, Permission permission);

//! A person who can log in. The password verifier (security/password.h) is kept by storage beside
//! the user row, not in this value, so user values can be shown and copied freely.
struct User
{
    UserId id;
    std::string login;       //!< unique, e.g. "alice"
    std::string displayName; //!< e.g. "Alice Martin"
    Role role = Role::Viewer;
    bool active = true; //!< deactivated users keep their history but can do nothing

    bool can(Permission p) const { return active && hasPermission(role, p); }
    friend bool operator==(const User&, const User&) = default;
};

//! "'alice' (trader)": how messages and the audit log name a user.
std::string describeUser(const User& u);

} // namespace ch::trading
