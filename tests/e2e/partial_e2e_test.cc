// An apply that fails partway against a real pingone-emulator: exit 3, the output lists what
// was applied and what was not, and the independent changes still ran.
#include <gtest/gtest.h>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Given a saved plan that adds a scope and deletes an undeclared one, when an unmanaged app
// starts holding the undeclared scope before apply (PingOne refuses to delete a scope in
// use), then the new scope is created, the delete fails, and apply exits 3 listing both.
TEST_F(EndToEnd, ApplyThatFailsPartwayExitsThreeAndSaysWhat) {
  bootstrap();
  DirectApi api(emulator);
  std::string rid = api.named("/resources", "resources", "Orchestration API")["id"];
  json extra = api.post("/resources/" + rid + "/scopes", {{"name", "extra:read"}});
  std::string text = readFile(example());
  std::string anchor = "        description: Full administrative access\n";
  text.insert(text.find(anchor) + anchor.size(),
              "      - name: orchestration:read\n        description: Read access\n");
  std::string path = manifest("more.yaml", text);
  std::string saved = scratch.file("plan.json");
  ASSERT_EQ(run({"plan", path, "--out", saved}).exitCode, 0);

  // After the plan, an app the manifest does not manage starts holding the undeclared scope.
  json other = api.post("/applications", {{"name", "Other Tool"},
                                          {"enabled", true},
                                          {"type", "WORKER"},
                                          {"protocol", "OPENID_CONNECT"},
                                          {"grantTypes", {"CLIENT_CREDENTIALS"}},
                                          {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"}});
  api.post("/applications/" + other["id"].get<std::string>() + "/grants",
           {{"resource", {{"id", rid}}}, {"scopes", {{{"id", extra["id"]}}}}});

  RunResult apply = run({"apply", saved});
  EXPECT_EQ(apply.exitCode, 3) << apply.out << apply.err;
  EXPECT_TRUE(has(apply.out, "Apply failed partway: 1 added, 0 changed, 0 replaced, 0 deleted."))
      << apply.out;
  EXPECT_TRUE(has(apply.out, "Applied:\n  + scope Orchestration API/orchestration:read: created"))
      << apply.out;
  EXPECT_TRUE(has(apply.out, "Not applied:\n  ! scope Orchestration API/extra:read: failed: "))
      << apply.out;
  EXPECT_TRUE(has(apply.err,
                  "1 change failed; the environment was changed partway. The saved "
                  "plan " +
                      saved +
                      " is now out of date: once the cause is fixed, "
                      "plan again and apply the manifest (or save a new plan)"))
      << apply.err;
  EXPECT_FALSE(has(apply.err, "Running `pingplan apply")) << apply.err;
  EXPECT_EQ(api.countNamed("/resources/" + rid + "/scopes", "scopes", "orchestration:read"), 1);
  EXPECT_EQ(api.countNamed("/resources/" + rid + "/scopes", "scopes", "extra:read"), 1);
}

}  // namespace
}  // namespace pingplan::testing
