#include "pingone/codec.h"

#include <algorithm>

namespace pingplan::pingone {
namespace {

using model::Application;
using model::Attribute;
using model::Grant;
using model::Resource;
using model::Scope;

std::string str(const Json& j, const char* key, const std::string& fallback = "") {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::int64_t integer(const Json& j, const char* key, std::int64_t fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

std::vector<std::string> strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::string idOf(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? str(*it, "id") : std::string();
}

/// The live object without what the server computes; an object to start from either way.
Json writable(const Json& live, std::initializer_list<const char*> alsoDrop = {}) {
  Json body = live.is_object() ? live : Json::object();
  for (const char* key : {"id", "environment", "createdAt", "updatedAt", "_links", "_embedded"}) {
    body.erase(key);
  }
  for (const char* key : alsoDrop) body.erase(key);
  return body;
}

void setOrErase(Json& body, const char* key, const std::string& value) {
  if (value.empty()) {
    body.erase(key);
  } else {
    body[key] = value;
  }
}

void setListOrErase(Json& body, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) {
    body.erase(key);
  } else {
    body[key] = values;
  }
}

}  // namespace

Resource decodeResource(const Json& j) {
  Resource r;
  r.id = str(j, "id");
  r.name = str(j, "name");
  r.type = str(j, "type", "CUSTOM");
  r.description = str(j, "description");
  r.audience = str(j, "audience", r.name);
  r.accessTokenValiditySeconds = integer(j, "accessTokenValiditySeconds", 3600);
  r.raw = j;
  return r;
}

Attribute decodeAttribute(const Json& j) {
  Attribute a;
  a.id = str(j, "id");
  a.name = str(j, "name");
  a.value = str(j, "value");
  a.type = str(j, "type", "CUSTOM");
  a.raw = j;
  return a;
}

Scope decodeScope(const Json& j) {
  Scope s;
  s.id = str(j, "id");
  s.name = str(j, "name");
  s.description = str(j, "description");
  s.raw = j;
  return s;
}

Application decodeApplication(const Json& j) {
  Application a;
  a.id = str(j, "id");
  a.name = str(j, "name");
  a.description = str(j, "description");
  a.protocol = str(j, "protocol");
  a.type = str(j, "type");
  auto enabled = j.find("enabled");
  a.enabled = enabled != j.end() && enabled->is_boolean() && enabled->get<bool>();
  a.grantTypes = sorted(strings(j, "grantTypes"));
  a.responseTypes = sorted(strings(j, "responseTypes"));
  a.tokenEndpointAuthMethod = str(j, "tokenEndpointAuthMethod", a.tokenEndpointAuthMethod);
  auto access = j.find("accessControl");
  if (access != j.end() && access->is_object()) {
    auto role = access->find("role");
    a.adminOnly =
        role != access->end() && role->is_object() && str(*role, "type") == "ADMIN_USERS_ONLY";
  }
  a.redirectUris = strings(j, "redirectUris");
  a.postLogoutRedirectUris = strings(j, "postLogoutRedirectUris");
  a.pkceEnforcement = str(j, "pkceEnforcement", "OPTIONAL");
  a.refreshTokenDuration = integer(j, "refreshTokenDuration", 2592000);
  a.refreshTokenRollingDuration = integer(j, "refreshTokenRollingDuration", 15552000);
  auto jwks = j.find("jwks");
  if (jwks != j.end() && jwks->is_string()) {
    a.jwks = jwks->get<std::string>();
  } else if (jwks != j.end() && jwks->is_object()) {
    a.jwks = jwks->dump();
  }
  a.jwksUrl = str(j, "jwksUrl");
  a.raw = j;
  return a;
}

Grant decodeGrant(const Json& j) {
  Grant g;
  g.id = str(j, "id");
  g.resourceId = idOf(j, "resource");
  auto scopes = j.find("scopes");
  if (scopes != j.end() && scopes->is_array()) {
    for (const auto& s : *scopes) {
      if (s.is_object()) g.scopeIds.push_back(str(s, "id"));
    }
  }
  g.raw = j;
  return g;
}

Json encodeResource(const Resource& desired, const Json& live) {
  Json body = writable(live);
  body["name"] = desired.name;
  body["type"] = "CUSTOM";
  setOrErase(body, "description", desired.description);
  body["audience"] = desired.audience.empty() ? desired.name : desired.audience;
  body["accessTokenValiditySeconds"] = desired.accessTokenValiditySeconds;
  return body;
}

Json encodeAttribute(const Attribute& desired, const Json& live) {
  // `type` is read-only in practice (CORE, CUSTOM, PREDEFINED): never sent.
  Json body = writable(live, {"resource", "type"});
  body["name"] = desired.name;
  body["value"] = desired.value;
  return body;
}

Json encodeScope(const Scope& desired, const Json& live) {
  Json body = writable(live, {"resource"});
  body["name"] = desired.name;
  setOrErase(body, "description", desired.description);
  return body;
}

Json encodeApplication(const Application& desired, const Json& live) {
  Json body = writable(live);
  body["name"] = desired.name;
  setOrErase(body, "description", desired.description);
  body["enabled"] = desired.enabled;
  body["type"] = desired.type;
  body["protocol"] = "OPENID_CONNECT";
  body["grantTypes"] = sorted(desired.grantTypes);
  setListOrErase(body, "responseTypes", sorted(desired.responseTypes));
  body["tokenEndpointAuthMethod"] = desired.tokenEndpointAuthMethod;
  setListOrErase(body, "redirectUris", desired.redirectUris);
  setListOrErase(body, "postLogoutRedirectUris", desired.postLogoutRedirectUris);
  body["pkceEnforcement"] = desired.pkceEnforcement;
  body["refreshTokenDuration"] = desired.refreshTokenDuration;
  body["refreshTokenRollingDuration"] = desired.refreshTokenRollingDuration;
  setOrErase(body, "jwks", desired.jwks);
  setOrErase(body, "jwksUrl", desired.jwksUrl);
  if (desired.adminOnly) {
    if (!body["accessControl"].is_object()) body["accessControl"] = Json::object();
    body["accessControl"]["role"] = {{"type", "ADMIN_USERS_ONLY"}};
  } else if (body.contains("accessControl")) {
    if (body["accessControl"].is_object()) body["accessControl"].erase("role");
    if (!body["accessControl"].is_object() || body["accessControl"].empty()) {
      body.erase("accessControl");
    }
  }
  return body;
}

Json encodeGrant(const Grant& desired, const Json& live) {
  Json body = writable(live, {"application"});
  body["resource"] = {{"id", desired.resourceId}};
  Json scopes = Json::array();
  for (const auto& id : desired.scopeIds) scopes.push_back({{"id", id}});
  body["scopes"] = scopes;
  return body;
}

}  // namespace pingplan::pingone
