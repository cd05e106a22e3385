// Store: OIDC applications and their secrets. POST and PUT take the full object; PUT clears
// every optional field it omits (they read back at their defaults) and may not change `type` or
// `protocol`. System applications are listed but read-only.

#include <algorithm>

#include "emulator/api_error.h"
#include "emulator/fields.h"
#include "emulator/ids.h"
#include "emulator/public_key.h"
#include "emulator/store.h"

namespace emulator {
namespace {

using json = nlohmann::json;

const std::vector<std::string> kManageableTypes = {"WEB_APP", "NATIVE_APP", "SINGLE_PAGE_APP",
                                                   "WORKER",  "SERVICE",    "CUSTOM_APP"};
const std::vector<std::string> kSystemTypes = {"PING_ONE_SELF_SERVICE", "PING_ONE_ADMIN_CONSOLE",
                                               "PING_ONE_PORTAL", "TEMPLATE_APP",
                                               "PORTAL_LINK_APP"};

bool systemApplication(const json& application) {
  return std::find(kSystemTypes.begin(), kSystemTypes.end(), application["type"]) !=
         kSystemTypes.end();
}

ApiError systemApplicationError() {
  return invalidData("CONSTRAINT_VIOLATION", "type",
                     "System applications cannot be changed or deleted.");
}

json accessControl(const json& body) {
  const json& value = body["accessControl"];
  if (!value.is_object()) throw invalidData("INVALID_VALUE", "accessControl", "Must be an object.");
  json out = json::object();
  if (value.contains("role") && !value["role"].is_null()) {
    if (!value["role"].is_object()) {
      throw invalidData("INVALID_VALUE", "accessControl.role", "Must be an object.");
    }
    out["role"] = {{"type", enumMember(value["role"], "type", {"ADMIN_USERS_ONLY"})}};
  }
  if (value.contains("group") && !value["group"].is_null()) {
    const json& group = value["group"];
    if (!group.is_object() || !group.contains("groups") || !group["groups"].is_array()) {
      throw invalidData("INVALID_VALUE", "accessControl.group",
                        "Must be an object with \"type\" and \"groups\".");
    }
    out["group"] = {{"type", enumMember(group, "type", {"ANY_GROUP", "ALL_GROUPS"})},
                    {"groups", group["groups"]}};
  }
  return out;
}

void checkRedirectUris(const json& body, const std::string& name, bool wildcards) {
  auto uris = stringArray(body, name);
  if (!uris) return;
  for (const auto& uri : *uris) {
    if (!wildcards && uri.find('*') != std::string::npos) {
      throw invalidData("INVALID_VALUE", name, "Wildcards are not allowed in redirect URIs.");
    }
  }
}

}  // namespace

json Store::applicationFromBody(const json& body, const json* existing) const {
  requireObject(body);
  json app = {{"name", requireString(body, "name")}, {"enabled", requireBool(body, "enabled")}};
  std::vector<std::string> types = kManageableTypes;
  std::string protocol =
      enumMember(body, "protocol", {"OPENID_CONNECT", "SAML", "WS_FED", "EXTERNAL_LINK"});
  std::string type = enumMember(body, "type", types);
  if (existing != nullptr && (*existing)["type"] != type) {
    throw invalidData("INVALID_VALUE", "type", "The type of an application cannot be changed.");
  }
  if (existing != nullptr && (*existing)["protocol"] != protocol) {
    throw invalidData("INVALID_VALUE", "protocol",
                      "The protocol of an application cannot be changed.");
  }
  if (protocol != "OPENID_CONNECT") {
    throw invalidData("INVALID_VALUE", "protocol",
                      "pingone-emulator supports OPENID_CONNECT applications only.");
  }
  app["protocol"] = protocol;
  app["type"] = type;
  if (auto description = optionalString(body, "description")) app["description"] = *description;

  std::string method = enumMember(body, "tokenEndpointAuthMethod",
                                  {"NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST",
                                   "PRIVATE_KEY_JWT", "CLIENT_SECRET_JWT"});
  app["tokenEndpointAuthMethod"] = method;
  auto grantTypes = stringArray(body, "grantTypes",
                                {"AUTHORIZATION_CODE", "IMPLICIT", "REFRESH_TOKEN",
                                 "CLIENT_CREDENTIALS", "DEVICE_CODE", "TOKEN_EXCHANGE", "CIBA"});
  if (!grantTypes) throw invalidData("REQUIRED_VALUE", "grantTypes", "A value is required.");
  if (grantTypes->empty()) throw invalidData("EMPTY_VALUE", "grantTypes", "Must not be empty.");
  app["grantTypes"] = *grantTypes;
  auto responseTypes = stringArray(body, "responseTypes", {"CODE", "TOKEN", "ID_TOKEN"});
  if (responseTypes) app["responseTypes"] = *responseTypes;
  bool implicit =
      std::find(grantTypes->begin(), grantTypes->end(), "IMPLICIT") != grantTypes->end();
  if (implicit && (!responseTypes || (std::find(responseTypes->begin(), responseTypes->end(),
                                                "TOKEN") == responseTypes->end() &&
                                      std::find(responseTypes->begin(), responseTypes->end(),
                                                "ID_TOKEN") == responseTypes->end()))) {
    throw invalidData("INVALID_VALUE", "responseTypes",
                      "The IMPLICIT grant type needs the TOKEN or ID_TOKEN response type.");
  }

  bool wildcards = optionalBool(body, "allowWildcardInRedirectUris").value_or(false);
  if (wildcards) app["allowWildcardInRedirectUris"] = true;
  for (const char* name : {"redirectUris", "postLogoutRedirectUris"}) {
    checkRedirectUris(body, name, wildcards);
    if (auto uris = stringArray(body, name)) app[name] = *uris;
  }
  app["pkceEnforcement"] =
      enumMember(body, "pkceEnforcement", {"OPTIONAL", "REQUIRED", "S256_REQUIRED"}, "OPTIONAL");
  app["parRequirement"] = enumMember(body, "parRequirement", {"OPTIONAL", "REQUIRED"}, "OPTIONAL");
  app["parTimeout"] = *intInRange(body, "parTimeout", 1, 600, 60);
  app["refreshTokenDuration"] = *intInRange(body, "refreshTokenDuration", 60, 2147483647, 2592000);
  app["refreshTokenRollingDuration"] =
      *intInRange(body, "refreshTokenRollingDuration", 60, 2147483647, 15552000);
  if (auto grace = intInRange(body, "refreshTokenRollingGracePeriodDuration", 0, 86400)) {
    app["refreshTokenRollingGracePeriodDuration"] = *grace;
  }
  app["additionalRefreshTokenReplayProtectionEnabled"] =
      optionalBool(body, "additionalRefreshTokenReplayProtectionEnabled").value_or(true);
  app["requestScopesForMultipleResourcesEnabled"] =
      optionalBool(body, "requestScopesForMultipleResourcesEnabled").value_or(false);
  for (const char* name : {"homePageUrl", "loginPageUrl"}) {
    if (auto url = optionalString(body, name)) app[name] = *url;
  }
  if (auto hidden = optionalBool(body, "hiddenFromAppPortal")) app["hiddenFromAppPortal"] = *hidden;
  if (body.contains("accessControl") && !body["accessControl"].is_null()) {
    json control = accessControl(body);
    if (!control.empty()) app["accessControl"] = control;
  }

  auto jwks = optionalString(body, "jwks");
  auto jwksUrl = optionalString(body, "jwksUrl");
  if (jwks) {
    std::string error;
    if (!parsePublicKeys(*jwks, error)) {
      throw invalidData("INVALID_VALUE", "jwks", "Not a usable JWK set: " + error + ".");
    }
    app["jwks"] = *jwks;
  }
  if (jwksUrl) {
    if (jwksUrl->rfind("https://", 0) != 0) {
      throw invalidData("INVALID_VALUE", "jwksUrl", "The JWKS URL must use https.");
    }
    app["jwksUrl"] = *jwksUrl;
  }
  if (jwks && jwksUrl) {
    throw invalidData("INVALID_VALUE", "jwks", "Give either jwks or jwksUrl, not both.");
  }
  if (method == "PRIVATE_KEY_JWT" && !jwks && !jwksUrl) {
    throw invalidData("REQUIRED_VALUE", "jwks",
                      "PRIVATE_KEY_JWT needs the application's keys in jwks or jwksUrl.");
  }
  return app;
}

const json& Store::application(const std::string& id) const {
  const json* item = find("applications", id);
  if (item == nullptr) throw notFound();
  return *item;
}

json Store::createApplication(const json& body) {
  json fields = applicationFromBody(body, nullptr);
  std::string now = nowTimestamp();
  json app = base(newUuid());
  app.update(fields);
  app["createdAt"] = now;
  app["updatedAt"] = now;
  collection("applications").push_back(app);
  doc_["secrets"][app["id"].get<std::string>()] = {{"secret", newSecret()}};
  return app;
}

json Store::replaceApplication(const std::string& id, const json& body) {
  json* app = find("applications", id);
  if (app == nullptr) throw notFound();
  if (systemApplication(*app)) throw systemApplicationError();
  json replaced = base(id);
  replaced.update(applicationFromBody(body, app));
  replaced["createdAt"] = (*app)["createdAt"];
  replaced["updatedAt"] = nowTimestamp();
  *app = replaced;
  return replaced;
}

void Store::deleteApplication(const std::string& id) {
  const json* app = find("applications", id);
  if (app == nullptr) throw notFound();
  if (systemApplication(*app)) throw systemApplicationError();
  auto& grants = collection("grants");
  for (auto it = grants.begin(); it != grants.end();) {
    it = (*it)["application"]["id"] == id ? grants.erase(it) : it + 1;
  }
  doc_["secrets"].erase(id);
  erase("applications", id);
}

const std::string& Store::secret(const std::string& applicationId) const {
  application(applicationId);
  const json& secrets = doc_["secrets"];
  auto it = secrets.find(applicationId);
  if (it == secrets.end()) throw notFound();
  return (*it)["secret"].get_ref<const std::string&>();
}

json Store::secretDocument(const std::string& applicationId) const {
  json out = {{"environment", {{"id", environmentId_}}}, {"secret", secret(applicationId)}};
  const json& entry = doc_["secrets"][applicationId];
  if (entry.contains("previous") &&
      entry["previous"]["expiresAtEpoch"].get<int64_t>() > nowSeconds()) {
    out["previous"] = {{"secret", entry["previous"]["secret"]},
                       {"expiresAt", entry["previous"]["expiresAt"]}};
  }
  return out;
}

json Store::rotateSecret(const std::string& applicationId, const json& body) {
  std::string current = secret(applicationId);
  json entry = {{"secret", newSecret()}};
  if (body.is_object() && body.contains("previous")) {
    const json& previous = body["previous"];
    if (!previous.is_object() || !previous.contains("expiresAt") ||
        !previous["expiresAt"].is_string()) {
      throw invalidData("INVALID_VALUE", "previous.expiresAt", "Must be an RFC 3339 timestamp.");
    }
    std::string text = previous["expiresAt"];
    std::tm tm{};
    if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) {
      throw invalidData("INVALID_VALUE", "previous.expiresAt", "Must be an RFC 3339 timestamp.");
    }
    int64_t expires = static_cast<int64_t>(timegm(&tm));
    int64_t ahead = expires - nowSeconds();
    if (ahead < 60 || ahead > 30 * 86400) {
      throw invalidData("OUT_OF_RANGE", "previous.expiresAt",
                        "The previous secret must expire between 1 minute and 30 days from now.");
    }
    entry["previous"] = {{"secret", current}, {"expiresAt", text}, {"expiresAtEpoch", expires}};
  } else if (!body.is_null() && !body.is_object()) {
    throw invalidRequest("The request body must be a JSON object.");
  }
  doc_["secrets"][applicationId] = entry;
  return secretDocument(applicationId);
}

bool Store::secretMatches(const std::string& applicationId, const std::string& presented) const {
  const json& secrets = doc_["secrets"];
  auto it = secrets.find(applicationId);
  if (it == secrets.end()) return false;
  if ((*it)["secret"] == presented) return true;
  return it->contains("previous") && (*it)["previous"]["secret"] == presented &&
         (*it)["previous"]["expiresAtEpoch"].get<int64_t>() > nowSeconds();
}

}  // namespace emulator
