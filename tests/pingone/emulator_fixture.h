#pragma once
// A running pingone-emulator and a pingplan client connected to it, for the tests that speak
// real HTTP on loopback. The client's clock is fake: retry waits are recorded, not slept.

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "fakes.h"
#include "pingone/api.h"
#include "pingone/connection.h"
#include "support/emulator_process.h"

namespace pingplan::pingone::testing {

class EmulatorTest : public WatchedTest {
 protected:
  void SetUp() override {
    env = emulator.exports();
    watch.secret(emulator.clientSecret());
  }

  /// The PINGONE_* variables of the emulator's banner with `overrides` applied ("" unsets).
  EnvLookup lookup(const std::map<std::string, std::string>& overrides = {}) const {
    auto vars = env;
    for (const auto& [k, v] : overrides) vars[k] = v;
    return [vars](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end() || it->second.empty()) return std::nullopt;
      return it->second;
    };
  }

  /// A client for the emulator; fails the test if the connection settings are refused.
  std::unique_ptr<Api> client(const std::map<std::string, std::string>& overrides = {},
                              const std::string& target = "") {
    auto connection = connectionFromEnvironment(lookup(overrides), target);
    if (!connection) {
      ADD_FAILURE() << connection.error().message;
      return nullptr;
    }
    ClientOptions options;
    options.log = watch.sink();
    options.clock = clock;
    return connect(*connection, options);
  }

  /// Requests in the emulator's log with this method whose path ends with `suffix`.
  int count(const std::string& method, const std::string& suffix) const {
    int n = 0;
    for (const auto& r : emulator.requests()) {
      std::string path = r.at("path");
      if (r.at("method") == method && path.size() >= suffix.size() &&
          path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
        ++n;
      }
    }
    return n;
  }

  /// Waits (without sleeping) until `done` holds, checking the emulator again and again; the
  /// emulator logs a request just after answering it, so its log may lag a little.
  template <class Predicate>
  bool waitFor(Predicate done) const {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
    }
    return true;
  }

  /// Records the error's message for the secret scan and returns it.
  std::string message(const ApiError& error) {
    watch.add(error.message);
    return error.message;
  }

  ::pingplan::testing::EmulatorProcess emulator;
  std::map<std::string, std::string> env;
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
};

}  // namespace pingplan::pingone::testing
