// The token endpoint: every client authentication method, the jwt-bearer grant, OAuth error
// answers, the access token's shape and signature, and the bearer check on /v1.

#include <gtest/gtest.h>

#include <fstream>

#include "emulator_client.h"
#include "support/scratch_dir.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

/// Writes a file into this test process's own folder: two processes running at once (ctest -j)
/// never read each other's keys.
std::string writeTemp(const std::string& name, const std::string& text) {
  static const pingplan::testing::ScratchDir scratch;
  return scratch.write(name, text);
}

TEST(Tokens, ClientSecretBasicTokenIsAnRs256JwtWithTheDocumentedClaims) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.client().set_basic_auth(emulator.clientId().c_str(), emulator.clientSecret().c_str());
  Reply reply = api.tokenRequest("grant_type=client_credentials");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body["token_type"], "Bearer");
  EXPECT_EQ(reply.body["expires_in"], 3600);
  EXPECT_FALSE(reply.body.contains("refresh_token"));

  std::string token = reply.body["access_token"];
  json header = jwtPart(token, 0);
  json claims = jwtPart(token, 1);
  EXPECT_EQ(header["alg"], "RS256");
  ASSERT_TRUE(header.contains("kid"));
  EXPECT_EQ(claims["client_id"], emulator.clientId());
  EXPECT_EQ(claims["iss"], emulator.baseUrl() + "/" + emulator.environmentId() + "/as");
  EXPECT_EQ(claims["env"], emulator.environmentId());
  EXPECT_TRUE(claims.contains("aud"));
  EXPECT_EQ(claims["exp"].get<long long>() - claims["iat"].get<long long>(), 3600);

  // The JWKS publishes the key that signed it.
  Reply jwks = api.get("/" + emulator.environmentId() + "/as/jwks");
  ASSERT_EQ(jwks.status, 200);
  ASSERT_EQ(jwks.body["keys"].size(), 1u);
  EXPECT_EQ(jwks.body["keys"][0]["kid"], header["kid"]);
  EXPECT_EQ(jwks.body["keys"][0]["kty"], "RSA");
}

TEST(Tokens, SigningKeyFlagSignsWithTheGivenKeyAndRefusesOtherFiles) {
  const TestKey& key = testKey(1);
  EmulatorProcess emulator({"--signing-key", writeTemp("signing-key.pem", key.privatePem())});
  Api api(emulator);
  Reply jwks = api.get("/" + emulator.environmentId() + "/as/jwks");
  ASSERT_EQ(jwks.status, 200);
  ASSERT_EQ(jwks.body["keys"].size(), 1u);
  EXPECT_EQ(jwks.body["keys"][0]["n"], key.publicJwk()["n"]);
  EXPECT_EQ(jwks.body["keys"][0]["e"], key.publicJwk()["e"]);

  // A public key, or no key at all, stops the start-up (exit 1, no banner).
  EXPECT_THROW(EmulatorProcess({"--signing-key", writeTemp("public.pem", key.publicPem())}),
               std::runtime_error);
  EXPECT_THROW(EmulatorProcess({"--signing-key", "/nonexistent/key.pem"}), std::runtime_error);
}

TEST(Tokens, ClientSecretPostWorksAndWrongSecretsAreInvalidClient) {
  EmulatorProcess emulator;
  Api api(emulator);
  Reply ok = api.tokenRequest("grant_type=client_credentials&client_id=" + emulator.clientId() +
                              "&client_secret=" + urlEncode(emulator.clientSecret()));
  EXPECT_EQ(ok.status, 200);

  Reply wrong = api.tokenRequest("grant_type=client_credentials&client_id=" + emulator.clientId() +
                                 "&client_secret=nope");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body["error"], "invalid_client");
  EXPECT_TRUE(wrong.body.contains("error_description"));

  api.client().set_basic_auth(emulator.clientId().c_str(), "wrong");
  Reply basic = api.tokenRequest("grant_type=client_credentials");
  EXPECT_EQ(basic.status, 401);
  EXPECT_EQ(basic.body["error"], "invalid_client");
  EXPECT_NE(basic.header("WWW-Authenticate"), "");
}

TEST(Tokens, MalformedRequestsGetOAuthErrors) {
  EmulatorProcess emulator;
  Api api(emulator);
  Reply missing = api.tokenRequest("client_id=x");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body["error"], "invalid_request");

  Reply unsupported = api.tokenRequest("grant_type=password&username=a&password=b");
  EXPECT_EQ(unsupported.status, 400);
  EXPECT_EQ(unsupported.body["error"], "unsupported_grant_type");

  Reply noClient = api.tokenRequest("grant_type=client_credentials");
  EXPECT_EQ(noClient.status, 401);
  EXPECT_EQ(noClient.body["error"], "invalid_client");

  Reply json = toReply(api.client().Post(
      api.tokenPath().c_str(), "{\"grant_type\":\"client_credentials\"}", "application/json"));
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(json.body["error"], "invalid_request");
}

class PrivateKeyJwt : public ::testing::Test {
 protected:
  const TestKey& key = testKey(0);
  std::unique_ptr<EmulatorProcess> emulator;
  void start(const std::string& keyText) {
    emulator = std::make_unique<EmulatorProcess>(
        std::vector<std::string>{"--client-jwks", writeTemp("client-key", keyText)});
  }
  json claims(const std::string& aud) const {
    return {{"iss", emulator->clientId()},
            {"sub", emulator->clientId()},
            {"aud", aud},
            {"exp", now() + 300},
            {"iat", now()},
            {"jti", "j1"}};
  }
  Reply assertionRequest(const std::string& assertion) {
    Api api(*emulator);
    return api.tokenRequest(
        "grant_type=client_credentials&client_assertion_type="
        "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" +
        assertion);
  }
};

TEST_F(PrivateKeyJwt, WorkerWithPemKeyGetsATokenForTokenUrlOrIssuerAudience) {
  start(key.publicPem());
  Api api(*emulator);
  EXPECT_EQ(assertionRequest(key.sign(claims(api.tokenUrl()))).status, 200);
  std::string issuer = emulator->baseUrl() + "/" + emulator->environmentId() + "/as";
  EXPECT_EQ(assertionRequest(key.sign(claims(issuer))).status, 200);
}

TEST_F(PrivateKeyJwt, WorkerWithJwkSetKeyAcceptsItsKid) {
  start(json{{"keys", {key.publicJwk("k1")}}}.dump());
  Api api(*emulator);
  EXPECT_EQ(assertionRequest(key.sign(claims(api.tokenUrl()), "k1")).status, 200);
}

TEST_F(PrivateKeyJwt, BadAssertionsAreInvalidClient) {
  start(key.publicJwk().dump());
  Api api(*emulator);
  const TestKey& other = testKey(1);
  json base = claims(api.tokenUrl());
  auto with = [&](const char* name, json value) {
    json c = base;
    c[name] = value;
    return c;
  };
  json noExp = base;
  noExp.erase("exp");
  for (const auto& assertion :
       {other.sign(base), key.sign(with("aud", "https://elsewhere.example/token")),
        key.sign(with("exp", now() - 10)), key.sign(with("exp", now() + 7200)),
        key.sign(with("iss", "someone-else")), key.sign(with("sub", "someone-else")),
        key.sign(noExp), std::string("not.a.jwt")}) {
    Reply reply = assertionRequest(assertion);
    EXPECT_EQ(reply.status, 401) << reply.body.dump();
    EXPECT_EQ(reply.body["error"], "invalid_client");
  }
}

TEST_F(PrivateKeyJwt, JwtBearerGrantWithClientId) {
  start(key.publicPem());
  Api api(*emulator);
  std::string form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=" +
                     emulator->clientId() + "&assertion=";
  Reply ok = api.tokenRequest(form + key.sign(claims(api.tokenUrl())));
  ASSERT_EQ(ok.status, 200) << ok.body.dump();
  api.useToken(ok.body["access_token"]);
  EXPECT_EQ(api.get(api.env("/resources")).status, 200);

  const TestKey& other = testKey(1);
  Reply bad = api.tokenRequest(form + other.sign(claims(api.tokenUrl())));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"], "invalid_grant");
}

TEST(Tokens, CreatedPrivateKeyJwtApplicationAuthenticatesWithItsJwks) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  const TestKey& key = testKey(0);
  json body = workerBody("Signed worker");
  body["tokenEndpointAuthMethod"] = "PRIVATE_KEY_JWT";
  body["jwks"] = json{{"keys", {key.publicJwk("app-key")}}}.dump();
  json app = api.create(api.env("/applications"), body);
  std::string id = app["id"];
  json claims = {{"iss", id}, {"sub", id}, {"aud", api.tokenUrl()}, {"exp", now() + 60}};
  Reply ok = api.tokenRequest(
      "grant_type=client_credentials&client_assertion_type="
      "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" +
      key.sign(claims, "app-key"));
  EXPECT_EQ(ok.status, 200) << ok.body.dump();

  // A PRIVATE_KEY_JWT application cannot use its secret instead.
  Reply secret = api.get(api.env("/applications/" + id + "/secret"));
  ASSERT_EQ(secret.status, 200);
  api.client().set_basic_auth(id.c_str(), secret.body["secret"].get<std::string>().c_str());
  EXPECT_EQ(api.tokenRequest("grant_type=client_credentials").status, 401);
}

TEST(Tokens, PrivateKeyJwtApplicationNeedsKeys) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  json body = workerBody("Keyless");
  body["tokenEndpointAuthMethod"] = "PRIVATE_KEY_JWT";
  Reply reply = api.post(api.env("/applications"), body);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(firstDetail(reply), "REQUIRED_VALUE jwks");
}

TEST(Bearer, V1CallsWithoutAValidTokenAre401InvalidToken) {
  EmulatorProcess emulator;
  Api api(emulator);
  for (const std::string& token : {std::string(), std::string("garbage"),
                                   testKey(1).sign({{"iss", "x"}, {"exp", now() + 60}})}) {
    api.useToken(token);
    Reply reply = api.get(api.env("/resources"));
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.body["code"], "ACCESS_FAILED");
    EXPECT_EQ(firstDetail(reply), "INVALID_TOKEN ");
  }
  api.fetchToken();
  EXPECT_EQ(api.get(api.env("/resources")).status, 200);
}

TEST(Bearer, ExpiredTokensAreRefusedAndTokenLifetimeIsSettable) {
  EmulatorProcess emulator({"--token-lifetime", "120"});
  Api api(emulator);
  Reply first = api.tokenRequest("grant_type=client_credentials&client_id=" + emulator.clientId() +
                                 "&client_secret=" + urlEncode(emulator.clientSecret()));
  EXPECT_EQ(first.body["expires_in"], 120);

  emulator.setFaults({{"tokenLifetimeSeconds", 0}});  // tokens born expired
  std::string expired = api.fetchToken();
  Reply reply = api.get(api.env("/resources"));
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(firstDetail(reply), "INVALID_TOKEN ");
  EXPECT_NE(reply.body["message"].get<std::string>().find("expired"), std::string::npos);
}

TEST(Bearer, OtherEnvironmentIsForbidden) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  Reply reply = api.get("/v1/environments/00000000-0000-4000-8000-000000000000/resources");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(reply.body["code"], "ACCESS_FAILED");
}

}  // namespace
}  // namespace emulator_test
