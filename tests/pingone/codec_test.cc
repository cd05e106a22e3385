// Codec: PingOne defaults on decode, full bodies on encode, and round trips.

#include "pingone/codec.h"

#include <gtest/gtest.h>

namespace pingplan::pingone {
namespace {

TEST(Codec, DecodesAResourceWithDefaults) {
  auto r = decodeResource(Json::parse(R"({"id":"r1","name":"Orders","type":"CUSTOM"})"));
  EXPECT_EQ(r.id, "r1");
  EXPECT_EQ(r.audience, "Orders");
  EXPECT_EQ(r.accessTokenValiditySeconds, 3600);
  EXPECT_EQ(r.description, "");
  EXPECT_EQ(r.raw["name"], "Orders");
}

TEST(Codec, DecodesAnApplicationWithDefaultsAndSortedSets) {
  auto a = decodeApplication(Json::parse(R"({
    "id":"a1","name":"Tool","type":"WEB_APP","protocol":"OPENID_CONNECT",
    "grantTypes":["REFRESH_TOKEN","AUTHORIZATION_CODE"],"responseTypes":["ID_TOKEN","CODE"],
    "tokenEndpointAuthMethod":"CLIENT_SECRET_POST","redirectUris":["https://b","https://a"],
    "accessControl":{"role":{"type":"ADMIN_USERS_ONLY"},"group":{"type":"ANY_GROUP"}}})"));
  EXPECT_FALSE(a.enabled);  // absent means false
  EXPECT_EQ(a.grantTypes, (std::vector<std::string>{"AUTHORIZATION_CODE", "REFRESH_TOKEN"}));
  EXPECT_EQ(a.responseTypes, (std::vector<std::string>{"CODE", "ID_TOKEN"}));
  EXPECT_EQ(a.redirectUris, (std::vector<std::string>{"https://b", "https://a"}));
  EXPECT_TRUE(a.adminOnly);
  EXPECT_EQ(a.pkceEnforcement, "OPTIONAL");
  EXPECT_EQ(a.refreshTokenDuration, 2592000);
  EXPECT_EQ(a.refreshTokenRollingDuration, 15552000);
  EXPECT_EQ(a.tokenEndpointAuthMethod, "CLIENT_SECRET_POST");
  auto plain = decodeApplication(Json::parse(R"({"accessControl":{"group":{}},"enabled":true})"));
  EXPECT_FALSE(plain.adminOnly);
  EXPECT_TRUE(plain.enabled);
}

TEST(Codec, DecodesGrantIds) {
  auto g = decodeGrant(Json::parse(
      R"({"id":"g1","resource":{"id":"r1"},"scopes":[{"id":"s1"},{"id":"s2"}],
          "application":{"id":"a1"}})"));
  EXPECT_EQ(g.id, "g1");
  EXPECT_EQ(g.resourceId, "r1");
  EXPECT_EQ(g.scopeIds, (std::vector<std::string>{"s1", "s2"}));
}

TEST(Codec, EncodesANewResource) {
  model::Resource r;
  r.name = "Orders";
  r.audience = "https://orders.example.com";
  EXPECT_EQ(encodeResource(r).dump(),
            R"({"name":"Orders","type":"CUSTOM","audience":"https://orders.example.com",)"
            R"("accessTokenValiditySeconds":3600})");
}

TEST(Codec, AnUpdateStartsFromTheLiveObjectWithoutReadOnlyFields) {
  Json live = Json::parse(R"({
    "_links":{"self":{"href":"x"}},"id":"r1","environment":{"id":"e"},"createdAt":"t",
    "updatedAt":"t","name":"Orders","type":"CUSTOM","description":"old","audience":"Orders",
    "accessTokenValiditySeconds":3600,"introspectEndpointAuthMethod":"CLIENT_SECRET_POST"})");
  model::Resource desired = decodeResource(live);
  desired.description = "";
  desired.accessTokenValiditySeconds = 900;
  Json body = encodeResource(desired, live);
  EXPECT_EQ(
      body.dump(),
      R"({"name":"Orders","type":"CUSTOM","audience":"Orders",)"
      R"("accessTokenValiditySeconds":900,"introspectEndpointAuthMethod":"CLIENT_SECRET_POST"})");
}

TEST(Codec, EncodesChildrenWithoutTheirParent) {
  Json liveAttr = Json::parse(
      R"({"id":"a","name":"sub","value":"${user.id}","type":"CORE","resource":{"id":"r"}})");
  model::Attribute attr = decodeAttribute(liveAttr);
  attr.value = "${user.email}";
  EXPECT_EQ(encodeAttribute(attr, liveAttr).dump(), R"({"name":"sub","value":"${user.email}"})");

  Json liveScope =
      Json::parse(R"({"id":"s","name":"read","description":"x","resource":{"id":"r"}})");
  model::Scope scope = decodeScope(liveScope);
  scope.description = "";
  EXPECT_EQ(encodeScope(scope, liveScope).dump(), R"({"name":"read"})");

  model::Grant grant;
  grant.resourceId = "r";
  grant.scopeIds = {"s1", "s2"};
  Json liveGrant = Json::parse(R"({"id":"g","application":{"id":"a"},"resource":{"id":"r"}})");
  EXPECT_EQ(encodeGrant(grant, liveGrant).dump(),
            R"({"resource":{"id":"r"},"scopes":[{"id":"s1"},{"id":"s2"}]})");
}

TEST(Codec, EncodesAnApplicationForPostAndPut) {
  model::Application app;
  app.name = "Tool";
  app.type = "WORKER";
  app.grantTypes = {"CLIENT_CREDENTIALS"};
  app.adminOnly = true;
  EXPECT_EQ(
      encodeApplication(app).dump(),
      R"({"name":"Tool","enabled":true,"type":"WORKER","protocol":"OPENID_CONNECT",)"
      R"("grantTypes":["CLIENT_CREDENTIALS"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC",)"
      R"("pkceEnforcement":"OPTIONAL","refreshTokenDuration":2592000,)"
      R"("refreshTokenRollingDuration":15552000,)"
      R"("accessControl":{"role":{"type":"ADMIN_USERS_ONLY"}}})");

  Json live = Json::parse(R"({"id":"a1","name":"Tool","type":"WORKER","enabled":true,
    "protocol":"OPENID_CONNECT","parTimeout":60,"jwksUrl":"https://old/jwks",
    "accessControl":{"role":{"type":"ADMIN_USERS_ONLY"},"group":{"type":"ANY_GROUP"}}})");
  app.adminOnly = false;
  app.description = "Pipeline client";
  Json body = encodeApplication(app, live);
  EXPECT_EQ(body["parTimeout"], 60);  // unmanaged fields stay
  EXPECT_FALSE(body.contains("jwksUrl"));
  EXPECT_FALSE(body.contains("id"));
  EXPECT_EQ(body["description"], "Pipeline client");
  EXPECT_EQ(body["accessControl"].dump(), R"({"group":{"type":"ANY_GROUP"}})");
  live["accessControl"].erase("group");
  EXPECT_FALSE(encodeApplication(app, live).contains("accessControl"));
}

TEST(Codec, RoundTripsAnApplication) {
  model::Application app;
  app.name = "Web";
  app.type = "WEB_APP";
  app.enabled = false;
  app.grantTypes = {"REFRESH_TOKEN", "AUTHORIZATION_CODE"};
  app.responseTypes = {"CODE"};
  app.redirectUris = {"https://web.example.com/cb"};
  app.pkceEnforcement = "S256_REQUIRED";
  app.refreshTokenDuration = 3600;
  app.jwks = R"({"keys":[]})";
  auto back = decodeApplication(encodeApplication(app));
  EXPECT_EQ(back.name, app.name);
  EXPECT_EQ(back.enabled, false);
  EXPECT_EQ(back.grantTypes, (std::vector<std::string>{"AUTHORIZATION_CODE", "REFRESH_TOKEN"}));
  EXPECT_EQ(back.responseTypes, app.responseTypes);
  EXPECT_EQ(back.redirectUris, app.redirectUris);
  EXPECT_EQ(back.pkceEnforcement, "S256_REQUIRED");
  EXPECT_EQ(back.refreshTokenDuration, 3600);
  EXPECT_EQ(back.jwks, app.jwks);
  EXPECT_FALSE(back.adminOnly);
}

TEST(Codec, RoundTripsAResource) {
  model::Resource r;
  r.name = "Orders";
  r.description = "Order API";
  r.audience = "https://orders";
  r.accessTokenValiditySeconds = 300;
  auto back = decodeResource(encodeResource(r));
  EXPECT_EQ(back.name, r.name);
  EXPECT_EQ(back.description, r.description);
  EXPECT_EQ(back.audience, r.audience);
  EXPECT_EQ(back.accessTokenValiditySeconds, 300);
  EXPECT_EQ(back.type, "CUSTOM");
}

}  // namespace
}  // namespace pingplan::pingone
