#pragma once

#include "domain/dates.h"

#include <chrono>
#include <optional>
#include <string>

namespace ch::security {

//! Exponential backoff after failed logins (OWASP Authentication Cheat Sheet: throttle rather than
//! lock out permanently). The first `freeFailures` failures cost nothing; failure k beyond them
//! makes the user wait baseDelay·2^(k−1), capped at maxDelay. A failure streak older than
//! `forgetAfter` is forgotten.
struct LoginThrottlePolicy
{
    int freeFailures = 3;
    std::chrono::seconds baseDelay{1};
    std::chrono::seconds maxDelay{15 * 60};
    std::chrono::seconds forgetAfter{24 * 3600};
};

//! The failed-login state of one user, as storage keeps it (count plus the last failure time, UTC).
struct LoginAttempts
{
    int consecutiveFailures = 0;
    std::optional<Timestamp> lastFailureAt;

    friend bool operator==(const LoginAttempts&, const LoginAttempts&) = default;
};

struct LoginDecision
{
    bool allowed = true;
    std::chrono::seconds retryAfter{0}; //!< zero when allowed
    std::string message;                //!< empty when allowed
};

//! The wait imposed after `failures` consecutive failures (zero up to policy.freeFailures).
std::chrono::seconds backoffDelay(int failures, const LoginThrottlePolicy& policy = {});

//! Whether a login attempt may be checked at `now`. Refusals say how long to wait, e.g.
//! "5 failed logins; try again in 4 s (at 2026-10-05T14:03:08Z)".
LoginDecision checkLoginAllowed(const LoginAttempts& attempts,
                                Timestamp now,
                                const LoginThrottlePolicy& policy = {});

//! The state after a failed attempt at `now` (a streak older than forgetAfter restarts at 1).
LoginAttempts recordFailedLogin(const LoginAttempts& attempts,
                                Timestamp now,
                                const LoginThrottlePolicy& policy = {});

//! The state after a successful login: the streak is cleared.
inline LoginAttempts recordSuccessfulLogin()
{
    return {};
}

} // namespace ch::security
