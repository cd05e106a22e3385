// OIDC applications, the secret endpoint and grants.

#include <gtest/gtest.h>

#include "emulator_client.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

class Applications : public ::testing::Test {
 protected:
  EmulatorProcess emulator;
  Api api{emulator};
  void SetUp() override { api.fetchToken(); }
  std::string apps() { return api.env("/applications"); }
};

TEST_F(Applications, SystemAppAndWorkerAreSeeded) {
  json state = emulator.control("GET", "/emulator/state");
  std::map<std::string, std::string> types;
  for (const auto& app : state["applications"]) types[app["id"]] = app["type"];
  EXPECT_EQ(types[emulator.clientId()], "WORKER");
  EXPECT_EQ(std::count_if(types.begin(), types.end(),
                          [](const auto& t) { return t.second == "PING_ONE_ADMIN_CONSOLE"; }),
            1);
}

TEST_F(Applications, CreateFillsOidcDefaultsAndNeverShowsTheSecret) {
  json body = workerBody("Orchestration Tool");
  body["accessControl"] = {{"role", {{"type", "ADMIN_USERS_ONLY"}}}};
  Reply reply = api.post(apps(), body);
  ASSERT_EQ(reply.status, 201);
  const json& app = reply.body;
  EXPECT_EQ(app["pkceEnforcement"], "OPTIONAL");
  EXPECT_EQ(app["parRequirement"], "OPTIONAL");
  EXPECT_EQ(app["parTimeout"], 60);
  EXPECT_EQ(app["refreshTokenDuration"], 2592000);
  EXPECT_EQ(app["refreshTokenRollingDuration"], 15552000);
  EXPECT_EQ(app["additionalRefreshTokenReplayProtectionEnabled"], true);
  EXPECT_EQ(app["accessControl"]["role"]["type"], "ADMIN_USERS_ONLY");
  EXPECT_FALSE(app.contains("responseTypes"));
  Reply got = api.get(apps() + "/" + app["id"].get<std::string>());
  EXPECT_EQ(got.body["accessControl"]["role"]["type"], "ADMIN_USERS_ONLY");
  EXPECT_EQ(got.body.dump().find("secret\""), std::string::npos);
}

TEST_F(Applications, RequiredFieldsAndEnums) {
  auto detail = [&](json body) { return firstDetail(api.post(apps(), body)); };
  json base = workerBody("x");
  for (const char* field :
       {"name", "enabled", "type", "protocol", "tokenEndpointAuthMethod", "grantTypes"}) {
    json body = base;
    body.erase(field);
    EXPECT_EQ(detail(body), std::string("REQUIRED_VALUE ") + field);
  }
  auto with = [&](const char* name, json value) {
    json body = base;
    body[name] = value;
    return body;
  };
  EXPECT_EQ(detail(with("type", "ROBOT")), "INVALID_VALUE type");
  EXPECT_EQ(detail(with("type", "PING_ONE_ADMIN_CONSOLE")), "INVALID_VALUE type");
  EXPECT_EQ(detail(with("grantTypes", {"CLIENT_CREDENTIALS", "MAGIC"})),
            "INVALID_VALUE grantTypes");
  EXPECT_EQ(detail(with("tokenEndpointAuthMethod", "SHARED")),
            "INVALID_VALUE tokenEndpointAuthMethod");
  EXPECT_EQ(detail(with("pkceEnforcement", "SOMETIMES")), "INVALID_VALUE pkceEnforcement");
  EXPECT_EQ(detail(with("accessControl", {{"role", {{"type", "EVERYONE"}}}})),
            "INVALID_VALUE type");
  json implicit = with("grantTypes", {"IMPLICIT"});
  implicit["responseTypes"] = {"CODE"};
  EXPECT_EQ(detail(implicit), "INVALID_VALUE responseTypes");
  EXPECT_EQ(detail(with("redirectUris", {"https://*.example.com/cb"})),
            "INVALID_VALUE redirectUris");
  EXPECT_EQ(detail(with("parTimeout", 601)), "OUT_OF_RANGE parTimeout");
}

TEST_F(Applications, PutIsAFullReplaceClearingOmittedFields) {
  json body = workerBody("Tool");
  body["description"] = "pipeline";
  body["accessControl"] = {{"role", {{"type", "ADMIN_USERS_ONLY"}}}};
  body["pkceEnforcement"] = "S256_REQUIRED";
  body["redirectUris"] = {"https://tool.example/cb"};
  json app = api.create(apps(), body);
  std::string path = apps() + "/" + app["id"].get<std::string>();
  Reply put = api.put(path, workerBody("Tool renamed"));
  ASSERT_EQ(put.status, 200);
  for (const auto& reply : {put, api.get(path)}) {
    EXPECT_EQ(reply.body["name"], "Tool renamed");
    EXPECT_FALSE(reply.body.contains("description"));
    EXPECT_FALSE(reply.body.contains("accessControl"));
    EXPECT_FALSE(reply.body.contains("redirectUris"));
    EXPECT_EQ(reply.body["pkceEnforcement"], "OPTIONAL");
  }
  json typeChange = workerBody("Tool");
  typeChange["type"] = "SERVICE";
  Reply refused = api.put(path, typeChange);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(firstDetail(refused), "INVALID_VALUE type");
  EXPECT_EQ(firstDetail(api.put(path, json{{"name", "no enabled"}})), "REQUIRED_VALUE enabled");
}

TEST_F(Applications, DuplicateNamesAreAllowedAndDeleteWorks) {
  json a = api.create(apps(), workerBody("Same"));
  json b = api.create(apps(), workerBody("Same"));
  EXPECT_NE(a["id"], b["id"]);
  EXPECT_EQ(api.del(apps() + "/" + a["id"].get<std::string>()).status, 204);
  EXPECT_EQ(api.get(apps() + "/" + a["id"].get<std::string>()).status, 404);
}

TEST_F(Applications, SystemAppIsReadOnlyAndHasNoGrants) {
  std::string console;
  json state = emulator.control("GET", "/emulator/state");
  for (const auto& app : state["applications"]) {
    if (app["type"] == "PING_ONE_ADMIN_CONSOLE") console = app["id"];
  }
  EXPECT_EQ(api.get(apps() + "/" + console).status, 200);
  EXPECT_EQ(api.del(apps() + "/" + console).status, 400);
  EXPECT_EQ(api.get(apps() + "/" + console + "/grants").status, 404);
}

TEST_F(Applications, SecretEndpointReadsAndRotates) {
  json app = api.create(apps(), workerBody("Rotating"));
  std::string id = app["id"];
  std::string secretPath = apps() + "/" + id + "/secret";
  Reply first = api.get(secretPath);
  ASSERT_EQ(first.status, 200);
  std::string oldSecret = first.body["secret"];
  EXPECT_GE(oldSecret.size(), 64u);
  EXPECT_EQ(first.body["environment"]["id"], emulator.environmentId());

  Reply rotated = api.post(secretPath, json::object());
  EXPECT_EQ(rotated.status, 200);
  EXPECT_NE(rotated.body["secret"], oldSecret);
  EXPECT_FALSE(rotated.body.contains("previous"));
  EXPECT_EQ(api.get(secretPath).body["secret"], rotated.body["secret"]);

  // The new secret authenticates; the old one no longer does.
  Api other(emulator);
  other.client().set_basic_auth(id.c_str(), rotated.body["secret"].get<std::string>().c_str());
  EXPECT_EQ(other.tokenRequest("grant_type=client_credentials").status, 200);
  other.client().set_basic_auth(id.c_str(), oldSecret.c_str());
  EXPECT_EQ(other.tokenRequest("grant_type=client_credentials").status, 401);
}

TEST_F(Applications, RotationCanKeepThePreviousSecretForAWhile) {
  json app = api.create(apps(), workerBody("Grace"));
  std::string id = app["id"];
  std::string secretPath = apps() + "/" + id + "/secret";
  std::string oldSecret = api.get(secretPath).body["secret"];
  std::time_t later = static_cast<std::time_t>(now() + 3600);
  char expires[32];
  std::strftime(expires, sizeof expires, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&later));
  Reply rotated = api.post(secretPath, {{"previous", {{"expiresAt", expires}}}});
  ASSERT_EQ(rotated.status, 200);
  EXPECT_EQ(rotated.body["previous"]["secret"], oldSecret);
  Api other(emulator);
  other.client().set_basic_auth(id.c_str(), oldSecret.c_str());
  EXPECT_EQ(other.tokenRequest("grant_type=client_credentials").status, 200);
}

TEST_F(Applications, AWorkerCannotReadItsOwnSecret) {
  Reply reply = api.get(apps() + "/" + emulator.clientId() + "/secret");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(reply.body["code"], "ACCESS_FAILED");
  EXPECT_EQ(reply.body.dump().find(emulator.clientSecret()), std::string::npos);
}

class Grants : public Applications {
 protected:
  std::string resourceA, resourceB, appId, grants;
  std::map<std::string, std::string> scopeA, scopeB;
  void SetUp() override {
    Applications::SetUp();
    resourceA = api.create(api.env("/resources"), {{"name", "A"}})["id"];
    resourceB = api.create(api.env("/resources"), {{"name", "B"}})["id"];
    for (const char* name : {"read", "write"}) {
      scopeA[name] =
          api.create(api.env("/resources/" + resourceA + "/scopes"), {{"name", name}})["id"];
    }
    for (const char* name : {"read", "admin"}) {
      scopeB[name] =
          api.create(api.env("/resources/" + resourceB + "/scopes"), {{"name", name}})["id"];
    }
    appId = api.create(apps(), workerBody("Holder"))["id"];
    grants = apps() + "/" + appId + "/grants";
  }
  static json grantBody(const std::string& resource, std::vector<std::string> scopes) {
    json list = json::array();
    for (const auto& s : scopes) list.push_back({{"id", s}});
    return {{"resource", {{"id", resource}}}, {"scopes", list}};
  }
};

TEST_F(Grants, CreateReadAndList) {
  Reply reply = api.post(grants, grantBody(resourceA, {scopeA["read"], scopeA["write"]}));
  ASSERT_EQ(reply.status, 201);
  EXPECT_EQ(reply.body["application"]["id"], appId);
  EXPECT_EQ(reply.body["resource"]["id"], resourceA);
  EXPECT_EQ(reply.body["scopes"].size(), 2u);
  Reply list = api.get(grants);
  EXPECT_EQ(list.body["_embedded"]["grants"].size(), 1u);
  EXPECT_EQ(api.get(grants + "/" + reply.body["id"].get<std::string>()).status, 200);
}

TEST_F(Grants, OnePerApplicationAndResource) {
  api.create(grants, grantBody(resourceA, {scopeA["read"]}));
  Reply dup = api.post(grants, grantBody(resourceA, {scopeA["write"]}));
  EXPECT_EQ(dup.status, 400);
  EXPECT_EQ(firstDetail(dup), "UNIQUENESS_VIOLATION resource");
}

TEST_F(Grants, NoTwoGrantsMayHoldScopesOfTheSameName) {
  api.create(grants, grantBody(resourceA, {scopeA["read"]}));
  Reply clash = api.post(grants, grantBody(resourceB, {scopeB["read"]}));
  EXPECT_EQ(firstDetail(clash), "UNIQUENESS_VIOLATION scopes");
  EXPECT_EQ(api.post(grants, grantBody(resourceB, {scopeB["admin"]})).status, 201);
}

TEST_F(Grants, ScopesMustExistAndBelongToTheResource) {
  EXPECT_EQ(firstDetail(api.post(grants, grantBody(resourceA, {scopeB["admin"]}))),
            "INVALID_VALUE scopes");
  EXPECT_EQ(firstDetail(api.post(grants, grantBody(resourceA, {"nope"}))), "INVALID_VALUE scopes");
  EXPECT_EQ(firstDetail(api.post(grants, grantBody(resourceA, {}))), "INVALID_VALUE scopes");
  EXPECT_EQ(firstDetail(api.post(grants, grantBody("missing", {scopeA["read"]}))),
            "INVALID_VALUE resource.id");
  EXPECT_EQ(firstDetail(api.post(grants, json{{"scopes", json::array()}})),
            "REQUIRED_VALUE resource.id");
}

TEST_F(Grants, ClientCredentialsOnlyAppsCannotHoldOpenidScopes) {
  std::string openid = api.resourceId("openid");
  Reply reply = api.post(grants, grantBody(openid, {api.scopeId(openid, "email")}));
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(firstDetail(reply), "INVALID_VALUE resource.id");
}

TEST_F(Grants, PutChangesScopesOnly) {
  json grant = api.create(grants, grantBody(resourceA, {scopeA["read"]}));
  std::string path = grants + "/" + grant["id"].get<std::string>();
  Reply put = api.put(path, grantBody(resourceA, {scopeA["write"]}));
  ASSERT_EQ(put.status, 200);
  ASSERT_EQ(put.body["scopes"].size(), 1u);
  EXPECT_EQ(put.body["scopes"][0]["id"], scopeA["write"]);
  Reply moved = api.put(path, grantBody(resourceB, {scopeB["admin"]}));
  EXPECT_EQ(firstDetail(moved), "INVALID_VALUE resource.id");
  EXPECT_EQ(api.del(path).status, 204);
  EXPECT_EQ(api.get(path).status, 404);
}

}  // namespace
}  // namespace emulator_test
