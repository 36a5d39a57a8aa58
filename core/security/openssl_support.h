#pragma once

// Private to ch::security: helpers shared by the OpenSSL-backed sources. Not installed, not
// included by other modules.

#include <string>
#include <string_view>
#include <vector>

namespace ch::security::detail {

//! Throws CryptoError("<operation> failed: <OpenSSL error text>") and empties the error queue.
[[noreturn]] void throwOpenSslError(const std::string& operation);

std::string base64Encode(const std::vector<unsigned char>& bytes);
//! Strict standard base64 (RFC 4648 §4, with padding); false for any other text.
bool base64Decode(std::string_view text, std::vector<unsigned char>& out);

} // namespace ch::security::detail
