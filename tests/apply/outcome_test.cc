// Whether a failed run may have changed the environment (exit 3) or certainly did not (exit 1),
// and failed deletes that name the blocking application by name as well as by id.
#include <gtest/gtest.h>

#include "apply/executor.h"
#include "fake_api.h"
#include "plan_builder.h"

namespace pingplan::testing {
namespace {

using apply::Outcome;
using plan::Action;
using plan::Kind;

apply::Options noSleep() {
  apply::Options o;
  o.parallelism = 1;
  o.sleep = [](std::chrono::milliseconds) {};
  return o;
}

std::function<std::optional<Injection>(const Call&)> failing(const std::string& method,
                                                             Injection::When when, ApiError e) {
  return [=](const Call& c) -> std::optional<Injection> {
    if (c.method == method) return Injection{when, e};
    return std::nullopt;
  };
}

plan::Plan createResource() {
  return planOf(
      {change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API")))});
}

// Given the only change refused with 400 UNIQUENESS_VIOLATION (someone created the object
// meanwhile), Then one write was sent and refused, nothing may have changed, and the
// failure keeps PingOne's line.
TEST(ApplyOutcome, EveryWriteRefusedChangedNothing) {
  FakeApi api;
  api.inject =
      failing("POST", Injection::When::Instead,
              httpError(400, "INVALID_DATA",
                        "POST /resources -> 400 INVALID_DATA: name: UNIQUENESS_VIOLATION"));
  apply::Observer quiet;
  auto result = apply::execute(createResource(), liveFrom(api), api, quiet, noSleep());
  EXPECT_EQ(result.changes[0].outcome, Outcome::Failed);
  EXPECT_EQ(result.changes[0].message,
            "POST /resources -> 400 INVALID_DATA: name: UNIQUENESS_VIOLATION");
  EXPECT_EQ(result.writes, 1);
  EXPECT_EQ(result.refusedWrites, 1);
  EXPECT_FALSE(result.mayHaveChanged());
}

// Given a create whose answer never came (it may have been stored), Then it may have changed.
TEST(ApplyOutcome, AnUnansweredWriteMayHaveChanged) {
  FakeApi api;
  api.inject = [](const Call& c) -> std::optional<Injection> {
    if (c.method == "POST" || c.method == "LIST") {
      return Injection{Injection::When::Instead, unknownOutcome()};
    }
    return std::nullopt;
  };
  apply::Observer quiet;
  auto result = apply::execute(createResource(), liveFrom(api), api, quiet, noSleep());
  EXPECT_EQ(result.changes[0].outcome, Outcome::Failed);
  EXPECT_EQ(result.writes, 1);
  EXPECT_EQ(result.refusedWrites, 0);
  EXPECT_TRUE(result.mayHaveChanged());
}

// Given a replace whose DELETE went through and whose POST was refused, Then no change is
// applied but the environment did change.
TEST(ApplyOutcome, AReplaceHalfDoneChanged) {
  FakeApi api;
  std::string app = api.seed(Collection::Applications, "", model::toJson(worker("Tool")));
  api.inject = failing("POST", Injection::When::Instead,
                       httpError(400, "INVALID_DATA", "POST /applications -> 400"));
  auto p = planOf({change(Action::Replace, Kind::Application, "Tool", "",
                          model::toJson(worker("Tool")), model::toJson(worker("Tool")), app)});
  apply::Observer quiet;
  auto result = apply::execute(p, liveFrom(api), api, quiet, noSleep());
  EXPECT_EQ(result.count(Outcome::Applied), 0);
  EXPECT_EQ(result.writes, 2);
  EXPECT_EQ(result.refusedWrites, 1);
  EXPECT_TRUE(result.mayHaveChanged());
}

// Given one change applied and one refused, Then it may have changed.
TEST(ApplyOutcome, OneAppliedChanged) {
  FakeApi api;
  api.inject = [](const Call& c) -> std::optional<Injection> {
    if (c.method == "POST" && c.collection == Collection::Applications) {
      return Injection{Injection::When::Instead, httpError(400, "INVALID_DATA", "refused")};
    }
    return std::nullopt;
  };
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Create, Kind::Application, "Tool", "", nullptr, model::toJson(worker("Tool"))),
  });
  apply::Observer quiet;
  auto result = apply::execute(p, liveFrom(api), api, quiet, noSleep());
  EXPECT_EQ(result.count(Outcome::Applied), 1);
  EXPECT_EQ(result.refusedWrites, 1);
  EXPECT_TRUE(result.mayHaveChanged());
}

// Given a scope delete refused because a live app holds it (PingOne names the app by id),
// Then the failure also names the app.
TEST(ApplyOutcome, ABlockedDeleteNamesTheApplication) {
  FakeApi api;
  std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
  std::string sc = api.seed(Collection::Scopes, res, {{"name", "extra"}});
  std::string app = api.seed(Collection::Applications, "", {{"name", "Other Tool"}});
  std::string refusal = "DELETE /resources/" + res + "/scopes/" + sc +
                        " -> 409 REQUEST_FAILED: grants: Remove the scope from grant g-1 "
                        "(application " +
                        app + ") first.";
  api.inject =
      failing("DELETE", Injection::When::Instead, httpError(409, "REQUEST_FAILED", refusal));
  auto p = planOf({change(Action::Delete, Kind::Scope, "extra", "API",
                          model::toJson(scope("extra")), nullptr, sc, res)});
  apply::Observer quiet;
  auto result = apply::execute(p, liveFrom(api), api, quiet, noSleep());
  EXPECT_EQ(result.changes[0].outcome, Outcome::Failed);
  EXPECT_EQ(result.changes[0].message, refusal + " (application " + app + " is \"Other Tool\")");
  EXPECT_FALSE(result.mayHaveChanged());
}

}  // namespace
}  // namespace pingplan::testing
