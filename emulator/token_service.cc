#include "emulator/token_service.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>

#include "emulator/base64url.h"
#include "emulator/form.h"
#include "emulator/ids.h"
#include "emulator/jwt.h"
#include "emulator/oauth_error.h"
#include "emulator/public_key.h"
#include "emulator/token_scopes.h"

namespace emulator {
namespace {

constexpr char kAssertionType[] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr char kJwtBearerGrant[] = "urn:ietf:params:oauth:grant-type:jwt-bearer";
constexpr int64_t kMaxAssertionLifetime = 3600;
constexpr int64_t kLeewaySeconds = 5;

OAuthError invalidClient(const std::string& description) {
  return {401, "invalid_client", description};
}

bool startsWithIgnoringCase(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

const std::string* formValue(const std::map<std::string, std::string>& form,
                             const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? nullptr : &it->second;
}

bool secretMatches(const TokenClient& client, const std::string& presented) {
  bool secretMethod =
      client.authMethod == "CLIENT_SECRET_BASIC" || client.authMethod == "CLIENT_SECRET_POST";
  for (const auto& secret : client.secrets) {
    if (secretMethod && secret.size() == presented.size() &&
        CRYPTO_memcmp(secret.data(), presented.data(), secret.size()) == 0) {
      return true;
    }
  }
  return false;
}

bool audienceAccepted(const nlohmann::json& aud, const std::vector<std::string>& accepted) {
  auto ok = [&](const nlohmann::json& value) {
    return value.is_string() &&
           std::find(accepted.begin(), accepted.end(), value.get<std::string>()) != accepted.end();
  };
  if (aud.is_array()) return std::any_of(aud.begin(), aud.end(), ok);
  return ok(aud);
}

}  // namespace

TokenService::TokenService(SigningKey key, std::string environmentId, std::string issuer,
                           std::string audience)
    : key_(std::move(key)),
      environmentId_(std::move(environmentId)),
      issuer_(std::move(issuer)),
      audience_(std::move(audience)) {}

nlohmann::json TokenService::jwks() const { return {{"keys", {key_.publicJwk()}}}; }

void TokenService::checkAssertion(const std::string& assertion, const TokenClient& client,
                                  const TokenRequest& request) const {
  auto jwt = parseJwt(assertion);
  if (!jwt) throw invalidClient("The assertion is not a compact JWT.");
  if (jwt->header.value("alg", "") != "RS256") {
    throw invalidClient("The assertion must be signed with RS256.");
  }
  std::string error;
  auto keys = parsePublicKeys(client.jwks, error);
  if (!keys) throw invalidClient("The client has no usable public keys registered.");
  std::string kid = jwt->header.contains("kid") && jwt->header["kid"].is_string()
                        ? jwt->header["kid"].get<std::string>()
                        : "";
  bool verified = false;
  for (const auto& key : *keys) {
    if (!kid.empty() && !key.kid.empty() && key.kid != kid) continue;
    if (verifyRs256(key.key.get(), jwt->signingInput, jwt->signature)) verified = true;
  }
  if (!verified) throw invalidClient("The assertion's signature does not verify.");
  const auto& claims = jwt->claims;
  if (claims.value("iss", "") != client.id || claims.value("sub", "") != client.id) {
    throw invalidClient("The assertion's iss and sub must both be the client id.");
  }
  if (!claims.contains("aud") || !audienceAccepted(claims["aud"], request.audiences)) {
    throw invalidClient("The assertion's aud must be the token endpoint URL or the issuer.");
  }
  int64_t now = nowSeconds();
  if (!claims.contains("exp") || !claims["exp"].is_number()) {
    throw invalidClient("The assertion has no exp claim.");
  }
  int64_t exp = claims["exp"].get<int64_t>();
  if (exp <= now) throw invalidClient("The assertion has expired.");
  if (exp > now + kMaxAssertionLifetime + kLeewaySeconds) {
    throw invalidClient("The assertion's exp is more than one hour ahead.");
  }
  if (claims.contains("nbf") &&
      (!claims["nbf"].is_number() || claims["nbf"].get<int64_t>() > now + kLeewaySeconds)) {
    throw invalidClient("The assertion is not valid yet (nbf).");
  }
}

std::string TokenService::authenticate(const std::map<std::string, std::string>& form,
                                       const TokenRequest& request, const ClientLookup& lookup,
                                       bool assertionGrant) const {
  bool basic = startsWithIgnoringCase(request.authorization, "Basic ");
  bool post = formValue(form, "client_secret") != nullptr;
  bool assertion = formValue(form, "client_assertion") != nullptr ||
                   formValue(form, "client_assertion_type") != nullptr;
  if (int(basic) + int(post) + int(assertion) > 1) {
    throw OAuthError{400, "invalid_request", "Use exactly one client authentication method."};
  }
  const std::string* formClientId = formValue(form, "client_id");
  if (basic) {
    auto decoded = base64Decode(request.authorization.substr(6));
    auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) throw invalidClient("Malformed Basic credentials.");
    auto id = formDecode(decoded->substr(0, colon));
    auto secret = formDecode(decoded->substr(colon + 1));
    auto client = id ? lookup(*id) : std::nullopt;
    if (!client || !secret || !secretMatches(*client, *secret)) {
      throw invalidClient("Invalid client credentials.");
    }
    return client->id;
  }
  if (post) {
    if (formClientId == nullptr) throw invalidClient("client_secret needs client_id.");
    auto client = lookup(*formClientId);
    if (!client || !secretMatches(*client, *formValue(form, "client_secret"))) {
      throw invalidClient("Invalid client credentials.");
    }
    return client->id;
  }
  if (assertion) {
    const std::string* type = formValue(form, "client_assertion_type");
    const std::string* jwt = formValue(form, "client_assertion");
    if (type == nullptr || *type != kAssertionType || jwt == nullptr) {
      throw OAuthError{400, "invalid_request",
                       std::string("client_assertion_type must be ") + kAssertionType +
                           " and client_assertion must be present."};
    }
    auto parsed = parseJwt(*jwt);
    std::string id = formClientId != nullptr ? *formClientId
                     : parsed                ? parsed->claims.value("iss", "")
                                             : "";
    auto client = lookup(id);
    if (!client || client->jwks.empty()) throw invalidClient("Invalid client credentials.");
    checkAssertion(*jwt, *client, request);
    return client->id;
  }
  if (assertionGrant) return "";
  throw invalidClient("Client authentication is required.");
}

TokenReply TokenService::issue(const TokenRequest& request, const ClientLookup& lookup,
                               const GrantLookup& grants, int64_t lifetimeSeconds) const {
  try {
    if (!startsWithIgnoringCase(request.contentType, "application/x-www-form-urlencoded")) {
      throw OAuthError{400, "invalid_request",
                       "The body must be application/x-www-form-urlencoded."};
    }
    auto form = parseForm(request.body);
    if (!form) throw OAuthError{400, "invalid_request", "The form body is malformed."};
    const std::string* grantType = formValue(*form, "grant_type");
    if (grantType == nullptr) throw OAuthError{400, "invalid_request", "grant_type is required."};
    std::string clientId;
    std::optional<TokenClient> client;
    if (*grantType == "client_credentials") {
      clientId = authenticate(*form, request, lookup, false);
      client = lookup(clientId);
      if (!client || !client->clientCredentials) {
        throw OAuthError{400, "unauthorized_client",
                         "The client is not allowed the client_credentials grant."};
      }
    } else if (*grantType == kJwtBearerGrant) {
      const std::string* assertion = formValue(*form, "assertion");
      if (assertion == nullptr) throw OAuthError{400, "invalid_request", "assertion is required."};
      clientId = authenticate(*form, request, lookup, true);
      auto parsed = parseJwt(*assertion);
      if (clientId.empty()) {
        const std::string* id = formValue(*form, "client_id");
        clientId = id != nullptr ? *id : parsed ? parsed->claims.value("iss", "") : "";
      }
      client = lookup(clientId);
      if (!client || client->jwks.empty()) throw invalidClient("Invalid client credentials.");
      try {
        checkAssertion(*assertion, *client, request);
      } catch (const OAuthError& e) {
        throw OAuthError{400, "invalid_grant", e.description};
      }
    } else {
      throw OAuthError{400, "unsupported_grant_type",
                       "Supported: client_credentials and " + std::string(kJwtBearerGrant) + "."};
    }
    if (!client->enabled) throw invalidClient("The application is disabled.");
    const std::string* scope = formValue(*form, "scope");
    TokenAccess access = scope ? accessForScopes(grants(clientId), *scope) : TokenAccess{};
    int64_t lifetime = access.managementApi ? lifetimeSeconds : access.lifetimeSeconds;
    int64_t now = nowSeconds();
    // The resource's attribute claims first: the core claims below always win.
    nlohmann::json claims = access.claims;
    claims["client_id"] = clientId;
    claims["iss"] = issuer_;
    claims["aud"] = {access.managementApi ? audience_ : access.audience};
    if (access.managementApi) claims["env"] = environmentId_;
    if (!access.scope.empty()) claims["scope"] = access.scope;
    claims["iat"] = now;
    claims["exp"] = now + lifetime;
    claims["jti"] = newUuid();
    return {200,
            {{"access_token", signJwt(claims, key_)},
             {"token_type", "Bearer"},
             {"expires_in", lifetime}}};
  } catch (const OAuthError& e) {
    return {e.status, {{"error", e.error}, {"error_description", e.description}}};
  }
}

BearerCheck TokenService::check(const std::string& authorization, std::string& clientId) {
  if (!startsWithIgnoringCase(authorization, "Bearer ")) return BearerCheck::kMissing;
  std::string token = authorization.substr(7);
  int64_t now = nowSeconds();
  {
    std::lock_guard lock(cacheMutex_);
    auto it = verified_.find(token);
    if (it != verified_.end()) {
      clientId = it->second.clientId;
      return it->second.exp > now ? BearerCheck::kValid : BearerCheck::kExpired;
    }
  }
  auto jwt = parseJwt(token);
  if (!jwt || jwt->header.value("alg", "") != "RS256" ||
      jwt->header.value("kid", "") != key_.kid() ||
      !verifyRs256(key_.pkey(), jwt->signingInput, jwt->signature)) {
    return BearerCheck::kInvalid;
  }
  const auto& claims = jwt->claims;
  if (claims.value("iss", "") != issuer_ || claims.value("env", "") != environmentId_ ||
      !claims.contains("aud") || !audienceAccepted(claims["aud"], {audience_}) ||
      !claims.contains("exp") || !claims["exp"].is_number_integer()) {
    return BearerCheck::kInvalid;
  }
  int64_t exp = claims["exp"].get<int64_t>();
  std::lock_guard lock(cacheMutex_);
  if (verified_.size() > 10000) verified_.clear();
  clientId = claims.value("client_id", "");
  verified_[token] = {exp, clientId};
  return exp > now ? BearerCheck::kValid : BearerCheck::kExpired;
}

}  // namespace emulator
