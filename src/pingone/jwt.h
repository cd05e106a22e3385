#pragma once
// RS256 JSON Web Tokens for the two JWT methods (private_key_jwt, jwt_bearer): the RSA key
// (PEM or JWK), the signature, and the client assertion PingOne expects.

#include <chrono>
#include <memory>
#include <string>

#include "model/model.h"
#include "util/result.h"

namespace pingplan::pingone {

using Json = model::Json;

/// An RSA private key held by OpenSSL. Its bytes never leave it (no printing, no copies).
class RsaKey {
 public:
  struct Impl;
  explicit RsaKey(std::unique_ptr<Impl> impl);
  ~RsaKey();
  RsaKey(const RsaKey&) = delete;
  RsaKey& operator=(const RsaKey&) = delete;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// A key from the text of a PEM file (PKCS#8 or PKCS#1) or a JWK (kty RSA with n, e, d, p, q,
/// dp, dq, qi, as `jose jwk gen -i '{"alg":"RS256"}'` writes). The error says what is wrong
/// without quoting the key.
Result<std::shared_ptr<const RsaKey>, std::string> loadRsaKey(const std::string& text);

/// header.claims.signature, signed RS256 (header `alg` is set to RS256, `typ` to JWT).
Result<std::string, std::string> signJwt(const RsaKey& key, Json header, const Json& claims);

/// Verifies an RS256 JWT against the key's public half; for tests and self-checks.
bool verifyJwt(const RsaKey& key, const std::string& jwt);

/// The public half as a JWK (kty, n, e, and kid when given), to register with an application.
Json publicJwk(const RsaKey& key, const std::string& keyId = "");

/// Lifetime of an assertion: PingOne rejects more than one hour; we stay well under 5 min.
inline constexpr std::chrono::seconds kAssertionLifetime{120};

/// A client assertion: iss = sub = clientId, aud = tokenUrl, iat, exp = iat + lifetime, a
/// random jti; header kid = keyId when not empty.
Result<std::string, std::string> clientAssertion(const RsaKey& key, const std::string& keyId,
                                                 const std::string& clientId,
                                                 const std::string& tokenUrl,
                                                 std::chrono::system_clock::time_point now);

}  // namespace pingplan::pingone
