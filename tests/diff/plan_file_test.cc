// Saved plans: JSON round trip, content sniffing, atomic writes and errors that name the path.

#include "plan/plan_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diff/diff.h"
#include "fixtures.h"
#include "model/json.h"
#include "support/scratch_dir.h"

namespace pingplan::testing {
namespace {

namespace fs = std::filesystem;

/// A plan with every action and kind, made by the differ from the base fixtures.
plan::Plan samplePlan() {
  auto d = baseDesired();
  d.resources[0].description = "New";
  d.resources[0].scopes = {scope("orders:read", "Read orders")};
  auto billing = desiredResource("Billing API");
  billing.attributes = {attr("sub", "${user.email}"), attr("plan", "gold")};
  billing.scopes = {scope("billing:read", "")};
  d.resources.push_back(billing);
  d.applications[0].type = "SERVICE";
  auto portal = desiredApp("Portal", "WEB_APP");
  portal.redirectUris = {"https://portal.example.com/cb"};
  portal.grants = {grant("Billing API", {"billing:read"})};
  d.applications.push_back(portal);
  auto result = diff::makePlan(d, baseLive());
  if (!result.ok()) throw std::runtime_error(result.error().front().message);
  return *result;
}

using pingplan::testing::ScratchDir;

std::string readAll(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Given a plan, When written to JSON and read back, Then every field survives.
TEST(PlanFile, RoundTrip) {
  const plan::Plan original = samplePlan();
  auto back = plan::planFromJson(plan::toJson(original));
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(plan::toJson(*back), plan::toJson(original));
  ASSERT_EQ(back->changes.size(), original.changes.size());
  for (std::size_t i = 0; i < original.changes.size(); ++i) {
    const auto& a = original.changes[i];
    const auto& b = back->changes[i];
    EXPECT_EQ(a.action, b.action);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.parent, b.parent);
    EXPECT_EQ(a.before, b.before);
    EXPECT_EQ(a.after, b.after);
    EXPECT_EQ(a.reasons, b.reasons);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.parentId, b.parentId);
  }
  ASSERT_EQ(back->fingerprints.size(), original.fingerprints.size());
  EXPECT_EQ(back->fingerprints.front().digest, original.fingerprints.front().digest);
  EXPECT_EQ(model::toJson(back->desired), model::toJson(original.desired));
  EXPECT_EQ(back->environmentId, "env-1");
}

// Given a plan's JSON, Then it starts with the format and kind markers.
TEST(PlanFile, HeaderFields) {
  auto j = plan::toJson(samplePlan());
  EXPECT_EQ(j["format_version"], "1");
  EXPECT_EQ(j["kind"], "pingplan-plan");
  EXPECT_EQ(j["environment"], "env-1");
  EXPECT_TRUE(j["changes"].is_array());
  EXPECT_TRUE(j["fingerprints"].is_array());
  EXPECT_TRUE(j["desired"].is_object());
}

// Given other JSON, When read as a plan, Then a clear refusal.
TEST(PlanFile, RejectsWrongKindAndVersion) {
  auto j = plan::toJson(samplePlan());
  j["format_version"] = "9";
  auto r = plan::planFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "unsupported saved-plan format_version \"9\" (this pingplan reads \"1\")");
  j["kind"] = "something";
  r = plan::planFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "not a saved plan (no \"kind\": \"pingplan-plan\")");
  j = plan::toJson(samplePlan());
  j["changes"][0]["action"] = "explode";
  r = plan::planFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "changes[0]: unknown action \"explode\"");
}

// Given texts, Then only a saved plan is recognised, by content.
TEST(PlanFile, LooksLikeSavedPlan) {
  EXPECT_TRUE(plan::looksLikeSavedPlan(plan::toJson(samplePlan()).dump()));
  EXPECT_TRUE(plan::looksLikeSavedPlan("{\"kind\": \"pingplan-plan\"}"));
  EXPECT_FALSE(plan::looksLikeSavedPlan("version: 1\nresources: []\n"));
  EXPECT_FALSE(plan::looksLikeSavedPlan("{\"version\": 1, \"resources\": []}"));
  EXPECT_FALSE(plan::looksLikeSavedPlan("[\"pingplan-plan\"]"));
  EXPECT_FALSE(plan::looksLikeSavedPlan(""));
  EXPECT_FALSE(plan::looksLikeSavedPlan("{\"kind\": \"pingplan-plan\""));
}

// Given a directory, When a plan is written and read, Then the same plan, and no temp left.
TEST(PlanFile, WriteThenRead) {
  ScratchDir dir;
  const auto path = dir.file("plan.json");
  const plan::Plan original = samplePlan();
  auto w = plan::writePlanFile(path, original);
  ASSERT_TRUE(w.ok()) << w.error();
  auto r = plan::readPlanFile(path);
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(plan::toJson(*r), plan::toJson(original));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"plan.json"});
  // Overwriting replaces the old content whole.
  plan::Plan empty;
  empty.environmentId = "env-2";
  ASSERT_TRUE(plan::writePlanFile(path, empty).ok());
  EXPECT_EQ(plan::readPlanFile(path)->environmentId, "env-2");
}

// Given live objects whose raw JSON holds a secret, Then the plan file never contains it.
TEST(PlanFile, NeverHoldsRawOrSecrets) {
  auto live = baseLive();
  for (auto& a : live.applications) a.raw["clientSecret"] = "s3cr3t-value";
  auto d = baseDesired();
  d.applications[0].description = "changed";
  auto p = diff::makePlan(d, live);
  ASSERT_TRUE(p.ok());
  ScratchDir dir;
  const auto path = dir.file("plan.json");
  ASSERT_TRUE(plan::writePlanFile(path, *p).ok());
  const std::string text = readAll(path);
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("s3cr3t")));
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("_links")));
}

// Given bad paths and contents, Then errors that name the path.
TEST(PlanFile, ErrorsNameThePath) {
  ScratchDir dir;
  const auto missing = dir.file("nope.json");
  auto r = plan::readPlanFile(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot read the plan " + missing + ": no such file or not readable");

  const auto garbage = dir.file("garbage.json");
  std::ofstream(garbage) << "not json";
  r = plan::readPlanFile(garbage);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), garbage + ": not a saved plan (not valid JSON)");

  const auto manifest = dir.file("m.json");
  std::ofstream(manifest) << "{\"version\": 1}";
  r = plan::readPlanFile(manifest);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), manifest + ": not a saved plan (no \"kind\": \"pingplan-plan\")");

  const auto unwritable = dir.file("no-such-dir/plan.json");
  auto w = plan::writePlanFile(unwritable, samplePlan());
  ASSERT_FALSE(w.ok());
  EXPECT_THAT(w.error(), ::testing::StartsWith("cannot write the plan to " + unwritable + ": "));
}

}  // namespace
}  // namespace pingplan::testing
