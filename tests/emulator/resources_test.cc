// Custom resources, their attributes and scopes: defaults, validation, uniqueness, built-ins,
// the CORE `sub` attribute, full-replace PUT, and delete cascades.

#include <gtest/gtest.h>

#include "emulator_client.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

class Resources : public ::testing::Test {
 protected:
  EmulatorProcess emulator;
  Api api{emulator};
  void SetUp() override { api.fetchToken(); }
  std::string resources() { return api.env("/resources"); }
  json state() { return emulator.control("GET", "/emulator/state"); }
};

TEST_F(Resources, BuiltInsAreSeeded) {
  json s = state();
  std::map<std::string, std::string> types;
  for (const auto& r : s["resources"]) types[r["name"]] = r["type"];
  EXPECT_EQ(types["openid"], "OPENID_CONNECT");
  EXPECT_EQ(types["PingOne API"], "PINGONE_API");
  std::string openid = api.resourceId("openid");
  std::set<std::string> scopes;
  for (const auto& sc : s["scopes"]) {
    if (sc["resource"]["id"] == openid) scopes.insert(sc["name"]);
  }
  EXPECT_EQ(scopes, (std::set<std::string>{"openid", "profile", "email", "address", "phone"}));
  int predefined = 0;
  for (const auto& a : s["attributes"]) {
    if (a["resource"]["id"] == openid && a["type"] == "PREDEFINED") ++predefined;
  }
  EXPECT_GE(predefined, 5);
}

TEST_F(Resources, CreateFillsDefaultsAndAddsCoreSub) {
  Reply reply = api.post(resources(), {{"name", "Orchestration API"}});
  ASSERT_EQ(reply.status, 201);
  const json& r = reply.body;
  EXPECT_EQ(r["type"], "CUSTOM");
  EXPECT_EQ(r["audience"], "Orchestration API");
  EXPECT_EQ(r["accessTokenValiditySeconds"], 3600);
  EXPECT_EQ(r["introspectEndpointAuthMethod"], "CLIENT_SECRET_BASIC");
  EXPECT_EQ(r["applicationPermissionsSettings"]["claimEnabled"], false);
  EXPECT_EQ(r["environment"]["id"], emulator.environmentId());
  EXPECT_EQ(r["_links"]["self"]["href"],
            emulator.baseUrl() + resources() + "/" + r["id"].get<std::string>());
  EXPECT_EQ(api.get(resources() + "/" + r["id"].get<std::string>()).body["name"],
            "Orchestration API");

  Reply attributes = api.get(resources() + "/" + r["id"].get<std::string>() + "/attributes");
  ASSERT_EQ(attributes.status, 200);
  const json& items = attributes.body["_embedded"]["attributes"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["name"], "sub");
  EXPECT_EQ(items[0]["value"], "${user.id}");
  EXPECT_EQ(items[0]["type"], "CORE");
}

TEST_F(Resources, ValidationFailures) {
  auto detail = [&](const json& body) { return firstDetail(api.post(resources(), body)); };
  EXPECT_EQ(detail(json::object()), "REQUIRED_VALUE name");
  EXPECT_EQ(detail({{"name", "x"}, {"type", "OPENID_CONNECT"}}), "INVALID_VALUE type");
  EXPECT_EQ(detail({{"name", "x"}, {"audience", "https://api.PingOne.com"}}),
            "INVALID_VALUE audience");
  EXPECT_EQ(detail({{"name", "x"}, {"audience", "urn:pingidentity:x"}}), "INVALID_VALUE audience");
  EXPECT_EQ(detail({{"name", "x"}, {"accessTokenValiditySeconds", 299}}),
            "OUT_OF_RANGE accessTokenValiditySeconds");
  EXPECT_EQ(detail({{"name", "x"}, {"accessTokenValiditySeconds", 2592001}}),
            "OUT_OF_RANGE accessTokenValiditySeconds");
  EXPECT_EQ(api.post(resources(), {{"name", "x"}, {"accessTokenValiditySeconds", 300}}).status,
            201);
  Reply dup = api.post(resources(), {{"name", "x"}});
  EXPECT_EQ(dup.status, 400);
  EXPECT_EQ(dup.body["code"], "INVALID_DATA");
  EXPECT_EQ(firstDetail(dup), "UNIQUENESS_VIOLATION name");
  EXPECT_TRUE(dup.body.contains("id"));
  EXPECT_EQ(state()["resources"].size(), 3u);  // two built-ins + x: nothing else was stored
}

TEST_F(Resources, PutIsAFullReplaceAndMayRename) {
  json r = api.create(resources(), {{"name", "A"},
                                    {"description", "first"},
                                    {"audience", "https://a.example"},
                                    {"accessTokenValiditySeconds", 600}});
  std::string path = resources() + "/" + r["id"].get<std::string>();
  Reply put = api.put(path, {{"name", "B"}});
  ASSERT_EQ(put.status, 200);
  EXPECT_FALSE(put.body.contains("description"));
  EXPECT_EQ(put.body["audience"], "B");
  EXPECT_EQ(put.body["accessTokenValiditySeconds"], 3600);
  EXPECT_EQ(put.body["createdAt"], r["createdAt"]);
  EXPECT_FALSE(api.get(path).body.contains("description"));
  api.create(resources(), {{"name", "C"}});
  EXPECT_EQ(firstDetail(api.put(path, {{"name", "C"}})), "UNIQUENESS_VIOLATION name");
}

TEST_F(Resources, BuiltInsAreImmutable) {
  for (const char* name : {"openid", "PingOne API"}) {
    std::string path = resources() + "/" + api.resourceId(name);
    EXPECT_EQ(api.put(path, {{"name", name}}).status, 400);
    EXPECT_EQ(api.del(path).status, 400);
    EXPECT_EQ(api.get(path).status, 200);
  }
}

TEST_F(Resources, UnknownIdsAre404) {
  Reply reply = api.get(resources() + "/00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.body["code"], "NOT_FOUND");
  EXPECT_EQ(api.del(resources() + "/nope").status, 404);
  EXPECT_EQ(api.put(resources() + "/nope", {{"name", "x"}}).status, 404);
  EXPECT_EQ(api.get(resources() + "/nope/scopes").status, 404);
}

TEST_F(Resources, DeleteCascadesToAttributesScopesAndGrants) {
  json r = api.create(resources(), {{"name", "Gone"}});
  std::string id = r["id"];
  json scope = api.create(resources() + "/" + id + "/scopes", {{"name", "gone:read"}});
  api.create(resources() + "/" + id + "/attributes", {{"name", "team"}, {"value", "x"}});
  json app = api.create(api.env("/applications"), workerBody("Holder"));
  api.create(api.env("/applications/" + app["id"].get<std::string>() + "/grants"),
             {{"resource", {{"id", id}}}, {"scopes", {{{"id", scope["id"]}}}}});
  EXPECT_EQ(api.del(resources() + "/" + id).status, 204);
  json s = state();
  for (const char* kind : {"attributes", "scopes", "grants"}) {
    for (const auto& item : s[kind]) EXPECT_NE(item["resource"]["id"], id) << kind;
  }
  EXPECT_EQ(api.get(resources() + "/" + id).status, 404);
}

class Attributes : public Resources {
 protected:
  std::string resourceId;
  std::string path;
  void SetUp() override {
    Resources::SetUp();
    resourceId = api.create(resources(), {{"name", "Attr API"}})["id"];
    path = resources() + "/" + resourceId + "/attributes";
  }
  json sub() {
    Reply list = api.get(path);
    for (const auto& a : list.body["_embedded"]["attributes"]) {
      if (a["name"] == "sub") return a;
    }
    return nullptr;
  }
};

TEST_F(Attributes, CreateValidateAndUniqueness) {
  Reply ok = api.post(path, {{"name", "groups"}, {"value", "${{'a','b'}}"}});
  ASSERT_EQ(ok.status, 201);
  EXPECT_EQ(ok.body["type"], "CUSTOM");
  EXPECT_EQ(ok.body["value"], "${{'a','b'}}");
  EXPECT_EQ(ok.body["resource"]["id"], resourceId);
  EXPECT_EQ(firstDetail(api.post(path, {{"value", "x"}})), "REQUIRED_VALUE name");
  EXPECT_EQ(firstDetail(api.post(path, {{"name", "y"}})), "REQUIRED_VALUE value");
  EXPECT_EQ(firstDetail(api.post(path, {{"name", "groups"}, {"value", "z"}})),
            "UNIQUENESS_VIOLATION name");
  for (const char* reserved : {"sub", "aud", "client_id", "scope", "p1.anything"}) {
    EXPECT_EQ(firstDetail(api.post(path, {{"name", reserved}, {"value", "v"}})),
              "INVALID_VALUE name")
        << reserved;
  }
}

TEST_F(Attributes, CoreSubCanBeChangedButNotDeletedOrRenamed) {
  json s = sub();
  std::string subPath = path + "/" + s["id"].get<std::string>();
  EXPECT_EQ(api.del(subPath).status, 400);
  Reply renamed = api.put(subPath, {{"name", "subject"}, {"value", "${user.id}"}});
  EXPECT_EQ(renamed.status, 400);
  Reply put = api.put(subPath, {{"name", "sub"}, {"value", "${user.username}"}});
  ASSERT_EQ(put.status, 200);
  EXPECT_EQ(put.body["type"], "CORE");
  EXPECT_EQ(sub()["value"], "${user.username}");
}

TEST_F(Attributes, PredefinedOpenidAttributesAreUndeletable) {
  std::string openidPath = resources() + "/" + api.resourceId("openid") + "/attributes";
  std::string emailId;
  json s = state();
  for (const auto& a : s["attributes"]) {
    if (a["resource"]["id"] == api.resourceId("openid") && a["name"] == "email") emailId = a["id"];
  }
  ASSERT_FALSE(emailId.empty());
  Reply del = api.del(openidPath + "/" + emailId);
  EXPECT_EQ(del.status, 400);
  EXPECT_EQ(firstDetail(del), "CONSTRAINT_VIOLATION type");
  EXPECT_EQ(
      api.put(openidPath + "/" + emailId, {{"name", "email"}, {"value", "${user.email}"}}).status,
      200);
}

TEST_F(Attributes, PutReplacesAndDeleteRemovesCustom) {
  json a = api.create(path, {{"name", "team"}, {"value", "ops"}});
  std::string itemPath = path + "/" + a["id"].get<std::string>();
  EXPECT_EQ(firstDetail(api.put(itemPath, {{"name", "team"}})), "REQUIRED_VALUE value");
  Reply put = api.put(itemPath, {{"name", "squad"}, {"value", "dev"}});
  ASSERT_EQ(put.status, 200);
  EXPECT_EQ(api.get(itemPath).body["name"], "squad");
  EXPECT_EQ(api.del(itemPath).status, 204);
  EXPECT_EQ(api.get(itemPath).status, 404);
}

class Scopes : public Attributes {};

TEST_F(Scopes, NamesAreUniquePerResourceAndUseScopeTokenCharacters) {
  std::string scopes = resources() + "/" + resourceId + "/scopes";
  Reply ok = api.post(scopes, {{"name", "orchestration:admin"}, {"description", "all"}});
  ASSERT_EQ(ok.status, 201);
  EXPECT_EQ(ok.body["description"], "all");
  EXPECT_EQ(firstDetail(api.post(scopes, {{"name", "orchestration:admin"}})),
            "UNIQUENESS_VIOLATION name");
  for (const char* bad : {"has space", "quote\"d", "back\\slash", "tab\t", "é"}) {
    EXPECT_EQ(firstDetail(api.post(scopes, {{"name", bad}})), "INVALID_VALUE name") << bad;
  }
  EXPECT_EQ(api.post(scopes, {{"name", "!#[]~"}}).status, 201);
  // The same name on another resource is fine.
  std::string other = api.create(resources(), {{"name", "Other"}})["id"];
  EXPECT_EQ(
      api.post(resources() + "/" + other + "/scopes", {{"name", "orchestration:admin"}}).status,
      201);
}

TEST_F(Scopes, PutReplacesDescriptionAndPredefinedScopesAreReadOnly) {
  std::string scopes = resources() + "/" + resourceId + "/scopes";
  json s = api.create(scopes, {{"name", "read"}, {"description", "d"}});
  Reply put = api.put(scopes + "/" + s["id"].get<std::string>(), {{"name", "read"}});
  ASSERT_EQ(put.status, 200);
  EXPECT_FALSE(put.body.contains("description"));

  std::string openid = api.resourceId("openid");
  std::string email = api.scopeId(openid, "email");
  std::string emailPath = resources() + "/" + openid + "/scopes/" + email;
  EXPECT_EQ(api.put(emailPath, {{"name", "email"}, {"description", "x"}}).status, 400);
  EXPECT_EQ(api.del(emailPath).status, 400);
  EXPECT_EQ(api.post(resources() + "/" + openid + "/scopes", {{"name", "custom:claims"}}).status,
            201);
}

TEST_F(Scopes, GrantedScopeCannotBeDeletedUntilTheGrantDropsIt) {
  std::string scopes = resources() + "/" + resourceId + "/scopes";
  json a = api.create(scopes, {{"name", "a"}});
  json b = api.create(scopes, {{"name", "b"}});
  json app = api.create(api.env("/applications"), workerBody("Holder"));
  std::string grants = api.env("/applications/" + app["id"].get<std::string>() + "/grants");
  json grant = api.create(grants, {{"resource", {{"id", resourceId}}},
                                   {"scopes", {{{"id", a["id"]}}, {{"id", b["id"]}}}}});
  Reply refused = api.del(scopes + "/" + a["id"].get<std::string>());
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(firstDetail(refused), "CONSTRAINT_VIOLATION grants");
  ASSERT_EQ(
      api.put(grants + "/" + grant["id"].get<std::string>(), {{"scopes", {{{"id", b["id"]}}}}})
          .status,
      200);
  EXPECT_EQ(api.del(scopes + "/" + a["id"].get<std::string>()).status, 204);
}

}  // namespace
}  // namespace emulator_test
