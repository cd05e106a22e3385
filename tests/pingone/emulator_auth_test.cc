// Every authentication method against the running emulator, token renewal with a short token
// lifetime, and the errors of refused credentials.

#include <gtest/gtest.h>
#include <httplib.h>

#include "emulator_fixture.h"
#include "pingone/base64.h"
#include "pingone/codec.h"
#include "pingone/jwt.h"
#include "support/scratch_dir.h"

namespace pingplan::pingone {
namespace {

struct AuthAgainstEmulator : testing::EmulatorTest {
  pingplan::testing::ScratchDir dir;

  /// A worker app that authenticates with PRIVATE_KEY_JWT and knows the public half of a key
  /// made by `jose jwk gen`; returns its client id.
  std::string jwtWorker(const std::string& kid) {
    EXPECT_EQ(dir.run("jose jwk gen -i '{\"alg\":\"RS256\"}' -o key.jwk"), 0);
    auto key = loadRsaKey(dir.read("key.jwk"));
    EXPECT_TRUE(key.ok());
    model::Application app;
    app.name = "jwt worker";
    app.type = "WORKER";
    app.grantTypes = {"CLIENT_CREDENTIALS"};
    app.tokenEndpointAuthMethod = "PRIVATE_KEY_JWT";
    app.jwks = Json{{"keys", {publicJwk(**key, kid)}}}.dump();
    auto created = client()->create(Collection::Applications, "", encodeApplication(app));
    EXPECT_TRUE(created.ok()) << message(created.error());
    return created.ok() ? (*created)["id"].get<std::string>() : "";
  }

  void expectWorks(Api& api) {
    auto apps = api.list(Collection::Applications, "");
    ASSERT_TRUE(apps.ok()) << message(apps.error());
    EXPECT_GE(apps->size(), 2u);
  }
};

TEST_F(AuthAgainstEmulator, ClientSecretBasic) {
  auto api = client({{"PINGONE_TOKEN_AUTH_METHOD", "client_secret_basic"}});
  expectWorks(*api);
}

TEST_F(AuthAgainstEmulator, ClientSecretPost) {
  auto api = client({{"PINGONE_TOKEN_AUTH_METHOD", "client_secret_post"}});
  expectWorks(*api);
}

TEST_F(AuthAgainstEmulator, PrivateKeyJwtWithAJoseKey) {
  std::string id = jwtWorker("k1");
  auto api = client({{"PINGONE_TOKEN_AUTH_METHOD", "private_key_jwt"},
                     {"PINGONE_CLIENT_ID", id},
                     {"PINGONE_CLIENT_SECRET", ""},
                     {"PINGONE_PRIVATE_KEY_FILE", dir.file("key.jwk")},
                     {"PINGONE_KEY_ID", "k1"}});
  expectWorks(*api);
}

TEST_F(AuthAgainstEmulator, JwtBearerWithAJoseKey) {
  std::string id = jwtWorker("k2");
  auto api = client({{"PINGONE_TOKEN_AUTH_METHOD", "jwt_bearer"},
                     {"PINGONE_CLIENT_ID", id},
                     {"PINGONE_PRIVATE_KEY_FILE", dir.file("key.jwk")},
                     {"PINGONE_KEY_ID", "k2"}});
  expectWorks(*api);
}

TEST_F(AuthAgainstEmulator, AStaticAccessToken) {
  httplib::Client http("127.0.0.1", emulator.port());
  http.set_basic_auth(emulator.clientId(), emulator.clientSecret());
  auto res = http.Post("/" + emulator.environmentId() + "/as/token",
                       "grant_type=client_credentials", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res && res->status == 200);
  std::string token = Json::parse(res->body)["access_token"];
  watch.secret(token);
  auto api = client({{"PINGONE_API_ACCESS_TOKEN", token},
                     {"PINGONE_CLIENT_ID", ""},
                     {"PINGONE_CLIENT_SECRET", ""}});
  ASSERT_TRUE(waitFor([&] { return count("POST", "/as/token") == 1; }));
  emulator.clearRequests();
  expectWorks(*api);
  EXPECT_EQ(count("POST", "/as/token"), 0);
}

TEST_F(AuthAgainstEmulator, ARefusedSecretSaysWhatToCheck) {
  auto api = client({{"PINGONE_CLIENT_SECRET", "not-the-secret"}});
  watch.secret("not-the-secret");
  auto apps = api->list(Collection::Applications, "");
  ASSERT_FALSE(apps.ok());
  EXPECT_EQ(apps.error().kind, ApiError::Kind::Auth);
  EXPECT_EQ(message(apps.error()),
            "token request (client_secret_basic, POST " + emulator.baseUrl() + "/" +
                emulator.environmentId() +
                "/as/token) was refused: 401 invalid_client: Invalid client credentials; check "
                "PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET, and that the worker application's "
                "token endpoint auth method is CLIENT_SECRET_BASIC (else set "
                "PINGONE_TOKEN_AUTH_METHOD to match)");
}

TEST_F(AuthAgainstEmulator, AnEnvironmentTheWorkerCannotAccessSaysWhatToCheck) {
  auto api = client({}, "0a1b2c3d-4e5f-6789-abcd-ef0123456789");  // the manifest's environment
  auto resources = api->list(Collection::Resources, "");
  ASSERT_FALSE(resources.ok());
  EXPECT_EQ(resources.error().status, 403);
  EXPECT_EQ(message(resources.error()),
            "GET /resources -> 403 ACCESS_FAILED: environment: The token does not grant access to "
            "this environment (INSUFFICIENT_PERMISSIONS); check the environment id (manifest "
            "`environment:` or "
            "PINGONE_ENVIRONMENT_ID) and that the worker application has the Client Application "
            "Developer (or Environment Admin) role on that environment");
}

TEST_F(AuthAgainstEmulator, ARefusedAccessTokenSaysToGetANewOne) {
  watch.secret("not-a-token");
  auto api = client({{"PINGONE_API_ACCESS_TOKEN", "not-a-token"},
                     {"PINGONE_CLIENT_ID", ""},
                     {"PINGONE_CLIENT_SECRET", ""}});
  auto apps = api->list(Collection::Applications, "");
  ASSERT_FALSE(apps.ok());
  EXPECT_EQ(apps.error().status, 401);
  std::string text = message(apps.error());
  const std::string next =
      "; PINGONE_API_ACCESS_TOKEN was refused (expired or invalid): get a new one, or unset it "
      "to use client credentials";
  ASSERT_GE(text.size(), next.size());
  EXPECT_EQ(text.rfind("GET /applications -> 401 ACCESS_FAILED", 0), 0u) << text;
  EXPECT_EQ(text.substr(text.size() - next.size()), next) << text;
  EXPECT_EQ(count("POST", "/as/token"), 0);
}

TEST_F(AuthAgainstEmulator, AnAssertionFromAnUnregisteredKeyIsRefused) {
  std::string id = jwtWorker("k3");
  ASSERT_EQ(dir.run("jose jwk gen -i '{\"alg\":\"RS256\"}' -o other.jwk"), 0);
  auto api = client({{"PINGONE_TOKEN_AUTH_METHOD", "private_key_jwt"},
                     {"PINGONE_CLIENT_ID", id},
                     {"PINGONE_PRIVATE_KEY_FILE", dir.file("other.jwk")}});
  auto apps = api->list(Collection::Applications, "");
  ASSERT_FALSE(apps.ok());
  EXPECT_EQ(apps.error().code, "invalid_client");
  EXPECT_NE(message(apps.error()).find("(private_key_jwt, POST "), std::string::npos);
  EXPECT_NE(apps.error().message.find("JWKS holds the public key of PINGONE_PRIVATE_KEY_FILE"),
            std::string::npos);
}

TEST_F(AuthAgainstEmulator, RenewsAShortLivedTokenBeforeItRunsOut) {
  emulator.setFaults({{"tokenLifetimeSeconds", 2}});
  auto api = client();
  expectWorks(*api);
  expectWorks(*api);
  EXPECT_TRUE(waitFor([&] { return count("POST", "/as/token") == 1; }));
  clock->advance(std::chrono::seconds(1));  // half of the 2 s lifetime: renew now
  expectWorks(*api);
  EXPECT_TRUE(waitFor([&] { return count("POST", "/as/token") == 2; }));
}

}  // namespace
}  // namespace pingplan::pingone
