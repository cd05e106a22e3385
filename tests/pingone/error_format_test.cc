// P1Error and OAuth error bodies as one readable line.

#include "pingone/error_format.h"

#include <gtest/gtest.h>

namespace pingplan::pingone {
namespace {

const std::string kBase = "https://api.pingone.com/v1/environments/env-1";

TEST(ErrorFormat, ShortensPathsAfterTheEnvironment) {
  EXPECT_EQ(describeRequest("PUT", kBase + "/resources/r1?x=1"), "PUT /resources/r1");
  EXPECT_EQ(describeRequest("GET", kBase), "GET /");
  EXPECT_EQ(describeRequest("POST", "https://auth.pingone.com/env-1/as/token"),
            "POST https://auth.pingone.com/env-1/as/token");
}

TEST(ErrorFormat, JoinsDetailsAsTargetMessageAndCode) {
  HttpResponse r{
      400, {}, R"({"id":"x","code":"INVALID_DATA","message":"The request could not be completed.",
    "details":[{"code":"INVALID_VALUE","target":"audience","message":"must not contain \"pingone\""},
               {"code":"REQUIRED_VALUE","message":"name is required"}]})"};
  auto e = httpError("PUT", kBase + "/resources/ID", r);
  EXPECT_EQ(e.kind, ApiError::Kind::Http);
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.code, "INVALID_DATA");
  EXPECT_EQ(e.message,
            R"(PUT /resources/ID -> 400 INVALID_DATA: audience: must not contain "pingone" )"
            R"((INVALID_VALUE); name is required (REQUIRED_VALUE))");
}

TEST(ErrorFormat, ADetailWithoutAMessageIsItsCode) {
  HttpResponse r{400, {}, R"({"code":"INVALID_DATA","details":[{"code":"UNIQUENESS_VIOLATION",
    "target":"name"}]})"};
  EXPECT_EQ(httpError("POST", kBase + "/resources", r).message,
            "POST /resources -> 400 INVALID_DATA: name: UNIQUENESS_VIOLATION");
}

TEST(ErrorFormat, UsesTheTopMessageWithoutDetails) {
  HttpResponse r{403, {}, R"({"code":"ACCESS_FAILED","message":"The actor is not authorized."})"};
  EXPECT_EQ(httpError("DELETE", kBase + "/applications/a", r).message,
            "DELETE /applications/a -> 403 ACCESS_FAILED: The actor is not authorized.");
}

TEST(ErrorFormat, A404IsNotFoundWhateverTheBody) {
  HttpResponse r{404, {}, ""};
  auto e = httpError("GET", kBase + "/resources/r", r);
  EXPECT_EQ(e.code, "NOT_FOUND");
  EXPECT_EQ(e.message, "GET /resources/r -> 404 NOT_FOUND");
}

TEST(ErrorFormat, ReadsOAuthErrorsAndPlainBodies) {
  HttpResponse oauth{401, {}, R"({"error":"invalid_client","error_description":"Bad."})"};
  EXPECT_EQ(httpError("POST", "https://auth.pingone.com/e/as/token", oauth).message,
            "POST https://auth.pingone.com/e/as/token -> 401 invalid_client: Bad.");
  HttpResponse html{502, {}, "<html>Bad Gateway</html>\nmore"};
  EXPECT_EQ(httpError("GET", kBase + "/resources", html).message,
            "GET /resources -> 502: <html>Bad Gateway</html>");
  EXPECT_EQ(errorCodeOf(R"({"code":"UNEXPECTED_ERROR"})"), "UNEXPECTED_ERROR");
  EXPECT_EQ(errorCodeOf("not json"), "");
}

}  // namespace
}  // namespace pingplan::pingone
