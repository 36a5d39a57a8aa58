#pragma once

#include "domain/issue.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ch::security {

//! scrypt cost parameters (Percival 2009; RFC 7914). Defaults are the OWASP Password Storage Cheat
//! Sheet recommendation: N = 2^17, r = 8, p = 1. They are stored with every hash, so they can be
//! raised later without invalidating existing passwords.
struct ScryptParams
{
    int log2N = 17; //!< N = 2^log2N, the CPU/memory cost
    std::uint32_t r = 8;
    std::uint32_t p = 1;

    std::uint64_t n() const { return std::uint64_t{1} << log2N; }
    //! Bytes OpenSSL needs: 128·r·p for B plus 128·r·(N+2) for V (crypto/kdf scrypt.c). The
    //! derivation fails unless maxmem covers this; with N=2^17, r=8 it is about 128 MiB.
    std::uint64_t requiredMemoryBytes() const;

    friend bool operator==(const ScryptParams&, const ScryptParams&) = default;
};

//! OpenSSL's default scrypt memory limit is 32 MiB, which refuses N=2^17, r=8 with "memory limit
//! exceeded"; every derivation passes this limit explicitly (shared/reference/reliability.md §3).
inline constexpr std::uint64_t kScryptMaxMemBytes = std::uint64_t{256} << 20;
inline constexpr std::size_t kSaltBytes = 16;
inline constexpr std::size_t kKeyBytes = 32;

//! Raw scrypt: derives `keyBytes` bytes from password and salt. Throws ch::Error for parameters
//! outside the accepted range and CryptoError (with OpenSSL's text) when OpenSSL fails, e.g. when
//! `maxMemBytes` is below requiredMemoryBytes(). Takes 0.3-1 s and ~128 MiB at the defaults: run
//! it off the GUI thread.
std::vector<unsigned char> scryptKey(std::string_view password,
                                     const std::vector<unsigned char>& salt,
                                     const ScryptParams& params,
                                     std::size_t keyBytes,
                                     std::uint64_t maxMemBytes = kScryptMaxMemBytes);

//! `n` bytes from OpenSSL's CSPRNG (RAND_bytes); throws CryptoError on failure.
std::vector<unsigned char> randomBytes(std::size_t n);

//! A stored password verifier. Its text form is self-describing, so the parameters travel with the
//! hash: "scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>", e.g. "scrypt$17$8$1$...$...".
struct PasswordHash
{
    ScryptParams params;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> key;

    std::string toString() const;
    friend bool operator==(const PasswordHash&, const PasswordHash&) = default;
};

//! Parses the stored text form. Issues (source "password hash", field names the part) for a wrong
//! scheme, a malformed number, parameters outside 10 <= log2 N <= 24, 1 <= r <= 32, 1 <= p <= 16,
//! parameters needing more than kScryptMaxMemBytes, a salt under 16 bytes or a key under 16 bytes.
Parsed<PasswordHash> parsePasswordHash(std::string_view stored);

//! Hashes a new password with a fresh 16-byte random salt and a 32-byte key. Throws ch::Error for
//! an empty password or out-of-range parameters, CryptoError when OpenSSL fails.
std::string hashPassword(std::string_view password, const ScryptParams& params = {});

//! True when `password` matches `stored`, using the parameters and salt read from `stored` and a
//! constant-time comparison (CRYPTO_memcmp). Throws ch::Error when `stored` does not parse: a
//! corrupt verifier is a data error, not a wrong password.
bool verifyPassword(std::string_view password, std::string_view stored);

} // namespace ch::security
