#include "manifest/decode_application.h"

#include <algorithm>
#include <limits>
#include <set>

#include "manifest/jwks.h"
#include "manifest/map_reader.h"
#include "manifest/rules.h"
#include "manifest/vocabulary.h"

namespace pingplan::manifest {

namespace {

constexpr std::int64_t kMaxDuration = std::numeric_limits<std::int32_t>::max();

/// A list of enum values; each bad or repeated item is reported at the item.
std::vector<std::string> enumList(const YamlNode& list, const std::string& label,
                                  const std::vector<std::string>& allowed,
                                  Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& item : list.items) {
    auto value = readEnum(item, label, allowed, diagnostics);
    if (!value) continue;
    if (std::find(out.begin(), out.end(), *value) != out.end()) {
      diagnostics.add(item.at, label + " " + *value + " is listed twice; remove one");
      continue;
    }
    out.push_back(*value);
  }
  return out;
}

std::vector<std::string> uriList(const YamlNode& list, const std::string& field,
                                 Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& item : list.items) {
    auto value = readString(item, field + " entry", diagnostics);
    if (!value) continue;
    if (auto problem = rules::redirectUri(*value)) diagnostics.add(item.at, *problem);
    out.push_back(*value);
  }
  return out;
}

model::Grant decodeGrant(const YamlNode& entry, GrantSite& site, Diagnostics& diagnostics) {
  MapReader reader(entry, "grant", vocabulary::kGrantKeys, diagnostics);
  model::Grant grant;
  site.entry = entry.at;
  site.resource = entry.at;
  if (const YamlNode* resource = reader.require("resource")) {
    site.resource = resource->at;
    grant.resource = readString(*resource, "resource", diagnostics).value_or("");
  }
  if (!reader.require("scopes")) return grant;
  const YamlNode* scopes = reader.list("scopes");
  if (!scopes) return grant;
  if (scopes->items.empty()) {
    diagnostics.add(scopes->at, "a grant needs at least one scope; remove the grant instead");
  }
  for (const auto& item : scopes->items) {
    auto name = readString(item, "scope", diagnostics);
    if (!name) continue;
    if (std::find(grant.scopes.begin(), grant.scopes.end(), *name) != grant.scopes.end()) {
      diagnostics.add(item.at, "scope \"" + *name + "\" is listed twice in this grant");
      continue;
    }
    grant.scopes.push_back(*name);
    site.scopes.push_back(item.at);
  }
  return grant;
}

void decodeLists(const MapReader& reader, bool absent, model::Application& app,
                 Position& implicitAt) {
  Diagnostics& diagnostics = reader.diagnostics();
  const YamlNode* grantTypes = absent ? reader.find("grantTypes") : reader.require("grantTypes");
  if (grantTypes && (grantTypes = reader.list("grantTypes"))) {
    if (grantTypes->items.empty() && !absent) {
      diagnostics.add(grantTypes->at, "grantTypes needs at least one grant type");
    }
    app.grantTypes = enumList(*grantTypes, "grant type", vocabulary::kGrantTypes, diagnostics);
    for (const auto& item : grantTypes->items) {
      if (item.isScalar() && item.value == "IMPLICIT") implicitAt = item.at;
    }
  }
  if (const YamlNode* list = reader.list("responseTypes")) {
    app.responseTypes = enumList(*list, "response type", vocabulary::kResponseTypes, diagnostics);
  }
  if (const YamlNode* list = reader.list("redirectUris")) {
    app.redirectUris = uriList(*list, "redirectUris", diagnostics);
  }
  if (const YamlNode* list = reader.list("postLogoutRedirectUris")) {
    app.postLogoutRedirectUris = uriList(*list, "postLogoutRedirectUris", diagnostics);
  }
}

void checkCombinations(const MapReader& reader, const model::Application& app,
                       Position implicitAt) {
  Diagnostics& diagnostics = reader.diagnostics();
  auto has = [](const std::vector<std::string>& list, const char* v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  if (has(app.grantTypes, "IMPLICIT") && !has(app.responseTypes, "TOKEN") &&
      !has(app.responseTypes, "ID_TOKEN")) {
    diagnostics.add(implicitAt,
                    "grant type IMPLICIT needs response type TOKEN or ID_TOKEN; add one to "
                    "responseTypes");
  }
  const YamlNode* method = reader.find("tokenEndpointAuthMethod");
  if (method && app.tokenEndpointAuthMethod == "PRIVATE_KEY_JWT" && app.jwks.empty() &&
      app.jwksUrl.empty() && !reader.find("jwks") && !reader.find("jwksUrl")) {
    diagnostics.add(method->at,
                    "tokenEndpointAuthMethod PRIVATE_KEY_JWT needs the client's keys; set jwks "
                    "or jwksUrl");
  }
  const YamlNode* url = reader.find("jwksUrl");
  if (url && reader.find("jwks")) {
    diagnostics.add(url->at, "set jwks or jwksUrl, not both");
  }
}

}  // namespace

model::Application decodeApplication(const YamlNode& entry, ApplicationSite& site,
                                     Diagnostics& diagnostics) {
  MapReader reader(entry, "application", vocabulary::kApplicationKeys, diagnostics);
  model::Application app;
  site.entry = entry.at;
  site.name = entry.at;
  if (const YamlNode* name = reader.require("name")) {
    site.name = name->at;
    app.name = readString(*name, "name", diagnostics).value_or("");
    if (name->isScalar() && !name->failed && app.name.empty()) {
      diagnostics.add(name->at, *rules::name(app.name));
    }
  }
  app.absent = reader.enumeration("ensure", vocabulary::kEnsure) == "absent";
  app.description = reader.string("description").value_or("");
  if (!app.absent) reader.require("type");
  app.type = reader.enumeration("type", vocabulary::kApplicationTypes).value_or("");
  app.enabled = reader.boolean("enabled").value_or(true);
  Position implicitAt = entry.at;
  decodeLists(reader, app.absent, app, implicitAt);
  app.tokenEndpointAuthMethod =
      reader.enumeration("tokenEndpointAuthMethod", vocabulary::kAuthMethods)
          .value_or("CLIENT_SECRET_BASIC");
  app.adminOnly = reader.boolean("adminOnly").value_or(false);
  app.pkceEnforcement =
      reader.enumeration("pkceEnforcement", vocabulary::kPkceEnforcement).value_or("OPTIONAL");
  app.refreshTokenDuration =
      reader.integer("refreshTokenDuration", 60, kMaxDuration).value_or(app.refreshTokenDuration);
  app.refreshTokenRollingDuration = reader.integer("refreshTokenRollingDuration", 60, kMaxDuration)
                                        .value_or(app.refreshTokenRollingDuration);
  if (const YamlNode* jwks = reader.find("jwks"))
    app.jwks = readJwks(*jwks, diagnostics).value_or("");
  if (const YamlNode* url = reader.find("jwksUrl")) {
    if (auto value = readString(*url, "jwksUrl", diagnostics)) {
      if (auto problem = rules::jwksUrl(*value)) diagnostics.add(url->at, *problem);
      app.jwksUrl = *value;
    }
  }
  checkCombinations(reader, app, implicitAt);
  if (const YamlNode* list = reader.list("grants")) {
    app.grants.emplace();
    for (const auto& item : list->items) {
      if (!expectMap(item, "each entry of grants", diagnostics)) continue;
      site.grants.emplace_back();
      app.grants->push_back(decodeGrant(item, site.grants.back(), diagnostics));
    }
  }
  return app;
}

}  // namespace pingplan::manifest
