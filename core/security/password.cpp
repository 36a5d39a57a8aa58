#include "security/password.h"

#include "domain/error.h"
#include "security/crypto_error.h"
#include "security/openssl_support.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>

namespace ch::security {

namespace {

constexpr const char* kScheme = "scrypt";
constexpr std::size_t kMinStoredBytes = 16;

std::string paramsText(const ScryptParams& p)
{
    return "log2 N = " + std::to_string(p.log2N) + ", r = " + std::to_string(p.r)
           + ", p = " + std::to_string(p.p);
}

//! Empty when the parameters are acceptable, otherwise why not.
std::string paramsProblem(const ScryptParams& p)
{
    if (p.log2N < 10 || p.log2N > 24)
        return "log2 N = " + std::to_string(p.log2N) + " is outside 10..24";
    if (p.r < 1 || p.r > 32)
        return "r = " + std::to_string(p.r) + " is outside 1..32";
    if (p.p < 1 || p.p > 16)
        return "p = " + std::to_string(p.p) + " is outside 1..16";
    if (p.requiredMemoryBytes() > kScryptMaxMemBytes)
        return paramsText(p) + " needs "
               + std::to_string((p.requiredMemoryBytes() + (1u << 20) - 1) >> 20)
               + " MiB, above the " + std::to_string(kScryptMaxMemBytes >> 20) + " MiB limit";
    return {};
}

std::vector<std::string_view> splitDollar(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = text.find('$', start);
        parts.push_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos)
            return parts;
        start = pos + 1;
    }
}

template <class T>
bool parseNumber(std::string_view text, T& out)
{
    const auto* end = text.data() + text.size();
    const auto res = std::from_chars(text.data(), end, out);
    return !text.empty() && res.ec == std::errc{} && res.ptr == end;
}

} // namespace

std::uint64_t ScryptParams::requiredMemoryBytes() const
{
    return 128ull * r * p + 128ull * r * (n() + 2);
}

std::vector<unsigned char> scryptKey(std::string_view password,
                                     const std::vector<unsigned char>& salt,
                                     const ScryptParams& params,
                                     std::size_t keyBytes,
                                     std::uint64_t maxMemBytes)
{
    const std::string problem = paramsProblem(params);
    require(problem.empty(), "scryptKey: " + problem);
    require(keyBytes > 0 && !salt.empty(), "scryptKey: salt and key length must be non-empty");
    std::vector<unsigned char> key(keyBytes);
    ERR_clear_error();
    // maxmem is always passed: OpenSSL's default (32 MiB) refuses the OWASP parameters.
    if (EVP_PBE_scrypt(password.data(),
                       password.size(),
                       salt.data(),
                       salt.size(),
                       params.n(),
                       params.r,
                       params.p,
                       maxMemBytes,
                       key.data(),
                       key.size())
        != 1)
        detail::throwOpenSslError("scrypt key derivation (" + paramsText(params) + ", maxmem "
                                  + std::to_string(maxMemBytes >> 20) + " MiB)");
    return key;
}

std::vector<unsigned char> randomBytes(std::size_t n)
{
    std::vector<unsigned char> out(n);
    ERR_clear_error();
    if (RAND_bytes(out.data(), static_cast<int>(n)) != 1)
        detail::throwOpenSslError("RAND_bytes(" + std::to_string(n) + ")");
    return out;
}

std::string PasswordHash::toString() const
{
    return std::string(kScheme) + "$" + std::to_string(params.log2N) + "$"
           + std::to_string(params.r) + "$" + std::to_string(params.p) + "$"
           + detail::base64Encode(salt) + "$" + detail::base64Encode(key);
}

Parsed<PasswordHash> parsePasswordHash(std::string_view stored)
{
    Parsed<PasswordHash> out;
    auto issue = [&out](const std::string& field, const std::string& message) {
        out.issues.push_back(Issue{"password hash", 0, field, Severity::Error, message});
        return out;
    };
    const auto parts = splitDollar(stored);
    if (parts.size() != 6 || parts[0] != kScheme)
        return issue("scheme",
                     "expected \"scrypt$<log2 N>$<r>$<p>$<salt>$<key>\" with 6 '$'-separated "
                     "parts, got "
                         + std::to_string(parts.size()) + " parts starting \""
                         + std::string(parts[0].substr(0, 16)) + "\"");
    ScryptParams p;
    if (!parseNumber(parts[1], p.log2N))
        return issue("log2N", "\"" + std::string(parts[1]) + "\" is not a whole number");
    if (!parseNumber(parts[2], p.r))
        return issue("r", "\"" + std::string(parts[2]) + "\" is not a whole number");
    if (!parseNumber(parts[3], p.p))
        return issue("p", "\"" + std::string(parts[3]) + "\" is not a whole number");
    if (const std::string problem = paramsProblem(p); !problem.empty())
        return issue("params", problem);
    PasswordHash h;
    h.params = p;
    if (!detail::base64Decode(parts[4], h.salt))
        return issue("salt", "\"" + std::string(parts[4]) + "\" is not base64");
    if (h.salt.size() < kMinStoredBytes)
        return issue("salt", std::to_string(h.salt.size()) + " bytes; at least 16 required");
    if (!detail::base64Decode(parts[5], h.key))
        return issue("key", "\"" + std::string(parts[5]) + "\" is not base64");
    if (h.key.size() < kMinStoredBytes)
        return issue("key", std::to_string(h.key.size()) + " bytes; at least 16 required");
    out.value = std::move(h);
    return out;
}

std::string hashPassword(std::string_view password, const ScryptParams& params)
{
    require(!password.empty(), "hashPassword: the password is empty");
    PasswordHash h;
    h.params = params;
    h.salt = randomBytes(kSaltBytes);
    h.key = scryptKey(password, h.salt, params, kKeyBytes);
    return h.toString();
}

bool verifyPassword(std::string_view password, std::string_view stored)
{
    const Parsed<PasswordHash> parsed = parsePasswordHash(stored);
    require(!parsed.hasErrors(),
            "verifyPassword: stored hash is corrupt: "
                + (parsed.issues.empty() ? std::string() : parsed.issues.front().toString()));
    const PasswordHash& h = parsed.value;
    const auto candidate = scryptKey(password, h.salt, h.params, h.key.size());
    // Constant time, so the comparison does not leak how many leading bytes matched.
    return CRYPTO_memcmp(candidate.data(), h.key.data(), h.key.size()) == 0;
}

} // namespace ch::security
