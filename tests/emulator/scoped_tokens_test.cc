// Tokens for a custom resource: the last step of the console recipe. An application granted a
// resource's scopes asks for them with `scope`; the token is for that resource (its audience,
// its token lifetime, the scopes, its attributes as claims) and not for the management API.

#include <gtest/gtest.h>

#include "emulator_client.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

class ScopedTokens : public ::testing::Test {
 protected:
  EmulatorProcess emulator;
  Api api{emulator};
  std::string resourceId, appId, secret;

  void SetUp() override {
    api.fetchToken();
    resourceId = api.create(api.env("/resources"), {{"name", "Orchestration API"},
                                                    {"audience", "https://orchestration.example"},
                                                    {"accessTokenValiditySeconds", 7200}})["id"];
    std::string scope =
        api.create(api.env("/resources/" + resourceId + "/scopes"), {{"name", "orch:admin"}})["id"];
    api.create(api.env("/resources/" + resourceId + "/scopes"), {{"name", "orch:read"}});
    attribute("name", "OrchestrationTool");
    attribute("groups", "${{'dev-tls-admin', 'prod-tls-audit'}}");
    appId = api.create(api.env("/applications"), workerBody("Orchestration Tool"))["id"];
    api.create(api.env("/applications/" + appId + "/grants"),
               {{"resource", {{"id", resourceId}}}, {"scopes", {{{"id", scope}}}}});
    secret = api.get(api.env("/applications/" + appId + "/secret")).body["secret"];
  }
  void attribute(const std::string& name, const std::string& value) {
    api.create(api.env("/resources/" + resourceId + "/attributes"),
               {{"name", name}, {"value", value}});
  }
  /// client_credentials for the created app (client_secret_basic) with `form` appended.
  Reply token(const std::string& form) {
    api.client().set_basic_auth(appId.c_str(), secret.c_str());
    Reply reply = api.tokenRequest("grant_type=client_credentials" + form);
    api.client().set_basic_auth("", "");
    return reply;
  }
};

TEST_F(ScopedTokens, ATokenForAGrantedScopeIsForTheResourceWithItsAttributes) {
  Reply reply = token("&scope=orch%3Aadmin");
  ASSERT_EQ(reply.status, 200) << reply.body.dump();
  EXPECT_EQ(reply.body["expires_in"], 7200);  // the resource's accessTokenValiditySeconds
  json claims = jwtPart(reply.body["access_token"], 1);
  EXPECT_EQ(claims["aud"], json::array({"https://orchestration.example"}));
  EXPECT_EQ(claims["scope"], "orch:admin");
  EXPECT_EQ(claims["client_id"], appId);
  EXPECT_EQ(claims["iss"], emulator.baseUrl() + "/" + emulator.environmentId() + "/as");
  EXPECT_EQ(claims["exp"].get<long long>() - claims["iat"].get<long long>(), 7200);
  EXPECT_EQ(claims["name"], "OrchestrationTool");
  EXPECT_EQ(claims["groups"], json::array({"dev-tls-admin", "prod-tls-audit"}));
  EXPECT_FALSE(claims.contains("env"));  // only management API tokens name the environment
  EXPECT_FALSE(claims.contains("sub"));  // ${user.id}: no user in client credentials

  // Signed with the key the JWKS publishes, like every token of the environment.
  json header = jwtPart(reply.body["access_token"], 0);
  EXPECT_EQ(api.get("/" + emulator.environmentId() + "/as/jwks").body["keys"][0]["kid"],
            header["kid"]);
}

TEST_F(ScopedTokens, ATokenForACustomResourceDoesNotOpenTheManagementApi) {
  Reply reply = token("&scope=orch%3Aadmin");
  ASSERT_EQ(reply.status, 200);
  api.useToken(reply.body["access_token"]);
  Reply refused = api.get(api.env("/resources"));
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(firstDetail(refused), "INVALID_TOKEN ");
  // Without `scope` the same app gets a management API token, as before.
  Reply plain = token("");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(jwtPart(plain.body["access_token"], 1)["env"], emulator.environmentId());
  EXPECT_FALSE(jwtPart(plain.body["access_token"], 1).contains("scope"));
}

TEST_F(ScopedTokens, OnlyGrantedScopesOfOneResourceMayBeAskedFor) {
  Reply notGranted = token("&scope=orch%3Aread");
  EXPECT_EQ(notGranted.status, 400);
  EXPECT_EQ(notGranted.body["error"], "invalid_scope");
  EXPECT_EQ(notGranted.body["error_description"],
            "The application holds no grant of the scope \"orch:read\".");
  EXPECT_EQ(token("&scope=orch%3Aadmin%20unknown").body["error"], "invalid_scope");

  // A second resource granted to the same app: one token per resource.
  std::string other = api.create(api.env("/resources"), {{"name", "Reports API"}})["id"];
  std::string report =
      api.create(api.env("/resources/" + other + "/scopes"), {{"name", "reports:read"}})["id"];
  api.create(api.env("/applications/" + appId + "/grants"),
             {{"resource", {{"id", other}}}, {"scopes", {{{"id", report}}}}});
  Reply both = token("&scope=orch%3Aadmin+reports%3Aread");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(both.body["error_description"],
            "The scopes are of two resources, \"Orchestration API\" and \"Reports API\"; request "
            "a token for each.");
  Reply reports = token("&scope=reports%3Aread");
  ASSERT_EQ(reports.status, 200);
  json claims = jwtPart(reports.body["access_token"], 1);
  EXPECT_EQ(claims["aud"], json::array({"Reports API"}));  // audience defaults to the name
  EXPECT_FALSE(claims.contains("name"));                   // that resource has no attributes
}

TEST_F(ScopedTokens, StaticAttributeValuesBecomeClaimsAndUserExpressionsDoNot) {
  attribute("literal", "${'quoted'}");
  attribute("double", "${\"twice\"}");
  attribute("empty", "${{}}");
  attribute("user", "${user.name.given}");
  attribute("mixed", "team-${user.id}");
  attribute("partly", "${{'a', user.id}}");
  json claims = jwtPart(token("&scope=orch%3Aadmin").body["access_token"], 1);
  EXPECT_EQ(claims["literal"], "quoted");
  EXPECT_EQ(claims["double"], "twice");
  EXPECT_EQ(claims["empty"], json::array());
  EXPECT_FALSE(claims.contains("user"));
  EXPECT_FALSE(claims.contains("mixed"));
  EXPECT_FALSE(claims.contains("partly"));
}

TEST_F(ScopedTokens, ADisabledApplicationGetsNoToken) {
  json app = api.get(api.env("/applications/" + appId)).body;
  app["enabled"] = false;
  ASSERT_EQ(api.put(api.env("/applications/" + appId), app).status, 200);
  Reply refused = token("&scope=orch%3Aadmin");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.body["error"], "invalid_client");
  EXPECT_EQ(refused.body["error_description"], "The application is disabled.");
  EXPECT_EQ(token("").status, 401);
}

}  // namespace
}  // namespace emulator_test
