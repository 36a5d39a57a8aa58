#include "security/openssl_support.h"

#include "security/crypto_error.h"

#include <openssl/err.h>
#include <openssl/evp.h>

namespace ch::security::detail {

void throwOpenSslError(const std::string& operation)
{
    // A failing OpenSSL call leaves its reason on the thread's error queue; without reading it the
    // failure is silent (reliability.md §3). Report the oldest entry, then clear the rest so a
    // later call does not pick up a stale reason.
    const unsigned long code = ERR_get_error();
    std::string reason = "no OpenSSL error code";
    if (code != 0) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        reason = buf;
    }
    ERR_clear_error();
    throw CryptoError(operation + " failed: " + reason);
}

std::string base64Encode(const std::vector<unsigned char>& bytes)
{
    // EVP_EncodeBlock writes 4 characters per 3 bytes plus a terminating NUL.
    std::vector<unsigned char> buf(4 * ((bytes.size() + 2) / 3) + 1);
    const int n = EVP_EncodeBlock(buf.data(), bytes.data(), static_cast<int>(bytes.size()));
    if (n < 0)
        throwOpenSslError("base64 encoding");
    return std::string(buf.begin(), buf.begin() + n);
}

bool base64Decode(std::string_view text, std::vector<unsigned char>& out)
{
    // EVP_DecodeBlock tolerates surrounding whitespace and returns padding as zero bytes, so the
    // text is checked here first and the padding length subtracted afterwards.
    if (text.empty() || text.size() % 4 != 0)
        return false;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool alnum =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c == '=') {
            if (i + 2 < text.size())
                return false; // '=' only in the last two places
            ++padding;
        } else if (padding > 0 || !(alnum || c == '+' || c == '/')) {
            return false;
        }
    }
    std::vector<unsigned char> buf(text.size() / 4 * 3);
    const int n = EVP_DecodeBlock(buf.data(),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0 || static_cast<std::size_t>(n) < padding)
        return false;
    buf.resize(static_cast<std::size_t>(n) - padding);
    out = std::move(buf);
    return true;
}

} // namespace ch::security::detail
