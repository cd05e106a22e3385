// Store: resource attributes. CUSTOM attributes are created and deleted freely; the CORE `sub`
// and openid's PREDEFINED attributes can be changed with PUT but never deleted or renamed.

#include <algorithm>

#include "emulator/api_error.h"
#include "emulator/fields.h"
#include "emulator/ids.h"
#include "emulator/store.h"

namespace emulator {
namespace {

using json = nlohmann::json;

const char* const kReservedNames[] = {"acr", "amr", "aud", "auth_time", "client_id", "env", "exp",
                                      "iat", "iss", "jti", "org",       "scope",     "sid", "sub"};

bool reserved(const std::string& name) {
  if (name.rfind("p1.", 0) == 0) return true;
  return std::find(std::begin(kReservedNames), std::end(kReservedNames), name) !=
         std::end(kReservedNames);
}

const json& attributeParent(const json& resource) {
  std::string type = resource["type"];
  if (type != "CUSTOM" && type != "OPENID_CONNECT") {
    throw invalidData("INVALID_VALUE", "resource",
                      "Attributes can only be defined on CUSTOM and OPENID_CONNECT resources.");
  }
  return resource;
}

// name, value and (for openid) idToken/userInfo of an attribute body.
json attributeFields(const json& resource, const json& body) {
  requireObject(body);
  json fields = {{"name", requireString(body, "name")}, {"value", requireString(body, "value")}};
  if (resource["type"] == "OPENID_CONNECT") {
    bool idToken = optionalBool(body, "idToken").value_or(true);
    bool userInfo = optionalBool(body, "userInfo").value_or(true);
    if (!idToken && !userInfo) {
      throw invalidData("INVALID_VALUE", "idToken", "idToken and userInfo cannot both be false.");
    }
    fields["idToken"] = idToken;
    fields["userInfo"] = userInfo;
  }
  return fields;
}

}  // namespace

void Store::checkAttributeName(const json& resource, const std::string& name,
                               const std::string& exceptId) const {
  for (const auto& other : collection("attributes")) {
    if (other["resource"]["id"] == resource["id"] && other["id"] != exceptId &&
        other["name"] == name) {
      throw uniquenessViolation("name", "An attribute with the specified name already exists.");
    }
  }
}

json Store::attributes(const std::string& resourceId) const {
  resource(resourceId);
  json out = json::array();
  for (const auto& item : collection("attributes")) {
    if (item["resource"]["id"] == resourceId) out.push_back(item);
  }
  return out;
}

const json& Store::attribute(const std::string& resourceId, const std::string& id) const {
  resource(resourceId);
  const json* item = find("attributes", id);
  if (item == nullptr || (*item)["resource"]["id"] != resourceId) throw notFound();
  return *item;
}

json Store::createAttribute(const std::string& resourceId, const json& body) {
  const json& parent = attributeParent(resource(resourceId));
  json fields = attributeFields(parent, body);
  std::string name = fields["name"];
  if (reserved(name)) {
    throw invalidData("INVALID_VALUE", "name", "'" + name + "' is a reserved attribute name.");
  }
  checkAttributeName(parent, name, "");
  json attribute = base(newUuid());
  attribute["resource"] = {{"id", resourceId}};
  attribute.update(fields);
  attribute["type"] = "CUSTOM";
  collection("attributes").push_back(attribute);
  return attribute;
}

json Store::replaceAttribute(const std::string& resourceId, const std::string& id,
                             const json& body) {
  const json& parent = attributeParent(resource(resourceId));
  json* attribute = findChild("attributes", "resource", resourceId, id);
  if (attribute == nullptr) throw notFound();
  json fields = attributeFields(parent, body);
  std::string name = fields["name"];
  if ((*attribute)["type"] != "CUSTOM" && name != (*attribute)["name"]) {
    throw invalidData("CONSTRAINT_VIOLATION", "name",
                      "The name of a CORE or PREDEFINED attribute cannot be changed.");
  }
  if ((*attribute)["type"] == "CUSTOM" && reserved(name)) {
    throw invalidData("INVALID_VALUE", "name", "'" + name + "' is a reserved attribute name.");
  }
  checkAttributeName(parent, name, id);
  json replaced = base(id);
  replaced["resource"] = {{"id", resourceId}};
  replaced.update(fields);
  replaced["type"] = (*attribute)["type"];
  *attribute = replaced;
  return replaced;
}

void Store::deleteAttribute(const std::string& resourceId, const std::string& id) {
  resource(resourceId);
  json* attribute = findChild("attributes", "resource", resourceId, id);
  if (attribute == nullptr) throw notFound();
  if ((*attribute)["type"] != "CUSTOM") {
    throw invalidData("CONSTRAINT_VIOLATION", "type",
                      "Attributes of type " + (*attribute)["type"].get<std::string>() +
                          " cannot be deleted; change their value with PUT instead.");
  }
  erase("attributes", id);
}

}  // namespace emulator
