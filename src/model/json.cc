#include "model/json.h"

#include <algorithm>

namespace pingplan::model {
namespace {

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
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

template <class T>
T number(const Json& j, const char* key, T fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

bool boolean(const Json& j, const char* key, bool fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

bool isAbsent(const Json& j) { return str(j, "ensure") == "absent"; }

}  // namespace

Json toJson(const Resource& r) {
  return Json{{"name", r.name},
              {"description", r.description},
              {"audience", r.audience},
              {"accessTokenValiditySeconds", r.accessTokenValiditySeconds}};
}

Json toJson(const Attribute& a) { return Json{{"name", a.name}, {"value", a.value}}; }

Json toJson(const Scope& s) { return Json{{"name", s.name}, {"description", s.description}}; }

Json toJson(const Application& a) {
  Json j{{"name", a.name},
         {"description", a.description},
         {"type", a.type},
         {"protocol", a.protocol},
         {"enabled", a.enabled},
         {"grantTypes", sorted(a.grantTypes)},
         {"responseTypes", sorted(a.responseTypes)},
         {"tokenEndpointAuthMethod", a.tokenEndpointAuthMethod},
         {"adminOnly", a.adminOnly},
         {"redirectUris", sorted(a.redirectUris)},
         {"postLogoutRedirectUris", sorted(a.postLogoutRedirectUris)},
         {"pkceEnforcement", a.pkceEnforcement},
         {"refreshTokenDuration", a.refreshTokenDuration},
         {"refreshTokenRollingDuration", a.refreshTokenRollingDuration}};
  if (!a.jwks.empty()) j["jwks"] = a.jwks;
  if (!a.jwksUrl.empty()) j["jwksUrl"] = a.jwksUrl;
  return j;
}

Json toJson(const Grant& g) { return Json{{"resource", g.resource}, {"scopes", sorted(g.scopes)}}; }

Resource resourceFromJson(const Json& j) {
  Resource r;
  r.name = str(j, "name");
  r.description = str(j, "description");
  r.audience = str(j, "audience");
  r.accessTokenValiditySeconds =
      number<std::int64_t>(j, "accessTokenValiditySeconds", r.accessTokenValiditySeconds);
  r.absent = isAbsent(j);
  if (auto it = j.find("attributes"); it != j.end() && it->is_array()) {
    r.attributes.emplace();
    for (const auto& a : *it) r.attributes->push_back(attributeFromJson(a));
  }
  if (auto it = j.find("scopes"); it != j.end() && it->is_array()) {
    r.scopes.emplace();
    for (const auto& s : *it) r.scopes->push_back(scopeFromJson(s));
  }
  return r;
}

Attribute attributeFromJson(const Json& j) {
  Attribute a;
  a.name = str(j, "name");
  a.value = str(j, "value");
  return a;
}

Scope scopeFromJson(const Json& j) {
  Scope s;
  s.name = str(j, "name");
  s.description = str(j, "description");
  return s;
}

Application applicationFromJson(const Json& j) {
  Application a;
  a.name = str(j, "name");
  a.description = str(j, "description");
  a.type = str(j, "type");
  if (j.contains("protocol")) a.protocol = str(j, "protocol");
  a.enabled = boolean(j, "enabled", a.enabled);
  a.grantTypes = sorted(strings(j, "grantTypes"));
  a.responseTypes = sorted(strings(j, "responseTypes"));
  if (j.contains("tokenEndpointAuthMethod")) {
    a.tokenEndpointAuthMethod = str(j, "tokenEndpointAuthMethod");
  }
  a.adminOnly = boolean(j, "adminOnly", a.adminOnly);
  a.redirectUris = strings(j, "redirectUris");
  a.postLogoutRedirectUris = strings(j, "postLogoutRedirectUris");
  if (j.contains("pkceEnforcement")) a.pkceEnforcement = str(j, "pkceEnforcement");
  a.refreshTokenDuration = number<std::int64_t>(j, "refreshTokenDuration", a.refreshTokenDuration);
  a.refreshTokenRollingDuration =
      number<std::int64_t>(j, "refreshTokenRollingDuration", a.refreshTokenRollingDuration);
  a.jwks = str(j, "jwks");
  a.jwksUrl = str(j, "jwksUrl");
  a.absent = isAbsent(j);
  if (auto it = j.find("grants"); it != j.end() && it->is_array()) {
    a.grants.emplace();
    for (const auto& g : *it) a.grants->push_back(grantFromJson(g));
  }
  return a;
}

Grant grantFromJson(const Json& j) {
  Grant g;
  g.resource = str(j, "resource");
  g.scopes = sorted(strings(j, "scopes"));
  return g;
}

Json toJson(const EnvironmentState& s) {
  Json resources = Json::array();
  for (const auto& r : s.resources) {
    Json j = toJson(r);
    if (r.absent) j["ensure"] = "absent";
    if (r.attributes) {
      j["attributes"] = Json::array();
      for (const auto& a : *r.attributes) j["attributes"].push_back(toJson(a));
    }
    if (r.scopes) {
      j["scopes"] = Json::array();
      for (const auto& sc : *r.scopes) j["scopes"].push_back(toJson(sc));
    }
    resources.push_back(std::move(j));
  }
  Json applications = Json::array();
  for (const auto& a : s.applications) {
    Json j = toJson(a);
    if (a.absent) j["ensure"] = "absent";
    if (a.grants) {
      j["grants"] = Json::array();
      for (const auto& g : *a.grants) j["grants"].push_back(toJson(g));
    }
    applications.push_back(std::move(j));
  }
  return Json{{"environment", s.environmentId},
              {"resources", std::move(resources)},
              {"applications", std::move(applications)}};
}

EnvironmentState environmentFromJson(const Json& j) {
  EnvironmentState s;
  s.environmentId = str(j, "environment");
  if (auto it = j.find("resources"); it != j.end() && it->is_array()) {
    for (const auto& r : *it) s.resources.push_back(resourceFromJson(r));
  }
  if (auto it = j.find("applications"); it != j.end() && it->is_array()) {
    for (const auto& a : *it) s.applications.push_back(applicationFromJson(a));
  }
  return s;
}

}  // namespace pingplan::model
