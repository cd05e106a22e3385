// Replacing an application against a real pingone-emulator: a type change deletes the app and
// creates a new one, whose grant and credentials follow.
#include <gtest/gtest.h>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

using nlohmann::json;

// Given the converged example, when the app's type changes, then the old app is deleted, a
// new one created with its grant, the credentials file names the new app, and a fresh plan
// is empty.
TEST_F(EndToEnd, ReplacesAnAppWhoseTypeChanged) {
  bootstrap();
  DirectApi api(emulator);
  std::string old = api.named("/applications", "applications", "Orchestration Tool")["id"];
  std::string text = readFile(example());
  text.replace(text.find("type: WORKER"), 12, "type: SERVICE");
  std::string path = manifest("service.yaml", text);
  std::string creds = scratch.file("creds.json");

  emulator.clearRequests();
  RunResult apply = run({"apply", path, "--auto-approve", "--credentials-out", creds});
  ASSERT_EQ(apply.exitCode, 0) << apply.out << apply.err;
  EXPECT_NE(apply.out.find("Apply complete! 1 added, 0 changed, 1 replaced, 0 deleted."),
            std::string::npos)
      << apply.out;
  json app = api.named("/applications", "applications", "Orchestration Tool");
  std::string fresh = app["id"];
  EXPECT_NE(fresh, old);
  EXPECT_EQ(app["type"], "SERVICE");
  EXPECT_EQ(api.countNamed("/applications", "applications", "Orchestration Tool"), 1);
  EXPECT_EQ(api.list("/applications/" + fresh + "/grants", "grants").size(), 1u);
  auto log = writes();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0], "DELETE " + apiPath("/applications/" + old));
  EXPECT_EQ(log[1], "POST " + apiPath("/applications"));
  EXPECT_EQ(log[2], "POST " + apiPath("/applications/" + fresh + "/grants"));

  json file = json::parse(readFile(creds));
  ASSERT_EQ(file["applications"].size(), 1u);
  EXPECT_EQ(file["applications"][0]["id"], fresh);
  EXPECT_TRUE(api.tokenWorks(fresh, file["applications"][0]["clientSecret"]));
  EXPECT_TRUE(nowhereInOutputs(file["applications"][0]["clientSecret"].get<std::string>()));
}

}  // namespace
}  // namespace pingplan::testing
