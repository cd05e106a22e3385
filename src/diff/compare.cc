#include "diff/compare.h"

#include <set>

namespace pingplan::diff {
namespace {

/// Adds "<field> differs" when the two values differ.
template <class T>
void field(std::vector<std::string>& reasons, const char* name, const T& live, const T& desired) {
  if (!(live == desired)) reasons.push_back(std::string(name) + " differs");
}

void setField(std::vector<std::string>& reasons, const char* name,
              const std::vector<std::string>& live, const std::vector<std::string>& desired) {
  if (!sameSet(live, desired)) reasons.push_back(std::string(name) + " differs");
}

/// JWK sets are JSON in a string: compare them as JSON when both parse.
bool sameJwks(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto ja = model::Json::parse(a, nullptr, false);
  auto jb = model::Json::parse(b, nullptr, false);
  if (ja.is_discarded() || jb.is_discarded()) return false;
  return nlohmann::json(ja) == nlohmann::json(jb);  // unordered: key order does not matter
}

}  // namespace

model::Resource withDefaults(model::Resource live) {
  if (live.audience.empty()) live.audience = live.name;
  return live;
}

model::Application withDefaults(model::Application live) {
  if (live.protocol.empty()) live.protocol = "OPENID_CONNECT";
  if (live.tokenEndpointAuthMethod.empty()) live.tokenEndpointAuthMethod = "CLIENT_SECRET_BASIC";
  if (live.pkceEnforcement.empty()) live.pkceEnforcement = "OPTIONAL";
  return live;
}

bool sameSet(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end());
}

std::vector<std::string> compareResource(const model::Resource& live,
                                         const model::Resource& desired) {
  std::vector<std::string> r;
  field(r, "description", live.description, desired.description);
  field(r, "audience", live.audience, desired.audience);
  field(r, "accessTokenValiditySeconds", live.accessTokenValiditySeconds,
        desired.accessTokenValiditySeconds);
  return r;
}

std::vector<std::string> compareAttribute(const model::Attribute& live,
                                          const model::Attribute& desired) {
  std::vector<std::string> r;
  field(r, "value", live.value, desired.value);
  return r;
}

std::vector<std::string> compareScope(const model::Scope& live, const model::Scope& desired) {
  std::vector<std::string> r;
  field(r, "description", live.description, desired.description);
  return r;
}

std::vector<std::string> compareApplication(const model::Application& live,
                                            const model::Application& desired) {
  std::vector<std::string> r;
  field(r, "description", live.description, desired.description);
  field(r, "enabled", live.enabled, desired.enabled);
  setField(r, "grantTypes", live.grantTypes, desired.grantTypes);
  setField(r, "responseTypes", live.responseTypes, desired.responseTypes);
  field(r, "tokenEndpointAuthMethod", live.tokenEndpointAuthMethod,
        desired.tokenEndpointAuthMethod);
  field(r, "adminOnly", live.adminOnly, desired.adminOnly);
  setField(r, "redirectUris", live.redirectUris, desired.redirectUris);
  setField(r, "postLogoutRedirectUris", live.postLogoutRedirectUris,
           desired.postLogoutRedirectUris);
  field(r, "pkceEnforcement", live.pkceEnforcement, desired.pkceEnforcement);
  field(r, "refreshTokenDuration", live.refreshTokenDuration, desired.refreshTokenDuration);
  field(r, "refreshTokenRollingDuration", live.refreshTokenRollingDuration,
        desired.refreshTokenRollingDuration);
  if (!sameJwks(live.jwks, desired.jwks)) r.push_back("jwks differs");
  field(r, "jwksUrl", live.jwksUrl, desired.jwksUrl);
  return r;
}

std::vector<std::string> immutableChanges(const model::Application& live,
                                          const model::Application& desired) {
  std::vector<std::string> r;
  if (live.type != desired.type) {
    r.push_back("type is immutable in PingOne (" + live.type + " -> " + desired.type + ")");
  }
  if (live.protocol != desired.protocol) {
    r.push_back("protocol is immutable in PingOne (" + live.protocol + " -> " + desired.protocol +
                ")");
  }
  return r;
}

std::vector<std::string> compareGrant(const model::Grant& live, const model::Grant& desired) {
  std::vector<std::string> r;
  setField(r, "scopes", live.scopes, desired.scopes);
  return r;
}

}  // namespace pingplan::diff
