// Executor against a FakeApi: phase order, id resolution, dependency skipping, read-back of
// unknown outcomes, waiting out 404s of new objects, replace, the `sub` update and
// credentials.
#include "apply/executor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>

#include "fake_api.h"
#include "plan_builder.h"

namespace pingplan::testing {
namespace {

using apply::Outcome;
using plan::Action;
using plan::Kind;
using ::testing::ElementsAre;

/// Records progress in the order the executor reports it.
struct Recorder : apply::Observer {
  std::vector<std::string> lines;
  void started(const plan::Change& c) override { lines.push_back("start " + c.name); }
  void finished(const plan::Change& c, const apply::ChangeResult& r) override {
    const char* what = r.outcome == Outcome::Applied  ? "applied "
                       : r.outcome == Outcome::Failed ? "failed "
                                                      : "skipped ";
    lines.push_back(what + c.name);
  }
};

/// Records the waits instead of sleeping.
struct Waits {
  std::vector<long> ms;
  apply::Options options(int parallelism = 4) {
    apply::Options o;
    o.parallelism = parallelism;
    o.sleep = [this](std::chrono::milliseconds d) { ms.push_back(static_cast<long>(d.count())); };
    return o;
  }
};

std::vector<std::string> methods(const std::vector<Call>& calls) {
  std::vector<std::string> out;
  for (const auto& c : calls) {
    if (c.method != "LIST" && c.method != "GET") out.push_back(c.method);
  }
  return out;
}

// Given an empty environment, when a resource with a scope and an attribute, an app and its
// grant are created, then children and grants use the ids created in earlier phases.
TEST(Executor, CreatesParentsFirstAndResolvesNewIds) {
  FakeApi api;
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Create, Kind::Scope, "api:read", "API", nullptr,
             model::toJson(scope("api:read", "Read"))),
      change(Action::Create, Kind::Attribute, "team", "API", nullptr,
             model::toJson(attribute("team", "blue"))),
      change(Action::Create, Kind::Application, "Tool", "", nullptr, model::toJson(worker("Tool"))),
      change(Action::Create, Kind::Grant, "API", "Tool", nullptr,
             model::toJson(grant("API", {"api:read"}))),
  });
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());

  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.writes, 5);
  EXPECT_EQ(result.count(Outcome::Applied), 5);
  auto resourceId = api.named(Collection::Resources, "API")->at("id").get<std::string>();
  auto appId = api.named(Collection::Applications, "Tool")->at("id").get<std::string>();
  auto scopeObj = api.named(Collection::Scopes, "api:read", resourceId);
  ASSERT_TRUE(scopeObj.has_value());
  EXPECT_EQ(scopeObj->at("description"), "Read");
  ASSERT_TRUE(api.named(Collection::Attributes, "team", resourceId).has_value());
  auto grants = api.objects(Collection::Grants, appId);
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(grants[0]["resource"]["id"], resourceId);
  ASSERT_EQ(grants[0]["scopes"].size(), 1u);
  EXPECT_EQ(grants[0]["scopes"][0]["id"], scopeObj->at("id"));
  // The resource is created before its children, the grant last.
  auto posts = api.calls();
  EXPECT_EQ(posts.front().collection, Collection::Resources);
  EXPECT_EQ(posts.back().collection, Collection::Grants);
  EXPECT_EQ(result.changes[3].id, appId);
  EXPECT_TRUE(waits.ms.empty());
}

// Given two changes of one phase and parallelism 2, when they run, then both are in flight
// at once; with parallelism 1 never more than one.
TEST(Executor, RunsOnePhaseInParallelUpToTheLimit) {
  for (int parallelism : {1, 2}) {
    FakeApi api;
    std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
    std::mutex m;
    std::condition_variable cv;
    int inFlight = 0, peak = 0;
    api.duringWrite = [&](const Call&) {
      std::unique_lock lock(m);
      peak = std::max(peak, ++inFlight);
      cv.notify_all();
      // Wait for a peer; with parallelism 1 none comes, and the wait ends at the bound.
      cv.wait_for(lock, std::chrono::milliseconds(parallelism == 1 ? 20 : 10000),
                  [&] { return peak >= 2; });
      --inFlight;
    };
    auto p = planOf({
        change(Action::Create, Kind::Scope, "a", "API", nullptr, model::toJson(scope("a")), "",
               res),
        change(Action::Create, Kind::Scope, "b", "API", nullptr, model::toJson(scope("b")), "",
               res),
    });
    Recorder progress;
    Waits waits;
    auto result = apply::execute(p, liveFrom(api), api, progress, waits.options(parallelism));
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(peak, parallelism) << "parallelism " << parallelism;
  }
}

// Given three scope deletes and parallelism 8, when they run, then they run one at a time.
TEST(Executor, DeletesScopesOneAtATime) {
  FakeApi api;
  std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
  std::vector<plan::Change> changes;
  for (std::string name : {"a", "b", "c"}) {
    std::string id = api.seed(Collection::Scopes, res, {{"name", name}});
    changes.push_back(change(Action::Delete, Kind::Scope, name, "API", model::toJson(scope(name)),
                             nullptr, id, res));
  }
  std::mutex m;
  std::condition_variable cv;
  int inFlight = 0, peak = 0;
  api.duringWrite = [&](const Call&) {
    std::unique_lock lock(m);
    peak = std::max(peak, ++inFlight);
    cv.notify_all();
    cv.wait_for(lock, std::chrono::milliseconds(20), [&] { return peak >= 2; });
    --inFlight;
  };
  Recorder progress;
  Waits waits;
  auto result = apply::execute(planOf(changes), liveFrom(api), api, progress, waits.options(8));
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(peak, 1);
  EXPECT_TRUE(api.objects(Collection::Scopes, res).empty());
}

// Given a resource create that fails, when the plan runs, then its scope and the grant on it
// are not attempted, and an independent app is still created.
TEST(Executor, SkipsChangesThatDependOnAFailedOne) {
  FakeApi api;
  api.inject = [](const Call& c) -> std::optional<Injection> {
    if (c.method == "POST" && c.collection == Collection::Resources) {
      return Injection{Injection::When::Instead,
                       httpError(400, "INVALID_DATA", "POST /resources -> 400 INVALID_DATA")};
    }
    return std::nullopt;
  };
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Create, Kind::Scope, "api:read", "API", nullptr,
             model::toJson(scope("api:read"))),
      change(Action::Create, Kind::Application, "Tool", "", nullptr, model::toJson(worker("Tool"))),
      change(Action::Create, Kind::Grant, "API", "Tool", nullptr,
             model::toJson(grant("API", {"api:read"}))),
  });
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());

  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.changes[0].outcome, Outcome::Failed);
  EXPECT_EQ(result.changes[0].message, "POST /resources -> 400 INVALID_DATA");
  EXPECT_EQ(result.changes[1].outcome, Outcome::NotAttempted);
  EXPECT_EQ(result.changes[1].message, "not attempted: resource API was not created");
  EXPECT_EQ(result.changes[2].outcome, Outcome::Applied);
  EXPECT_EQ(result.changes[3].outcome, Outcome::NotAttempted);
  EXPECT_EQ(result.writes, 2);  // the failed resource POST and the app POST
  EXPECT_THAT(methods(api.calls()), ElementsAre("POST", "POST"));
  EXPECT_THAT(progress.lines, ElementsAre("start API", "failed API", "skipped api:read",
                                          "start Tool", "applied Tool", "skipped API"));
}

// Given an app create whose answer is lost after PingOne stored it, when the executor looks
// before sending again, then it finds the app and creates no second one.
TEST(Executor, ReadsBackAnUnknownOutcomeInsteadOfCreatingTwice) {
  FakeApi api;
  int posts = 0;
  api.inject = [&](const Call& c) -> std::optional<Injection> {
    if (c.method == "POST" && ++posts == 1) {
      return Injection{Injection::When::AfterCommit, unknownOutcome()};
    }
    return std::nullopt;
  };
  auto p = planOf({change(Action::Create, Kind::Application, "Tool", "", nullptr,
                          model::toJson(worker("Tool")))});
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());

  ASSERT_TRUE(result.ok());
  EXPECT_EQ(api.objects(Collection::Applications).size(), 1u);
  EXPECT_EQ(api.calls("POST", Collection::Applications).size(), 1u);
  EXPECT_EQ(api.calls("LIST", Collection::Applications).size(), 1u);
  EXPECT_EQ(result.changes[0].id, api.objects(Collection::Applications)[0]["id"]);
  EXPECT_EQ(result.credentials.size(), 1u);
}

// Given a grant create whose request was lost before PingOne stored it, when the executor
// looks and finds nothing, then it sends the create again, once.
TEST(Executor, SendsAgainWhenTheLostCreateWasNotApplied) {
  FakeApi api;
  std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
  std::string sc = api.seed(Collection::Scopes, res, {{"name", "api:read"}});
  std::string app = api.seed(Collection::Applications, "", {{"name", "Tool"}});
  int posts = 0;
  api.inject = [&](const Call& c) -> std::optional<Injection> {
    if (c.method == "POST" && ++posts == 1) {
      return Injection{Injection::When::Instead, unknownOutcome()};
    }
    return std::nullopt;
  };
  auto p = planOf({change(Action::Create, Kind::Grant, "API", "Tool", nullptr,
                          model::toJson(grant("API", {"api:read"})), "", app)});
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());

  ASSERT_TRUE(result.ok()) << result.changes[0].message;
  EXPECT_EQ(api.calls("POST", Collection::Grants).size(), 2u);
  EXPECT_EQ(api.calls("LIST", Collection::Grants).size(), 1u);
  ASSERT_EQ(api.objects(Collection::Grants, app).size(), 1u);
  EXPECT_EQ(api.objects(Collection::Grants, app)[0]["scopes"][0]["id"], sc);
}

// Given a new resource that answers 404 twice, when its scope is created, then the executor
// waits 100 ms and 200 ms and succeeds.
TEST(Executor, WaitsOutTheNotFoundOfAJustCreatedParent) {
  FakeApi api;
  api.notFoundAfterCreate = 2;
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Create, Kind::Scope, "api:read", "API", nullptr,
             model::toJson(scope("api:read"))),
  });
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
  ASSERT_TRUE(result.ok()) << result.changes[1].message;
  EXPECT_THAT(waits.ms, ElementsAre(100, 200));
  EXPECT_EQ(api.calls("POST", Collection::Scopes).size(), 3u);
}

// Given a new resource that keeps answering 404, when its scope is created, then the executor
// gives up after 5 tries and reports the 404.
TEST(Executor, GivesUpOnANotFoundAfterTheBound) {
  FakeApi api;
  api.notFoundAfterCreate = 100;
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Create, Kind::Scope, "api:read", "API", nullptr,
             model::toJson(scope("api:read"))),
  });
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
  EXPECT_EQ(result.changes[1].outcome, Outcome::Failed);
  EXPECT_EQ(result.changes[1].message, "-> 404 NOT_FOUND");
  EXPECT_THAT(waits.ms, ElementsAre(100, 200, 400, 800));
  EXPECT_EQ(api.calls("POST", Collection::Scopes).size(), 5u);
}

// Given a live app of another type, when it is replaced, then the old app is deleted, a new
// one created, its grant created on the new id, and its credentials (with the secret) kept.
TEST(Executor, ReplacesAnAppAndGrantsToTheNewOne) {
  FakeApi api;
  std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
  api.seed(Collection::Scopes, res, {{"name", "api:read"}});
  std::string old = api.seed(Collection::Applications, "",
                             {{"name", "Tool"}, {"type", "WEB_APP"}, {"enabled", true}});
  auto p = planOf({
      change(Action::Replace, Kind::Application, "Tool", "", nullptr, model::toJson(worker("Tool")),
             old),
      change(Action::Create, Kind::Grant, "API", "Tool", nullptr,
             model::toJson(grant("API", {"api:read"})), "", old),
  });
  Recorder progress;
  Waits waits;
  auto options = waits.options();
  options.collectCredentials = true;
  auto result = apply::execute(p, liveFrom(api), api, progress, options);

  ASSERT_TRUE(result.ok()) << result.changes[1].message;
  auto apps = api.objects(Collection::Applications);
  ASSERT_EQ(apps.size(), 1u);
  std::string fresh = apps[0]["id"];
  EXPECT_NE(fresh, old);
  EXPECT_EQ(apps[0]["type"], "WORKER");
  EXPECT_THAT(methods(api.calls()), ElementsAre("DELETE", "POST", "SECRET", "POST"));
  EXPECT_EQ(api.objects(Collection::Grants, fresh).size(), 1u);
  ASSERT_EQ(result.credentials.size(), 1u);
  EXPECT_EQ(result.credentials[0].name, "Tool");
  EXPECT_EQ(result.credentials[0].id, fresh);
  EXPECT_EQ(result.credentials[0].clientId, fresh);
  EXPECT_EQ(result.credentials[0].clientSecret, "secret-of-" + fresh);
  EXPECT_EQ(result.credentials[0].environmentId, "env-1");
}

// Given a new resource with a declared `sub`, when the plan's `sub` update (empty id) runs,
// then the executor finds `sub` by name under the new resource and PUTs its value.
TEST(Executor, UpdatesSubOfANewResourceByName) {
  FakeApi api;
  auto p = planOf({
      change(Action::Create, Kind::Resource, "API", "", nullptr, model::toJson(resource("API"))),
      change(Action::Update, Kind::Attribute, "sub", "API",
             model::toJson(attribute("sub", "${user.id}")),
             model::toJson(attribute("sub", "${user.email}"))),
  });
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
  ASSERT_TRUE(result.ok()) << result.changes[1].message;
  std::string res = api.objects(Collection::Resources)[0]["id"];
  auto puts = api.calls("PUT", Collection::Attributes);
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].id, res + "-sub");
  EXPECT_EQ(puts[0].parentId, res);
  EXPECT_EQ(api.named(Collection::Attributes, "sub", res)->at("value"), "${user.email}");
  EXPECT_EQ(api.calls("POST", Collection::Attributes).size(), 0u);
}

// Given a live app with a field pingplan does not manage, when it is updated, then the PUT
// keeps that field and changes the managed one.
TEST(Executor, UpdateKeepsUnmanagedFields) {
  FakeApi api;
  std::string id = api.seed(Collection::Applications, "",
                            {{"name", "Tool"},
                             {"protocol", "OPENID_CONNECT"},
                             {"type", "WORKER"},
                             {"enabled", true},
                             {"grantTypes", {"CLIENT_CREDENTIALS"}},
                             {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"},
                             {"homePageUrl", "https://example.com"}});
  auto desired = worker("Tool");
  desired.enabled = false;
  auto p = planOf(
      {change(Action::Update, Kind::Application, "Tool", "", nullptr, model::toJson(desired), id)});
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
  ASSERT_TRUE(result.ok()) << result.changes[0].message;
  auto puts = api.calls("PUT", Collection::Applications);
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].id, id);
  EXPECT_EQ(puts[0].body["homePageUrl"], "https://example.com");
  EXPECT_EQ(puts[0].body["enabled"], false);
  EXPECT_TRUE(result.credentials.empty());
}

// Given `ensure: absent` on a granted resource, when the plan runs, then the grant goes
// first, then the scope, then the resource; when the grant delete fails, nothing else goes.
TEST(Executor, DeletesChildFirstAndStopsWhenAChildDeleteFails) {
  for (bool grantFails : {false, true}) {
    FakeApi api;
    std::string res = api.seed(Collection::Resources, "", {{"name", "API"}, {"type", "CUSTOM"}});
    std::string sc = api.seed(Collection::Scopes, res, {{"name", "api:read"}});
    std::string app = api.seed(Collection::Applications, "", {{"name", "Tool"}});
    std::string g = api.seed(Collection::Grants, app,
                             {{"resource", {{"id", res}}}, {"scopes", {{{"id", sc}}}}});
    if (grantFails) {
      api.inject = [](const Call& c) -> std::optional<Injection> {
        if (c.method == "DELETE" && c.collection == Collection::Grants) {
          return Injection{Injection::When::Instead, httpError(403, "ACCESS_FAILED", "denied")};
        }
        return std::nullopt;
      };
    }
    auto p = planOf({
        change(Action::Delete, Kind::Resource, "API", "", model::toJson(resource("API")), nullptr,
               res),
        change(Action::Delete, Kind::Scope, "api:read", "API", model::toJson(scope("api:read")),
               nullptr, sc, res),
        change(Action::Delete, Kind::Grant, "API", "Tool",
               model::toJson(grant("API", {"api:read"})), nullptr, g, app),
    });
    Recorder progress;
    Waits waits;
    auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
    auto deletes = api.calls();
    if (!grantFails) {
      ASSERT_TRUE(result.ok());
      ASSERT_EQ(deletes.size(), 3u);
      EXPECT_EQ(deletes[0].collection, Collection::Grants);
      EXPECT_EQ(deletes[1].collection, Collection::Scopes);
      EXPECT_EQ(deletes[2].collection, Collection::Resources);
      EXPECT_TRUE(api.objects(Collection::Resources).empty());
    } else {
      EXPECT_EQ(result.changes[2].outcome, Outcome::Failed);
      EXPECT_EQ(result.changes[1].outcome, Outcome::NotAttempted);
      EXPECT_EQ(result.changes[0].outcome, Outcome::NotAttempted);
      EXPECT_EQ(result.changes[0].message, "not attempted: scope API/api:read was not deleted");
      EXPECT_EQ(deletes.size(), 1u);
      EXPECT_EQ(result.writes, 1);
    }
  }
}

// Given a delete whose object is already gone, when it runs, then it counts as applied.
TEST(Executor, DeleteOfAnObjectAlreadyGoneIsApplied) {
  FakeApi api;
  auto p = planOf({change(Action::Delete, Kind::Application, "Tool", "",
                          model::toJson(worker("Tool")), nullptr, "id-404")});
  Recorder progress;
  Waits waits;
  auto result = apply::execute(p, liveFrom(api), api, progress, waits.options());
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result.writes, 1);
}

// Given a new app whose secret answers 404 at first, when credentials are collected, then
// the secret is read after waiting; without collection no secret is read at all.
TEST(Executor, ReadsTheSecretOfANewAppOnlyWhenAsked) {
  for (bool collect : {false, true}) {
    FakeApi api;
    api.notFoundAfterCreate = 1;
    auto p = planOf({change(Action::Create, Kind::Application, "Tool", "", nullptr,
                            model::toJson(worker("Tool")))});
    Recorder progress;
    Waits waits;
    auto options = waits.options();
    options.collectCredentials = collect;
    auto result = apply::execute(p, liveFrom(api), api, progress, options);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.credentials.size(), 1u);
    std::string id = result.changes[0].id;
    EXPECT_EQ(result.credentials[0].clientSecret, collect ? "secret-of-" + id : "");
    EXPECT_EQ(api.calls("SECRET", Collection::Applications).size(), collect ? 2u : 0u);
    EXPECT_THAT(waits.ms, ::testing::SizeIs(collect ? 1u : 0u));
  }
}

}  // namespace
}  // namespace pingplan::testing
