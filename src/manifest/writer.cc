#include "manifest/writer.h"

#include <yaml-cpp/emitter.h>

#include <algorithm>

#include "manifest/core_scalar.h"

namespace pingplan::manifest {

namespace {

/// A string as the loader will read it back: "$(" escaped, quoted when YAML would type it.
void putString(YAML::Emitter& out, const std::string& text) {
  std::string escaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "$(") == 0) escaped += "$";
    escaped += text[i];
  }
  if (plainScalarType(escaped) != ScalarType::kString) out << YAML::DoubleQuoted;
  out << escaped;
}

void putField(YAML::Emitter& out, const char* key, const std::string& value) {
  out << YAML::Key << key << YAML::Value;
  putString(out, value);
}

void putList(YAML::Emitter& out, const char* key, std::vector<std::string> values, bool sort) {
  if (sort) std::sort(values.begin(), values.end());
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& v : values) putString(out, v);
  out << YAML::EndSeq;
}

template <class T>
std::vector<const T*> byName(const std::vector<T>& items) {
  std::vector<const T*> out;
  for (const auto& item : items) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(),
                   [](const T* a, const T* b) { return a->name < b->name; });
  return out;
}

/// Opens a list of maps; an empty one is written "[]" (block style cannot show it).
bool beginList(YAML::Emitter& out, const char* key, bool empty) {
  out << YAML::Key << key << YAML::Value;
  if (empty) {
    out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    return false;
  }
  out << YAML::BeginSeq;
  return true;
}

void putResource(YAML::Emitter& out, const model::Resource& r) {
  out << YAML::BeginMap;
  putField(out, "name", r.name);
  if (r.absent) {
    out << YAML::Key << "ensure" << YAML::Value << "absent" << YAML::EndMap;
    return;
  }
  if (!r.description.empty()) putField(out, "description", r.description);
  if (r.audience != r.name && !r.audience.empty()) putField(out, "audience", r.audience);
  if (r.accessTokenValiditySeconds != 3600) {
    out << YAML::Key << "accessTokenValiditySeconds" << YAML::Value << r.accessTokenValiditySeconds;
  }
  if (r.attributes) {
    if (beginList(out, "attributes", r.attributes->empty())) {
      for (const auto* a : byName(*r.attributes)) {
        out << YAML::BeginMap;
        putField(out, "name", a->name);
        putField(out, "value", a->value);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
  }
  if (r.scopes) {
    if (beginList(out, "scopes", r.scopes->empty())) {
      for (const auto* s : byName(*r.scopes)) {
        out << YAML::BeginMap;
        putField(out, "name", s->name);
        if (!s->description.empty()) putField(out, "description", s->description);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
  }
  out << YAML::EndMap;
}

void putGrants(YAML::Emitter& out, const std::vector<model::Grant>& grants) {
  std::vector<const model::Grant*> sorted;
  for (const auto& g : grants) sorted.push_back(&g);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto* a, const auto* b) { return a->resource < b->resource; });
  if (!beginList(out, "grants", sorted.empty())) return;
  for (const auto* g : sorted) {
    out << YAML::BeginMap;
    putField(out, "resource", g->resource);
    putList(out, "scopes", g->scopes, true);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void putApplication(YAML::Emitter& out, const model::Application& a) {
  const model::Application defaults;
  out << YAML::BeginMap;
  putField(out, "name", a.name);
  if (a.absent) {
    out << YAML::Key << "ensure" << YAML::Value << "absent" << YAML::EndMap;
    return;
  }
  if (!a.description.empty()) putField(out, "description", a.description);
  putField(out, "type", a.type);
  if (!a.enabled) out << YAML::Key << "enabled" << YAML::Value << false;
  putList(out, "grantTypes", a.grantTypes, true);
  if (!a.responseTypes.empty()) putList(out, "responseTypes", a.responseTypes, true);
  if (a.tokenEndpointAuthMethod != defaults.tokenEndpointAuthMethod) {
    putField(out, "tokenEndpointAuthMethod", a.tokenEndpointAuthMethod);
  }
  if (a.adminOnly) out << YAML::Key << "adminOnly" << YAML::Value << true;
  if (!a.redirectUris.empty()) putList(out, "redirectUris", a.redirectUris, false);
  if (!a.postLogoutRedirectUris.empty()) {
    putList(out, "postLogoutRedirectUris", a.postLogoutRedirectUris, false);
  }
  if (a.pkceEnforcement != defaults.pkceEnforcement) {
    putField(out, "pkceEnforcement", a.pkceEnforcement);
  }
  if (a.refreshTokenDuration != defaults.refreshTokenDuration) {
    out << YAML::Key << "refreshTokenDuration" << YAML::Value << a.refreshTokenDuration;
  }
  if (a.refreshTokenRollingDuration != defaults.refreshTokenRollingDuration) {
    out << YAML::Key << "refreshTokenRollingDuration" << YAML::Value
        << a.refreshTokenRollingDuration;
  }
  if (!a.jwks.empty()) putField(out, "jwks", a.jwks);
  if (!a.jwksUrl.empty()) putField(out, "jwksUrl", a.jwksUrl);
  if (a.grants) putGrants(out, *a.grants);
  out << YAML::EndMap;
}

}  // namespace

std::string writeManifest(const model::DesiredState& state) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 1;
  if (!state.resources.empty()) {
    out << YAML::Key << "resources" << YAML::Value << YAML::BeginSeq;
    for (const auto* r : byName(state.resources)) putResource(out, *r);
    out << YAML::EndSeq;
  }
  if (!state.applications.empty()) {
    out << YAML::Key << "applications" << YAML::Value << YAML::BeginSeq;
    for (const auto* a : byName(state.applications)) putApplication(out, *a);
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(kExportHeader) + "\n" + std::string(out.c_str()) + "\n";
}

}  // namespace pingplan::manifest
