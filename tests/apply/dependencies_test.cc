// Which earlier changes a change waits for, one Given/When/Then line per case.
#include "apply/dependencies.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_builder.h"

namespace pingplan::testing {
namespace {

using plan::Action;
using plan::Kind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

plan::Change grantChange(Action a, const std::string& app, const std::string& res,
                         std::vector<std::string> scopes) {
  auto g = model::toJson(grant(res, std::move(scopes)));
  return change(a, Kind::Grant, res, app, a == Action::Create ? nullptr : g,
                a == Action::Delete ? nullptr : g);
}

TEST(Dependencies, ChildCreatesWaitForTheirResourceOnly) {
  // Given resource R and S created, a scope of R: the scope waits for R, not S.
  auto deps = apply::dependencies({
      change(Action::Create, Kind::Resource, "R"),
      change(Action::Create, Kind::Resource, "S"),
      change(Action::Create, Kind::Scope, "r:read", "R"),
  });
  EXPECT_THAT(deps[2], ElementsAre(0u));
  EXPECT_THAT(deps[0], IsEmpty());
}

TEST(Dependencies, GrantCreateWaitsForAppResourceItsScopesAndTheAppsGrantDeletes) {
  // Given app A, resource R, scopes a (granted) and b (not), a grant delete of A and one of B.
  auto deps = apply::dependencies({
      change(Action::Create, Kind::Resource, "R"),
      change(Action::Create, Kind::Scope, "a", "R"),
      change(Action::Create, Kind::Scope, "b", "R"),
      change(Action::Create, Kind::Application, "A"),
      grantChange(Action::Delete, "A", "Old", {"x"}),
      grantChange(Action::Delete, "B", "Old", {"x"}),
      grantChange(Action::Create, "A", "R", {"a"}),
  });
  EXPECT_THAT(deps[6], ElementsAre(0u, 1u, 3u, 4u));
}

TEST(Dependencies, GrantUpdateDoesNotWaitForGrantDeletes) {
  auto deps = apply::dependencies({
      grantChange(Action::Delete, "A", "Old", {"x"}),
      grantChange(Action::Update, "A", "R", {"a"}),
  });
  EXPECT_THAT(deps[1], IsEmpty());
}

TEST(Dependencies, ScopeDeleteWaitsForGrantsThatHeldIt) {
  // Given grants of A on R holding s and of B on R holding t: deleting s waits for A's only.
  auto deps = apply::dependencies({
      grantChange(Action::Delete, "A", "R", {"s"}),
      grantChange(Action::Update, "B", "R", {"t"}),
      change(Action::Delete, Kind::Scope, "s", "R"),
  });
  EXPECT_THAT(deps[2], ElementsAre(0u));
}

TEST(Dependencies, ResourceDeleteWaitsForItsChildrenAndGrantsOnIt) {
  auto deps = apply::dependencies({
      grantChange(Action::Delete, "A", "R", {"s"}),
      grantChange(Action::Delete, "A", "Other", {"s"}),
      change(Action::Delete, Kind::Scope, "s", "R"),
      change(Action::Delete, Kind::Attribute, "team", "R"),
      change(Action::Delete, Kind::Scope, "s", "Other"),
      change(Action::Delete, Kind::Resource, "R"),
  });
  EXPECT_THAT(deps[5], ElementsAre(0u, 2u, 3u));
}

TEST(Dependencies, AppDeleteWaitsForItsGrantDeletes) {
  auto deps = apply::dependencies({
      grantChange(Action::Delete, "A", "R", {"s"}),
      grantChange(Action::Delete, "B", "R", {"s"}),
      change(Action::Delete, Kind::Application, "A"),
  });
  EXPECT_THAT(deps[2], ElementsAre(0u));
}

TEST(Dependencies, AttributeUpdateWaitsForAResourceUpdate) {
  auto deps = apply::dependencies({
      change(Action::Update, Kind::Resource, "R"),
      change(Action::Update, Kind::Attribute, "sub", "R"),
  });
  EXPECT_THAT(deps[1], ElementsAre(0u));
}

}  // namespace
}  // namespace pingplan::testing
