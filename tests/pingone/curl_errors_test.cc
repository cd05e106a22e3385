#include "pingone/curl_errors.h"

#include <gtest/gtest.h>

namespace pingplan::pingone {
namespace {

using Kind = TransportError::Kind;

TEST(CurlErrors, NothingSentWhenTheHostCannotBeFoundOrReached) {
  EXPECT_EQ(classifyCurlError(CURLE_COULDNT_RESOLVE_HOST, false).kind, Kind::NotSent);
  EXPECT_EQ(classifyCurlError(CURLE_COULDNT_CONNECT, false).kind, Kind::NotSent);
}

TEST(CurlErrors, AConnectTimeoutSentNothingButALaterTimeoutMayHave) {
  // A connect timeout counts as an unreachable host (3 attempts, not 10); a timeout on an
  // open connection may have delivered a create, so it is never re-sent blindly.
  EXPECT_EQ(classifyCurlError(CURLE_OPERATION_TIMEDOUT, false).kind, Kind::NotSent);
  EXPECT_EQ(classifyCurlError(CURLE_OPERATION_TIMEDOUT, true).kind, Kind::NoAnswer);
}

TEST(CurlErrors, TlsAndUrlProblemsAreFatalAndDroppedConnectionsUnanswered) {
  EXPECT_EQ(classifyCurlError(CURLE_PEER_FAILED_VERIFICATION, true).kind, Kind::Fatal);
  EXPECT_EQ(classifyCurlError(CURLE_URL_MALFORMAT, false).kind, Kind::Fatal);
  EXPECT_EQ(classifyCurlError(CURLE_GOT_NOTHING, true).kind, Kind::NoAnswer);
  EXPECT_EQ(classifyCurlError(CURLE_RECV_ERROR, true).kind, Kind::NoAnswer);
}

TEST(CurlErrors, TheMessageIsLibcurlsDescriptionOnly) {
  EXPECT_EQ(classifyCurlError(CURLE_COULDNT_CONNECT, false).message,
            curl_easy_strerror(CURLE_COULDNT_CONNECT));
}

}  // namespace
}  // namespace pingplan::pingone
