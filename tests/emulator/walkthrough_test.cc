// The docs/emulator.md walkthroughs run verbatim with the real `jose` and `curl` CLIs, and
// --state persistence across a restart.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "emulator_client.h"
#include "support/scratch_dir.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

/// Runs a bash script in dir with the emulator's exports; returns stdout, fails on exit != 0.
std::string runScript(const std::string& dir, const EmulatorProcess* emulator,
                      const std::string& script) {
  std::string prelude = "set -euo pipefail\ncd '" + dir + "'\n";
  if (emulator != nullptr) {
    for (const auto& [name, value] : emulator->exports()) {
      prelude += "export " + name + "='" + value + "'\n";
    }
  }
  std::string path = dir + "/script.sh";
  std::ofstream(path) << prelude << script;
  FILE* pipe = popen(("bash '" + path + "'").c_str(), "r");
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << script << "\n" << out;
  return out;
}

std::string freshDir(const std::string& name) {
  static const pingplan::testing::ScratchDir scratch;  // this test process's own folder
  std::string dir = scratch.file(name);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(Walkthrough, CurlClientCredentialsThenBearerCall) {
  EmulatorProcess emulator;
  std::string dir = freshDir("curl-walkthrough");
  // As in docs/emulator.md "curl walkthrough" (PingOne's own docs use the same two calls).
  std::string out = runScript(dir, &emulator, R"SH(
URL=$PINGONE_AUTH_SERVICE_HOSTNAME; ENV=$PINGONE_ENVIRONMENT_ID
TOKEN=$(curl -s -u "$PINGONE_CLIENT_ID:$PINGONE_CLIENT_SECRET" -d grant_type=client_credentials \
  "$URL/$ENV/as/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -s -H "Authorization: Bearer $TOKEN" "$URL/v1/environments/$ENV/applications"
)SH");
  json list = json::parse(out);
  EXPECT_EQ(list["count"], 2);
  EXPECT_EQ(list["_embedded"]["applications"].size(), 2u);
}

TEST(Walkthrough, JoseKeyAndAssertionAreAccepted) {
  std::string dir = freshDir("jose-walkthrough");
  runScript(dir, nullptr, R"SH(
jose jwk gen -i '{"alg":"RS256"}' -o key.jwk
jose jwk pub -i key.jwk -o key.pub.jwk
)SH");
  EmulatorProcess emulator({"--client-jwks", dir + "/key.pub.jwk"});
  // As in docs/emulator.md "private_key_jwt with jose".
  std::string out = runScript(dir, &emulator, R"SH(
URL=$PINGONE_AUTH_SERVICE_HOSTNAME; ENV=$PINGONE_ENVIRONMENT_ID; ID=$PINGONE_CLIENT_ID
cat > claims.json <<JSON
{"iss":"$ID","sub":"$ID","aud":"$URL/$ENV/as/token","exp":$(( $(date +%s) + 300 ))}
JSON
ASSERTION=$(jose jws sig -I claims.json -k key.jwk -s '{"alg":"RS256"}' -c)
curl -s -d grant_type=client_credentials \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  -d client_assertion="$ASSERTION" "$URL/$ENV/as/token"
echo
curl -s -d grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer -d client_id="$ID" \
  -d assertion="$ASSERTION" "$URL/$ENV/as/token"
)SH");
  auto newline = out.find('\n');
  json clientAssertion = json::parse(out.substr(0, newline));
  json bearerGrant = json::parse(out.substr(newline + 1));
  EXPECT_EQ(clientAssertion["token_type"], "Bearer") << out;
  EXPECT_EQ(bearerGrant["token_type"], "Bearer") << out;
}

TEST(State, StoreSurvivesARestart) {
  std::string dir = freshDir("state");
  std::string path = dir + "/emulator-state.json";
  std::string environmentId, clientId, secret, resourceId;
  {
    EmulatorProcess first({"--state", path});
    Api api(first);
    api.fetchToken();
    resourceId = api.create(api.env("/resources"), {{"name", "Kept"}})["id"];
    environmentId = first.environmentId();
    clientId = first.clientId();
    secret = first.clientSecret();
    EXPECT_EQ(first.stop(), 0);  // SIGTERM: clean exit 0
  }
  std::ifstream saved(path);
  ASSERT_TRUE(saved.good());
  EmulatorProcess second({"--state", path});
  EXPECT_EQ(second.environmentId(), environmentId);
  EXPECT_EQ(second.clientId(), clientId);
  EXPECT_EQ(second.clientSecret(), secret);
  Api api(second);
  api.fetchToken();
  Reply kept = api.get(api.env("/resources/" + resourceId));
  EXPECT_EQ(kept.status, 200);
  EXPECT_EQ(kept.body["name"], "Kept");
  EXPECT_EQ(api.post(api.env("/resources"), {{"name", "Kept"}}).status, 400);
}

TEST(State, FixedIdsAndSecretFromFlags) {
  EmulatorProcess emulator({"--env-id", "11111111-2222-4333-8444-555555555555", "--client-id",
                            "66666666-7777-4888-8999-aaaaaaaaaaaa", "--client-secret",
                            "my-secret"});
  EXPECT_EQ(emulator.environmentId(), "11111111-2222-4333-8444-555555555555");
  EXPECT_EQ(emulator.clientId(), "66666666-7777-4888-8999-aaaaaaaaaaaa");
  EXPECT_EQ(emulator.clientSecret(), "my-secret");
  Api api(emulator);
  api.fetchToken();
  EXPECT_EQ(api.get(api.env("/resources")).status, 200);
}

}  // namespace
}  // namespace emulator_test
