// Regression tests for what fuzz/fuzz_decode found in the client's decoding of answers.

#include <gtest/gtest.h>

#include "pingone/retry_policy.h"

namespace pingplan::pingone {
namespace {

using std::chrono::milliseconds;

const auto kNow = std::chrono::system_clock::from_time_t(1'800'000'000);  // 2027-01-15

// A Retry-After date far from now overflowed the nanosecond time_point of from_time_t
// (UBSan: signed integer overflow in std::chrono::duration_cast).
TEST(RetryAfterFuzzRegression, DateCenturiesAgoMeansNoWait) {
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 0201 07:28:00 GMT", kNow), milliseconds(0));
}

TEST(RetryAfterFuzzRegression, DateMillenniaAheadWaitsTheCap) {
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", kNow),
            milliseconds(RetryPolicy::kMaxDelay));
}

TEST(RetryAfterFuzzRegression, DatesNearNowAreStillExact) {
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Fri, 15 Jan 2027 08:00:05 GMT", kNow),
            milliseconds(5000));
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Fri, 15 Jan 2027 08:00:31 GMT", kNow),
            milliseconds(RetryPolicy::kMaxDelay));
  EXPECT_EQ(RetryPolicy::parseRetryAfter("Fri, 15 Jan 2027 07:59:59 GMT", kNow), milliseconds(0));
}

}  // namespace
}  // namespace pingplan::pingone
