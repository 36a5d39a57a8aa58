#include "trading/users.h"

#include <array>

namespace ch::trading {

namespace {

constexpr std::array<const char*, 4> kRoleCodes{"admin", "trader", "approver", "viewer"};
constexpr std::array<const char*, 8> kPermissionCodes{"view_book",
                                                      "view_audit",
                                                      "create_order",
                                                      "cancel_order",
                                                      "approve_order",
                                                      "release_order",
                                                      "manage_users",
                                                      "manage_limits"};

} // namespace

const char* roleCode(Role r)
{
    return kRoleCodes.at(static_cast<std::size_t>(r));
}

std::optional<Role> parseRoleCode(std::string_view code)
{
    for (std::size_t i = 0; i < kRoleCodes.size(); ++i)
        if (code == kRoleCodes[i])
            return static_cast<Role>(i);
    return std::nullopt;
}

const char* permissionCode(Permission p)
{
    return kPermissionCodes.at(static_cast<std::size_t>(p));
}

bool hasPermission(Role role, Permission p)
{
    using P = Permission;
    switch (role) {
    case Role::Viewer:
        return p == P::ViewBook;
    case Role::Trader:
        return p == P::ViewBook || p == P::CreateOrder || p == P::CancelOrder
               || p == P::ReleaseOrder;
    case Role::Approver:
        return p == P::ViewBook || p == P::ViewAudit || p == P::ApproveOrder
               || p == P::ReleaseOrder;
    case Role::Admin:
        // The admin can stop an order (kill switch) but cannot deal or approve.
        return p == P::ViewBook || p == P::ViewAudit || p == P::ManageUsers || p == P::ManageLimits
               || p == P::CancelOrder;
    }
    return false;
}

std::string describeUser(const User& u)
{
    return "'" + u.login + "' (" + roleCode(u.role) + ")";
}

} // namespace ch::trading
