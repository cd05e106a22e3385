// pingplan plan/apply/show against a real pingone-emulator: bootstrap and convergence,
// drift repair, authoritative child lists, ensure: absent, faults, stale saved plans,
// credentials and secrets.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Given an empty environment, when the example is applied, then a fresh plan is empty, a
// second apply sends no write, and the credentials file (0600) holds a working secret that
// appears nowhere else; a run that creates nothing leaves the file as it was.
TEST_F(EndToEnd, BootstrapsTheExampleAndConverges) {
  std::string creds = scratch.file("creds.json");
  RunResult first = run({"apply", example(), "--auto-approve", "--credentials-out", creds});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
  EXPECT_TRUE(has(first.out,
                  "Apply complete! 6 added, 0 changed, 0 replaced, 0 deleted. A "
                  "fresh plan shows no changes."))
      << first.out;

  RunResult plan = run({"plan", example(), "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 0) << plan.out << plan.err;

  struct stat st {};
  ASSERT_EQ(::stat(creds.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string before = readFile(creds);
  json file = json::parse(before);
  ASSERT_EQ(file["applications"].size(), 1u);
  json app = file["applications"][0];
  DirectApi api(emulator);
  json live = api.named("/applications", "applications", "Orchestration Tool");
  EXPECT_EQ(app["name"], "Orchestration Tool");
  EXPECT_EQ(app["id"], live["id"]);
  EXPECT_EQ(app["clientId"], live["id"]);
  EXPECT_EQ(app["environmentId"], emulator.environmentId());
  std::string secret = app["clientSecret"];
  EXPECT_TRUE(api.tokenWorks(app["clientId"], secret));

  emulator.clearRequests();
  RunResult second = run({"apply", example(), "--auto-approve", "--credentials-out", creds});
  EXPECT_EQ(second.exitCode, 0) << second.out << second.err;
  EXPECT_TRUE(has(second.out, "No changes.")) << second.out;
  EXPECT_EQ(emulator.writeCount(), 0);
  EXPECT_EQ(readFile(creds), before);

  EXPECT_TRUE(nowhereInOutputs(secret));
  EXPECT_TRUE(nowhereInOutputs(emulator.clientSecret()));
}

// Given the example applied, when the new application asks for a token for its scope (the
// console recipe's last step), then the token, checked against the environment's keys by
// `jose`, is for the resource's audience with the manifest's attributes as claims.
TEST_F(EndToEnd, TheCreatedApplicationGetsATokenForItsScope) {
  std::string creds = scratch.file("creds.json");
  ASSERT_EQ(run({"apply", example(), "--auto-approve", "--credentials-out", creds}).exitCode, 0);
  json app = json::parse(readFile(creds))["applications"][0];
  DirectApi api(emulator);
  std::string token = api.tokenFor(app["clientId"], app["clientSecret"], "orchestration:admin");
  ASSERT_FALSE(token.empty());
  writeFile(scratch.file("token.jwt"), token);
  writeFile(scratch.file("jwks.json"), api.jwks());
  ASSERT_EQ(scratch.run("jose jws ver -i token.jwt -k jwks.json -O claims.json"), 0);
  json claims = json::parse(scratch.read("claims.json"));
  EXPECT_EQ(claims["aud"], json::array({"https://orchestration.example.com"}));
  EXPECT_EQ(claims["scope"], "orchestration:admin");
  EXPECT_EQ(claims["client_id"], app["clientId"]);
  EXPECT_EQ(claims["name"], "OrchestrationTool");
  EXPECT_EQ(claims["groups"], json::array({"dev-tls-admin", "prod-tls-audit"}));
  EXPECT_EQ(claims["exp"].get<long long>() - claims["iat"].get<long long>(), 3600);
  // A scope it was not granted gets no token.
  EXPECT_EQ(api.tokenFor(app["clientId"], app["clientSecret"], "p1:read:user"), "");
}

// Given a converged environment, when someone changes a scope's description and disables
// the app through the API, then plan shows both, apply repairs both and keeps the app's
// unmanaged field.
TEST_F(EndToEnd, ShowsAndRepairsDrift) {
  bootstrap();
  DirectApi api(emulator);
  json resource = api.named("/resources", "resources", "Orchestration API");
  std::string scopes = "/resources/" + resource["id"].get<std::string>() + "/scopes";
  json scope = api.named(scopes, "scopes", "orchestration:admin");
  scope["description"] = "Changed by hand";
  api.put(scopes + "/" + scope["id"].get<std::string>(), scope);
  json app = api.named("/applications", "applications", "Orchestration Tool");
  app["enabled"] = false;
  app["homePageUrl"] = "https://keep.example.com";
  api.put("/applications/" + app["id"].get<std::string>(), app);

  RunResult plan = run({"plan", example(), "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 2) << plan.out << plan.err;
  EXPECT_TRUE(has(plan.out, "Changed by hand")) << plan.out;
  EXPECT_TRUE(has(plan.out, "enabled")) << plan.out;
  EXPECT_TRUE(has(plan.out, "Plan: 0 to add, 2 to change, 0 to replace, 0 to delete.")) << plan.out;

  RunResult apply = run({"apply", example(), "--auto-approve"});
  ASSERT_EQ(apply.exitCode, 0) << apply.out << apply.err;
  EXPECT_TRUE(has(apply.out, "Apply complete! 0 added, 2 changed")) << apply.out;
  EXPECT_EQ(api.named(scopes, "scopes", "orchestration:admin")["description"],
            "Full administrative access");
  json repaired = api.named("/applications", "applications", "Orchestration Tool");
  EXPECT_EQ(repaired["enabled"], true);
  EXPECT_EQ(repaired["homePageUrl"], "https://keep.example.com");
}

// Given an undeclared scope on a managed resource and an unmanaged resource and app, when the
// example is applied, then only the undeclared scope is deleted and nothing else is written.
TEST_F(EndToEnd, DeletesUndeclaredChildrenAndLeavesUnmanagedObjectsAlone) {
  bootstrap();
  DirectApi api(emulator);
  std::string rid = api.named("/resources", "resources", "Orchestration API")["id"];
  json extra = api.post("/resources/" + rid + "/scopes", {{"name", "extra:read"}});
  json other = api.post("/resources", {{"name", "Other API"}, {"type", "CUSTOM"}});
  api.post("/resources/" + other["id"].get<std::string>() + "/scopes", {{"name", "other:read"}});
  api.post("/applications", {{"name", "Other Tool"},
                             {"enabled", true},
                             {"type", "WORKER"},
                             {"protocol", "OPENID_CONNECT"},
                             {"grantTypes", {"CLIENT_CREDENTIALS"}},
                             {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"}});

  emulator.clearRequests();
  RunResult apply = run({"apply", example(), "--auto-approve"});
  ASSERT_EQ(apply.exitCode, 0) << apply.out << apply.err;
  EXPECT_TRUE(has(apply.out, "0 added, 0 changed, 0 replaced, 1 deleted")) << apply.out;
  std::vector<std::string> expected = {
      "DELETE " + apiPath("/resources/" + rid + "/scopes/" + extra["id"].get<std::string>())};
  EXPECT_EQ(writes(), expected);
  EXPECT_EQ(api.countNamed("/resources", "resources", "Other API"), 1);
  EXPECT_EQ(api.countNamed("/applications", "applications", "Other Tool"), 1);
}

// Given a converged environment, when the resource is marked `ensure: absent` (and the app's
// grants emptied), then the grant goes first, then the scope, then the resource.
TEST_F(EndToEnd, EnsureAbsentDeletesGrantThenScopeThenResource) {
  bootstrap();
  DirectApi api(emulator);
  std::string rid = api.named("/resources", "resources", "Orchestration API")["id"];
  std::string path = manifest("absent.yaml", R"(version: 1
resources:
  - name: Orchestration API
    ensure: absent
applications:
  - name: Orchestration Tool
    description: Pipeline client
    type: WORKER
    grantTypes: [CLIENT_CREDENTIALS]
    adminOnly: true
    grants: []
)");
  emulator.clearRequests();
  RunResult apply = run({"apply", path, "--auto-approve"});
  ASSERT_EQ(apply.exitCode, 0) << apply.out << apply.err;
  auto log = writes();
  auto at = [&](const std::string& part) {
    return std::find_if(log.begin(), log.end(),
                        [&](const std::string& w) { return has(w, part); }) -
           log.begin();
  };
  auto grant = at("/grants/");
  auto scope = at("/scopes/");
  auto resource =
      std::find(log.begin(), log.end(), "DELETE " + apiPath("/resources/" + rid)) - log.begin();
  ASSERT_LT(static_cast<std::size_t>(resource), log.size());
  EXPECT_LT(grant, scope);
  EXPECT_LT(scope, resource);
  EXPECT_EQ(log.back(), "DELETE " + apiPath("/resources/" + rid));
  EXPECT_EQ(api.countNamed("/resources", "resources", "Orchestration API"), 0);
  RunResult plan = run({"plan", path, "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 0) << plan.out << plan.err;
}

// Given 429s, 503s and writes whose answers are dropped after they committed, when the
// example is applied (again, if the first run stops partway with exit 3), then the
// environment converges with exactly one of each object.
TEST_F(EndToEnd, ConvergesUnderFaultsWithoutDuplicates) {
  emulator.setFaults(
      {{"rate429", 0.15}, {"rate503", 0.15}, {"retryAfterSeconds", 0}, {"dropAfterCommit", 3}});
  RunResult apply;
  int runs = 0;
  do {
    apply = run({"apply", example(), "--auto-approve"});
    ++runs;
    ASSERT_TRUE(apply.exitCode == 0 || apply.exitCode == 3) << apply.out << apply.err;
  } while (apply.exitCode != 0 && runs < 3);
  EXPECT_EQ(apply.exitCode, 0) << apply.out << apply.err;
  bool dropped = false;
  for (const auto& r : emulator.requests()) dropped = dropped || r.value("dropped", false);
  EXPECT_TRUE(dropped);

  emulator.setFaults({{"rate429", 0}, {"rate503", 0}, {"dropAfterCommit", 0}});
  RunResult plan = run({"plan", example(), "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 0) << plan.out << plan.err;
  DirectApi api(emulator);
  EXPECT_EQ(api.countNamed("/resources", "resources", "Orchestration API"), 1);
  EXPECT_EQ(api.countNamed("/applications", "applications", "Orchestration Tool"), 1);
  std::string rid = api.named("/resources", "resources", "Orchestration API")["id"];
  std::string aid = api.named("/applications", "applications", "Orchestration Tool")["id"];
  EXPECT_EQ(api.list("/resources/" + rid + "/scopes", "scopes").size(), 1u);
  EXPECT_EQ(api.list("/resources/" + rid + "/attributes", "attributes").size(), 3u);  // + sub
  EXPECT_EQ(api.list("/applications/" + aid + "/grants", "grants").size(), 1u);
}

// Given a saved plan, when an object it touches changes before apply, then apply refuses,
// naming the object, and sends no write; a fresh saved plan applies.
TEST_F(EndToEnd, RefusesAStaleSavedPlan) {
  bootstrap();
  std::string text = readFile(example());
  text.replace(text.find("Full administrative access"), 26, "Everything, for admins");
  std::string path = manifest("changed.yaml", text);
  std::string saved = scratch.file("plan.json");
  RunResult plan = run({"plan", path, "--out", saved});
  ASSERT_EQ(plan.exitCode, 0) << plan.out << plan.err;

  DirectApi api(emulator);
  std::string scopes =
      "/resources/" +
      api.named("/resources", "resources", "Orchestration API")["id"].get<std::string>() +
      "/scopes";
  json scope = api.named(scopes, "scopes", "orchestration:admin");
  scope["description"] = "Someone else's edit";
  api.put(scopes + "/" + scope["id"].get<std::string>(), scope);

  emulator.clearRequests();
  RunResult stale = run({"apply", saved});
  EXPECT_EQ(stale.exitCode, 1) << stale.out << stale.err;
  EXPECT_TRUE(has(stale.err,
                  "since the plan was made, scope \"orchestration:admin\" of resource "
                  "\"Orchestration API\" was modified (id "))
      << stale.err;
  EXPECT_TRUE(
      has(stale.err, "make a new plan from your manifest: pingplan plan MANIFEST --out " + saved))
      << stale.err;
  EXPECT_EQ(emulator.writeCount(), 0);

  ASSERT_EQ(run({"plan", path, "--out", saved}).exitCode, 0);
  RunResult fresh = run({"apply", saved});
  EXPECT_EQ(fresh.exitCode, 0) << fresh.out << fresh.err;
  EXPECT_EQ(api.named(scopes, "scopes", "orchestration:admin")["description"],
            "Everything, for admins");
}

// Given no terminal and no --auto-approve, when apply runs, then it exits 1 saying what to
// pass, and sends no write.
TEST_F(EndToEnd, ApplyWithoutTerminalNeedsAutoApprove) {
  RunResult apply = run({"apply", example()});
  EXPECT_EQ(apply.exitCode, 1);
  EXPECT_TRUE(has(apply.err, "pass --auto-approve")) << apply.err;
  EXPECT_EQ(emulator.writeCount(), 0);
}

// Given an empty environment, when plan runs with --format json, --out and --verbose, then
// stdout is one JSON document, show renders the saved plan the same, and neither the
// worker's secret nor a token appears in any output or in the plan file.
TEST_F(EndToEnd, JsonPlanIsOneDocumentAndNothingLeaksSecrets) {
  std::string saved = scratch.file("plan.json");
  RunResult plan = run({"plan", example(), "--format", "json", "--out", saved, "-v"});
  ASSERT_EQ(plan.exitCode, 0) << plan.err;
  json doc = json::parse(plan.out);  // throws on anything after the document
  EXPECT_EQ(doc["format_version"], "1");
  EXPECT_EQ(doc["changes"].size(), 6u);
  EXPECT_EQ(doc["summary"]["create"], 6);
  EXPECT_FALSE(plan.err.empty());  // the verbose request log

  RunResult shown = run({"show", saved, "--format", "json"});
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  EXPECT_EQ(json::parse(shown.out), doc);
  RunResult text = run({"show", saved});
  EXPECT_TRUE(has(text.out, "Plan: 6 to add, 0 to change, 0 to replace, 0 to delete.")) << text.out;

  outputs.push_back(readFile(saved));
  EXPECT_TRUE(nowhereInOutputs(emulator.clientSecret()));
  EXPECT_TRUE(nowhereInOutputs(DirectApi(emulator).token().substr(0, 20)));
  EXPECT_TRUE(nowhereInOutputs("eyJ"));  // no JWT of any kind
}

}  // namespace
}  // namespace pingplan::testing
