#pragma once

#include <string>
#include <string_view>

namespace ch::security {

//! SHA-256 (FIPS 180-4) of `data` as 64 lowercase hex digits. Used to chain audit entries.
//! Throws CryptoError if OpenSSL fails.
std::string sha256Hex(std::string_view data);

} // namespace ch::security
