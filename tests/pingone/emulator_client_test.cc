// The client against the running emulator: CRUD, errors, paging, retries, unknown outcomes.

#include <gtest/gtest.h>

#include "emulator_fixture.h"
#include "pingone/codec.h"

namespace pingplan::pingone {
namespace {

using testing::EmulatorTest;

Json customResource(const std::string& name) {
  model::Resource r;
  r.name = name;
  r.audience = "https://" + name + ".example.com";
  return encodeResource(r);
}

using ClientAgainstEmulator = EmulatorTest;

TEST_F(ClientAgainstEmulator, CreatesReadsReplacesAndRemovesAResource) {
  auto api = client();
  ASSERT_TRUE(api);
  EXPECT_EQ(api->environmentId(), emulator.environmentId());

  auto created = api->create(Collection::Resources, "", customResource("orders"));
  ASSERT_TRUE(created.ok()) << message(created.error());
  std::string id = (*created)["id"];
  EXPECT_EQ(decodeResource(*created).audience, "https://orders.example.com");

  auto live = decodeResource(*created);
  model::Resource desired = live;
  desired.description = "Order API";
  desired.accessTokenValiditySeconds = 600;
  auto replaced = api->replace(Collection::Resources, "", id, encodeResource(desired, live.raw));
  ASSERT_TRUE(replaced.ok()) << message(replaced.error());

  auto read = api->get(Collection::Resources, "", id);
  ASSERT_TRUE(read.ok()) << message(read.error());
  EXPECT_EQ(decodeResource(*read).description, "Order API");
  EXPECT_EQ(decodeResource(*read).accessTokenValiditySeconds, 600);

  ASSERT_TRUE(api->remove(Collection::Resources, "", id).ok());
  auto gone = api->get(Collection::Resources, "", id);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind, ApiError::Kind::Http);
  EXPECT_EQ(gone.error().status, 404);
  EXPECT_EQ(gone.error().code, "NOT_FOUND");
  EXPECT_EQ(message(gone.error()).rfind("GET /resources/" + id + " -> 404 NOT_FOUND", 0), 0u)
      << gone.error().message;

  // One token for the whole session.
  EXPECT_EQ(count("POST", "/as/token"), 1);
  EXPECT_GT(watch.lineCount(), 4u);
}

TEST_F(ClientAgainstEmulator, TurnsValidationErrorsIntoOneLine) {
  auto api = client();
  Json body = customResource("billing");
  body["audience"] = "https://api.pingone.com/billing";
  auto created = api->create(Collection::Resources, "", body);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().status, 400);
  EXPECT_EQ(created.error().code, "INVALID_DATA");
  EXPECT_EQ(message(created.error()).rfind("POST /resources -> 400 INVALID_DATA: audience: ", 0),
            0u)
      << created.error().message;
}

TEST_F(ClientAgainstEmulator, FollowsEveryPageWithPageSizeOne) {
  auto api = client();
  for (const char* name : {"a", "b", "c", "d"}) {
    ASSERT_TRUE(api->create(Collection::Resources, "", customResource(name)).ok());
  }
  emulator.setFaults({{"pageSize", 1}});
  emulator.clearRequests();
  auto all = api->list(Collection::Resources, "");
  ASSERT_TRUE(all.ok()) << message(all.error());
  std::vector<std::string> names;
  for (const auto& r : *all) names.push_back(r["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"openid", "PingOne API", "a", "b", "c", "d"}));
  EXPECT_TRUE(waitFor([&] { return count("GET", "/resources") == 6; }));
}

TEST_F(ClientAgainstEmulator, RetriesInjected429And503AndCountsThem) {
  auto api = client();
  ASSERT_TRUE(api->list(Collection::Applications, "").ok());  // token fetched without faults
  emulator.clearRequests();
  emulator.setFaults({{"rate429", 0.3}, {"rate503", 0.3}, {"retryAfterSeconds", 2}});
  for (int i = 0; i < 6; ++i) {
    auto created = api->create(Collection::Resources, "", customResource("r" + std::to_string(i)));
    ASSERT_TRUE(created.ok()) << message(created.error());
  }
  emulator.setFaults({{"rate429", 0}, {"rate503", 0}});
  int limited = 0;
  int unavailable = 0;
  int created = 0;
  EXPECT_TRUE(waitFor([&] {
    limited = unavailable = created = 0;
    for (const auto& r : emulator.requests()) {
      if (r["method"] != "POST") continue;
      if (r["status"] == 429) ++limited;
      if (r["status"] == 503) ++unavailable;
      if (r["status"] == 201) ++created;
    }
    return created == 6;
  }));
  EXPECT_GT(limited + unavailable, 0);
  // Every refused attempt was waited out for its Retry-After, on the fake clock.
  auto sleeps = clock->sleeps();
  EXPECT_EQ(static_cast<int>(sleeps.size()), limited + unavailable);
  for (auto s : sleeps) EXPECT_EQ(s, std::chrono::milliseconds(2000));
  auto all = api->list(Collection::Resources, "");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 8u);  // 2 built-ins + 6, no duplicates
}

TEST_F(ClientAgainstEmulator, ACreateWhoseAnswerIsLostIsUnknownAndHappensOnce) {
  // Application names are not unique in PingOne: a re-sent create would make a twin.
  auto api = client();
  ASSERT_TRUE(api->list(Collection::Applications, "").ok());  // a warm, reusable connection
  model::Application app;
  app.name = "once";
  app.type = "WORKER";
  app.grantTypes = {"CLIENT_CREDENTIALS"};
  emulator.setFaults({{"dropAfterCommit", 1}});
  auto created = api->create(Collection::Applications, "", encodeApplication(app));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().kind, ApiError::Kind::UnknownOutcome) << message(created.error());
  EXPECT_EQ(message(created.error()).rfind("POST /applications -> no answer", 0), 0u);

  auto all = api->list(Collection::Applications, "");
  ASSERT_TRUE(all.ok());
  int named = 0;
  for (const auto& a : *all) named += a["name"] == "once" ? 1 : 0;
  EXPECT_EQ(named, 1);
  EXPECT_TRUE(waitFor([&] { return count("GET", "/applications") == 2; }));
  EXPECT_EQ(count("POST", "/applications"), 1);
}

TEST_F(ClientAgainstEmulator, AReplaceWhoseAnswerIsLostIsRetried) {
  auto api = client();
  auto created = api->create(Collection::Resources, "", customResource("put"));
  ASSERT_TRUE(created.ok());
  auto live = decodeResource(*created);
  live.description = "again";
  emulator.setFaults({{"dropAfterCommit", 1}});
  auto replaced = api->replace(Collection::Resources, "", live.id, encodeResource(live, live.raw));
  ASSERT_TRUE(replaced.ok()) << message(replaced.error());
  EXPECT_EQ((*replaced)["description"], "again");
  // libcurl re-sent the PUT by itself on a fresh connection (allowed: PUT is idempotent).
  EXPECT_TRUE(waitFor([&] { return count("PUT", "/resources/" + live.id) == 2; }));
}

TEST_F(ClientAgainstEmulator, ReadsTheWorkerSecretWithoutLoggingIt) {
  auto api = client();
  auto apps = api->list(Collection::Applications, "");
  ASSERT_TRUE(apps.ok());
  model::Application app;
  app.name = "secret holder";
  app.type = "WORKER";
  app.grantTypes = {"CLIENT_CREDENTIALS"};
  auto created = api->create(Collection::Applications, "", encodeApplication(app));
  ASSERT_TRUE(created.ok()) << message(created.error());
  auto secret = api->readSecret((*created)["id"]);
  ASSERT_TRUE(secret.ok()) << message(secret.error());
  EXPECT_GE(secret->size(), 64u);
  watch.secret(*secret);
}

}  // namespace
}  // namespace pingplan::pingone
