// What pingplan says, and with which exit code, when things go wrong, against a real
// pingone-emulator: refused applies that changed nothing, unwritable output files, rendered
// plans given to apply, duplicate live names, bad --format values.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

json otherTool(DirectApi& api, const std::string& name = "Other Tool") {
  return api.post("/applications", {{"name", name},
                                    {"enabled", true},
                                    {"type", "WORKER"},
                                    {"protocol", "OPENID_CONNECT"},
                                    {"grantTypes", {"CLIENT_CREDENTIALS"}},
                                    {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"}});
}

// Given a saved plan whose only change deletes a scope, when an unmanaged app starts holding
// the scope before apply, then PingOne refuses the one write, and apply exits 1 saying that
// nothing was changed, naming the app, without a leading empty line.
TEST_F(EndToEnd, ApplyWhoseEveryWriteIsRefusedExitsOneAndSaysNothingChanged) {
  bootstrap();
  DirectApi api(emulator);
  std::string rid = api.named("/resources", "resources", "Orchestration API")["id"];
  json extra = api.post("/resources/" + rid + "/scopes", {{"name", "extra:read"}});
  std::string saved = scratch.file("plan.json");
  ASSERT_EQ(run({"plan", example(), "--out", saved}).exitCode, 0);
  json other = otherTool(api);
  std::string otherId = other["id"];
  api.post("/applications/" + otherId + "/grants",
           {{"resource", {{"id", rid}}}, {"scopes", {{{"id", extra["id"]}}}}});

  RunResult apply = run({"apply", saved});
  EXPECT_EQ(apply.exitCode, 1) << apply.out << apply.err;
  EXPECT_EQ(apply.out.rfind("Applying 1 change...\n", 0), 0u) << apply.out;
  EXPECT_TRUE(has(apply.out,
                  "Apply failed. Nothing was changed.\nNot applied:\n"
                  "  ! scope Orchestration API/extra:read: failed: DELETE "))
      << apply.out;
  EXPECT_TRUE(has(apply.out, "409 REQUEST_FAILED")) << apply.out;
  EXPECT_TRUE(has(apply.out, "(application " + otherId + " is \"Other Tool\")")) << apply.out;
  EXPECT_FALSE(has(apply.out, "partway")) << apply.out;
  EXPECT_TRUE(has(apply.err,
                  "pingplan apply: 1 change failed; PingOne refused every write, so nothing was "
                  "changed. Someone may have changed the environment meanwhile: run `pingplan "
                  "plan MANIFEST` again"))
      << apply.err;
}

// Given --credentials-out in a folder that does not exist, when apply would create an app,
// then it refuses before any write and exits 1.
TEST_F(EndToEnd, UnwritableCredentialsFileIsRefusedBeforeAnyWrite) {
  RunResult apply =
      run({"apply", example(), "--auto-approve", "--credentials-out", "/nonexistent/c.json"});
  EXPECT_EQ(apply.exitCode, 1) << apply.out << apply.err;
  EXPECT_TRUE(has(apply.err,
                  "pingplan apply: cannot write /nonexistent/c.json: No such file or directory "
                  "(--credentials-out). Nothing was changed;"))
      << apply.err;
  EXPECT_EQ(emulator.writeCount(), 0);
}

// Given a credentials file that passes the check but cannot be written after the writes (its
// folder takes a file, but its own name is longer than the file system's 255 bytes), then
// apply exits 3 and says how to get a secret.
TEST_F(EndToEnd, CredentialsLostAfterTheWritesExitThree) {
  std::string creds = scratch.file(std::string(256, 'c'));
  RunResult apply = run({"apply", example(), "--auto-approve", "--credentials-out", creds});
  EXPECT_EQ(apply.exitCode, 3) << apply.out << apply.err;
  EXPECT_FALSE(has(apply.out, "Apply complete!")) << apply.out;
  EXPECT_TRUE(has(apply.out, "Every change was applied: 6 added")) << apply.out;
  DirectApi api(emulator);
  std::string id = api.named("/applications", "applications", "Orchestration Tool")["id"];
  EXPECT_TRUE(has(apply.err, "cannot write " + creds +
                                 ": File name too long; the application "
                                 "\"Orchestration Tool\" (id " +
                                 id + ") was created, but"))
      << apply.err;
  EXPECT_TRUE(has(apply.err, "rotating it in the PingOne console or with the API")) << apply.err;
  std::error_code tooLong;
  EXPECT_FALSE(std::filesystem::exists(creds, tooLong));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(scratch.file("")),
                          std::filesystem::directory_iterator()),
            2)  // .stdout and .stderr: no temporary file left behind
      << "scratch folder";
}

// Given two live apps of one name, when the environment is exported or planned, then both
// refuse with the same error naming both ids, and export writes nothing.
TEST_F(EndToEnd, DuplicateLiveNamesFailExportAndPlanAlike) {
  bootstrap();
  DirectApi api(emulator);
  std::string first = api.named("/applications", "applications", "Orchestration Tool")["id"];
  std::string second = otherTool(api, "Orchestration Tool")["id"];
  std::string error = "two live applications are named \"Orchestration Tool\" (ids " + first +
                      " and " + second + ")";

  std::string out = scratch.file("exported.yaml");
  RunResult exported = run({"export", "--out", out});
  EXPECT_EQ(exported.exitCode, 1) << exported.err;
  EXPECT_TRUE(has(exported.err, "pingplan export: " + error)) << exported.err;
  EXPECT_FALSE(std::filesystem::exists(out));

  RunResult plan = run({"plan", example()});
  EXPECT_EQ(plan.exitCode, 1) << plan.err;
  EXPECT_TRUE(has(plan.err, "pingplan plan: " + error)) << plan.err;
}

// Given the stdout of `plan --format json`, when it is applied or shown, then pingplan says
// it is a rendered plan and how to save one, and exits 1.
TEST_F(EndToEnd, RenderedJsonPlanIsNotAppliedAsAManifest) {
  RunResult plan = run({"plan", example(), "--format", "json"});
  ASSERT_EQ(plan.exitCode, 0) << plan.err;
  std::string rendered = scratch.file("p.json");
  writeFile(rendered, plan.out);
  std::string expected = rendered +
                         " is a rendered plan (plan --format json), not a saved plan; save one "
                         "with `pingplan plan MANIFEST --out FILE`\n";
  RunResult apply = run({"apply", rendered, "--auto-approve"});
  EXPECT_EQ(apply.exitCode, 1);
  EXPECT_EQ(apply.err, "pingplan apply: " + expected);
  RunResult show = run({"show", rendered});
  EXPECT_EQ(show.exitCode, 1);
  EXPECT_EQ(show.err, "pingplan show: " + expected);
  EXPECT_EQ(emulator.writeCount(), 0);
}

// Given output paths that cannot be written, then the message names the path given and the
// reason, and never a temporary file.
TEST_F(EndToEnd, WriteErrorsNameThePathAndTheReason) {
  std::string folder = scratch.file("folder");
  std::filesystem::create_directory(folder);
  RunResult exported = run({"export", "--out", folder});
  EXPECT_EQ(exported.exitCode, 1);
  EXPECT_EQ(exported.err, "pingplan export: cannot write " + folder + ": Is a directory\n");

  RunResult plan = run({"plan", example(), "--out", "/nonexistent/p.json"});
  EXPECT_EQ(plan.exitCode, 1);
  EXPECT_EQ(plan.err,
            "pingplan plan: cannot write the plan to /nonexistent/p.json: No such file or "
            "directory\n");
  EXPECT_EQ(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator());
}

// Given a --format that does not exist, then the message lists the formats.
TEST_F(EndToEnd, UnknownFormatListsTheFormats) {
  RunResult plan = run({"plan", example(), "--format", "yaml"});
  EXPECT_EQ(plan.exitCode, 1);
  EXPECT_TRUE(has(plan.err, "--format: unknown format \"yaml\"; use text, markdown or json"))
      << plan.err;
}

}  // namespace
}  // namespace pingplan::testing
