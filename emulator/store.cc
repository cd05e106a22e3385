#include "emulator/store.h"

#include <stdexcept>

#include "emulator/api_error.h"
#include "emulator/ids.h"

namespace emulator {

using json = nlohmann::json;
namespace {

const char* const kCollections[] = {"resources", "attributes", "scopes", "applications", "grants"};

// The openid resource's PREDEFINED attributes and their default values.
const std::pair<const char*, const char*> kOpenidAttributes[] = {
    {"given_name", "${user.name.given}"},
    {"family_name", "${user.name.family}"},
    {"middle_name", "${user.name.middle}"},
    {"name", "${user.name.formatted}"},
    {"nickname", "${user.nickname}"},
    {"preferred_username", "${user.username}"},
    {"email", "${user.email}"},
    {"email_verified", "${user.emailVerified}"},
    {"phone_number", "${user.primaryPhone}"},
    {"locale", "${user.locale}"},
    {"zoneinfo", "${user.timezone}"},
    {"updated_at", "${#datetime.toUnixTimestamp(user.updatedAt)}"},
};

const std::pair<const char*, const char*> kOpenidScopes[] = {
    {"openid", "OpenID Connect sign-in"},  {"profile", "The user's default profile claims"},
    {"email", "The user's email address"}, {"address", "The user's postal address"},
    {"phone", "The user's phone number"},
};

}  // namespace

Store::Store(std::string environmentId) : environmentId_(std::move(environmentId)) {
  doc_ = {{"environmentId", environmentId_}, {"secrets", json::object()}};
  for (const char* name : kCollections) doc_[name] = json::array();
}

Store Store::fromJson(const json& document) {
  if (!document.is_object() || !document.contains("environmentId") ||
      !document["environmentId"].is_string()) {
    throw std::runtime_error("not an emulator state document");
  }
  Store store(document["environmentId"].get<std::string>());
  for (const char* name : kCollections) {
    if (!document.contains(name) || !document[name].is_array()) {
      throw std::runtime_error(std::string("state document lacks \"") + name + "\"");
    }
    store.doc_[name] = document[name];
  }
  if (document.contains("secrets") && document["secrets"].is_object()) {
    store.doc_["secrets"] = document["secrets"];
  }
  return store;
}

json Store::base(const std::string& id) const {
  return {{"id", id}, {"environment", {{"id", environmentId_}}}};
}

void Store::seed(const std::string& workerId, const std::string& workerSecret,
                 const std::string& workerJwks) {
  std::string now = nowTimestamp();
  json openid = base(newUuid());
  openid.update({{"name", "openid"},
                 {"description", "OpenID Connect scopes and claims"},
                 {"type", "OPENID_CONNECT"},
                 {"audience", "https://api.pingone.com"},
                 {"accessTokenValiditySeconds", 3600},
                 {"createdAt", now},
                 {"updatedAt", now}});
  json api = base(newUuid());
  api.update({{"name", "PingOne API"},
              {"type", "PINGONE_API"},
              {"audience", "https://api.pingone.com"},
              {"accessTokenValiditySeconds", 3600},
              {"createdAt", now},
              {"updatedAt", now}});
  collection("resources").push_back(openid);
  collection("resources").push_back(api);

  auto addAttribute = [&](const json& resource, const char* name, const char* value,
                          const char* type) {
    json attribute = base(newUuid());
    attribute.update({{"resource", {{"id", resource["id"]}}},
                      {"name", name},
                      {"value", value},
                      {"type", type},
                      {"idToken", true},
                      {"userInfo", true}});
    collection("attributes").push_back(attribute);
  };
  addAttribute(openid, "sub", "${user.id}", "CORE");
  for (const auto& [name, value] : kOpenidAttributes)
    addAttribute(openid, name, value, "PREDEFINED");

  auto addScope = [&](const json& resource, const char* name, const char* description) {
    json scope = base(newUuid());
    scope.update({{"resource", {{"id", resource["id"]}}},
                  {"name", name},
                  {"description", description},
                  {"createdAt", now},
                  {"updatedAt", now}});
    collection("scopes").push_back(scope);
  };
  for (const auto& [name, description] : kOpenidScopes) addScope(openid, name, description);
  addScope(api, "p1:read:user", "Read the signed-in user");
  addScope(api, "p1:update:user", "Update the signed-in user");

  json console = base(newUuid());
  console.update({{"name", "PingOne Admin Console"},
                  {"enabled", true},
                  {"type", "PING_ONE_ADMIN_CONSOLE"},
                  {"protocol", "OPENID_CONNECT"},
                  {"createdAt", now},
                  {"updatedAt", now}});
  collection("applications").push_back(console);

  json worker = base(workerId);
  worker.update({{"name", "pingone-emulator worker"},
                 {"description", "The worker application the emulator prints credentials for"},
                 {"enabled", true},
                 {"type", "WORKER"},
                 {"protocol", "OPENID_CONNECT"},
                 {"grantTypes", {"CLIENT_CREDENTIALS"}},
                 {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"},
                 {"pkceEnforcement", "OPTIONAL"},
                 {"parRequirement", "OPTIONAL"},
                 {"parTimeout", 60},
                 {"refreshTokenDuration", 2592000},
                 {"refreshTokenRollingDuration", 15552000},
                 {"additionalRefreshTokenReplayProtectionEnabled", true},
                 {"requestScopesForMultipleResourcesEnabled", false},
                 {"createdAt", now},
                 {"updatedAt", now}});
  if (!workerJwks.empty()) worker["jwks"] = workerJwks;
  collection("applications").push_back(worker);
  doc_["secrets"][workerId] = {{"secret", workerSecret}};
}

json* Store::find(const char* name, const std::string& id) {
  for (auto& item : collection(name)) {
    if (item["id"] == id) return &item;
  }
  return nullptr;
}

const json* Store::find(const char* name, const std::string& id) const {
  for (const auto& item : collection(name)) {
    if (item["id"] == id) return &item;
  }
  return nullptr;
}

json* Store::findChild(const char* name, const char* parent, const std::string& parentId,
                       const std::string& id) {
  json* item = find(name, id);
  if (item == nullptr || (*item)[parent]["id"] != parentId) return nullptr;
  return item;
}

void Store::erase(const char* name, const std::string& id) {
  auto& items = collection(name);
  for (auto it = items.begin(); it != items.end(); ++it) {
    if ((*it)["id"] == id) {
      items.erase(it);
      return;
    }
  }
}

const json* Store::findApplication(const std::string& id) const { return find("applications", id); }

void Store::setSecret(const std::string& applicationId, const std::string& secret) {
  application(applicationId);
  doc_["secrets"][applicationId] = {{"secret", secret}};
}

void Store::setJwks(const std::string& applicationId, const std::string& jwks) {
  json* app = find("applications", applicationId);
  if (app == nullptr) throw notFound();
  if (jwks.empty()) {
    app->erase("jwks");
  } else {
    (*app)["jwks"] = jwks;
  }
}

}  // namespace emulator
