// Secrets never reach a log line or an error: a whole session with every kind of secret,
// every log line and error message scanned. (Every other test of this binary runs the same
// scan on what it captured, in WatchedTest::TearDown.)

#include <gtest/gtest.h>

#include "emulator_fixture.h"
#include "pingone/codec.h"
#include "pingone/jwt.h"
#include "pingone/reader.h"
#include "support/scratch_dir.h"

namespace pingplan::pingone {
namespace {

TEST(SecretWatch, FindsALeak) {
  testing::SecretWatch watch;
  watch.secret("hunter2");
  watch.add("GET /resources -> 200");
  EXPECT_TRUE(watch.leaks().empty());
  watch.add("token request failed for hunter2");
  EXPECT_EQ(watch.leaks(), (std::vector<std::string>{"token request failed for hunter2"}));
}

using SecretScan = testing::EmulatorTest;

TEST_F(SecretScan, AWholeSessionLeaksNothing) {
  pingplan::testing::ScratchDir dir;
  ASSERT_EQ(dir.run("jose jwk gen -i '{\"alg\":\"RS256\"}' -o key.jwk"), 0);
  Json jwk = Json::parse(dir.read("key.jwk"));
  for (const char* part : {"d", "p", "q", "dp", "dq", "qi"}) watch.secret(jwk[part]);
  auto key = loadRsaKey(dir.read("key.jwk"));
  ASSERT_TRUE(key.ok());

  auto api = client();
  // A worker that authenticates with the key, and its generated secret.
  model::Application app;
  app.name = "scan worker";
  app.type = "WORKER";
  app.grantTypes = {"CLIENT_CREDENTIALS"};
  app.tokenEndpointAuthMethod = "PRIVATE_KEY_JWT";
  app.jwks = Json{{"keys", {publicJwk(**key)}}}.dump();
  auto created = api->create(Collection::Applications, "", encodeApplication(app));
  ASSERT_TRUE(created.ok()) << message(created.error());
  std::string id = (*created)["id"];
  auto secret = api->readSecret(id);
  ASSERT_TRUE(secret.ok()) << message(secret.error());
  watch.secret(*secret);

  // Faults, a lost answer, paging, the reader.
  emulator.setFaults({{"rate429", 0.2}, {"rate500", 0.2}, {"pageSize", 1}});
  ASSERT_TRUE(readLiveState(*api, 4).ok());
  emulator.setFaults({{"rate429", 0}, {"rate500", 0}, {"dropAfterCommit", 1}});
  model::Resource resource;
  resource.name = "scan";
  if (auto lost = api->create(Collection::Resources, "", encodeResource(resource)); !lost.ok()) {
    message(lost.error());
  }

  // Every method, right and wrong.
  for (const char* method : {"private_key_jwt", "jwt_bearer"}) {
    auto jwt = client({{"PINGONE_TOKEN_AUTH_METHOD", method},
                       {"PINGONE_CLIENT_ID", id},
                       {"PINGONE_PRIVATE_KEY_FILE", dir.file("key.jwk")}});
    auto ok = jwt->list(Collection::Resources, "");
    EXPECT_TRUE(ok.ok()) << message(ok.error());
  }
  for (const char* method : {"client_secret_basic", "client_secret_post"}) {
    auto wrong = client({{"PINGONE_TOKEN_AUTH_METHOD", method},
                         {"PINGONE_CLIENT_ID", id},
                         {"PINGONE_CLIENT_SECRET", *secret + "x"}});
    auto refused = wrong->list(Collection::Resources, "");
    ASSERT_FALSE(refused.ok());
    message(refused.error());
  }
  auto stale = client({{"PINGONE_API_ACCESS_TOKEN", "stale-static-token"}});
  watch.secret("stale-static-token");
  auto refused = stale->list(Collection::Resources, "");
  ASSERT_FALSE(refused.ok());
  message(refused.error());

  EXPECT_GT(watch.lineCount(), 20u);
  // No JWT (token or assertion) and no credential header in any line either.
  for (const auto& line : watch.lines()) {
    EXPECT_EQ(line.find("eyJ"), std::string::npos) << line;
    EXPECT_EQ(line.find("Bearer"), std::string::npos) << line;
    EXPECT_EQ(line.find("Basic "), std::string::npos) << line;
  }
  EXPECT_TRUE(watch.leaks().empty());
}

}  // namespace
}  // namespace pingplan::pingone
