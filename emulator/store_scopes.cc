// Store: resource scopes. Names are unique per resource and use the RFC 6749 scope-token
// characters. openid's predefined scopes and the PingOne API's scopes are read-only. A scope
// held by a grant cannot be deleted (409) until the grant drops it.

#include <regex>

#include "emulator/api_error.h"
#include "emulator/fields.h"
#include "emulator/ids.h"
#include "emulator/store.h"

namespace emulator {
namespace {

using json = nlohmann::json;

bool scopeTokenChar(char c) { return c == '!' || (c >= '#' && c <= '[') || (c >= ']' && c <= '~'); }

bool validScopeName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!scopeTokenChar(c)) return false;
  }
  return true;
}

bool pingOneApiScope(const std::string& name) {
  static const std::regex pattern("p1:(read|update):user(:[!#-\\[\\]-~]+)?");
  return std::regex_match(name, pattern);
}

bool predefined(const json& resource, const json& scope) {
  if (resource["type"] == "PINGONE_API") return true;
  if (resource["type"] != "OPENID_CONNECT") return false;
  for (const char* name : {"openid", "profile", "email", "address", "phone"}) {
    if (scope["name"] == name) return true;
  }
  return false;
}

json scopeFields(const json& resource, const json& body) {
  requireObject(body);
  std::string name = requireString(body, "name");
  if (!validScopeName(name)) {
    throw invalidData("INVALID_VALUE", "name",
                      "A scope name may only hold printable ASCII characters other than space, "
                      "'\"' and '\\'.",
                      {{"allowedPattern", "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$"}});
  }
  if (resource["type"] == "PINGONE_API" && !pingOneApiScope(name)) {
    throw invalidData("INVALID_VALUE", "name",
                      "PingOne API scopes must be p1:read:user or p1:update:user, optionally "
                      "with a :suffix.");
  }
  json fields = {{"name", name}};
  if (auto description = optionalString(body, "description")) fields["description"] = *description;
  return fields;
}

ApiError predefinedScope() {
  return invalidData("CONSTRAINT_VIOLATION", "name",
                     "Predefined scopes of built-in resources cannot be changed or deleted.");
}

}  // namespace

void Store::checkScopeName(const json& resource, const std::string& name,
                           const std::string& exceptId) const {
  for (const auto& other : collection("scopes")) {
    if (other["resource"]["id"] == resource["id"] && other["id"] != exceptId &&
        other["name"] == name) {
      throw uniquenessViolation("name", "A scope with the specified name already exists.");
    }
  }
}

json Store::scopes(const std::string& resourceId) const {
  resource(resourceId);
  json out = json::array();
  for (const auto& item : collection("scopes")) {
    if (item["resource"]["id"] == resourceId) out.push_back(item);
  }
  return out;
}

const json& Store::scope(const std::string& resourceId, const std::string& id) const {
  resource(resourceId);
  const json* item = find("scopes", id);
  if (item == nullptr || (*item)["resource"]["id"] != resourceId) throw notFound();
  return *item;
}

json Store::createScope(const std::string& resourceId, const json& body) {
  const json& parent = resource(resourceId);
  json fields = scopeFields(parent, body);
  checkScopeName(parent, fields["name"], "");
  std::string now = nowTimestamp();
  json scope = base(newUuid());
  scope["resource"] = {{"id", resourceId}};
  scope.update(fields);
  scope["createdAt"] = now;
  scope["updatedAt"] = now;
  collection("scopes").push_back(scope);
  return scope;
}

json Store::replaceScope(const std::string& resourceId, const std::string& id, const json& body) {
  const json& parent = resource(resourceId);
  json* scope = findChild("scopes", "resource", resourceId, id);
  if (scope == nullptr) throw notFound();
  if (predefined(parent, *scope)) throw predefinedScope();
  json fields = scopeFields(parent, body);
  checkScopeName(parent, fields["name"], id);
  json replaced = base(id);
  replaced["resource"] = {{"id", resourceId}};
  replaced.update(fields);
  replaced["createdAt"] = (*scope)["createdAt"];
  replaced["updatedAt"] = nowTimestamp();
  *scope = replaced;
  return replaced;
}

void Store::deleteScope(const std::string& resourceId, const std::string& id) {
  const json& parent = resource(resourceId);
  json* scope = findChild("scopes", "resource", resourceId, id);
  if (scope == nullptr) throw notFound();
  if (predefined(parent, *scope)) throw predefinedScope();
  for (const auto& grant : collection("grants")) {
    for (const auto& held : grant["scopes"]) {
      if (held["id"] == id) {
        throw ApiError(
            409, "REQUEST_FAILED", "The scope is in use by a grant and cannot be deleted.",
            {{"CONSTRAINT_VIOLATION",
              "grants",
              "Remove the scope from grant " + grant["id"].get<std::string>() + " (application " +
                  grant["application"]["id"].get<std::string>() + ") first.",
              {{"existingId", grant["id"]}}}});
      }
    }
  }
  erase("scopes", id);
}

}  // namespace emulator
