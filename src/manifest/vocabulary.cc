#include "manifest/vocabulary.h"

namespace pingplan::manifest::vocabulary {

const std::vector<std::string> kTopKeys = {"version", "environment", "resources", "applications"};
const std::vector<std::string> kResourceKeys = {
    "name",       "ensure", "description", "audience", "accessTokenValiditySeconds",
    "attributes", "scopes"};
const std::vector<std::string> kAttributeKeys = {"name", "value"};
const std::vector<std::string> kScopeKeys = {"name", "description"};
const std::vector<std::string> kApplicationKeys = {"name",
                                                   "ensure",
                                                   "description",
                                                   "type",
                                                   "enabled",
                                                   "grantTypes",
                                                   "responseTypes",
                                                   "tokenEndpointAuthMethod",
                                                   "adminOnly",
                                                   "redirectUris",
                                                   "postLogoutRedirectUris",
                                                   "pkceEnforcement",
                                                   "refreshTokenDuration",
                                                   "refreshTokenRollingDuration",
                                                   "jwks",
                                                   "jwksUrl",
                                                   "grants"};
const std::vector<std::string> kGrantKeys = {"resource", "scopes"};

const std::vector<std::string> kEnsure = {"present", "absent"};
const std::vector<std::string> kApplicationTypes = {"WORKER", "WEB_APP", "SERVICE",
                                                    "SINGLE_PAGE_APP", "NATIVE_APP"};
const std::vector<std::string> kGrantTypes = {
    "AUTHORIZATION_CODE", "IMPLICIT",       "REFRESH_TOKEN", "CLIENT_CREDENTIALS",
    "DEVICE_CODE",        "TOKEN_EXCHANGE", "CIBA"};
const std::vector<std::string> kResponseTypes = {"CODE", "TOKEN", "ID_TOKEN"};
const std::vector<std::string> kAuthMethods = {"NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST",
                                               "CLIENT_SECRET_JWT", "PRIVATE_KEY_JWT"};
const std::vector<std::string> kPkceEnforcement = {"OPTIONAL", "REQUIRED", "S256_REQUIRED"};

const std::vector<std::string> kOpenIdScopes = {"openid", "profile", "email", "address", "phone"};

bool isPingOneApiScope(const std::string& scope) {
  for (const std::string base : {"p1:read:user", "p1:update:user"}) {
    if (scope == base) return true;
    if (scope.size() > base.size() + 1 && scope.compare(0, base.size() + 1, base + ":") == 0) {
      return true;
    }
  }
  return false;
}

bool isReservedAttributeName(const std::string& name) {
  static const std::vector<std::string> reserved = {"acr", "amr",   "aud", "auth_time", "client_id",
                                                    "env", "exp",   "iat", "iss",       "jti",
                                                    "org", "scope", "sid"};
  for (const auto& r : reserved) {
    if (name == r) return true;
  }
  return name.rfind("p1.", 0) == 0;
}

}  // namespace pingplan::manifest::vocabulary
