// Fingerprints: which live objects a plan depends on, and digests that notice any change.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "diff/diff.h"
#include "fixtures.h"
#include "plan/plan_file.h"

namespace pingplan::testing {
namespace {

std::map<std::string, plan::Fingerprint> byKey(const std::vector<plan::Fingerprint>& fps) {
  std::map<std::string, plan::Fingerprint> out;
  for (const auto& f : fps) out[f.key] = f;
  return out;
}

std::vector<std::string> keys(const std::vector<plan::Fingerprint>& fps) {
  std::vector<std::string> out;
  for (const auto& f : fps) out.push_back(f.key);
  return out;
}

// Given JSON that differs only in _links or key order, Then the same digest; any value
// change (updatedAt included) gives another.
TEST(Fingerprint, DigestIsStable) {
  model::Json a = {
      {"id", "1"}, {"name", "x"}, {"updatedAt", "t1"}, {"_links", {{"self", {{"href", "h1"}}}}}};
  model::Json b = {
      {"updatedAt", "t1"}, {"name", "x"}, {"id", "1"}, {"_links", {{"self", {{"href", "h2"}}}}}};
  EXPECT_EQ(plan::digest(a), plan::digest(b));
  EXPECT_EQ(plan::digest(a).size(), 16u);
  b["updatedAt"] = "t2";
  EXPECT_NE(plan::digest(a), plan::digest(b));
  // An object with nothing but _links digests like an empty one.
  EXPECT_EQ(plan::digest(model::Json{{"_links", 1}}), plan::digest(model::Json::object()));
}

// Given a grant update, Then fingerprints cover the grant, its app, its resource and scopes.
TEST(Fingerprint, GrantDependsOnAppResourceAndScopes) {
  auto d = baseDesired();
  d.applications[0].grants = {grant("Orders API", {"orders:read", "orders:write"})};
  auto live = baseLive();
  auto p = diff::makePlan(d, live);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(keys(p->fingerprints),
            (std::vector<std::string>{"application:Orders Worker", "grant:Orders Worker/Orders API",
                                      "resource:Orders API", "scope:Orders API/orders:read",
                                      "scope:Orders API/orders:write"}));
  auto fps = byKey(p->fingerprints);
  EXPECT_EQ(fps["grant:Orders Worker/Orders API"].id, "g-worker");
  EXPECT_EQ(fps["scope:Orders API/orders:write"].id, "s-write");
  EXPECT_EQ(fps["resource:Orders API"].digest, plan::digest(live.resources[2].raw));
}

// Given creates, Then "absent" fingerprints (no id, no digest) for each new object.
TEST(Fingerprint, CreatesRecordAbsence) {
  auto d = baseDesired();
  auto r = desiredResource("Billing API");
  r.scopes = {scope("billing:read", "")};
  d.resources.push_back(r);
  auto p = diff::makePlan(d, baseLive());
  ASSERT_TRUE(p.ok());
  auto fps = byKey(p->fingerprints);
  ASSERT_EQ(fps.size(), 2u);
  EXPECT_EQ(fps["resource:Billing API"].id, "");
  EXPECT_EQ(fps["resource:Billing API"].digest, "");
  EXPECT_EQ(fps["scope:Billing API/billing:read"].digest, "");
}

// Given a saved plan, When the live state moves on, Then recomputed fingerprints differ for
// exactly the object that changed, and match when nothing did.
TEST(Fingerprint, RecomputeNoticesChanges) {
  auto d = baseDesired();
  d.resources[0].attributes = {attr("tenant", "globex")};
  auto live = baseLive();
  auto p = diff::makePlan(d, live);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(keys(p->fingerprints),
            (std::vector<std::string>{"attribute:Orders API/tenant", "resource:Orders API"}));
  EXPECT_EQ(keys(plan::fingerprintsFor(*p, live)), keys(p->fingerprints));
  auto again = byKey(plan::fingerprintsFor(*p, live));
  for (const auto& f : p->fingerprints) EXPECT_EQ(again[f.key].digest, f.digest) << f.key;

  (*live.resources[2].attributes)[1].raw["value"] = "initech";
  auto moved = byKey(plan::fingerprintsFor(*p, live));
  EXPECT_NE(moved["attribute:Orders API/tenant"].digest,
            byKey(p->fingerprints)["attribute:Orders API/tenant"].digest);
  EXPECT_EQ(moved["resource:Orders API"].digest,
            byKey(p->fingerprints)["resource:Orders API"].digest);

  live.resources[2].attributes->pop_back();
  EXPECT_EQ(byKey(plan::fingerprintsFor(*p, live))["attribute:Orders API/tenant"].id, "");
}

// Given a plan that creates a resource, When someone creates it meanwhile, Then it shows.
TEST(Fingerprint, AbsenceBroken) {
  auto d = baseDesired();
  d.resources.push_back(desiredResource("Billing API"));
  auto live = baseLive();
  auto p = diff::makePlan(d, live);
  ASSERT_TRUE(p.ok());
  live.resources.push_back(liveResource("Billing API", "r-new", "CUSTOM", {}, {}));
  auto now = byKey(plan::fingerprintsFor(*p, live));
  EXPECT_EQ(now["resource:Billing API"].id, "r-new");
  EXPECT_FALSE(now["resource:Billing API"].digest.empty());
}

}  // namespace
}  // namespace pingplan::testing
