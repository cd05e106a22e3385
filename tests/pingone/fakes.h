#pragma once
// Test doubles for the pingone client: a clock that never sleeps, a scripted transport, and a
// recorder for log lines and error messages that checks them for secrets.

#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "pingone/clock.h"
#include "pingone/connection.h"
#include "pingone/http.h"

namespace pingplan::pingone::testing {

/// A clock whose time moves only when someone sleeps (or a test advances it); it records
/// every delay it was asked to sleep.
class FakeClock final : public Clock {
 public:
  TimePoint now() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  void sleepFor(std::chrono::milliseconds delay) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sleeps_.push_back(delay);
    now_ += delay;
  }
  void advance(std::chrono::milliseconds by) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += by;
  }
  std::vector<std::chrono::milliseconds> sleeps() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

 private:
  std::mutex mutex_;
  // Starts at the real time (whole seconds): assertions signed on it must be valid for real
  // servers; from then on it moves only by sleepFor() and advance().
  TimePoint now_ =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  std::vector<std::chrono::milliseconds> sleeps_;
};

/// A transport that answers from a script, in order, and records the requests it got.
class FakeTransport final : public Transport {
 public:
  using Handler = std::function<HttpResult(const HttpRequest&)>;
  void answer(int status, std::string body, std::map<std::string, std::string> headers = {}) {
    script_.push_back([=](const HttpRequest&) -> HttpResult {
      return HttpResponse{status, headers, body};
    });
  }
  void failWith(TransportError::Kind kind) {
    script_.push_back([=](const HttpRequest&) -> HttpResult {
      return fail(TransportError{kind, "Server returned nothing (no headers, no data)"});
    });
  }
  void then(Handler h) { script_.push_back(std::move(h)); }

  HttpResult send(const HttpRequest& request) override {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (script_.empty()) return HttpResponse{500, {}, "{\"code\":\"SCRIPT_EMPTY\"}"};
    auto next = std::move(script_.front());
    script_.pop_front();
    return next(request);
  }
  std::vector<HttpRequest> requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  std::mutex mutex_;
  std::deque<Handler> script_;
  std::vector<HttpRequest> requests_;
};

/// Collects every log line and error message a test produced; at the end of the test it
/// checks that none contains a secret the test registered.
class SecretWatch {
 public:
  LogSink sink() {
    return [this](const std::string& line) { add(line); };
  }
  void add(const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(text);
  }
  void secret(const std::string& s) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!s.empty()) secrets_.push_back(s);
  }
  /// Lines that contain a registered secret.
  std::vector<std::string> leaks() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    for (const auto& line : lines_) {
      for (const auto& s : secrets_) {
        if (line.find(s) != std::string::npos) out.push_back(line);
      }
    }
    return out;
  }
  std::vector<std::string> lines() {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  std::size_t lineCount() {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_.size();
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
  std::vector<std::string> secrets_;
};

/// Base fixture: every test gets a SecretWatch, checked when the test ends.
class WatchedTest : public ::testing::Test {
 protected:
  void TearDown() override {
    EXPECT_TRUE(watch.leaks().empty()) << "secret in: " << watch.leaks().front();
  }
  SecretWatch watch;
};

}  // namespace pingplan::pingone::testing
