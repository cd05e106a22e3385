#pragma once
// TokenService: the OAuth token endpoint (client_secret_basic, client_secret_post,
// private_key_jwt, and the jwt-bearer grant), the access tokens it signs (RS256 JWTs), and the
// bearer check every /v1 call goes through.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "emulator/signing_key.h"

namespace emulator {

/// A resource an application holds a grant on, as a token for its scopes needs it.
struct GrantedResource {
  std::string name;
  std::string type;  // CUSTOM, OPENID_CONNECT or PINGONE_API
  std::string audience;
  int64_t accessTokenValiditySeconds = 3600;
  std::vector<std::string> scopes;  // the granted scopes' names
  nlohmann::json claims;            // CUSTOM: the attributes' static values (attribute_claims.h)
};

/// What the token endpoint needs to know about one application to authenticate it.
struct TokenClient {
  std::string id;
  std::string authMethod;            // tokenEndpointAuthMethod
  std::string jwks;                  // registered public keys (a JWK set), may be empty
  bool clientCredentials = false;    // grantTypes holds CLIENT_CREDENTIALS
  bool enabled = true;               // a disabled application gets no token
  std::vector<std::string> secrets;  // the current secret and an unexpired previous one
};
using ClientLookup = std::function<std::optional<TokenClient>(const std::string& id)>;
/// The resources an application holds grants on; asked once, only for a request with `scope`.
using GrantLookup = std::function<std::vector<GrantedResource>(const std::string& id)>;

/// One POST to /{envId}/as/token.
struct TokenRequest {
  std::string body;  // form-encoded
  std::string contentType;
  std::string authorization;           // the Authorization header, may be empty
  std::vector<std::string> audiences;  // accepted `aud` values of client assertions
};

/// The endpoint's answer: 200 {access_token,...} or an OAuth error {error,error_description}.
struct TokenReply {
  int status = 200;
  nlohmann::json body;
};

/// Outcome of checking an `Authorization: Bearer` header.
enum class BearerCheck { kValid, kMissing, kInvalid, kExpired };

/// Issues and checks the emulator's access tokens. Thread-safe.
class TokenService {
 public:
  /// issuer is `<base>/<envId>/as`; audience goes into the tokens' `aud`.
  TokenService(SigningKey key, std::string environmentId, std::string issuer, std::string audience);

  TokenReply issue(const TokenRequest& request, const ClientLookup& lookup,
                   const GrantLookup& grants, int64_t lifetimeSeconds) const;
  /// Checks a bearer token for the management API (issuer, `env`, and the API audience: a
  /// token for a custom resource is refused); on kValid sets clientId to its client_id.
  BearerCheck check(const std::string& authorization, std::string& clientId);
  /// {"keys":[<public JWK>]} for /{envId}/as/jwks.
  nlohmann::json jwks() const;
  const SigningKey& key() const { return key_; }

 private:
  std::string authenticate(const std::map<std::string, std::string>& form,
                           const TokenRequest& request, const ClientLookup& lookup,
                           bool assertionGrant) const;
  void checkAssertion(const std::string& assertion, const TokenClient& client,
                      const TokenRequest& request) const;

  SigningKey key_;
  std::string environmentId_;
  std::string issuer_;
  std::string audience_;
  std::mutex cacheMutex_;
  struct Verified {
    int64_t exp;
    std::string clientId;
  };
  std::unordered_map<std::string, Verified> verified_;  // tokens whose signature was checked
};

}  // namespace emulator
