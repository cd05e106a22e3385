// Store: an application's resource grants. One grant per (application, resource); its scopes
// must exist, belong to that resource, and not share a name with a scope of another grant of
// the same application. PUT changes the scopes only.

#include <set>

#include "emulator/api_error.h"
#include "emulator/fields.h"
#include "emulator/ids.h"
#include "emulator/store.h"

namespace emulator {
namespace {

using json = nlohmann::json;

bool onlyClientCredentials(const json& application) {
  const json& types = application.value("grantTypes", json::array());
  return types.size() == 1 && types[0] == "CLIENT_CREDENTIALS";
}

// The scope ids of a grant body: [{"id": ...}], at least one, no repeats.
json scopeIds(const json& body) {
  if (!body.contains("scopes") || body["scopes"].is_null()) {
    throw invalidData("REQUIRED_VALUE", "scopes", "A value is required.");
  }
  const json& scopes = body["scopes"];
  if (!scopes.is_array() || scopes.empty()) {
    throw invalidData("INVALID_VALUE", "scopes", "Must be a non-empty array of {\"id\"}.");
  }
  json out = json::array();
  std::set<std::string> seen;
  for (const auto& scope : scopes) {
    if (!scope.is_object() || !scope.contains("id") || !scope["id"].is_string()) {
      throw invalidData("INVALID_VALUE", "scopes", "Each scope must be {\"id\": \"...\"}.");
    }
    if (!seen.insert(scope["id"].get<std::string>()).second) {
      throw invalidData("INVALID_VALUE", "scopes", "A scope is listed twice.");
    }
    out.push_back({{"id", scope["id"]}});
  }
  return out;
}

}  // namespace

json& Store::mutableApplicationForGrants(const std::string& applicationId) {
  json* app = find("applications", applicationId);
  // PingOne answers 404 for grants of the Admin Console and Self-Service system apps.
  if (app == nullptr || (*app)["type"] == "PING_ONE_ADMIN_CONSOLE" ||
      (*app)["type"] == "PING_ONE_SELF_SERVICE") {
    throw notFound();
  }
  return *app;
}

void Store::checkGrant(const json& application, const json& resource, const json& scopes,
                       const std::string& exceptGrantId) const {
  if (resource["type"] == "OPENID_CONNECT" && onlyClientCredentials(application)) {
    throw invalidData("INVALID_VALUE", "resource.id",
                      "An application whose only grant type is CLIENT_CREDENTIALS cannot be "
                      "granted openid scopes.");
  }
  std::set<std::string> names;
  for (const auto& held : scopes) {
    const json* scope = find("scopes", held["id"]);
    if (scope == nullptr || (*scope)["resource"]["id"] != resource["id"]) {
      throw invalidData(
          "INVALID_VALUE", "scopes",
          "Scope " + held["id"].get<std::string>() + " does not exist on the granted resource.");
    }
    names.insert((*scope)["name"].get<std::string>());
  }
  for (const auto& other : collection("grants")) {
    if (other["application"]["id"] != application["id"] || other["id"] == exceptGrantId) continue;
    if (other["resource"]["id"] == resource["id"]) {
      throw uniquenessViolation("resource",
                                "The application already has a grant for this resource.");
    }
    for (const auto& held : other["scopes"]) {
      const json* scope = find("scopes", held["id"]);
      if (scope != nullptr && names.count((*scope)["name"].get<std::string>())) {
        throw uniquenessViolation("scopes", "The application already holds a scope named '" +
                                                (*scope)["name"].get<std::string>() +
                                                "' through another grant.");
      }
    }
  }
}

json Store::grants(const std::string& applicationId) const {
  const json* app = find("applications", applicationId);
  if (app == nullptr || (*app)["type"] == "PING_ONE_ADMIN_CONSOLE" ||
      (*app)["type"] == "PING_ONE_SELF_SERVICE") {
    throw notFound();
  }
  json out = json::array();
  for (const auto& item : collection("grants")) {
    if (item["application"]["id"] == applicationId) out.push_back(item);
  }
  return out;
}

const json& Store::grant(const std::string& applicationId, const std::string& id) const {
  grants(applicationId);
  const json* item = find("grants", id);
  if (item == nullptr || (*item)["application"]["id"] != applicationId) throw notFound();
  return *item;
}

json Store::createGrant(const std::string& applicationId, const json& body) {
  const json& app = mutableApplicationForGrants(applicationId);
  requireObject(body);
  if (!body.contains("resource") || !body["resource"].is_object() ||
      !body["resource"].contains("id") || !body["resource"]["id"].is_string()) {
    throw invalidData("REQUIRED_VALUE", "resource.id", "A value is required.");
  }
  const json* resource = find("resources", body["resource"]["id"]);
  if (resource == nullptr) {
    throw invalidData("INVALID_VALUE", "resource.id", "The resource does not exist.");
  }
  json scopes = scopeIds(body);
  checkGrant(app, *resource, scopes, "");
  std::string now = nowTimestamp();
  json grant = base(newUuid());
  grant.update({{"application", {{"id", applicationId}}},
                {"resource", {{"id", (*resource)["id"]}}},
                {"scopes", scopes},
                {"createdAt", now},
                {"updatedAt", now}});
  collection("grants").push_back(grant);
  return grant;
}

json Store::replaceGrant(const std::string& applicationId, const std::string& id,
                         const json& body) {
  const json& app = mutableApplicationForGrants(applicationId);
  json* grant = findChild("grants", "application", applicationId, id);
  if (grant == nullptr) throw notFound();
  requireObject(body);
  if (body.contains("resource") && !body["resource"].is_null() &&
      (!body["resource"].is_object() ||
       body["resource"].value("id", "") != (*grant)["resource"]["id"])) {
    throw invalidData("INVALID_VALUE", "resource.id",
                      "The resource of a grant cannot be changed; delete the grant and create "
                      "another.");
  }
  json scopes = scopeIds(body);
  checkGrant(app, resource((*grant)["resource"]["id"]), scopes, id);
  (*grant)["scopes"] = scopes;
  (*grant)["updatedAt"] = nowTimestamp();
  return *grant;
}

void Store::deleteGrant(const std::string& applicationId, const std::string& id) {
  mutableApplicationForGrants(applicationId);
  if (findChild("grants", "application", applicationId, id) == nullptr) throw notFound();
  erase("grants", id);
}

}  // namespace emulator
