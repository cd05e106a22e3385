#pragma once
// Sender: one request through the retry policy, every attempt logged on one redacted line.
// Shared by the API client and the token endpoint, so both retry alike.

#include <memory>

#include "pingone/clock.h"
#include "pingone/connection.h"
#include "pingone/http.h"
#include "pingone/retry_policy.h"

namespace pingplan::pingone {

/// Sends requests with retries. A create (request.idempotent false) whose bytes may have left
/// without an answer is never re-sent: it comes back as ApiError::UnknownOutcome.
class Sender {
 public:
  Sender(std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock, LogSink log,
         RetryPolicy policy = RetryPolicy());

  /// The last answer, whatever its status, or why none came (Network, UnknownOutcome).
  Result<HttpResponse, ApiError> send(const HttpRequest& request) const;

  Clock& clock() const { return *clock_; }

 private:
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<Clock> clock_;
  LogSink log_;
  RetryPolicy policy_;
};

}  // namespace pingplan::pingone
