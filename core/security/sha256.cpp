#include "security/sha256.h"

#include "security/openssl_support.h"

#include <openssl/err.h>
#include <openssl/evp.h>

namespace ch::security {

std::string sha256Hex(std::string_view data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    ERR_clear_error();
    if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
        detail::throwOpenSslError("SHA-256 digest");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * len);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[md[i] >> 4]);
        out.push_back(kHex[md[i] & 0x0f]);
    }
    return out;
}

} // namespace ch::security
