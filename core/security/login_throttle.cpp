#include "security/login_throttle.h"

#include "domain/error.h"

namespace ch::security {

namespace {

int effectiveFailures(const LoginAttempts& a, Timestamp now, const LoginThrottlePolicy& policy)
{
    if (!a.lastFailureAt || now - *a.lastFailureAt >= policy.forgetAfter)
        return 0;
    return a.consecutiveFailures;
}

} // namespace

std::chrono::seconds backoffDelay(int failures, const LoginThrottlePolicy& policy)
{
    require(policy.freeFailures >= 0 && policy.baseDelay.count() > 0
                && policy.maxDelay >= policy.baseDelay,
            "backoffDelay: the throttle policy needs freeFailures >= 0 and 0 < baseDelay <= "
            "maxDelay");
    const int excess = failures - policy.freeFailures;
    if (excess <= 0)
        return std::chrono::seconds{0};
    // Double until the cap; stop early so the shift never overflows.
    std::chrono::seconds delay = policy.baseDelay;
    for (int i = 1; i < excess && delay < policy.maxDelay; ++i)
        delay *= 2;
    return delay < policy.maxDelay ? delay : policy.maxDelay;
}

LoginDecision
checkLoginAllowed(const LoginAttempts& attempts, Timestamp now, const LoginThrottlePolicy& policy)
{
    const int failures = effectiveFailures(attempts, now, policy);
    const std::chrono::seconds delay = backoffDelay(failures, policy);
    if (delay.count() == 0)
        return {};
    const Timestamp allowedAt = *attempts.lastFailureAt + delay;
    if (now >= allowedAt)
        return {};
    const std::chrono::seconds wait = allowedAt - now;
    return LoginDecision{false,
                         wait,
                         std::to_string(failures) + " failed logins; try again in "
                             + std::to_string(wait.count()) + " s (at "
                             + formatIsoTimestamp(allowedAt) + ")"};
}

LoginAttempts
recordFailedLogin(const LoginAttempts& attempts, Timestamp now, const LoginThrottlePolicy& policy)
{
    return LoginAttempts{effectiveFailures(attempts, now, policy) + 1, now};
}

} // namespace ch::security
