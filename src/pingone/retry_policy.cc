#include "pingone/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <random>
#include <sstream>

namespace pingplan::pingone {
namespace {

using Millis = RetryPolicy::Millis;

Millis randomJitter() {
  thread_local std::mt19937 engine{std::random_device{}()};
  std::uniform_int_distribution<long> pick(0, RetryPolicy::kMaxJitter.count());
  return Millis(pick(engine));
}

bool waitsForRetryAfter(int status) { return status == 429 || status == 501 || status == 503; }

Millis backoff(int attempt, Millis jitter) {
  const Millis cap = RetryPolicy::kMaxDelay;
  // 2^(attempt-1) seconds: 1, 2, 4, 8, 16, then the cap.
  Millis base = attempt >= 6 ? cap : Millis(1000L << (attempt - 1));
  return std::min(base + jitter, Millis(cap));
}

}  // namespace

RetryPolicy::RetryPolicy(std::function<Millis()> jitter)
    : jitter_(jitter ? std::move(jitter) : randomJitter) {}

bool RetryPolicy::retryable(const AttemptOutcome& outcome) {
  if (outcome.status == 0) return outcome.mayResend;
  switch (outcome.status) {
    case 408:
    case 429:
    case 500:
    case 501:
    case 502:
    case 503:
    case 504:
      return true;
    default:
      return outcome.errorCode == "UNEXPECTED_ERROR";
  }
}

std::optional<Millis> RetryPolicy::nextDelay(const AttemptOutcome& outcome, int attempt,
                                             Millis elapsed, TimePoint now) const {
  if (!retryable(outcome) || attempt >= kMaxAttempts) return std::nullopt;
  if (outcome.unreachable && attempt >= kMaxUnreachableAttempts) return std::nullopt;
  std::optional<Millis> delay;
  if (waitsForRetryAfter(outcome.status) && !outcome.retryAfter.empty()) {
    delay = parseRetryAfter(outcome.retryAfter, now);
  }
  if (!delay) delay = backoff(std::max(attempt, 1), jitter_());
  if (elapsed + *delay > kMaxTotal) return std::nullopt;
  return delay;
}

std::optional<Millis> RetryPolicy::parseRetryAfter(const std::string& value, TimePoint now) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 6) return Millis(kMaxDelay);
    return std::min(Millis(std::stol(value) * 1000), Millis(kMaxDelay));
  }
  // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::tm tm{};
  std::istringstream in(value);
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
  if (in.fail()) return std::nullopt;
  std::time_t at = timegm(&tm);
  // Compare in whole seconds first: a date far from now (year 201, 9999) would overflow the
  // nanosecond time_point that from_time_t builds.
  std::time_t nowSeconds = std::chrono::system_clock::to_time_t(now);
  if (at <= nowSeconds - 1) return Millis(0);
  if (at >= nowSeconds + kMaxDelay.count() + 1) return Millis(kMaxDelay);
  auto when = std::chrono::system_clock::from_time_t(at);
  auto wait = std::chrono::duration_cast<Millis>(when - now);
  if (wait < Millis(0)) wait = Millis(0);
  return std::min(wait, Millis(kMaxDelay));
}

}  // namespace pingplan::pingone
