// Regression tests for what fuzz/fuzz_emulator found in the emulator's request handling.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "support/emulator_process.h"

namespace {

using nlohmann::json;
using pingplan::testing::EmulatorProcess;

// A path that percent-decodes to invalid UTF-8 went into the request log as it was, and every
// later GET /emulator/requests answered 500: nlohmann::json::dump() throws on such strings.
TEST(EmulatorFuzzRegression, RequestLogSurvivesAPathThatIsNotUtf8) {
  EmulatorProcess emulator;
  httplib::Client client(emulator.baseUrl());
  auto bad = client.Get("/v1/environments/%FF%FEx/resources");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);

  auto log = client.Get("/emulator/requests");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->status, 200) << log->body;
  json requests = json::parse(log->body).at("requests");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].at("path"), "/v1/environments/\xEF\xBF\xBD\xEF\xBF\xBDx/resources");
  EXPECT_EQ(requests[0].at("status"), 401);
}

}  // namespace
