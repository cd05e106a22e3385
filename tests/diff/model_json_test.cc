// Model JSON (manifest terms) and plan phases.

#include <gtest/gtest.h>

#include "fixtures.h"
#include "model/json.h"
#include "plan/plan.h"

namespace pingplan::testing {
namespace {

// Given an application, Then its JSON holds the managed fields, sets sorted, no ids or raw.
TEST(ModelJson, ApplicationInManifestTerms) {
  auto a = liveApp("App", "app-1", "WEB_APP", {});
  a.grantTypes = {"REFRESH_TOKEN", "AUTHORIZATION_CODE"};
  a.redirectUris = {"https://b", "https://a"};
  a.adminOnly = true;
  auto j = model::toJson(a);
  EXPECT_EQ(j["grantTypes"], (model::Json{"AUTHORIZATION_CODE", "REFRESH_TOKEN"}));
  EXPECT_EQ(j["redirectUris"], (model::Json{"https://a", "https://b"}));
  EXPECT_EQ(j["adminOnly"], true);
  EXPECT_FALSE(j.contains("id"));
  EXPECT_FALSE(j.contains("grants"));
  EXPECT_FALSE(j.contains("jwks"));
  a.jwksUrl = "https://keys";
  EXPECT_EQ(model::toJson(a)["jwksUrl"], "https://keys");
}

// Given a desired state with every kind, absent entries and omitted lists, When written and
// read back, Then the same state (omitted lists stay omitted, [] stays []).
TEST(ModelJson, EnvironmentRoundTrip) {
  auto d = baseDesired();
  d.environmentId = "env-9";
  auto gone = desiredResource("Gone");
  gone.absent = true;
  d.resources.push_back(gone);
  auto empty = desiredResource("Empty");
  empty.scopes = std::vector<model::Scope>{};
  d.resources.push_back(empty);
  auto a = desiredApp("Web", "WEB_APP");
  a.jwks = R"({"keys":[]})";
  a.enabled = false;
  a.refreshTokenDuration = 60;
  d.applications.push_back(a);
  auto back = model::environmentFromJson(model::toJson(d));
  EXPECT_EQ(model::toJson(back), model::toJson(d));
  EXPECT_EQ(back.environmentId, "env-9");
  EXPECT_TRUE(back.resources[1].absent);
  EXPECT_FALSE(back.resources[1].attributes.has_value());
  ASSERT_TRUE(back.resources[2].scopes.has_value());
  EXPECT_TRUE(back.resources[2].scopes->empty());
  EXPECT_FALSE(back.applications[1].grants.has_value());
  EXPECT_EQ(back.applications[1].jwks, R"({"keys":[]})");
  EXPECT_FALSE(back.applications[1].enabled);
  EXPECT_EQ(back.applications[1].refreshTokenDuration, 60);
  EXPECT_EQ(back.applications[0].grants->at(0).scopes, std::vector<std::string>{"orders:read"});
}

// Given each action of each kind, Then the phase plan.h documents.
TEST(Phase, EveryKindAndAction) {
  using plan::Action;
  using plan::Kind;
  auto phaseOf = [](Action a, Kind k) {
    plan::Change c;
    c.action = a;
    c.kind = k;
    return plan::phase(c);
  };
  EXPECT_EQ(phaseOf(Action::Create, Kind::Resource), 0);
  EXPECT_EQ(phaseOf(Action::Update, Kind::Resource), 0);
  EXPECT_EQ(phaseOf(Action::Create, Kind::Attribute), 1);
  EXPECT_EQ(phaseOf(Action::Update, Kind::Scope), 1);
  EXPECT_EQ(phaseOf(Action::Create, Kind::Application), 2);
  EXPECT_EQ(phaseOf(Action::Replace, Kind::Application), 2);
  EXPECT_EQ(phaseOf(Action::Delete, Kind::Grant), 3);
  EXPECT_EQ(phaseOf(Action::Update, Kind::Grant), 4);
  EXPECT_EQ(phaseOf(Action::Create, Kind::Grant), 5);
  EXPECT_EQ(phaseOf(Action::Delete, Kind::Attribute), 6);
  EXPECT_EQ(phaseOf(Action::Delete, Kind::Scope), 6);
  EXPECT_EQ(phaseOf(Action::Delete, Kind::Resource), 7);
  EXPECT_EQ(phaseOf(Action::Delete, Kind::Application), 7);
  EXPECT_STREQ(plan::toString(Action::Replace), "replace");
  EXPECT_STREQ(plan::toString(Kind::Grant), "grant");
}

}  // namespace
}  // namespace pingplan::testing
