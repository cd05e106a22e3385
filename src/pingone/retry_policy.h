#pragma once
// RetryPolicy: when a request is tried again and how long to wait first. One object, named
// constants, no clock of its own: the sender asks it and sleeps through the injected Clock.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace pingplan::pingone {

/// What one attempt came to, as far as retrying is concerned.
struct AttemptOutcome {
  int status = 0;            // HTTP status; 0 when no answer came
  std::string retryAfter;    // the Retry-After header, if any
  std::string errorCode;     // the P1Error `code` of an error body, if any
  bool mayResend = false;    // no answer, and re-sending is safe (not sent, or idempotent)
  bool unreachable = false;  // nothing reached the server: DNS, connect refused or timed out
};

/// PingOne's SDK policy: 429/501/503 wait for Retry-After (seconds or an HTTP-date, at most
/// 30 s), 408/500/502/504 and bodies with code UNEXPECTED_ERROR back off exponentially
/// (2^n s + up to 100 ms jitter, at most 30 s); at most 10 attempts and 5 minutes in all.
/// An unreachable host (DNS failure, connection refused or timed out) fails fast: at most 3
/// attempts, 1 s then 2 s apart (plus jitter), since a wrong host name or a missing network rarely
/// heals within minutes.
class RetryPolicy {
 public:
  using Millis = std::chrono::milliseconds;
  using TimePoint = std::chrono::system_clock::time_point;
  static constexpr int kMaxAttempts = 10;
  static constexpr int kMaxUnreachableAttempts = 3;
  static constexpr std::chrono::seconds kMaxDelay{30};
  static constexpr Millis kMaxJitter{100};
  static constexpr std::chrono::seconds kMaxTotal{300};

  /// `jitter` returns a delay in [0, kMaxJitter]; by default a random one.
  explicit RetryPolicy(std::function<Millis()> jitter = {});

  /// Whether the outcome is a failure worth another attempt at all.
  static bool retryable(const AttemptOutcome& outcome);

  /// The wait before the next attempt after attempt number `attempt` (1-based) ended with
  /// `outcome`, `elapsed` after the first attempt began; nullopt: give up and report it.
  std::optional<Millis> nextDelay(const AttemptOutcome& outcome, int attempt, Millis elapsed,
                                  TimePoint now) const;

  /// Retry-After as seconds ("3") or an HTTP-date, relative to `now`, capped at kMaxDelay;
  /// nullopt when it is neither.
  static std::optional<Millis> parseRetryAfter(const std::string& value, TimePoint now);

 private:
  std::function<Millis()> jitter_;
};

}  // namespace pingplan::pingone
