// Store: custom resources. Only CUSTOM resources are created, changed or deleted; the built-ins
// (openid, PingOne API) are read-only. A new CUSTOM resource gets its CORE `sub` attribute.

#include "emulator/api_error.h"
#include "emulator/fields.h"
#include "emulator/ids.h"
#include "emulator/store.h"

namespace emulator {
namespace {

using json = nlohmann::json;

// The writable fields of a resource, validated, with PingOne's defaults filled in.
json resourceFields(const json& body) {
  requireObject(body);
  std::string name = requireString(body, "name");
  enumMember(body, "type", {"CUSTOM"}, "CUSTOM");
  std::string audience = optionalString(body, "audience").value_or(name);
  if (audience.empty()) audience = name;
  if (containsIgnoringCase(audience, "pingone") || containsIgnoringCase(audience, "pingidentity")) {
    throw invalidData("INVALID_VALUE", "audience",
                      "The audience must not contain 'pingone' or 'pingidentity'.");
  }
  if (audience.find('#') != std::string::npos) {
    throw invalidData("INVALID_VALUE", "audience", "The audience must not contain a fragment.");
  }
  json fields = {
      {"name", name},
      {"type", "CUSTOM"},
      {"audience", audience},
      {"accessTokenValiditySeconds",
       *intInRange(body, "accessTokenValiditySeconds", 300, 2592000, 3600)},
      {"introspectEndpointAuthMethod",
       enumMember(body, "introspectEndpointAuthMethod",
                  {"NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"}, "CLIENT_SECRET_BASIC")}};
  bool claimEnabled = false;
  if (body.contains("applicationPermissionsSettings") &&
      !body["applicationPermissionsSettings"].is_null()) {
    const auto& settings = body["applicationPermissionsSettings"];
    if (!settings.is_object()) {
      throw invalidData("INVALID_VALUE", "applicationPermissionsSettings", "Must be an object.");
    }
    claimEnabled = optionalBool(settings, "claimEnabled").value_or(false);
  }
  fields["applicationPermissionsSettings"] = {{"claimEnabled", claimEnabled}};
  if (auto description = optionalString(body, "description")) {
    fields["description"] = *description;
  }
  return fields;
}

ApiError builtInResource() {
  return invalidData("CONSTRAINT_VIOLATION", "type",
                     "Built-in resources (openid, PingOne API) cannot be changed or deleted.");
}

}  // namespace

const json& Store::resource(const std::string& id) const {
  const json* item = find("resources", id);
  if (item == nullptr) throw notFound();
  return *item;
}

json Store::createResource(const json& body) {
  json fields = resourceFields(body);
  for (const auto& existing : collection("resources")) {
    if (existing["name"] == fields["name"]) {
      throw uniquenessViolation("name", "A resource with the specified name already exists.");
    }
  }
  std::string now = nowTimestamp();
  json resource = base(newUuid());
  resource.update(fields);
  resource["createdAt"] = now;
  resource["updatedAt"] = now;
  collection("resources").push_back(resource);

  json sub = base(newUuid());
  sub.update({{"resource", {{"id", resource["id"]}}},
              {"name", "sub"},
              {"value", "${user.id}"},
              {"type", "CORE"}});
  collection("attributes").push_back(sub);
  return resource;
}

json Store::replaceResource(const std::string& id, const json& body) {
  json* resource = find("resources", id);
  if (resource == nullptr) throw notFound();
  if ((*resource)["type"] != "CUSTOM") throw builtInResource();
  json fields = resourceFields(body);
  for (const auto& existing : collection("resources")) {
    if (existing["id"] != id && existing["name"] == fields["name"]) {
      throw uniquenessViolation("name", "A resource with the specified name already exists.");
    }
  }
  json replaced = base(id);
  replaced.update(fields);
  replaced["createdAt"] = (*resource)["createdAt"];
  replaced["updatedAt"] = nowTimestamp();
  *resource = replaced;
  return replaced;
}

void Store::deleteResource(const std::string& id) {
  const json* resource = find("resources", id);
  if (resource == nullptr) throw notFound();
  if ((*resource)["type"] != "CUSTOM") throw builtInResource();
  // Cascade: the resource's attributes, scopes and every grant on it go with it.
  for (const char* name : {"attributes", "scopes", "grants"}) {
    auto& items = collection(name);
    for (auto it = items.begin(); it != items.end();) {
      it = (*it)["resource"]["id"] == id ? items.erase(it) : it + 1;
    }
  }
  erase("resources", id);
}

}  // namespace emulator
