// pingplan export against a real pingone-emulator: what is left out, and that a plan of the
// export shows no changes.
#include <gtest/gtest.h>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Given the example applied plus an unmanaged resource and app, when the environment is
// exported, then the manifest holds them all but no built-in, system app, the worker
// pingplan runs as, a default `sub` or an environment line; and a plan of it is empty.
TEST_F(EndToEnd, ExportThenPlanShowsNoChanges) {
  bootstrap();
  DirectApi api(emulator);
  json other = api.post("/resources", {{"name", "Other API"}, {"type", "CUSTOM"}});
  api.post("/resources/" + other["id"].get<std::string>() + "/scopes",
           {{"name", "other:read"}, {"description", "Read $(things)"}});
  api.post("/applications", {{"name", "Other Tool"},
                             {"enabled", false},
                             {"type", "WEB_APP"},
                             {"protocol", "OPENID_CONNECT"},
                             {"grantTypes", {"AUTHORIZATION_CODE"}},
                             {"responseTypes", {"CODE"}},
                             {"redirectUris", {"https://other.example.com/cb"}},
                             {"tokenEndpointAuthMethod", "CLIENT_SECRET_POST"}});
  std::string worker, system;
  for (const auto& app : api.list("/applications", "applications")) {
    if (app["id"] == emulator.clientId()) worker = app["name"];
    if (app["type"] == "PING_ONE_ADMIN_CONSOLE") system = app["name"];
  }
  ASSERT_FALSE(worker.empty());
  ASSERT_FALSE(system.empty());

  std::string path = scratch.file("exported.yaml");
  RunResult exported = run({"export", "--out", path});
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  std::string text = readFile(path);
  EXPECT_TRUE(has(text, "name: Orchestration API")) << text;
  EXPECT_TRUE(has(text, "name: Other API")) << text;
  EXPECT_TRUE(has(text, "name: Other Tool")) << text;
  EXPECT_TRUE(has(text, "$$(things)")) << text;
  EXPECT_FALSE(has(text, "environment:")) << text;
  EXPECT_FALSE(has(text, "name: openid")) << text;
  EXPECT_FALSE(has(text, "name: PingOne API")) << text;
  EXPECT_FALSE(has(text, "${user.id}")) << text;
  EXPECT_FALSE(has(text, "name: " + worker)) << text;
  EXPECT_FALSE(has(text, "name: " + system)) << text;

  RunResult stdoutExport = run({"export"});
  EXPECT_EQ(stdoutExport.out, text);

  emulator.clearRequests();
  RunResult plan = run({"plan", path, "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 0) << plan.out << plan.err;
  EXPECT_EQ(emulator.writeCount(), 0);
}

}  // namespace
}  // namespace pingplan::testing
