// RetryPolicy decisions, and the Sender's retry loop on a fake clock and a scripted transport.

#include "pingone/retry_policy.h"

#include <gtest/gtest.h>

#include "fakes.h"
#include "pingone/sender.h"

namespace pingplan::pingone {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeTransport;

RetryPolicy noJitter() {
  return RetryPolicy([] { return milliseconds(0); });
}

const auto kNow = std::chrono::system_clock::from_time_t(1'445'412'480);  // 2015-10-21 07:28:00

AttemptOutcome status(int s, std::string retryAfter = "", std::string code = "") {
  AttemptOutcome o;
  o.status = s;
  o.retryAfter = std::move(retryAfter);
  o.errorCode = std::move(code);
  return o;
}

TEST(RetryPolicy, RetriesTheTransientStatusesOnly) {
  for (int s : {408, 429, 500, 501, 502, 503, 504}) {
    EXPECT_TRUE(RetryPolicy::retryable(status(s))) << s;
  }
  for (int s : {200, 201, 204, 400, 401, 403, 404, 409, 415}) {
    EXPECT_FALSE(RetryPolicy::retryable(status(s))) << s;
  }
  EXPECT_TRUE(RetryPolicy::retryable(status(400, "", "UNEXPECTED_ERROR")));
}

TEST(RetryPolicy, NoAnswerIsRetriedOnlyWhenResendingIsSafe) {
  AttemptOutcome o;
  EXPECT_FALSE(RetryPolicy::retryable(o));
  o.mayResend = true;
  EXPECT_TRUE(RetryPolicy::retryable(o));
}

TEST(RetryPolicy, BacksOffExponentiallyUpToThirtySeconds) {
  RetryPolicy policy = noJitter();
  std::vector<long> delays;
  for (int attempt = 1; attempt <= 9; ++attempt) {
    delays.push_back(policy.nextDelay(status(502), attempt, milliseconds(0), kNow)->count());
  }
  EXPECT_EQ(delays, (std::vector<long>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000}));
}

TEST(RetryPolicy, AddsTheJitter) {
  RetryPolicy policy([] { return milliseconds(77); });
  EXPECT_EQ(policy.nextDelay(status(500), 2, milliseconds(0), kNow), milliseconds(2077));
}

TEST(RetryPolicy, StopsAfterTenAttempts) {
  RetryPolicy policy = noJitter();
  EXPECT_TRUE(policy.nextDelay(status(503), 9, milliseconds(0), kNow).has_value());
  EXPECT_FALSE(policy.nextDelay(status(503), 10, milliseconds(0), kNow).has_value());
}

TEST(RetryPolicy, AnUnreachableHostGetsThreeAttemptsOneAndTwoSecondsApart) {
  RetryPolicy policy = noJitter();
  AttemptOutcome o;
  o.mayResend = true;
  o.unreachable = true;
  EXPECT_EQ(policy.nextDelay(o, 1, milliseconds(0), kNow), milliseconds(1000));
  EXPECT_EQ(policy.nextDelay(o, 2, milliseconds(1000), kNow), milliseconds(2000));
  EXPECT_EQ(policy.nextDelay(o, 3, milliseconds(3000), kNow), std::nullopt);
  // An answer that was lost on the way is still given the full ten attempts.
  o.unreachable = false;
  EXPECT_TRUE(policy.nextDelay(o, 3, milliseconds(3000), kNow).has_value());
}

TEST(RetryPolicy, StopsWhenTheTotalTimeWouldBeExceeded) {
  RetryPolicy policy = noJitter();
  EXPECT_TRUE(policy.nextDelay(status(503), 3, milliseconds(290'000), kNow).has_value());
  EXPECT_FALSE(policy.nextDelay(status(503), 3, milliseconds(297'000), kNow).has_value());
}

TEST(RetryPolicy, HonoursRetryAfterSecondsOn429And503) {
  RetryPolicy policy = noJitter();
  EXPECT_EQ(policy.nextDelay(status(429, "7"), 1, milliseconds(0), kNow), milliseconds(7000));
  EXPECT_EQ(policy.nextDelay(status(503, "3"), 4, milliseconds(0), kNow), milliseconds(3000));
  EXPECT_EQ(policy.nextDelay(status(429, "3600"), 1, milliseconds(0), kNow), milliseconds(30000));
  // Retry-After on a 500 is not PingOne's promise: exponential backoff applies.
  EXPECT_EQ(policy.nextDelay(status(500, "7"), 1, milliseconds(0), kNow), milliseconds(1000));
  // Without the header, 429 backs off.
  EXPECT_EQ(policy.nextDelay(status(429), 3, milliseconds(0), kNow), milliseconds(4000));
}

TEST(RetryPolicy, ParsesRetryAfterAsAnHttpDate) {
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", kNow),
            milliseconds(5000));
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 08:28:00 GMT", kNow),
            milliseconds(30000));
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", kNow), milliseconds(0));
  EXPECT_EQ(RetryPolicy::parseRetryAfter("soon", kNow), std::nullopt);
  EXPECT_EQ(RetryPolicy::parseRetryAfter("", kNow), std::nullopt);
}

// --- the Sender loop -----------------------------------------------------------------------

struct SenderFixture : ::testing::Test {
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::vector<std::string> log;
  Sender sender{transport, clock, [this](const std::string& l) { log.push_back(l); }, noJitter()};

  HttpRequest request(std::string method, bool idempotent = true) {
    HttpRequest r;
    r.method = std::move(method);
    r.url = "https://api.pingone.com/v1/environments/env-1/resources";
    r.idempotent = idempotent;
    r.headers = {{"Authorization", "Bearer T0KEN"}};
    return r;
  }
};

TEST_F(SenderFixture, WaitsForRetryAfterThenSucceeds) {
  transport->answer(429, R"({"code":"REQUEST_LIMITED"})", {{"retry-after", "2"}});
  transport->answer(503, "", {{"retry-after", "1"}});
  transport->answer(200, "{}");
  auto answer = sender.send(request("GET"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(transport->requests().size(), 3u);
  EXPECT_EQ(clock->sleeps(), (std::vector<milliseconds>{milliseconds(2000), milliseconds(1000)}));
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0],
            "GET https://api.pingone.com/v1/environments/env-1/resources -> 429 0 ms, attempt 1");
  EXPECT_EQ(log[2],
            "GET https://api.pingone.com/v1/environments/env-1/resources -> 200 0 ms, attempt 3");
}

TEST_F(SenderFixture, RetriesUnexpectedErrorBodies) {
  transport->answer(400, R"({"code":"UNEXPECTED_ERROR","message":"oops"})");
  transport->answer(201, "{}");
  auto answer = sender.send(request("POST", false));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 201);
  EXPECT_EQ(clock->sleeps(), (std::vector<milliseconds>{milliseconds(1000)}));
}

TEST_F(SenderFixture, GivesUpAfterTenAttemptsWithTheLastAnswer) {
  for (int i = 0; i < 12; ++i) transport->answer(503, R"({"code":"SERVICE_UNAVAILABLE"})");
  auto answer = sender.send(request("GET"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 503);
  EXPECT_EQ(transport->requests().size(), 10u);
  EXPECT_EQ(clock->sleeps().size(), 9u);
}

TEST_F(SenderFixture, DoesNotRetryClientErrors) {
  transport->answer(400, R"({"code":"INVALID_DATA"})");
  auto answer = sender.send(request("PUT"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 400);
  EXPECT_EQ(transport->requests().size(), 1u);
  EXPECT_TRUE(clock->sleeps().empty());
}

TEST_F(SenderFixture, AnUnansweredCreateIsAnUnknownOutcomeAndIsNotResent) {
  transport->failWith(TransportError::Kind::NoAnswer);
  transport->answer(201, "{}");
  auto answer = sender.send(request("POST", false));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ApiError::Kind::UnknownOutcome);
  EXPECT_EQ(answer.error().message,
            "POST /resources -> no answer (Server returned nothing (no headers, no data)): the "
            "request may have been applied; look before trying again");
  EXPECT_EQ(transport->requests().size(), 1u);
}

TEST_F(SenderFixture, ACreateThatNeverLeftIsRetried) {
  transport->failWith(TransportError::Kind::NotSent);
  transport->answer(201, "{}");
  auto answer = sender.send(request("POST", false));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(transport->requests().size(), 2u);
}

TEST_F(SenderFixture, AnUnreachableHostFailsAfterThreeAttemptsAndSaysWhatToCheck) {
  for (int i = 0; i < 10; ++i) {
    transport->then([](const HttpRequest&) -> HttpResult {
      return fail(TransportError{TransportError::Kind::NotSent, "Couldn't connect to server"});
    });
  }
  HttpRequest r = request("GET");
  r.url = "https://user@auth.example.com:8443/env-1/as/token";
  auto answer = sender.send(r);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ApiError::Kind::Network);
  EXPECT_EQ(answer.error().message,
            "GET https://auth.example.com:8443/env-1/as/token -> could not reach "
            "auth.example.com:8443 (Couldn't connect to server) after 3 attempts; check "
            "PINGONE_AUTH_SERVICE_HOSTNAME, PINGONE_API_SERVICE_HOSTNAME, PINGONE_REGION_CODE and "
            "the network");
  EXPECT_EQ(transport->requests().size(), 3u);
  EXPECT_EQ(clock->sleeps(), (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000)}));
}

TEST_F(SenderFixture, AnUnansweredPutIsRetried) {
  transport->failWith(TransportError::Kind::NoAnswer);
  transport->failWith(TransportError::Kind::NoAnswer);
  transport->answer(200, "{}");
  auto answer = sender.send(request("PUT"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(transport->requests().size(), 3u);
  EXPECT_EQ(clock->sleeps(), (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000)}));
}

TEST_F(SenderFixture, AFatalTransportErrorIsNotRetried) {
  transport->failWith(TransportError::Kind::Fatal);
  auto answer = sender.send(request("GET"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ApiError::Kind::Network);
  EXPECT_EQ(transport->requests().size(), 1u);
}

TEST_F(SenderFixture, RefusesPlainHttpToOtherHosts) {
  HttpRequest r = request("GET");
  r.url = "http://api.example.com/v1/environments/e/resources";
  auto answer = sender.send(r);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ApiError::Kind::Config);
  EXPECT_EQ(answer.error().message,
            "refusing http://api.example.com/v1/environments/e/resources: plain http is allowed "
            "for loopback only; use https");
  EXPECT_TRUE(transport->requests().empty());
}

TEST_F(SenderFixture, LogLinesCarryNoHeaders) {
  transport->answer(200, "{}");
  ASSERT_TRUE(sender.send(request("GET")).ok());
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].find("T0KEN"), std::string::npos);
}

}  // namespace
}  // namespace pingplan::pingone
