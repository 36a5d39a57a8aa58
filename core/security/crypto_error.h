#pragma once

#include <stdexcept>

namespace ch::security {

//! A failure inside OpenSSL (random bytes, scrypt, digest). The message names the operation and
//! carries OpenSSL's own error text, e.g. "scrypt key derivation failed: error:030000AC:digital
//! envelope routines::memory limit exceeded" (see shared/reference/reliability.md §3).
class CryptoError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace ch::security
