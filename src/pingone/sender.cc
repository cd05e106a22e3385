#include "pingone/sender.h"

#include "pingone/error_format.h"
#include "pingone/url.h"

namespace pingplan::pingone {
namespace {

using Millis = std::chrono::milliseconds;

std::string attempts(int n) { return std::to_string(n) + (n == 1 ? " attempt" : " attempts"); }

ApiError transportFailure(const HttpRequest& request, const TransportError& error, int attempt) {
  ApiError out;
  std::string what = describeRequest(request.method, request.url);
  if (error.kind == TransportError::Kind::NotSent) {
    out.kind = ApiError::Kind::Network;
    out.message = what + " -> could not reach " + hostOfUrl(request.url) + " (" + error.message +
                  ") after " + attempts(attempt) +
                  "; check PINGONE_AUTH_SERVICE_HOSTNAME, PINGONE_API_SERVICE_HOSTNAME, "
                  "PINGONE_REGION_CODE and the network";
  } else if (error.kind == TransportError::Kind::NoAnswer && !request.idempotent) {
    out.kind = ApiError::Kind::UnknownOutcome;
    out.message = what + " -> no answer (" + error.message +
                  "): the request may have been applied; look before trying again";
  } else {
    out.kind = ApiError::Kind::Network;
    out.message = what + " -> " + error.message;
  }
  return out;
}

}  // namespace

Sender::Sender(std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock, LogSink log,
               RetryPolicy policy)
    : transport_(std::move(transport)),
      clock_(std::move(clock)),
      log_(std::move(log)),
      policy_(std::move(policy)) {}

Result<HttpResponse, ApiError> Sender::send(const HttpRequest& request) const {
  if (!urlAllowed(request.url)) {
    return fail(ApiError{ApiError::Kind::Config, 0, "",
                         "refusing " + redactUrl(request.url) +
                             ": plain http is allowed for loopback only; use https"});
  }
  const auto first = clock_->now();
  for (int attempt = 1;; ++attempt) {
    // The duration is measured, not waited for: the real steady clock, whatever clock_ is.
    const auto start = std::chrono::steady_clock::now();
    HttpResult result = transport_->send(request);
    const auto took = std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - start);
    AttemptOutcome outcome;
    std::string line = request.method + " " + redactUrl(request.url) + " -> ";
    if (result.ok()) {
      outcome.status = result->status;
      auto retryAfter = result->headers.find("retry-after");
      if (retryAfter != result->headers.end()) outcome.retryAfter = retryAfter->second;
      if (result->status >= 400) outcome.errorCode = errorCodeOf(result->body);
      line += std::to_string(result->status);
    } else {
      const auto kind = result.error().kind;
      outcome.unreachable = kind == TransportError::Kind::NotSent;
      outcome.mayResend = kind == TransportError::Kind::NotSent ||
                          (kind == TransportError::Kind::NoAnswer && request.idempotent);
      line += "failed (" + result.error().message + ")";
    }
    line += " " + std::to_string(took.count()) + " ms, attempt " + std::to_string(attempt);
    if (log_) log_(line);

    auto elapsed = std::chrono::duration_cast<Millis>(clock_->now() - first);
    auto delay = policy_.nextDelay(outcome, attempt, elapsed, clock_->now());
    if (!delay) {
      if (result.ok()) return std::move(result).value();
      return fail(transportFailure(request, result.error(), attempt));
    }
    clock_->sleepFor(*delay);
  }
}

}  // namespace pingplan::pingone
