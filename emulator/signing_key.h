#pragma once
// SigningKey: the emulator's RSA key that signs access tokens (RS256) and is published at
// /{envId}/as/jwks. Generated at start-up, or loaded from the --state file.

#include <openssl/evp.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// An RSA private key with its key id (kid).
class SigningKey {
 public:
  /// A fresh 2048-bit RSA key; throws if OpenSSL fails.
  static SigningKey generate();
  /// The key from PKCS#8 PEM text; nullopt if it is not an RSA private key.
  static std::optional<SigningKey> fromPem(const std::string& pem);

  std::string privatePem() const;
  const std::string& kid() const { return kid_; }
  /// The RS256 signature (PKCS#1 v1.5, SHA-256) of data.
  std::string signRs256(std::string_view data) const;
  /// The public half as a JWK {kty,n,e,kid,alg,use}.
  nlohmann::json publicJwk() const;
  EVP_PKEY* pkey() const { return key_.get(); }

 private:
  explicit SigningKey(EVP_PKEY* key);
  std::shared_ptr<EVP_PKEY> key_;
  std::string kid_;
};

}  // namespace emulator
