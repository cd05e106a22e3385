// HAL envelopes and cursor paging, and the request-level errors: bad JSON, wrong content type,
// oversized bodies, unknown paths.

#include <gtest/gtest.h>

#include "emulator_client.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

TEST(Paging, PageSizeOneFollowsNextLinksThroughEveryItem) {
  EmulatorProcess emulator({"--page-size", "1"});
  Api api(emulator);
  api.fetchToken();
  for (const char* name : {"R1", "R2", "R3"}) api.create(api.env("/resources"), {{"name", name}});

  std::vector<std::string> names;
  std::set<std::string> cursors;
  std::string next = api.env("/resources");
  int pages = 0;
  while (!next.empty()) {
    Reply page = api.get(next);
    ASSERT_EQ(page.status, 200) << next;
    ++pages;
    EXPECT_EQ(page.body["size"], 1);
    EXPECT_EQ(page.body["count"], 5);
    EXPECT_TRUE(page.body["_links"]["self"].contains("href"));
    for (const auto& r : page.body["_embedded"]["resources"]) {
      names.push_back(r["name"]);
      EXPECT_TRUE(r["_links"]["self"].contains("href"));
    }
    next.clear();
    if (page.body["_links"].contains("next")) {
      std::string href = page.body["_links"]["next"]["href"];
      ASSERT_EQ(href.rfind(emulator.baseUrl(), 0), 0u);
      next = href.substr(emulator.baseUrl().size());
      EXPECT_NE(next.find("cursor="), std::string::npos);
      EXPECT_TRUE(cursors.insert(next).second);
    }
  }
  EXPECT_EQ(pages, 5);
  EXPECT_EQ(names, (std::vector<std::string>{"openid", "PingOne API", "R1", "R2", "R3"}));
}

TEST(Paging, DefaultPageIsSmallLimitLowersItAndBadCursorsAre400) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  for (const char* name : {"R1", "R2", "R3"}) api.create(api.env("/resources"), {{"name", name}});
  Reply first = api.get(api.env("/resources"));
  EXPECT_EQ(first.body["size"], 3);
  EXPECT_EQ(first.body["count"], 5);
  EXPECT_TRUE(first.body["_links"].contains("next"));
  Reply limited = api.get(api.env("/resources?limit=2"));
  EXPECT_EQ(limited.body["size"], 2);
  std::string next = limited.body["_links"]["next"]["href"];
  EXPECT_NE(next.find("limit=2"), std::string::npos);
  Reply bad = api.get(api.env("/resources?cursor=garbage"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(firstDetail(bad), "INVALID_PARAMETER cursor");
  EXPECT_EQ(api.get(api.env("/resources?limit=0")).status, 400);

  emulator.setFaults({{"pageSize", 10}});
  Reply all = api.get(api.env("/resources"));
  EXPECT_EQ(all.body["size"], 5);
  EXPECT_FALSE(all.body["_links"].contains("next"));
}

TEST(Errors, BadJsonWrongContentTypeHugeBodyAndUnknownPaths) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  Reply badJson = api.raw("POST", api.env("/resources"), "{\"name\":", "application/json");
  EXPECT_EQ(badJson.status, 400);
  EXPECT_EQ(badJson.body["code"], "INVALID_REQUEST");
  EXPECT_TRUE(badJson.body.contains("id"));

  Reply notObject = api.raw("POST", api.env("/resources"), "[1,2]", "application/json");
  EXPECT_EQ(notObject.status, 400);
  EXPECT_EQ(notObject.body["code"], "INVALID_REQUEST");

  Reply text = api.raw("POST", api.env("/resources"), "{\"name\":\"x\"}", "text/plain");
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(text.body["code"], "INVALID_REQUEST");

  std::string huge = "{\"name\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}";
  Reply big = api.raw("POST", api.env("/resources"), huge, "application/json");
  EXPECT_EQ(big.status, 413);

  EXPECT_EQ(api.get("/v1/nothing/here").status, 404);
  EXPECT_EQ(api.get(api.env("/widgets")).status, 404);
  // Nothing was stored by any of these.
  EXPECT_EQ(emulator.control("GET", "/emulator/state")["resources"].size(), 2u);
}

TEST(RequestLog, RecordsMethodPathQueryStatusAndCanBeCleared) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  api.get(api.env("/resources?limit=1"));
  api.post(api.env("/resources"), {{"name", "Logged"}});
  json requests = emulator.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0]["method"], "POST");
  EXPECT_EQ(requests[0]["path"], "/" + emulator.environmentId() + "/as/token");
  EXPECT_EQ(requests[1]["path"], api.env("/resources"));
  EXPECT_EQ(requests[1]["query"], "limit=1");
  EXPECT_EQ(requests[1]["status"], 200);
  EXPECT_EQ(requests[2]["status"], 201);
  EXPECT_TRUE(requests[2]["durationMs"].is_number());
  EXPECT_EQ(emulator.writeCount(), 1);

  json counters = emulator.control("GET", "/emulator/counters");
  EXPECT_EQ(counters["total"], 3);
  EXPECT_EQ(counters["writes"], 1);
  EXPECT_EQ(counters["byMethod"]["GET"], 1);
  EXPECT_EQ(counters["byStatus"]["201"], 1);

  emulator.clearRequests();
  EXPECT_EQ(emulator.requests().size(), 0u);
}

}  // namespace
}  // namespace emulator_test
