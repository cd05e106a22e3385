#pragma once
// Public RSA keys that verify client assertions: read from a JWK, a JWK set (as `jose jwk gen`
// and `jose jwk pub` write them) or a PEM public key, and RS256 signature checks.

#include <openssl/evp.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator {

/// One RSA public key and its kid (empty when the source named none).
struct PublicKey {
  std::shared_ptr<EVP_PKEY> key;
  std::string kid;
};

/// The RSA public keys in text (a JWK, a JWK set, or PEM). On failure returns nullopt and sets
/// error to a short reason.
std::optional<std::vector<PublicKey>> parsePublicKeys(const std::string& text, std::string& error);
/// The RSA public key of one JWK object (private members ignored); nullopt if not RSA.
std::optional<PublicKey> publicKeyFromJwk(const nlohmann::json& jwk);
/// The public JWK {kty,n,e[,kid]} of an RSA key.
nlohmann::json publicJwkOf(const PublicKey& key);
/// True when signature is a valid RS256 signature of data under key.
bool verifyRs256(EVP_PKEY* key, std::string_view data, std::string_view signature);

}  // namespace emulator
